"""Shared fixtures: the test plugins on sys.path, a runner for the CLI in a subprocess, and a findings helper."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    # Only for annotations: conftest must not import spaCy before the tests that check lazy imports.
    from netiquette.linter import Linter
    from netiquette.models import Finding

PLUGIN_DIR = Path(__file__).parent / "plugins_for_tests"
if str(PLUGIN_DIR) not in sys.path:
    sys.path.insert(0, str(PLUGIN_DIR))

# The CLI keeps its matcher cache here for the whole run, not in the user's
# home; the folder goes when the run ends.
_CACHE = tempfile.TemporaryDirectory(prefix="netiquette-test-cache-")
os.environ["NETIQUETTE_CACHE_DIR"] = _CACHE.name

#: The console script installed next to the interpreter running the tests.
CONSOLE_SCRIPT = Path(sys.executable).with_name("netiquette")


def cli_env(**changes: str | None) -> dict[str, str]:
    """The environment for a CLI subprocess: test plugins importable, autoload off, no colour hints."""
    env = dict(os.environ)
    for name in ("NO_COLOR", "FORCE_COLOR", "NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD", "PYTHONPATH"):
        env.pop(name, None)
    env["PYTHONPATH"] = str(PLUGIN_DIR)
    env["NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


RunCli = Callable[..., subprocess.CompletedProcess[bytes]]


def check_findings(linter: Linter, text: str, check: str, **context: Any) -> list[Finding]:
    """The findings of ``check`` in ``text``, once the report is known to have no errors and exact excerpts.

    ``context`` goes to ``Linter.check`` (channel, first_contact, reply_to).
    """
    report = linter.check(text, **context)
    assert not report.errors, report.errors
    for finding in report.findings:
        assert text[finding.start : finding.end] == finding.excerpt
    return [f for f in report.findings if f.check == check]


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """Run ``python -m netiquette ARGS`` in ``tmp_path``; never a traceback on stderr.

    ``input`` is bytes or str for stdin; ``env`` changes the environment
    (None removes a variable); ``script=True`` runs the console script instead.
    """

    def run(
        *args: str,
        input: bytes | str = b"",
        env: dict[str, str | None] | None = None,
        cwd: Path | None = None,
        script: bool = False,
    ) -> subprocess.CompletedProcess[bytes]:
        command: Sequence[str] = [str(CONSOLE_SCRIPT)] if script else [sys.executable, "-m", "netiquette"]
        data = input.encode("utf-8") if isinstance(input, str) else input
        result = subprocess.run(
            [*command, *args],
            input=data,
            capture_output=True,
            env=cli_env(**(env or {})),
            cwd=cwd or tmp_path,
            timeout=120,
            check=False,
        )
        stderr = result.stderr.decode("utf-8", "replace")
        assert "Traceback" not in stderr, stderr
        return result

    return run


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that opens a network connection: drafts must never leave the machine."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a test tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
