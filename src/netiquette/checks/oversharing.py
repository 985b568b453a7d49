"""oversharing: details that do not belong in a professional or public message.

What it does
    Finds personal phone numbers, home addresses and dates of birth; card,
    social security, passport and other ID numbers; live location and news
    that the author's home is empty; the author's own health, relationship
    trouble, intoxication and money trouble; insults aimed at the author's
    boss or employer; and drafts that are mostly a log of meals and routine.
    Besides fixed phrases, most families are found by two kinds of cue
    meeting in one clause: the author next to a medical word, a relative of
    the author next to a falling-out, the author next to money trouble, the
    author's boss next to a put-down, a trip next to how long it lasts, the
    home next to "empty". Someone else, a negation or a new clause between
    the two keeps them apart ("my dad's cancer", "I've never had surgery").

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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from netiquette.checks._authorship import is_quoted
from netiquette.checks._base import LexiconCheck
from netiquette.checks._matching import LexiconMatcher, load_lexicon
from netiquette.context import Context
from netiquette.doccache import text_of, tokens_of
from netiquette.hookspecs import hookimpl
from netiquette.matcher_cache import load_or_build
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
_STANCE_VERBS = frozenset(
    {"believe", "wait", "lie", "imagine", "deny", "help", "stop", "stand", "sleep"}
    # "nobody can tell I'm ...": the negation is about knowing, not the match.
    | {"tell", "know", "notice", "realise", "realize", "guess", "care", "mind", "forget"}
)
#: A life log this long, in public, is more than a hint.
_LONG_LOG = 5

# Span ids: which kind of contact detail a span is.
PHONE, PERSONAL_PHONE, SERVICE_PHONE, CARD, SSN = "phone", "personal-phone", "service-phone", "card", "ssn"

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


def _phone_kind(text: str, groups: list[str]) -> str | None:
    """PHONE, SERVICE_PHONE (a freephone, shared-cost or premium prefix) or None."""
    if not _is_phone(text, groups):
        return None
    # Freephone, shared-cost and premium lines usually belong to businesses,
    # but the same prefixes are mobiles elsewhere (082 in South Africa).
    return SERVICE_PHONE if "".join(groups).startswith(_SERVICE_PREFIXES) else PHONE


def _is_phone(text: str, groups: list[str]) -> bool:
    digits = "".join(groups)
    sizes = [len(g) for g in groups]
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
            kind = _phone_kind(text_part, digits)
            if kind is not None:
                yield CONTACT, kind, start, start + len(text_part)
                break
            groups.pop()


@dataclass(frozen=True)
class Combination:
    """Two cue families that make a finding of ``code`` when they meet in one clause.

    ``first`` and ``second`` are sets of internal lexicon labels (``_self``,
    ``_health``); one span of each must lie in the same sentence, the second
    at most ``after`` tokens after the first or at most ``before`` tokens
    before it, with no clause break, negation or ``blockers`` word between
    them (a clause break does not count with ``across_clauses``). A
    combination with no ``second`` promotes its cue on its own. It is
    dropped where the sentence has a marker of ``vetoes``, and needs a marker
    of ``needs`` (when given) within ``reach`` sentences.
    """

    code: str
    first: frozenset[str]
    second: frozenset[str] = frozenset()
    after: int = 0
    before: int = 0
    blockers: frozenset[str] = frozenset()
    vetoes: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    reach: int = 0
    across_clauses: bool = False


#: Tokens that end a clause: a cue on the other side belongs to another thought.
_CLAUSE_BREAKS = frozenset(",;()[]!?.—–…") | {"but", "because", "although", "though", "whereas", "..."}
_NEGATION_WORDS = frozenset({"not", "never", "no", "without", "nor", "nobody", "nothing", "n't", "nt"})
#: Words that start a new clause: a negation before them is about something else.
_CLAUSE_WORDS = frozenset({"but", "and", "so", "because", "though", "although", "while", "fyi", "btw", "anyway"})


class OversharingMatcher(LexiconMatcher):
    """The oversharing lexicon, plus sentence-level conditions, cue combinations and the number finder.

    Besides the lexicon's ``rules``, it matches families that only count when
    the same sentence has a marker (the author as subject, a home rather than
    an office), combines cue families that mean little alone (the author
    next to a medical word, a relative next to a falling-out), drops matches
    whose sentence has a veto marker (a business line, a conference trip)
    and finds phone, card, social security and other ID numbers with linear
    scans. Cue spans (labels starting with "_") are never stored; everything
    else lands in ``doc.spans[name]``.
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
        vocab: dict[str, list[str]] = lexicon.get("vocab", {})
        self.combinations = [
            Combination(
                code,
                frozenset(entry["cues"][0]),
                frozenset(entry["cues"][1]) if len(entry["cues"]) > 1 else frozenset(),
                entry.get("after", 0),
                entry.get("before", 0),
                frozenset(word for name in entry.get("blockers", []) for word in vocab[name]),
                frozenset(entry.get("vetoes", [])),
                frozenset(entry.get("needs", [])),
                entry.get("reach", 0),
                entry.get("across_clauses", False),
            )
            for code, entries in lexicon.get("combine", {}).items()
            for entry in entries
        ]
        ids = lexicon.get("id_values", {})
        self.id_window: int = ids.get("window", 0)
        self.id_stops = frozenset(ids.get("stops", []))

    def __call__(self, doc: Doc) -> Doc:
        """Store the matches that survive their sentence's markers and vetoes in ``doc.spans[self.name]``."""
        sentence = _sentence_ids(doc)
        marked: dict[str, set[int]] = {}
        for span in _matches(self.markers, doc):
            marked.setdefault(span.label_, set()).add(sentence[span.start])
        candidates = _matches(self, doc)
        for sid, opener in _sentence_openers(doc, sentence):
            for marker, words in self.openers.items():
                if opener.lower_ in words:
                    marked.setdefault(marker, set()).add(sid)
                    # A dropped "I" ("Started chemo ..."): the opener stands for the author.
                    candidates.append(Span(doc, opener.i, opener.i + 1, label=f"_{marker}"))

        for marker, matcher in self.conditional.items():
            for span in _matches(matcher, doc):
                if sentence[span.start] in marked.get(marker, ()):
                    candidates.append(Span(doc, span.start, span.end, label=span.label_, span_id=marker))
        for code, kind, start, end in _numbers(text_of(doc)):
            number = doc.char_span(start, end, alignment_mode="expand")
            if number is None or not len(number):
                continue
            # A personal line is offered as one in its sentence or the one before
            # ("text me! 082 555 0199").
            sid = sentence[number.start]
            if kind in (PHONE, SERVICE_PHONE) and marked.get("personal_contact", set()) & {sid, sid - 1}:
                kind = PERSONAL_PHONE
            elif kind == SERVICE_PHONE:
                continue
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
        for combination in self.combinations:
            for span in self._combine(doc, combination, kept, sentence, marked):
                kept.setdefault(span.label_, []).append(span)
        phones = {i for span in kept.get(CONTACT, []) if span.id_ != "" for i in range(span.start, span.end)}
        # A number the finder or a pattern already reports stays as it was found.
        known = {span.end for span in kept.get(ID_NUMBER, [])}
        for span in self._id_values(doc, kept.get("_id_name", []), sentence, phones):
            if span.end not in known:
                kept.setdefault(ID_NUMBER, []).append(span)
        doc.spans[self.name] = [
            span for label, spans in kept.items() if not label.startswith("_") for span in filter_spans(spans)
        ]
        return doc

    def _combine(
        self,
        doc: Doc,
        combination: Combination,
        kept: dict[str, list[Span]],
        sentence: list[int],
        marked: dict[str, set[int]],
    ) -> Iterator[Span]:
        """The spans of ``combination.code`` made by its two cue families meeting in a clause."""
        firsts = sorted((s for label in combination.first for s in kept.get(label, [])), key=lambda s: s.start)
        seconds = sorted((s for label in combination.second for s in kept.get(label, [])), key=lambda s: s.start)
        starts = [s.start for s in seconds]
        for first in firsts:
            sid = sentence[first.start]
            if any(sid in marked.get(veto, ()) for veto in combination.vetoes):
                continue
            near = range(sid - combination.reach, sid + combination.reach + 1)
            if combination.needs and not any(n in marked.get(name, ()) for name in combination.needs for n in near):
                continue
            if not combination.second:
                yield Span(doc, first.start, first.end, label=combination.code, span_id="combined")
                continue
            # Only seconds that start near the first can meet it: a bounded slice.
            low = bisect_left(starts, first.start - combination.before - _MAX_CUE)
            high = bisect_right(starts, first.end + combination.after)
            for second in seconds[low:high]:
                if sentence[second.start] != sid or _overlap(first, second):
                    continue
                if second.start >= first.end:
                    gap, limit = doc[first.end : second.start], combination.after
                else:
                    gap, limit = doc[second.end : first.start], combination.before
                if len(gap) > limit:
                    continue
                if any(_interrupts(token, combination.blockers, combination.across_clauses) for token in gap):
                    continue
                start, end = min(first.start, second.start), max(first.end, second.end)
                yield Span(doc, start, end, label=combination.code, span_id="combined")
                break

    def _id_values(self, doc: Doc, names: list[Span], sentence: list[int], phones: set[int]) -> Iterator[Span]:
        """An ID's name ("passport", "driving licence number") and the ID-shaped value that follows it."""
        for name in names:
            run: list[Token] = []
            for token in doc[name.end : min(len(doc), name.end + self.id_window)]:
                if sentence[token.i] - sentence[name.start] > _ID_SENTENCES or token.i in phones:
                    break
                if not run and _ID_SHAPE.fullmatch(token.text) and _digits(token.text) >= _ID_DIGITS:
                    yield Span(doc, name.start, token.i + 1, label=ID_NUMBER, span_id="id")
                    break
                if _ID_GROUP.fullmatch(token.text):
                    # "4829 1173 6650", "QQ 12 34 56 C", "D123-4567-8901": groups of one number.
                    run.append(token)
                    continue
                if run and token.text in _ID_JOINERS and not token.whitespace_:
                    continue
                if _is_id_run(run):
                    yield Span(doc, name.start, run[-1].i + 1, label=ID_NUMBER, span_id="id")
                    break
                run = []
                if token.lower_ in self.id_stops:
                    break
            else:
                if _is_id_run(run):
                    yield Span(doc, name.start, run[-1].i + 1, label=ID_NUMBER, span_id="id")


def _digits(text: str) -> int:
    return sum(char.isdigit() for char in text)


def _is_id_run(run: list[Token]) -> bool:
    # Enough digits not to be a date or an amount: nine, or six next to letters.
    digits = sum(_digits(token.text) for token in run)
    letters = any(char.isalpha() for token in run for char in token.text)
    return len(run) > 1 and (digits >= _GROUPED_ID_DIGITS or (letters and digits >= _ID_DIGITS))


#: The longest cue span the combination search looks back over.
_MAX_CUE = 8
#: An ID value: letters and digits, with enough digits not to be a word or a year.
_ID_SHAPE = re.compile(r"[A-Za-z0-9]{6,20}")
#: One group of an ID written in parts: digits, or a few capital letters.
_ID_GROUP = re.compile(r"[A-Z]{0,3}\d{1,6}[A-Z]{0,3}|[A-Z]{1,3}")
_ID_JOINERS = frozenset({"-", "/", "."})
_ID_DIGITS = 6
#: "New passport arrived! No. 548120937": "No." makes a sentence of its own.
_ID_SENTENCES = 2
_GROUPED_ID_DIGITS = 9


def _overlap(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


def _interrupts(token: Token, blockers: frozenset[str], across_clauses: bool) -> bool:
    # A clause break, a negation ("I've never had cancer") or someone else
    # ("my dad's cancer") between two cues keeps them apart.
    return (
        (not across_clauses and (token.text in _CLAUSE_BREAKS or token.lower_ in _CLAUSE_BREAKS))
        or token.lower_ in _NEGATION_WORDS
        or token.lower_ in blockers
        or token.lemma_ in blockers
    )


def _matches(matcher: LexiconMatcher, doc: Doc) -> list[Span]:
    # Like LexiconMatcher.__call__, without storing the spans.
    return [Span(doc, start, end, label=match_id) for match_id, start, end in matcher.raw_matches(doc)]


def _sentence_openers(doc: Doc, sentence: list[int]) -> Iterator[tuple[int, Token]]:
    # The first word of each sentence.
    last = -1
    for token in tokens_of(doc):
        if token.is_alpha and sentence[token.i] != last:
            last = sentence[token.i]
            yield last, token


def _sentence_ids(doc: Doc) -> list[int]:
    ids = []
    current = 0
    for token in tokens_of(doc):
        if token.is_sent_start and token.i:
            current += 1
        ids.append(current)
    return ids


def expand_vocab(lexicon: dict[str, Any]) -> dict[str, Any]:
    """The lexicon with every ``"@name"`` replaced by the word list ``vocab[name]``.

    In a phrase list, ``"@name"`` stands for all the words of the list; in a
    token pattern, ``{"IN": "@name"}`` for the list itself. Word lists are
    written once and shared by the patterns that need them.
    """
    vocab: dict[str, list[str]] = lexicon.get("vocab", {})

    def expand(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                key: vocab[item[1:]] if key == "IN" and isinstance(item, str) else expand(item)
                for key, item in value.items()
            }
        if isinstance(value, list):
            out: list[Any] = []
            for item in value:
                if isinstance(item, str) and item.startswith("@") and len(item) > 1:
                    out.extend(vocab[item[1:]])
                else:
                    out.append(expand(item))
            return out
        return value

    return {key: value if key == "vocab" else expand(value) for key, value in lexicon.items()}


@Language.factory(FACTORY)
def make_matcher(nlp: Language, name: str) -> OversharingMatcher:
    """The oversharing lexicon matcher."""
    return load_or_build(nlp, name, lambda: OversharingMatcher(nlp, name, expand_vocab(load_lexicon(LEXICON))))


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


def _negated(span: Span, window: int = 4) -> bool:
    # A negation shortly before the match, in the same clause: "I'm not
    # drunk", but not "we haven't met but I'm drunk". "I can't believe my
    # boss ..." negates the believing, not the match.
    doc = span.doc
    for i in range(span.start - 1, max(0, span.start - window) - 1, -1):
        token = doc[i]
        if token.is_punct or token.lower_ in _CLAUSE_WORDS:
            return False
        if token.lower_ in _NEGATION_WORDS or token.norm_ in _NEGATION_WORDS:
            before = doc[max(0, i - 1) : span.start]
            return not any(t.lemma_ in _STANCE_VERBS for t in before)
        if token.is_sent_start:
            return False
    return False


def _log_severity(doc: Doc, entries: int, context: Context) -> Severity | None:
    # Only a draft that is mostly a log is a life log: count the clauses
    # (sentences split at commas, semicolons and line breaks) with words in them.
    clauses = 0
    words = False
    for token in tokens_of(doc):
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
