"""defensiveness: defensive, condescending or one-upping replies.

What it does
    Finds put-downs dressed up with a disclaimer ("with all due respect"),
    denying and blaming the reader ("I never said that", "read it again"),
    condescending reminders ("per my last email", "as I already explained"),
    tone policing ("calm down"), pulling rank with years or degrees when it
    comes with a put-down, brush-offs ("whatever", "sorry you feel that way")
    and ridicule or insults aimed at the reader. Besides fixed phrases, it
    combines cue families that mean little alone: a second-person target
    ("your argument", "you're") with a belittling word ("laughable",
    "naive"), mock praise ("genius idea") with a deflating remark ("why
    didn't anyone think of that?"), a pet name ("oh sweetie") with a
    correction. Put-downs that name no "you" pair a stand-in for the reader
    ("some folks", "from someone who") with a failing ("never got past the
    headline", "has never run a team"), or two sneers ("this is basic
    stuff" and "they cover it in week one"). Frames (a shorthand for token
    patterns over lemmas and norms) describe the structures defensive
    replies share in any wording: a first-person "said/meant/wrote" under a
    negation, the reader misreading or not bothering to read, rhetorical
    questions about the reader's standing, sarcastic thanks, minimising,
    refusing to engage and non-apologies. A variant may be undone by a cue
    elsewhere in the draft ("unless"): an admission ("sorry, I worded that
    badly") turns a denial into a clarification.

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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import chain
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from netiquette.checks._authorship import is_negated, is_quoted
from netiquette.checks._base import LexiconCheck
from netiquette.checks._matching import (
    LexiconMatcher,
    add_phrase_keys,
    literal_sequences,
    load_lexicon,
    phrase_keys,
)
from netiquette.context import Context
from netiquette.hookspecs import hookimpl
from netiquette.matcher_cache import load_or_build
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


_NEGATIONS = frozenset({"not", "never", "no", "nor", "n't", "n’t", "nt"})
# "not sure why ...", "don't know how many ...": the negation hedges the author's knowledge.
_HEDGED = frozenset({"sure", "know", "understand", "see", "get", "certain"})
# "I've never seen a take this bad": the negation belongs to "seen".
_WITNESSED = frozenset({"seen", "heard", "read", "met", "encountered", "witnessed", "come"})
_WH_WORDS = frozenset({"why", "how", "what", "which", "where", "whether", "if", "when", "who"})
# Punctuation that ends a clause: two cues on either side of it do not combine.
_CLAUSE_BREAKS = frozenset({".", "!", "?", ";", ":", "…", "...", "—", "–", "(", ")"})


@cache
def _variants() -> dict[str, dict[str, Any]]:
    lexicon = load_lexicon(LEXICON)
    variants: dict[str, dict[str, Any]] = {**lexicon["rules"], **lexicon.get("combos", {})}
    return variants


@cache
def _combos() -> tuple[tuple[str, dict[str, Any]], ...]:
    return tuple(load_lexicon(LEXICON).get("combos", {}).items())


@cache
def _gap_words(name: str | None) -> frozenset[str] | None:
    """The words a combination allows between its two cues (None: any word but a negation)."""
    if name is None:
        return None
    vocab: dict[str, list[str]] = load_lexicon(LEXICON).get("vocab", {})
    return frozenset(vocab[name])


def _families(value: str | list[str]) -> frozenset[str]:
    return frozenset([value] if isinstance(value, str) else value)


def _expand(value: Any, vocab: dict[str, list[str]]) -> Any:
    """``value`` with every ``"$name"`` in an ``IN`` or ``NOT_IN`` list replaced by the words of ``vocab[name]``.

    Words with a straight apostrophe also match with a curly one.
    """
    if isinstance(value, dict):
        expanded: dict[str, Any] = {}
        for key, item in value.items():
            if key in ("IN", "NOT_IN") and isinstance(item, list):
                expanded[key] = _expand_words(item, vocab)
            elif key in ("LOWER", "ORTH") and isinstance(item, str) and "'" in item:
                expanded[key] = {"IN": _expand_words([item], vocab)}
            else:
                expanded[key] = _expand(item, vocab)
        return expanded
    if isinstance(value, list):
        return [_expand(item, vocab) for item in value]
    return value


def _expand_words(words: list[Any], vocab: dict[str, list[str]]) -> list[Any]:
    expanded: list[Any] = []
    for word in words:
        if isinstance(word, str) and len(word) > 1 and word.startswith("$"):
            expanded.extend(vocab[word[1:]])
        else:
            expanded.append(word)
    curly = [word.replace("'", "’") for word in expanded if isinstance(word, str) and "'" in word]
    return list(dict.fromkeys(expanded + curly))


def _cue(span: Span) -> dict[str, Any]:
    """The lexicon entry a cue came from."""
    cues: dict[str, dict[str, Any]] = load_lexicon(LEXICON).get("cues", {})
    return cues.get(span.id_, {})


def _variant(span: Span) -> dict[str, Any]:
    """The lexicon entry a match came from (its guards and flags)."""
    return _variants().get(span.id_, {})


def _with_curly_apostrophes(entry: dict[str, Any]) -> dict[str, Any]:
    # Phrases are written with straight apostrophes; drafts often have curly ones.
    phrases = list(entry.get("phrases", []))
    curly = [p.replace("'", "’") for p in phrases if "'" in p]
    return {**entry, "phrases": phrases + curly}


# A frame slot: an optional attribute marker, the alternatives, an optional repeat.
_SLOT = re.compile(r"^(?P<attr>[@=!]?)(?P<words>.+?)(?P<op>\?|\{\d*,\d*\})?$")
_GAP = re.compile(r"^~(?P<most>\d)$")
_SLOT_ATTRS = {"": "LOWER", "@": "LEMMA", "=": "NORM", "!": "LOWER"}
# What a "~N" gap may not step over: a negation, a word that joins two
# clauses, clause punctuation or a quotation mark would make the frame's two
# ends belong to different statements (or to different speakers).
_GAP_STOPS = sorted(
    {"not", "never", "no", "n't", "nt", "but", "and", "or", "because", "though", "although", "if"}
    | _CLAUSE_BREAKS
    | {",", '"', "“", "”", "‘", "’", "'", "\n"}
)


def _frame_slot(slot: str) -> dict[str, Any]:
    """The token pattern of one slot of a frame (see ``_frame_pattern``)."""
    gap = _GAP.match(slot)
    if gap:
        return {
            "IS_SPACE": False,
            "IS_SENT_START": False,
            "LOWER": {"NOT_IN": _GAP_STOPS},
            "NORM": {"NOT_IN": ["not"]},
            "OP": f"{{0,{gap['most']}}}",
        }
    if len(slot) > 2 and slot.startswith("/") and slot.endswith("/"):
        return {"LOWER": {"REGEX": slot[1:-1]}}
    parsed = _SLOT.match(slot)
    if parsed is None:  # pragma: no cover - the regex matches any non-empty slot
        raise ValueError(f"bad frame slot {slot!r}")
    test = "NOT_IN" if parsed["attr"] == "!" else "IN"
    pattern: dict[str, Any] = {_SLOT_ATTRS[parsed["attr"]]: {test: parsed["words"].split("|")}}
    if parsed["op"]:
        pattern["OP"] = parsed["op"]
    return pattern


def _frame_pattern(frame: str) -> list[dict[str, Any]]:
    """A spaCy token pattern for a frame: a readable shorthand for the structures the lexicon looks for.

    A frame is slots separated by spaces. A slot is one word or alternatives
    joined by "|" (``said|wrote``), where ``$name`` stands for the words of
    ``vocab[name]``; words are compared lowercased, or as lemmas after "@"
    (``@say`` matches "said") or as norms after "=" (``=not`` matches "n't"
    and "nt", ``=are`` matches "'re"); after "!" the slot is any one token
    but these words (``!but|,``). A slot may end in "?" (optional) or a
    repeat such as ``{0,2}``. ``~N`` allows up to N other words, but no
    negation or clause joiner; ``/regex/`` matches the lowercase word.
    """
    return [_frame_slot(slot) for slot in frame.split()]


def _is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)


_SENTS_KEY = "netiquette_defensiveness_sentence_starts"


def _sentence_starts(doc: Doc) -> list[int]:
    # Computed once per draft, so that finding the sentence around a match
    # stays cheap however long the sentence is.
    starts: list[int] | None = doc.user_data.get(_SENTS_KEY)
    if starts is None:
        starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
        doc.user_data[_SENTS_KEY] = starts
    return starts


def _sentence(span: Span) -> tuple[int, int]:
    """The token range of the sentence around ``span`` (the whole draft without sentence boundaries)."""
    starts = _sentence_starts(span.doc)
    i = max(bisect_right(starts, span.start) - 1, 0)
    return starts[i], starts[i + 1] if i + 1 < len(starts) else len(span.doc)


def _before(span: Span) -> Iterator[Token]:
    """The tokens before ``span`` in its sentence, nearest first, up to a line break; spaces skipped."""
    doc = span.doc
    for i in range(span.start - 1, _sentence(span)[0] - 1, -1):
        token = doc[i]
        if "\n" in token.text:
            return
        if not token.is_space:
            yield token


def _next_lower(tokens: Iterator[Token]) -> str:
    token = next(tokens, None)
    return token.lower_ if token is not None else ""


def _after(span: Span) -> Iterator[Token]:
    """The tokens after ``span`` in its sentence, nearest first, up to a line break; spaces skipped."""
    doc = span.doc
    for i in range(span.end, _sentence(span)[1]):
        token = doc[i]
        if "\n" in token.text:
            return
        if not token.is_space:
            yield token


class DefensivenessMatcher(LexiconMatcher):
    """A ``LexiconMatcher`` whose variants may carry guards, and which also finds cues.

    A rule key is a code (``DF104``) or a code and a variant name
    (``DF104/calm-down``). Variants may require the match to open its
    sentence or line (``start``), to be all the sentence says (``alone``), to
    close a clause (``end``), or not to follow or precede certain words
    (``not_after``, ``not_before``).
    Patterns may name word lists from the lexicon's ``vocab`` (``"$belittle"``).
    Matches that pass land in ``doc.spans[name]`` labelled with their code and
    with the variant key as ``span.id_``; cues land in ``doc.spans[name + "_cues"]``
    labelled with the cue family and with the cue key as ``span.id_``.
    """

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, Any]) -> None:
        vocab: dict[str, list[str]] = lexicon.get("vocab", {})
        self.variants: dict[str, dict[str, Any]] = dict(lexicon["rules"])
        self.variants.update({_CUE_PREFIX + key: entry for key, entry in lexicon.get("cues", {}).items()})
        # Frames become token patterns before the "$name" word lists are filled in.
        self.variants = {
            key: _expand(
                {**entry, "patterns": entry.get("patterns", []) + [_frame_pattern(f) for f in entry.get("frames", [])]},
                vocab,
            )
            for key, entry in self.variants.items()
        }
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
                literal = literal_sequences(pattern)
                if literal is None or literal[0] != "LOWER":
                    patterns.append(pattern)
                else:
                    literals.setdefault(key, set()).update(literal[1])
            entries[key] = {**_with_curly_apostrophes(entry), "patterns": patterns}
        super().__init__(nlp, name, {"rules": entries})
        self.literals = PhraseMatcher(nlp.vocab, attr="LOWER")
        ids: dict[str, int] = {}
        for key, spelled in literals.items():
            # The LOWER ids a pattern Doc of these words would give (see ``phrase_keys``).
            add_phrase_keys(self.literals, key, [phrase_keys(nlp.vocab, words, ids) for words in sorted(spelled)])

    def __call__(self, doc: Doc) -> Doc:
        """Keep the matches whose guards hold, labelled with their code; store the cues apart."""
        by_code: dict[tuple[str, bool], list[Span]] = {}
        cues: list[Span] = []
        for match_id, start, end in [*self.phrases(doc), *self.literals(doc), *self.patterns(doc)]:
            key = doc.vocab.strings[match_id]
            span = doc[start:end]
            if not self._guards_hold(span, self.variants[key]):
                continue
            if key.startswith(_CUE_PREFIX):
                cue = key[len(_CUE_PREFIX) :]
                cues.append(Span(doc, span.start, span.end, label=cue.partition("/")[0], span_id=cue))
            else:
                code = key.partition("/")[0]
                # A signal that needs backing must not swallow an overlapping finding of its own code.
                group = (code, bool(self.variants[key].get("needs")))
                by_code.setdefault(group, []).append(Span(doc, span.start, span.end, label=code, span_id=key))
        doc.spans[self.name] = [span for spans in by_code.values() for span in filter_spans(spans)]
        doc.spans[self.cues_key] = cues
        return doc

    def _guards_hold(self, span: Span, entry: dict[str, Any]) -> bool:
        # Each guard looks only as far as it must, so that a long sentence full
        # of matches is still read in linear time.
        if entry.get("not_after") and _next_lower(_before(span)) in entry["not_after"]:
            return False
        if entry.get("not_before") and _next_lower(_after(span)) in entry["not_before"]:
            return False
        if entry.get("start") and not self._opens(_before(span)):
            return False
        if entry.get("end") and not self._closes(_after(span)):
            return False
        if entry.get("alone"):
            words = (t for t in chain(_before(span), _after(span)) if _is_word(t))
            return all(t.lower_ in self.fillers for t in words)
        return True

    def _opens(self, before: Iterator[Token]) -> bool:
        # The match starts its clause: nothing but openers ("just", "ok so")
        # since the start of the sentence or line, or since a comma or dash.
        for token in before:
            if not _is_word(token):
                return True
            if token.lower_ not in self.openers:
                return False
        return True

    def _closes(self, after: Iterator[Token]) -> bool:
        for token in after:
            if not _is_word(token):
                return True
            if token.lower_ not in self.fillers:
                return False
        return True


@Language.factory(FACTORY)
def make_matcher(nlp: Language, name: str) -> DefensivenessMatcher:
    """The defensiveness lexicon matcher."""
    return load_or_build(nlp, name, lambda: DefensivenessMatcher(nlp, name, load_lexicon(LEXICON)))


def _breaks_clause(token: Token) -> bool:
    return token.is_sent_start or "\n" in token.text or token.text in _CLAUSE_BREAKS


def _pair(first: Span, second: Span, entry: dict[str, Any]) -> Span | None:
    """The span a combination of two cues reports, or None when the cues do not combine under ``entry``."""
    doc = first.doc
    if entry.get("anywhere"):
        # Two cues that share words are one signal seen twice ("do your homework" and "your homework").
        return first if first.end <= second.start or second.end <= first.start else None
    if second.start < first.end:
        return None
    gap = doc[first.end : second.start]
    if len(gap) > entry.get("window", 3) or _sentence(first) != _sentence(second):
        return None
    negations = () if entry.get("through_negation") else _NEGATIONS
    if _breaks_clause(second[0]) or any(
        _breaks_clause(t) or t.lower_ in negations or t.norm_ in negations for t in gap
    ):
        return None
    allowed = _gap_words(entry.get("gap"))
    if allowed is not None and any(t.lower_ not in allowed and t.norm_ not in allowed for t in gap if not t.is_punct):
        return None
    return doc[first.start : second.end]


def _combined(cues: list[Span], found: list[Span]) -> list[Span]:
    """Spans for the cue combinations in the lexicon's ``combos``, one per combination and sentence.

    A combination names two cue families. By default the second must follow
    the first in the same clause, at most ``window`` tokens later and with no
    negation in between (unless ``through_negation``; and, with ``gap``, only
    words from that vocabulary list in between); with ``anywhere`` they may
    appear anywhere in the draft as long as they share no words, and the
    first family's cue is reported. A
    combination that overlaps a finding of its own code is not reported again.
    """
    if not cues:
        return []
    doc = cues[0].doc
    taken: dict[str, bytearray] = {}
    for span in found:
        taken.setdefault(span.label_, bytearray(len(doc)))[span.start : span.end] = b"\x01" * len(span)
    spans: list[Span] = []
    for key, entry in _combos():
        code = key.partition("/")[0]
        first_families, second_families = (_families(value) for value in entry["cues"])
        firsts = [span for span in cues if span.label_ in first_families]
        seconds = sorted((span for span in cues if span.label_ in second_families), key=lambda span: span.start)
        if not firsts or not seconds:
            continue
        starts = [span.start for span in seconds]
        window = int(entry.get("window", 3))
        mask = taken.setdefault(code, bytearray(len(doc)))
        sentences = set()
        for first in firsts:
            # With "anywhere", one other cue is enough; otherwise only the cues that start within the window.
            if entry.get("anywhere"):
                candidates = seconds[:2]
            else:
                candidates = seconds[bisect_left(starts, first.end) : bisect_right(starts, first.end + window)]
            for second in candidates:
                pair = _pair(first, second, entry)
                if pair is None or _sentence(pair)[0] in sentences or any(mask[pair.start : pair.end]):
                    continue
                sentences.add(_sentence(pair)[0])
                mask[pair.start : pair.end] = b"\x01" * len(pair)
                spans.append(Span(doc, pair.start, pair.end, label=code, span_id=key))
                break
    return spans


def _negated(span: Span) -> bool:
    """``is_negated``, except that a negation which only hedges the author's knowledge does not count.

    In "not sure why you're taking this so personally", "I don't know how
    many times I have to say this" or "I've never seen a take this bad" the
    negation belongs to "sure", "know" or "seen", not to what follows.
    """
    if not is_negated(span):
        return False
    doc = span.doc
    for i in range(span.start - 1, max(0, span.start - 4) - 1, -1):
        token = doc[i]
        if token.norm_ in _NEGATIONS or token.lower_ in _NEGATIONS:
            after = [t.lower_ for t in doc[i + 1 : i + 4]]
            if after and after[0] in _WITNESSED:
                return False
            return not (after and after[0] in _HEDGED and any(word in _WH_WORDS for word in after[1:]))
    return True


def _excused(span: Span, cues: set[str]) -> bool:
    """Whether the draft has a cue that undoes this match (its variant's ``unless`` families).

    "Sorry, that's not what I meant, I worded it badly" denies a reading as
    plainly as "that's not what I meant", but owns the misunderstanding: a
    clarification, not a defence.
    """
    return not cues.isdisjoint(_variant(span).get("unless", ()))


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
        """Rate every authored match and cue combination; matches that need backing count only beside a finding."""
        cue_spans = self._authored(doc, self._cues(doc))
        cues = {span.label_ for span in cue_spans}
        rated = []
        for span in sorted(self._authored(doc, self.matches(doc)), key=lambda span: (span.start, span.end)):
            severity = self.severity(span.label_, span, context)
            if severity is not None and not _excused(span, cues):
                rated.append((span, severity))
        # A signal that still needs backing is no finding yet, so it must not hide a combination that backs it.
        findings = [span for span, _ in rated if not _variant(span).get("needs")]
        for span in _combined(cue_spans, findings):
            severity = self.severity(span.label_, span, context)
            if severity is not None and not _excused(span, cues):
                rated.append((span, severity))
        rated.sort(key=lambda pair: (pair[0].start, pair[0].end))
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
            if _negated(span) and not (
                (span.label_ in self.negation_exempt and _carries_negation(span)) or _cue(span).get("any_polarity")
            ):
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
