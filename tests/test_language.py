"""Drafts that are clearly not English are reported as such and get no junk findings."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import pytest
import spacy.lang

from netiquette.linter import NOT_ENGLISH, Linter
from netiquette.models import Severity

CORPUS = Path(__file__).resolve().parent / "corpus"


def _foreign_sentences() -> list[tuple[str, str]]:
    sentences = []
    for module in pkgutil.iter_modules(spacy.lang.__path__):
        if module.name in ("en", "xx"):
            continue
        try:
            examples = importlib.import_module(f"spacy.lang.{module.name}.examples")
        except ImportError:
            continue
        sentences.extend((module.name, s) for s in getattr(examples, "sentences", []))
    return sentences


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(entry_points=False)


def test_foreign_sentences_raise_no_findings_and_most_are_recognised(linter: Linter) -> None:
    sentences = _foreign_sentences()
    assert len(sentences) >= 300, "spaCy's example sentences were not found"
    reports = [linter.check(text) for _, text in sentences]
    false_alarms = [lang for (lang, _), r in zip(sentences, reports, strict=True) if r.at_or_above(Severity.WARNING)]
    recognised = sum(NOT_ENGLISH in r.notes for r in reports)
    # Measured: 0 false alarms and 227 of 484 recognised (mostly non-Latin
    # scripts and long Latin-script sentences; short ones stay "English").
    assert false_alarms == []
    assert recognised >= 200


@pytest.mark.parametrize(
    ("text", "foreign"),
    [
        # Chinese and Japanese have no spaces between words: one token, but many letters of another script.
        ("こんにちは、お元気ですか？来週お会いしましょう。", True),
        ("我们下周在上海见面吧，我很期待。", True),
        ("Привет, как дела у тебя?", True),
        # A name or a greeting in another script inside an English draft is still English.
        ("Hi 王小明, great to meet you at the expo!", False),
        ("Thanks 田中さん for the intro", False),
        ("Спасибо!", False),
    ],
)
def test_the_script_decides_before_the_word_count(linter: Linter, text: str, foreign: bool) -> None:
    assert (NOT_ENGLISH in linter.check(text).notes) is foreign


@pytest.mark.parametrize("half", ["dev.jsonl", "test.jsonl"])
def test_english_drafts_are_never_taken_for_foreign_ones(linter: Linter, half: str) -> None:
    rows = [json.loads(line) for line in (CORPUS / half).read_text(encoding="utf-8").splitlines() if line.strip()]
    foreign = [
        r["text"][:40]
        for r, report in zip(rows, linter.check_many(r["text"] for r in rows), strict=True)
        if report.notes
    ]
    assert foreign == []


def test_the_note_is_in_the_json_and_text_output(linter: Linter) -> None:
    report = linter.check("Guten Tag, ich wollte Ihnen nur sagen, dass wir uns nächste Woche sehen. Vielen Dank!")
    assert report.notes == (NOT_ENGLISH,)
    assert report.to_dict()["notes"] == [NOT_ENGLISH]
    assert not report.findings
