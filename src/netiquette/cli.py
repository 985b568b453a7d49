"""The ``netiquette`` command: ``check``, ``rules``, ``explain``, ``plugins`` and ``new-plugin``.

Exit codes are ``ExitCode``: 0 nothing at or above the fail level, 1 findings
at or above it, 2 usage, input or configuration error, 3 a check or plugin
failed while checking (its error is printed on stderr; the other checks'
findings are still reported).
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import gc
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from netiquette import matcher_cache
from netiquette.config import Config, ConfigError
from netiquette.context import CHANNELS, Context
from netiquette.inputs import InputError, read_draft, read_jsonl
from netiquette.models import CheckError, Draft, Report, Severity

if TYPE_CHECKING:
    from netiquette.linter import Linter


class ExitCode(IntEnum):
    """What ``netiquette`` exits with."""

    OK = 0
    FINDINGS = 1
    USAGE_ERROR = 2
    CHECK_ERROR = 3


def _version() -> str:
    from netiquette.plugins import package_version

    return package_version() or "0+unknown"


def _comma_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def plugin_arguments() -> argparse.ArgumentParser:
    """An argparse parent parser with ``--config``, ``-p`` and ``--no-cache``, shared by every command."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--config", metavar="PATH", help="config file (default: nearest .netiquette.toml or pyproject.toml)"
    )
    options.add_argument(
        "-p", dest="plugin_args", action="append", default=[], metavar="PLUGIN",
        help="load plugin module PLUGIN, or with no:NAME do not load plugin NAME (repeatable)",
    )  # fmt: skip
    options.add_argument(
        "--no-cache", action="store_true",
        help=f"build the lexicon matchers instead of loading them from the cache ({matcher_cache.DIRECTORY_VARIABLE})",
    )  # fmt: skip
    return options


def add_context_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the draft context options: ``--channel``, ``--first-contact``/``--no-first-contact``, ``--reply-to``."""
    parser.add_argument("--channel", choices=CHANNELS, help="where the draft goes (default: config, else dm)")
    parser.add_argument(
        "--first-contact", action=argparse.BooleanOptionalAction, default=None,
        help="the reader has never heard from you (default: true only for connection_request)",
    )  # fmt: skip
    parser.add_argument("--reply-to", metavar="FILE", help="file holding the message this draft answers")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netiquette",
        description="Check a draft post, DM, connection note, comment or email before you send it.",
        epilog="Exit codes: 0 ready to send, 1 findings at or above --fail-on, 2 usage or input error, "
        "3 a check failed.",
    )
    parser.add_argument("--version", action="version", version=f"netiquette {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    plugin_options = plugin_arguments()

    check = commands.add_parser(
        "check", parents=[plugin_options], help="check drafts (files, stdin or a JSON Lines batch)"
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="draft files; none or '-' reads stdin")
    add_context_arguments(check)
    check.add_argument("--format", default="text", help="text, json, jsonl, sarif or a plugin's format (default: text)")
    check.add_argument(
        "--fail-on", choices=[s.label for s in Severity], help="lowest severity that exits 1 (default: warning)"
    )
    check.add_argument("--select", type=_comma_list, action="extend", help="only these check ids or code prefixes")
    check.add_argument("--ignore", type=_comma_list, action="extend", help="skip these check ids or code prefixes")
    check.add_argument(
        "--jsonl", metavar="FILE", help="batch: JSON Lines with 'text' and optional 'id', 'channel', ..."
    )
    check.add_argument("--encoding", default="utf-8", help="encoding of draft files and stdin (default: utf-8)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument(
        "--no-metrics", action="store_true", help="text output: leave out the metrics and readiness line"
    )
    check.add_argument("--batch-size", type=int, default=32, help="drafts per spaCy batch (default: 32)")
    check.add_argument(
        "--jobs", "-j", type=int, default=1, help="worker processes for many drafts; -1 is one per CPU (default: 1)"
    )

    rules = commands.add_parser("rules", parents=[plugin_options], help="list every rule code")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    explain = commands.add_parser("explain", parents=[plugin_options], help="explain one rule code")
    explain.add_argument("code")
    commands.add_parser("plugins", parents=[plugin_options], help="list plugins with their versions, checks and hooks")
    new_plugin = commands.add_parser("new-plugin", help="create a plugin package whose test passes (docs/plugins.md)")
    new_plugin.add_argument("name", help="plugin name, lowercase words joined by hyphens (package netiquette-NAME)")
    new_plugin.add_argument("--dir", default=".", help="where to create the package folder (default: .)")
    new_plugin.add_argument("--prefix", help="rule code prefix, one to four uppercase letters (default: from NAME)")
    return parser


class UsageError(Exception):
    """A usage or setup error: printed as one line, exit 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "new-plugin":
        return _new_plugin(args)
    pause_gc()
    try:
        config = load_config(args.config)
        if args.command == "check":
            return _check(args, config)
        linter = build_linter(args.plugin_args, config, no_cache=args.no_cache)
        if args.command == "rules":
            return _rules(linter, args.format)
        if args.command == "explain":
            return _explain(linter, args.code)
        return _plugins(linter)
    except (UsageError, ConfigError, InputError) as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        # The reader went away (``| head``); nothing more to say.
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - stops the flush error at exit
        return ExitCode.OK
    except KeyboardInterrupt:
        return 130
    finally:
        resume_gc()


#: Whether ``pause_gc`` paused the collector and ``resume_gc`` has yet to resume it.
_gc_paused = False


def pause_gc() -> None:
    """Pause the cyclic garbage collector until the Linter is built (``resume_gc``).

    Importing spaCy and building a Linter create some 200,000 objects that
    live as long as the process, and hardly any garbage (about 3,600
    unreachable objects). The collector would walk them all again and again
    while they are made, and once more during the first draft: some 0.2 s
    of a one-draft run. For a command's ``main`` only: ``resume_gc`` sets
    aside every object that exists for good, which a program that merely
    uses a Linter would not want.
    """
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True


def resume_gc() -> None:
    """Undo ``pause_gc``: what exists now is set aside for good (``gc.freeze``), later garbage is collected."""
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.freeze()
        gc.enable()


def _fail(message: str) -> int:
    print(f"netiquette: error: {message}", file=sys.stderr)
    return ExitCode.USAGE_ERROR


def load_config(path: str | None) -> Config:
    """The config file at ``path``, else the nearest one from the working directory, else the defaults.

    Raises:
        ConfigError: the file cannot be read or has a bad key.
    """
    return Config.load(path) if path else Config.discover()


def build_linter(plugin_args: Sequence[str], config: Config, *, no_cache: bool = False) -> Linter:
    """Build the Linter for ``-p`` arguments (``MODULE`` or ``no:NAME``); skipped checks are noted on stderr.

    Its lexicon matchers are kept in ``matcher_cache.default_directory()``
    unless ``no_cache`` is set.

    Raises:
        UsageError: a plugin cannot be loaded.
    """
    from netiquette.linter import Linter
    from netiquette.plugins import PluginError

    extra = [p for p in plugin_args if not p.startswith("no:")]
    blocked = [p[3:] for p in plugin_args if p.startswith("no:")]
    try:
        cache_dir = None if no_cache else matcher_cache.default_directory()
        linter = Linter(config, extra, blocked=blocked, cache_dir=cache_dir)
    except PluginError as exc:
        raise UsageError(str(exc)) from None
    # Drafts make garbage (Docs, spans) as they are checked: collect it, but
    # leave the Linter out of every collection.
    resume_gc()
    for check_id, why in linter.skipped.items():
        print(f"netiquette: note: check {check_id!r} skipped: {why}", file=sys.stderr)
    return linter


# -- check --------------------------------------------------------------------


@dataclass
class _Tally:
    """What the run saw, for the exit code."""

    fail_on: Severity
    input_errors: int = 0
    check_errors: int = 0
    failing: int = 0
    sources: list[str] = field(default_factory=list)

    def exit_code(self) -> ExitCode:
        if self.input_errors:
            return ExitCode.USAGE_ERROR
        if self.check_errors:
            return ExitCode.CHECK_ERROR
        return ExitCode.FINDINGS if self.failing else ExitCode.OK


def _check(args: argparse.Namespace, config: Config) -> int:
    overrides: dict[str, object] = {}
    if args.select is not None:
        overrides["select"] = tuple(args.select)
    if args.ignore is not None:
        overrides["ignore"] = tuple(args.ignore)
    if args.fail_on:
        overrides["fail_on"] = Severity.parse(args.fail_on)
    if args.channel:
        overrides["channel"] = args.channel
    config = config.replace(**overrides) if overrides else config
    if args.jsonl and args.paths:
        raise UsageError("give either --jsonl FILE or draft paths, not both")
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.jobs == 0 or args.jobs < -1:
        raise UsageError("--jobs must be a number of processes, or -1 for one per CPU")
    reply_to = read_draft(args.reply_to, args.encoding)[0] if args.reply_to else None
    context = Context(config.channel, args.first_contact, reply_to)

    linter = build_linter(args.plugin_args, config, no_cache=args.no_cache)
    formats = linter.host.formats()
    formatter = formats.get(args.format)
    if formatter is None:
        near = difflib.get_close_matches(args.format, list(formats), n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise UsageError(f"unknown format {args.format!r}; available: {', '.join(sorted(formats))}{hint}")

    from netiquette.formatters import FormatOptions

    tally = _Tally(config.fail_on)
    if args.jsonl:
        drafts = _batch_drafts(args.jsonl, args.encoding, config.channel, tally)
    else:
        drafts = _file_drafts(args.paths or ["-"], args.encoding, context, tally)
    results = _results(linter, drafts, tally, args.batch_size, args.jobs)
    out = sys.stdout
    options = FormatOptions(
        color=use_color(args.color, out),
        rules=linter.rules(),
        tool_version=_version(),
        metrics=not args.no_metrics,
    )
    formatter.write(results, out, options)
    code = tally.exit_code()
    return ExitCode.OK if args.exit_zero and code == ExitCode.FINDINGS else code


def use_color(choice: str, out: TextIO) -> bool:
    """Whether to colour output to ``out`` for ``--color`` ``auto``, ``always`` or ``never``."""
    if choice != "auto":
        return choice == "always"
    return out.isatty() and not os.environ.get("NO_COLOR")


_BAD_INPUT = "input"
# A draft to check, or the reason an input line could not become one.
_Item = tuple[Draft, "str | None"]


def _file_drafts(paths: Sequence[str], encoding: str, context: Context, tally: _Tally) -> Iterator[_Item]:
    for path in paths:
        try:
            text, label = read_draft(path, encoding)
        except InputError as exc:
            tally.input_errors += 1
            print(f"netiquette: error: {exc}", file=sys.stderr)
            continue
        yield Draft(text, context, label), None


def _batch_drafts(path: str, encoding: str, channel: str, tally: _Tally) -> Iterator[_Item]:
    # A bad line becomes an empty draft whose report carries the input error,
    # so that output stays one line per input line.
    for record in read_jsonl(path, encoding):
        if record.error is None:
            try:
                context = Context.from_mapping(record.context, default_channel=channel)
            except (TypeError, ValueError) as exc:
                record = record.failed(str(exc))
            else:
                yield Draft(record.text, context, _json_id(record.id)), None
                continue
        tally.input_errors += 1
        print(f"netiquette: error: {path}: line {record.line}: {record.error}", file=sys.stderr)
        yield Draft("", Context(channel), _json_id(record.id)), f"line {record.line}: {record.error}"


def _results(
    linter: Linter, items: Iterable[_Item], tally: _Tally, batch_size: int, jobs: int = 1
) -> Iterator[tuple[Report, str]]:
    from netiquette.linter import DraftTooLarge

    pending: dict[int, _Item] = {}

    def numbered() -> Iterator[Draft]:
        # Reports come back in order; a running number finds each one's input.
        for number, item in enumerate(items):
            pending[number] = item
            yield Draft(item[0].text, item[0].context, number)

    try:
        for report in linter.check_many(numbered(), batch_size=batch_size, n_process=jobs):
            draft, input_error = pending.pop(int(report.id or 0))
            if input_error is not None:
                error = CheckError(_BAD_INPUT, "netiquette", input_error)
                yield Report((), report.context, (error,), draft.id), draft.text
                continue
            report = dataclasses.replace(report, id=draft.id)
            for error in report.errors:
                tally.check_errors += 1
                source = "<stdin>" if report.id is None else report.id
                print(f"netiquette: error: {source}: {error}", file=sys.stderr)
            if report.at_or_above(tally.fail_on):
                tally.failing += 1
            yield report, draft.text
    except DraftTooLarge as exc:
        tally.input_errors += 1
        print(f"netiquette: error: {exc}", file=sys.stderr)


def _json_id(value: object) -> str | int | None:
    return value if value is None or isinstance(value, (str, int)) else str(value)


# -- rules, explain, plugins ---------------------------------------------------


def _rules(linter: Linter, fmt: str) -> int:
    infos = linter.rules()
    if fmt == "json":
        rows = [
            {
                "code": i.rule.code,
                "name": i.rule.name,
                "check": i.check,
                "plugin": i.plugin,
                "severity": i.rule.severity.label,
                "summary": i.rule.summary,
            }
            for i in infos
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return ExitCode.OK
    if not infos:
        print("No rules: no checks are registered.")
        return ExitCode.OK
    width = max(len(i.check) for i in infos)
    for info in infos:
        print(f"{info.rule.code:<7} {info.check:<{width}}  {info.rule.severity.label:<7}  {info.rule.summary}")
    return ExitCode.OK


def _explain(linter: Linter, code: str) -> int:
    infos = {i.rule.code: i for i in linter.rules()}
    info = infos.get(code.upper())
    if info is None:
        near = difflib.get_close_matches(code.upper(), list(infos), n=1)
        hint = f"; did you mean {near[0]}?" if near else "; run `netiquette rules` for the list"
        raise UsageError(f"unknown rule code {code!r}{hint}")
    rule = info.rule
    lines = [
        f"{rule.code} ({rule.name})",
        f"check: {info.check}    plugin: {info.plugin}    default severity: {rule.severity.label}",
        "",
        rule.summary,
        "",
        f"Why: {rule.message}",
    ]
    if rule.suggestion:
        lines.append(f"Try: {rule.suggestion}")
    if rule.url:
        lines.append(f"More: {rule.url}")
    print("\n".join(lines))
    return ExitCode.OK


def _new_plugin(args: argparse.Namespace) -> int:
    from netiquette.scaffold import ScaffoldError, create

    try:
        root = create(args.name, args.dir, prefix=args.prefix)
    except (ScaffoldError, OSError) as exc:
        return _fail(str(exc))
    print(f"Created {root}. Next:\n  cd {root}\n  pip install -e .\n  python -m pytest\n  netiquette plugins")
    return ExitCode.OK


def _plugins(linter: Linter) -> int:
    checks_by_plugin: dict[str, list[str]] = {}
    for entry in linter.registered:
        checks_by_plugin.setdefault(entry.source, []).append(entry.check.id)
    for info in linter.host.describe():
        version = info.version or "unknown version"
        checks = ", ".join(sorted(checks_by_plugin.get(info.name, [])))
        print(f"{info.name} {version}{' (built-in)' if info.builtin else ''}")
        print(f"    hooks: {', '.join(info.hooks) or '-'}")
        if checks:
            print(f"    checks: {checks}")
    return ExitCode.OK
