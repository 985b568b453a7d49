"""Which words in a draft are the author's own, and which are negated.

Quoted reply lines (``> ...``), "On ... wrote:" attribution lines, words in
quotation marks and reported speech ("the email said ...") are someone
else's words: the checks do not judge them. A match right after a negation
("I never offer discounts") is not the behaviour it names.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

QUOTES_KEY = "netiquette_quoted"
QUOTES_FACTORY = "netiquette_quotes"

# Each pattern is linear: anchored lines, or quotes with a bounded,
# quote-free body.
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
_ATTRIBUTION = re.compile(r"^[ \t]*On [^\n]{1,200}wrote:[ \t]*\r?$", re.MULTILINE)
_QUOTED_WORDS = re.compile(r"[\"“”]([^\"“”\n]{1,400})[\"“”]|‘([^‘’\n]{1,400})’")

# Someone other than the author as the subject of a reporting verb.
_REPORTERS = frozenset(
    "he she they someone somebody people everyone anyone you recruiter boss manager guy email mail message "
    "text dm ad spam caller customer client colleague friend post comment subject headline".split()
)
_REPORTING_VERBS = frozenset("say tell write claim ask text message email dm call promise".split())
_SAYING = frozenset({"saying", "says", "claiming", "reading", "like"})
_NEGATIONS = frozenset({"not", "never", "no", "without", "nor", "nobody", "nothing"})


@Language.component(QUOTES_FACTORY)
def mark_quoted(doc: Doc) -> Doc:
    """Store the spans that are not the author's words in ``doc.spans["netiquette_quoted"]``."""
    text = doc.text
    spans: list[Span] = []
    for pattern in (_QUOTED_LINE, _ATTRIBUTION, _QUOTED_WORDS):
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
    spans.extend(_reported_speech(doc))
    doc.spans[QUOTES_KEY] = spans
    return doc


def _reported_speech(doc: Doc) -> list[Span]:
    # Without a parser: a reporter word shortly before a reporting verb (or a
    # "message saying" construction) makes the rest of the sentence reported.
    spans = []
    for sent in doc.sents:
        tokens = list(sent)
        for i, token in enumerate(tokens):
            reporting = token.lemma_ in _REPORTING_VERBS and any(
                t.lemma_ in _REPORTERS for t in tokens[max(0, i - 3) : i]
            )
            saying = token.lower_ in _SAYING and i > 0 and tokens[i - 1].lemma_ in _REPORTERS
            if (reporting or saying) and i + 1 < len(tokens):
                spans.append(doc[tokens[i + 1].i : sent.end])
                break
    return spans


def is_quoted(doc: Doc, span: Span) -> bool:
    """Whether ``span`` lies in words that are not the author's own."""
    quoted = doc.spans.get(QUOTES_KEY, ())
    return any(q.start <= span.start and span.end <= q.end for q in quoted)


def is_negated(span: Span, window: int = 4) -> bool:
    """Whether a negation comes shortly before ``span`` in the same clause."""
    doc = span.doc
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    for i in range(span.start - 1, max(sent_start, span.start - window) - 1, -1):
        token = doc[i]
        if token.is_punct:
            return False
        if token.norm_ in _NEGATIONS or token.lower_ in _NEGATIONS:
            return True
    return False
