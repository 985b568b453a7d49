"""The base class shared by the lexicon-driven built-in checks."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from netiquette.checks._authorship import QUOTES_FACTORY, is_negated, is_quoted
from netiquette.context import Context
from netiquette.models import Severity
from netiquette.rules import Check, Hit


class LexiconCheck(Check):
    """A check whose matches come from its own ``LexiconMatcher`` component.

    Subclasses set ``id``, ``rules`` and ``matcher`` (the factory name of
    their ``LexiconMatcher``) and override ``severity`` to decide, per match
    and context, how much it matters (None: not worth reporting here).
    """

    matcher: str
    #: Codes whose patterns include their own negation ("I never said that").
    negation_exempt: frozenset[str] = frozenset()

    @property
    def components(self) -> tuple[str, ...]:  # type: ignore[override]
        """The shared quote finder, then this check's matcher."""
        return (QUOTES_FACTORY, self.matcher)

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """One hit per authored, non-negated match whose severity in this context is not None."""
        for span in self.authored(doc):
            severity = self.severity(span.label_, span, context)
            if severity is not None:
                yield Hit(span.label_, span.start_char, span.end_char, severity=severity)

    def matches(self, doc: Doc) -> list[Span]:
        """The spans this check's matcher found."""
        return list(doc.spans[self.matcher]) if self.matcher in doc.spans else []

    def authored(self, doc: Doc) -> list[Span]:
        """The matches in the author's own words that are not negated."""
        return [
            span
            for span in self.matches(doc)
            if not is_quoted(doc, span) and (span.label_ in self.negation_exempt or not is_negated(span))
        ]

    def severity(self, code: str, span: Span, context: Context) -> Severity | None:
        """The rule's default severity; subclasses adjust it to the context."""
        return self.rule(code).severity
