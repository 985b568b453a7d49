"""TokenPatterns finds exactly what one spaCy Matcher holding all the patterns finds, in the same order."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import spacy
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


def test_token_patterns_equal_a_plain_matcher_on_random_patterns(linter: Linter) -> None:
    # Quantifiers next to tokens that can match the same word are where a
    # matcher of one's own is most likely to differ from spaCy's: small
    # random patterns over three words, every operator TokenPatterns reads.
    rng = random.Random(7)
    words = ["a", "b", "c"]
    ops = ["", "", "?", "{0,2}", "{1,2}", "{,2}", "{2}", "{1,}", "*", "+"]

    def token() -> dict[str, object]:
        kind = rng.choice(["LOWER", "IN", "NOT_IN", "REGEX", "FLAG"])
        spec: dict[str, object]
        if kind == "LOWER":
            spec = {"LOWER": rng.choice(words)}
        elif kind == "REGEX":
            spec = {"TEXT": {"REGEX": rng.choice(["^a", "b|c", "^[ab]$"])}}
        elif kind == "FLAG":
            spec = {"LOWER": rng.choice(words), "IS_SENT_START": rng.choice([True, False])}
        else:
            spec = {"LOWER": {kind: rng.sample(words, rng.randint(1, 2))}}
        op = rng.choice(ops)
        return {**spec, "OP": op} if op else spec

    docs = [linter.nlp(" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) + " .") for _ in range(60)]
    compared = 0
    for round_ in range(150):
        patterns = TokenPatterns(linter.nlp.vocab)
        plain = Matcher(linter.nlp.vocab)
        for k in range(3):
            group = [[token() for _ in range(rng.randint(1, 4))] for _ in range(2)]
            patterns.add(f"R{round_}_{k}", group)
            plain.add(f"R{round_}_{k}", group)
        for doc in docs:
            expected = list(plain(doc))
            assert patterns(doc) == expected, (round_, doc.text)
            compared += len(expected)
    assert compared > 1000


def test_lexicon_phrases_read_word_by_word_equal_their_own_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    # LexiconMatcher reads phrases of plain words word by word, without a
    # Doc: the same ids as a Doc of the phrase, for every shipped phrase.
    phrases: list[str] = []
    read = _matching._PhraseReader.__call__

    def recording(self: _matching._PhraseReader, phrase: str) -> tuple[int, ...]:
        phrases.append(phrase)
        return read(self, phrase)

    monkeypatch.setattr(_matching._PhraseReader, "__call__", recording)
    nlp = Linter(entry_points=False).nlp
    monkeypatch.undo()
    assert len(phrases) > 2000
    reader = _matching._PhraseReader(nlp)
    assert [reader(phrase) for phrase in phrases] == [_matching._pattern_keys(nlp, phrase) for phrase in phrases]
    plain = [word for word, key in reader.words.items() if key is not None]
    assert len(plain) > 1500, "the word-by-word reading was hardly taken"
    # Words the tokenizer cuts ("can", "not") are not read as plain words, nor are double spaces.
    for phrase in ("i cannot believe", "gonna be", "so  sorry", "re-send it"):
        assert reader(phrase) == _matching._pattern_keys(nlp, phrase)
    assert reader.words["cannot"] is None
    assert reader.words["gonna"] is None


def test_a_special_case_across_a_space_turns_the_word_by_word_reading_off() -> None:
    nlp = spacy.blank("en")
    assert _matching._PhraseReader(nlp).by_word
    nlp.tokenizer.add_special_case("new york", [{"ORTH": "new york"}])
    reader = _matching._PhraseReader(nlp)
    assert not reader.by_word
    # Word by word would be wrong here: the tokenizer makes "new york" one token.
    assert reader("in new york") == _matching._pattern_keys(nlp, "in new york")
    assert len(reader("in new york")) == 2
