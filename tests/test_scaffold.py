"""``netiquette new-plugin``: the generated package's own tests pass out of the box."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import RunCli, cli_env
from netiquette.scaffold import ScaffoldError, create, plugin_names

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_generated_plugin_passes_its_own_tests(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("new-plugin", "team-words", "--dir", "out")
    assert result.returncode == 0, result.stderr
    root = tmp_path / "out" / "netiquette-team-words"
    assert f"Created {Path('out') / 'netiquette-team-words'}" in result.stdout.decode("utf-8")
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) == [
        "README.md",
        "pyproject.toml",
        "src/netiquette_team_words/__init__.py",
        "tests/test_team_words.py",
    ]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "netiquette-team-words"
    assert project["entry-points"]["netiquette"] == {"team-words": "netiquette_team_words"}

    env = cli_env(PYTHONPATH=str(root / "src"))
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "2 passed" in tests.stdout

    check = run_cli(
        "check",
        "-p",
        "netiquette_team_words",
        "--select",
        "TWO",
        input="Let's find synergies.",
        env={"PYTHONPATH": os.pathsep.join([str(root / "src"), env["PYTHONPATH"]])},
    )
    assert check.returncode == 1
    assert "TWO101 [warning]" in check.stdout.decode("utf-8")


def test_names_derived_from_the_plugin_name() -> None:
    assert plugin_names("team-words") == {
        "name": "team-words",
        "dist": "netiquette-team-words",
        "module": "netiquette_team_words",
        "cls": "TeamWordsCheck",
        "prefix": "TWO",
    }
    assert plugin_names("netiquette-buzzwords")["prefix"] == "BUZ"


def test_explicit_prefix(tmp_path: Path) -> None:
    root = create("buzzwords", tmp_path, prefix="BZ")
    assert 'CODE = "BZ101"' in (root / "src" / "netiquette_buzzwords" / "__init__.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "prefix", "problem"),
    [
        ("Team_Words", None, "must be lowercase words joined by hyphens"),
        ("hello-stranger", None, "code prefix 'HST' overlaps netiquette's own 'HS'; choose another with --prefix"),
        ("buzzwords", "bz", "must be one to four uppercase letters"),
        ("buzzwords", "HS", "overlaps netiquette's own 'HS'"),
    ],
)
def test_bad_names_and_prefixes(tmp_path: Path, name: str, prefix: str | None, problem: str) -> None:
    with pytest.raises(ScaffoldError, match=problem):
        create(name, tmp_path, prefix=prefix)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_never_overwritten(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "netiquette-team-words").mkdir()
    (tmp_path / "netiquette-team-words" / "keep.txt").write_text("mine", encoding="utf-8")
    result = run_cli("new-plugin", "team-words")
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == "netiquette: error: netiquette-team-words already exists\n"
    assert [p.name for p in (tmp_path / "netiquette-team-words").iterdir()] == ["keep.txt"]
