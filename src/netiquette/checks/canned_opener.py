"""canned-opener: template and cliché openers that show a message was not written for its reader.

What it does
    Finds stock opening lines ("I hope this message finds you well", "I came
    across your profile", "just touching base"), the platform's default
    invitation text ("I'd like to add you to my professional network"),
    generic salutations ("Dear Sir/Madam", "To whom it may concern", "Hello
    dear") and unfilled template placeholders (``{first_name}``, ``{{name}}``,
    ``[Company Name]``, ``%FIRSTNAME%``, ``<NAME>``, ``*|FNAME|*``).

Why is this bad
    The first line decides whether the rest gets read. A line that could have
    been sent to anyone tells the reader they are one of many; a placeholder
    left in the text proves it. A specific first line ("your talk on edge
    caching changed how I think about TTLs") earns the reply a cliché cannot.

Context
    Clichés matter most in a first contact, where the opening line is all
    the reader knows of the author (warning), and only when they open the
    draft: one buried further down is a hint. In a reply to someone the author
    knows they are at most a hint, and softer ones ("hope you're doing well")
    are only generic to a stranger. Salutations count only at the start of a
    line. A placeholder is an error in any channel, except where the draft is
    clearly talking about templates or code ("the merge tag is *|FNAME|*")
    and the placeholder is not its own greeting. Quoted words are never
    judged, and neither is a phrase the author is talking about ("instead of
    'I came across your profile', say ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from netiquette.checks._authorship import is_negated, is_quoted
from netiquette.checks._base import LexiconCheck
from netiquette.checks._matching import LexiconMatcher, load_lexicon
from netiquette.context import Context
from netiquette.doccache import text_of, tokens_of
from netiquette.hookspecs import hookimpl
from netiquette.matcher_cache import load_or_build
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

FACTORY = "netiquette_canned_opener"
LEXICON = "canned_opener.json"

CLICHE, DEFAULT_INVITE, SALUTATION, PLACEHOLDER = "CO101", "CO102", "CO103", "CO104"

RULES = (
    Rule(
        CLICHE,
        "cliche-opener",
        'A stock opening line ("I hope this finds you well", "I came across your profile", "touching base").',
        "This line could open a message to anyone, so the reader skims past it and wonders whether the rest "
        "was written for them either.",
        Severity.WARNING,
        "Open with one specific thing: what you read, heard or admired of theirs, or why you are writing now "
        '("Your talk on edge caching answered a question I\'d had for months").',
    ),
    Rule(
        DEFAULT_INVITE,
        "default-invitation-text",
        "The platform's default invitation text (\"I'd like to add you to my professional network\").",
        "The default invitation tells the reader you clicked a button, not why you want to know them, and "
        "many people ignore invitations that carry it.",
        Severity.WARNING,
        "Replace it with one line on how you know them or why you want to connect "
        '("We met at the Lisbon meetup; I\'d love to keep in touch about open banking").',
    ),
    Rule(
        SALUTATION,
        "generic-salutation",
        'A generic salutation ("Dear Sir/Madam", "To whom it may concern", "Hello dear").',
        "A salutation without a name says you did not find out who you were writing to, and it makes the "
        "message read like a form letter.",
        Severity.WARNING,
        'Greet the reader by name ("Dear Ms. Okafor"); if you cannot find it, a plain "Hello" or '
        '"Hello, Acme hiring team" is warmer.',
    ),
    Rule(
        PLACEHOLDER,
        "unfilled-placeholder",
        "An unfilled template placeholder ({first_name}, {{name}}, [Company], %FIRSTNAME%, <NAME>).",
        "The reader will see the raw template field, which proves the message went to a list and usually "
        "ends the conversation before it starts.",
        Severity.ERROR,
        "Fill in the real name or detail by hand, or check your mail-merge fields before sending.",
    ),
)

#: Tiers of a match, stored as the span's ``kb_id``; "" is a rule's strong tier.
STRONG, SOFT, AFFECTIONATE, ROLE, LOOSE = "", "soft", "affectionate", "role", "loose"

#: A cliché opens the draft when fewer substantial sentences than this come before it.
OPENING_SENTENCES = 2
# A sentence with at least this many words counts; "Hi!" and "Hey Sam," do not.
_SUBSTANTIAL_WORDS = 4

# Every alternative is linear: fixed delimiters around one bounded character
# class, no nested quantifiers. Whatever the syntax, the field inside must
# name a field ({industry}, %FIRSTNAME%, {{ contact.first_name }}), so code
# such as ${resource} or {{ item.value }} is not a placeholder. A "cased"
# field must also be capitalised, or it is a placeholder only as a greeting
# ("Hi [name],"; never "[link]" or "<br>").
_PLACEHOLDER = re.compile(
    r"\{\{[ ]?(?P<braces2>[A-Za-z_][\w. ]{0,40})\}\}"
    r"|\$\{(?P<dollar>[A-Za-z_][\w.]{0,40})\}"
    r"|\*?\|(?P<pipes>[A-Z][A-Z0-9_]{1,30})\|\*?"
    r"|\{!?(?P<braces>[A-Za-z_][\w. ]{0,40})\}"
    r"|%(?P<percent>[A-Za-z_]\w{1,40})%"
    r"|<<(?P<angles2>[A-Za-z_][\w ]{0,40})>>"
    r"|«(?P<guillemets>[A-Za-z_][\w ]{0,40})»"
    r"|<(?P<cased_angles>[A-Za-z_][\w ]{0,40})>"
    r"|\[(?P<cased_brackets>[A-Za-z][\w' ]{0,40})\](?!\()"
)
# How many words before a phrase may show it is being talked about: a cue
# ("instead of ...") right before it, a topic word ("openers: ...") earlier in
# the sentence. Bounded so that a huge unpunctuated draft stays linear.
_CUE_WINDOW = 4
_TOPIC_WINDOW = 40
# How many characters of a line may come before a salutation (emoji, spaces).
_LINE_WINDOW = 200

_CAMEL = re.compile(r"[A-Z]?[a-z]{1,40}|[A-Z]{1,40}(?![a-z])")
_WORD_CHARACTER = re.compile(r"[\w\\]")
_ALPHANUMERIC = re.compile(r"[^\W_]")


class CannedOpenerMatcher(LexiconMatcher):
    """The lexicon's phrases and patterns in every tier, plus template placeholders found by regex.

    Spans land in ``doc.spans[name]`` labelled with their code; the tier
    (soft, affectionate, role; "loose" for a lowercase bracketed field) is
    the span's ``kb_id``.
    """

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, Any]) -> None:
        super().__init__(nlp, name, lexicon)
        tiers: dict[str, dict[str, Any]] = {}
        for code, entry in lexicon["rules"].items():
            for tier, tier_entry in entry.get("tiers", {}).items():
                tiers.setdefault(tier, {})[code] = tier_entry
        self.tiers = [(tier, LexiconMatcher(nlp, name, {"rules": rules})) for tier, rules in sorted(tiers.items())]
        self.field_words = frozenset(lexicon["placeholders"]["field_words"])
        self.whole_fields = frozenset(lexicon["placeholders"]["whole_fields"])
        self.always_words = frozenset(lexicon["placeholders"]["always_words"])

    def __call__(self, doc: Doc) -> Doc:
        """Store every tier's matches and every placeholder, dropping weaker duplicates of a strong match."""
        found = _matched(self, doc, STRONG)
        for tier, matcher in self.tiers:
            found.extend(_matched(matcher, doc, tier))
        found.extend(self._placeholders(doc))
        covered = {(span.label_, i) for span in found if span.kb_id_ == STRONG for i in range(span.start, span.end)}
        doc.spans[self.name] = [
            span
            for span in found
            if span.kb_id_ == STRONG or not any((span.label_, i) in covered for i in range(span.start, span.end))
        ]
        return doc

    def _placeholders(self, doc: Doc) -> list[Span]:
        text = text_of(doc)
        spans = []
        for match in _PLACEHOLDER.finditer(text):
            kind = match.lastgroup or ""
            field = match.group(kind)
            start = match.start()
            if start and _WORD_CHARACTER.match(text[start - 1]):
                continue  # \textbf{Name}, row[Name], List<Name>: code, not a field
            tier = self._field_tier(field.strip() if kind == "braces2" else field, kind)
            if tier is None:
                continue
            span = doc.char_span(start, match.end(), label=PLACEHOLDER, kb_id=tier, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        return spans

    def _field_tier(self, field: str, kind: str) -> str | None:
        if field != field.strip():
            return None
        words = [w.lower() for part in re.split(r"[\s_.']", field) for w in _CAMEL.findall(part)]
        named = self.field_words.intersection(words) or (
            kind.startswith("cased") and field.lower() in self.whole_fields
        )
        if not named or len(field.split()) > 4:
            return None
        cased = all(w[:1].isupper() for w in field.split())
        if kind.startswith("cased") and not (cased or "_" in field or self.always_words.intersection(words)):
            # "[name]" is a placeholder only as a greeting ("Hi [name],"); "[link]", "<br>" never are.
            return LOOSE
        return STRONG


def _matched(matcher: LexiconMatcher, doc: Doc, tier: str) -> list[Span]:
    by_code: dict[str, list[Span]] = {}
    for match_id, start, end in matcher.raw_matches(doc):
        label = doc.vocab.strings[match_id]
        by_code.setdefault(label, []).append(Span(doc, start, end, label=label, kb_id=tier))
    return [span for spans in by_code.values() for span in filter_spans(spans)]


@Language.factory(FACTORY)
def make_matcher(nlp: Language, name: str) -> CannedOpenerMatcher:
    """The canned-opener lexicon matcher with its placeholder finder."""
    return load_or_build(nlp, name, lambda: CannedOpenerMatcher(nlp, name, load_lexicon(LEXICON)))


class _Draft(NamedTuple):
    """What the whole draft says about each match in it, worked out once per draft."""

    #: The draft's text (``Doc.text`` is rebuilt from the tokens on every access).
    text: str
    #: Whether the draft talks about templates or code.
    template_talk: bool
    #: Token index where the first substantial sentence ends.
    first_end: int
    #: Token index where the opening (the first ``OPENING_SENTENCES`` substantial sentences) ends.
    opening_end: int


class CannedOpener(LexiconCheck):
    """Flags openers that could have been sent to anyone; how much depends on who reads them and where."""

    id = "canned-opener"
    rules = RULES
    matcher = FACTORY
    # A placeholder is unfilled whatever precedes it ("No worries {first_name}!").
    negation_exempt = frozenset({PLACEHOLDER})

    def __init__(self) -> None:
        lexicon = load_lexicon(LEXICON)
        self._template_talk = frozenset(lexicon["placeholders"]["template_talk"])
        self._greetings = frozenset(lexicon["placeholders"]["greetings"])
        self._cues = frozenset(lexicon["mentions"]["cues"])
        self._topic_words = frozenset(lexicon["mentions"]["topic_words"])
        self._lead_ins = frozenset(lexicon["mentions"]["lead_ins"])
        self._specifiable = frozenset(lexicon["specific"]["applies_to"])
        self._followers = frozenset(lexicon["specific"]["followers"])
        self._generic_objects = frozenset(lexicon["specific"]["generic_objects"])
        self._generic_after_your = frozenset(lexicon["specific"]["generic_after_your"])
        self._profile_parts = frozenset(lexicon["specific"]["profile_parts"])

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """One hit per authored match whose severity in this context is not None."""
        draft = self._read(doc)
        for span in self.matches(doc):
            code = span.label_
            if is_quoted(doc, span) or (code not in self.negation_exempt and is_negated(span)):
                continue
            severity = self._rate(code, span, context, draft)
            if severity is not None:
                yield Hit(code, span.start_char, span.end_char, severity=severity)

    def severity(self, code: str, span: Span, context: Context) -> Severity | None:
        """How much this match matters in this context (None: not worth reporting)."""
        return self._rate(code, span, context, self._read(span.doc))

    def _read(self, doc: Doc) -> _Draft:
        ends = []
        for sent in doc.sents:
            if sum(1 for t in sent if t.is_alpha) >= _SUBSTANTIAL_WORDS:
                ends.append(sent.end)
                if len(ends) == OPENING_SENTENCES:
                    break
        ends.extend([len(doc)] * (OPENING_SENTENCES - len(ends)))
        text = text_of(doc)
        return _Draft(text, self._talks_about_templates(doc, text), ends[0], ends[-1])

    # -- rating ----------------------------------------------------------------

    def _rate(self, code: str, span: Span, context: Context, draft: _Draft) -> Severity | None:
        if code == PLACEHOLDER:
            return self._rate_placeholder(span, draft)
        if self._is_mentioned(span):
            return None
        tier = span.kb_id_
        cold = bool(context.first_contact)
        if code == SALUTATION:
            return self._rate_salutation(span, tier, cold, context, draft)
        if context.channel == "post" and not cold:
            # The author's own post: a broadcast, not an opener to one reader.
            return Severity.INFO if tier == STRONG else None
        if code == DEFAULT_INVITE:
            if tier == STRONG:
                return Severity.INFO if context.channel == "reply" and not cold else Severity.WARNING
            return Severity.WARNING if cold or context.channel == "connection_request" else Severity.INFO
        if self._is_profile_part(span) or (tier == SOFT and self._is_specific(span)):
            return None
        opening = span.start < draft.opening_end
        if cold:
            return Severity.WARNING if opening else Severity.INFO
        if tier == SOFT:
            # "Hope you're doing well" to someone you know is just friendly.
            return Severity.INFO if opening else None
        if context.channel == "reply":
            return Severity.INFO
        return Severity.WARNING if opening else Severity.INFO

    def _rate_salutation(self, span: Span, tier: str, cold: bool, context: Context, draft: _Draft) -> Severity | None:
        if not _starts_line(span, draft.text):
            return None  # "you're a dear friend" is not a salutation
        if tier == ROLE:
            # "Dear Hiring Manager" is accepted advice when no name can be found.
            return Severity.INFO
        if tier == AFFECTIONATE and not cold:
            return None  # "Hello dear" between friends is warmth, not a form letter
        if context.channel == "post" and not cold:
            return Severity.INFO
        return Severity.WARNING if cold else Severity.INFO

    def _rate_placeholder(self, span: Span, draft: _Draft) -> Severity | None:
        greeting = self._greeting_before(span)
        if span.kb_id_ == LOOSE and greeting is None:
            return None
        opens_draft = greeting is not None and span.start < draft.first_end and _starts_line(greeting, draft.text)
        if draft.template_talk and not opens_draft:
            # "In Mailchimp the merge tag is *|FNAME|*": explaining a template, not sending one.
            return None
        return self.rule(PLACEHOLDER).severity

    # -- signals ---------------------------------------------------------------

    def _talks_about_templates(self, doc: Doc, text: str) -> bool:
        if "`" in text:
            return True
        return any(t.lower_ in self._template_talk or t.lemma_ in self._template_talk for t in tokens_of(doc))

    def _greeting_before(self, span: Span) -> Span | None:
        """The greeting whose addressee the span is ("Hi {first_name}", "Dear Ms. <LAST_NAME>"), if any."""
        doc = span.doc
        for i in range(span.start - 1, max(span.start - 4, -1), -1):
            token = doc[i]
            if "\n" in token.text:
                return None
            if token.is_punct:
                continue
            if token.lower_ == "you" and i > 0 and doc[i - 1].lower_ == "thank":
                return doc[i - 1 : i + 1]
            return doc[i : i + 1] if token.lower_ in self._greetings else None
        return None

    def _is_mentioned(self, span: Span) -> bool:
        """Whether the author talks about the phrase ("avoid openers like ...") instead of using it."""
        doc = span.doc
        sent_start = span.start
        while sent_start > max(0, span.start - _TOPIC_WINDOW) and not doc[sent_start].is_sent_start:
            sent_start -= 1
        before = doc[sent_start : span.start]
        if any(t.lower_ in self._topic_words or t.lemma_ in self._topic_words for t in before):
            return True
        near = doc[max(sent_start, span.start - _CUE_WINDOW) : span.start]
        window = {t.lower_ for t in near} | {t.lemma_ for t in near}
        if window & self._cues:
            return True
        return "with" in window and bool(window & self._lead_ins)

    def _is_profile_part(self, span: Span) -> bool:
        """Whether "your profile" goes on to a photo or an update ("I saw your profile picture")."""
        doc = span.doc
        return span[-1].lemma_ == "profile" and span.end < len(doc) and doc[span.end].lower_ in self._profile_parts

    def _is_specific(self, span: Span) -> bool:
        """Whether a soft cliché goes on to name something particular ("hope all is well with the new baby")."""
        if not any(t.lower_ in self._specifiable or t.lemma_ in self._specifiable for t in span):
            return False  # "pick your brain about X" is the cliché itself, not a specific follow-up
        doc = span.doc
        after = [t.lower_ for t in doc[span.end : span.end + 3]]
        if not after or after[0] not in self._followers or len(after) < 2:
            return False
        if after[1] in self._generic_objects:
            return False
        return not (after[1] in {"your", "ur"} and len(after) > 2 and after[2] in self._generic_after_your)


def _starts_line(span: Span, text: str) -> bool:
    """Whether only spaces, punctuation or emoji come before the span on its line of ``text``."""
    # A salutation is near the start of its line; looking further back than
    # this would make a huge single-line draft quadratic.
    window_start = max(0, span.start_char - _LINE_WINDOW)
    line_start = text.rfind("\n", window_start, span.start_char) + 1
    if not line_start and window_start:
        return False
    return not _ALPHANUMERIC.search(text, line_start, span.start_char)


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the canned-opener check."""
    return [CannedOpener()]
