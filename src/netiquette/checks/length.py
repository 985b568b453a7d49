"""length: too long for the channel, or too hard to read for a private message.

What it does
    Reports a draft that is longer than its channel allows or rewards: an
    invitation note over the platform's character limit, a comment past
    LinkedIn's comment limit, a first email or first direct message that
    runs to hundreds of words, a comment or thread reply that is an essay.
    It also reports a direct message, email or invitation note whose reading
    grade (Flesch-Kincaid) is far above what a general reader reads easily.

Why is this bad
    A stranger gives a first message a few seconds. A long one asks for
    minutes they have not agreed to give, and it is put off "for later",
    which usually means never; a note over the platform's limit is cut off
    or refused. Long sentences full of long words make the reader work to
    find out what you want, so they often do not.

Context
    Limits are per channel, in characters (platform limits) and in words
    (what gets replies), with a tighter word limit for a first contact. Your
    own posts have no limit by default: posts may be long. A reply may be as
    long as twice the message it answers. The reading grade is judged in
    direct messages, emails and invitation notes of at least 25 words only.
    Every number is a setting (``[tool.netiquette.settings.length]``; see
    ``docs/rules/length.md`` for the defaults and where each comes from).

The figures come from the draft's metrics (``netiquette.metrics``), measured
once per draft by the Linter: this check counts nothing again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from netiquette import metrics as _metrics
from netiquette.context import CHANNELS, Context
from netiquette.doccache import text_of, tokens_of
from netiquette.hookspecs import hookimpl
from netiquette.lemmatizer import is_english_word
from netiquette.models import Severity
from netiquette.plugins import PluginError
from netiquette.rules import Check, Hit, Rule

if TYPE_CHECKING:
    from netiquette.config import Config

CHECK_ID = "length"
OVER_LIMIT, TOO_LONG, HARD_TO_READ = "LN101", "LN102", "LN103"

RULES = (
    Rule(
        OVER_LIMIT,
        "over-platform-limit",
        "Longer than the platform accepts for this channel (300 characters for a LinkedIn invitation note).",
        "This is longer than the platform accepts here, so the end is cut off or the message cannot be sent.",
        Severity.WARNING,
        "Keep one reason for connecting and one line about them; move the rest to a message after they accept.",
    ),
    Rule(
        TOO_LONG,
        "too-long-for-channel",
        "Far more words than this channel rewards (a first email over 200 words, a first DM over 150).",
        "A message this long asks the reader for minutes they have not agreed to give, so it is put off and "
        "often never answered.",
        Severity.WARNING,
        "Cut it to the one point that matters to the reader and one question; offer the rest if they are interested.",
    ),
    Rule(
        HARD_TO_READ,
        "hard-to-read",
        "A direct message, email or invitation note with a reading grade far above a general reader's.",
        "Long sentences full of long words make the reader work to find out what you want, and a busy reader "
        "stops before they do.",
        Severity.WARNING,
        "Split long sentences, one idea each, and swap long words for short ones ('use' for 'leverage', "
        "'help' for 'facilitate').",
    ),
)


@dataclass(frozen=True, slots=True)
class ChannelLimits:
    """Limits for one channel; None means no limit.

    Args:
        characters: the most the platform accepts, in characters.
        words: the most words worth sending to someone the author knows.
        first_contact_words: the most words worth sending in a first contact.
    """

    characters: int | None = None
    words: int | None = None
    first_contact_words: int | None = None


#: Defaults; docs/rules/length.md says where each number comes from.
DEFAULT_LIMITS: dict[str, ChannelLimits] = {
    "connection_request": ChannelLimits(characters=300),
    "dm": ChannelLimits(words=300, first_contact_words=150),
    "email": ChannelLimits(words=500, first_contact_words=200),
    "comment": ChannelLimits(characters=1250, words=200, first_contact_words=200),
    "reply": ChannelLimits(words=250, first_contact_words=250),
    "post": ChannelLimits(),
}
#: Reading grade (Flesch-Kincaid) from which a private message counts as hard to read.
DEFAULT_MAX_GRADE = 14.0
#: Fewer words than this are not graded: one long word in a short note is not a readability problem.
DEFAULT_GRADE_MIN_WORDS = 25
#: Channels whose drafts are judged on reading grade.
GRADED_CHANNELS = frozenset({"dm", "email", "connection_request"})

_LIMIT_KEYS = {"characters": "characters", "words": "words", "first-contact-words": "first_contact_words"}

_PLATFORM = {
    "connection_request": "a LinkedIn invitation note holds at most",
    "comment": "a LinkedIn comment holds at most",
}
_WHY_LONG = {
    ("email", True): "cold emails of 50-125 words get the most replies (Boomerang's study of 40 million emails)",
    ("email", False): "a long email gets skimmed, and the question in it gets missed",
    ("dm", True): "a first message this long reads as an essay; short LinkedIn InMails get more replies than long ones",
    ("dm", False): "a direct message is read on a phone, a screen at a time",
    ("comment", True): "a comment this long is an essay that buries the post it answers",
    ("comment", False): "a comment this long is an essay that buries the post it answers",
    ("reply", True): "a thread reply this long loses the reader before the point",
    ("reply", False): "a thread reply this long loses the reader before the point",
}


@dataclass(frozen=True, slots=True)
class LengthSettings:
    """The check's settings, from ``[tool.netiquette.settings.length]`` over the defaults."""

    limits: Mapping[str, ChannelLimits]
    max_grade: float = DEFAULT_MAX_GRADE
    grade_min_words: int = DEFAULT_GRADE_MIN_WORDS

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any]) -> LengthSettings:
        """Read the settings table, rejecting unknown keys and bad values.

        Raises:
            PluginError: naming the key (``settings.length.dm.words``) and what was expected.
        """
        limits = dict(DEFAULT_LIMITS)
        max_grade, min_words = DEFAULT_MAX_GRADE, DEFAULT_GRADE_MIN_WORDS
        for key, value in table.items():
            where = f"settings.{CHECK_ID}.{key}"
            if key == "max-grade":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                    raise PluginError(f"config key {where!r}: expected a positive number")
                max_grade = float(value)
            elif key == "grade-min-words":
                min_words = _limit(value, where) or 0
            elif key in CHANNELS:
                if not isinstance(value, Mapping):
                    raise PluginError(f"config key {where!r}: expected a table of limits")
                changes = {}
                for name, limit in value.items():
                    if name not in _LIMIT_KEYS:
                        valid = ", ".join(_LIMIT_KEYS)
                        raise PluginError(f"config key '{where}.{name}': unknown key; valid keys: {valid}")
                    changes[_LIMIT_KEYS[name]] = _limit(limit, f"{where}.{name}")
                limits[key] = replace(limits[key], **changes)
            else:
                valid = ", ".join(("max-grade", "grade-min-words", *CHANNELS))
                raise PluginError(f"config key {where!r}: unknown key; valid keys: {valid}")
        return cls(limits, max_grade, min_words)


def _limit(value: object, where: str) -> int | None:
    # ``false`` turns a limit off; TOML has no null.
    if value is False:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise PluginError(f"config key {where!r}: expected a positive whole number, or false for no limit")
    return value


class LengthCheck(Check):
    """Too long for the channel (LN101, LN102) or too hard to read (LN103)."""

    id = CHECK_ID
    rules = RULES
    requires = frozenset({"sentences"})

    def __init__(self, settings: LengthSettings | None = None) -> None:
        self.settings = settings or LengthSettings(DEFAULT_LIMITS)

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """Hits for the character limit, the word limit and the reading grade, from the draft's metrics."""
        figures = _metrics.of(doc)
        text = text_of(doc)
        end = len(text.rstrip())
        limits = self.settings.limits.get(context.channel, ChannelLimits())
        if limits.characters is not None and figures.characters > limits.characters and end > limits.characters:
            yield Hit(
                OVER_LIMIT,
                limits.characters,
                end,
                message=(
                    f"{figures.characters:,} characters; "
                    f"{_PLATFORM.get(context.channel, 'this channel takes at most')} {limits.characters:,}, "
                    "so the end would be cut off or the message refused."
                ),
            )
        words = limits.first_contact_words if context.first_contact else limits.words
        if words is not None and context.reply_to is not None:
            # An answer may be as long as the question deserves.
            words = max(words, 2 * len(context.reply_to.split()))
        if words is not None and figures.words > words:
            start = _start_of_word(figures.sentence_stats, words + 1)
            why = _WHY_LONG.get((context.channel, bool(context.first_contact)), "this channel rewards short messages")
            yield Hit(
                TOO_LONG,
                start,
                max(start, end),
                message=f"{figures.words:,} words; {why}.",
                suggestion=(
                    f"Cut it to under {words} words: the one point that matters to the reader and one question. "
                    "Offer the rest if they are interested."
                ),
            )
        grade = figures.reading_grade
        if (
            context.channel in GRADED_CHANNELS
            and grade is not None
            and grade >= self.settings.max_grade
            and figures.words >= self.settings.grade_min_words
            and _mostly_english(doc)
        ):
            hardest = max(figures.sentence_stats, key=lambda s: (s.grade or 0.0, s.words))
            where = f", and this sentence alone is grade {hardest.grade or 0.0:.0f}" if figures.sentences > 1 else ""
            yield Hit(
                HARD_TO_READ,
                hardest.start,
                hardest.end,
                message=(
                    f"Reading grade {grade:.0f} (Flesch-Kincaid) in {figures.words} words; most adults read easily "
                    f"at grade 8 or below{where}."
                ),
            )


#: Share of a draft's words that must be English words before its reading grade is judged
#: (dense English jargon measures about 0.8, spaCy's Latin, Sorbian and Yoruba examples 0.0-0.2).
ENGLISH_VOCABULARY_SHARE = 0.5


def _mostly_english(doc: Doc) -> bool:
    # The English formulas give a high grade to any language they cannot
    # read (Latin, Sorbian, Yoruba in spaCy's example sentences), and the
    # language guess leaves drafts it is unsure of to the checks.
    words = [t.lower_ for t in tokens_of(doc) if t.is_alpha]
    return bool(words) and sum(map(is_english_word, words)) >= ENGLISH_VOCABULARY_SHARE * len(words)


def _start_of_word(stats: tuple[_metrics.SentenceStats, ...], number: int) -> int:
    # The start of the sentence holding the ``number``-th word: the part past
    # the limit, from a place the author can cut at.
    seen = 0
    for sentence in stats:
        seen += sentence.words
        if seen >= number:
            return sentence.start
    return stats[-1].start if stats else 0


@hookimpl
def netiquette_checks(config: Config) -> list[Check]:
    """The length check, with its settings from ``[tool.netiquette.settings.length]``."""
    return [LengthCheck(LengthSettings.from_mapping(config.settings.get(CHECK_ID, {})))]
