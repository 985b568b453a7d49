"""The case-folding lookup lemmatizer gives spaCy's lookup lemmas of the lowercase forms."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.lookups import Lookups

from netiquette import lemmatizer
from netiquette.pipeline import build_pipeline

CORPUS = Path(__file__).resolve().parent / "corpus"


def _spacy_loop(nlp: spacy.language.Language, text: str) -> list[str]:
    """What spaCy's own per-token loop sets, with the same table."""
    doc = nlp.make_doc(text)
    table = lemmatizer.lemma_table()
    return [table.get(token.lower_, token.lower_) for token in doc]


def test_lemmas_are_the_lookup_lemmas_of_the_lowercase_forms_on_every_dev_draft() -> None:
    nlp, _ = build_pipeline(None)
    lines = (CORPUS / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines] + ["Booking CALLS, WENT Straße 😀 ŞİMDİ", " ", "x"]
    for text in texts:
        assert [t.lemma_ for t in nlp(text)] == _spacy_loop(nlp, text), text[:40]
    # The second time round every form comes from the kept lemmas, with the same result.
    assert [t.lemma_ for t in nlp(texts[0])] == _spacy_loop(nlp, texts[0])


def test_a_lemma_already_set_is_kept_unless_overwrite_is_on() -> None:
    nlp, _ = build_pipeline(None)
    component = nlp.get_pipe(lemmatizer.FACTORY)
    assert isinstance(component, lemmatizer.CaseFoldingLemmatizer)
    doc = nlp.make_doc("Booking calls")
    doc[0].lemma_ = "reserve"
    assert [t.lemma_ for t in component(doc)] == ["reserve", "call"]
    component.overwrite = True
    assert [t.lemma_ for t in component(nlp.make_doc("Booking calls"))] == ["book", "call"]


def test_new_tables_replace_the_lemmas_read_from_the_old_ones() -> None:
    nlp, _ = build_pipeline(None)
    component = nlp.get_pipe(lemmatizer.FACTORY)
    assert isinstance(component, lemmatizer.CaseFoldingLemmatizer)
    assert nlp("went")[0].lemma_ == "go"
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"went": "wend"})
    component.initialize(lookups=lookups)
    assert nlp("went")[0].lemma_ == "wend"


def test_an_empty_draft_gets_an_empty_doc() -> None:
    nlp, _ = build_pipeline(None)
    assert len(nlp("")) == 0
