"""Built lexicon matchers kept on disk, so that the next process loads them instead of building them.

Building the lexicon matchers (expanding word lists, working out which
patterns are plain phrases and which words anchor the rest) is about a
tenth of a second of every start, the same work each time. With a cache
directory set (the CLI sets one; a ``Linter`` only when given
``cache_dir``), each built matcher component is pickled there right after
it is built, before any draft reaches it, and later processes unpickle it
in about half the time.

What is kept is the lexicon compiled, never a draft: components are written
as they come out of their factory. A file is used only if its name carries
the same key: this format, Python's and spaCy's versions, the lemma data,
the pipeline's language and name, its tokenizer's special cases and affix
expressions, the component's name, and the size and modification time of
every netiquette source and lexicon file (as Python checks its own bytecode
caches). A file that cannot be read, belongs to another user, is writable
by others or names anything but netiquette's classes and spaCy's matcher
loaders is ignored and replaced. Any failure to read or write falls back to
building, silently: the cache only saves time.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from netiquette.config import env_flag

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.vocab import Vocab

#: Where the CLI keeps the cache instead of the user cache directory.
DIRECTORY_VARIABLE = "NETIQUETTE_CACHE_DIR"
#: Set to 1 (or true, yes, on) to keep the CLI from reading or writing the cache.
OFF_VARIABLE = "NETIQUETTE_NO_CACHE"
# Bump when what a file holds changes shape.
_FORMAT = 1
_SUFFIX = ".pickle"
# The only globals a cache file may name besides netiquette's own: how spaCy
# pickles its matchers (and the fuzzy comparison a Matcher keeps), and how
# Python pickles a compiled regex.
_ALLOWED = frozenset({
    ("spacy.matcher.phrasematcher", "unpickle_matcher"),
    ("spacy.matcher.matcher", "unpickle_matcher"),
    ("spacy.matcher.levenshtein", "levenshtein_compare"),
    ("re", "_compile"),
})  # fmt: skip

_directory: ContextVar[Path | None] = ContextVar("netiquette_matcher_cache", default=None)

T = TypeVar("T")


def default_directory(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The CLI's cache directory: ``NETIQUETTE_CACHE_DIR``, else the user cache directory; None if turned off."""
    if env_flag(environ, OFF_VARIABLE):
        return None
    if environ.get(DIRECTORY_VARIABLE):
        return Path(environ[DIRECTORY_VARIABLE])
    if sys.platform == "win32" and environ.get("LOCALAPPDATA"):
        return Path(environ["LOCALAPPDATA"], "netiquette", "Cache")
    base = environ.get("XDG_CACHE_HOME")
    return Path(base, "netiquette") if base else Path("~", ".cache", "netiquette").expanduser()


@contextlib.contextmanager
def using(directory: Path | None) -> Iterator[None]:
    """Within this block, ``load_or_build`` keeps components in ``directory`` (None: builds every time)."""
    token = _directory.set(directory)
    try:
        yield
    finally:
        _directory.reset(token)


def load_or_build(nlp: Language, name: str, build: Callable[[], T]) -> T:
    """The component ``build()`` makes for ``nlp``, from the cache if it holds one, else built (and kept).

    ``build`` must depend only on ``nlp``'s vocabulary, tokenizer and lemma
    data and on netiquette's own files, which is what the key covers.
    """
    directory = _directory.get()
    if directory is None:
        return build()
    path = directory / f"{name}-{_key(nlp, name)}{_SUFFIX}"
    loaded = _load(path, nlp.vocab)
    if loaded is not None:
        return loaded  # type: ignore[no-any-return]
    strings = set(nlp.vocab.strings)
    component = build()
    # The strings the build added: spaCy keeps only their hashes in the
    # matchers, and a match's label is looked up by its hash.
    added = [string for string in nlp.vocab.strings if string not in strings]
    _store(path, name, nlp.vocab, (added, component))
    return component


def _key(nlp: Language, name: str) -> str:
    from spacy.about import __version__ as spacy_version

    meta = nlp.meta
    parts = (
        _FORMAT, sys.version_info[:2], spacy_version, _lookups_version(), _sources(),
        nlp.lang, meta.get("name"), meta.get("version"), _tokenizer(nlp), name,
    )  # fmt: skip
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _tokenizer(nlp: Language) -> tuple[object, ...]:
    """What of the tokenizer a build reads: its class, how many special cases, its affix and token expressions.

    A plugin's ``netiquette_pipeline`` hook may change or replace it before
    the lexicons are read.
    """
    tokenizer = nlp.tokenizer
    # The class of the tokenizer inside netiquette's RunSplittingTokenizer.
    kind = type(getattr(tokenizer, "tokenizer", tokenizer))
    rules = getattr(tokenizer, "rules", None) or {}
    names = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")
    described = (_described(getattr(tokenizer, name, None)) for name in names)
    return (f"{kind.__module__}.{kind.__qualname__}", len(rules), *described)


def _described(function: object) -> str | None:
    # Usually a compiled expression's bound method, which its pattern describes.
    pattern = getattr(getattr(function, "__self__", None), "pattern", None)
    if isinstance(pattern, str) or function is None:
        return pattern
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', type(function).__qualname__)}"


def _lookups_version() -> str | None:
    try:
        from spacy_lookups_data import __version__  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return str(__version__)


@cache
def _sources() -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every netiquette source and lexicon file."""
    package = Path(__file__).parent
    found = []
    for folder in (package, package / "checks"):
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith((".py", ".json")) and entry.is_file():
                    stat = entry.stat()
                    found.append((f"{folder.name}/{entry.name}", stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, vocab: Vocab) -> None:
        super().__init__(io.BytesIO(data))
        self.vocab = vocab

    def persistent_load(self, pid: Any) -> Any:
        if pid != "vocab":
            raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")
        return self.vocab

    def find_class(self, module: str, name: str) -> Any:
        if not (module == "netiquette" or module.startswith("netiquette.") or (module, name) in _ALLOWED):
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a netiquette cache file")
        return super().find_class(module, name)


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, vocab: Vocab) -> None:
        from spacy.language import Language
        from spacy.vocab import Vocab

        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.vocab = vocab
        self.refused = (Language, Vocab)

    def persistent_id(self, obj: Any) -> Any:
        # The vocabulary is the pipeline's, not the component's: it is handed back on loading.
        if obj is self.vocab:
            return "vocab"
        if isinstance(obj, self.refused):
            raise pickle.PicklingError("a component that holds a pipeline or another vocabulary is not cached")
        return None


def _load(path: Path, vocab: Vocab) -> Any | None:
    try:
        with path.open("rb") as file:
            if not _trusted(os.fstat(file.fileno())):
                return None
            added, component = _Unpickler(file.read(), vocab).load()
        for string in added:
            vocab.strings.add(string)
    except Exception:  # any unreadable file means "build it"
        return None
    return component


def _trusted(stat: os.stat_result) -> bool:
    """Whether a file is the user's own and nobody else may write it (always true where there are no owners)."""
    if not hasattr(os, "getuid"):
        return True
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


def _store(path: Path, name: str, vocab: Vocab, payload: object) -> None:
    import tempfile  # only when a file is written: it imports random and shutil

    try:
        buffer = io.BytesIO()
        _Pickler(buffer, vocab).dump(payload)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Written under a temporary name (mode 0600) and renamed: a process
        # reading at the same time sees all of a file or none.
        handle, name_of_temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=_SUFFIX)
        temporary = Path(name_of_temporary)
    except Exception:  # a cache that cannot be written is only slower
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(buffer.getvalue())
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return
    # Files of this component under older keys will never be read again.
    for old in path.parent.glob(f"{glob.escape(name)}-*{_SUFFIX}"):
        if old != path and len(old.name) == len(path.name):
            with contextlib.suppress(OSError):
                old.unlink()
