"""TokenPatterns finds exactly what one spaCy Matcher holding all the patterns finds, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from netiquette.checks import _matching
from netiquette.checks._matching import LexiconMatcher, TokenPatterns
from netiquette.linter import Linter

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(entry_points=False)


def token_patterns(linter: Linter) -> dict[str, TokenPatterns]:
    return {
        name: component.patterns
        for name, component in linter.nlp.pipeline
        if isinstance(component, LexiconMatcher) and len(component.patterns)
    }


def test_every_lexicon_matcher_equals_a_plain_matcher_on_the_dev_drafts(
    linter: Linter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A tiny cache of ordering matchers, so that eviction happens on nearly every draft.
    monkeypatch.setattr(_matching, "_MAX_CACHED", 2)
    texts = [
        json.loads(line)["text"]
        for name in ("dev.jsonl", "behaviour-dev.jsonl")
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines()
    ]
    # Long drafts too, where many patterns are due at once.
    texts += ["\n\n".join(texts[i : i + 40]) for i in range(0, len(texts), 40)]
    docs = list(linter.nlp.pipe(texts))
    matchers = token_patterns(linter)
    assert {"netiquette_hard_sell", "netiquette_defensiveness", "netiquette_oversharing"} <= matchers.keys()
    for name, patterns in matchers.items():
        plain = Matcher(linter.nlp.vocab)
        for key, group in patterns._all:
            plain.add(key, group)
        found = 0
        for doc in docs:
            expected = list(plain(doc))
            assert patterns(doc) == expected, (name, doc.text[:80])
            found += len(expected)
        assert found, f"{name}: no matches at all, so the comparison proved nothing"
