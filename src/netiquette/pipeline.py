"""Builds the spaCy pipeline a Linter runs every draft through.

By default: blank English, a sentencizer and a case-folding lookup lemmatizer
(tables from ``spacy-lookups-data``, read from disk, never downloaded). With ``model`` set,
an installed trained pipeline is loaded instead and topped up with a
sentencizer if it cannot split sentences itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netiquette.config import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

#: Longest draft accepted, in characters. Drafts are messages, not books; the
#: blank pipeline handles this size in seconds and linear time.
MAX_CHARS = 5_000_000


def build_pipeline(model: str | None) -> tuple[Language, frozenset[str]]:
    """Return the pipeline and the features it provides (see ``netiquette.rules.FEATURES``).

    Raises:
        ConfigError: ``model`` is not an installed spaCy pipeline.
    """
    import spacy

    from netiquette import lemmatizer

    if model is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(lemmatizer.FACTORY)
        nlp.initialize()
    else:
        nlp = _load_model(model)
    nlp.max_length = MAX_CHARS
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
