"""Reading drafts from files, stdin and JSON Lines batches, with errors that never quote the draft."""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from netiquette.pipeline import MAX_CHARS

# UTF-8 needs at most four bytes a character; reading one byte past this tells
# an oversize input apart without reading all of it.
_MAX_BYTES = MAX_CHARS * 4
_CONTEXT_KEYS = ("channel", "first_contact", "reply_to")


class InputError(ValueError):
    """An input cannot be read as a draft; the message gives sizes and offsets, never content."""


def _label(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _unreadable(path: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{path}: no such file")
    if isinstance(exc, PermissionError):
        return InputError(f"{path}: permission denied")
    return InputError(f"{path}: cannot read ({exc.strerror or type(exc).__name__})")


def read_bytes(path: str, *, whole: bool = False) -> bytes:
    """The bytes of the draft at ``path`` (``-`` for stdin).

    Reads at most one byte past the size limit, so an oversize draft is
    recognised without reading all of it; ``whole=True`` reads everything
    (for passing a draft on unchanged).

    Raises:
        InputError: a directory, a missing or unreadable file; the message
            names the path, never the content.
    """
    limit = -1 if whole else _MAX_BYTES + 1
    if path == "-":
        return sys.stdin.buffer.read(limit)
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{path}: is a directory; give draft files, or '-' for stdin")
    try:
        with target.open("rb") as handle:
            return handle.read(limit)
    except OSError as exc:
        raise _unreadable(path, exc) from None


def decode(data: bytes, encoding: str, label: str) -> str:
    """Decode a draft strictly; a leading byte-order mark is dropped.

    Raises:
        InputError: undecodable bytes (with the byte offset), unknown encoding,
            or a draft over the size limit.
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{label}: not valid {encoding} at byte offset {exc.start}; pass --encoding if it uses another encoding"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > MAX_CHARS or len(data) > _MAX_BYTES:
        raise InputError(f"{label}: draft is over the limit of {MAX_CHARS:,} characters")
    return text


def read_draft(path: str, encoding: str = "utf-8") -> tuple[str, str | None]:
    """Read one draft from a file path or ``-`` (stdin).

    Returns the text and the label to report it under (None for stdin).

    Raises:
        InputError: a directory, a missing or unreadable file, bad encoding, too large.
    """
    return decode(read_bytes(path), encoding, _label(path)), (None if path == "-" else path)


@dataclass(frozen=True)
class BatchRecord:
    """One line of a JSON Lines batch: a draft with its context, or the reason it is unusable."""

    line: int
    text: str = ""
    id: Any = None
    context: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def failed(self, error: str) -> BatchRecord:
        """The same record marked unusable."""
        return replace(self, text="", error=error)


def read_jsonl(path: str, encoding: str = "utf-8") -> Iterator[BatchRecord]:
    """Read a JSON Lines batch lazily; blank lines are skipped.

    Each object needs ``text`` (a string) and may have ``id``, ``channel``,
    ``first_contact`` and ``reply_to``. A line that breaks these rules is
    yielded with ``error`` set, so that the caller can keep output aligned.

    Raises:
        InputError: the file cannot be opened.
    """
    if path != "-" and Path(path).is_dir():
        raise InputError(f"{path}: is a directory; --jsonl needs a JSON Lines file")
    try:
        stream: BinaryIO = sys.stdin.buffer if path == "-" else Path(path).open("rb")  # noqa: SIM115
    except OSError as exc:
        raise _unreadable(path, exc) from None
    with stream:
        for number, raw in enumerate(stream, 1):
            if raw.strip():
                yield _parse_line(raw, number, encoding)


def _parse_line(raw: bytes, number: int, encoding: str) -> BatchRecord:
    try:
        line = decode(raw, encoding, f"line {number}")
    except InputError as exc:
        return BatchRecord(number, error=str(exc).removeprefix(f"line {number}: "))
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return BatchRecord(number, error=f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(data, dict):
        return BatchRecord(number, error=f"expected a JSON object, got {type(data).__name__}")
    record_id = data.get("id")
    if not isinstance(data.get("text"), str):
        return BatchRecord(number, id=record_id, error="missing 'text', or it is not a string")
    unknown = sorted(set(data) - {"text", "id", *_CONTEXT_KEYS})
    if unknown:
        return BatchRecord(number, id=record_id, error=f"unknown key {unknown[0]!r}")
    context = {key: data[key] for key in _CONTEXT_KEYS if key in data}
    return BatchRecord(number, data["text"], record_id, context)
