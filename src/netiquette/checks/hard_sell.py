"""hard-sell: pitching to people who did not ask.

What it does
    Finds offers and discounts, urgency and scarcity, price talk, calls to
    action to buy or book, guaranteed-results claims, product pitches and
    prize bait.

Why is this bad
    A sales pitch to someone who did not ask for it treats them as a lead,
    not a person. In a first message or in a comment under someone else's
    post it reads as spam and ends the relationship before it starts.

Context
    In the author's own post, selling is allowed and only hinted at (info).
    In a first contact or a comment, one selling signal is enough for a
    warning. In a private message to someone the author already knows, a
    single signal (a price they asked for, "let's book a call") is not
    reported; two different signals together (an offer plus urgency) are a
    warning. Prize bait, bulk-marketing boilerplate and premium-rate numbers
    are never innocent: one is enough anywhere (prize bait is an error).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from netiquette.checks._base import LexiconCheck
from netiquette.checks._matching import LexiconMatcher, load_lexicon
from netiquette.context import Context
from netiquette.hookspecs import hookimpl
from netiquette.matcher_cache import load_or_build
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

FACTORY = "netiquette_hard_sell"

OFFER, URGENCY, PRICE, CALL_TO_ACTION, GUARANTEE, PITCH, PRIZE, BULK, PREMIUM = (
    "HS101", "HS102", "HS103", "HS104", "HS105", "HS106", "HS107", "HS108", "HS109",
)  # fmt: skip

RULES = (
    Rule(
        OFFER,
        "unsolicited-offer",
        "An offer or discount nobody asked for.",
        "An unprompted discount turns a conversation into a sales funnel, and the reader stops listening.",
        Severity.WARNING,
        "Drop the offer. Ask what they are working on; mention your product only if they ask.",
    ),
    Rule(
        URGENCY,
        "false-urgency",
        'Urgency or scarcity pressure ("only 3 spots left", "offer ends Friday").',
        "Deadlines and scarcity claims push the reader to decide before they trust you, which feels manipulative.",
        Severity.WARNING,
        "Remove the deadline. If timing really matters, say why in plain words and leave the choice to them.",
    ),
    Rule(
        PRICE,
        "cold-price-talk",
        "Prices quoted to someone who did not ask for them.",
        "Quoting a price before anyone asked skips the part where you learn whether they need anything at all.",
        Severity.WARNING,
        "Leave pricing out until they ask; offer to share details if it is ever useful to them.",
    ),
    Rule(
        CALL_TO_ACTION,
        "pushy-call-to-action",
        "A call to action to buy, book, sign up or claim.",
        "Asking a stranger to book, buy or sign up asks for their time and money before you have earned either.",
        Severity.WARNING,
        "Ask a question about their work instead; suggest a call only once they show interest.",
    ),
    Rule(
        GUARANTEE,
        "guaranteed-results",
        "Guaranteed-results or too-good-to-be-true claims.",
        'Guarantees like "double your revenue in 90 days" sound like an ad and make careful readers distrust you.',
        Severity.WARNING,
        "Share one concrete, modest result you achieved, or none at all.",
    ),
    Rule(
        PITCH,
        "cold-pitch",
        "A product or service pitch in a first message or in a comment on someone else's post.",
        "Opening with what you sell makes the first exchange about your pipeline instead of about them.",
        Severity.WARNING,
        "Introduce yourself in one line and ask about them; save the pitch for when they ask what you do.",
    ),
    Rule(
        PRIZE,
        "prize-bait",
        'Prize or "you have been selected" bait.',
        '"You have won" and "you have been selected" are the language of scams; honest contacts never use it.',
        Severity.ERROR,
        "Delete it. If you really run a giveaway, post it publicly with its rules instead of messaging people.",
    ),
    Rule(
        BULK,
        "bulk-marketing-boilerplate",
        "Opt-out instructions, terms-and-conditions or age notices of a bulk marketing message.",
        '"Reply STOP to opt out" tells the reader they are one of thousands on a list, not someone you chose.',
        Severity.WARNING,
        "Write to one person at a time; if you must send newsletters, send them only to people who subscribed.",
    ),
    Rule(
        PREMIUM,
        "premium-rate-number",
        "Asks the reader to call or text a premium-rate number or a short code.",
        "Premium-rate numbers and text short codes charge the reader; people you know never ask for that.",
        Severity.WARNING,
        "Give an ordinary phone number or email address, and only to someone who asked how to reach you.",
    ),
)

# Codes that are selling signals in their own right; a pitch phrase alone is
# only a self-introduction.
_SIGNALS = frozenset({OFFER, URGENCY, PRICE, CALL_TO_ACTION, GUARANTEE, PRIZE, BULK, PREMIUM})
# Cue families that make a pitch only in combination (labels in the lexicon,
# never reported themselves).
_SELLER, _BENEFIT, _ASK, _DEADLINE = "_seller", "_benefit", "_ask", "_deadline"
# Words showing the draft answers a request ("thanks for asking", "as discussed").
_ANSWER = "_answer"
# Signals that are often part of an ordinary discussion when they stand alone.
_WEAK = frozenset({PRICE, GUARANTEE})
# Signals that are never innocent, so one is enough even between acquaintances.
_STRONG = frozenset({PRIZE, BULK, PREMIUM})


@Language.factory(FACTORY)
def make_matcher(nlp: Language, name: str) -> LexiconMatcher:
    """The hard-sell lexicon matcher."""
    return load_or_build(nlp, name, lambda: LexiconMatcher(nlp, name, load_lexicon("hard_sell.json")))


class HardSell(LexiconCheck):
    """Flags selling to people who did not ask; how much depends on who reads it."""

    id = "hard-sell"
    rules = RULES
    matcher = FACTORY

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """Weigh all selling signals and pitch cues in the draft together, then rate each for the context."""
        spans = self.authored(doc)
        cues: dict[str, list[Span]] = {}
        for span in spans:
            cues.setdefault(span.label_, []).append(span)
        hits = [Hit.from_span(s.label_, s) for s in spans if not s.label_.startswith("_")]
        signals = {hit.code for hit in hits} & _SIGNALS
        cold = bool(context.first_contact) or context.channel == "comment"
        # Answering someone's question ("is there still space?") with the
        # facts they asked for is not a pitch.
        asked = context.reply_to is not None and "?" in context.reply_to
        answering = not cold and (asked or bool(cues.get(_ANSWER)))
        pitch = context.channel != "post" and not answering and _is_pitch(cues, signals, cold)
        reported = set()
        for hit in hits:
            severity = self._rate(hit, signals, cold, context)
            if severity is None and pitch:
                severity = self.rule(hit.code).severity
            if severity is not None:
                reported.add(hit.code)
                yield Hit(hit.code, hit.start, hit.end, severity=severity)
        if pitch:
            # Mark the cues that made the pitch when no stock phrase did.
            seller = cues.get(_SELLER, [])
            if seller and not reported & {PITCH, OFFER, PRIZE}:
                yield Hit.from_span(PITCH, seller[0], severity=self.rule(PITCH).severity)
            if cues.get(_ASK) and CALL_TO_ACTION not in reported:
                yield Hit.from_span(CALL_TO_ACTION, cues[_ASK][0], severity=self.rule(CALL_TO_ACTION).severity)
            elif not seller and not reported and cues.get(_BENEFIT):
                yield Hit.from_span(PITCH, cues[_BENEFIT][0], severity=self.rule(PITCH).severity)

    def _rate(self, hit: Hit, signals: set[str], cold: bool, context: Context) -> Severity | None:
        default = self.rule(hit.code).severity
        if context.channel == "post":
            # Selling in your own post is your right; it is only worth a hint.
            return Severity.WARNING if hit.code in _STRONG else Severity.INFO
        if hit.code == PITCH:
            # Describing what you do is fine; pairing it with a sales signal
            # in a cold message is the pitch.
            if cold and signals:
                return default
            return None
        if signals & _STRONG or (context.first_contact and context.channel != "comment"):
            return default
        if context.channel == "comment" and hit.code in _WEAK:
            # Under someone else's post, a price or a guarantee on its own is
            # usually part of the discussion; with another signal it is a pitch.
            return default if len(signals) >= 2 else Severity.INFO
        if cold:
            return default
        # Someone you know: one signal is likely an answer or a plan you made
        # together ("let's book a call"), not worth a word; two different
        # ones are a pitch.
        return default if len(signals) >= 2 else None


def _is_pitch(cues: dict[str, list[Span]], signals: set[str], cold: bool) -> bool:
    # A pitch rarely uses only stock sales phrases; it combines talking about
    # what you sell, framing the reader's problem, a deadline, and asking for
    # a commitment. Two of these in a cold message make a pitch; to someone
    # you know it takes a selling signal plus a push (an ask or a deadline)
    # or talk of what you sell.
    seller = bool(cues.get(_SELLER)) or PITCH in cues
    ask, deadline = bool(cues.get(_ASK)), bool(cues.get(_DEADLINE))
    if not cold:
        return bool(signals) and (ask or deadline or seller)
    families = seller + bool(cues.get(_BENEFIT)) + ask + deadline + bool(signals)
    # A price or a guarantee next to advice ("at $400, have you considered
    # ...") is discussion: it takes a seller, an ask or a strong signal.
    decisive = seller or ask or bool(signals - _WEAK)
    return families >= 2 and decisive


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the hard-sell check."""
    return [HardSell()]
