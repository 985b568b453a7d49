"""Lexicon-driven spaCy matcher components for the built-in checks.

A lexicon is a JSON file beside the check's module::

    {"rules": {"HS101": {"phrases": ["limited time offer"],
                         "patterns": [[{"LEMMA": "book"}, {"LOWER": "a"}, {"LEMMA": "call"}]]}}}

``phrases`` are matched on lemmas, case-insensitively (each phrase is
lemmatised with the same case-folding lookup table as the drafts), so
"Booked a call" matches "book a call". ``patterns`` are spaCy ``Matcher``
token patterns for what a phrase list cannot say (optional words, numbers,
shapes, URLs). Matches are stored as spans labelled with the rule code in
``doc.spans[<component name>]``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from netiquette.lemmatizer import lemma_table


@cache
def load_lexicon(filename: str) -> dict[str, Any]:
    """Read a lexicon JSON file shipped in ``netiquette.checks``."""
    text = resources.files("netiquette.checks").joinpath(filename).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _pattern_doc(nlp: Language, phrase: str) -> Doc:
    # Patterns are tokenised with the pipeline's own tokenizer and lemmatised
    # with the same case-folding table as the blank pipeline's drafts.
    doc = nlp.make_doc(phrase)
    table = lemma_table()
    for token in doc:
        token.lemma_ = table.get(token.lower_, token.lower_)
    return doc


class LexiconMatcher:
    """Finds a lexicon's phrases and token patterns; one span per match, labelled with its code."""

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, Any]) -> None:
        self.name = name
        self.phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.patterns = Matcher(nlp.vocab)
        for code, entry in lexicon["rules"].items():
            phrases = entry.get("phrases", [])
            if phrases:
                self.phrases.add(code, [_pattern_doc(nlp, p) for p in phrases])
            if entry.get("patterns"):
                self.patterns.add(code, entry["patterns"])

    def raw_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Every ``(match_id, start, end)`` of the phrases and the token patterns."""
        # An empty matcher warns on every call (spaCy W036), so skip it.
        return [match for matcher in (self.phrases, self.patterns) if len(matcher) for match in matcher(doc)]

    def __call__(self, doc: Doc) -> Doc:
        """Store every match in ``doc.spans[self.name]``, longest first where one code overlaps itself."""
        by_code: dict[str, list[Span]] = {}
        for match_id, start, end in self.raw_matches(doc):
            # Patterns may anchor on punctuation; the excerpt should not show it.
            while end - start > 1 and doc[start].is_punct:
                start += 1
            while end - start > 1 and doc[end - 1].is_punct:
                end -= 1
            label = doc.vocab.strings[match_id]
            by_code.setdefault(label, []).append(Span(doc, start, end, label=label))
        doc.spans[self.name] = [span for spans in by_code.values() for span in filter_spans(spans)]
        return doc
