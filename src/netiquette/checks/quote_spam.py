"""quote-spam: a post that is nothing but an inspirational quote or aphorism, with no words of the author's own.

What it does
    Looks at a post or comment as a whole. It is reported when it is a quote
    (in quotation marks, or followed by an attribution such as "— Steve
    Jobs", "~ Rumi", "- Unknown") with at most a few framing words around it
    ("Quote of the day", "So true", "Let that sink in", hashtags, emoji), or
    when it is a short unattributed aphorism: no "I" or "my", no figures or
    links, several words from the vocabulary of motivational posters
    ("success", "dreams", "never give up", "comfort zone") and often
    motivational hashtags.

Why is this bad
    A feed of borrowed quotes tells people nothing about the author: what
    they think, what they did, what they learned. It reads as filler posted
    for reach, and readers learn to scroll past the name.

Context
    The author's own ``post``: warning. A ``comment`` or ``reply`` that is only
    an attributed quote or a poster aphorism: warning; a comment that quotes
    the post it answers ("'Hire for curiosity': so true") is engagement and
    is not reported. In a ``dm``, ``email`` or ``connection_request`` a quote
    is odd but not spam to a feed: a hint. A quote followed by what it meant
    to the author, a customer's words inside a story, or a short opinion in
    the author's own voice ("hot take: ...") is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from spacy.tokens import Doc, Token

from netiquette.checks._authorship import QUOTES_FACTORY, QUOTES_KEY
from netiquette.checks._matching import load_lexicon
from netiquette.context import Context
from netiquette.hookspecs import hookimpl
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

LEXICON = "quote_spam.json"

QUOTE_ONLY = "QS101"

RULES = (
    Rule(
        QUOTE_ONLY,
        "quote-only-post",
        "A post that is only an inspirational quote or aphorism, with no words of the author's own.",
        "A borrowed quote with nothing of your own says nothing about you, so it reads as filler posted for "
        "reach and people learn to scroll past your name.",
        Severity.WARNING,
        "Add two or three sentences of your own: where the quote met your work this week, what you did "
        "about it, or whether you disagree. Or post the story instead of the quote.",
    ),
)

#: Channels where a quote is broadcast to a feed.
FEED_CHANNELS = frozenset({"post", "comment", "reply"})
#: An aphorism is short; a longer unattributed text is the author's own writing.
MAX_APHORISM_WORDS = 40
#: Fewer than this many of the author's own words around a quote are only framing.
MAX_OWN_WORDS = 5
#: Fewest words that make a quotation.
MIN_QUOTE_WORDS = 3
#: Most words of a quotation; a longer text is an essay or a thread, whatever its last line says.
MAX_QUOTE_WORDS = 80
#: Fewest words for an unattributed aphorism (shorter is a slogan or a greeting).
MIN_APHORISM_WORDS = 5

# A dash, tilde or horizontal bar, then a name of one to five words, at the
# end of a line or before hashtags and emoji. Bounded and linear.
_ATTRIBUTION = re.compile(
    r"(?:^|[\s\"”’)])[-–—―~]{1,2}[ \t]*(?P<name>[^\W\d_][\w.,'’ \t-]{0,60}?)[ \t]*(?=$|[#\n(]|[^\w\s,.'’-])",
    re.MULTILINE,
)
_SAID_BY = re.compile(
    r"(?:\bsaid\b|\bquote by\b|\bwrote\b)[ \t]+(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t.!]*$",
    re.MULTILINE,
)
# "(Aristotle)" closing a line; "As Steve Jobs once said," opening one.
_PAREN_ATTRIBUTION = re.compile(r"\((?P<name>[^\W\d_][\w.'’ \t-]{0,40})\)[ \t]*(?=$|[#\n]|[^\w\s])", re.MULTILINE)
_LEADING_SAID = re.compile(
    r"^[ \t]*(?:as[ \t]+)?(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r"[ \t]+(?:once[ \t]+)?(?:said|says|wrote|put it)\b[ \t,:]*",
    re.MULTILINE | re.IGNORECASE,
)
# A one-line aphorism ("Everything you want is on the other side of fear.") needs fewer poster words.
_ONE_LINER_WORDS = 15
_QUOTE_MARK = re.compile(r"[\"“”„«‘]|(?<!\w)'")
_CLOSING_MARK = re.compile(r"[\"”»’]|'(?!\w)")
_HASHTAG = re.compile(r"(?<![\w#&/])#(?P<tag>[^\W\d_]\w{0,60})")
_NAME_CONNECTORS = frozenset({"de", "da", "van", "von", "der", "la", "le", "of", "the", "jr", "jr.", "sr", "st", "by"})


def _one_quotation(text: str) -> tuple[int, int]:
    """The character range of the draft's only quotation, even across lines; (0, 0) if there is not exactly one.

    Quoted words on one line are found by the shared quote finder; a quotation broken over lines is not,
    so the first and last quote marks bound it.
    """
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    closing = [m.start() for m in _CLOSING_MARK.finditer(text)]
    if len(marks) != 2 or not closing or closing[-1] != marks[-1]:
        return 0, 0
    return marks[0], marks[-1] + 1


class _Reading(NamedTuple):
    """What the draft is made of."""

    #: Whether a quotation (marked or attributed) is there.
    quoted: bool
    #: Whether it carries an attribution to someone.
    attributed: bool
    #: The author's own words, outside quotes, attribution, hashtags and framing.
    own_words: int
    #: Whether the author speaks as "I"/"my" outside the quote.
    first_person: bool
    #: Whether the whole text reads as a poster aphorism.
    aphorism: bool


class QuoteSpam(Check):
    """Flags posts that are only a borrowed quote or a poster aphorism."""

    id = "quote-spam"
    rules = RULES
    components = (QUOTES_FACTORY,)

    def __init__(self) -> None:
        lexicon: dict[str, Any] = load_lexicon(LEXICON)
        self._inspirational = frozenset(lexicon["inspirational"])
        self._strong = frozenset(lexicon["strong_inspirational"])
        self._tags = frozenset(lexicon["quote_hashtags"])
        self._framing = frozenset(lexicon["framing"])
        self._own_voice = [tuple(cue) for cue in lexicon["own_voice"]]
        self._first_person = frozenset(lexicon["first_person"])
        self._people = frozenset(lexicon["quoted_people"])
        self._concrete = frozenset(lexicon["concrete"])
        self._emoji = tuple(lexicon["poster_emoji"])

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """At most one hit, covering the draft's text."""
        reading = self.read(doc)
        spam = reading.aphorism or (reading.quoted and reading.own_words <= MAX_OWN_WORDS and not reading.first_person)
        if not spam:
            return
        if context.channel not in FEED_CHANNELS:
            severity = Severity.INFO
        elif context.channel == "post" or reading.attributed or reading.aphorism:
            severity = Severity.WARNING
        else:
            return  # a comment quoting the post it answers is engagement
        text = doc.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        yield Hit(QUOTE_ONLY, start, end, severity=severity)

    def read(self, doc: Doc) -> _Reading:
        """Split the draft into quote, attribution, hashtags, framing and the author's own words."""
        text = doc.text
        masked = bytearray(len(text))  # characters that are attribution or hashtags
        # A draft written all in lowercase cannot capitalise names ("- steve martin").
        lowercase = text == text.lower()
        trailing: list[tuple[int, int]] = []  # attributions after a quote ("— Rumi", "(Aristotle)")
        attributed = False
        for pattern in (_ATTRIBUTION, _PAREN_ATTRIBUTION, _SAID_BY, _LEADING_SAID):
            for match in pattern.finditer(text):
                if pattern is _SAID_BY or self._is_name(match.group("name"), lowercase):
                    attributed = True
                    masked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
                    if pattern is not _LEADING_SAID:
                        trailing.append((match.start(), match.end()))
        tags = []
        for match in _HASHTAG.finditer(text):
            tags.append(match.group("tag").lower())
            masked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        quoted_mask = bytearray(len(doc))
        for span in doc.spans.get(QUOTES_KEY, ()):
            quoted_mask[span.start : span.end] = b"\x01" * len(span)
        words = [t for t in doc if t.is_alpha and not masked[t.idx]]
        if trailing:
            own = self._around_attribution(text, words, trailing)
            quoted = MIN_QUOTE_WORDS <= len(words) - len(own) <= MAX_QUOTE_WORDS
        else:
            start, end = _one_quotation(text)
            own = [t for t in words if not quoted_mask[t.i] and not start <= t.idx < end]
            quoted_count = len(words) - len(own)
            quoted = quoted_count >= MIN_QUOTE_WORDS and quoted_count >= self._own_count(own)
        first_person = any(t.lower_ in self._first_person for t in own) or _has_cue(own, self._own_voice)
        return _Reading(quoted, attributed, self._own_count(own), first_person, self._aphorism(doc, words, tags))

    def _own_count(self, own: Sequence[Token]) -> int:
        return sum(1 for t in own if t.lower_ not in self._framing)

    @staticmethod
    def _around_attribution(text: str, words: Sequence[Token], trailing: Sequence[tuple[int, int]]) -> list[Token]:
        """The author's words around an attributed quote: a lead-in before the quote marks, and what follows."""
        first = min(start for start, _ in trailing)
        last = max(end for _, end in trailing)
        # Everything before the attribution is the quote, except a lead-in before its opening mark
        # ("My favourite line: “...” — Rumi"); with no marks at all, all of it is the quote.
        opening = _QUOTE_MARK.search(text, 0, first)
        lead_in_end = opening.start() if opening else 0
        return [t for t in words if t.idx < lead_in_end or t.idx >= last]

    def _is_name(self, name: str, lowercase: bool = False) -> bool:
        parts = [p.strip(".,'’") for p in name.replace("\t", " ").split()]
        parts = [p for p in parts if p]
        if not parts or len(parts) > 6:
            return False
        known = [p.lower() in self._people for p in parts]
        if any(known) and len(parts) <= 3 and lowercase:
            return True
        if (
            any(known)
            and len(parts) <= 3
            and all(k or p[:1].isupper() or p.lower() in _NAME_CONNECTORS for k, p in zip(known, parts, strict=True))
        ):
            return True  # "steve jobs", "Rumi", "unknown"
        return parts[0][:1].isupper() and all(p[:1].isupper() or p.lower() in _NAME_CONNECTORS for p in parts)

    def _aphorism(self, doc: Doc, words: Sequence[Token], tags: Sequence[str]) -> bool:
        if not MIN_APHORISM_WORDS <= len(words) <= MAX_APHORISM_WORDS:
            return False
        if any(t.lower_ in self._first_person and t.lower_ not in {"our", "us"} for t in words):
            return False
        if _has_cue(words, self._own_voice):
            return False
        if any(t.lower_ in self._concrete for t in words):
            return False  # an opinion about code, customers or hiring is the author's own take
        if any(t.like_num or t.like_url or t.like_email or t.text.startswith("@") for t in doc):
            return False  # figures, links and mentions are specifics of the author's own news
        hits = sum(1 for t in words if t.lower_ in self._inspirational or t.lemma_ in self._inspirational)
        strong = sum(1 for t in words if t.lower_ in self._strong or t.lemma_ in self._strong)
        tagged = any(tag in self._tags for tag in tags)
        decorated = any(emoji in doc.text for emoji in self._emoji)
        # A motivational hashtag or poster emoji ("#mindset", "💪") needs fewer poster words to tell.
        if tagged:
            return True
        if decorated:
            return hits >= 3 or (strong >= 1 and hits >= 2)
        return strong >= 1 and (hits >= 3 or (hits >= 2 and len(words) <= _ONE_LINER_WORDS))


def _has_cue(tokens: Sequence[Token], cues: Sequence[tuple[str, ...]]) -> bool:
    lowers = [t.lower_ for t in tokens]
    for cue in cues:
        n = len(cue)
        if any(tuple(lowers[i : i + n]) == cue for i in range(len(lowers) - n + 1)):
            return True
    return False


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the quote-spam check."""
    return [QuoteSpam()]
