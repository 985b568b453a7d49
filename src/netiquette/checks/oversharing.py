"""oversharing: details that do not belong in a professional or public message.

What it does
    Finds personal phone numbers, home addresses and dates of birth; card,
    social security, passport and other ID numbers; live location and news
    that the author's home is empty; the author's own health, relationship
    trouble, intoxication and money trouble; insults aimed at the author's
    boss or employer; and drafts that are mostly a log of meals and routine.

Why is this bad
    A stranger or a public thread is the wrong audience for private details.
    They can be copied and misused (numbers, addresses, an empty house), they
    put readers in the awkward position of holding something they did not ask
    for, and they stay searchable long after the mood has passed.

Context
    In a public post, comment or reply, and in any first message to a
    stranger, every family is a warning (an ID or card number in public is an
    error). In a private DM or email to someone the author already knows,
    friends talk about these things: nothing is reported, except card and ID
    numbers, which are still a warning. A phone number in a first message is
    only flagged when it is offered as a personal line ("my cell", "text me
    anytime"); a business line or a number in a signature is normal. Life-
    logging is only a hint, except a long blow-by-blow log in public.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from netiquette.checks._authorship import is_negated, is_quoted
from netiquette.checks._base import LexiconCheck
from netiquette.checks._matching import LexiconMatcher, load_lexicon
from netiquette.context import Context
from netiquette.hookspecs import hookimpl
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

FACTORY = "netiquette_oversharing"
LEXICON = "oversharing.json"

CONTACT, ID_NUMBER, LOCATION, HEALTH, RELATIONSHIP, INTOXICATION, FINANCES, EMPLOYER, LIFELOG = (
    "OS101", "OS102", "OS103", "OS104", "OS105", "OS106", "OS107", "OS108", "OS109",
)  # fmt: skip

RULES = (
    Rule(
        CONTACT,
        "personal-contact-details",
        "A personal phone number, home address or date of birth shared in public or with a stranger.",
        "Your personal number, home address or birth date can be copied by anyone who reads this, and a "
        "stranger is left holding details they never asked for.",
        Severity.WARNING,
        'Offer to swap details privately once you have talked ("happy to share my number by DM"), '
        "or point to a work email or profile.",
    ),
    Rule(
        ID_NUMBER,
        "identity-or-payment-number",
        "A card, social security, passport or other ID number written into a message.",
        "Card and ID numbers are exactly what fraudsters look for; once sent they cannot be taken back, "
        "and the reader becomes responsible for keeping them safe.",
        Severity.ERROR,
        "Delete the number. Enter it only in the official, secure form that asks for it.",
    ),
    Rule(
        LOCATION,
        "live-location-or-empty-home",
        "Where you are right now, or that your home is empty, told to people who don't need to know.",
        "Saying where you are this minute, or that nobody is home, is most useful to the readers you "
        "would least want to have it.",
        Severity.WARNING,
        "Share the trip once you are back, and tell whoever minds the house in private.",
    ),
    Rule(
        HEALTH,
        "health-disclosure",
        "Your own diagnosis, treatment or mental-health details in a public or first message.",
        "Your health is yours to share, but in a first message or a public thread the details pull the "
        "conversation somewhere the reader cannot easily follow, and they stay searchable.",
        Severity.WARNING,
        "Keep it general (\"I've been dealing with a health issue and I'm back now\") and save the "
        "details for people you trust.",
    ),
    Rule(
        RELATIONSHIP,
        "relationship-drama",
        "A breakup, divorce, affair or family feud aired to strangers or in public.",
        "Relationship trouble in a professional or public message draws the reader into a private "
        "conflict, and the people you mention never agreed to be part of it.",
        Severity.WARNING,
        'Say only what affects the reader ("things are hectic at home, so I may be slow to reply").',
    ),
    Rule(
        INTOXICATION,
        "intoxication",
        "Being drunk, high or hungover, mentioned in a public or first message.",
        "Mentioning that you are drunk or hungover colours how every other word is read, and a "
        "screenshot outlives the night.",
        Severity.WARNING,
        'Send it when you are sober; if the evening was great, say that ("great night at the afterparty").',
    ),
    Rule(
        FINANCES,
        "personal-finances",
        "Debt, salary, bank balance or money trouble shared in a public or first message.",
        "Money trouble in a professional message can read as a plea and makes readers uneasy, which "
        "buries what you actually want to ask.",
        Severity.WARNING,
        'Leave the numbers out and say what you are looking for ("I\'m open to new roles from this month").',
    ),
    Rule(
        EMPLOYER,
        "employer-grievance",
        "Insults or complaints about your boss, manager or employer.",
        "Running down your employer where others can see it makes the next employer wonder what you "
        "will say about them, and it can reach the people you describe.",
        Severity.WARNING,
        "Vent to a friend offline; in public, say what you want next (\"I'm looking for a team with a "
        'healthier culture").',
    ),
    Rule(
        LIFELOG,
        "life-logging",
        "A message that is mostly a log of meals and daily routine.",
        "A play-by-play of your day gives readers little to respond to and hides the one thing you "
        "wanted them to notice.",
        Severity.INFO,
        "Share one thing you learned or want to talk about, and skip the play-by-play.",
    ),
)

#: Families about the author's private life: friends may talk about them in private.
_PRIVATE_LIFE = frozenset({LOCATION, HEALTH, RELATIONSHIP, INTOXICATION, FINANCES, EMPLOYER})
#: Verbs whose negation leaves what follows asserted ("can't believe", "can't wait").
_STANCE_VERBS = frozenset({"believe", "wait", "lie", "imagine", "deny", "help", "stop", "stand", "sleep"})
#: A life log this long, in public, is more than a hint.
_LONG_LOG = 5

# Span ids: which kind of contact detail a span is.
PHONE, PERSONAL_PHONE, CARD, SSN = "phone", "personal-phone", "card", "ssn"

# One bounded character class, so matching stays linear: a run of digits
# with the separators phone and card numbers use. Its groups are checked in
# Python, never by a nested pattern.
_NUMBER = re.compile(r"(?<![\w+./-])\+?\(?\d[\d ().-]{5,24}\d(?![\w/])")
_GROUPS = re.compile(r"\d+")
_SSN = re.compile(r"\d{3}-\d{2}-\d{4}")
#: UK freephone, shared-cost and premium prefixes, and North American toll-free ones,
#: with and without the country code.
_UK_SERVICE = ("08", "09", "4408", "4409")
_TOLL_FREE = ("800", "833", "844", "855", "866", "877", "888", "1800", "1833", "1844", "1855", "1866", "1877", "1888")
_SERVICE_PREFIXES = _UK_SERVICE + _TOLL_FREE


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _is_card(text: str, groups: list[str]) -> bool:
    digits = "".join(groups)
    if not 13 <= len(digits) <= 19 or set(text) - set("0123456789 -"):
        return False
    sizes = [len(g) for g in groups]
    grouped = len(groups) == 1 or all(size == 4 for size in sizes[:-1]) or sizes == [4, 6, 5]
    return grouped and _luhn(digits)


def _is_phone(text: str, groups: list[str]) -> bool:
    digits = "".join(groups)
    sizes = [len(g) for g in groups]
    if digits.startswith(_SERVICE_PREFIXES):
        # Freephone, shared-cost and premium lines belong to businesses, not people.
        return False
    if text.startswith("+"):
        return 8 <= len(digits) <= 15 and len(groups) <= 6
    if sizes in ([3, 3, 4], [1, 3, 3, 4]) or (sizes == [3, 4] and text[3] in "-."):
        return True
    if digits.startswith("0") and 10 <= len(digits) <= 11:
        return len(groups) == 1 or (len(groups) <= 4 and min(sizes) >= 3)
    return False


def _numbers(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(code, kind, start, end) of every phone, card or social security number in ``text``."""
    for match in _NUMBER.finditer(text):
        candidate = match.group()
        start = match.start()
        # A run can end in an unrelated number ("call 07700 900123 2 times"):
        # drop trailing groups until the rest is a number, or nothing is left.
        groups = [(g.group(), g.end()) for g in _GROUPS.finditer(candidate)]
        while groups:
            text_part = candidate[: groups[-1][1]]
            digits = [g for g, _ in groups]
            if _SSN.fullmatch(text_part):
                yield ID_NUMBER, SSN, start, start + len(text_part)
                break
            if _is_card(text_part, digits):
                yield ID_NUMBER, CARD, start, start + len(text_part)
                break
            if _is_phone(text_part, digits):
                yield CONTACT, PHONE, start, start + len(text_part)
                break
            groups.pop()


class OversharingMatcher(LexiconMatcher):
    """The oversharing lexicon, plus sentence-level conditions and the number finder.

    Besides the lexicon's ``rules``, it matches families that only count when
    the same sentence has a marker (the author as subject, a home rather than
    an office), drops matches whose sentence has a veto marker (a business
    line, a conference trip) and finds phone, card and social security numbers
    with a linear regular expression. Everything lands in ``doc.spans[name]``.
    """

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, Any]) -> None:
        super().__init__(nlp, name, lexicon)
        self.markers = LexiconMatcher(nlp, f"{name}_markers", {"rules": lexicon.get("markers", {})})
        self.conditional = {
            marker: LexiconMatcher(nlp, f"{name}_{marker}", {"rules": rules})
            for marker, rules in lexicon.get("requires", {}).items()
        }
        self.vetoes: dict[str, frozenset[str]] = {
            code: frozenset(names) for code, names in lexicon.get("vetoes", {}).items()
        }
        self.openers: dict[str, frozenset[str]] = {
            marker: frozenset(words) for marker, words in lexicon.get("openers", {}).items()
        }
        self.follower_vetoes: dict[str, frozenset[str]] = {
            code: frozenset(words) for code, words in lexicon.get("follower_vetoes", {}).items()
        }

    def __call__(self, doc: Doc) -> Doc:
        """Store the matches that survive their sentence's markers and vetoes in ``doc.spans[self.name]``."""
        sentence = _sentence_ids(doc)
        marked: dict[str, set[int]] = {}
        for span in _matches(self.markers, doc):
            marked.setdefault(span.label_, set()).add(sentence[span.start])
        for sid, opener in _sentence_openers(doc, sentence):
            for marker, words in self.openers.items():
                if opener in words:
                    marked.setdefault(marker, set()).add(sid)

        candidates = _matches(self, doc)
        for marker, matcher in self.conditional.items():
            for span in _matches(matcher, doc):
                if sentence[span.start] in marked.get(marker, ()):
                    candidates.append(Span(doc, span.start, span.end, label=span.label_, span_id=marker))
        for code, kind, start, end in _numbers(doc.text):
            number = doc.char_span(start, end, alignment_mode="expand")
            if number is None or not len(number):
                continue
            if kind == PHONE and sentence[number.start] in marked.get("personal_contact", ()):
                kind = PERSONAL_PHONE
            candidates.append(Span(doc, number.start, number.end, label=code, span_id=kind))

        kept: dict[str, list[Span]] = {}
        for span in candidates:
            sid = sentence[span.start]
            # "passport no. 1234" is split after "no.": ID patterns are tight
            # enough to be trusted across a sentence break, the rest are not.
            if sid != sentence[span.end - 1] and span.label_ != ID_NUMBER:
                continue
            if any(sid in marked.get(veto, ()) for veto in self.vetoes.get(span.label_, ())):
                continue
            followers = self.follower_vetoes.get(span.label_, frozenset())
            if span.end < len(doc) and doc[span.end].lower_ in followers:
                continue
            kept.setdefault(span.label_, []).append(span)
        doc.spans[self.name] = [span for spans in kept.values() for span in filter_spans(spans)]
        return doc


def _matches(matcher: LexiconMatcher, doc: Doc) -> list[Span]:
    # Like LexiconMatcher.__call__, without storing the spans, and without
    # running an empty Matcher (spaCy warns on every call of one).
    found = [
        *(matcher.phrases(doc) if len(matcher.phrases) else ()),
        *(matcher.patterns(doc) if len(matcher.patterns) else ()),
    ]
    return [Span(doc, start, end, label=match_id) for match_id, start, end in found]


def _sentence_openers(doc: Doc, sentence: list[int]) -> Iterator[tuple[int, str]]:
    # The first word of each sentence, lowercased.
    last = -1
    for token in doc:
        if token.is_alpha and sentence[token.i] != last:
            last = sentence[token.i]
            yield last, token.lower_


def _sentence_ids(doc: Doc) -> list[int]:
    ids = []
    current = 0
    for token in doc:
        if token.is_sent_start and token.i:
            current += 1
        ids.append(current)
    return ids


@Language.factory(FACTORY)
def make_matcher(nlp: Language, name: str) -> OversharingMatcher:
    """The oversharing lexicon matcher."""
    return OversharingMatcher(nlp, name, load_lexicon(LEXICON))


class Oversharing(LexiconCheck):
    """Flags private details told to the wrong audience; who reads the draft decides how much it matters."""

    id = "oversharing"
    rules = RULES
    matcher = FACTORY
    # A number is a number whatever word comes before it ("passport no. 1234").
    negation_exempt = frozenset({CONTACT, ID_NUMBER})

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """Rate every authored match for the context; life-logging is weighed over the whole draft."""
        spans = [
            span
            for span in self.matches(doc)
            if not is_quoted(doc, span) and (span.label_ in self.negation_exempt or not _negated(span))
        ]
        log = [span for span in spans if span.label_ == LIFELOG]
        log_severity = _log_severity(doc, len(log), context) if log else None
        for span in spans:
            severity = log_severity if span.label_ == LIFELOG else self.severity(span.label_, span, context)
            if severity is not None:
                yield Hit.from_span(span.label_, span, severity=severity)

    def severity(self, code: str, span: Span, context: Context) -> Severity | None:
        """How much one match matters for this audience; None when it is fine to say."""
        exposed = context.is_public or bool(context.first_contact)
        if code == ID_NUMBER:
            return Severity.ERROR if context.is_public else Severity.WARNING
        if code == CONTACT:
            if span.id_ == PHONE and not context.is_public:
                # In a first message a work number is normal; a personal line is not.
                return None
            return Severity.WARNING if exposed else None
        if code in _PRIVATE_LIFE:
            return Severity.WARNING if exposed else None
        return self.rule(code).severity


def _negated(span: Span) -> bool:
    # "I can't believe my boss ..." negates the believing, not the match.
    if not is_negated(span):
        return False
    before = span.doc[max(0, span.start - 4) : span.start]
    return not any(token.lemma_ in _STANCE_VERBS for token in before)


def _log_severity(doc: Doc, entries: int, context: Context) -> Severity | None:
    # Only a draft that is mostly a log is a life log: count the clauses
    # (sentences split at commas, semicolons and line breaks) with words in them.
    clauses = 0
    words = False
    for token in doc:
        if token.is_sent_start or token.text in {",", ";"} or "\n" in token.text:
            clauses += words
            words = False
        words = words or token.is_alpha
    clauses += words
    if entries * 2 < clauses:
        return None
    if not context.is_public and not context.first_contact:
        return None
    return Severity.WARNING if context.is_public and entries >= _LONG_LOG else Severity.INFO


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the oversharing check."""
    return [Oversharing()]
