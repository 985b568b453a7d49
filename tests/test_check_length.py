"""The length check: limits per channel, the reading grade, the figures in the message, and its settings."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import check_findings
from netiquette.checks.length import DEFAULT_LIMITS, LengthSettings
from netiquette.config import Config
from netiquette.linter import Linter
from netiquette.models import Finding, Severity
from netiquette.plugins import PluginError

CHECK = "length"
SENTENCE = "We moved our nightly jobs to a new scheduler and learned a few things on the way. "  # 17 words
JARGON = (
    "I wanted to reach out regarding potential opportunities for strategic collaboration leveraging our "
    "organization's complementary capabilities in enterprise infrastructure optimization, particularly "
    "considering the increasingly sophisticated operational requirements characterizing contemporary "
    "distributed computational environments."
)


def build(settings: dict[str, Any] | None = None) -> Linter:
    config = Config.from_mapping({"settings": {"length": settings}}) if settings else None
    return Linter(config, plugins=["netiquette.checks.length"], builtins=False, entry_points=False)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return build()


def findings(linter: Linter, text: str, channel: str = "dm", first_contact: bool = False, **kw: str) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact, **kw)


def codes(linter: Linter, text: str, channel: str = "dm", first_contact: bool = False, **kw: str) -> list[str]:
    return [f.code for f in findings(linter, text, channel, first_contact, **kw) if f.severity >= Severity.WARNING]


def words(n: int) -> str:
    """A plain draft of exactly ``n`` words, in 17-word sentences."""
    return " ".join((SENTENCE * (n // 17 + 1)).split()[:n])


# -- LN101 over-platform-limit ------------------------------------------------------


def test_a_connection_note_over_300_characters_marks_the_overflow(linter: Linter) -> None:
    text = "Hi Dana, " + "I enjoyed your talk on schema registries and would be glad to connect. " * 5
    [finding] = findings(linter, text, "connection_request")
    assert finding.code == "LN101"
    assert finding.start == 300
    assert finding.end == len(text.rstrip())
    assert finding.message.startswith(f"{len(text)} characters; a LinkedIn invitation note holds at most 300")


def test_a_connection_note_within_the_limit_passes(linter: Linter) -> None:
    text = "Hi Dana, your talk on schema registries was the clearest I've heard. I'm on a Kafka move too; glad to meet."
    assert len(text) < 300
    assert codes(linter, text, "connection_request") == []


def test_trailing_whitespace_does_not_count_against_the_limit(linter: Linter) -> None:
    text = "x" * 290 + " " * 40
    assert codes(linter, text, "connection_request") == []


# -- LN102 too-long-for-channel ---------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "first_contact", "over", "within"),
    [
        ("email", True, 220, 180),
        ("email", False, 520, 480),
        ("dm", True, 170, 140),
        ("dm", False, 320, 280),
        ("comment", False, 220, 180),
        ("reply", False, 270, 230),
    ],
)
def test_word_limits_per_channel(linter: Linter, channel: str, first_contact: bool, over: int, within: int) -> None:
    assert codes(linter, words(over), channel, first_contact) == ["LN102"]
    assert codes(linter, words(within), channel, first_contact) == []


def test_posts_may_be_long(linter: Linter) -> None:
    assert codes(linter, words(1500), "post") == []


def test_the_message_gives_the_figure_and_the_research(linter: Linter) -> None:
    text = words(400)
    [finding] = findings(linter, text, "email", True)
    assert finding.message.startswith("400 words; cold emails of 50-125 words get the most replies")
    assert finding.suggestion is not None and "under 200 words" in finding.suggestion


def test_the_span_starts_at_the_sentence_that_crosses_the_limit(linter: Linter) -> None:
    text = words(200)  # 12 sentences of 17 words: word 151 is in the 9th sentence
    [finding] = findings(linter, text, "dm", True)
    assert finding.start == text.index(SENTENCE.strip()) + 8 * len(SENTENCE)
    assert finding.end == len(text)


def test_a_reply_may_be_as_long_as_twice_the_message_it_answers(linter: Linter) -> None:
    question = " ".join(["word"] * 200)
    assert codes(linter, words(350), "email", False) == []
    assert codes(linter, words(380), "dm", False, reply_to=question) == []
    assert codes(linter, words(420), "dm", False, reply_to=question) == ["LN102"]


# -- LN103 hard-to-read -----------------------------------------------------------------


def test_jargon_in_a_first_dm_is_hard_to_read(linter: Linter) -> None:
    [finding] = findings(linter, JARGON, "dm", True)
    assert finding.code == "LN103"
    assert finding.severity == Severity.WARNING
    assert finding.message.startswith("Reading grade ")
    assert "(Flesch-Kincaid) in 32 words" in finding.message


def test_the_hardest_sentence_is_marked(linter: Linter) -> None:
    text = "Hi Sam, thanks for the talk. " + JARGON + " Would you have time to talk next week?"
    [finding] = findings(linter, text, "email", True)
    assert finding.excerpt == JARGON
    assert "this sentence alone is grade" in finding.message


@pytest.mark.parametrize("channel", ["post", "comment", "reply"])
def test_reading_grade_is_not_judged_in_public(linter: Linter, channel: str) -> None:
    assert codes(linter, JARGON, channel) == []


def test_a_short_note_with_one_long_word_is_not_graded(linter: Linter) -> None:
    assert codes(linter, "Congratulations on the internationalization milestone!", "dm", True) == []


def test_plain_messages_pass(linter: Linter) -> None:
    text = (
        "Hi Sam, I enjoyed your talk on observability. We are adding tracing to our services and hit the same "
        "sampling problem you described. How did you pick the sample rate?"
    )
    assert codes(linter, text, "dm", True) == []


# -- settings ----------------------------------------------------------------------------


def test_settings_change_and_remove_limits() -> None:
    linter = build({"max-grade": 40, "email": {"first-contact-words": 100}, "post": {"characters": 3000}})
    assert codes(linter, JARGON, "dm", True) == []
    assert codes(linter, words(120), "email", True) == ["LN102"]
    assert codes(linter, "y" * 3100, "post") == ["LN101"]
    off = build({"dm": {"first-contact-words": False}})
    assert codes(off, words(400), "dm", True) == []


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"dm": {"words": "many"}}, "settings.length.dm.words"),
        ({"dm": {"words": 0}}, "settings.length.dm.words"),
        ({"dm": {"sentences": 3}}, "settings.length.dm.sentences"),
        ({"max-grade": True}, "settings.length.max-grade"),
        ({"postt": {}}, "settings.length.postt"),
        ({"dm": 5}, "settings.length.dm"),
    ],
)
def test_bad_settings_name_the_key(table: dict[str, Any], key: str) -> None:
    with pytest.raises(PluginError, match=key.replace(".", r"\.")):
        LengthSettings.from_mapping(table)
    with pytest.raises(PluginError):
        build(table)


def test_defaults_cover_every_channel() -> None:
    from netiquette.context import CHANNELS

    assert set(DEFAULT_LIMITS) == set(CHANNELS)
    assert DEFAULT_LIMITS["connection_request"].characters == 300


def test_a_draft_in_words_english_does_not_know_is_not_graded(linter: Linter) -> None:
    # spaCy's Latin example: the English formulas would call it grade 20+.
    latin = (
        "Quid faciat laetas segetes, quo sidere terram uertere, Maecenas, ulmisque adiungere uitis conueniat, "
        "quae cura boum, qui cultus habendo sit pecori, apibus quanta experientia parcis, hinc canere incipiam"
    )
    assert "LN103" not in codes(linter, latin, "email", True)
    assert "LN103" in codes(linter, JARGON, "email", True)
