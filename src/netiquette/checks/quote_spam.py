"""quote-spam: a post that is nothing but an inspirational quote or aphorism, with no words of the author's own.

What it does
    Looks at a post or comment as a whole. It is reported when it is a quote
    (in quotation marks, or followed by an attribution such as "— Steve
    Jobs", "~ Rumi", "- Unknown") with at most a few framing words around it
    ("Quote of the day", "So true", "Let that sink in", hashtags, emoji), or
    when it is a short unattributed aphorism: no "I" or "my", no figures or
    links, several words from the vocabulary of motivational posters
    ("success", "dreams", "never give up", "comfort zone") and often
    motivational hashtags. One-line tag-ons ("So true.", "Agree?", "Read that
    again.", "Monday motivation") and lead-ins ("As my favourite saying
    goes:") are framing that points at a saying, so fewer poster words are
    needed; a saying built on repetition, a bare name closing it ("...
    Muhammad Ali") and a numbered "rules for success" list with nothing of
    the author's own are read as posters too. A question of the author's own
    makes the draft a conversation, not a poster.

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

from spacy.tokens import Doc, Span, Token

from netiquette.checks._authorship import QUOTES_FACTORY, quoted_tokens
from netiquette.checks._matching import WordSequences, load_lexicon, lowercase_forms
from netiquette.context import Context
from netiquette.hookspecs import hookimpl
from netiquette.metrics import text_of
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
# A bare name closing a draft after a full stop, before emoji at most: "... make the days count. Muhammad Ali".
_BARE_NAME = re.compile(
    r"(?<=[.!?\"”])[ \t]+(?P<name>[A-Z][a-zà-ÿ'’.-]+(?:[ \t]+[A-Z][a-zà-ÿ'’.-]+){1,2})[ \t]*[^\w\s?]{0,6}[ \t]*\Z"
)
# A numbered list, its heading ("7 rules for success:") and items ("1. Wake up early", "Rule #2: ...").
_LIST_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-•*]|rule[ \t]*#?\d{1,2}:?)[ \t]+\S", re.MULTILINE | re.IGNORECASE)
_LIST_HEADING = re.compile(r"\A[ \t]*(?:\d{1,2}|three|five|seven|ten)[ \t]+(?P<noun>[a-z]+)", re.IGNORECASE)
#: Fewest items of a "rules for success" list.
MIN_LIST_ITEMS = 3
#: Most words of a "rules for success" list.
MAX_LIST_WORDS = 80
#: Most words of a tag-on line ("So true.", "Agree?", "Tag someone who needs to hear this today.").
MAX_TAG_ON_WORDS = 8
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
    #: Whether the author asks a short question of their own ("Which one do you practise?"): engagement
    #: bait under a post, but a real question in a comment or a message.
    asks: bool = False


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
        self._own_voice = WordSequences(lexicon["own_voice"])
        self._first_person = frozenset(lexicon["first_person"])
        self._people = frozenset(lexicon["quoted_people"])
        self._concrete = frozenset(lexicon["concrete"])
        self._emoji = tuple(lexicon["poster_emoji"])
        self._tag_on = frozenset(lexicon["tag_on"]) | self._framing
        self._listicle = frozenset(lexicon["listicle_nouns"])

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """At most one hit, covering the draft's text."""
        reading = self.read(doc)
        if reading.asks and context.channel != "post":
            return
        spam = reading.aphorism or (reading.quoted and reading.own_words <= MAX_OWN_WORDS and not reading.first_person)
        if not spam:
            return
        if context.channel not in FEED_CHANNELS:
            severity = Severity.INFO
        elif context.channel == "post" or reading.attributed or reading.aphorism:
            severity = Severity.WARNING
        else:
            return  # a comment quoting the post it answers is engagement
        text = text_of(doc)
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        yield Hit(QUOTE_ONLY, start, end, severity=severity)

    def read(self, doc: Doc) -> _Reading:
        """Split the draft into quote, attribution, hashtags, framing and the author's own words."""
        text = text_of(doc)
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
        # A bare name closing an unattributed saying ("... make the days count. Muhammad Ali").
        bare = _BARE_NAME.search(text)
        if not attributed and bare and self._is_bare_name(bare.group("name"), doc, bare.start()):
            attributed = True
            masked[bare.start() : bare.end()] = b"\x01" * (bare.end() - bare.start())
            trailing.append((bare.start(), bare.end()))
        tags = []
        for match in _HASHTAG.finditer(text):
            tags.append(match.group("tag").lower())
            masked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        quoted_mask = quoted_tokens(doc)
        # Tag-on lines ("So true.", "Agree?", "Read that again.", "Monday motivation") and a framing lead-in
        # ("As my favourite saying goes:") are not the author's words; they only point at the quote.
        tagged_on = asks = short_question = False
        for sent in doc.sents:
            alpha = [t for t in sent if t.is_alpha and not masked[t.idx]]
            if alpha and len(alpha) <= MAX_TAG_ON_WORDS and all(t.lower_ in self._tag_on for t in alpha):
                tagged_on = True
                for t in alpha:
                    masked[t.idx] = 1
            elif alpha:
                # A real question of the author's own ("What have you tried?") is a conversation, not a
                # poster; one inside quotation marks is part of the quote.
                mark = next((t for t in sent if t.text == "?" and not quoted_mask[t.i]), None)
                if mark is not None:
                    # The question is its own line: the sentence finder may join it to a list item above.
                    line_start = text.rfind("\n", sent.start_char, mark.idx) + 1
                    question = [t for t in alpha if line_start <= t.idx < mark.idx]
                    if len(question) > MAX_TAG_ON_WORDS:
                        asks = True
                    else:
                        # Short enough to be a post's engagement bait ("Which one do you practise?").
                        short_question = tagged_on = True
                        for t in question:
                            masked[t.idx] = 1
                        if len(question) == len(alpha):
                            continue
                lead = self._lead_in(sent)
                if lead:
                    tagged_on = True
                    for t in lead:
                        masked[t.idx] = 1
        words = [t for t in doc if t.is_alpha and not masked[t.idx]]
        if trailing:
            own = self._around_attribution(text, words, trailing)
            quoted = MIN_QUOTE_WORDS <= len(words) - len(own) <= MAX_QUOTE_WORDS
        else:
            start, end = _one_quotation(text)
            own = [t for t in words if not quoted_mask[t.i] and not start <= t.idx < end]
            quoted_count = len(words) - len(own)
            quoted = quoted_count >= MIN_QUOTE_WORDS and quoted_count >= self._own_count(own)
        first_person = any(t.lower_ in self._first_person for t in own) or self._own_voice.found(lowercase_forms(own))
        listicle = self._listicle_post(text)
        aphorism = self._aphorism(doc, words, tags, tagged_on, listicle)
        if asks:
            return _Reading(False, attributed, self._own_count(own), first_person, False, short_question)
        return _Reading(quoted, attributed, self._own_count(own), first_person, aphorism, short_question)

    def _lead_in(self, sent: Span) -> list[Token]:
        """A framing lead-in ending in a colon ("As my favourite saying goes:", "Read this twice:"), if any."""
        colon = next((t for t in sent if t.text == ":"), None)
        if colon is None:
            return []
        lead = [t for t in sent if t.i < colon.i and t.is_alpha]
        rest = [t for t in sent if t.i > colon.i and t.is_alpha]
        if not lead or not rest or len(lead) > MAX_TAG_ON_WORDS or not all(t.lower_ in self._tag_on for t in lead):
            return []
        return lead

    def _is_bare_name(self, name: str, doc: Doc, start: int) -> bool:
        """Whether a name closing the draft attributes a saying, not signs a post ("... weekend. Jane Smith").

        The name must not be framing or work words ("Happy Friday"), and the text before it must sound like
        a poster: a poster word, no "I"/"we", nothing concrete from work.
        """
        parts = [p.lower().strip(".'’") for p in name.split()]
        if any(p in self._tag_on or p in self._concrete for p in parts):
            return False
        before = [t for t in doc if t.is_alpha and t.idx < start and t.lower_ not in self._tag_on]
        if any(t.lower_ in self._first_person or t.lower_ == "we" or t.lower_ in self._concrete for t in before):
            return False
        return any(t.lower_ in self._inspirational or t.lemma_ in self._inspirational for t in before)

    def _listicle_post(self, text: str) -> bool:
        """A numbered "rules for success" list: a heading with a count and a plural, or three or more items."""
        items = len(_LIST_ITEM.findall(text))
        heading = _LIST_HEADING.match(text)
        if items < MIN_LIST_ITEMS:
            return False
        return heading is None or heading.group("noun").lower() in self._listicle

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

    def _aphorism(
        self, doc: Doc, words: Sequence[Token], tags: Sequence[str], tagged_on: bool = False, listicle: bool = False
    ) -> bool:
        longest = MAX_LIST_WORDS if listicle else MAX_APHORISM_WORDS
        if not MIN_APHORISM_WORDS <= len(words) <= longest:
            return False
        if any(t.lower_ in self._first_person and t.lower_ not in {"our", "us"} for t in words):
            return False
        if listicle and any(t.lower_ in {"we", "our", "us"} for t in words):
            return False  # "5 things we changed in our onboarding" is the author's own report
        if self._own_voice.found(lowercase_forms(words)):
            return False
        if any(t.lower_ in self._concrete for t in words):
            return False  # an opinion about code, customers or hiring is the author's own take
        # In a "rules for success" list the figures are list markers and advice ("read 30 minutes a day"):
        # the first-person and concrete-word tests above tell it from the author's own report.
        if any((t.like_num and not listicle) or t.like_url or t.like_email or t.text.startswith("@") for t in doc):
            return False  # figures, links and mentions are specifics of the author's own news
        hits = sum(1 for t in words if t.lower_ in self._inspirational or t.lemma_ in self._inspirational)
        strong = sum(1 for t in words if t.lower_ in self._strong or t.lemma_ in self._strong)
        tagged = any(tag in self._tags for tag in tags)
        draft_text = text_of(doc)
        decorated = any(emoji in draft_text for emoji in self._emoji)
        # A motivational hashtag or poster emoji ("#mindset", "💪") needs fewer poster words to tell.
        # A saying built on repetition ("make the days count", "tough times never last, but tough people do").
        repeated = _repeats(words)
        if tagged:
            return True
        if listicle:
            return hits >= 3 and (strong >= 1 or hits >= 4)
        if decorated or tagged_on:
            # A tag-on line ("Agree?", "So true.") or a poster emoji points at the saying: fewer poster words.
            return hits >= 2 or strong >= 1 or (repeated and hits >= 1)
        if repeated and hits >= 2 and len(words) <= _ONE_LINER_WORDS:
            return True
        return strong >= 1 and (hits >= 3 or (hits >= 2 and len(words) <= _ONE_LINER_WORDS))


def _repeats(words: Sequence[Token]) -> bool:
    """Whether a content word comes back (by lemma), the shape of a chiasmus or a parallel saying."""
    seen: set[str] = set()
    for t in words:
        if t.is_stop or len(t.text) < 3:
            continue
        if t.lemma_ in seen:
            return True
        seen.add(t.lemma_)
    return False


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the quote-spam check."""
    return [QuoteSpam()]
