"""The literal pre-filter that lets hostility skip patterns a draft cannot match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netiquette.checks import hostility
from netiquette.checks._matching import load_lexicon
from netiquette.checks._prefilter import (
    LiteralIndex,
    literals_digest,
    may_match,
    pieces,
    required_literals,
    shipped_literals,
)

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:idiot|fool) like you", {" like you"}),
        ("nightmare to (?:work|deal) with", {"nightmare to "}),
        # Common words filter nothing, so the rarer alternatives are chosen.
        ("you (?:moron|clown)", {"moron", "clown"}),
        # A repeat that may be absent requires nothing; one that must occur does.
        ("(?:really )?bad", {"bad"}),
        ("(?:honest )+bad", {"honest "}),
        ("(?i)nightmare", None),
        ("(?:[a-z]+)", None),
        # Each alternative contributes what it needs; " here" is too common to use.
        ("(?:moron|[a-z]+ish) here", {"moron", "ish"}),
        # An alternative with nothing certain in it makes the whole alternation uncertain.
        ("(?:moron|[a-z]+) here", None),
        # A long common word is better than nothing ...
        ("(?:nothing|everyone)", {"nothing", "everyone"}),
        # ... but a set without common words wins, even with shorter strings.
        ("(?:nothing|everyone) (?:moron|clown)", {"moron", "clown"}),
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (set(found) if found is not None else None) == expected


def test_slots_are_read_as_their_own_patterns() -> None:
    slots = {"insult": "(?:idiot|fool|clown)", "you": "(?:you|u)"}
    assert required_literals("{you} {insult}", slots) == frozenset({"idiot", "fool", "clown"})
    # An alternation of slots alone (which the parser turns into a class of the slots' marks).
    assert required_literals("(?:{insult}|{you})", slots) is None
    assert required_literals("(?:{insult}|moron)", slots) == frozenset({"idiot", "fool", "clown", "moron"})


def test_a_pattern_the_parser_rejects_gets_no_filter_instead_of_an_error() -> None:
    assert required_literals("(unbalanced") is None


def test_literal_index_finds_exactly_the_literals_in_a_text() -> None:
    index = LiteralIndex([frozenset({"nightmare", "clown"}), None, frozenset({" like you"})])
    assert index.found("what a nightmare, people like you") == {"nightmare", " like you"}
    assert index.found("") == frozenset()
    assert may_match(None, frozenset())
    assert not may_match(frozenset({"clown"}), index.found("a kind reply"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abdefgilmnorstuwhcky ,.", max_size=60))
def test_possible_lists_the_patterns_may_match_lets_through_in_order(text: str) -> None:
    sets = [required_literals(pattern) for pattern in [*PATTERNS, "[a-z]+ish", "nowhere good"]]
    index = LiteralIndex(sets)
    found = index.found(text)
    assert index.possible(text) == [i for i, literals in enumerate(sets) if may_match(literals, found)]


PATTERNS = ["(?:idiot|fool) like you", "you (?:moron|clown)", "(?:honest )+bad", "no(?:thing|where) (?:good|fine)"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abdefgilmnorstuwhcky ,.", max_size=60), st.sampled_from(PATTERNS))
def test_a_filtered_out_pattern_never_matches(text: str, pattern: str) -> None:
    literals = required_literals(pattern)
    if not may_match(literals, LiteralIndex([literals]).found(text)):
        assert re.search(pattern, text) is None


def test_hostility_patterns_skipped_on_a_dev_draft_would_not_have_matched() -> None:
    lexicon = hostility._lexicon()
    assert sum(p.needs is not None for p in lexicon.patterns) > len(lexicon.patterns) // 2
    for name in ("dev.jsonl", "behaviour-dev.jsonl"):
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            words = hostility._normalise(json.loads(line)["text"], lexicon)
            by_form = hostility._joined([w.form for w in words])[0]
            by_shape = hostility._joined(["@cap" if w.capitalised else w.form for w in words])[0]
            present = {False: lexicon.needs.found(by_form), True: lexicon.shape_needs.found(by_shape)}
            for pattern in lexicon.patterns:
                if not may_match(pattern.needs, present[pattern.on_shapes]):
                    joined = by_shape if pattern.on_shapes else by_form
                    assert pattern.compiled.search(joined) is None, pattern.source[:80]


def test_contempt_frames_skipped_on_a_dev_draft_would_not_have_matched() -> None:
    contempt = hostility._contempt_lexicon()
    assert sum(frame.needs is not None for frame, _ in contempt.frames) > len(contempt.frames) // 2
    lexicon = hostility._lexicon()
    skipped = 0
    for name in ("dev.jsonl", "behaviour-dev.jsonl"):
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            words = hostility._normalise(json.loads(line)["text"], lexicon)
            texts = [hostility._joined([words[i].form for i in s])[0] for s in hostility._sentences(words, set())]
            found = contempt.needs.found("\n".join(texts))
            if not hostility._scare_quoted(words):
                # Without scare quotes the check reads the literals off the whole draft: never fewer.
                draft = " ".join(w.form for w in words)
                assert found <= contempt.needs.found(draft, pieces(draft))
            for frame, _ in contempt.frames:
                if not may_match(frame.needs, found):
                    skipped += 1
                    assert all(frame.compiled.search(text) is None for text in texts), frame.source[:80]
    assert skipped > 0


@pytest.mark.parametrize("kind", ["patterns", "frames"])
def test_the_shipped_hostility_literals_are_those_of_todays_templates(kind: str) -> None:
    # If this fails, run scripts/build_hostility_literals.py (until then start-up reads the templates itself).
    jobs = hostility.literal_jobs()[kind]
    shipped = load_lexicon(hostility.LITERALS)[kind]
    assert shipped["digest"] == literals_digest(jobs)
    expected = [required_literals(template, slots) for template, slots in jobs]
    assert shipped_literals(jobs, shipped) == expected
    assert sum(found is not None for found in expected) > len(expected) // 2


def test_literals_shipped_for_other_templates_are_worked_out_again() -> None:
    slots = {"insult": "(?:clown|moron)"}
    jobs = [("you {insult}", slots), ("nightmare to (?:work|deal) with", slots)]
    expected = [frozenset({"clown", "moron"}), frozenset({"nightmare to "})]
    assert shipped_literals(jobs, None) == expected
    stale = {"digest": literals_digest([("you {insult}", slots)]), "literals": [["stale"], ["stale"]]}
    assert shipped_literals(jobs, stale) == expected
    edited = {"digest": literals_digest([("you {insult}", {"insult": "clown"}), jobs[1]]), "literals": [[], []]}
    assert shipped_literals(jobs, edited) == expected
    fresh = {"digest": literals_digest(jobs), "literals": [["clown", "moron"], None]}
    assert shipped_literals(jobs, fresh) == [frozenset({"clown", "moron"}), None]
