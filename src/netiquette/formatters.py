"""Output formats: ``text`` for people, ``json``/``jsonl`` for programs, ``sarif`` for tools.

This module is a built-in plugin: it provides the four formats through the
``netiquette_formats`` hook, exactly as a third-party plugin would add one.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from netiquette.hookspecs import hookimpl
from netiquette.models import Finding, Report, Severity

if TYPE_CHECKING:
    from netiquette.linter import RuleInfo

#: One checked draft: its report and the text it was made from.
Result = tuple[Report, str]


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """What a formatter may need besides the results."""

    color: bool = False
    rules: Sequence[RuleInfo] = ()
    tool_version: str = "0"
    #: Show the one-line metrics (words, grade, readiness ...) under each draft's findings in text output.
    metrics: bool = True


class Formatter(Protocol):
    """An output format. ``write`` is given results lazily and should write each as it comes."""

    name: str
    description: str

    def write(self, results: Iterable[Result], out: TextIO, options: FormatOptions) -> None:
        """Write ``results`` to ``out``."""


# -- text ---------------------------------------------------------------------

_COLORS = {Severity.INFO: "\033[36m", Severity.WARNING: "\033[33m", Severity.ERROR: "\033[31m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
# Beyond this many columns a draft line is cut around the excerpt.
_WINDOW = 100


def _cell_width(char: str) -> int:
    if unicodedata.combining(char) or char in "\u200d\ufe0f\ufe0e":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _printable(text: str) -> str:
    # Drafts may carry control characters (escape sequences included) that
    # must not reach the terminal as such.
    return "".join(" " if c == "\t" else "\ufffd" if unicodedata.category(c) == "Cc" else c for c in text)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _source_lines(text: str, finding: Finding) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.start)
    line = text[line_start : len(text) if line_end == -1 else line_end].rstrip("\r")
    start = finding.start - line_start
    end = min(finding.end - line_start, len(line))
    if len(line) > _WINDOW:
        left = max(0, min(start - 20, end - _WINDOW + 20))
        right = min(len(line), max(left + _WINDOW, end + 20))
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        line, start, end = prefix + line[left:right] + suffix, start - left + len(prefix), end - left + len(prefix)
    shown = _printable(line)
    pad = sum(_cell_width(c) for c in shown[:start])
    width = max(1, sum(_cell_width(c) for c in shown[start:end]))
    return shown, " " * pad + "^" * width


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 or noun == 'info' else 's'}"


class TextFormatter:
    """Readable output: location, code, message, the draft line underlined, the suggestion."""

    name = "text"
    description = "for people: each finding with the draft line underlined (default)"

    def write(self, results: Iterable[Result], out: TextIO, options: FormatOptions) -> None:
        """Write every finding, then one summary line for all drafts."""
        total = {s: 0 for s in Severity}
        drafts = errors = 0
        for report, text in results:
            drafts += 1
            for note in report.notes:
                out.write(f"{report.id if report.id is not None else '<stdin>'}: note: {note}\n\n")
            for finding in report.findings:
                total[finding.severity] += 1
                out.write(self._finding(report, text, finding, options.color))
            if options.metrics and report.metrics is not None:
                line = f"{report.id if report.id is not None else '<stdin>'}: {metrics_line(report)}"
                out.write(f"{_DIM}{line}{_RESET}\n\n" if options.color else f"{line}\n\n")
            errors += len(report.errors)
        out.write(self._summary(total, drafts, errors))
        out.flush()

    def _finding(self, report: Report, text: str, finding: Finding, color: bool) -> str:
        line, column = line_and_column(text, finding.start)
        where = f"{report.id if report.id is not None else '<stdin>'}:{line}:{column}"
        shown, carets = _source_lines(text, finding)
        paint = (lambda s, c: f"{c}{s}{_RESET}") if color else (lambda s, c: s)
        severity = paint(finding.severity.label, _COLORS[finding.severity])
        number = str(line)
        gutter = " " * len(number)
        parts = [
            f"{paint(where, _BOLD)}: {paint(finding.code, _BOLD)} [{severity}] {finding.message}",
            f"{gutter} |",
            f"{number} | {shown}",
            f"{gutter} | {paint(carets, _COLORS[finding.severity])}",
        ]
        if finding.suggestion:
            parts.append(f"{gutter} = try: {finding.suggestion}")
        return "\n".join(parts) + "\n\n"

    def _summary(self, total: dict[Severity, int], drafts: int, errors: int) -> str:
        count = sum(total.values())
        noun = "draft" if drafts == 1 else "drafts"
        if count == 0:
            line = f"No findings in {drafts} {noun}."
        else:
            by_level = ", ".join(_count(n, s.label) for s, n in sorted(total.items(), reverse=True) if n)
            line = f"{_count(count, 'finding')} in {drafts} {noun} ({by_level})."
        if errors:
            line += f" {_count(errors, 'check error')} (see stderr)."
        return line + "\n"


def metrics_line(report: Report) -> str:
    """One compact line of the report's metrics and its readiness score.

    ``42 words · 3 sentences · 1 question · grade 7.1 · ~13 s read · you 8% / I 4% · readiness 86/100``;
    the grade is left out when the draft has no prose words to grade.
    """
    metrics = report.metrics
    parts = []
    if metrics is not None:
        parts = [
            _count(metrics.words, "word"),
            _count(metrics.sentences, "sentence"),
            _count(metrics.questions, "question"),
        ]
        if metrics.reading_grade is not None:
            # Flesch-Kincaid goes below zero for very short, plain drafts; "grade -3" means nothing to a reader.
            parts.append(f"grade {max(0.0, metrics.reading_grade):.1f}")
        seconds = metrics.reading_seconds
        parts.append(f"~{seconds} s read" if seconds < 90 else f"~{round(seconds / 60)} min read")
        parts.append(f"you {metrics.second_person:.0%} / I {metrics.first_person:.0%}")
    parts.append(f"readiness {report.readiness}/100")
    return " · ".join(parts)


# -- JSON ---------------------------------------------------------------------


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


class JsonFormatter:
    """One JSON object for one draft; a JSON array of them for several."""

    name = "json"
    description = "for programs: one report object (an array of them for several drafts)"

    def write(self, results: Iterable[Result], out: TextIO, options: FormatOptions) -> None:
        """Write the report object, or an array of report objects."""
        reports = [report.to_dict() for report, _ in results]
        out.write(json.dumps(reports[0] if len(reports) == 1 else reports, ensure_ascii=False, indent=2) + "\n")
        out.flush()


class JsonlFormatter:
    """One compact JSON report per line, written as each draft is checked."""

    name = "jsonl"
    description = "for pipelines: one report object per line, in input order, streamed"

    def write(self, results: Iterable[Result], out: TextIO, options: FormatOptions) -> None:
        """Write one line per report and flush it at once."""
        for report, _ in results:
            out.write(_dumps(report.to_dict()) + "\n")
            out.flush()


# -- SARIF --------------------------------------------------------------------

_SARIF_LEVEL = {Severity.INFO: "note", Severity.WARNING: "warning", Severity.ERROR: "error"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class SarifFormatter:
    """SARIF 2.1.0 for code-scanning tools; offsets counted in Unicode code points."""

    name = "sarif"
    description = "for tools: a SARIF 2.1.0 log with one run"

    def write(self, results: Iterable[Result], out: TextIO, options: FormatOptions) -> None:
        """Write one SARIF log covering every draft."""
        index = {info.rule.code: n for n, info in enumerate(options.rules)}
        sarif_results = []
        notifications = []
        for report, text in results:
            uri = str(report.id) if report.id is not None else "stdin"
            for finding in report.findings:
                sarif_results.append(self._result(finding, text, uri, index))
            for error in report.errors:
                notifications.append({"level": "error", "message": {"text": f"{uri}: {error}"}})
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "netiquette",
                            "version": options.tool_version,
                            "rules": [self._rule(info) for info in options.rules],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": sarif_results,
                    "invocations": [
                        {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                    ],
                }
            ],
        }
        out.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")
        out.flush()

    @staticmethod
    def _rule(info: RuleInfo) -> dict[str, object]:
        rule = info.rule
        entry: dict[str, object] = {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.message},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            "properties": {"check": info.check, "plugin": info.plugin},
        }
        if rule.suggestion:
            entry["help"] = {"text": rule.suggestion}
        if rule.url:
            entry["helpUri"] = rule.url
        return entry

    @staticmethod
    def _result(finding: Finding, text: str, uri: str, index: dict[str, int]) -> dict[str, object]:
        start_line, start_column = line_and_column(text, finding.start)
        end_line, end_column = line_and_column(text, finding.end)
        result: dict[str, object] = {
            "ruleId": finding.code,
            "level": _SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "charOffset": finding.start,
                            "charLength": finding.end - finding.start,
                            "startLine": start_line,
                            "startColumn": start_column,
                            "endLine": end_line,
                            "endColumn": end_column,
                            "snippet": {"text": finding.excerpt},
                        },
                    }
                }
            ],
            "properties": {"check": finding.check, "plugin": finding.plugin, "suggestion": finding.suggestion},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        return result


@hookimpl
def netiquette_formats() -> list[Formatter]:
    """netiquette's own output formats."""
    return [TextFormatter(), JsonFormatter(), JsonlFormatter(), SarifFormatter()]
