"""Is a draft English? The checks are English-only, so a clearly foreign draft is not judged.

The test is deliberately one-sided: a draft is called foreign only when the
evidence is clear (mostly non-Latin letters, or many more function words of
another language than of English). Short drafts, slang and typos stay
English, so that an English draft is never skipped by mistake.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.tokens import Doc

from netiquette.doccache import text_of, tokens_of
from netiquette.lemmatizer import lemma_table

# Latin-script languages whose function words tell them apart from English.
_LATIN_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "ro", "id", "tr", "cs", "hu", "fi")
# Words too short or too shared with English to count as evidence.
_SHARED = frozenset(
    "a i in on to die am an is was so no me we he be do us or as at it of by for the and but are not one all "
    "can had her his has may our out per son war will man hat top den dem".split()
)
_MIN_WORDS = 4
# Fewer letters than this in another script ("Hi 王小明", "Спасибо!") may be a name or a greeting in an
# English draft.
_MIN_LETTERS = 8


@cache
def _foreign_stop_words() -> frozenset[str]:
    words: set[str] = set()
    for code in _LATIN_LANGUAGES:
        words.update(w.lower() for w in _stop_words(code))
    # Words of one or two letters ("e", "da", "u") are too often English
    # texting shorthand to count as evidence.
    return frozenset(w for w in words - ENGLISH_STOP_WORDS - _SHARED if len(w) > 2)


def _stop_words(code: str) -> frozenset[str]:
    # Each list is loaded from its own file: importing ``spacy.lang.<code>``
    # as a package runs its ``__init__``, which builds tokenizer exceptions
    # (about 3 s for French alone) that netiquette never uses.
    spec = importlib.util.find_spec("spacy.lang")
    assert spec is not None and spec.submodule_search_locations is not None
    path = Path(next(iter(spec.submodule_search_locations))) / code / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location(f"_netiquette_stop_words_{code}", path)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


@cache
def _is_latin(char: str) -> bool:
    # Cached per character: unicodedata.name on every letter of every draft
    # was a measurable share of a short draft's time.
    return char.isascii() or "LATIN" in unicodedata.name(char, "")


def looks_foreign(doc: Doc) -> bool:
    """Whether the draft is clearly not English."""
    text = text_of(doc)
    # An ASCII draft has no letters of another script (the common case, tested in C). The script is read
    # before the words are counted: Chinese and Japanese put no spaces between words, so a whole sentence
    # is one token.
    if not text.isascii():
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= _MIN_LETTERS and sum(not _is_latin(c) for c in letters) > len(letters) / 2:
            return True
    # Vowel signs of many scripts are marks, not letters, so a word is any
    # token with a letter in it.
    words = [t.lower_ for t in tokens_of(doc) if t.text.isalpha() or any(c.isalpha() for c in t.text)]
    if len(words) < _MIN_WORDS:
        return False
    english = sum(w in ENGLISH_STOP_WORDS for w in words)
    if 4 * english >= len(words):
        return False  # most drafts: the foreign words could not outnumber the English three to one
    # A foreign function word that is also an English word ("come", "like")
    # is no evidence either way.
    vocabulary = lemma_table()
    foreign = sum(w in _foreign_stop_words() and w not in vocabulary for w in words)
    return foreign >= 3 and foreign > 3 * english and foreign >= len(words) / 4
