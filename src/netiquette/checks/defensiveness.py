"""defensiveness: defensive, condescending or one-upping replies.

What it does
    Finds put-downs dressed up with a disclaimer ("with all due respect"),
    denying and blaming the reader ("I never said that", "read it again"),
    condescending reminders ("per my last email", "as I already explained"),
    tone policing ("calm down"), pulling rank with years or degrees when it
    comes with a put-down, brush-offs ("whatever", "sorry you feel that way")
    and ridicule or insults aimed at the reader.

Why is this bad
    A defensive reply answers the person instead of the point. The reader
    stops listening and defends themselves, and in public everyone scrolling
    past sees it too: one sharp reply can cost more goodwill than the whole
    argument was worth.

Context
    In public (posts, comments, replies) every code is a warning and ridicule
    and insults are errors. In a private message to someone the author knows,
    they are warnings, and the mildest forms ("relax", "lol ok", a lone
    "whatever," ...) are only hints. Towards a stranger (a first contact)
    everything counts one step more. "Let's agree to disagree" is only ever a
    hint. Someone else's words (quoted lines, text in quotation marks,
    reported speech) are never judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from netiquette.checks._authorship import is_negated, is_quoted
from netiquette.checks._base import LexiconCheck
from netiquette.checks._matching import LexiconMatcher, load_lexicon
from netiquette.context import Context
from netiquette.hookspecs import hookimpl
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

FACTORY = "netiquette_defensiveness"
LEXICON = "defensiveness.json"
#: Where the matcher stores its cues: signals that make another match count, never reported themselves.
CUES_KEY = f"{FACTORY}_cues"
_CUE_PREFIX = "cue:"

HEDGE, DENIAL, REPETITION, TONE, RANK, DISMISSAL, RIDICULE = (
    "DF101", "DF102", "DF103", "DF104", "DF105", "DF106", "DF107",
)  # fmt: skip

RULES = (
    Rule(
        HEDGE,
        "hedged-attack",
        'A put-down softened with a disclaimer ("with all due respect", "no offense, but").',
        '"No offense, but" announces that an offense is coming, and the disclaimer makes it sound deliberate, '
        "not softer.",
        Severity.WARNING,
        'Drop the disclaimer and disagree with the idea, not the person: "I see this differently, because ...".',
    ),
    Rule(
        DENIAL,
        "denial-and-blame",
        'Denying what you said or blaming the reader for misreading it ("I never said that", "read it again").',
        "Telling someone they misread you puts them on trial; even if they did, they will defend themselves "
        "instead of listening.",
        Severity.WARNING,
        'Take the misunderstanding on yourself and restate the point: "I may have put that badly; what I meant is '
        '...".',
    ),
    Rule(
        REPETITION,
        "condescending-repetition",
        'Pointing out that you already explained something ("per my last email", "let me spell it out").',
        'Reminding someone that you already told them reads as "you weren\'t paying attention", which embarrasses '
        "them, more so when others can see it.",
        Severity.WARNING,
        'Repeat the key point plainly, as if for the first time: "Quick recap: ...".',
    ),
    Rule(
        TONE,
        "tone-policing",
        'Telling the other person how to feel ("calm down", "relax", "don\'t be so sensitive").',
        "Telling someone to calm down dismisses their concern and nearly always makes them more upset.",
        Severity.WARNING,
        'Acknowledge the concern first: "I can see this matters to you; here is where I\'m coming from."',
    ),
    Rule(
        RANK,
        "credential-waving",
        "Pulling rank with years, titles or degrees, or questioning the reader's standing (\"do you even work in "
        'this industry?").',
        "Pulling rank ends the discussion without answering the point, and onlookers side with the person being "
        "talked down to.",
        Severity.WARNING,
        "Let the argument carry the weight: share the evidence or example your experience gave you, and ask about "
        "theirs.",
    ),
    Rule(
        DISMISSAL,
        "dismissal",
        'Brushing the other person off ("whatever", "sorry you feel that way", "not my problem").',
        "A brush-off tells the other person their view is not worth an answer, which closes the door on this "
        "conversation and the next.",
        Severity.WARNING,
        "If you want to stop, say so kindly: \"I don't think we'll agree on this one, but thanks for the different "
        'view."',
    ),
    Rule(
        RIDICULE,
        "ridicule-and-insults",
        'Sarcasm, mockery or insults aimed at the reader ("lol ok", "are you serious?", "you\'re clueless").',
        "Mockery and name-calling turn a disagreement into a personal attack; the reader and everyone watching "
        "will remember the tone, not your point.",
        Severity.ERROR,
        'Remove the jab and answer the substance ("I disagree because ..."), or wait until you can.',
    ),
)

#: A literal pattern that spells out more word sequences than this stays in the token Matcher.
_MAX_SEQUENCES = 2000

_NEGATIONS = frozenset({"not", "never", "no", "nor", "n't", "n’t", "nt"})


@cache
def _variants() -> dict[str, dict[str, Any]]:
    rules: dict[str, dict[str, Any]] = load_lexicon(LEXICON)["rules"]
    return rules


def _variant(span: Span) -> dict[str, Any]:
    """The lexicon entry a match came from (its guards and flags)."""
    return _variants().get(span.id_, {})


def _with_curly_apostrophes(entry: dict[str, Any]) -> dict[str, Any]:
    # Phrases are written with straight apostrophes; drafts often have curly ones.
    phrases = list(entry.get("phrases", []))
    curly = [p.replace("'", "’") for p in phrases if "'" in p]
    return {**entry, "phrases": phrases + curly}


def _literal_sequences(pattern: list[dict[str, Any]]) -> list[tuple[str, ...]] | None:
    """The word sequences a pattern of plain LOWER tokens (optionally "?") matches, or None for any other pattern."""
    sequences: list[tuple[str, ...]] = [()]
    for token in pattern:
        value = token.get("LOWER")
        if set(token) - {"LOWER", "OP"} or token.get("OP", "") not in ("", "?") or value is None:
            return None
        if isinstance(value, dict):
            if set(value) != {"IN"}:
                return None
            words = list(value["IN"])
        else:
            words = [value]
        options = [(word,) for word in words] + ([()] if token.get("OP") == "?" else [])
        sequences = [seq + option for seq in sequences for option in options]
        if len(sequences) > _MAX_SEQUENCES:
            return None
    return [seq for seq in sequences if seq]


def _is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)


def _sentence(span: Span) -> tuple[int, int]:
    """The token range of the sentence around ``span`` (the whole draft without sentence boundaries)."""
    if not span.doc.has_annotation("SENT_START"):
        return 0, len(span.doc)
    sent = span.sent
    return sent.start, sent.end


def _segment(span: Span) -> tuple[int, int]:
    """The token range of the sentence around ``span``, cut at line breaks."""
    doc = span.doc
    sent_start, sent_end = _sentence(span)
    start, end = sent_start, sent_end
    for i in range(span.start - 1, sent_start - 1, -1):
        if "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(span.end, sent_end):
        if "\n" in doc[i].text:
            end = i
            break
    return start, end


class DefensivenessMatcher(LexiconMatcher):
    """A ``LexiconMatcher`` whose variants may carry guards, and which also finds cues.

    A rule key is a code (``DF104``) or a code and a variant name
    (``DF104/calm-down``). Variants may require the match to open its
    sentence or line (``start``), to be all the sentence says (``alone``), to
    close a clause (``end``), or not to follow or precede certain words
    (``not_after``, ``not_before``).
    Matches that pass land in ``doc.spans[name]`` labelled with their code and
    with the variant key as ``span.id_``; cues land in ``doc.spans[name + "_cues"]``
    labelled with the cue name.
    """

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, Any]) -> None:
        self.variants: dict[str, dict[str, Any]] = dict(lexicon["rules"])
        self.variants.update({_CUE_PREFIX + key: entry for key, entry in lexicon.get("cues", {}).items()})
        self.openers = frozenset(lexicon.get("openers", ()))
        self.fillers = frozenset(lexicon.get("fillers", ()))
        self.cues_key = f"{name}_cues"
        # Token patterns that only spell out words are matched as phrases on
        # LOWER, which is far cheaper than the token Matcher and means the same.
        literals: dict[str, set[tuple[str, ...]]] = {}
        entries = {}
        for key, entry in self.variants.items():
            patterns = []
            for pattern in entry.get("patterns", []):
                sequences = _literal_sequences(pattern)
                if sequences is None:
                    patterns.append(pattern)
                else:
                    literals.setdefault(key, set()).update(sequences)
            entries[key] = {**_with_curly_apostrophes(entry), "patterns": patterns}
        super().__init__(nlp, name, {"rules": entries})
        self.literals = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, spelled in literals.items():
            self.literals.add(key, [Doc(nlp.vocab, words=list(words)) for words in sorted(spelled)])

    def __call__(self, doc: Doc) -> Doc:
        """Keep the matches whose guards hold, labelled with their code; store the cues apart."""
        by_code: dict[str, list[Span]] = {}
        cues: list[Span] = []
        for match_id, start, end in [*self.phrases(doc), *self.literals(doc), *self.patterns(doc)]:
            key = doc.vocab.strings[match_id]
            span = doc[start:end]
            if not self._guards_hold(span, self.variants[key]):
                continue
            if key.startswith(_CUE_PREFIX):
                cue = key[len(_CUE_PREFIX) :].partition("/")[0]
                cues.append(Span(doc, span.start, span.end, label=cue))
            else:
                code = key.partition("/")[0]
                by_code.setdefault(code, []).append(Span(doc, span.start, span.end, label=code, span_id=key))
        doc.spans[self.name] = [span for spans in by_code.values() for span in filter_spans(spans)]
        doc.spans[self.cues_key] = cues
        return doc

    def _guards_hold(self, span: Span, entry: dict[str, Any]) -> bool:
        if not any(entry.get(guard) for guard in ("start", "alone", "end", "not_after", "not_before")):
            return True
        doc = span.doc
        first, last = _segment(span)
        before = [t for t in doc[first : span.start] if not t.is_space]
        after = [t for t in doc[span.end : last] if not t.is_space]
        if entry.get("not_after") and before and before[-1].lower_ in entry["not_after"]:
            return False
        if entry.get("not_before") and after and after[0].lower_ in entry["not_before"]:
            return False
        if entry.get("start") and not self._opens(before):
            return False
        if entry.get("end") and not self._closes(after):
            return False
        if entry.get("alone"):
            words = [t for t in (*before, *after) if _is_word(t)]
            return all(t.lower_ in self.fillers for t in words)
        return True

    def _opens(self, before: list[Token]) -> bool:
        # The match starts its clause: nothing but openers ("just", "ok so")
        # since the start of the sentence or line, or since a comma or dash.
        for token in reversed(before):
            if not _is_word(token):
                return True
            if token.lower_ not in self.openers:
                return False
        return True

    def _closes(self, after: list[Token]) -> bool:
        for token in after:
            if not _is_word(token):
                return True
            if token.lower_ not in self.fillers:
                return False
        return True


@Language.factory(FACTORY)
def make_matcher(nlp: Language, name: str) -> DefensivenessMatcher:
    """The defensiveness lexicon matcher."""
    return DefensivenessMatcher(nlp, name, load_lexicon(LEXICON))


def _carries_negation(span: Span) -> bool:
    return any(t.lower_ in _NEGATIONS or t.norm_ in _NEGATIONS for t in span)


class Defensiveness(LexiconCheck):
    """Flags defensive, condescending and one-upping replies; most of all where others can read them."""

    id = "defensiveness"
    rules = RULES
    matcher = FACTORY
    # These codes have patterns that carry their own negation ("I never said
    # that", "not my problem", "don't be so sensitive").
    negation_exempt = frozenset({HEDGE, DENIAL, REPETITION, TONE, RANK, DISMISSAL, RIDICULE})

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """Rate every authored match; matches that need backing count only beside a cue or another finding."""
        cues = {span.label_ for span in self._authored(doc, self._cues(doc))}
        rated = []
        for span in sorted(self._authored(doc, self.matches(doc)), key=lambda span: (span.start, span.end)):
            severity = self.severity(span.label_, span, context)
            if severity is not None:
                rated.append((span, severity))
        standalone = [(span, severity) for span, severity in rated if not _variant(span).get("needs")]
        backed = any(not _variant(span).get("hint") for span, _ in standalone)
        # A signal that needs backing ("I've been doing this for 20 years") is
        # reported once per sentence, and not beside a finding of its own code.
        seen = {(_sentence(span)[0], span.label_) for span, _ in standalone}
        for span, severity in rated:
            needs = _variant(span).get("needs")
            if needs:
                key = (_sentence(span)[0], span.label_)
                if key in seen or not (backed or cues.intersection(needs)):
                    continue
                seen.add(key)
            yield Hit(span.label_, span.start_char, span.end_char, severity=severity)

    def severity(self, code: str, span: Span, context: Context) -> Severity | None:
        """Public: the rule's default; private: a warning; mild forms a hint in private; a stranger raises one step."""
        variant = _variant(span)
        if variant.get("hint"):
            return Severity.INFO
        soft = bool(variant.get("soft"))
        if context.is_public:
            level = Severity.WARNING if soft else self.rule(code).severity
        else:
            level = Severity.INFO if soft else Severity.WARNING
        if context.first_contact:
            level = Severity(min(level + 1, Severity.ERROR))
        return level

    def _authored(self, doc: Doc, spans: list[Span]) -> list[Span]:
        kept = []
        for span in spans:
            if is_quoted(doc, span):
                continue
            if is_negated(span) and not (span.label_ in self.negation_exempt and _carries_negation(span)):
                continue
            kept.append(span)
        return kept

    @staticmethod
    def _cues(doc: Doc) -> list[Span]:
        return list(doc.spans[CUES_KEY]) if CUES_KEY in doc.spans else []


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the defensiveness check."""
    return [Defensiveness()]
