"""A lookup lemmatizer that ignores case, so "Booking" and "BOOKING" both become "book".

spaCy's lookup mode looks up ``token.text`` as written, and the English table
only has lowercase keys: every capitalised or shouted word would keep its
inflection and slip past lemma patterns.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token
from spacy.util import load_language_data, registry

FACTORY = "netiquette_lemmatizer"
#: Distinct lowercase forms whose lemma a lemmatizer keeps (a few MB at most).
_MAX_CACHED_LEMMAS = 100_000


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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Lowercase form's string id -> its lemma's: drafts share most of their words.
        self._lemma_ids: dict[int, int] = {}

    def initialize(self, *args: Any, **kwargs: Any) -> None:
        """Load the tables (see spaCy's ``Lemmatizer.initialize``) and forget the lemmas read from the old ones."""
        super().initialize(*args, **kwargs)
        self._lemma_ids = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set each token's lemma, ``lookup_lemmatize``'s, as spaCy's lookup mode does, through the Doc's arrays.

        spaCy's own loop creates a Python ``Token`` per word and looks the word
        up again in every draft; reading the lowercase forms as one array and
        keeping each form's lemma was a third of the time of a short draft's
        whole pipeline before the checks.
        """
        if self.mode != "lookup" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        cache = self._lemma_ids
        if len(cache) >= _MAX_CACHED_LEMMAS:
            cache.clear()
        table = self.lookups.get_table("lemma_lookup", {})
        strings = doc.vocab.strings
        lowers, lemmas = doc.to_array(["LOWER", "LEMMA"]).T.tolist()
        for i, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True)):
            if self.overwrite or lemma == 0:
                found = cache.get(lower)
                if found is None:
                    word = strings[lower]
                    found = cache[lower] = strings.add(table.get(word, word))
                lemmas[i] = found
        # spaCy's stub asks for its own array alias; any uint64 array of one column is what it reads.
        doc.from_array(["LEMMA"], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc

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
