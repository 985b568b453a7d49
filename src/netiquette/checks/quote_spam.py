"""quote-spam: a post that is nothing but an inspirational quote or aphorism, with no words of the author's own.

What it does
    Looks at a post or comment as a whole. It is reported when it is a quote
    (in quotation marks, or followed by an attribution such as "— Steve Jobs",
    "~ Rumi", "- Unknown") with at most a few framing words around it ("Quote
    of the day", "So true", "Let that sink in", hashtags, emoji), or when it
    is a short unattributed aphorism: no "I" or "my", no figures or links,
    several words from the vocabulary of motivational posters ("success",
    "dreams", "never give up", "comfort zone") and often motivational
    hashtags. One-line tag-ons ("So true.", "Agree?", "Read that again.",
    "Monday motivation") and lead-ins ("As my favourite saying goes:") are
    framing that points at a saying, so fewer poster words are needed; a
    saying built on repetition, a bare name closing it ("... Muhammad Ali")
    and a numbered "rules for success" list with nothing of the author's own
    are read as posters too. A saying with no poster words at all ("Small
    hinges swing big doors.", "Water the flowers, not the weeds.") is read
    from its shape: general statements or commands to everyone, nothing tying
    them to the author or a moment, and the rhetoric of a saying (contrast,
    absolutes, polar pairs, parallel clauses). A name right after a quotation
    that is the whole draft ("“...” Nelson Mandela") and the unmarked words
    after "As Confucius said," are attributed quotes, but a dash and a name
    after words of the moment sign a message ("Talk soon - Yiannis"), and a
    sentence of the author's news beside a motto ("Proud of this crew.") makes
    the post theirs; a greeting sign-off ("Have a blessed week, everyone") is
    framing. A label naming the words a quote ("Quote of the week:", "Proverb
    for today:", "Words to live by") tells as much as an attribution when a
    short general text follows it. A question of the author's own makes the
    draft a conversation, not a poster, unless it is short bait that only asks
    readers to agree or add theirs ("Agree?", "What would you add?"); a quoted
    question is a thread about what was asked.

Why is this bad
    A feed of borrowed quotes tells people nothing about the author: what
    they think, what they did, what they learned. It reads as filler posted
    for reach, and readers learn to scroll past the name.

Context
    The author's own ``post``: warning. A ``comment`` or ``reply`` that is
    only an attributed quote or a poster aphorism: warning; a comment that
    quotes the post it answers ("'Hire for curiosity': so true") is engagement
    and is not reported. A saying read from its shape alone, with no
    attribution, is only a hint, because a one-line tip or opinion can have
    the same shape, unless the author's post dresses it up as a poster (a
    tag-on or lead-in, decorative emoji, hashtags): then it is a warning;
    three kinds of dressing at once (a poster word, decorative emoji and
    hashtags) make a saying even without its rhetoric. Under someone else's
    post it is a hint, and only when it addresses no one (no "you", no
    command). In a ``dm``, ``email`` or ``connection_request`` a quote is odd
    but not spam to a feed: a hint (a saying read from its shape alone:
    nothing). A quote followed by what it meant to the author, a customer's
    words inside a story, or a short opinion in the author's own voice ("hot
    take: ...") is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span, Token

from netiquette.checks._authorship import QUOTES_FACTORY, visibly_quoted_mask
from netiquette.checks._matching import WordSequences, load_lexicon, lowercase_forms
from netiquette.context import Context
from netiquette.doccache import text_of, tokens_in, tokens_of
from netiquette.hookspecs import hookimpl
from netiquette.lemmatizer import lemma_table
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
    r"[ \t]+(?:once[ \t]+)?(?:said|says|wrote|put it(?:[ \t]+(?:best|well|perfectly|nicely|beautifully))?)\b[ \t,:]*",
    re.MULTILINE | re.IGNORECASE,
)
# A one-line aphorism ("Everything you want is on the other side of fear.") needs fewer poster words.
_ONE_LINER_WORDS = 15
_QUOTE_MARK = re.compile(r"[\"“”„«‘]|(?<!\w)'")
_CLOSING_MARK = re.compile(r"[\"”»’]|'(?!\w)")
# One emoji: a pictograph with its variation selector and skin tone, or a flag.
_PICTOGRAPH = "[\u2600-\u27bf\U0001f000-\U0001faff\u2b50\u2b55\u231a\u231b\u23e9-\u23fa]"
_EMOJI = re.compile(
    rf"[\U0001f1e6-\U0001f1ff]{{2}}|{_PICTOGRAPH}[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d{_PICTOGRAPH}[\ufe0f]*)*"
)
# Emoji of a person talking (a laugh, a wink, a kiss, a shrug, tears, a frown) rather than decorating a poster.
_CHAT_EMOJI = frozenset("😀😃😄😁😆😅🤣😂🙂🙃😉😜😝😛🤪😘😏😒😬🤷🤦😭😢😡😠🤔👀😮😱😳🥲😐😑🙄💀")
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
#: A generic saying is short: at most this many sentences and words of the author's own.
MAX_SAYING_SENTENCES = 4
MAX_SAYING_WORDS = 30
#: A sentence of at most this many words ("Let them.", "So do people.") rides on the sayings around it.
MAX_FRAGMENT_WORDS = 3
#: Fewest shape cues (contrast, repetition, parallel clauses, ...) for a saying without poster words.
MIN_SAYING_CUES = 2
#: Fewest kinds of dressing (poster word, decorative emoji, hashtags) that make a saying without its rhetoric.
MIN_DRESSING_KINDS = 3
#: Most words in a half of a balanced clause pair ("Where attention goes, energy flows").
MAX_HALF_WORDS = 7
# Clitics spaCy splits off ("do" + "n't"): words of the sentence, though not alphabetic.
_CLITICS = frozenset({"n't", "'s", "'re", "'ll", "'m", "'ve", "'d", "’s", "’re", "’ll", "’m", "’ve", "’d", "n’t"})
# Punctuation and words that split a sentence into clauses ("Fix the problem, not the blame").
_CLAUSE_BREAKS = frozenset({",", ";", ":", "-", "–", "—", "but", "yet"})
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves", "u", "ur", "ya", "y'all"})
_THIRD_PERSON = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})
_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
# Words that open a clause of any time: "when no one is watching", "while others are sleeping".
_SUBORDINATORS = frozenset({"when", "whenever", "while", "until", "if", "unless"})
_BE_PRESENT = frozenset({"is", "are", "am", "'s", "'re", "'m", "’s", "’re", "’m"})
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
    #: A saying read from its shape, without poster words: ``GENERAL`` ("Small hinges swing big doors."),
    #: ``ADDRESSED`` when it speaks to someone (an imperative, "you"), or "" when the draft is no saying.
    saying: str = ""
    #: Whether the draft is dressed up as a poster: a tag-on or lead-in ("Agree?", "Remember:"), decorative
    #: emoji or hashtags. A saying read from its shape is only a hint; dressed up like this it is a warning.
    dressed: bool = False


class _Framing(NamedTuple):
    """What dresses the author's words up as a saying."""

    #: How many kinds of framing: a tag-on or lead-in, decorative emoji, hashtags, poster words.
    kinds: int = 0
    #: Whether a tag-on or lead-in points at the words as a saying ("Agree?", "Remember:").
    pointed: bool = False


#: Kinds of ``_Reading.saying``.
GENERAL = "general"
ADDRESSED = "addressed"
#: Channels where a saying read from its shape alone is reported, and which kinds.
SAYING_CHANNELS = {
    "post": frozenset({GENERAL, ADDRESSED}),
    "comment": frozenset({GENERAL}),
    "reply": frozenset({GENERAL}),
}


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
        self._labels = WordSequences(lexicon["quote_labels"])
        self._own_voice = WordSequences(lexicon["own_voice"])
        self._first_person = frozenset(lexicon["first_person"])
        self._people = frozenset(lexicon["quoted_people"])
        self._given_names = frozenset(lexicon["given_names"])
        self._concrete = frozenset(lexicon["concrete"])
        self._emoji = tuple(lexicon["poster_emoji"])
        self._tag_on = frozenset(lexicon["tag_on"]) | self._framing
        self._bait = frozenset(lexicon["bait_question"]) | self._tag_on
        self._listicle = frozenset(lexicon["listicle_nouns"])
        self._starters = frozenset(lexicon["saying_starters"])
        self._generalizers = frozenset(lexicon["generalizers"])
        self._negations = frozenset(lexicon["negations"])
        self._degree = frozenset(lexicon["degree"])
        self._polar_pairs = tuple((a, b) for a, b in lexicon["polar_pairs"])
        # Words that tie a sentence to a moment, a conversation or work. "everyone" is concrete for the poster
        # test ("Thanks everyone"), but in a saying it is generic ("Not everyone who listens is on your side");
        # as a vocative ("Rest well, everyone!") it is caught as one.
        self._specific = (
            frozenset(lexicon["deictic"])
            | frozenset(lexicon["social"])
            | frozenset(lexicon["topical"])
            | self._concrete
        ) - {"everyone", "everybody"}
        self._vocatives = frozenset(lexicon["vocatives"])
        # Words that tie a sentence to a moment or a conversation ("this", "tonight", "proud", "congrats"),
        # for telling the author's news from a motto. "Good luck" is a wish, but luck is what sayings are about.
        self._moment = (frozenset(lexicon["deictic"]) | frozenset(lexicon["social"])) - self._inspirational - {"luck"}
        # Words of people talking about work or a thing of the day, without the deictic words a timeless
        # quote can have ("Yesterday is history").
        self._talk = (frozenset(lexicon["social"]) | frozenset(lexicon["topical"]) | self._concrete) - {
            "everyone",
            "everybody",
        }
        self._narrative = frozenset(lexicon["narrative_past"])
        self._errands = frozenset(lexicon["errand_verbs"])
        self._present = frozenset(lexicon["present_verbs"])

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """At most one hit, covering the draft's text."""
        reading = self.read(doc)
        if reading.asks and context.channel != "post":
            return
        # A saying read from its shape alone is less certain than a poster word or an attribution: it is
        # reported only in a feed. Under someone else's post "you" and an imperative are addressed to that
        # person ("Bite the bullet and ship it, you won't regret it."), so there only a general saying counts.
        saying = reading.saying in SAYING_CHANNELS.get(context.channel, frozenset())
        quote = reading.quoted and reading.own_words <= MAX_OWN_WORDS and not reading.first_person
        if not (reading.aphorism or saying or quote):
            return
        if context.channel not in FEED_CHANNELS:
            severity = Severity.INFO
        elif context.channel == "post" and (reading.aphorism or quote or reading.attributed):
            severity = Severity.WARNING
        elif reading.quoted and not (reading.attributed or reading.aphorism):
            # Under someone's post, a quote in marks with a word of agreement echoes the post it answers:
            # engagement. A saying read from its shape around more words of the author's own is a hint.
            if quote or not saying:
                return
            severity = Severity.INFO
        elif reading.aphorism or reading.attributed or (saying and reading.dressed and context.channel == "post"):
            # Dressed up as a poster (a tag-on, decorative emoji, hashtags), a saying read from its shape is
            # posted as a saying, not said as a tip. Under someone's post "So true! Small teams move faster 🚀"
            # answers that post: there the dressing is a reaction, and the shape stays a hint.
            severity = Severity.WARNING
        else:
            # Only the shape says "saying", and a one-line tip or opinion can have that shape
            # ("Don't feed the ducks bread, it makes them sick."): a hint, not a warning.
            severity = Severity.INFO
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
        leading: list[tuple[int, str]] = []  # where a lead-in attribution ("As Confucius said,") ends; the name
        for pattern in (_ATTRIBUTION, _PAREN_ATTRIBUTION, _SAID_BY, _LEADING_SAID):
            for match in pattern.finditer(text):
                if pattern is _LEADING_SAID and match.group("name").strip().lower() in self._given_names:
                    continue  # "As Mark said," is a colleague as often as a famous name
                if pattern is _ATTRIBUTION and self._signs_message(doc, match.group("name"), match.start()):
                    continue
                if pattern is _SAID_BY or self._is_name(match.group("name"), lowercase):
                    attributed = True
                    masked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
                    if pattern is not _LEADING_SAID:
                        trailing.append((match.start(), match.end()))
                    else:
                        leading.append((match.end(), match.group("name")))
        # A bare name closing an unattributed saying ("... make the days count. Muhammad Ali").
        bare = _BARE_NAME.search(text)
        if not attributed and bare and self._is_bare_name(bare.group("name"), doc, bare.start(), masked):
            attributed = True
            masked[bare.start() : bare.end()] = b"\x01" * (bare.end() - bare.start())
            trailing.append((bare.start(), bare.end()))
        tags = []
        for match in _HASHTAG.finditer(text):
            tags.append(match.group("tag").lower())
            masked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        # Only what is visibly quoted (quotation marks, "> " lines) is someone else's words here: the
        # reported-speech guess would read "He told the room my plan was half-baked" as a quotation.
        quoted_mask = visibly_quoted_mask(text)
        # Tag-on lines ("So true.", "Agree?", "Read that again.", "Monday motivation") and a framing lead-in
        # ("As my favourite saying goes:") are not the author's words; they only point at the quote.
        tagged_on = asks = short_question = False
        labelled = False  # a tag-on or lead-in names the words a quote ("Quote of the week:", "Words to live by")
        # A tag-on on a line of its own ("Words to live by 👇") may be joined to the next line's sentence.
        for line in _lines(doc):
            label = self._tag_on_line([t for t in line if t.is_alpha and not masked[t.idx]], masked)
            if label is not None:
                tagged_on = True
                labelled = labelled or label
        for sent in doc.sents:
            alpha = [t for t in tokens_in(sent) if t.is_alpha and not masked[t.idx]]
            label = self._tag_on_line(alpha, masked)
            if label is not None:
                tagged_on = True
                labelled = labelled or label
            elif alpha:
                # A real question of the author's own ("What have you tried?") is a conversation, not a
                # poster; one inside quotation marks is part of the quote.
                mark = next((t for t in tokens_in(sent) if t.text == "?" and not quoted_mask[t.idx]), None)
                if mark is not None:
                    # The question is its own line: the sentence finder may join it to a list item above.
                    line_start = text.rfind("\n", sent.start_char, mark.idx) + 1
                    question = [t for t in alpha if line_start <= t.idx < mark.idx]
                    if len(question) > MAX_TAG_ON_WORDS or not all(t.lower_ in self._bait for t in question):
                        # Long, or about something in particular ("What does the log say?", "Huh?"): a real
                        # question, not bait that asks readers to agree or add theirs ("Which one do you use?").
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
                    labelled = labelled or self._labels.found(lowercase_forms(lead))
                    for t in lead:
                        masked[t.idx] = 1
        words = [t for t in tokens_of(doc) if t.is_alpha and not masked[t.idx]]
        if trailing:
            own = self._around_attribution(text, words, trailing)
            quoted = MIN_QUOTE_WORDS <= len(words) - len(own) <= MAX_QUOTE_WORDS
        else:
            start, end = _one_quotation(text)
            own = [t for t in words if not quoted_mask[t.idx] and not start <= t.idx < end]
            if len(own) == len(words) and leading:
                # No quotation marks: after "As Confucius said," the words up to the author's own are the quote.
                said = self._said_after(doc, leading[0])
                own = [t for t in own if t not in said]
            quoted_count = len(words) - len(own)
            # A quoted question ('The real question is "how do I ...?"') is a thread discussing what was
            # asked: a poster quote says something, it does not ask.
            asked = any(ch == "?" and (quoted_mask[i] or start <= i < end) for i, ch in enumerate(text))
            # Quoted thanks or talk about work ('"Thanks for the demo tonight" Jane') is someone's message or a
            # testimonial, not a saying (a quote's own "yesterday" or "this" can be timeless: not counted here).
            own_ids = {t.i for t in own}
            talk = any(t.lower_ in self._talk for t in words if t.i not in own_ids)
            quoted = quoted_count >= MIN_QUOTE_WORDS and quoted_count >= self._own_count(own) and not (asked or talk)
        first_person = any(t.lower_ in self._first_person for t in own) or self._own_voice.found(lowercase_forms(own))
        # Thanks, congratulations or work outside the quote ('"Best onboarding ever" Maria, thank you!') are the
        # author talking to people about something, like an "I" ("Jobs" in "As Steve Jobs said" is a name).
        first_person = first_person or any(
            t.lower_ in self._concrete and t.lower_ not in self._framing and t.lower_ not in self._people for t in own
        )
        listicle = self._listicle_post(text)
        # A sentence of the author's own tied to a moment or to people ("Proud of this crew.") makes the post
        # their news with a motto attached, not a borrowed saying.
        aphorism = self._aphorism(doc, words, tags, tagged_on, listicle) and not self._tells_news(
            doc, masked, quoted_mask
        )
        if asks:
            return _Reading(False, attributed, self._own_count(own), first_person, False, short_question)
        # Decorative emoji (not a laugh or a shrug, which are a person talking) and hashtags dress a saying
        # up as a poster, like a tag-on line does.
        decorated = any(emoji[0] not in _CHAT_EMOJI for emoji in _EMOJI.findall(text))
        dressed = tagged_on or decorated or bool(tags)
        saying = ""
        if not aphorism and not listicle and not self._own_voice.found(lowercase_forms(words)):
            # Each kind of dressing and poster words are a sign of a saying; a tag-on points at one.
            framing = _Framing(
                kinds=sum((tagged_on, decorated, bool(tags), self._poster_hits(words) > 0)), pointed=tagged_on
            )
            saying = self._generic_saying(doc, masked, framing)
        own_count = self._own_count(own)
        if labelled and not (quoted or aphorism or first_person) and self._labelled_saying(doc, masked):
            # "Quote of the week: the expert in anything was once a beginner.": the author names the words a
            # quote, which tells as much as an attribution, so a past tense ("was once") is no story here.
            return _Reading(True, True, 0, False, False, short_question, saying, dressed)
        return _Reading(quoted, attributed, own_count, first_person, aphorism, short_question, saying, dressed)

    def _labelled_saying(self, doc: Doc, masked: bytearray) -> bool:
        """Whether the words a label names a quote are a short general saying, not news or a quip of the day.

        The words left after the label must be a few sentences with nothing of the author's own or of the moment:
        no "I"/"we", nothing from work or the day ("our intern", "the demo", "tonight"), no name inside a
        sentence, no figures or links, no question.
        """
        words = [t for t in tokens_of(doc) if t.is_alpha and not masked[t.idx]]
        if not MIN_QUOTE_WORDS <= len(words) <= MAX_SAYING_WORDS:
            return False
        if any(
            _figure(t) or t.like_url or t.like_email or t.text in {"?", "@"}
            for t in tokens_of(doc)
            if not masked[t.idx]
        ):
            return False
        for t in words:
            lower = t.lower_
            if lower in self._first_person or lower in {"we", "let's"} or lower in self._specific:
                return False
            if lower in _THIRD_PERSON and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "who"):
                return False  # "she said", "his team": a particular person, not a saying
            # A capital inside a sentence is a name ("goes to Priya"); after a colon or a line break it starts
            # the quoted sentence.
            if t.i and t.text[:1].isupper() and not t.is_upper and not t.is_sent_start:
                before = doc[t.i - 1]
                if before.text not in {":", '"', "“", "‘", "'"} and "\n" not in before.text + before.whitespace_:
                    return False
        return True

    def _tag_on_line(self, alpha: list[Token], masked: bytearray) -> bool | None:
        """None unless the words ``alpha`` are a tag-on ("So true.", "Words to live by"); then mask them.

        Returns whether the tag-on names the words a quote ("Quote of the week").
        """
        if not alpha or len(alpha) > MAX_TAG_ON_WORDS or not all(t.lower_ in self._tag_on for t in alpha):
            return None
        for t in alpha:
            masked[t.idx] = 1
        return self._labels.found(lowercase_forms(alpha))

    def _signs_message(self, doc: Doc, name: str, start: int) -> bool:
        """Whether "- Name" at character ``start`` signs a message ("Talk soon - Yiannis"), not attributes a quote.

        Someone known for quotable lines attributes; any other name after words tied to a moment or a
        conversation ("today", "thanks", "soon") signs.
        """
        if any(part.lower().strip(".,'’") in self._people for part in name.split()):
            return False
        return any(t.lower_ in self._moment for t in tokens_of(doc) if t.is_alpha and t.idx < start)

    def _tells_news(self, doc: Doc, masked: bytearray, quoted_mask: bytearray) -> bool:
        """Whether a sentence in the author's own words is tied to a moment, a person or a conversation."""
        for sent in doc.sents:
            words = [t for t in tokens_in(sent) if t.is_alpha and not masked[t.idx] and not quoted_mask[t.idx]]
            if len(words) >= 2 and any(t.lower_ in self._moment for t in words):
                return True
        return False

    def _lead_in(self, sent: Span) -> list[Token]:
        """A framing lead-in ending in a colon ("As my favourite saying goes:", "Read this twice:"), if any."""
        tokens = tokens_in(sent)
        colon = next((t for t in tokens if t.text == ":"), None)
        if colon is None:
            return []
        lead = [t for t in tokens if t.i < colon.i and t.is_alpha]
        rest = [t for t in tokens if t.i > colon.i and t.is_alpha]
        if not lead or not rest or len(lead) > MAX_TAG_ON_WORDS or not all(t.lower_ in self._tag_on for t in lead):
            return []
        return lead

    def _is_bare_name(self, name: str, doc: Doc, start: int, masked: bytearray) -> bool:
        """Whether a name closing the draft attributes a saying, not signs a post ("... weekend. Jane Smith").

        The name must not be framing or work words ("Happy Friday"), and the text before it must sound like
        a poster (a poster word, no "I"/"we", nothing concrete from work) or have the shape of a saying
        ("Don't count the days, make the days count. Muhammad Ali"), or be all in quotation marks: then an
        "I" in it is the quoted person's ("“I never lose. I either win or learn.” Nelson Mandela").
        """
        parts = [p.lower().strip(".'’") for p in name.split()]
        if any(p in self._tag_on or p in self._concrete for p in parts):
            return False
        before = [t for t in tokens_of(doc) if t.is_alpha and t.idx < start and t.lower_ not in self._tag_on]
        # Quoted words about a moment, people or work ("Thanks for the demo tonight" Jane Smith) are a
        # testimonial or a message, signed.
        if self._all_quoted(doc, start) and not any(
            t.lower_ in self._specific or t.like_url or any(ch.isdigit() for ch in t.text)
            for t in tokens_of(doc)
            if t.idx < start
        ):
            return True
        if any(t.lower_ in self._first_person or t.lower_ == "we" or t.lower_ in self._concrete for t in before):
            return False
        if any(t.lower_ in self._inspirational or t.lemma_ in self._inspirational for t in before):
            return True
        return self._generic_saying(doc, masked, end=start) != ""

    def _said_after(self, doc: Doc, lead_in: tuple[int, str]) -> list[Token]:
        """The unmarked quotation after a lead-in attribution ("As Confucius said, it does not matter ...").

        Only after a name known for quotable lines, and only sentences with nothing of the moment or the
        author's own ("we" aside: the quoted person's general "we"), with an absolute, a negation,
        a comparison or a poster word, so that "As Sarah said, the deadline is tight" stays the author's news.
        """
        end, name = lead_in
        if not any(part.lower().strip(".,'’") in self._people for part in name.split()):
            return []
        said: list[Token] = []
        for sent in doc.sents:
            if sent.end_char <= end:
                continue
            words = [t for t in tokens_in(sent) if t.is_alpha and t.idx >= end]
            if not words:
                continue
            general_words = [t for t in words if t.lower_ not in {"we", "us", "our", "ours"}] or words
            if not self._timeless(general_words, progressive=False):
                break
            if any(t.lower_ in self._first_person and t.lower_ not in {"us", "our"} for t in words):
                break
            said.extend(words)
        general = any(
            t.lower_ in self._generalizers
            or t.lemma_ in self._negations
            or t.lower_ in self._degree
            or t.lower_ in self._inspirational
            for t in said
        )
        # A word said twice ("What you seek is seeking you") is a saying's rhetoric too.
        return said if general or _repeats(said) else []

    def _all_quoted(self, doc: Doc, end: int) -> bool:
        """Whether the draft's words before character ``end`` are one quotation (a tag-on or emoji aside)."""
        text = text_of(doc)
        opening, closing = _one_quotation(text[:end])
        if not closing or text[closing:end].strip():
            return False
        inside = [t for t in tokens_of(doc) if t.is_alpha and opening <= t.idx < closing]
        outside = [t for t in tokens_of(doc) if t.is_alpha and t.idx < opening]
        return len(inside) >= MIN_QUOTE_WORDS and all(t.lower_ in self._tag_on for t in outside)

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

    def _poster_hits(self, words: Sequence[Token]) -> int:
        """How many words are from the vocabulary of motivational posters."""
        return sum(1 for t in words if t.lower_ in self._inspirational or t.lemma_ in self._inspirational)

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
        if any(
            (_figure(t) and not listicle) or t.like_url or t.like_email or t.text.startswith("@")
            for t in tokens_of(doc)
        ):
            return False  # figures, links and mentions are specifics of the author's own news
        hits = self._poster_hits(words)
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
        # A tag-on line ("Agree?", "So true.") or a poster emoji points at the saying: fewer poster words.
        if (decorated or tagged_on) and (hits >= 2 or strong >= 1 or (repeated and hits >= 1)):
            return True
        if repeated and hits >= 2 and len(words) <= _ONE_LINER_WORDS:
            return True
        return strong >= 1 and (hits >= 3 or (hits >= 2 and len(words) <= _ONE_LINER_WORDS))

    def _generic_saying(
        self, doc: Doc, masked: bytearray, framing: _Framing | None = None, end: int | None = None
    ) -> str:
        """What kind of general-truth saying the author's own words (before character ``end``) are, if nothing else.

        Most sayings use no poster word at all ("Small hinges swing big doors."), so this reads their shape.
        Returns ``GENERAL``, ``ADDRESSED`` (an imperative or "you" in it) or "" (no saying).

        The blank pipeline has no tagger, so the shape is read from function words and the lemma table.
        Every sentence must be a generic statement ("Roots grow deepest...", "Silence is...", "A kite
        rises...") or an imperative to everyone ("Water the flowers, not the weeds."), with nothing that
        ties it to a time, a place, a person or a conversation (a name, "this", "tonight", "thanks", a
        story in the past tense, a question). And it must sound like a saying: at least two of contrast,
        an absolute ("never", "every"), a comparison, a polar pair ("small"/"big"), a word said twice,
        balanced or parallel clauses; each kind of ``framing`` (a tag-on, decorative emoji, hashtags, a poster
        word) counts as one more. At least one must be rhetoric, unless a tag-on or lead-in points at the words
        as a saying ("Remember: a lion does not lose sleep over the opinions of sheep. 🦁").
        """
        limit = len(text_of(doc)) if end is None else end
        sentences: list[tuple[list[Token], list[Token]]] = []  # (own tokens, own words) per sentence
        for sent in doc.sents:
            if sent.start_char >= limit:
                break
            sentence_tokens = tokens_in(sent)
            tokens = [t for t in sentence_tokens if t.idx < limit and not masked[t.idx] and not t.is_space]
            words = [t for t in tokens if t.is_alpha or t.lower_ in _CLITICS]
            # A question of the author's own is a conversation, however short: "Agree?" and "Thoughts?" point
            # at a saying, but "Which one are you using?" answers someone.
            if "?" in (t.text for t in sentence_tokens) and not all(
                t.lower_ in self._tag_on for t in sentence_tokens if t.is_alpha
            ):
                return ""
            if any(_figure(t) or t.like_url or t.like_email or t.text.startswith(("@", "`")) for t in tokens):
                return ""  # figures, links, mentions and code are specifics of the author's own news
            if words:
                sentences.append((tokens, words))
        every_word = [t for _, words in sentences for t in words]
        if not sentences or len(sentences) > MAX_SAYING_SENTENCES:
            return ""
        framing = framing or _Framing()
        # A tag-on pointing at it ("Real leaders eat last. Think about it.") or two kinds of dressing ("Fear
        # shouts, wisdom whispers 🤫": a poster word and an emoji) make four words a saying too.
        dressed_up = framing.pointed or framing.kinds >= MIN_SAYING_CUES
        shortest = MIN_APHORISM_WORDS - 1 if dressed_up else MIN_APHORISM_WORDS
        if not shortest <= len(every_word) <= MAX_SAYING_WORDS:
            return ""
        if not all(self._timeless(words) for _, words in sentences):
            return ""
        if every_word[0].lower_ in _REPLY_OPENERS:
            return ""  # "No but the player can": an answer in a conversation, not a saying
        forms = [self._sentence_form(words) for _, words in sentences]
        if "" in forms or all(form == "fragment" for form in forms):
            return ""
        rhetoric = self._saying_cues(sentences, forms, every_word)
        # Without rhetoric, a saying needs a tag-on pointing at it or three kinds of dressing at once (a poster
        # word, decorative emoji and hashtags: "Kindness is free. Sprinkle it everywhere. 💛 #kindness"); one
        # or two alone dress up a tip or a note of the day as well.
        if rhetoric + framing.kinds < MIN_SAYING_CUES or not (
            rhetoric or framing.pointed or framing.kinds >= MIN_DRESSING_KINDS
        ):
            return ""
        if "imperative" in forms or any(t.lower_ in _SECOND_PERSON for t in every_word):
            return ADDRESSED
        return GENERAL

    def _timeless(self, words: Sequence[Token], progressive: bool = True) -> bool:
        """Whether a sentence has nothing that ties it to the author, a moment, a person or a conversation.

        With ``progressive`` false (the words of a quote, after "As Rumi said:"), "is seeking" is not news.
        """
        subordinate = False  # after "when", "while", "if": "when no one is watching" is any time, not now
        for i, t in enumerate(words):
            lower = t.lower_
            subordinate = subordinate or lower in _SUBORDINATORS
            if lower in self._first_person or lower in {"we", "ours", "let's"}:
                return False
            # A work word is concrete as a noun ("the talk"), not as the verb of a command ("Talk less.").
            if lower in self._specific and not (i == 0 and lower in self._concrete and _base_verb(t)):
                return False
            if lower in self._narrative or lower == "said":
                return False  # a story in the past tense is the author's news
            if i + 1 < len(words):
                following = words[i + 2] if words[i + 1].lemma_ == "not" and i + 2 < len(words) else words[i + 1]
                inflected = following.lower_ != following.lemma_
                if lower in {"has", "have", "'ve", "’ve"} and inflected and following.lower_.endswith(("ed", "en")):
                    return False  # "the council has closed the towpath": news
                now = progressive and not subordinate
                if now and lower in _BE_PRESENT and inflected and following.lower_.endswith("ing"):
                    return False  # "the policy isn't changing": what is happening now
                if lower in {"will", "'ll", "’ll"} and following.lower_ == "be" and i + 2 < len(words):
                    participle = words[i + 2]
                    if participle.lower_ != participle.lemma_ and participle.lower_.endswith(("ed", "en", "t")):
                        return False  # "the office will be closed on Monday": an announcement
                if lower in _THIRD_PERSON and following.lower_ != "who":
                    return False  # "his wife", "she said": a particular person ("he who hesitates" is generic)
            elif lower in _THIRD_PERSON:
                return False
            if i and lower.endswith("ed") and lower != t.lemma_ and _past_subject(words[i - 1]):
                return False  # "the launch slipped", "you tried": a story in the past tense
            if lower == "let" and i + 1 < len(words) and words[i + 1].lower_ in {"'s", "’s", "us"}:
                return False
            # A capitalised word inside a sentence is a name ("Berlin", "Maria"): a specific, not a saying.
            # After a colon or a quote mark a capital only starts the quoted sentence.
            if i and t.text[:1].isupper() and not t.is_upper:
                before = t.nbor(-1).text if t.i else ""
                if before not in {":", '"', "“", "‘", "'"} and "\n" not in before:
                    return False
        # A vocative ("Rest well this weekend, everyone!", "Stay safe, folks") addresses people present.
        first, last = words[0], words[-1]
        if last.lower_ in self._vocatives and last.i and last.nbor(-1).text == ",":
            return False
        return not (first.lower_ in self._vocatives and first.i + 1 < len(first.doc) and first.nbor(1).text == ",")

    def _sentence_form(self, words: Sequence[Token]) -> str:
        """A sentence's shape: "imperative", "statement", "fragment" (three words or fewer) or "" (neither)."""
        if len(words) <= MAX_FRAGMENT_WORDS:
            # "Talk less.", "Let them.": a short command is an imperative; "So do people." rides along.
            head = words[0]
            if len(words) > 1 and _base_verb(head) and head.lower_ not in self._starters:
                return "" if head.lemma_ in self._errands else "imperative"
            return "fragment"
        first, second, third = words[0], words[1], words[2]
        lead = first.lower_
        # "Calm seas teach nothing", "Snow days are...": a word before a plural subject and its verb.
        if not first.is_stop and _plural(second) and (self._finite(third) or _base_verb(third)):
            return "statement"
        # "Don't chase the crowd", "Never settle for less", "Be humble", "Water the flowers".
        verb: Token | None = None
        if lead == "do" and second.lemma_ == "not":
            verb = third
        elif lead in {"never", "always", "just", "only"} and _base_verb(second):
            verb = second
        elif lead == "be" or (
            _base_verb(first) and lead not in self._starters and not self._finite(second) and not _plural(first)
        ):
            verb = first
        if verb is not None:
            return "" if verb.lemma_ in self._errands else "imperative"
        # "A kite rises", "Every master...", "What you tolerate...", "If it doesn't challenge you..."
        if lead in self._starters:
            return "statement"
        if lead == "the":
            # "The best view...", "the quietest people...", or "The tide lifts...": a generic "the" and a verb
            # in the present.
            if second.lower_ in self._degree or _superlative(second):
                return "statement"
            if any(self._finite(t) for t in words[2:4]):
                return "statement"
            return ""
        if lead == "your" and self._finite(third):
            # "Your attitude determines your altitude", "Your network is your net worth".
            return "statement"
        if lead == "you":
            # Generic "you" in a negated present ("You can't pour from an empty cup.") or a comparison
            # ("You are stronger than you think.").
            if any(t.lemma_ in self._negations for t in words[1:3]):
                return "statement"
            return "statement" if any(t.lower_ in self._degree or _comparative(t) for t in words[1:4]) else ""
        if first.is_stop:
            return ""
        # "Vision without execution is...", "Talent without discipline wastes...": a subject with its contrast,
        # when one of the pair is a poster word ("Pasta without salt is sad pasta" is a cook's quip).
        if (
            second.lower_ in {"without", "with"}
            and any(self._finite(t) for t in words[3:5])
            and any(t.lower_ in self._inspirational or t.lemma_ in self._inspirational for t in (first, third))
        ):
            return "statement"
        # "Roots grow", "Seasons change", "Silence is", "Gratitude turns".
        if _plural(first) and (self._finite(second) or _base_verb(second)):
            return "statement"
        if self._finite(second):
            return "statement"
        return ""

    def _finite(self, token: Token) -> bool:
        """A present-tense verb or a word that goes with one ("is", "doesn't", "never", "lifts")."""
        lower = token.lower_
        if lower in self._present:
            return True
        return lower != token.lemma_ and lower.endswith("s") and _verb_lemma(token.lemma_) and not token.is_stop

    def _saying_cues(
        self,
        sentences: Sequence[tuple[Sequence[Token], Sequence[Token]]],
        forms: Sequence[str],
        every_word: Sequence[Token],
    ) -> int:
        """How many kinds of a saying's rhetoric the words show (see ``_generic_saying``)."""
        lemmas = {t.lemma_ for t in every_word} | {t.lower_ for t in every_word}
        # "Without" sets two things against each other inside one clause ("A goal without a plan is a wish").
        contrast = any(
            any(t.lemma_ in self._negations for t in words)
            and (len(sentences) > 1 or any(t.lower_ in _CLAUSE_BREAKS or t.lower_ == "without" for t in tokens[1:-1]))
            for tokens, words in sentences
        )
        absolute = any(t.lower_ in self._generalizers for t in every_word)
        degree = any(t.lower_ in self._degree or _superlative(t) or _comparative(t) for t in every_word)
        polar = any(a in lemmas and b in lemmas for a, b in self._polar_pairs)
        real_forms = [form for form in forms if form != "fragment"]
        firsts = [words[0].lemma_ for _, words in sentences]
        parallel = (
            (len(real_forms) > 1 and len(set(real_forms)) == 1)
            or len(set(firsts)) < len(firsts)
            or any(_balanced(tokens) for tokens, _ in sentences)
        )
        return sum((contrast, absolute, degree, polar, _repeats(every_word), parallel))


#: First words that answer someone rather than state a truth.
_REPLY_OPENERS = frozenset({"no", "nope", "nah", "yes", "yeah", "yep", "ok", "okay", "well", "sure", "lol", "haha"})


def _lines(doc: Doc) -> Iterator[list[Token]]:
    """The draft's tokens line by line: runs between whitespace tokens that hold a line break."""
    tokens = tokens_of(doc)
    if "\n" not in text_of(doc):
        if tokens:
            yield list(tokens)  # one line (most drafts)
        return
    line: list[Token] = []
    for t in tokens:
        if t.is_space and "\n" in t.text:
            if line:
                yield line
            line = []
        elif "\n" in t.whitespace_:
            line.append(t)
            yield line
            line = []
        else:
            line.append(t)
    if line:
        yield line


def _figure(token: Token) -> bool:
    """A figure of the author's news ("18%", "three screens"), not the generic "one" or "first" of a saying."""
    return token.like_num and token.lower_ not in {"one", "first"}


def _verb_lemma(lemma: str) -> bool:
    """Whether the lemma table knows an "-ing" form of ``lemma``: it can be a verb ("water", "calm", "stay")."""
    table = lemma_table()
    forms = (lemma + "ing", lemma[:-1] + "ing" if lemma.endswith("e") else "", lemma + lemma[-1:] + "ing")
    return any(form and table.get(form) == lemma for form in forms)


def _past_subject(token: Token) -> bool:
    """Whether a word before an "-ed" form makes it a past tense: a pronoun or a noun, not "is", "a" or "the"."""
    return token.lower_ in _PRONOUNS or (token.is_alpha and not token.is_stop)


def _base_verb(token: Token) -> bool:
    """A word in its base form that can be a verb: the head of an imperative ("Plant the seed...")."""
    return token.is_alpha and token.lower_ == token.lemma_ and _verb_lemma(token.lower_)


def _plural(token: Token) -> bool:
    """A plural noun ("roots", "minds"), by its inflection: a generic subject."""
    return token.lower_ != token.lemma_ and token.lower_.endswith("s") and not token.is_stop


def _superlative(token: Token) -> bool:
    """Whether a word is a superlative ("deepest", "hardest"): an "-est" form of its lemma."""
    lower = token.lower_
    return lower != token.lemma_ and lower.endswith("est") and lower[:2] == token.lemma_[:2]


def _comparative(token: Token) -> bool:
    """Whether a word is a comparative ("harder", "greater"): an "-er" form of its lemma."""
    lower = token.lower_
    return lower != token.lemma_ and lower.endswith("er") and lower[:2] == token.lemma_[:2]


def _balanced(tokens: Sequence[Token]) -> bool:
    """Two clauses of nearly equal length split by one comma, dash or "but": "What you tolerate, you teach"."""
    cuts = [i for i, t in enumerate(tokens) if t.lower_ in _CLAUSE_BREAKS]
    if len(cuts) != 1:
        return False
    cut = cuts[0]
    left = sum(1 for t in tokens[:cut] if t.is_alpha)
    right = sum(1 for t in tokens[cut + 1 :] if t.is_alpha)
    return 2 <= left <= MAX_HALF_WORDS and 2 <= right <= MAX_HALF_WORDS and abs(left - right) <= 2


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
