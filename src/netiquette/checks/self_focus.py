"""self-focus: a message to someone else that is all about the sender and never about the reader.

What it does
    Reads the whole draft and counts, sentence by sentence, references to the
    author ("I", "my", "we", "our team") against signs of interest in the
    reader: "you"/"your" used about them ("your talk on caching", "how did
    you get into ..."), and questions about them. Stock uses of "you" that
    say nothing about the reader ("thank you", "let me know if you're
    interested", "I can help you grow your business", "looking forward to
    hearing from you") do not count as interest. A draft of three or more
    sentences with five or more references to the author and none to the
    reader is reported, with the figures in the message. So is a short pitch
    with fewer mentions, when it is all showcase: a self-introduction ("I'm a
    ...", "sales leader here,") and the author's record (showcase words,
    boasting figures such as "10k", "3x", "9 years") make up a good share of
    it, with no "you" at all, no question, no trouble or apology and no
    argument in it.

Why is this bad
    Good networkers ask about the other person first and listen. A message
    that is a list of the author's achievements, plans and needs tells the
    reader they are an audience, not a person, and gives them nothing to
    reply to but a yes or a no.

Context
    Messages to a reader (a ``dm``, ``email`` or ``connection_request`` to
    someone new, a ``comment`` on someone else's post, a ``reply``) get a
    warning. To someone the author already knows, a ``dm`` or ``email`` with
    the author's news or a status update is welcome: a hint, and a warning
    only when it showcases the author (six or more mentions of the author and
    words such as "launched", "clients", "followers", "my podcast"). The author's own ``post`` is where talking
    about oneself belongs: never reported. A draft that answers a question
    about the author ("how did you get into X?" in ``reply_to``, or "thanks
    for asking" / "great question" in the draft) is not reported. A comment or
    reply in a conversation that explains the author's own problem or asks
    something ("I tried X and still get the error; where can I find Y?") takes
    part in the thread and is not reported; nor is, anywhere, a draft about a
    difficulty (trouble words and almost no showcase). Quoted lines, words in
    quotation marks and reported speech are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span, Token

from netiquette.checks._authorship import QUOTES_FACTORY, quoted_tokens
from netiquette.checks._matching import WordSequences, load_lexicon, lowercase_forms
from netiquette.context import Context
from netiquette.doccache import text_of, tokens_in, tokens_of
from netiquette.hookspecs import hookimpl
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

LEXICON = "self_focus.json"

ALL_ABOUT_ME = "SF101"

RULES = (
    Rule(
        ALL_ABOUT_ME,
        "all-about-me",
        "A message to someone else that talks only about the author and never about the reader.",
        "Every sentence is about you and none is about them, so the reader feels like an audience for a "
        "pitch, not a person you want to know, and has nothing to answer.",
        Severity.WARNING,
        "Cut two sentences about yourself and add one about them: something specific of theirs you read or "
        'admired, and a question they would enjoy answering ("How did your team handle the move to Rust?").',
    ),
)

#: Fewest references to the author ("I", "my", "we", "our") a self-focused draft has.
MIN_SELF_REFERENCES = 5
#: Fewest sentences with a reference to the author (a long unpunctuated draft may be one sentence).
MIN_SELF_SENTENCES = 3
#: Words that make up for missing sentence breaks ("im a dev ive built ... my team ...").
MIN_WORDS_UNPUNCTUATED = 30
#: Share of the draft's sentences that mention the author.
MIN_SELF_SHARE = 0.5
#: With this many references to the author, one passing mention of the reader is still "almost nothing".
HEAVY_SELF_REFERENCES = 12
#: A short pitch (fewer references to the author) needs this much showcase: showcase words and boasting
#: figures, with each self-introduction ("I'm a ...", "sales leader here") counting double.
MIN_PITCH = 4
#: In a pitch, at least this share of the draft's words are showcase words, figures or references to the author.
MIN_PITCH_SHARE = 0.2
#: To someone the author knows, a warning needs this many references to the author, and this many
#: words of a showcase ("launched", "clients", "my podcast", "followers").
KNOWN_READER_REFERENCES = 6
KNOWN_READER_SHOWCASE = 2
# How far back a conditional ("if", "hope") turns "you" into a formula
# ("let me know if you're interested", "hope you're well").
_CONDITION_WINDOW = 3
# A sentence this short with nobody in it is a greeting or a sign-off.
_SHORT_SENTENCE_WORDS = 3
_SENTENCE_END = re.compile(r"[.!\n]")
# Words that make "... here" a place ("I'm here", "we are here"), not a self-introduction ("sales leader here").
_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "it", "be", "am", "is", "are"})
# How many words into a sentence a self-introduction may start ("Hello sir, I am ...").
_INTRO_WINDOW = 5
# A boasting figure in one token: "10k", "3x", "2M", "$5m".
_FIGURE = re.compile(r"^[$£€]?\d+(?:[.,]\d+)?(?:k|m|x|bn|mn)$", re.IGNORECASE)
_FIGURE_SUFFIX = frozenset({"+", "%", "k", "m", "x", "bn"})
_CURRENCY = frozenset({"$", "£", "€"})
# "12 years in SaaS": years of experience are a figure of the author's record.
_YEARS = frozenset({"years", "yrs"})


class _Sentence(NamedTuple):
    """One authored sentence and what it says about whom."""

    span: Span
    self_refs: int
    interest: int
    words: int


class _Reading(NamedTuple):
    """What the whole draft says about the author and the reader."""

    sentences: list[_Sentence]
    self_refs: int
    interest: int
    words: int
    answering: bool
    #: Whether any sentence asks the reader something (a question or a request).
    asks: bool
    #: Words of a showcase of the author's achievements, product or plans, and boasting figures ("10k", "3x").
    showcase: int
    #: Self-introductions: "I'm a ...", "I am ...", "my name is", "... here," ("sales leader here").
    presenting: int
    #: Every "you"/"your", formulas included.
    reader: int
    #: Words of trouble or apology ("error", "stuck", "sorry"): the author explains a problem, not a pitch.
    trouble: int
    #: Whether the draft argues a point ("I think", "I disagree"): a debate, not a pitch.
    arguing: bool


class SelfFocus(Check):
    """Flags drafts to a reader that are all about the author; how much depends on where they go."""

    id = "self-focus"
    rules = RULES
    components = (QUOTES_FACTORY,)

    def __init__(self) -> None:
        lexicon: dict[str, Any] = load_lexicon(LEXICON)
        self._self = frozenset(lexicon["self_words"])
        self._team = frozenset(lexicon["team_words"])
        self._shared_after_we = frozenset(lexicon["shared_after_we"])
        self._reader = frozenset(lexicon["reader_words"])
        self._before_you = frozenset(lexicon["formula_before_you"])
        self._conditional = frozenset(lexicon["conditional_words"])
        self._instruction = frozenset(lexicon["instruction_verbs"])
        self._subject_before = frozenset(lexicon["subject_predecessors"])
        self._before_your = frozenset(lexicon["formula_before_your"])
        self._states = frozenset(lexicon["formula_states"])
        self._after_your = frozenset(lexicon["formula_after_your"])
        self._pitch_verbs = frozenset(lexicon["pitch_verbs"])
        self._ask_words = frozenset(lexicon["ask_words"])
        self._ask_verbs = frozenset(lexicon["ask_verbs"])
        self._openers = frozenset(lexicon["question_openers"])
        self._answering = WordSequences(lexicon["answering_cues"])
        self._closers = WordSequences(lexicon["closers"])
        self._showcase = frozenset(lexicon["showcase_words"])
        self._generic_after_you = frozenset(lexicon["generic_question_after_you"])
        self._trouble = frozenset(lexicon["trouble_words"])
        self._argument = frozenset(lexicon["argument_words"])

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """At most one hit, on the sentence with the most references to the author."""
        if context.channel == "post" or _asks_about_author(context.reply_to, self._reader, self._generic_after_you):
            return
        reading = self.read(doc)
        severity = self._rate(reading, context)
        if severity is None:
            return
        worst = max(reading.sentences, key=lambda s: s.self_refs)
        about_me = sum(1 for s in reading.sentences if s.self_refs)
        about_them = sum(1 for s in reading.sentences if s.interest)
        message = (
            f"{_count(about_me, 'sentence')} about you ({reading.self_refs} mentions of yourself), "
            f"{about_them or 'none'} about the reader. " + self.rule(ALL_ABOUT_ME).message
        )
        yield Hit(ALL_ABOUT_ME, worst.span.start_char, worst.span.end_char, severity=severity, message=message)

    def _rate(self, reading: _Reading, context: Context) -> Severity | None:
        if reading.answering or not reading.sentences:
            return None
        if reading.trouble and reading.showcase < KNOWN_READER_SHOWCASE:
            return None  # about a difficulty ("I was let go", "I get an error"), not a showcase
        about_me = sum(1 for s in reading.sentences if s.self_refs)
        if reading.self_refs < MIN_SELF_REFERENCES:
            return Severity.WARNING if self._is_pitch(reading, context) else None
        if about_me < MIN_SELF_SENTENCES and reading.words < MIN_WORDS_UNPUNCTUATED:
            return None
        # Greetings and sign-offs ("Hi Sam,", "Best, Jo") are not sentences about anyone.
        counted = [s for s in reading.sentences if s.self_refs or s.interest or s.words > _SHORT_SENTENCE_WORDS]
        if about_me / max(1, len(counted)) < MIN_SELF_SHARE:
            return None
        # One passing mention of the reader is still "almost nothing" in a long monologue, unless the
        # draft also asks them something.
        if reading.interest > 1 or (
            reading.interest == 1 and (reading.self_refs < HEAVY_SELF_REFERENCES or reading.asks)
        ):
            return None
        if context.channel in {"comment", "reply"} and not context.first_contact and (reading.trouble or reading.asks):
            # Explaining one's own problem or asking for help under a thread ("I tried X and get error Y;
            # where can I get Z?") is taking part in it, not self-promotion.
            return None
        if context.first_contact or context.channel in {"connection_request", "comment", "reply"}:
            return Severity.WARNING
        # To someone who knows the author, news and status updates are welcome; a showcase of the
        # author's achievements, product or plans is not.
        showcase = reading.showcase >= KNOWN_READER_SHOWCASE
        return Severity.WARNING if reading.self_refs >= KNOWN_READER_REFERENCES and showcase else Severity.INFO

    @staticmethod
    def _is_pitch(reading: _Reading, context: Context) -> bool:
        """A short pitch: few mentions of the author, but all of it a showcase and nothing for the reader.

        Shares and combinations, not one count: the draft introduces or showcases the author, a good part
        of its words are about the author's record, and it has no interest in the reader, no question at
        all and no trouble or apology in it ("sorry, I can't make it, my train is late" is not a pitch).
        """
        if not (context.first_contact or context.channel in {"connection_request", "comment", "reply"}):
            return False
        # Any "you" at all, even a formula, means the draft has the reader in mind: a long monologue with
        # one "you" is still self-focus, a short one is not worth a warning.
        if reading.reader or reading.asks or reading.trouble or reading.arguing or not reading.self_refs:
            return False
        pitch = reading.showcase + 2 * reading.presenting
        if pitch < MIN_PITCH:
            return False
        return (pitch + reading.self_refs) / max(1, reading.words) >= MIN_PITCH_SHARE

    # -- reading the draft -------------------------------------------------------

    def read(self, doc: Doc) -> _Reading:
        """Count references to the author and signs of interest in the reader, per authored sentence."""
        sentences = []
        words = 0
        answering = asks = False
        showcase = presenting = trouble = reader = 0
        arguing = False
        quoted = quoted_tokens(doc)
        for sent in doc.sents:
            tokens = [t for t in tokens_in(sent) if not t.is_space and not quoted[t.i]]
            alpha = [t for t in tokens if t.is_alpha]
            if not alpha:
                continue
            words += len(alpha)
            showcase += sum(1 for t in alpha if t.lower_ in self._showcase or t.lemma_ in self._showcase)
            showcase += sum(1 for t in tokens if _is_figure(t))
            presenting += self._presents(alpha)
            # "Yours faithfully" signs off; it is not about the reader.
            reader += sum(1 for t in alpha if t.lower_ in self._reader and t.lower_ != "yours")
            arguing = arguing or any(t.lower_ in self._argument for t in alpha)
            trouble += sum(1 for t in alpha if t.lower_ in self._trouble or t.lemma_ in self._trouble)
            answering = answering or self._answers(alpha)
            # A stock closer ("I look forward to hearing from you") is politeness, not talk about oneself.
            closer = self._closers.found(lowercase_forms(alpha))
            self_refs = 0 if closer else sum(1 for t in alpha if self._is_self(t))
            question, ask = self._is_question(alpha, sent), self._is_ask(alpha, sent)
            asks = asks or question
            # In a request ("would you be open to a call") only "your ..." can still be about the reader
            # ("would you share how your team runs retros").
            interest = sum(1 for t in alpha if self._is_interest(t) and (not ask or t.lower_ != "you"))
            if question and not self_refs and not ask:
                interest += 1
            span = doc[tokens[0].i : tokens[-1].i + 1]
            if len(alpha) >= 2 or self_refs or interest:
                sentences.append(_Sentence(span, self_refs, interest, len(alpha)))
        return _Reading(
            sentences,
            sum(s.self_refs for s in sentences),
            sum(s.interest for s in sentences),
            words,
            answering,
            asks,
            showcase,
            presenting,
            reader,
            trouble,
            arguing,
        )

    def _presents(self, tokens: list[Token]) -> int:
        """Self-introductions opening a sentence: "I'm a ...", "I am Rahul", "my name is", "sales leader here,".

        Only near the start of a sentence (after a greeting at most): "... and now I'm an expert" in the
        middle of a sentence is a remark, not an introduction.
        """
        found = 0
        lowers = [t.lower_ for t in tokens]
        for i, lower in enumerate(lowers[:_INTRO_WINDOW]):
            nxt = lowers[i + 1 : i + 3]
            # Over words only, so "I'm a" reads as "I a".
            if lower in {"i", "im"} and (nxt[:1] in (["a"], ["an"]) or nxt in (["am", "a"], ["am", "an"])):
                found += 1
            elif lower == "i" and nxt[:1] == ["am"] and len(nxt) == 2 and tokens[i + 2].text[:1].isupper():
                found += 1  # "I am Rahul"
            elif lower == "my" and nxt[:1] in (["name"], ["name's"]):
                found += 1
            elif lower == "here" and i and _ends_clause(tokens[i]) and not _SUBJECTS & set(lowers[:i]):
                found += 1  # "sales leader here," opening a sentence; not "I'm here" or "see you here"
        return found

    def _is_self(self, token: Token) -> bool:
        lower = token.lower_
        if lower in self._self:
            return lower not in {"id", "im"} or token.text.islower()  # "ID" is an identifier, "IM" a message
        if lower not in self._team or token.text == "US":
            return False
        following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
        # "we met at ...", "we both ...": something shared, not the author's own story.
        return not (lower == "we" and following in self._shared_after_we)

    def _is_interest(self, token: Token) -> bool:
        """Whether this "you"/"your" is about the reader, not a formula."""
        lower = token.lower_
        if lower not in self._reader:
            return False
        tokens = tokens_of(token.doc)
        before = [t.lower_ for t in tokens[max(0, token.i - _CONDITION_WINDOW) : token.i]]
        if set(before) & self._conditional:
            return False  # "if you're interested", "hope you're well"
        previous = before[-1] if before else ""
        following = [t.lower_ for t in tokens[token.i + 1 : token.i + 3]]
        if lower in {"your", "ur", "yours"}:
            if following and following[0] in self._after_your:
                return False  # "your time", "your business"
            if previous in self._before_your:
                return False  # "a great addition to your team", "a fit for your company"
            return not set(before[-2:]) & self._pitch_verbs  # "help your team grow"
        if previous in self._before_you:
            return False  # "thank you", "help you", "connect with you", "hear from you"
        if previous and tokens[token.i - 1].is_alpha and previous not in self._subject_before:
            return False  # the object of the author's verb ("add you to my list"), not the reader's doing
        # "you can find my portfolio at", "you'd love our tool", "have you check out my site":
        # instructions and pitches; "I know you're busy": a politeness formula.
        return not (set(following) & self._instruction or set(following) & self._states)

    def _is_question(self, alpha: list[Token], sent: Span) -> bool:
        # The Doc's text, sliced: ``sent.text`` would build a Token per token each time.
        if "?" in text_of(sent.doc)[sent.start_char : sent.end_char]:
            return True
        # Unpunctuated questions: "what are you working on these days".
        return alpha[0].lower_ in self._openers and any(t.lower_ in self._reader for t in alpha[1:4])

    def _is_ask(self, alpha: list[Token], sent: Span) -> bool:
        """Whether a sentence asks for the reader's time rather than about them ("are you free for a call")."""
        if not self._is_question(alpha, sent):
            return False
        lowers = [t.lower_ for t in alpha]
        if set(lowers) & self._ask_words:
            return True
        return any(a in self._reader and b in self._ask_verbs for a, b in pairwise(lowers))

    def _answers(self, alpha: list[Token]) -> bool:
        return self._answering.found(lowercase_forms(alpha))


def _asks_about_author(reply_to: str | None, reader_words: frozenset[str], generic: frozenset[str]) -> bool:
    """Whether the message being answered asked the author something ("how did you get into X?").

    A question to everyone ("what do you all think?", "anyone tried Polars?", "thoughts?") does not count:
    a monologue in answer to it is still a monologue.
    """
    if not reply_to or "?" not in reply_to:
        return False
    for question in reply_to.split("?")[:-1]:
        # Only the question's own sentence: the text after the last full stop or line break.
        tail = _SENTENCE_END.split(question[-300:])[-1].lower().replace("’", "'")
        words = [word.strip(",;:'\"()") for word in tail.split()]
        if not words or set(words) & generic:
            continue
        if any(
            word in reader_words and ((i + 1 < len(words) and words[i + 1] in generic) or words[i - 1 : i] == ["of"])
            for i, word in enumerate(words)
        ):
            continue
        return True
    return False


def _is_figure(token: Token) -> bool:
    """A boasting figure: "10k", "3x", "40+", "20%", "$12M" (versions and timings such as "3.11" are not)."""
    if _FIGURE.match(token.text):
        return True
    if not token.like_num or not token.text[:1].isdigit():
        return False
    doc = token.doc
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    before = doc[token.i - 1].text if token.i else ""
    return after in _FIGURE_SUFFIX or after in _YEARS or before in _CURRENCY


def _ends_clause(token: Token) -> bool:
    doc = token.doc
    return token.i + 1 == len(doc) or doc[token.i + 1].is_punct


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the self-focus check."""
    return [SelfFocus()]
