"""Skip a regular expression cheaply when the text lacks a string every match must contain.

A check that runs a hundred regular expressions over each draft pays for
every one at every position, although most cannot match: "you are a
nightmare to work with" cannot match a draft without "nightmare". The
pattern is read once (with the ``re`` module's own parser) for a set of
literal strings one of which every match contains; a draft that contains
none of them is skipped without running the pattern.

The parser is a private module of the standard library (``re._parser``,
``sre_parse`` before Python 3.11). If it is missing or changes shape, no
literals are found and every pattern simply runs: the filter can make a
check faster, never different.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

_sre: Any
try:  # Python 3.11+
    from re import _parser as _sre  # type: ignore[attr-defined,no-redef]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre

_REPEATS = frozenset(
    getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name)
)
_GROUPS = frozenset(getattr(_sre, name) for name in ("SUBPATTERN", "ATOMIC_GROUP") if hasattr(_sre, name))
#: A literal shorter than this is in nearly every draft, so it filters nothing.
_SHORTEST_USEFUL = 3
#: A common English word shorter than this ("you", " and ", "here") filters nothing either;
#: a longer one ("nothing", "nobody") is kept for patterns that have nothing rarer.
_SHORTEST_COMMON = 5
#: Slots are replaced by characters from Unicode's private use area while a template is read.
_FIRST_MARK = 0xF0000
#: Code point of a slot's mark -> the literals the slot needs (None: nothing certain).
Marks = dict[int, "frozenset[str] | None"]


def required_literals(template: str, slots: Mapping[str, str] | None = None) -> frozenset[str] | None:
    """Strings one of which every match contains, or None if none were found.

    ``template`` is a regular expression in which ``{name}`` stands for the
    regular expression ``slots[name]``, as if it were a group; each slot is
    read once however many templates use it, which is far cheaper than
    reading every expanded pattern. The strings are chosen to filter well:
    none is shorter than three characters or a common English word of fewer
    than five letters. Of several candidate sets, one without common words
    wins, then the one whose shortest string is longest, then the smallest.
    Case-insensitive patterns get None.
    """
    try:
        marks: dict[int, frozenset[str] | None] = {}
        for number, (name, source) in enumerate(sorted((slots or {}).items())):
            mark = chr(_FIRST_MARK + number)
            if "{" + name + "}" in template:
                template = template.replace("{" + name + "}", mark)
                marks[ord(mark)] = _slot(source)
        parsed = _sre.parse(template)
        if parsed.state.flags & re.IGNORECASE:
            return None
        return _best(_sequence(list(parsed), marks))
    except Exception:  # a private parser that changed shape: no filter, never an error
        return None


def literals_digest(jobs: Sequence[tuple[str, Mapping[str, str]]]) -> str:
    """A digest of ``(template, slots)`` pairs: the inputs of their ``required_literals``."""
    # Most jobs share one slots mapping (some 10,000 characters): it is
    # serialised and hashed once, and each job names it by number.
    numbers: dict[int, int] = {}
    slot_texts: list[str] = []
    parts = []
    for template, slots in jobs:
        number = numbers.get(id(slots))
        if number is None:
            number = numbers[id(slots)] = len(slot_texts)
            slot_texts.append(json.dumps(dict(slots), sort_keys=True))
        parts.append([template, number])
    return hashlib.sha256(json.dumps([slot_texts, parts]).encode("utf-8")).hexdigest()


def shipped_literals(
    jobs: Sequence[tuple[str, Mapping[str, str]]], shipped: Mapping[str, Any] | None
) -> list[frozenset[str] | None]:
    """``required_literals`` of each ``(template, slots)`` pair, taken from ``shipped`` if it was made from them.

    ``shipped`` is ``{"digest": literals_digest(jobs), "literals": [[...] or null, ...]}``, as a build
    script writes it. When the templates or slots changed since (another digest), or nothing was
    shipped, the literals are worked out here: slower, never wrong.
    """
    if shipped is not None and shipped.get("digest") == literals_digest(jobs):
        return [None if literals is None else frozenset(literals) for literals in shipped["literals"]]
    return [required_literals(template, slots) for template, slots in jobs]


@cache
def _slot(source: str) -> frozenset[str] | None:
    return required_literals(f"(?:{source})")


def _useful(literal: str) -> bool:
    # Three characters at least, and not a short common word ("you", " and "), which nearly every draft has.
    return len(literal) >= _SHORTEST_USEFUL and not (_common(literal) and len(literal.strip()) < _SHORTEST_COMMON)


def _common(literal: str) -> bool:
    return literal.strip() in STOP_WORDS


def _best(candidates: Iterable[frozenset[str]]) -> frozenset[str] | None:
    useful = [c for c in candidates if c and all(map(_useful, c))]
    if not useful:
        return None
    # A set without common words first (a draft has "nothing" more often than "moron"),
    # then the one whose shortest string is longest, then the smallest.
    return max(useful, key=lambda c: (not any(map(_common, c)), min(min(map(len, c)), 8), -len(c)))


def _sequence(items: list[tuple[Any, Any]], marks: Marks) -> list[frozenset[str]]:
    """Candidate sets for a sequence: its runs of literal characters and each item's own best set."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is _sre.LITERAL and value not in marks:
            run.append(chr(value))
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        needed = marks[value] if op is _sre.LITERAL else _item(op, value, marks)
        if needed is not None:
            candidates.append(needed)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return candidates


def _item(op: Any, value: Any, marks: Marks) -> frozenset[str] | None:
    """A set of strings one of which every match of one item contains, or None."""
    if op in _GROUPS:
        subpattern = value[-1]
        if op is _sre.SUBPATTERN and value[1] & re.IGNORECASE:
            return None
        return _best(_sequence(list(subpattern), marks))
    if op in _REPEATS:
        low, _, subpattern = value
        return _best(_sequence(list(subpattern), marks)) if low >= 1 else None
    if op is _sre.BRANCH:
        union: set[str] = set()
        for branch in value[1]:
            needed = _whole(list(branch), marks)
            if needed is None:
                return None
            union |= needed
        return frozenset(union)
    if op is _sre.IN and value and all(kind is _sre.LITERAL and code in marks for kind, code in value):
        # The parser turns an alternation of slots alone, "(?:{a}|{b})", into a class of their marks.
        sets = [marks[code] for _, code in value]
        return None if None in sets else frozenset().union(*sets)  # type: ignore[arg-type]
    # Lookarounds, anchors, classes, any character, back-references: nothing certain.
    return None


def _whole(items: list[tuple[Any, Any]], marks: Marks) -> frozenset[str] | None:
    """For one branch of an alternation: its best set, or the branch itself when it is all literal."""
    if items and all(op is _sre.LITERAL and value not in marks for op, value in items):
        return frozenset(["".join(chr(value) for _, value in items)])
    return _best(_sequence(items, marks))


class LiteralIndex:
    """Finds which of many literals a text contains, in one pass over the text.

    The literals are indexed by their first three characters, so a text is
    read once for its three-character pieces, and only literals starting
    with one of them are looked for.

    Args:
        literal_sets: the sets ``required_literals`` returned, one per pattern
            (None: the pattern may match any text).
    """

    def __init__(self, literal_sets: Iterable[frozenset[str] | None]) -> None:
        by_start: dict[str, set[str]] = {}
        #: literal -> positions of the sets holding it; positions of the None sets.
        self._owners: dict[str, list[int]] = {}
        self._always: list[int] = []
        for position, literals in enumerate(literal_sets):
            if literals is None:
                self._always.append(position)
            for literal in literals or ():
                by_start.setdefault(literal[:_SHORTEST_USEFUL], set()).add(literal)
                self._owners.setdefault(literal, []).append(position)
        self._by_start = {start: tuple(sorted(group)) for start, group in by_start.items()}

    def found(self, text: str, text_pieces: set[str] | None = None) -> frozenset[str]:
        """The indexed literals that occur in ``text``.

        ``text_pieces`` is ``pieces(text)``, for a caller that reads one text with several indexes.
        """
        if text_pieces is None:
            text_pieces = pieces(text)
        by_start = self._by_start
        return frozenset(
            literal for start in text_pieces & by_start.keys() for literal in by_start[start] if literal in text
        )

    def possible(self, text: str, text_pieces: set[str] | None = None) -> list[int]:
        """Positions (in ``literal_sets``) of the patterns that may match ``text``, in order.

        The same as testing ``may_match(sets[i], found(text))`` for every
        ``i``, without visiting the patterns ruled out: with hundreds of
        patterns, that loop cost more than the few patterns left to run.
        """
        owners = self._owners
        positions = set(self._always)
        for literal in self.found(text, text_pieces):
            positions.update(owners[literal])
        return sorted(positions)


def pieces(text: str) -> set[str]:
    """The three-character pieces of ``text``, by which a ``LiteralIndex`` finds its literals in it."""
    size = _SHORTEST_USEFUL
    return {text[i : i + size] for i in range(len(text) - size + 1)}


def may_match(literals: frozenset[str] | None, found: frozenset[str]) -> bool:
    """False only when a pattern needing one of ``literals`` cannot match a text containing just ``found``."""
    return literals is None or not literals.isdisjoint(found)
