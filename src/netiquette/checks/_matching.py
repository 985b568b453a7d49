"""Lexicon-driven spaCy matcher components for the built-in checks.

A lexicon is a JSON file beside the check's module::

    {"rules": {"HS101": {"phrases": ["limited time offer"],
                         "patterns": [[{"LEMMA": "book"}, {"LOWER": "a"}, {"LEMMA": "call"}]]}}}

``phrases`` are matched on lemmas, case-insensitively (each phrase is
lemmatised with the same case-folding lookup table as the drafts), so
"Booked a call" matches "book a call". ``patterns`` are spaCy ``Matcher``
token patterns for what a phrase list cannot say (optional words, numbers,
shapes, URLs). Matches are stored as spans labelled with the rule code in
``doc.spans[<component name>]``.

Speed: spaCy's ``Matcher`` starts every pattern at every token, so a lexicon
of hundreds of patterns costs hundreds of steps per token. ``TokenPatterns``
gives exactly the same matches for far less: patterns that only spell out
words go to ``PhraseMatcher`` (one lookup per token), and each remaining
pattern runs only on drafts that contain one of the words it cannot match
without (its anchor), and there only where a match can start, walked over
the Doc's attribute columns (``_Steps``) instead of by a Matcher that
creates a Python ``Token`` per token it reads.
"""

from __future__ import annotations

import json
import re
import sys
import weakref
from collections.abc import Callable, Container, Iterable, Sequence
from functools import cache, cached_property
from importlib import resources
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from netiquette.doccache import tokens_of
from netiquette.lemmatizer import lemma_table
from netiquette.pipeline import LONG_RUN


@cache
def load_lexicon(filename: str) -> dict[str, Any]:
    """Read a lexicon JSON file shipped in ``netiquette.checks``."""
    text = resources.files("netiquette.checks").joinpath(filename).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _pattern_keys(nlp: Language, phrase: str) -> tuple[int, ...]:
    # Patterns are tokenised with the pipeline's own tokenizer and lemmatised
    # with the same case-folding table as the blank pipeline's drafts. The
    # PhraseMatcher gets the lemmas' string ids, which is what it would read
    # from a pattern Doc (see ``phrase_keys``).
    table = lemma_table()
    strings = nlp.vocab.strings
    return tuple(strings.add(table.get(token.lower_, token.lower_)) for token in nlp.make_doc(phrase))


class _PhraseReader:
    """``_pattern_keys`` for many phrases, reading phrases of plain words word by word.

    A phrase of words of letters joined by single spaces is tokenised as
    each word on its own (see ``splits_at_spaces``), and a word the tokenizer
    has no rule for (see ``one_token``) is one token, whose lowercase form is
    ``str.lower`` of it. Such phrases (nine in ten in the lexicons) are read
    without a Doc, each distinct word once and without making its Lexeme,
    which was most of the time a Doc per phrase cost: 2,400 phrases hold
    5,700 words, 2,100 of them distinct. Other phrases get ``_pattern_keys``.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        tokenizer = nlp.tokenizer
        self.rules: dict[str, Any] = getattr(tokenizer, "rules", None) or {}
        self.searches = [
            search for search in (getattr(tokenizer, "prefix_search", None), getattr(tokenizer, "suffix_search", None))
            if search is not None
        ]  # fmt: skip
        self.infixes = getattr(tokenizer, "infix_finditer", None)
        self.by_word = splits_at_spaces(self.rules)
        self.table = lemma_table()
        self.words: dict[str, int | None] = {}

    def __call__(self, phrase: str) -> tuple[int, ...]:
        """The lemma string ids of ``phrase``'s tokens: a PhraseMatcher pattern on ``LEMMA``."""
        if not self.by_word:
            return _pattern_keys(self.nlp, phrase)
        keys = []
        for word in phrase.split(" "):
            key = self.words.get(word, 0)
            if key == 0:
                key = self.words[word] = self._word(word)
            if key is None:
                return _pattern_keys(self.nlp, phrase)
            keys.append(key)
        return tuple(keys)

    def _word(self, word: str) -> int | None:
        """The lemma id of ``word`` as a token of its own, or None if it may not stay one token."""
        if not (word.isalpha() and len(word) < LONG_RUN and one_token(word, self.rules, self.searches, self.infixes)):
            return None
        lower = word.lower()
        return self.nlp.vocab.strings.add(self.table.get(lower, lower))


def one_token(word: str, rules: Container[str], searches: Iterable[Callable[[str], Any]], infixes: Any) -> bool:
    """Whether spaCy's tokenizer leaves ``word``, a piece of text without whitespace, whole.

    It does when no special case (``rules``), prefix or suffix rule
    (``searches``) or infix rule (``infixes``, a ``finditer``) applies: those
    are the only rules that cut such a piece.
    """
    if word in rules or any(search(word) is not None for search in searches):
        return False
    return infixes is None or next(infixes(word), None) is None


def splits_at_spaces(rules: Iterable[str]) -> bool:
    """Whether a tokenizer with these special cases tokenises words of letters joined by single spaces one by one.

    spaCy's tokenizer cuts a text at whitespace and tokenises each piece by
    itself; the one thing that reaches across a space is a special case
    whose own tokens span two pieces. Its text must then hold a space (none
    of the English ones does, but for the whitespace characters themselves),
    or be cut into tokens of letters by a prefix, suffix or infix rule,
    which none of the English rules does to a word of letters.
    """
    return not any(" " in key and not key.isspace() for key in rules)


def phrase_keys(vocab: Vocab, words: Sequence[str], ids: dict[str, int]) -> tuple[int, ...]:
    """A PhraseMatcher pattern for ``words``, one token each, as the string ids it compares.

    ``PhraseMatcher.add`` takes such id sequences as well as Docs (it is how
    spaCy unpickles one). A pattern Doc whose tokens' attribute (``LOWER`` of
    lowercase words, ``ORTH``, or a ``LEMMA``/``NORM`` set to the word) is the
    word itself gives exactly these ids; building tens of thousands of Docs
    was most of the time it takes to build a Linter.

    ``ids`` keeps each word's id once added to ``vocab``'s strings (see
    ``string_id``); one dict serves all the patterns a matcher is built from.
    """
    try:
        # Nearly every word was seen before: looked up without a Python call per word.
        return tuple(map(ids.__getitem__, words))
    except KeyError:
        return tuple([string_id(vocab, word, ids) for word in words])


def string_id(vocab: Vocab, word: str, ids: dict[str, int]) -> int:
    """``vocab.strings.add(word)``, kept in ``ids``.

    The lexicons' token patterns spell out some 63,000 words, 2,000 of them
    distinct; a dict lookup costs about half as much as adding a string
    spaCy already has.
    """
    found = ids.get(word)
    if found is None:
        found = ids[word] = vocab.strings.add(word)
    return found


def add_phrase_keys(matcher: PhraseMatcher, key: str, patterns: list[tuple[int, ...]]) -> None:
    """``matcher.add(key, patterns)`` for patterns made by ``phrase_keys``."""
    # spaCy's type stub lists Docs only; PhraseMatcher.add takes id sequences too.
    matcher.add(key, patterns)  # type: ignore[arg-type]


class LexiconMatcher:
    """Finds a lexicon's phrases and token patterns; one span per match, labelled with its code."""

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, Any]) -> None:
        self.name = name
        self.phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.patterns = TokenPatterns(nlp.vocab)
        read = _PhraseReader(nlp)
        for code, entry in lexicon["rules"].items():
            phrases = entry.get("phrases", [])
            if phrases:
                add_phrase_keys(self.phrases, code, [read(p) for p in phrases])
            if entry.get("patterns"):
                self.patterns.add(code, entry["patterns"])

    def raw_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Every ``(match_id, start, end)`` of the phrases and the token patterns."""
        # An empty matcher warns on every call (spaCy W036), so skip it.
        return [match for matcher in (self.phrases, self.patterns) if len(matcher) for match in matcher(doc)]

    def __call__(self, doc: Doc) -> Doc:
        """Store every match in ``doc.spans[self.name]``, longest first where one code overlaps itself."""
        by_code: dict[str, list[Span]] = {}
        for match_id, start, end in self.raw_matches(doc):
            # Patterns may anchor on punctuation; the excerpt should not show it.
            while end - start > 1 and doc[start].is_punct:
                start += 1
            while end - start > 1 and doc[end - 1].is_punct:
                end -= 1
            label = doc.vocab.strings[match_id]
            by_code.setdefault(label, []).append(Span(doc, start, end, label=label))
        doc.spans[self.name] = [span for spans in by_code.values() for span in filter_spans(spans)]
        return doc


# Token attributes whose equality a PhraseMatcher can test, by pattern key.
_WORD_ATTRS = {"LOWER": "LOWER", "ORTH": "ORTH", "TEXT": "ORTH", "LEMMA": "LEMMA", "NORM": "NORM"}
_WORD_KEYS = frozenset(_WORD_ATTRS)
# A pattern that spells out more word sequences than this stays a token pattern. Each
# sequence is a path in a PhraseMatcher's trie: at 2,000 the lexicons spelled out about
# 190,000 of them, some 30 MB of a Linter; at 500 a batch peaks 19 MB lower, builds
# 0.15 s faster and runs as fast, for about 1 ms more on a DM full of pitch words.
_MAX_SEQUENCES = 500
# With more anchored patterns than this due on one draft (a long one), one
# Matcher pass over the whole draft is cheaper than a pass per pattern.
_MAX_DUE = 24
# Matchers kept for the sets of codes that matched together (see TokenPatterns), the
# most recently used first. Building one takes about 2.7 ms; with 32 kept, a batch of
# development drafts rebuilt one every 8 drafts (14% of its time), with 256 only for
# combinations it had not seen (136 in 3,000 drafts), for 2 MB more peak memory.
_MAX_CACHED = 256
# Token texts whose regex answers are kept (see _TokenRegexes): a few MB at most.
_MAX_TEXTS = 20_000
# Per-draft word positions, shared by every matcher that reads the same Doc.
_last_doc: tuple[weakref.ref[Doc], _DocWords] | None = None


def _words(token: dict[str, Any], key: str) -> list[str] | None:
    """The strings ``token[key]`` must equal, or None if it is not a plain equality or ``IN`` test."""
    value = token[key]
    if isinstance(value, str):
        return [value]
    words = value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None
    if isinstance(words, list) and all(isinstance(word, str) for word in words):
        return list(words)
    return None


def literal_sequences(pattern: Sequence[dict[str, Any]]) -> tuple[str, set[tuple[str, ...]]] | None:
    """The attribute and the word sequences a pattern matches, if it only spells out words.

    That is: every token tests one attribute of ``_WORD_ATTRS`` (the same one
    throughout) for equality or ``IN``, and is required or optional (``?``).
    Sequences that can never match (an uppercase ``LOWER`` value, an empty
    word) are left out; None for any other pattern.
    """
    attrs = set()
    sequences: list[tuple[str, ...]] = [()]
    for token in pattern:
        if not isinstance(token, dict) or token.get("OP", "") not in ("", "?"):
            return None
        keys = token.keys() - {"OP"}
        if len(keys) != 1 or not keys <= _WORD_KEYS:
            return None
        (key,) = keys
        words = _words(token, key)
        if words is None:
            return None
        attrs.add(_WORD_ATTRS[key])
        if _WORD_ATTRS[key] == "LOWER":
            words = [word for word in words if word == word.lower()]
        options = [(word,) for word in dict.fromkeys(words) if word] + ([()] if token.get("OP") == "?" else [])
        # Counted before the product is built: a pattern over the limit would spell out many times more.
        if len(sequences) * len(options) > _MAX_SEQUENCES or len(attrs) > 1:
            return None
        sequences = [seq + option for seq in sequences for option in options]
    if not attrs:
        return None
    return attrs.pop(), {seq for seq in sequences if seq}


def _word_tests(
    pattern: Sequence[dict[str, Any]], vocab: Vocab, ids: dict[str, int]
) -> list[tuple[str, frozenset[int]]]:
    """The word tests no match of ``pattern`` can do without: attribute and allowed string ids, rarest first.

    A test is a required token's equality or ``IN`` test on a word attribute.
    "Rarest" is a guess from spaCy's English stop words: a test that allows
    only content words rules out more drafts. ``ids`` is as for ``phrase_keys``.
    """
    tests = []
    for token in pattern:
        if not isinstance(token, dict) or not _required(str(token.get("OP", ""))):
            continue
        for key in sorted(token.keys() & _WORD_KEYS):
            words = _words(token, key)
            if words is not None:
                common = sum(word.lower() in STOP_WORDS for word in words)
                tests.append((common, len(words), _WORD_ATTRS[key], frozenset(phrase_keys(vocab, words, ids))))
    return [(attr, allowed) for _, _, attr, allowed in sorted(tests, key=lambda test: test[:2])]


# (least, most) repeats of a token for each operator without numbers.
_OPS = {"": (1, 1), "?": (0, 1), "*": (0, sys.maxsize), "+": (1, sys.maxsize)}


def _repeats(op: str) -> tuple[int, int] | None:
    """(least, most) times a token with operator ``op`` occurs in a match; ``sys.maxsize`` is no limit.

    None for "!" (a token that must not be there) and for an operator this
    module cannot read.
    """
    if op in _OPS:
        return _OPS[op]
    if not (op.startswith("{") and op.endswith("}")):
        return None
    low, comma, high = op[1:-1].partition(",")
    if not comma:
        high = low  # "{n}"
    if not (low == "" or low.isdigit()) or not (high == "" or high.isdigit()) or not (low or high):
        return None
    return int(low or 0), int(high) if high else sys.maxsize


def _required(op: str) -> bool:
    """Whether a token with operator ``op`` appears at least once in every match."""
    repeats = _repeats(op)
    return repeats is not None and repeats[0] >= 1


def _max_length(pattern: Sequence[dict[str, Any]]) -> int | None:
    """The most tokens a match of ``pattern`` can span, or None if unbounded."""
    total = 0
    for token in pattern:
        op = str(token.get("OP", "")) if isinstance(token, dict) else ""
        repeats = (1, 1) if op == "!" else _repeats(op)
        if repeats is None or repeats[1] == sys.maxsize:
            return None
        total += repeats[1]
    return total


class _DocWords:
    """The string ids of each word attribute in a Doc, as sets and in token order."""

    def __init__(self, doc: Doc) -> None:
        attrs: list[int | str] = sorted(set(_WORD_ATTRS.values()))
        columns = doc.to_array(attrs).reshape(len(doc), len(attrs)).T.tolist() if len(doc) else [[] for _ in attrs]
        self.columns: dict[str, list[int]] = {str(attr): column for attr, column in zip(attrs, columns, strict=True)}
        self.sets: dict[str, set[int]] = {attr: set(column) for attr, column in self.columns.items()}
        self._doc = doc
        self._flags: dict[str, list[bool]] = {}
        self._texts: dict[bool, list[str]] = {}
        self._index: dict[str, dict[int, list[int]]] = {}

    def positions(self, attr: str, ids: frozenset[int]) -> list[int]:
        """The token positions whose ``attr`` is one of ``ids``, in order."""
        index = self._index.get(attr)
        if index is None:
            # Built once per attribute: a dozen anchored patterns each scanning the whole draft cost more.
            index = self._index[attr] = {}
            for i, value in enumerate(self.columns[attr]):
                index.setdefault(value, []).append(i)
        present = ids & self.sets[attr]
        if len(present) == 1:
            return index[next(iter(present))]
        return sorted(i for value in present for i in index[value])

    def flag(self, attr: str) -> list[bool]:
        """A boolean token attribute (``IS_ALPHA``, ``SENT_START``...) per token, read when first asked for."""
        column = self._flags.get(attr)
        if column is None:
            values = self._doc.to_array([attr]).tolist() if len(self._doc) else []
            # SENT_START is 1 at a sentence start, -1 or 0 elsewhere (the Matcher tests == 1).
            column = self._flags[attr] = [value == 1 for value in values]
        return column

    def string(self, attr: str, i: int) -> str:
        """The string of token ``i``'s ``attr``, as the Matcher's ``REGEX`` reads it."""
        if attr in ("LOWER", "ORTH"):
            return self.texts(attr == "LOWER")[i]
        return str(self._doc.vocab.strings[self.columns[attr][i]])

    def texts(self, lower: bool) -> list[str]:
        """Each token's text, or its lowercase form, read when first asked for."""
        column = self._texts.get(lower)
        if column is None:
            tokens = tokens_of(self._doc)
            column = self._texts[lower] = [t.lower_ for t in tokens] if lower else [t.text for t in tokens]
        return column


def _doc_words(doc: Doc) -> _DocWords:
    """The ``_DocWords`` of ``doc``, computed once per Doc."""
    global _last_doc
    if _last_doc is not None and _last_doc[0]() is doc:
        return _last_doc[1]
    words = _DocWords(doc)
    _last_doc = (weakref.ref(doc), words)
    return words


# One test of a token: (kind, attribute, value); see ``_compile_token``.
_Test = tuple[str, str, Any]
# Boolean token attributes the pattern engine reads, by pattern key.
_FLAG_ATTRS = {
    "IS_ALPHA": "IS_ALPHA",
    "IS_DIGIT": "IS_DIGIT",
    "IS_LOWER": "IS_LOWER",
    "IS_PUNCT": "IS_PUNCT",
    "IS_SENT_START": "SENT_START",
    "IS_SPACE": "IS_SPACE",
    "IS_TITLE": "IS_TITLE",
    "IS_UPPER": "IS_UPPER",
    "LIKE_NUM": "LIKE_NUM",
}


def _compile_token(token: dict[str, Any], vocab: Vocab) -> tuple[tuple[_Test, ...], int, int] | None:
    """A pattern token as (tests, least, most) repeats, or None when ``_Steps`` cannot read it.

    The tests mean what the Matcher makes of them: strings are compared by
    their string ids, ``IN``/``NOT_IN`` by id sets, ``REGEX`` searches the
    text, and flags compare as booleans.
    """
    repeats = _repeats(str(token.get("OP", "")))
    if repeats is None:
        return None
    least, most = repeats
    tests: list[_Test] = []
    for key, value in token.items():
        if key == "OP":
            continue
        if key in _FLAG_ATTRS and isinstance(value, bool):
            tests.append(("flag", _FLAG_ATTRS[key], value))
        elif key not in _WORD_ATTRS:
            return None
        elif isinstance(value, str):
            tests.append(("in", _WORD_ATTRS[key], frozenset([vocab.strings.add(value)])))
        elif isinstance(value, dict) and value:
            for predicate, argument in value.items():
                if (
                    predicate in ("IN", "NOT_IN")
                    and isinstance(argument, list)
                    and all(isinstance(w, str) for w in argument)
                ):
                    ids = frozenset(vocab.strings.add(word) for word in argument)
                    tests.append((predicate.lower(), _WORD_ATTRS[key], ids))
                elif predicate == "REGEX" and isinstance(argument, str):
                    tests.append(("regex", _WORD_ATTRS[key], re.compile(argument)))
                else:
                    return None
        else:
            return None
    return tuple(tests), least, most


class _Steps:
    """A bounded token pattern matched on a Doc's columns, giving every match spaCy's Matcher gives.

    The Matcher creates a Python ``Token`` for every token it steps over and
    calls back into Python for every ``IN`` and ``REGEX`` test; for the short
    windows an anchored pattern is tried in, that was most of its cost.
    """

    def __init__(self, steps: list[tuple[tuple[_Test, ...], int, int]]) -> None:
        self.steps = steps
        #: (attribute, ids) every match's first token has, when its first token is
        #: there exactly once and tests for words: the only places a match can start.
        self.first_words: tuple[str, frozenset[int]] | None = None
        tests, least, most = steps[0]
        if least == most == 1:
            self.first_words = next(((attr, ids) for kind, attr, ids in tests if kind == "in"), None)
        #: Whether every repeat without a limit is of listed words, so that a walk stays short
        #: (an unlimited repeat of any word would make a long draft's walks quadratic).
        self.short_walks = all(
            most < sys.maxsize or any(kind == "in" for kind, _, _ in tests) for tests, _, most in steps
        )

    @classmethod
    def compile(cls, pattern: Sequence[dict[str, Any]], vocab: Vocab) -> _Steps | None:
        """The pattern as steps, or None when a token uses what ``_compile_token`` cannot read."""
        steps = []
        for token in pattern:
            step = _compile_token(token, vocab) if isinstance(token, dict) else None
            if step is None:
                return None
            steps.append(step)
        return cls(steps)

    def ends(self, words: _DocWords, start: int, length: int) -> set[int]:
        """Every end of a match that starts at ``start`` (empty matches included)."""
        positions = {start}
        for tests, least, most in self.steps:
            reached = set()
            for position in positions:
                if least == 0:
                    reached.add(position)
                end = position
                while end - position < most and end < length and _holds(tests, words, end):
                    end += 1
                    if end - position >= least:
                        reached.add(end)
            if not reached:
                return reached
            positions = reached
        return positions


def _holds(tests: tuple[_Test, ...], words: _DocWords, i: int) -> bool:
    for kind, attr, value in tests:
        if kind == "in":
            if words.columns[attr][i] not in value:
                return False
        elif kind == "not_in":
            if words.columns[attr][i] in value:
                return False
        elif kind == "flag":
            if words.flag(attr)[i] != value:
                return False
        elif value.search(words.string(attr, i)) is None:
            return False
    return True


class _Anchored:
    """One token pattern with the word tests it needs; it runs only near its anchor's words."""

    def __init__(self, vocab: Vocab, key: str, pattern: list[dict[str, Any]], tests: list[tuple[str, frozenset[int]]]):
        self.key = key
        self.pattern = pattern
        self.anchor = tests[0]
        self.others = tests[1:]
        self.reach = _max_length(pattern)
        self.vocab = vocab
        self._matcher: Matcher | None = None
        self.key_id = vocab.strings.add(key)

    @cached_property
    def steps(self) -> _Steps | None:
        """The pattern as ``_Steps``, compiled when first needed (most patterns are due on few drafts).

        None, so that a Matcher over the whole draft runs it, when its reach
        is unbounded and it could start anywhere or walk far.
        """
        steps = _Steps.compile(self.pattern, self.vocab)
        if steps is not None and self.reach is None and (steps.first_words is None or not steps.short_walks):
            return None
        return steps

    @property
    def matcher(self) -> Matcher:
        """A Matcher holding this pattern alone, built when first needed.

        Most patterns are due on few drafts, and building hundreds of Matchers
        was a noticeable part of a Linter's start-up.
        """
        if self._matcher is None:
            matcher = Matcher(self.vocab)
            matcher.add(self.key, [self.pattern])
            self._matcher = matcher
        return self._matcher

    def __call__(self, doc: Doc, words: _DocWords) -> list[tuple[int, int, int]]:
        """This pattern's matches in ``doc``."""
        steps = self.steps
        if steps is not None:
            if steps.first_words is not None:
                starts = words.positions(*steps.first_words)
            else:
                # Every match holds an anchor word, so it starts at most ``reach - 1`` tokens before one.
                assert self.reach is not None
                starts = sorted(
                    {s for i in words.positions(*self.anchor) for s in range(max(0, i - self.reach + 1), i + 1)}
                )
            first_tests, least, _ = steps.steps[0]
            if least:
                # Most starts fail on the first token; test it before setting up the full walk.
                starts = [s for s in starts if _holds(first_tests, words, s)]
            length = len(doc)
            return [(self.key_id, s, e) for s in starts for e in sorted(steps.ends(words, s, length)) if e > s]
        if self.reach is None:
            return list(self.matcher(doc))
        # Every match holds an anchor word, so it lies within ``reach`` tokens of one.
        windows: list[list[int]] = []
        for i in words.positions(*self.anchor):
            start, end = max(0, i - self.reach + 1), min(len(doc), i + self.reach)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        found: list[tuple[int, int, int]] = []
        for start, end in windows:
            found.extend((key, start + s, start + e) for key, s, e in self.matcher(doc[start:end]))
        return found


def _regex_only(pattern: Sequence[dict[str, Any]]) -> tuple[bool, re.Pattern[str]] | None:
    """(lowercase?, regex) of a one-token pattern that only tests its text with ``REGEX``; else None."""
    if len(pattern) != 1 or not isinstance(pattern[0], dict) or pattern[0].get("OP", "") != "":
        return None
    keys = set(pattern[0]) - {"OP"}
    if len(keys) != 1 or not keys <= {"TEXT", "ORTH", "LOWER"}:
        return None
    (key,) = keys
    value = pattern[0][key]
    if not isinstance(value, dict) or set(value) != {"REGEX"} or not isinstance(value["REGEX"], str):
        return None
    return key == "LOWER", re.compile(value["REGEX"])


class _TokenRegexes:
    """One-token patterns that test a token's text against a regex, as the Matcher would run them.

    These have no word to anchor on, so the Matcher would call each regex on
    every token of every draft. Drafts share most of their words, so the
    answer for each distinct text is kept (up to ``_MAX_TEXTS`` texts).
    """

    def __init__(self) -> None:
        self._patterns: list[tuple[int, bool, re.Pattern[str]]] = []
        #: Lowercase (True) or as written (False) -> text -> the keys of the patterns it matches.
        self._answers: dict[bool, dict[str, tuple[int, ...]]] = {False: {}, True: {}}

    def __len__(self) -> int:
        return len(self._patterns)

    def add(self, key: int, lower: bool, regex: re.Pattern[str]) -> None:
        """Add a pattern under the string id ``key``."""
        self._patterns.append((key, lower, regex))
        self._answers = {False: {}, True: {}}

    def __call__(self, words: _DocWords) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)`` for every token a pattern matches (the caller puts them in order)."""
        found: list[tuple[int, int, int]] = []
        # The texts (False) and lowercase texts (True) the patterns read.
        for lower in {on_lower for _, on_lower, _ in self._patterns}:
            answers = self._answers[lower]
            for i, text in enumerate(words.texts(lower)):
                keys = answers.get(text)
                if keys is None:
                    if len(answers) >= _MAX_TEXTS:
                        answers.clear()
                    keys = answers[text] = tuple(
                        key for key, on_lower, regex in self._patterns if on_lower == lower and regex.search(text)
                    )
                if keys:
                    found.extend((key, i, i + 1) for key in keys)
        return found


class TokenPatterns:
    """Matches token patterns exactly as one spaCy ``Matcher`` holding them all would, only faster.

    Patterns that only spell out words (see ``literal_sequences``) go to a
    ``PhraseMatcher`` per attribute. Every other pattern with a word test on
    a required token runs only on drafts that have a word for each such test,
    and there only in windows around its anchor's words. Patterns without
    one run on every draft. Called with a Doc, it returns ``(match_id,
    start, end)`` tuples like ``Matcher.__call__``, each match once.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._all: list[tuple[str, list[list[dict[str, Any]]]]] = []
        self._literals: dict[str, PhraseMatcher] = {}
        self._anchored: list[_Anchored] = []
        #: attribute -> string id -> indexes into ``_anchored``.
        self._anchors: dict[str, dict[int, list[int]]] = {}
        self._always = Matcher(vocab)
        self._regexes = _TokenRegexes()
        self._full: Matcher | None = None
        self._rest: Matcher | None = None
        #: Matchers for sets of codes (as string ids), see ``__call__``.
        self._by_keys: dict[frozenset[int], Matcher] = {}
        self._uses_lemma = False
        #: String ids of the words added so far (see ``string_id``).
        self._ids: dict[str, int] = {}

    def __len__(self) -> int:
        """How many patterns were added."""
        return sum(len(patterns) for _, patterns in self._all)

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        """Add token patterns under ``key``, as ``Matcher.add`` does."""
        self._all.append((key, patterns))
        self._full = self._rest = None
        self._by_keys = {}
        for pattern in patterns:
            self._uses_lemma = self._uses_lemma or any(
                isinstance(token, dict) and "LEMMA" in token for token in pattern
            )
            literal = literal_sequences(pattern)
            if literal is not None:
                attr, sequences = literal
                matcher = self._literals.get(attr)
                if matcher is None:
                    matcher = self._literals[attr] = PhraseMatcher(self.vocab, attr=attr)
                keys = [phrase_keys(self.vocab, words, self._ids) for words in sorted(sequences)]
                add_phrase_keys(matcher, key, keys)
                continue
            tests = _word_tests(pattern, self.vocab, self._ids)
            if not tests:
                regex = _regex_only(pattern)
                if regex is not None:
                    self._regexes.add(self.vocab.strings.add(key), *regex)
                else:
                    self._always.add(key, [pattern])
                continue
            self._anchored.append(_Anchored(self.vocab, key, pattern, tests))
            attr, ids = tests[0]
            by_word = self._anchors.setdefault(attr, {})
            for word in ids:
                by_word.setdefault(word, []).append(len(self._anchored) - 1)

    def _matcher(self, patterns: Iterable[tuple[str, list[list[dict[str, Any]]]]]) -> Matcher:
        matcher = Matcher(self.vocab)
        for key, group in patterns:
            matcher.add(key, group)
        return matcher

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Every ``(match_id, start, end)`` of every pattern in ``doc``."""
        if not self._all:
            return []
        if self._uses_lemma and not doc.has_annotation("LEMMA"):
            # Every pattern in one Matcher, as before the split, so that spaCy
            # raises its own error about the missing lemmatizer.
            if self._full is None:
                self._full = self._matcher(self._all)
            return list(self._full(doc))
        groups: list[Iterable[tuple[int, int, int]]] = [matcher(doc) for matcher in self._literals.values()]
        if len(self._always):
            groups.append(self._always(doc))
        words = _doc_words(doc)
        if len(self._regexes):
            groups.append(self._regexes(words))
        due = self._due(words)
        unbounded = [i for i in due if self._anchored[i].reach is None]
        if len(unbounded) > _MAX_DUE:
            # Many patterns that must read the whole draft (a long one): one pass for all of them.
            if self._rest is None:
                self._rest = self._matcher((p.key, [p.pattern]) for p in self._anchored if p.reach is None)
            groups.append(self._rest(doc))
            due = [i for i in due if self._anchored[i].reach is not None]
        groups.extend(self._anchored[i](doc, words) for i in due)
        found: list[tuple[int, int, int]] = sorted(
            {match for group in groups for match in group}, key=lambda match: match[1]
        )
        if len(found) < 2:
            return found
        # Some checks keep the first of two overlapping matches, so the order
        # must be the Matcher's own. A Matcher holding only the patterns of the
        # codes that matched, run over the stretch they matched in, gives
        # exactly that order (patterns do not interact inside a Matcher). A
        # Matcher reports a match at its last token or the one after, so
        # stretches that do not touch come in the order of the text.
        ordered: list[tuple[int, int, int]] = []
        cluster = [found[0]]
        reach = found[0][2]
        for match in found[1:]:
            if match[1] > reach:
                ordered.extend(self._in_order(doc, cluster))
                cluster = []
            cluster.append(match)
            reach = max(reach, match[2])
        ordered.extend(self._in_order(doc, cluster))
        return ordered

    def _in_order(self, doc: Doc, cluster: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        if len(cluster) == 1:
            return cluster
        keys = frozenset(key for key, _, _ in cluster)
        start, end = cluster[0][1], max(end for _, _, end in cluster)
        return [(key, start + s, start + e) for key, s, e in self._ordering(keys)(doc[start:end])]

    def _ordering(self, keys: frozenset[int]) -> Matcher:
        matcher = self._by_keys.pop(keys, None)
        if matcher is None:
            if len(self._by_keys) >= _MAX_CACHED:
                del self._by_keys[next(iter(self._by_keys))]  # the least recently used
            strings = self.vocab.strings
            matcher = self._matcher((key, patterns) for key, patterns in self._all if strings[key] in keys)
        self._by_keys[keys] = matcher  # (re)inserted last: the most recently used
        return matcher

    def _due(self, words: _DocWords) -> list[int]:
        due: set[int] = set()
        sets = words.sets
        for attr, by_word in self._anchors.items():
            for word in sets[attr] & by_word.keys():
                due.update(by_word[word])
        anchored = self._anchored
        # A pattern runs only if the draft has a word for each of its other tests too.
        return sorted(i for i in due if all(not ids.isdisjoint(sets[attr]) for attr, ids in anchored[i].others))


class WordSequences:
    """Short word sequences looked for in a run of words, indexed by their first word.

    Each entry is a sequence of positions; a position is one word or several
    alternatives joined by "|". A word fills a position by its lowercase form
    or its lemma. For the handful of cues a check reads sentence by sentence,
    where building a spaCy matcher would cost more than it saves.
    """

    def __init__(self, entries: Iterable[Sequence[str]]) -> None:
        """Index ``entries``; an empty entry is a lexicon error."""
        self._by_first: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for entry in entries:
            if not entry:
                raise ValueError("empty word sequence in a lexicon")
            sequence = tuple(frozenset(alternatives.split("|")) for alternatives in entry)
            for word in sequence[0]:
                self._by_first.setdefault(word, []).append(sequence)

    def found(self, forms: Sequence[tuple[str, str]]) -> bool:
        """Whether any sequence matches a run of ``forms`` ((lowercase, lemma) per word)."""
        for i, (lower, lemma) in enumerate(forms):
            candidates = self._by_first.get(lower, []) + (self._by_first.get(lemma, []) if lemma != lower else [])
            for sequence in candidates:
                end = i + len(sequence)
                if end <= len(forms) and all(
                    forms[i + k][0] in sequence[k] or forms[i + k][1] in sequence[k] for k in range(1, len(sequence))
                ):
                    return True
        return False


def lowercase_forms(tokens: Iterable[Token]) -> list[tuple[str, str]]:
    """``(lowercase, lowercase)`` per token: for WordSequences matched on the words as written, not lemmas."""
    return [(t.lower_, t.lower_) for t in tokens]
