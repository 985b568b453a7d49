"""A lookup lemmatizer that ignores case, so "Booking" and "BOOKING" both become "book".

spaCy's lookup mode looks up ``token.text`` as written, and the English table
only has lowercase keys: every capitalised or shouted word would keep its
inflection and slip past lemma patterns.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token
from spacy.util import load_language_data, registry

FACTORY = "netiquette_lemmatizer"


@cache
def lemma_table() -> dict[str, str]:
    """The English ``lemma_lookup`` table from spacy-lookups-data, loaded once per process.

    Its keys are also the English word forms that netiquette knows.
    Read as spaCy's ``load_lookups`` reads it (the file its lookups registry
    names for English, parsed by ``load_language_data``), but kept as a
    plain dict: a spaCy ``Table`` hashes all ~41,000 keys into a Bloom filter
    as it is filled, which was 0.1 s of every start-up. Every lookup gives
    the same answer either way (a Table keys on each string's hash, and the
    table's strings have distinct hashes).
    """
    table: dict[str, str] = load_language_data(registry.lookups.get("en")["lemma_lookup"])  # type: ignore[assignment]
    return table


def is_english_word(word: str) -> bool:
    """Whether the lowercase ``word`` is an English word form the lemma table knows.

    The table's keys are inflected forms only ("went", "offers"), so its
    lemmas and spaCy's English stop words are counted too.
    """
    return word in lemma_table() or word in _english_lemmas()


@cache
def _english_lemmas() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(lemma_table().values()) | STOP_WORDS


class CaseFoldingLemmatizer(Lemmatizer):
    """Lookup lemmatizer keyed on the lowercase form; lemmas are lowercase."""

    def lookup_lemmatize(self, token: Token) -> list[str]:
        """The lemma of ``token.lower_`` from the ``lemma_lookup`` table, or the lowercase form."""
        table = self.lookups.get_table("lemma_lookup", {})
        lower = token.lower_
        return [table.get(lower, lower)]


@Language.factory(
    FACTORY,
    default_config={"model": None, "mode": "lookup", "overwrite": False, "scorer": None},
)
def make_lemmatizer(nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Any) -> Lemmatizer:
    """Build the case-folding lookup lemmatizer (tables come from spacy-lookups-data)."""
    return CaseFoldingLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
