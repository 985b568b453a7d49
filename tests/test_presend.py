"""``netiquette-presend``: verdicts, the terminal prompt, pass-through, mail mode and the documented recipes.

Every subprocess runs in a new session, so it has no controlling terminal
unless a test gives it a pseudo-terminal on purpose: a stray "Send anyway?"
can never wait on the terminal running the tests. Plugin autoload is off
(``cli_env``). Messages are parsed in-process through ``netiquette.mail``
where only the extracted text matters, and through the command where the
bytes handed to the mail command matter.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import pty
import re
import select
import shlex
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import cli_env
from netiquette.cli import UsageError
from netiquette.mail import MailError, author_text, html_to_text, strip_reply
from netiquette.presend import PROMPT, skip_requested, split_sendmail, verdict

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "presend.md"
BIN = Path(sys.executable).parent
PRESEND_SCRIPT = BIN / "netiquette-presend"
CHECK_SCRIPT = BIN / "netiquette"

#: Flagged clearly by the built-in checks: a raw template field (CO104, error) and a hard sell.
HELD = "Hi {first_name}, I hope this message finds you well! BOOK A CALL with me today, only 2 spots left."
#: Nothing for any built-in check to find.
CLEAN = "Thanks for the notes from Tuesday, Priya. Could you send the slides when you have a minute?"
CLEAN_8BIT = (
    "Thanks for the notes from Tuesday, Priya. Could you send the slides when you have a minute? Merci, à bientôt."
)
HELD_LATIN1 = (
    "Hi {first_name}, I hope this message finds you well! BOOK A CALL with me today at the café, only 2 spots left."
)

HEADERS = (
    "From: Sam Lee <sam@example.org>\n"
    "To: Priya Shah <priya@example.com>\n"
    "Subject: Re: Tuesday\n"
    "Date: Tue, 04 Mar 2025 10:00:00 +0000\n"
    "Message-ID: <presend-test@example.org>\n"
    "MIME-Version: 1.0\n"
)


def message(body: str, content_type: str = "text/plain; charset=utf-8", encoding: str = "8bit") -> str:
    """A one-part message with LF line ends."""
    return f"{HEADERS}Content-Type: {content_type}\nContent-Transfer-Encoding: {encoding}\n\n{body}"


def crlf(text: str, charset: str = "utf-8") -> bytes:
    """``text`` with CRLF line ends, encoded: the way a message goes over the wire."""
    return text.replace("\n", "\r\n").encode(charset)


def alternative(plain: str, html: str) -> str:
    return (
        f'{HEADERS}Content-Type: multipart/alternative; boundary="alt"\n\n'
        "--alt\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        f"{plain}\n"
        "--alt\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        f"<html><body><p>{html}</p></body></html>\n"
        "--alt--\n"
    )


SIGNATURE_SEPARATOR = "-- "
REPLY = f"""Hi Priya,

{CLEAN}

On Mon, 3 Mar 2025 at 09:12, Priya Shah <priya@example.com> wrote:
> {HELD}
> Let me know.

{SIGNATURE_SEPARATOR}
Sam Lee | {HELD}
"""


# -- running the command --------------------------------------------------------------------


def err(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode("utf-8", "replace")


def last_line(result: subprocess.CompletedProcess[bytes]) -> str:
    return err(result).rstrip("\n").splitlines()[-1]


Run = Callable[..., subprocess.CompletedProcess[bytes]]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run ``python -m netiquette.presend ARGS`` in ``tmp_path``, with no terminal; never a traceback."""

    def run_presend(
        *args: str,
        input: bytes | str = b"",
        env: dict[str, str | None] | None = None,
        script: bool = False,
    ) -> subprocess.CompletedProcess[bytes]:
        command = [str(PRESEND_SCRIPT)] if script else [sys.executable, "-m", "netiquette.presend"]
        result = subprocess.run(
            [*command, *args],
            input=input.encode("utf-8") if isinstance(input, str) else input,
            capture_output=True,
            env=cli_env(**(env or {})),
            cwd=tmp_path,
            timeout=120,
            check=False,
            start_new_session=True,
        )
        assert "Traceback" not in err(result), err(result)
        return result

    return run_presend


@dataclass
class FakeSendmail:
    """A stand-in sendmail that records each call's argv and stdin bytes."""

    path: Path
    log: Path

    def calls(self) -> list[tuple[list[str], bytes]]:
        found = []
        for argv_file in sorted(self.log.glob("*.argv.json")):
            stdin_file = argv_file.with_name(argv_file.name.replace(".argv.json", ".stdin"))
            found.append((json.loads(argv_file.read_text(encoding="utf-8")), stdin_file.read_bytes()))
        return found


FAKE_SENDMAIL = """#!{python}
import json, os, sys, time
from pathlib import Path

log = Path({log!r})
data = sys.stdin.buffer.read()
stem = log / str(time.monotonic_ns())
stem.with_suffix(".stdin").write_bytes(data)
stem.with_suffix(".argv.json").write_text(json.dumps(sys.argv[1:]))
sys.exit(int(os.environ.get("FAKE_SENDMAIL_EXIT", "0")))
"""


@pytest.fixture
def fake_sendmail(tmp_path: Path) -> FakeSendmail:
    """An executable ``bin/sendmail`` in ``tmp_path`` (so it is also found on a PATH holding that directory)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    log = tmp_path / "sendmail-calls"
    log.mkdir()
    path = bin_dir / "sendmail"
    path.write_text(FAKE_SENDMAIL.format(python=sys.executable, log=str(log)), encoding="utf-8")
    path.chmod(0o755)
    return FakeSendmail(path, log)


def marker_config(tmp_path: Path, extra: str = "") -> None:
    """Judge drafts with the test plugin's marker words only: ``zqxwarn`` is a warning, ``zqxerr`` an error."""
    (tmp_path / ".netiquette.toml").write_text(f'plugins = ["nq_marker"]\nselect = ["ZZTP"]\n{extra}', encoding="utf-8")


# -- pure functions -------------------------------------------------------------------------


def test_verdict_lines() -> None:
    assert verdict(0) == "Ready to send."
    assert verdict(1) == "Not ready to send: look at 1 thing first."
    assert verdict(4) == "Not ready to send: look at 4 things first."


@pytest.mark.parametrize(
    ("value", "skip"),
    [("1", True), ("yes", True), ("TRUE", True), ("", False), ("0", False), ("false", False), ("no", False)],
)
def test_skip_variable_values(value: str, skip: bool) -> None:
    assert skip_requested({"NETIQUETTE_SKIP": value}) is skip
    assert skip_requested({}) is False


def test_split_sendmail() -> None:
    assert split_sendmail(["--channel", "dm"]) == (["--channel", "dm"], None)
    command = ["/usr/sbin/sendmail", "-oi", "-t"]
    assert split_sendmail(["--no-input", "--sendmail", "--", *command]) == (["--no-input"], command)
    # mutt puts its own sendmail options in front of the "--" it was given, and recipients at the end.
    mutt = ["--sendmail", "-B8BITMIME", "-f", "me@example.org", "--", *command, "a@example.com"]
    assert split_sendmail(mutt) == (
        [],
        ["/usr/sbin/sendmail", "-B8BITMIME", "-f", "me@example.org", "-oi", "-t", "a@example.com"],
    )
    assert split_sendmail(["--sendmail", "sendmail", "-i", "--", "a@example.com"]) == (
        [],
        ["sendmail", "-i", "--", "a@example.com"],
    )
    for broken in (["--sendmail"], ["--sendmail", "--"], ["--sendmail", "-f", "me@example.org"]):
        with pytest.raises(UsageError, match="needs the mail command"):
            split_sendmail(broken)


# -- what counts as the author's text ---------------------------------------------------------


def test_quotes_attribution_and_signature_are_not_the_authors() -> None:
    author = author_text(crlf(message(REPLY)))
    assert author.text == f"Hi Priya,\n\n{CLEAN}"
    assert author.quoted == f"{HELD}\nLet me know."


def test_wrapped_attribution_and_interleaved_answers() -> None:
    body = (
        "On Mon, 3 Mar 2025 at 09:12, Priya Shah <\n"
        "priya@example.com> wrote:\n"
        "> Could you send the slides?\n"
        "Yes, attached.\n"
        ">> older quote\n"
        "> And the notes?\n"
        "\n"
        "Those follow tomorrow.\n"
    )
    assert strip_reply(body).text == "Yes, attached.\n\nThose follow tomorrow."


def test_text_that_only_looks_like_an_attribution_is_kept() -> None:
    body = "On Tuesday the team wrote:\nthree drafts, all good.\n"
    assert strip_reply(body).text == body.strip("\n")
    assert strip_reply(body).quoted is None


def test_patch_mail_judges_the_commit_message_not_the_diff() -> None:
    body = (
        "Fix the page counter.\n\nThe last page was never shown.\n---\n counter.py | 2 +-\n\n"
        f"diff --git a/counter.py b/counter.py\n+# {HELD}\n-- \n2.43.0\n"
    )
    assert strip_reply(body).text == "Fix the page counter.\n\nThe last page was never shown."


def test_forwarded_block_is_not_the_authors() -> None:
    body = f"{CLEAN}\n\n---------- Forwarded message ---------\nFrom: someone\n\n{HELD}\n"
    assert strip_reply(body).text == CLEAN


def test_multipart_alternative_uses_the_plain_part() -> None:
    assert author_text(alternative(CLEAN, HELD).encode()).text == CLEAN
    assert author_text(alternative(HELD, CLEAN).encode()).text == HELD


def test_base64_quoted_printable_and_latin1_bodies_are_decoded() -> None:
    encoded = base64.encodebytes(CLEAN_8BIT.encode("utf-8")).decode("ascii")
    assert author_text(message(encoded, encoding="base64").encode()).text == CLEAN_8BIT
    qp = (
        "Thanks for the notes from Tuesday, Priya. Could you send the slides when you =\n"
        "have a minute? Merci, =C3=A0 bient=C3=B4t."
    )
    assert author_text(message(qp, encoding="quoted-printable").encode()).text == CLEAN_8BIT
    latin1 = crlf(message(HELD_LATIN1, content_type="text/plain; charset=iso-8859-1"), "iso-8859-1")
    assert author_text(latin1).text == HELD_LATIN1


def test_undeclared_charset_with_8bit_bytes_is_read_as_utf8() -> None:
    raw = f"{HEADERS}\n{CLEAN_8BIT}\n".encode()
    assert author_text(raw).text == CLEAN_8BIT


def test_html_only_body_is_reduced_to_text() -> None:
    html = (
        "<html><head><title>t</title><style>p {color: red}</style></head><body>"
        "<div>Hi Priya,</div><div><br></div><div>Thanks&nbsp;for the   notes &amp; the slides.</div>"
        "<script>var x = 'BOOK A CALL';</script>"
        '<div class="gmail_quote"><div>On Mon, Mar 3, 2025 at 9:12 AM Priya Shah wrote:<br></div>'
        f"<blockquote>{HELD}</blockquote></div></body></html>"
    )
    assert html_to_text(html).splitlines()[-1] == f"> {HELD}"
    author = author_text(message(html, content_type="text/html; charset=utf-8").encode())
    assert author.text == "Hi Priya,\n\nThanks for the notes & the slides."
    assert author.quoted == HELD


def test_attachments_and_attached_messages_are_not_judged() -> None:
    raw = (
        f'{HEADERS}Content-Type: multipart/mixed; boundary="mix"\n\n'
        f"--mix\nContent-Type: text/plain; charset=utf-8\n\n{CLEAN}\n"
        f'--mix\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: inline; filename="pitch.txt"\n\n{HELD}\n'
        f"--mix\nContent-Type: message/rfc822\n\nSubject: old\n\n{HELD}\n"
        "--mix--\n"
    )
    assert author_text(raw.encode()).text == CLEAN


SECRET = "zq-secret-words"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty"),
        (f"{SECRET} just some text\n\nmore {SECRET}\n".encode(), "no header fields"),
        (f"\n{SECRET}\n".encode(), "no header fields"),
        (f"{HEADERS}{SECRET} with no colon\n\n{SECRET}\n".encode(), "blank line"),
        (f"{HEADERS}Content-Type: multipart/mixed\n\n{SECRET}\n".encode(), "no boundary"),
        (f'{HEADERS}Content-Type: multipart/mixed; boundary="b"\n\n{SECRET}\n'.encode(), "boundary never occurs"),
        (message(f"{SECRET}!!", encoding="base64").encode(), "base64"),
        (message(SECRET, content_type="text/plain; charset=x-no-such-charset").encode(), "charset"),
        (message(SECRET).encode() + b"\xff\xfe", "not valid utf-8 at byte offset"),
    ],
)
def test_a_message_that_cannot_be_read_is_an_error_without_its_words(raw: bytes, problem: str) -> None:
    with pytest.raises(MailError) as caught:
        author_text(raw)
    assert problem in str(caught.value)
    assert SECRET not in str(caught.value)


# -- verdicts, exit codes and pass-through ------------------------------------------------------


def test_held_draft_verdict_and_exit_1(run: Run) -> None:
    result = run("--pass-through", input=HELD)
    assert result.returncode == 1
    assert result.stdout == b""
    assert "CO104 [error]" in err(result)
    assert re.fullmatch(r"Not ready to send: look at \d+ things first\.", last_line(result))
    assert PROMPT.strip() not in err(result)  # no terminal: --fail-on decides, nothing is asked


def test_clean_draft_passes_through_byte_for_byte(run: Run) -> None:
    draft = b"\xef\xbb\xbf" + crlf(CLEAN_8BIT + "\nSam")  # BOM, CRLF, 8-bit, no final newline
    result = run("--pass-through", input=draft)
    assert result.returncode == 0, err(result)
    assert result.stdout == draft
    assert last_line(result) == "Ready to send."


def test_file_argument_and_console_script(run: Run, tmp_path: Path) -> None:
    if not PRESEND_SCRIPT.exists():
        pytest.skip("the netiquette-presend console script is not installed next to this interpreter")
    draft = crlf(CLEAN + "\n")
    (tmp_path / "note.txt").write_bytes(draft)
    result = run("--pass-through", "note.txt", script=True)
    assert result.returncode == 0, err(result)
    assert result.stdout == draft


def test_without_pass_through_nothing_goes_to_stdout(run: Run) -> None:
    result = run(input=CLEAN)
    assert result.returncode == 0
    assert result.stdout == b""
    assert err(result).splitlines()[-2:] == ["No findings in 1 draft.", "Ready to send."]


@pytest.mark.parametrize(("flag", "env"), [("--force", {}), (None, {"NETIQUETTE_SKIP": "1"})])
def test_bypass_passes_the_draft_unchecked(run: Run, flag: str | None, env: dict[str, str | None]) -> None:
    draft = HELD.encode() + b"\xff not even utf-8"
    result = run(*([flag] if flag else []), "--pass-through", input=draft, env=env)
    assert result.returncode == 0
    assert result.stdout == draft
    assert "not checked" in err(result)
    assert "CO104" not in err(result)


def test_skip_variable_set_to_0_still_checks(run: Run) -> None:
    result = run("--pass-through", input=HELD, env={"NETIQUETTE_SKIP": "0"})
    assert result.returncode == 1
    assert result.stdout == b""


def test_undecodable_draft_is_an_error_naming_the_offset(run: Run) -> None:
    result = run("--pass-through", input=b"Thanks \xff " + SECRET.encode())
    assert result.returncode == 2
    assert result.stdout == b""
    assert "byte offset 7" in err(result)
    assert "NETIQUETTE_SKIP=1 or --force" in err(result)
    assert SECRET not in err(result)


def test_fail_on_from_the_flag_and_the_config(run: Run, tmp_path: Path) -> None:
    marker_config(tmp_path)
    assert run(input="Hi zqxwarn").returncode == 1
    assert run("--fail-on", "error", input="Hi zqxwarn").returncode == 0
    assert run("--fail-on", "error", input="Hi zqxerr").returncode == 1
    marker_config(tmp_path, 'fail-on = "error"\n')
    result = run(input="Hi zqxwarn")
    assert result.returncode == 0
    assert "ZZTP101 [warning]" in err(result)
    assert last_line(result) == "Ready to send."


def test_channel_flag_and_config_file_flag(run: Run, tmp_path: Path) -> None:
    (tmp_path / "rules.toml").write_text(
        'plugins = ["nq_marker"]\nselect = ["ZZTP"]\n[per-channel.email]\nignore = ["ZZTP101"]\n', encoding="utf-8"
    )
    assert run("--config", "rules.toml", input="Hi zqxwarn").returncode == 1
    assert run("--config", "rules.toml", "--channel", "email", input="Hi zqxwarn").returncode == 0


def test_errors_exit_2(run: Run, tmp_path: Path) -> None:
    assert run("--no-such-option", input=CLEAN).returncode == 2
    assert run("--reply-to", "missing.txt", input=CLEAN).returncode == 2
    assert run("note.txt", "--sendmail", "--", "sendmail").returncode == 2
    assert run("--pass-through", "--sendmail", "--", "sendmail").returncode == 2
    (tmp_path / ".netiquette.toml").write_text('fail-on = "high"\n', encoding="utf-8")
    result = run("--pass-through", input=CLEAN)
    assert result.returncode == 2
    assert result.stdout == b""
    assert "fail-on" in err(result)


def test_a_failing_check_is_an_error_and_nothing_passes(run: Run) -> None:
    result = run("--pass-through", "-p", "nq_boom", input=SECRET)
    assert result.returncode == 2
    assert result.stdout == b""
    assert "check 'zz-boom' from plugin 'nq_boom' failed" in err(result)
    assert "NETIQUETTE_SKIP=1 or --force" in err(result)
    assert SECRET not in err(result)


# -- mail mode ------------------------------------------------------------------------------


def test_clean_mail_reaches_sendmail_byte_for_byte(run: Run, fake_sendmail: FakeSendmail) -> None:
    raw = crlf(message(CLEAN_8BIT + "\n\n-- \nSam\n"))
    result = run("--sendmail", "--", str(fake_sendmail.path), "-oi", "-t", "priya@example.com", input=raw)
    assert result.returncode == 0, err(result)
    assert fake_sendmail.calls() == [(["-oi", "-t", "priya@example.com"], raw)]
    assert last_line(result) == "Ready to send."


def test_sendmail_exit_code_is_returned(run: Run, fake_sendmail: FakeSendmail) -> None:
    raw = message(CLEAN).encode()
    result = run("--sendmail", "--", str(fake_sendmail.path), input=raw, env={"FAKE_SENDMAIL_EXIT": "75"})
    assert result.returncode == 75
    assert len(fake_sendmail.calls()) == 1


def test_held_mail_never_reaches_sendmail(run: Run, fake_sendmail: FakeSendmail) -> None:
    result = run("--sendmail", "--", str(fake_sendmail.path), "-oi", "-t", input=crlf(message(HELD)))
    assert result.returncode == 1
    assert fake_sendmail.calls() == []
    assert "<message>:1:4: CO104 [error]" in err(result)
    assert last_line(result).startswith("Not ready to send: look at")


def test_quoted_text_and_signature_are_not_judged(run: Run, fake_sendmail: FakeSendmail) -> None:
    raw = crlf(message(REPLY))
    result = run("--sendmail", "--", str(fake_sendmail.path), input=raw)
    assert result.returncode == 0, err(result)
    assert fake_sendmail.calls() == [([], raw)]


@pytest.mark.parametrize(("plain", "html", "sent"), [(CLEAN, HELD, True), (HELD, CLEAN, False)])
def test_multipart_alternative_is_judged_by_its_plain_part(
    run: Run, fake_sendmail: FakeSendmail, plain: str, html: str, sent: bool
) -> None:
    raw = crlf(alternative(plain, html))
    result = run("--sendmail", "--", str(fake_sendmail.path), input=raw)
    assert result.returncode == (0 if sent else 1), err(result)
    assert fake_sendmail.calls() == ([([], raw)] if sent else [])


def test_base64_body_is_judged_decoded(run: Run, fake_sendmail: FakeSendmail) -> None:
    encoded = base64.encodebytes(HELD.encode("utf-8")).decode("ascii")
    result = run("--sendmail", "--", str(fake_sendmail.path), input=crlf(message(encoded, encoding="base64")))
    assert result.returncode == 1, err(result)
    assert "CO104" in err(result)
    assert fake_sendmail.calls() == []


def test_latin1_body_is_judged_in_its_charset(run: Run, fake_sendmail: FakeSendmail) -> None:
    raw = crlf(message(HELD_LATIN1, content_type="text/plain; charset=iso-8859-1"), "iso-8859-1")
    result = run("--sendmail", "--", str(fake_sendmail.path), input=raw)
    assert result.returncode == 1, err(result)
    assert "at the café, only" in err(result)  # the draft line under the finding, decoded right
    assert fake_sendmail.calls() == []


def test_html_only_body_is_judged(run: Run, fake_sendmail: FakeSendmail) -> None:
    raw = crlf(message(f"<html><body><p>{HELD}</p></body></html>", content_type="text/html; charset=utf-8"))
    result = run("--sendmail", "--", str(fake_sendmail.path), input=raw)
    assert result.returncode == 1, err(result)
    assert "CO104" in err(result)
    assert fake_sendmail.calls() == []


def test_mail_mode_judges_on_the_email_channel(run: Run, fake_sendmail: FakeSendmail, tmp_path: Path) -> None:
    marker_config(tmp_path, '[per-channel.email]\nignore = ["ZZTP101"]\n')
    raw = message("Hi zqxwarn").encode()
    result = run("--sendmail", "--", str(fake_sendmail.path), input=raw)
    assert result.returncode == 0, err(result)
    assert fake_sendmail.calls() == [([], raw)]


def test_malformed_message_is_not_sent(run: Run, fake_sendmail: FakeSendmail) -> None:
    raw = f'{HEADERS}Content-Type: multipart/mixed; boundary="b"\n\n{SECRET} {CLEAN}\n'.encode()
    result = run("--sendmail", "--", str(fake_sendmail.path), input=raw)
    assert result.returncode == 2
    assert fake_sendmail.calls() == []
    assert "boundary never occurs" in err(result)
    assert "nothing was sent" in err(result)
    assert "NETIQUETTE_SKIP=1 or --force" in err(result)
    assert SECRET not in err(result)


@pytest.mark.parametrize(("flag", "env"), [("--force", {}), (None, {"NETIQUETTE_SKIP": "1"})])
def test_bypass_sends_even_an_unreadable_message_unchanged(
    run: Run, fake_sendmail: FakeSendmail, flag: str | None, env: dict[str, str | None]
) -> None:
    raw = crlf(f"{HELD}\nnot a message \xe9\n", "latin-1")
    result = run(*([flag] if flag else []), "--sendmail", "--", str(fake_sendmail.path), "-t", input=raw, env=env)
    assert result.returncode == 0, err(result)
    assert fake_sendmail.calls() == [(["-t"], raw)]


def test_mail_command_that_cannot_run(run: Run, tmp_path: Path) -> None:
    result = run("--sendmail", "--", str(tmp_path / "no-such-sendmail"), input=message(CLEAN))
    assert result.returncode == 2
    assert "cannot run the mail command" in err(result)


# -- the terminal prompt ----------------------------------------------------------------------


@dataclass
class TerminalRun:
    returncode: int
    stdout: bytes
    stderr: str
    terminal: bytes


def run_on_terminal(
    tmp_path: Path, *args: str, draft: bytes, answer: bytes | None = None, hang_up: bool = False
) -> TerminalRun:
    """Run presend with a pseudo-terminal as its controlling terminal, stdin and stdout being pipes.

    Once the prompt shows, type ``answer``, or close the terminal (``hang_up``).
    Without either, just collect what the terminal shows until the end.
    """
    controller, terminal = pty.openpty()

    def take_terminal() -> None:  # runs in the child, after setsid
        fcntl.ioctl(terminal, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [sys.executable, "-m", "netiquette.presend", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(),
        cwd=tmp_path,
        start_new_session=True,
        preexec_fn=take_terminal,
    )
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    process.stdin.write(draft)
    process.stdin.close()
    shown = b""
    deadline = time.monotonic() + 120
    waiting = answer is not None or hang_up
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.2)
            if ready:
                shown += os.read(controller, 4096)
            if waiting and PROMPT.strip().encode() in shown:
                waiting = False
                if hang_up:
                    os.close(controller)
                    controller = -1
                    break
                assert answer is not None
                os.write(controller, answer)
            if not ready and process.poll() is not None:
                break
        returncode = process.wait(timeout=120)
    finally:
        # Our copy of the terminal's other end stays open until here, so that reading it never
        # fails before the child opens /dev/tty.
        os.close(terminal)
        if controller != -1:
            os.close(controller)
        if process.poll() is None:
            process.kill()
    stdout, stderr = process.stdout.read(), process.stderr.read().decode("utf-8", "replace")
    process.stdout.close()
    process.stderr.close()
    assert "Traceback" not in stderr, stderr
    return TerminalRun(returncode, stdout, stderr, shown)


def test_prompt_answered_yes_sends(tmp_path: Path) -> None:
    draft = HELD.encode()
    result = run_on_terminal(tmp_path, "--pass-through", draft=draft, answer=b"y\n")
    assert PROMPT.strip().encode() in result.terminal
    assert result.returncode == 0, result.stderr
    assert result.stdout == draft
    assert result.stderr.rstrip("\n").splitlines()[-1].startswith("Not ready to send")  # the verdict stays last


def test_prompt_answered_no_holds(tmp_path: Path) -> None:
    result = run_on_terminal(tmp_path, "--pass-through", draft=HELD.encode(), answer=b"n\n")
    assert result.returncode == 1
    assert result.stdout == b""


def test_prompt_without_an_answer_holds(tmp_path: Path) -> None:
    result = run_on_terminal(tmp_path, "--pass-through", draft=HELD.encode(), answer=b"\x04")  # Ctrl-D: end of input
    assert result.returncode == 1
    assert result.stdout == b""


def test_prompt_on_a_terminal_that_goes_away_holds(tmp_path: Path) -> None:
    result = run_on_terminal(tmp_path, "--pass-through", draft=HELD.encode(), hang_up=True)
    assert result.returncode == 1
    assert result.stdout == b""


def test_no_input_never_asks(tmp_path: Path) -> None:
    result = run_on_terminal(tmp_path, "--no-input", "--pass-through", draft=HELD.encode())
    assert result.returncode == 1
    assert PROMPT.strip().encode() not in result.terminal
    assert result.stdout == b""


def test_clean_draft_is_not_asked_about(tmp_path: Path) -> None:
    result = run_on_terminal(tmp_path, "--pass-through", draft=CLEAN.encode())
    assert result.returncode == 0
    assert PROMPT.strip().encode() not in result.terminal
    assert result.stdout == CLEAN.encode()


@pytest.mark.parametrize(("answer", "sent"), [(b"yes\n", True), (b"\n", False)])
def test_prompt_in_mail_mode(tmp_path: Path, fake_sendmail: FakeSendmail, answer: bytes, sent: bool) -> None:
    raw = crlf(message(HELD))
    result = run_on_terminal(tmp_path, "--sendmail", "--", str(fake_sendmail.path), "-i", draft=raw, answer=answer)
    assert result.returncode == (0 if sent else 1), result.stderr
    assert fake_sendmail.calls() == ([(["-i"], raw)] if sent else [])


# -- the recipes in docs/presend.md -------------------------------------------------------------


def recipe(name: str) -> list[str]:
    """The lines of the fenced block after ``<!-- recipe:NAME -->`` in docs/presend.md."""
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(rf"<!-- recipe:{re.escape(name)} -->\n```[^\n]*\n(.*?)\n```", text, flags=re.DOTALL)
    assert found, f"docs/presend.md has no recipe {name!r}"
    return [line for line in found.group(1).splitlines() if line.strip()]


def recipe_env(tmp_path: Path, **extra: str | None) -> dict[str, str]:
    """The stand-ins in ``tmp_path/bin`` first on PATH, then the installed console scripts."""
    if not PRESEND_SCRIPT.exists() or not CHECK_SCRIPT.exists():
        pytest.skip("the console scripts are not installed next to this interpreter")
    return cli_env(PATH=f"{tmp_path / 'bin'}{os.pathsep}{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **extra)


def run_detached(argv: list[str], data: bytes, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        argv, input=data, capture_output=True, env=env, cwd=cwd, timeout=120, check=False, start_new_session=True
    )
    assert "Traceback" not in err(result), err(result)
    return result


def mutt_argv(sendmail: str, sender: str, recipients: list[str]) -> list[str]:
    """The argv mutt and neomutt build from $sendmail (see mutt_invoke_sendmail in their sendlib)."""
    words = [word for word in sendmail.split(" ") if word]
    if "--" in words:
        cut = words.index("--")
        words, extra = words[:cut], words[cut + 1 :]
    else:
        extra = []
    return [*words, "-B8BITMIME", "-f", sender, "--", *extra, *recipients]


def test_mutt_recipe(tmp_path: Path, fake_sendmail: FakeSendmail) -> None:
    (line,) = recipe("mutt")
    value = re.fullmatch(r'set sendmail="(.+)"', line)
    assert value is not None
    assert value.group(1) == "netiquette-presend --sendmail -- /usr/sbin/sendmail -oi -t"
    sendmail = value.group(1).replace("/usr/sbin/sendmail", str(fake_sendmail.path))
    argv = mutt_argv(sendmail, "sam@example.org", ["priya@example.com"])
    env = recipe_env(tmp_path)

    clean = crlf(message(CLEAN_8BIT))
    sent = run_detached(argv, clean, env, tmp_path)  # mutt runs sendmail in its own session: no terminal
    assert sent.returncode == 0, err(sent)
    expected_argv = ["-B8BITMIME", "-f", "sam@example.org", "-oi", "-t", "priya@example.com"]
    assert fake_sendmail.calls() == [(expected_argv, clean)]

    held = run_detached(argv, crlf(message(REPLY.replace(CLEAN, HELD, 1))), env, tmp_path)
    assert held.returncode == 1
    assert len(fake_sendmail.calls()) == 1


def test_aerc_recipe(tmp_path: Path, fake_sendmail: FakeSendmail) -> None:
    (line,) = recipe("aerc")
    key, _, value = line.partition(" = ")
    assert key == "outgoing"
    assert "--no-input" in value.split("--sendmail")[0]  # aerc owns the terminal: never ask there
    # aerc splits the value into words and appends the recipients.
    argv = [*shlex.split(value.replace("/usr/sbin/sendmail", str(fake_sendmail.path))), "priya@example.com"]
    env = recipe_env(tmp_path)

    clean = crlf(message(CLEAN))
    assert run_detached(argv, clean, env, tmp_path).returncode == 0
    assert fake_sendmail.calls() == [(["-oi", "priya@example.com"], clean)]
    assert run_detached(argv, crlf(message(HELD)), env, tmp_path).returncode == 1
    assert len(fake_sendmail.calls()) == 1


def test_git_send_email_recipe(tmp_path: Path, fake_sendmail: FakeSendmail) -> None:
    once, config = recipe("git-send-email")
    command = re.search(r'--sendmail-cmd="([^"]+)"', once)
    configured = re.fullmatch(r'git config sendemail\.sendmailCmd "([^"]+)"', config)
    assert command is not None and configured is not None
    assert command.group(1) == configured.group(1)
    env = recipe_env(tmp_path)  # the fake is the "sendmail" found on PATH

    def git_send_email(raw: bytes) -> subprocess.CompletedProcess[bytes]:
        # What git does with sendemail.sendmailCmd: the shell runs it with -i and the recipients.
        argv = ["sh", "-c", f'{command.group(1)} "$@"', "-", "-i", "maintainer@example.org"]
        return run_detached(argv, raw, env, tmp_path)

    patch = message(
        "Fix the off-by-one in the page counter.\n\n"
        "The last page was never shown when the total was a multiple of the page size.\n"
        "---\n counter.py | 2 +-\n 1 file changed\n\n"
        "diff --git a/counter.py b/counter.py\n--- a/counter.py\n+++ b/counter.py\n"
        f"@@ -1 +1 @@\n-# old\n+# {HELD}\n-- \n2.43.0\n"
    ).encode()
    sent = git_send_email(patch)
    assert sent.returncode == 0, err(sent)
    assert fake_sendmail.calls() == [(["-i", "maintainer@example.org"], patch)]
    held = git_send_email(message(f"{HELD}\n---\n counter.py | 2 +-\n").encode())
    assert held.returncode == 1
    assert len(fake_sendmail.calls()) == 1


def test_clipboard_recipes(tmp_path: Path) -> None:
    lines = recipe("clipboard")
    tools = [shlex.split(line.split("|")[0])[0] for line in lines]
    assert tools == ["xclip", "wl-paste", "pbpaste"]
    clipboard = tmp_path / "clipboard.txt"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in tools:
        (bin_dir / tool).write_text(f"#!/bin/sh\ncat {shlex.quote(str(clipboard))}\n", encoding="utf-8")
        (bin_dir / tool).chmod(0o755)
    env = recipe_env(tmp_path)
    clipboard.write_text(HELD, encoding="utf-8")
    for line in lines:
        result = run_detached(["sh", "-c", line], b"", env, tmp_path)
        assert result.returncode == 1, (line, err(result))
        assert last_line(result).startswith("Not ready to send")
    clipboard.write_text(CLEAN, encoding="utf-8")
    result = run_detached(["sh", "-c", lines[-1]], b"", env, tmp_path)
    assert result.returncode == 0, err(result)
    assert clipboard.read_text(encoding="utf-8") == CLEAN  # only read, never changed


def hook_manifest() -> dict[str, str]:
    """The one hook in .pre-commit-hooks.yaml, read with a parser just big enough for that file."""
    hooks: list[dict[str, str]] = []
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.fullmatch(r"(- |  )(\w+): (.+)", line)
        assert item is not None, f"unexpected line in .pre-commit-hooks.yaml: {line!r}"
        if item.group(1) == "- ":
            hooks.append({})
        value = item.group(3)
        hooks[-1][item.group(2)] = value[1:-1] if value[:1] == value[-1:] == "'" else value
    assert len(hooks) == 1
    return hooks[0]


def test_pre_commit_hook(tmp_path: Path) -> None:
    hook = hook_manifest()
    assert hook["id"] == "netiquette"
    assert hook["entry"] == "netiquette check"
    assert hook["language"] == "python"
    assert hook["types"] == "[text]"
    files = re.compile(hook["files"])
    for path in ("drafts/intro.md", "drafts/2025/follow-up.txt", "notes/drafts/post.md"):
        assert files.search(path), path
    for path in ("README.md", "src/app.py", "drafts/logo.png", "mydrafts/x.md"):
        assert not files.search(path), path

    (snippet_args,) = [line for line in recipe("pre-commit") if "args:" in line]
    assert any(line.strip() == "- id: netiquette" for line in recipe("pre-commit"))
    args = [a.strip() for a in snippet_args.split("args:")[1].strip().strip("[]").split(",")]
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "clean.md").write_text(CLEAN + "\n", encoding="utf-8")
    (drafts / "pitch.txt").write_text(HELD + "\n", encoding="utf-8")
    env = recipe_env(tmp_path)
    # What pre-commit runs: entry, then args, then the matching files.
    entry = shlex.split(hook["entry"])
    clean = run_detached([*entry, *args, "drafts/clean.md"], b"", env, tmp_path)
    assert clean.returncode == 0, clean.stdout.decode()
    held = run_detached([*entry, *args, "drafts/clean.md", "drafts/pitch.txt"], b"", env, tmp_path)
    assert held.returncode == 1
    assert "drafts/pitch.txt:1:4: CO104" in held.stdout.decode()
