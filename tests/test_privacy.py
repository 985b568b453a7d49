"""Privacy: draft text never shows up on stderr, in logs, in error details or in any file netiquette writes.

Every draft here carries a unique marker and goes down an error path: bad
config, a crashing plugin, bad encoding, an oversize draft, a bad batch line,
an unparseable mail. The CLI runs in a subprocess with ``HOME`` and ``TMPDIR``
pointing into ``tmp_path``, so that afterwards every file under ``tmp_path``
other than the inputs the test wrote itself can be searched for the marker.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import uuid
import warnings
from pathlib import Path

import pytest

from conftest import RunCli, cli_env
from netiquette.linter import Linter
from netiquette.pipeline import MAX_CHARS

MARKER = f"ZQXMARKER{uuid.uuid4().hex}"
#: A draft the built-in checks flag, so that the marker sits next to real findings.
DRAFT = f"Hi {{first_name}}, I hope this message finds you well! {MARKER} BOOK A CALL today, only 2 spots left."
#: A draft with nothing for the built-in checks to find: stderr carries no findings quoting it.
QUIET = f"Thanks for the notes from Tuesday, Priya.\n{MARKER}\n"
HEADERS = (
    "From: Sam Lee <sam@example.org>\n"
    "To: Priya Shah <priya@example.com>\n"
    "Subject: Re: Tuesday\n"
    "Date: Tue, 04 Mar 2025 10:00:00 +0000\n"
    "MIME-Version: 1.0\n"
)


class Sandbox:
    """``tmp_path`` as home, temp dir and working directory, remembering the inputs written into it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inputs: set[Path] = set()
        (root / "tmp").mkdir()
        # The matcher cache goes to its default place under HOME, to be searched too.
        self.env: dict[str, str | None] = {
            "HOME": str(root), "TMPDIR": str(root / "tmp"), "NETIQUETTE_CACHE_DIR": None, "XDG_CACHE_HOME": None,
        }  # fmt: skip

    def write(self, name: str, data: bytes | str) -> str:
        path = self.root / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.inputs.add(path)
        return name

    def assert_private(self, result: subprocess.CompletedProcess[bytes]) -> None:
        assert MARKER.encode() not in result.stderr, result.stderr.decode("utf-8", "replace")
        leaked = [
            path
            for path in self.root.rglob("*")
            if path.is_file() and path not in self.inputs and MARKER.encode() in path.read_bytes()
        ]
        assert not leaked, f"the draft was written to {leaked}"


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    return Sandbox(tmp_path)


def presend(sandbox: Sandbox, *args: str, input: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "netiquette.presend", "--no-input", *args],
        input=input,
        capture_output=True,
        env=cli_env(**sandbox.env),
        cwd=sandbox.root,
        timeout=120,
        check=False,
        start_new_session=True,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    return result


# -- netiquette check ------------------------------------------------------------------------


def test_a_checked_draft_is_not_kept(run_cli: RunCli, sandbox: Sandbox) -> None:
    for _ in range(2):  # the first run writes the matcher cache, the second reads it
        result = run_cli("check", "--format", "json", "-", input=DRAFT, env=sandbox.env, cwd=sandbox.root)
        assert result.returncode == 1
        sandbox.assert_private(result)
    assert list((sandbox.root / ".cache" / "netiquette").iterdir())


def test_broken_config(run_cli: RunCli, sandbox: Sandbox) -> None:
    sandbox.write(".netiquette.toml", 'channel = "dm\nselect = [1, 2\n')
    draft = sandbox.write("draft.txt", DRAFT)
    for args, stdin in ((("check", draft), b""), (("check", "-"), DRAFT.encode())):
        result = run_cli(*args, input=stdin, env=sandbox.env)
        assert result.returncode == 2
        assert b".netiquette.toml" in result.stderr
        sandbox.assert_private(result)


def test_config_with_wrong_types_and_unknown_keys(run_cli: RunCli, sandbox: Sandbox) -> None:
    sandbox.write(".netiquette.toml", 'channel = 3\nno-such-key = "x"\n')
    result = run_cli("check", "-", input=DRAFT, env=sandbox.env)
    assert result.returncode == 2
    sandbox.assert_private(result)


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_crashing_plugin(run_cli: RunCli, sandbox: Sandbox, fmt: str) -> None:
    draft = sandbox.write("draft.txt", DRAFT)
    result = run_cli("check", "--format", fmt, "-p", "nq_boom", draft, "-", input=DRAFT, env=sandbox.env)
    assert result.returncode == 3
    assert b"zz-boom" in result.stderr
    sandbox.assert_private(result)


def test_invalid_utf8_on_stdin_and_in_files(run_cli: RunCli, sandbox: Sandbox) -> None:
    data = DRAFT.encode() + b"\xff" + MARKER.encode()
    draft = sandbox.write("draft.txt", data)
    reply = sandbox.write("reply.txt", data)
    good = sandbox.write("good.txt", DRAFT)
    accented = sandbox.write("accented.txt", f"Merci Ren\u00e9e, {DRAFT}")
    runs = [
        run_cli("check", "-", input=data, env=sandbox.env),
        run_cli("check", draft, env=sandbox.env),
        run_cli("check", "--reply-to", reply, good, env=sandbox.env),
        run_cli("check", "--encoding", "ascii", accented, env=sandbox.env),
    ]
    for result in runs:
        assert result.returncode == 2
        assert b"byte offset" in result.stderr, result.stderr
        sandbox.assert_private(result)


def test_oversize_draft(run_cli: RunCli, sandbox: Sandbox) -> None:
    filler = "a" * (MAX_CHARS + 1 - len(MARKER) - 1)
    draft = sandbox.write("big.txt", f"{MARKER} {filler}")
    assert (sandbox.root / draft).stat().st_size == MAX_CHARS + 1
    result = run_cli("check", draft, env=sandbox.env)
    assert result.returncode == 2
    assert b"limit" in result.stderr
    sandbox.assert_private(result)


def test_bad_batch_lines(run_cli: RunCli, sandbox: Sandbox) -> None:
    lines = [
        json.dumps({"text": DRAFT, "id": 1}).encode(),
        f'{{"text": "{MARKER}", "id": 2'.encode(),  # not valid JSON
        json.dumps({"txet": DRAFT, "id": 3, "extra": MARKER}).encode(),  # no text, an unknown key
        json.dumps({"text": DRAFT, "id": 4, "channel": "nope", "first_contact": MARKER}).encode(),  # bad context
        json.dumps({"text": DRAFT, "id": 5}).encode()[:-2] + b"\xff" + MARKER.encode() + b'"}',  # not UTF-8
        json.dumps([MARKER]).encode(),
        json.dumps({"text": [MARKER], "id": 7}).encode(),
    ]
    batch = sandbox.write("batch.jsonl", b"\n".join(lines) + b"\n")
    for fmt in ("text", "jsonl"):
        result = run_cli("check", "--format", fmt, "-p", "nq_boom", "--jsonl", batch, env=sandbox.env)
        assert result.returncode in (2, 3), result.stderr
        assert b"line 2" in result.stderr, result.stderr
        sandbox.assert_private(result)


# -- netiquette-presend ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "mail",
    [
        f"{MARKER} just some text\n\nmore {MARKER}\n",
        f"{HEADERS}{MARKER} with no colon\n\n{MARKER}\n",
        f"{HEADERS}Content-Type: multipart/mixed\n\n{MARKER}\n",
        f'{HEADERS}Content-Type: multipart/mixed; boundary="b"\n\n{MARKER}\n',
        f"{HEADERS}Content-Type: text/plain; charset=x-no-such-charset\n\n{MARKER}\n",
        f"{HEADERS}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{MARKER}!!\n",
    ],
)
def test_presend_unparseable_mail(sandbox: Sandbox, mail: str) -> None:
    result = presend(sandbox, "--sendmail", "--", str(sandbox.root / "no-sendmail"), input=mail.encode())
    assert result.returncode == 2
    assert result.stdout == b""
    sandbox.assert_private(result)


def test_presend_errors(sandbox: Sandbox) -> None:
    bad = DRAFT.encode() + b"\xff" + MARKER.encode()
    draft = sandbox.write("draft.txt", bad)
    runs = [
        presend(sandbox, "--pass-through", input=bad),
        presend(sandbox, draft),
        # presend shows findings (with their lines) on stderr by design, so this draft has none.
        presend(sandbox, "--pass-through", "-p", "nq_boom", input=QUIET.encode()),
        presend(sandbox, "--sendmail", "--", "true", input=(HEADERS + "\n").encode() + bad),
    ]
    sandbox.write(".netiquette.toml", "select = [\n")
    runs.append(presend(sandbox, "--pass-through", input=DRAFT.encode()))
    for result in runs:
        assert result.returncode == 2, result.stderr
        assert result.stdout == b""
        sandbox.assert_private(result)


# -- in-process ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def boom_linter() -> Linter:
    return Linter(plugins=["nq_boom"], entry_points=False)


def test_check_error_detail_never_quotes_the_draft(boom_linter: Linter) -> None:
    report = boom_linter.check(DRAFT)
    assert [error.check for error in report.errors] == ["zz-boom"]
    assert report.findings, "the other checks' findings still come back"
    for error in report.errors:
        assert MARKER not in error.detail
        assert MARKER not in json.dumps(error.to_dict())
    [batched] = boom_linter.check_many([DRAFT])
    assert MARKER not in json.dumps([e.to_dict() for e in batched.errors])


def test_nothing_logged_or_warned_quotes_the_draft(boom_linter: Linter, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("netiquette", "spacy", "pluggy"):
        caplog.set_level(logging.DEBUG, logger=name)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        boom_linter.check(DRAFT, channel="connection_request")
        list(boom_linter.check_many([DRAFT, DRAFT + "\xff\u202e"]))
    for record in caplog.records:
        assert MARKER not in record.getMessage()
        assert MARKER not in caplog.text
    for warning in caught:
        assert MARKER not in str(warning.message)


def test_api_errors_never_quote_the_draft(boom_linter: Linter) -> None:
    from netiquette import DraftTooLarge

    with pytest.raises(TypeError) as caught:
        boom_linter.check(DRAFT.encode())  # type: ignore[arg-type]
    assert MARKER not in str(caught.value)
    big = MARKER + "a" * MAX_CHARS
    with pytest.raises(DraftTooLarge) as too_large:
        boom_linter.check(big)
    assert MARKER not in str(too_large.value)
    with pytest.raises(ValueError) as channel:
        boom_linter.check(DRAFT, channel=MARKER)
    assert "channel" in str(channel.value)
