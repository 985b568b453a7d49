"""What a check is made of: rules (stable codes with their wording), hits, and the Check base class.

Built-in checks and third-party plugins use exactly these classes. A check
looks at a spaCy ``Doc`` and the draft's ``Context`` and yields ``Hit`` objects;
the linter turns hits into ``Finding`` objects, filling in the rule's wording,
the excerpt and the plugin name, and drops a check's results if any hit is
malformed.
"""

from __future__ import annotations

import abc
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from netiquette.models import Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from netiquette.context import Context

# A short uppercase prefix plus digits, as flake8 and ruff codes are.
CODE_PATTERN = re.compile(r"^[A-Z]{1,4}[0-9]{1,4}$")
# Check ids are lowercase words joined by hyphens and name the bad pattern.
CHECK_ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

#: Pipeline features a check may list in ``requires``.
FEATURES = frozenset({"sentences", "lemmas", "pos", "parser", "ner"})


@dataclass(frozen=True, slots=True)
class Rule:
    """One code under a check: a family of patterns with one message and one fix.

    Args:
        code: stable identifier, a short uppercase prefix plus digits (``HS101``).
        name: a slug naming the bad pattern (``unsolicited-discount``).
        summary: one line for ``netiquette rules``.
        message: what is wrong and why it costs the relationship, addressed to the author.
        severity: default severity; a check may raise or lower it per context.
        suggestion: a better phrasing or action, or None.
        url: where the rule is documented, or None.
    """

    code: str
    name: str
    summary: str
    message: str
    severity: Severity = Severity.WARNING
    suggestion: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if not CODE_PATTERN.match(self.code):
            raise ValueError(f"rule code {self.code!r} must match {CODE_PATTERN.pattern}")
        if not isinstance(self.severity, Severity):
            object.__setattr__(self, "severity", Severity.parse(self.severity))


@dataclass(frozen=True, slots=True)
class Hit:
    """A place a check matched: a rule code and character offsets into ``doc.text``.

    ``severity``, ``message`` and ``suggestion`` override the rule's defaults
    for this one hit (a check lowers severity in the author's own post, say).
    """

    code: str
    start: int
    end: int
    severity: Severity | None = None
    message: str | None = None
    suggestion: str | None = None

    @classmethod
    def from_span(cls, code: str, span: Span, *, severity: Severity | None = None) -> Hit:
        """A hit covering a spaCy span."""
        return cls(code, span.start_char, span.end_char, severity=severity)


class Check(abc.ABC):
    """Base class for a check: subclass it, set the attributes, implement ``find``.

    Attributes:
        id: the check id (``hard-sell``), lowercase words joined by hyphens.
        rules: every rule code the check can report.
        requires: pipeline features the check cannot work without (see
            ``FEATURES``). On a pipeline that lacks one, the check is skipped
            and ``Linter.skipped`` says why. A check that merely benefits
            from a parser should test ``doc.has_annotation("DEP")`` instead.
        components: spaCy factory names this check needs in the pipeline;
            the linter adds each once, in order, before the checks run.
    """

    id: str
    rules: tuple[Rule, ...]
    requires: frozenset[str] = frozenset()
    components: tuple[str, ...] = ()

    @abc.abstractmethod
    def find(self, doc: Doc, context: Context) -> Iterable[Hit]:
        """Yield a ``Hit`` for every place in ``doc`` that breaks one of ``rules``.

        Offsets are character offsets into ``doc.text``, which is the draft
        exactly as given.
        """

    def rule(self, code: str) -> Rule:
        """The rule with this code."""
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise KeyError(code)
