"""The tutorial in docs/plugins.md works as written.

Its files are the fenced blocks with ``title=PATH``; they are written to a
temporary folder. The module is imported and used in a Linter, the
tutorial's own tests run under pytest, and the ``console run`` blocks run
with the package "installed" through a distribution folder on PYTHONPATH
built from the tutorial's pyproject.toml (a real ``pip install`` would be
too slow for a unit test; CI installs the example plugins for real).
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_env
from netiquette.linter import Linter
from netiquette.plugins import AUTOLOAD_ENV

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"
_FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
PACKAGE = "netiquette-buzzwords"


def _blocks() -> list[tuple[str, str, str]]:
    """(language, info after it, body) for every fenced block at the start of a line."""
    return [(m.group(1), m.group(2).strip(), m.group(3)) for m in _FENCE.finditer(GUIDE.read_text(encoding="utf-8"))]


def _files() -> dict[str, str]:
    files = {}
    for _lang, info, body in _blocks():
        found = re.fullmatch(r"title=(\S+)", info)
        if found:
            assert found.group(1) not in files, f"two blocks titled {found.group(1)}"
            files[found.group(1)] = body
    return files


def _sessions() -> list[str]:
    return [body for lang, info, body in _blocks() if lang == "console" and info == "run"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The tutorial's files, written out."""
    for relative, body in _files().items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return tmp_path / PACKAGE


@pytest.fixture
def site(tmp_path: Path, project: Path) -> Path:
    """A folder holding the dist-info ``pip install`` would write, made from the tutorial's pyproject.toml."""
    meta = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    site = tmp_path / "site"
    info = site / f"{meta['name'].replace('-', '_')}-{meta['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n", encoding="utf-8"
    )
    entry_points = "".join(f"{name} = {target}\n" for name, target in meta["entry-points"]["netiquette"].items())
    (info / "entry_points.txt").write_text(f"[netiquette]\n{entry_points}", encoding="utf-8")
    return site


def test_the_tutorial_has_every_file_of_a_plugin_package() -> None:
    files = _files()
    assert set(files) == {
        f"{PACKAGE}/pyproject.toml",
        f"{PACKAGE}/src/netiquette_buzzwords/__init__.py",
        f"{PACKAGE}/tests/test_buzzwords.py",
    }
    pyproject = tomllib.loads(files[f"{PACKAGE}/pyproject.toml"])
    assert pyproject["project"]["entry-points"]["netiquette"] == {"buzzwords": "netiquette_buzzwords"}
    assert len(_sessions()) >= 2


def test_the_tutorial_module_works_in_a_linter(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(project / "src"))
    monkeypatch.delitem(sys.modules, "netiquette_buzzwords", raising=False)
    module = importlib.import_module("netiquette_buzzwords")
    try:
        linter = Linter(plugins=[module], builtins=False, entry_points=False)
        assert linter.checks == ("buzzwords",)
        report = linter.check("Let's find synergies between our teams.")
        assert [(f.code, f.excerpt, f.plugin) for f in report.findings] == [
            ("BZ101", "synergies", "netiquette_buzzwords")
        ]
        assert report.errors == ()
        # Next to netiquette's own checks: no clash of ids or codes.
        assert "buzzwords" in Linter(plugins=[module], entry_points=False).checks
    finally:
        sys.modules.pop("netiquette_buzzwords", None)


def _matches_in_order(expected: list[str], actual: list[str]) -> bool:
    # Each expected line must be part of a later actual line than the one
    # before it; "..." stands for any lines.
    position = 0
    for line in expected:
        if line == "...":
            continue
        while position < len(actual) and line not in actual[position]:
            position += 1
        if position == len(actual):
            return False
        position += 1
    return True


def _commands(session: str) -> list[tuple[str, list[str]]]:
    commands: list[tuple[str, list[str]]] = []
    for line in session.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            assert commands, f"output before the first command in a console block: {line!r}"
            commands[-1][1].append(line)
    return commands


@pytest.mark.parametrize("number", range(len(_sessions())))
def test_the_tutorial_console_sessions(project: Path, site: Path, number: int) -> None:
    env = cli_env(**{AUTOLOAD_ENV: None})
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(project / "src")])
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    for command, expected in _commands(_sessions()[number]):
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        actual = (result.stdout + result.stderr).splitlines()
        assert "Traceback" not in result.stderr, result.stderr
        assert _matches_in_order(expected, actual), f"$ {command}\n--- expected\n{expected}\n--- got\n{actual}"
