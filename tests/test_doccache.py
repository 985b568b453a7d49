"""The per-Doc text and token cache the checks share."""

from __future__ import annotations

import gc
import weakref

import spacy

from netiquette import doccache


def test_text_and_tokens_are_the_docs_own() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Hi there,  how are you? 👋")
    assert doccache.text_of(doc) == doc.text
    assert [(t.i, t.text, t.idx) for t in doccache.tokens_of(doc)] == [(t.i, t.text, t.idx) for t in doc]
    assert doccache.tokens_of(doc) is doccache.tokens_of(doc)


def test_a_new_doc_replaces_the_cached_one() -> None:
    nlp = spacy.blank("en")
    first, second = nlp("first draft"), nlp("second one here")
    assert doccache.text_of(first) == "first draft"
    assert doccache.text_of(second) == "second one here"
    assert len(doccache.tokens_of(first)) == 2
    assert doccache.text_of(first) == "first draft"


def test_forget_lets_the_doc_be_freed() -> None:
    nlp = spacy.blank("en")
    doc = nlp("a draft that should not outlive its caller")
    doccache.tokens_of(doc)
    ref = weakref.ref(doc)
    doccache.forget(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_tokens_are_read_again_after_the_doc_is_retokenised() -> None:
    # A plugin's pipeline component may merge tokens after a built-in one has read them.
    nlp = spacy.blank("en")
    doc = nlp("New York is big")
    assert len(doccache.tokens_of(doc)) == 4
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert [t.text for t in doccache.tokens_of(doc)] == ["New York", "is", "big"]
    assert doccache.text_of(doc) == "New York is big"


def test_a_sentences_tokens_are_the_cached_tokens_of_its_doc() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("First one here. Then a second!")
    first, second = doc.sents
    assert [t.text for t in doccache.tokens_in(second)] == ["Then", "a", "second", "!"]
    assert all(a is b for a, b in zip(doccache.tokens_in(first), doccache.tokens_of(doc), strict=False))
