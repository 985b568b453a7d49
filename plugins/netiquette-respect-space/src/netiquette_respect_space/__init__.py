"""netiquette-respect-space: a first message should not show off research into the reader's private life.

What it does
    Check ``private-life-research`` flags, in a first contact only, a draft
    that shows the author knows about the reader's family (RS101), home
    (RS102), whereabouts (RS103) or personal accounts and photos (RS104).
    Two or more of these in one draft are an error: that is a dossier.

Why is this bad
    Research into someone's work is flattering; research into their private
    life is frightening. "Your kids", "your new house on Elm Street", "where
    you were last weekend" or "your holiday photos" from a stranger read as
    stalking, however friendly the intent.

Context
    Only first contacts are checked (``first_contact`` true, which is the
    default for ``connection_request``); people who know each other may ask
    after the family. A detail the reader gave in the message being answered
    (``reply_to``) is theirs to share and is not reported, and neither are
    quoted reply lines (``> ...``). Public, professional details ("your talk
    at PyCon", "your post about hiring") always pass.

The matching is done by a spaCy component, ``respect_space_private_life``,
that the check lists in ``Check.components``; netiquette adds it to the
pipeline once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from netiquette import Check, Context, Hit, Rule, Severity, hookimpl
from netiquette_respect_space.patterns import FAMILY, HOME, NOT_PRIVATE_AFTER, PATTERNS, PERSONAL, WHEREABOUTS

__version__ = "0.1.0"
__all__ = ["FACTORY", "PrivateLifeMatcher", "PrivateLifeResearch", "netiquette_checks"]

#: The spaCy factory name of the matcher component.
FACTORY = "respect_space_private_life"

_SUGGESTION = (
    "Mention only what they shared in public and at work (a talk, a post, a project, their company), "
    "and say how you came across it."
)

RULES = (
    Rule(
        FAMILY,
        "family-research",
        "A first message that mentions the reader's partner, children or relatives.",
        "They have never heard from you, and you already know about their family. From a stranger that reads "
        "as surveillance, not interest.",
        Severity.WARNING,
        _SUGGESTION,
    ),
    Rule(
        HOME,
        "home-research",
        "A first message that shows you know where the reader lives.",
        "Knowing someone's house, street or neighbourhood before they have met you makes them feel watched "
        "in the one place they should feel safe.",
        Severity.WARNING,
        _SUGGESTION,
    ),
    Rule(
        WHEREABOUTS,
        "whereabouts-research",
        "A first message that shows you know where the reader was or goes (gym, weekend, holiday, morning run).",
        "Telling a stranger where they were last weekend or where they run tells them they are being followed.",
        Severity.WARNING,
        _SUGGESTION,
    ),
    Rule(
        PERSONAL,
        "personal-account-research",
        "A first message that cites the reader's personal accounts or private photos.",
        "Going through someone's Instagram, Facebook or holiday photos before a first hello is the research "
        "people call stalking; quoting it back to them confirms it.",
        Severity.WARNING,
        _SUGGESTION,
    ),
)

_WORD = re.compile(r"[^\W\d_]+")
_CONTEXT_WORDS = frozenset(
    "in along around through past by near to from up at on with away abroad that next down opposite close".split()
)


class PrivateLifeMatcher:
    """Stores every match in ``doc.spans[name]``, labelled with its rule code.

    Matches followed by a word that makes them professional ("your family
    business", "your home page"), "you and your family" well-wishes and
    matches on quoted reply lines (``> ...``) are left out.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab, validate=True)
        for code, patterns in PATTERNS.items():
            self.matcher.add(code, patterns)

    def __call__(self, doc: Doc) -> Doc:
        """Find the matches; at most one span per place, the longest."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            # The word after a match only tells it apart ("your weekend in
            # Porto"); the excerpt stops before it.
            while end - start > 2 and doc[end - 1].lower_ in _CONTEXT_WORDS:
                end -= 1
            span = Span(doc, start, end, label=match_id)
            if not (_professional(span) or _well_wish(span) or _on_quoted_line(span)):
                spans.append(span)
        doc.spans[self.name] = filter_spans(spans)
        return doc


def _professional(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in NOT_PRIVATE_AFTER


def _well_wish(span: Span) -> bool:
    # "Best wishes to you and your family" knows nothing about them.
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return span[-1].lower_ == "family" and before == ["you", "and"]


def _on_quoted_line(span: Span) -> bool:
    text = span.doc.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return text[line_start : span.start_char].lstrip().startswith(">")


@Language.factory(FACTORY)
def make_private_life_matcher(nlp: Language, name: str) -> PrivateLifeMatcher:
    """The respect-space matcher component."""
    return PrivateLifeMatcher(nlp, name)


class PrivateLifeResearch(Check):
    """Flags a first message that shows off research into the reader's private life."""

    id = "private-life-research"
    rules = RULES
    components = (FACTORY,)

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """In a first contact, one hit per match the reader did not share themselves; two kinds make it an error."""
        if not context.first_contact or FACTORY not in doc.spans:
            return
        shared = set(_WORD.findall(context.reply_to.lower())) if context.reply_to else set()
        spans = [span for span in doc.spans[FACTORY] if span[-1].lower_ not in shared]
        severity = Severity.ERROR if len({span.label_ for span in spans}) >= 2 else None
        for span in spans:
            yield Hit.from_span(span.label_, span, severity=severity)


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the private-life-research check."""
    return [PrivateLifeResearch()]
