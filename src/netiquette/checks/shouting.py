"""shouting: ALL-CAPS runs and piles of exclamation or question marks.

What it does
    Finds three or more capitalised words in a row ("PLEASE READ THIS
    BEFORE YOU REPLY"), a whole message written in capitals ("THANK YOU SO
    MUCH"), and piles of exclamation or question marks ("!!!", "??",
    "?!?!").

Why is this bad
    In writing, capitals and stacked marks read as a raised voice. To a
    stranger or in public they come across as angry or pushy, and even
    in good news they make the message look like an advert.

Context
    A warning in every channel, with two exceptions for a private chat with
    someone the author knows: capitals in a ``dm`` that is not a first
    contact are only a hint unless they demand or scold ("STOP", "WHY",
    "NOW", "ALREADY") or come with a pile of marks, since friends often type
    excitement in capitals; and exactly three "!" in a warm DM or email to
    someone the author knows ("congrats!!! so happy for you") are only a
    hint. What is not shouting: acronyms and initialisms (NASA, AWS, CEO,
    ASAP, NDA; a capitalised word with no vowel, such as GDPR or HTML,
    counts as one), code and constants (``MAX_RETRIES``, anything in
    backticks), hashtags and mentions, a single capitalised word or two for
    emphasis, one or two "!" ("Congrats!!"), "?!" and emoji; a doubled "??" is
    only a hint. Quoted lines
    and words in quotation marks are never judged.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Token

from netiquette.checks._authorship import QUOTES_FACTORY, visibly_quoted_mask
from netiquette.checks._matching import load_lexicon
from netiquette.context import Context
from netiquette.doccache import text_of, tokens_of
from netiquette.hookspecs import hookimpl
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

LEXICON = "shouting.json"

CAPS_RUN, CAPS_MESSAGE, MARK_PILE = "SH101", "SH102", "SH103"

RULES = (
    Rule(
        CAPS_RUN,
        "all-caps-run",
        'Three or more capitalised words in a row ("PLEASE READ THIS").',
        "Capitals read as shouting: the reader hears a raised voice, not emphasis, and feels pushed or told off.",
        Severity.WARNING,
        'Write it in normal case; to stress one point, put it first or use one word in italics ("please *do* '
        'read this").',
    ),
    Rule(
        CAPS_MESSAGE,
        "all-caps-message",
        'A whole message in capitals ("THANK YOU SO MUCH").',
        "A message entirely in capitals reads as shouting from start to finish, however friendly the words are.",
        Severity.WARNING,
        "Turn off caps lock and write it in normal case; the words carry the warmth on their own.",
    ),
    Rule(
        MARK_PILE,
        "punctuation-pile",
        'A pile of exclamation or question marks ("!!!", "??", "?!?!").',
        'Stacked marks sound shrill or impatient: "??" demands an answer, "!!!" turns enthusiasm into '
        "noise, and together they make a message read like an argument or an advert.",
        Severity.WARNING,
        'One mark is enough: "Congratulations!" or "Any update on this?".',
    ),
)

#: Capitalised words in a row that make a run, and how many of them must be ordinary words.
RUN_LENGTH = 3
RUN_SHOUTED = 2
#: Share of a message's cased letters in capitals for the whole message to be shouted.
MESSAGE_UPPER_SHARE = 0.9
MESSAGE_MIN_LETTERS = 6

_DOUBLED_QUESTION = frozenset({"??", "？？", "⁇"})
_PILE = re.compile(r"[!?！？‼⁇⁈⁉]{2,}")
_CODE = re.compile(r"```[^`]{0,20000}```|`[^`\n]{1,400}`")
# Hashtags and mentions are names, often written in capitals ("#BlackFriday", "@NASA").
_TAG = re.compile(r"(?<!\w)[#@]\w+")
_VOWELS = frozenset("AEIOUY")
#: Exactly this many "!" to someone the author knows, in private, in a warm message, is enthusiasm, not noise.
WARM_EXCLAMATIONS = 3
_PRIVATE = frozenset({"dm", "email"})
_CAPS_WORD = re.compile(r"[A-Z']+")
# In a chat with someone the author knows, capitals are often just excitement
# ("I HAVE A DATE ON SUNDAY"); they shout when they demand or scold.
_DEMANDING = frozenset(
    "STOP NOT NO NEVER DONT DON'T NOW WHY WHAT WHERE WHEN WHO PLEASE PLZ READ ASAP URGENT AGAIN EVER ANSWER "
    "REPLY RESPOND CALL EXPLAIN LISTEN ENOUGH SERIOUSLY IMMEDIATELY TODAY ALREADY TOLD STILL YET WRONG FAULT "
    "UNACCEPTABLE RIDICULOUS SICK TIRED FED".split()
)
_WARM = re.compile(
    r"congrat|\bhappy\b|\bthank|\blove\b|\bproud\b|\bamazing\b|\byay\b|\bwoo+hoo+\b|\bglad\b|\bcongrats\b"
    r"|🎉|🥳|❤|🙌|😍|🥰",
    re.IGNORECASE,
)


@cache
def _acronyms() -> frozenset[str]:
    return frozenset(load_lexicon(LEXICON)["acronyms"].split())


def _letters(token: Token) -> str:
    return token.text.replace("'", "").replace("’", "")


def _is_caps(token: Token) -> bool:
    letters = _letters(token)
    return letters.isalpha() and letters.isupper()


def _is_shouted(token: Token) -> bool:
    """A capitalised ordinary word: not "I" or "A", not an acronym."""
    letters = _letters(token)
    return (
        len(letters) >= 2
        and token.text not in _acronyms()
        and letters not in _acronyms()
        and bool(_VOWELS.intersection(letters))
    )


class Shouting(Check):
    """Flags capitals and stacked punctuation that read as a raised voice."""

    id = "shouting"
    rules = RULES
    components = (QUOTES_FACTORY,)

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """One hit per caps run (or one for a message all in capitals) and per pile of marks."""
        text = text_of(doc)
        ignored = visibly_quoted_mask(text, _CODE, _TAG)
        chat = context.channel == "dm" and not context.first_contact
        piles = [m for m in _PILE.finditer(text) if not ignored[m.start()]]
        whole = self._whole_message(doc, ignored)
        caps = [whole] if whole is not None else [Hit(CAPS_RUN, s, e) for s, e in self._runs(doc, ignored)]
        for hit in caps:
            calm = (
                chat and not piles and not _DEMANDING.intersection(text[hit.start : hit.end].replace("’", "'").split())
            )
            yield Hit(hit.code, hit.start, hit.end, severity=Severity.INFO if calm else None)
        # Read only for a pile of marks: the search costs as much as the rest of the check.
        warm = bool(piles) and context.channel in _PRIVATE and not context.first_contact and bool(_WARM.search(text))
        for match in piles:
            pile = match.group()
            questions = sum(pile.count(c) for c in "?？⁇") + pile.count("⁇")
            exclamations = sum(pile.count(c) for c in "!！‼") + pile.count("‼")
            if questions >= 2 or exclamations >= 3 or len(pile) >= 3:
                cheer = warm and not questions and exclamations == WARM_EXCLAMATIONS
                # A doubled "??" alone is how many people type a sincere
                # question (23 of the 1,648 politest Stack Exchange requests
                # do it): a hint, not a raised voice.
                doubled = pile in _DOUBLED_QUESTION
                yield Hit(MARK_PILE, match.start(), match.end(), severity=Severity.INFO if cheer or doubled else None)

    @staticmethod
    def _runs(doc: Doc, ignored: bytearray) -> Iterator[tuple[int, int]]:
        run: list[Token] = []

        def close() -> Iterator[tuple[int, int]]:
            if len(run) >= RUN_LENGTH and sum(1 for t in run if _is_shouted(t)) >= RUN_SHOUTED:
                yield run[0].idx, run[-1].idx + len(run[-1])

        for token in tokens_of(doc):
            if ignored[token.idx]:
                continue  # quoted, code, a hashtag
            if _is_caps(token):
                run.append(token)
            elif (token.is_punct and "\n" not in token.text) or token.text in {"&", "+", "/"}:
                continue  # "URGENT: PLEASE REPLY" is one run
            else:
                yield from close()
                run = []
        yield from close()

    @staticmethod
    def _whole_message(doc: Doc, ignored: bytearray) -> Hit | None:
        text = text_of(doc)
        if text.isascii() and not any(ignored):
            # The common case, counted without a Python step per character: in ASCII the cased letters are A-Z, a-z.
            upper = sum(map(text.count, string.ascii_uppercase))
            cased = upper + sum(map(text.count, string.ascii_lowercase))
        else:
            letters = [c for i, c in enumerate(text) if c.isalpha() and c.lower() != c.upper() and not ignored[i]]
            upper, cased = sum(1 for c in letters if c.isupper()), len(letters)
        if cased < MESSAGE_MIN_LETTERS or upper < MESSAGE_UPPER_SHARE * cased:
            return None
        words = [t for t in tokens_of(doc) if not ignored[t.idx] and _is_caps(t)]
        if len(words) < 2 or not any(_is_shouted(t) for t in words):
            return None
        return Hit(CAPS_MESSAGE, words[0].idx, words[-1].idx + len(words[-1]))


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the shouting check."""
    return [Shouting()]
