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

from netiquette.doccache import text_of, tokens_in

QUOTES_KEY = "netiquette_quoted"
QUOTES_FACTORY = "netiquette_quotes"

# Each pattern is linear: anchored lines, or quotes with a bounded,
# quote-free body.
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
_ATTRIBUTION = re.compile(r"^[ \t]*On [^\n]{1,200}wrote:[ \t]*\r?$", re.MULTILINE)
_QUOTED_WORDS = re.compile(r"[\"“”]([^\"“”\n]{1,400})[\"“”]|‘([^‘’\n]{1,400})’")
# Straight single quotes only where they cannot be apostrophes: not touching a
# letter on their outer side ("don't", "the kids' toys" stay text).
_SINGLE_QUOTED = re.compile(r"(?<![\w'])'([^'\n]{1,200})'(?![\w'])")

# Someone other than the author as the subject of a reporting verb.
_REPORTERS = frozenset(
    "he she they someone somebody people everyone anyone you recruiter boss manager guy email mail message "
    "text ad spam caller customer client colleague friend post comment subject headline".split()
)
# Only verbs that introduce someone's words: "text", "call", "dm" or "ask"
# after a reporter are usually the author's own instructions ("DM me or call").
_REPORTING_VERBS = frozenset("say tell write claim promise".split())
_SAYING = frozenset({"saying", "says", "claiming"})
_NEGATIONS = frozenset({"not", "never", "no", "without", "nor", "nobody", "nothing"})


@Language.component(QUOTES_FACTORY)
def mark_quoted(doc: Doc) -> Doc:
    """Store the spans that are not the author's words in ``doc.spans["netiquette_quoted"]``."""
    text = text_of(doc)
    spans: list[Span] = []
    for pattern in (_QUOTED_LINE, _ATTRIBUTION, _QUOTED_WORDS, _SINGLE_QUOTED):
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
        tokens = tokens_in(sent)
        for i, token in enumerate(tokens):
            reporting = token.lemma_ in _REPORTING_VERBS and any(
                t.lemma_ in _REPORTERS for t in tokens[max(0, i - 3) : i]
            )
            saying = token.lower_ in _SAYING and i > 0 and tokens[i - 1].lemma_ in _REPORTERS
            if (reporting or saying) and i + 1 < len(tokens):
                spans.append(doc[tokens[i + 1].i : sent.end])
                break
    return spans


_MASK_KEY = "netiquette_quoted_mask"


def quoted_tokens(doc: Doc) -> bytearray:
    """One byte per token, 1 where the token is not the author's own (quoted lines, quotation marks, reported speech).

    Built in one pass per draft and kept on the Doc for every check; read it, never change it.
    """
    mask = doc.user_data.get(_MASK_KEY)
    if mask is None:
        mask = bytearray(len(doc))
        for quoted in doc.spans.get(QUOTES_KEY, ()):
            mask[quoted.start : quoted.end] = b"\x01" * len(quoted)
        doc.user_data[_MASK_KEY] = mask
    return mask


def visibly_quoted_mask(text: str, *also: re.Pattern[str]) -> bytearray:
    """One byte per character of ``text``, 1 where it is visibly someone else's words.

    Only what the eye sees as quoted: "> " lines, an "On ... wrote:" line and
    words in quotation marks. Checks of typography (capitals, hashtags) use
    this rather than the reported-speech guess, which would hide the
    author's own marks ("when were you planning to tell us???"). Matches of
    the patterns in ``also`` (links, code) are masked too.
    """
    mask = bytearray(len(text))
    for pattern in (_QUOTED_LINE, _ATTRIBUTION, _QUOTED_WORDS, _SINGLE_QUOTED, *also):
        for match in pattern.finditer(text):
            mask[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return mask


def is_quoted(doc: Doc, span: Span) -> bool:
    """Whether ``span`` lies in words that are not the author's own."""
    return all(quoted_tokens(doc)[span.start : span.end]) if len(span) else False


def is_negated(span: Span, window: int = 4) -> bool:
    """Whether a negation comes shortly before ``span`` in the same clause."""
    doc = span.doc
    for i in range(span.start - 1, max(0, span.start - window) - 1, -1):
        token = doc[i]
        if token.is_punct:
            return False
        if token.norm_ in _NEGATIONS or token.lower_ in _NEGATIONS:
            return True
        if token.is_sent_start:
            return False
    return False
