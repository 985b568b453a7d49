"""``netiquette-presend``: the check to run right before sending, for terminals, pipes and mail clients.

Reads one draft (a file, or stdin), writes the findings to stderr in the text
format and ends with one line: either that the draft is ready to send or how
many things to look at first. Exit codes: 0 send, 1 hold, 2 error.

- On a terminal (``/dev/tty``), a draft that would be held gets a last word:
  "Send anyway? [y/N]", asked and answered on the terminal, so stdin can
  still carry the draft. ``--no-input`` or no terminal: ``--fail-on`` decides.
- ``--pass-through``: on a send verdict the draft goes to stdout byte for
  byte; on hold nothing does.
- ``--sendmail -- CMD [ARGS...]``: a sendmail wrapper for mail clients. The
  RFC 5322 message on stdin is judged by what its author wrote (see
  ``netiquette.mail``) as an ``email``; on send CMD gets the original bytes
  and its exit code is returned; on hold CMD never runs.
- ``--force`` or ``NETIQUETTE_SKIP=1``: no check at all; the draft goes
  through (stdout or CMD) exactly as it came.

Errors never quote the draft, and on any error nothing is sent.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from netiquette.cli import (
    ExitCode,
    UsageError,
    add_context_arguments,
    build_linter,
    load_config,
    pause_gc,
    plugin_arguments,
    resume_gc,
    use_color,
)
from netiquette.config import Config, ConfigError, env_flag
from netiquette.inputs import InputError, decode, read_bytes, read_draft
from netiquette.mail import MailError, author_text
from netiquette.models import Severity

PROG = "netiquette-presend"
#: Set to 1 (or true, yes, on) to send once without checking.
SKIP_VARIABLE = "NETIQUETTE_SKIP"
PROMPT = "Send anyway? [y/N] "
#: What a mail message is reported as: line numbers count from the author's own text.
MAIL_LABEL = "<message>"
SENDMAIL_FLAG = "--sendmail"
_TERMINAL = "/dev/tty"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=f"%(prog)s [options] [PATH]\n       %(prog)s [options] {SENDMAIL_FLAG} -- CMD [ARGS...]",
        description="Check a draft right before you send it: findings on stderr, then the verdict.",
        epilog=f"Exit codes: 0 send, 1 hold, 2 error; after {SENDMAIL_FLAG} sends, the mail command's own. "
        f"To send once without checking: {SKIP_VARIABLE}=1 or --force.",
        parents=[plugin_arguments()],
        allow_abbrev=False,
    )
    parser.add_argument("path", nargs="?", default="-", metavar="PATH", help="the draft; none or '-' reads stdin")
    add_context_arguments(parser)
    parser.add_argument(
        "--fail-on", choices=[s.label for s in Severity],
        help="lowest severity that holds the draft (default: config, else warning)",
    )  # fmt: skip
    parser.add_argument("--encoding", default="utf-8", help="encoding of the draft and --reply-to (default: utf-8)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the findings")
    parser.add_argument("--no-input", action="store_true", help="never ask on the terminal; --fail-on decides")
    parser.add_argument("--force", action="store_true", help=f"do not check; send as is (same as {SKIP_VARIABLE}=1)")
    parser.add_argument(
        "--pass-through", action="store_true", help="on a send verdict write the draft, unchanged, to stdout"
    )
    parser.add_argument(
        SENDMAIL_FLAG, action="store_true",
        help="mail mode, last on the line: '--sendmail -- CMD [ARGS...]' judges the RFC 5322 message on stdin "
        "and on send pipes it, unchanged, to CMD; words between --sendmail and -- are passed on to CMD",
    )  # fmt: skip
    return parser


def split_sendmail(argv: Sequence[str]) -> tuple[list[str], list[str] | None]:
    """Split the arguments into presend's own and, after ``--sendmail``, the mail command to run.

    ``--sendmail -- CMD ARGS`` gives ``CMD ARGS``. A mail client that adds
    sendmail options in front of the ``--`` it was given (mutt turns
    ``--sendmail -- sendmail -oi -t`` into ``--sendmail -f ADDR -- sendmail
    -oi -t RCPT``) has them passed on right after CMD: ``sendmail -f ADDR -oi
    -t RCPT``. Without ``--``, everything after ``--sendmail`` is the command.

    Returns:
        presend's arguments, and the mail command (None without ``--sendmail``).

    Raises:
        UsageError: ``--sendmail`` has no command after it.
    """
    if SENDMAIL_FLAG not in argv:
        return list(argv), None
    at = list(argv).index(SENDMAIL_FLAG)
    own, tail = list(argv[:at]), list(argv[at + 1 :])
    if tail and not tail[0].startswith("-"):
        return own, tail
    if "--" not in tail or tail.index("--") == len(tail) - 1:
        raise UsageError(f"{SENDMAIL_FLAG} needs the mail command after it: {SENDMAIL_FLAG} -- CMD [ARGS...]")
    cut = tail.index("--")
    client_options, command = tail[:cut], tail[cut + 1 :]
    return own, [command[0], *client_options, *command[1:]]


def skip_requested(environ: Mapping[str, str]) -> bool:
    """Whether ``NETIQUETTE_SKIP`` asks to send without checking (any value but empty, 0, false, no, off)."""
    return env_flag(environ, SKIP_VARIABLE)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``netiquette-presend``; returns the exit code (0 send, 1 hold, 2 error, or the mail command's)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        own, command = split_sendmail(arguments)
    except UsageError as exc:
        return _fail(str(exc))
    args = _parser().parse_args(own)
    pause_gc()  # until the Linter is built, as for ``netiquette check``
    try:
        if command is not None and args.path != "-":
            raise UsageError(f"{SENDMAIL_FLAG} reads the message from stdin; leave out PATH")
        if command is not None and args.pass_through:
            raise UsageError(f"--pass-through and {SENDMAIL_FLAG} do not go together")
        if args.force or skip_requested(os.environ):
            return _unchecked(args, command)
        return _presend(args, load_config(args.config), command)
    except (_CannotCheck, ConfigError, InputError, MailError) as exc:
        return _fail(str(exc), bypass=True)
    except UsageError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - stops the flush error at exit
        print(f"{PROG}: error: stdout was closed before the whole draft was written", file=sys.stderr)
        return ExitCode.USAGE_ERROR
    except KeyboardInterrupt:
        return 130
    finally:
        resume_gc()


class _CannotCheck(UsageError):
    """The draft could not be checked (a plugin or check failed); sending unchecked would work."""


def _fail(message: str, *, bypass: bool = False) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    advice = f" To send it without checking: {SKIP_VARIABLE}=1 or --force." if bypass else ""
    print(f"{PROG}: nothing was sent.{advice}", file=sys.stderr)
    return ExitCode.USAGE_ERROR


def read_input(path: str) -> bytes:
    """Every byte of the draft at ``path`` (``-`` for stdin), exactly as stored.

    Raises:
        InputError: a directory, a missing or unreadable file; the message
            names the path, never the content.
    """
    return read_bytes(path, whole=True)


def verdict(holding: int) -> str:
    """The last line: ready to send, or how many findings to look at first."""
    if not holding:
        return "Ready to send."
    return f"Not ready to send: look at {holding} {'thing' if holding == 1 else 'things'} first."


def _unchecked(args: argparse.Namespace, command: list[str] | None) -> int:
    reason = "--force" if args.force else f"{SKIP_VARIABLE} is set"
    print(f"{PROG}: not checked ({reason}).", file=sys.stderr)
    if command is not None:
        return _run_mail_command(command, sys.stdin.buffer.read())
    if args.pass_through:
        _write_draft(read_input(args.path))
    return ExitCode.OK


def _presend(args: argparse.Namespace, config: Config, command: list[str] | None) -> int:
    from netiquette.formatters import FormatOptions, TextFormatter
    from netiquette.linter import DraftTooLarge

    fail_on = Severity.parse(args.fail_on) if args.fail_on else config.fail_on
    reply_to = read_draft(args.reply_to, args.encoding)[0] if args.reply_to else None
    label: str | None
    if command is not None:
        data = sys.stdin.buffer.read()
        author = author_text(data)
        text, label, channel = author.text, MAIL_LABEL, args.channel or "email"
        reply_to = reply_to if reply_to is not None else author.quoted
    else:
        data = read_input(args.path)
        label = None if args.path == "-" else args.path
        text, channel = decode(data, args.encoding, label or "<stdin>"), args.channel or config.channel

    try:
        linter = build_linter(args.plugin_args, config, no_cache=args.no_cache)
    except UsageError as exc:
        raise _CannotCheck(str(exc)) from None
    try:
        report = linter.check(text, channel=channel, first_contact=args.first_contact, reply_to=reply_to, id=label)
    except DraftTooLarge as exc:
        raise InputError(f"{label or '<stdin>'}: {exc}") from None
    for error in report.errors:
        print(f"{PROG}: error: {error}", file=sys.stderr)
    TextFormatter().write([(report, text)], sys.stderr, FormatOptions(color=use_color(args.color, sys.stderr)))
    if report.errors:
        raise _CannotCheck("a check failed on this draft, so it was not fully checked")
    holding = len(report.at_or_above(fail_on))
    print(verdict(holding), file=sys.stderr, flush=True)
    if holding and (args.no_input or not confirm_on_terminal()):
        return ExitCode.FINDINGS
    if command is not None:
        return _run_mail_command(command, data)
    if args.pass_through:
        _write_draft(data)
    return ExitCode.OK


def confirm_on_terminal() -> bool:
    """Ask "Send anyway? [y/N]" on ``/dev/tty`` and read the answer there.

    True only for ``y`` or ``yes``; False for anything else, for end of input,
    for a terminal that goes away, and when there is no terminal at all.
    """
    try:
        fd = os.open(_TERMINAL, os.O_RDWR | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return False
    # A terminal that hangs up mid-question is a "no", not a crash.
    hangup = getattr(signal, "SIGHUP", None)
    previous = signal.signal(hangup, signal.SIG_IGN) if hangup is not None else None
    try:
        with os.fdopen(fd, "r+b", buffering=0) as terminal:
            terminal.write(PROMPT.encode())
            answer = terminal.readline()
            if not answer:
                terminal.write(b"\n")
            return answer.strip().lower() in (b"y", b"yes")
    except OSError:
        return False
    finally:
        if hangup is not None:
            signal.signal(hangup, signal.SIG_DFL if previous is None else previous)


def _write_draft(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _run_mail_command(command: list[str], data: bytes) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        completed = subprocess.run(command, input=data, check=False)
    except FileNotFoundError:
        raise UsageError(f"cannot run the mail command {command[0]!r}: no such file or command") from None
    except PermissionError:
        raise UsageError(f"cannot run the mail command {command[0]!r}: permission denied") from None
    except OSError as exc:
        raise UsageError(f"cannot run the mail command {command[0]!r}: {exc.strerror or type(exc).__name__}") from None
    code = completed.returncode
    return 128 - code if code < 0 else code  # killed by a signal: the shell's 128 + N


if __name__ == "__main__":
    raise SystemExit(main())
