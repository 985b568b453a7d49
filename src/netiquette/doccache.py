"""What a draft's checks read from its spaCy Doc, built once per Doc instead of on every read.

spaCy builds these afresh on each access: ``Doc.text`` joins every token's
text, and iterating a Doc creates a new ``Token`` object per token. A
draft's dozen checks read both many times over, so the values for the last
Doc read are kept until another Doc is read or the Linter has finished with
it (``forget``). The tokens refer to their Doc, so at most one Doc is kept
alive a little longer than its caller keeps it.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class _Cached:
    __slots__ = ("doc", "text", "tokens")

    def __init__(self, doc: Doc) -> None:
        self.doc = weakref.ref(doc)
        self.text: str | None = None
        self.tokens: tuple[Token, ...] | None = None


_last: _Cached | None = None


def _cached(doc: Doc) -> _Cached:
    global _last
    last = _last
    if last is None or last.doc() is not doc:
        last = _last = _Cached(doc)
    return last


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    cached = _cached(doc)
    if cached.text is None:
        cached.text = doc.text
    return cached.text


def tokens_of(doc: Doc) -> tuple[Token, ...]:
    """The Doc's tokens, created once per Doc: iterate or index this instead of the Doc."""
    cached = _cached(doc)
    # Pipeline components read the Doc through this cache too; a plugin's
    # component after them may have merged or split tokens since (which
    # keeps the text, so ``text_of`` stays right).
    if cached.tokens is None or len(cached.tokens) != len(doc):
        cached.tokens = tuple(doc)
    return cached.tokens


def tokens_in(span: Span) -> tuple[Token, ...]:
    """A span's (a sentence's) tokens, taken from ``tokens_of`` its Doc: iterating the span creates them anew."""
    return tokens_of(span.doc)[span.start : span.end]


def forget(doc: Doc) -> None:
    """Drop what is kept for ``doc``, so that it can be freed as soon as its caller lets go."""
    global _last
    if _last is not None and _last.doc() is doc:
        _last = None
