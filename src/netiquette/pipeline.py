"""Builds the spaCy pipeline a Linter runs every draft through.

By default: blank English, a sentencizer and a case-folding lookup lemmatizer
(tables from ``spacy-lookups-data``, read from disk, never downloaded). With ``model`` set,
an installed trained pipeline is loaded instead and topped up with a
sentencizer if it cannot split sentences itself.

Either way the tokenizer is wrapped in ``RunSplittingTokenizer``: spaCy's
tokenizer takes time quadratic in the length of a run of characters without
whitespace, so a long enough run (a pasted blob, thousands of brackets)
would stall a check for minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from netiquette.config import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Longest draft accepted, in characters. Drafts are messages, not books; the
#: blank pipeline handles this size in seconds and linear time.
MAX_CHARS = 5_000_000

#: A run of this many characters without whitespace is tokenised in pieces.
#: Longer than any real word or link; below it spaCy's cost per character
#: stays small (measured: at most ~7 microseconds, for a run of brackets).
LONG_RUN = 1024
#: Length of the pieces a long run is cut into (~0.4 microseconds a character at worst).
RUN_PIECE = 256
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}\s*")


class RunSplittingTokenizer:
    """spaCy's tokenizer, except that runs of ``LONG_RUN`` or more non-space characters are cut into pieces.

    The text between long runs is tokenised as usual; each long run (with
    the whitespace after it) is tokenised ``RUN_PIECE`` characters at a
    time. The Doc is rebuilt from the words and spaces, so ``doc.text`` is
    the text exactly and character offsets are unchanged. Texts without a
    long run go straight to the wrapped tokenizer. Other attributes (``vocab``,
    ``explain``, serialisation) are the wrapped tokenizer's, for writing as
    well as reading: a plugin's ``netiquette_pipeline`` hook that sets
    ``nlp.tokenizer.suffix_search`` changes how drafts are tokenised.
    """

    def __init__(self, tokenizer: Any) -> None:
        object.__setattr__(self, "tokenizer", tokenizer)

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes this class lacks.
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value: Any) -> None:
        # Set on this wrapper, a new affix rule or token_match would be read by
        # nobody: spaCy's tokenizer inside does the tokenising.
        if name == "tokenizer":
            object.__setattr__(self, name, value)
        else:
            setattr(self.tokenizer, name, value)

    def __call__(self, text: str) -> Doc:
        """Tokenise ``text`` in time linear in its length."""
        if _LONG_RUN.search(text) is None:
            return self.tokenizer(text)  # type: ignore[no-any-return]
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for run in _LONG_RUN.finditer(text):
            self._extend(text[position : run.start()], words, spaces)
            for start in range(run.start(), run.end(), RUN_PIECE):
                # The run's trailing whitespace goes with its last piece, as
                # it would go with the run's last token.
                end = start + RUN_PIECE if start + RUN_PIECE < run.end() else run.end()
                self._extend(text[start:end], words, spaces)
            position = run.end()
        self._extend(text[position:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def _extend(self, piece: str, words: list[str], spaces: list[bool]) -> None:
        if piece:
            for token in self.tokenizer(piece):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenise a stream of texts."""
        for text in texts:
            yield self(text)


def build_pipeline(model: str | None) -> tuple[Language, frozenset[str]]:
    """Return the pipeline and the features it provides (see ``netiquette.rules.FEATURES``).

    Raises:
        ConfigError: ``model`` is not an installed spaCy pipeline.
    """
    import spacy
    from spacy.lookups import Lookups

    from netiquette import lemmatizer

    if model is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        lemmatize = nlp.add_pipe(lemmatizer.FACTORY)
        # The lemmatizer shares the lemma table the lexicon patterns are
        # lemmatised with, instead of loading its own copy (about 16 MB and
        # 0.2 s): nlp.initialize() would load it again, and nothing else in
        # a blank pipeline needs initialising. The table is a plain dict (see
        # ``lemma_table``): the lemmatizer only calls its ``get``, and
        # ``Lookups.to_bytes`` serialises it all the same (it loads back as a Table).
        lookups = Lookups()
        lookups.set_table("lemma_lookup", lemmatizer.lemma_table())  # type: ignore[arg-type]
        lemmatize.initialize(lookups=lookups)  # type: ignore[attr-defined]
    else:
        nlp = _load_model(model)
    nlp.max_length = MAX_CHARS
    nlp.tokenizer = RunSplittingTokenizer(nlp.tokenizer)
    return nlp, _features(nlp)


def _load_model(model: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError:
        raise ConfigError(
            f"spaCy pipeline {model!r} is not installed. Install it as a Python package "
            f"(for example `pip install {model}` from a wheel you have, or a local path), "
            "or remove 'model' from the config to use the built-in blank English pipeline."
        ) from None
    if nlp.lang != "en":
        raise ConfigError(f"spaCy pipeline {model!r} is for language {nlp.lang!r}; netiquette's checks need English")
    if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
        nlp.add_pipe("sentencizer", first=True)
    return nlp


def _features(nlp: Language) -> frozenset[str]:
    names = set(nlp.pipe_names)
    features = {"sentences"}
    if names & {"lemmatizer", "netiquette_lemmatizer"}:
        features.add("lemmas")
    if names & {"tagger", "morphologizer"}:
        features.add("pos")
    if "parser" in names:
        features.add("parser")
    if "ner" in names:
        features.add("ner")
    return frozenset(features)
