"""The results netiquette hands back: severities, findings, check errors, reports.

Everything here is a frozen value with a ``to_dict()`` that produces the
documented JSON shape (``docs/output.md``). Nothing here imports spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netiquette.context import Context
    from netiquette.metrics import Metrics

#: Version of the JSON report shape. Bump the major part on any breaking change.
#: 1.2 added ``metrics`` and ``readiness``.
SCHEMA_VERSION = "1.2"


class Severity(IntEnum):
    """How much a finding matters; ordered, so ``Severity.ERROR > Severity.INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lowercase name used in config, CLI flags and JSON (``"warning"``)."""
        return self.name.lower()

    def __str__(self) -> str:
        return self.label

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Turn ``"info"``, ``"warning"`` or ``"error"`` (any case) into a Severity.

        Raises:
            ValueError: for any other value, naming the valid ones.
        """
        if isinstance(value, Severity):
            return value
        if isinstance(value, str):
            try:
                return cls[value.strip().upper()]
            except KeyError:
                pass
        valid = ", ".join(s.label for s in cls)
        raise ValueError(f"unknown severity {value!r}; expected one of: {valid}")


@dataclass(frozen=True, slots=True)
class Finding:
    """One place in a draft that breaks a rule.

    ``start`` and ``end`` are character offsets into the exact string that was
    checked, so ``text[start:end] == excerpt`` always holds.
    """

    check: str
    code: str
    severity: Severity
    message: str
    start: int
    end: int
    excerpt: str
    suggestion: str | None = None
    url: str | None = None
    plugin: str = "netiquette"

    def to_dict(self) -> dict[str, Any]:
        """The finding as a JSON-ready dict with the documented keys."""
        return {
            "check": self.check,
            "code": self.code,
            "severity": self.severity.label,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
            "url": self.url,
            "plugin": self.plugin,
        }


@dataclass(frozen=True, slots=True)
class CheckError:
    """A check (or hook) that failed on one draft; its findings were dropped.

    ``detail`` never contains draft text: it names the exception type and the
    place it was raised, or what was wrong with the returned value.
    """

    check: str
    plugin: str
    detail: str

    def to_dict(self) -> dict[str, str]:
        """The error as a JSON-ready dict."""
        return {"check": self.check, "plugin": self.plugin, "detail": self.detail}

    def __str__(self) -> str:
        return f"check {self.check!r} from plugin {self.plugin!r} failed: {self.detail}"


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts of findings by severity."""

    info: int = 0
    warning: int = 0
    error: int = 0

    @property
    def total(self) -> int:
        """All findings, whatever their severity."""
        return self.info + self.warning + self.error

    def to_dict(self) -> dict[str, int]:
        """The counts as a JSON-ready dict, with ``total``."""
        return {"info": self.info, "warning": self.warning, "error": self.error, "total": self.total}


@dataclass(frozen=True, slots=True)
class Report:
    """Everything netiquette found in one draft.

    ``findings`` are sorted by position. ``errors`` lists checks that failed
    on this draft; the other checks' findings are still here. ``notes`` says
    why some checks did not judge the draft (for example, it is not English).
    ``metrics`` holds the draft's figures (words, reading grade ...) when the
    report comes from a ``Linter``; a report built by hand may leave it None.
    """

    findings: tuple[Finding, ...]
    context: Context
    errors: tuple[CheckError, ...] = ()
    id: str | int | None = None
    notes: tuple[str, ...] = ()
    metrics: Metrics | None = None
    summary: Summary = field(init=False)

    def __post_init__(self) -> None:
        counts = {s: 0 for s in Severity}
        for finding in self.findings:
            counts[finding.severity] += 1
        summary = Summary(counts[Severity.INFO], counts[Severity.WARNING], counts[Severity.ERROR])
        object.__setattr__(self, "summary", summary)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings, under the user-facing name the JSON output uses."""
        return self.findings

    def at_or_above(self, level: Severity) -> tuple[Finding, ...]:
        """The findings whose severity is ``level`` or higher."""
        return tuple(f for f in self.findings if f.severity >= level)

    def ready_to_send(self, fail_on: Severity = Severity.WARNING) -> bool:
        """True when no finding is at or above ``fail_on`` and no check failed."""
        return not self.at_or_above(fail_on) and not self.errors

    @property
    def readiness(self) -> int:
        """Send-readiness, 0 to 100: findings by severity, then reading grade and focus.

        Deterministic, and removing a finding never lowers it. The formula is
        in ``docs/metrics.md`` and ``netiquette.metrics.readiness``.
        """
        from netiquette.metrics import readiness

        return readiness(self.summary, self.metrics, self.context)

    def to_dict(self) -> dict[str, Any]:
        """The report in the documented, versioned JSON shape."""
        return {
            "version": SCHEMA_VERSION,
            "id": self.id,
            "warnings": [f.to_dict() for f in self.findings],
            "summary": self.summary.to_dict(),
            "readiness": self.readiness,
            "metrics": None if self.metrics is None else self.metrics.to_dict(),
            "context": self.context.to_dict(),
            "errors": [e.to_dict() for e in self.errors],
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class Draft:
    """One item for ``Linter.check_many``: the text, its context and an id to carry through.

    ``context=None`` means the linter's default channel with derived defaults.
    """

    text: str
    context: Context | None = None
    id: str | int | None = None
