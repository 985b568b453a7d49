"""The author's own words in an outgoing RFC 5322 message, for ``netiquette-presend --sendmail``.

A mail client hands its sendmail command the whole message: headers, MIME
parts, the quoted message being answered, the signature. Only what the author
wrote now is judged:

- the ``text/plain`` parts that are not attachments (in ``multipart/alternative``
  the plain alternative); an HTML-only body is reduced to text with the
  standard library's ``html.parser``;
- without quoted lines (``>``), the attribution line above them
  ("On Tue, 3 Mar 2025, Priya wrote:"), a forwarded or "Original Message"
  block, a patch's diff (``git send-email``), and everything after the
  signature separator ``-- ``.

Transfer encodings (quoted-printable, base64) and declared charsets are decoded
with the standard ``email`` package. Nothing here changes the message: the
caller keeps the original bytes and sends those. Errors name the part and the
byte offset, never the message's words.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from email import errors, policy
from email.message import MIMEPart
from email.parser import BytesParser
from html.parser import HTMLParser

__all__ = ["AuthorText", "MailError", "author_text", "html_to_text", "parse_message", "strip_reply"]


class MailError(ValueError):
    """The message cannot be read; the text says what is wrong and where, never what the message says."""


@dataclass(frozen=True, slots=True)
class AuthorText:
    """What the author of a message wrote, and the text they answer.

    Attributes:
        text: the author's own words, the only text to judge.
        quoted: the quoted lines (without their ``>`` markers) the author
            answers, as context; None when nothing is quoted.
    """

    text: str
    quoted: str | None = None


# Defects that leave the body unknowable: a message with one is not judged, so not sent.
_FATAL_DEFECTS: dict[type[errors.MessageDefect], str] = {
    errors.MissingHeaderBodySeparatorDefect: "the header section does not end with a blank line",
    errors.FirstHeaderLineIsContinuationDefect: "the first header line is a continuation line",
    errors.NoBoundaryInMultipartDefect: "it is multipart but declares no boundary",
    errors.StartBoundaryNotFoundDefect: "its multipart boundary never occurs",
    errors.CloseBoundaryNotFoundDefect: "its multipart body is not closed (the message may be cut short)",
    errors.MultipartInvariantViolationDefect: "it is multipart but has no parts",
    errors.InvalidBase64PaddingDefect: "its base64 body has bad padding",
    errors.InvalidBase64CharactersDefect: "its base64 body has characters outside the base64 alphabet",
    errors.InvalidBase64LengthDefect: "its base64 body has an impossible length",
}
_ASCII = ("us-ascii", "ascii")


def parse_message(data: bytes) -> MIMEPart:
    """Parse the bytes of an RFC 5322 message with ``email.policy.default``.

    Raises:
        MailError: the input is empty, has no header fields, or its structure
            is broken (see ``_FATAL_DEFECTS``).
    """
    if not data.strip():
        raise MailError("the message is empty")
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not message.keys():
        raise MailError("the message has no header fields; expected headers, a blank line, then the body")
    for where, part in _numbered_parts(message, "the message"):
        _check_defects(part, where)
    return message


def author_text(data: bytes) -> AuthorText:
    """The author's own words in the message ``data``, and the quoted text they answer.

    The ``text/plain`` parts are used when there are any; otherwise the
    ``text/html`` parts, reduced to text. Attachments, other media types and
    attached messages are skipped. See ``strip_reply`` for what is removed.

    Raises:
        MailError: the message cannot be parsed or a part cannot be decoded.
    """
    message = parse_message(data)
    bodies: list[tuple[str, str]] = []
    _collect(message, "the message", bodies)
    plain = [text for kind, text in bodies if kind == "plain"]
    texts = plain or [html_to_text(text) for kind, text in bodies if kind == "html"]
    parts = [strip_reply(text) for text in texts]
    quoted = [part.quoted for part in parts if part.quoted is not None]
    return AuthorText(
        "\n\n".join(part.text for part in parts if part.text),
        "\n\n".join(quoted) if quoted else None,
    )


# -- MIME structure ------------------------------------------------------------


def _numbered_parts(part: MIMEPart, where: str) -> list[tuple[str, MIMEPart]]:
    found = [(where, part)]
    if part.get_content_maintype() == "multipart":
        for number, child in enumerate(part.iter_parts(), 1):
            found.extend(_numbered_parts(child, _child_label(where, number)))
    return found


def _check_defects(part: MIMEPart, where: str) -> None:
    for defect in part.defects:
        for kind, problem in _FATAL_DEFECTS.items():
            if isinstance(defect, kind):
                raise MailError(f"{where}: {problem}")


def _child_label(where: str, number: int) -> str:
    return f"part {number}" if where == "the message" else f"{where}.{number}"


def _contains(part: MIMEPart, content_type: str) -> bool:
    if part.get_content_maintype() == "multipart":
        return any(_contains(child, content_type) for child in part.iter_parts())
    return part.get_content_type() == content_type and not _is_attached(part)


def _is_attached(part: MIMEPart) -> bool:
    # A file the author attached (even shown inline) is not what they wrote now.
    return part.is_attachment() or part.get_filename() is not None


def _collect(part: MIMEPart, where: str, bodies: list[tuple[str, str]]) -> None:
    if _is_attached(part):
        return
    if part.get_content_maintype() == "multipart":
        children = [(_child_label(where, n), child) for n, child in enumerate(part.iter_parts(), 1)]
        subtype = part.get_content_subtype()
        if subtype == "alternative":
            # The plain alternative when there is one, else the HTML one.
            plain = [c for c in children if _contains(c[1], "text/plain")]
            children = (plain or [c for c in children if _contains(c[1], "text/html")])[:1]
        elif subtype in ("signed", "related"):
            children = children[:1]  # the content; then its signature, or the images it shows
        for label, child in children:
            _collect(child, label, bodies)
        return
    content_type = part.get_content_type()
    if content_type in ("text/plain", "text/html"):
        bodies.append(("plain" if content_type == "text/plain" else "html", _decode(part, where)))


def _decode(part: MIMEPart, where: str) -> str:
    payload = part.get_payload(decode=True)
    _check_defects(part, where)  # base64 problems are found while decoding
    data = payload if isinstance(payload, bytes) else b""
    declared = part.get_content_charset()
    if declared is not None and declared not in _ASCII:
        try:
            codecs.lookup(declared)
        except LookupError:
            raise MailError(f"{where}: declares a charset Python does not know ({declared[:40]!r})") from None
        return _normalized(data, declared, declared, where)
    if data.isascii():
        return _normalized(data, "ascii", "ASCII", where)
    # Undeclared or ASCII, yet 8-bit: such a body is almost always UTF-8.
    return _normalized(data, "utf-8", "UTF-8 (no charset is declared)", where)


def _normalized(data: bytes, charset: str, name: str, where: str) -> str:
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as exc:
        raise MailError(f"{where}: not valid {name} at byte offset {exc.start} of its decoded body") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- plain text: quotes, attribution, signature -----------------------------------

_QUOTE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_ATTRIBUTION = re.compile(r"(?:\bwrote|^[ \t]*On\b.*):[ \t]*$", re.IGNORECASE)
_ATTRIBUTION_START = re.compile(r"^[ \t]*On\s", re.IGNORECASE)
_FORWARDED = re.compile(r"^[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}[ \t]*$", re.IGNORECASE)
_DIFF = re.compile(r"^diff --git ")


def _is_quoted(line: str) -> bool:
    return line.lstrip(" \t").startswith(">")


def _end_of_authored(lines: list[str]) -> int:
    """Index of the first line that is no longer the author's: signature, forwarded block or diff."""
    for number, line in enumerate(lines):
        if _is_quoted(line):
            continue
        if line.rstrip() == "--" or _FORWARDED.match(line):
            return number
        if _DIFF.match(line):
            # A patch: the commit message ends at git's "---" line above the diffstat.
            separators = [n for n in range(number) if lines[n].rstrip() == "---"]
            return separators[-1] if separators else number
    return len(lines)


def _content_index(lines: list[str], start: int, step: int) -> int | None:
    """The index of the nearest non-blank line from ``start`` in direction ``step``."""
    number = start
    while 0 <= number < len(lines):
        if lines[number].strip():
            return number
        number += step
    return None


def _is_attribution(lines: list[str], number: int) -> bool:
    if _is_quoted(lines[number]) or not _ATTRIBUTION.search(lines[number]):
        return False
    following = _content_index(lines, number + 1, 1)
    return following is None or _is_quoted(lines[following])


def strip_reply(text: str) -> AuthorText:
    """Split plain text into what the author wrote and what they quote.

    Removed: lines starting with ``>`` (they become ``quoted``); the
    attribution line ("On ..., Priya wrote:", also when wrapped onto two
    lines) right above quoted lines or at the very end; and everything from
    the signature separator ``-- ``, a "Forwarded message" or "Original
    Message" line, or a patch's ``---`` and ``diff --git`` lines onwards. Each
    removed stretch becomes one blank line, so the author's paragraphs stay apart.
    """
    every_line = text.split("\n")
    quoted = [_QUOTE_MARKERS.sub("", line, count=1) for line in every_line if _is_quoted(line)]
    lines = every_line[: _end_of_authored(every_line)]
    dropped = [_is_quoted(line) for line in lines]
    for number in range(len(lines)):
        if not _is_attribution(lines, number):
            continue
        dropped[number] = True
        previous = _content_index(lines, number - 1, -1)
        if (
            previous is not None
            and not _ATTRIBUTION_START.match(lines[number])
            and _ATTRIBUTION_START.match(lines[previous])
            and not lines[previous].rstrip().endswith((".", "!", "?", ":"))
        ):
            dropped[previous] = True  # "On Tue, 3 Mar 2025 at 10:00, Priya Shah <" + "priya@example.com> wrote:"
    kept: list[str] = []
    gap = False  # the last kept line is the blank line standing for a removed stretch
    for line, drop in zip(lines, dropped, strict=True):
        if drop:
            if kept and kept[-1].strip():
                kept.append("")
                gap = True
        elif not (gap and not line.strip()):
            kept.append(line)
            gap = False
    return AuthorText("\n".join(kept).strip("\n"), "\n".join(quoted).strip("\n") if quoted else None)


# -- HTML ----------------------------------------------------------------------

_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_HIDDEN = frozenset("head script style template title".split())
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class _Line:
    quote_depth: int
    pre: bool
    pieces: list[str]

    def render(self) -> str:
        text = "".join(self.pieces)
        text = text.rstrip() if self.pre else text.strip()
        return f"{'> ' * self.quote_depth}{text}".rstrip() if text and self.quote_depth else text


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML body; blockquote lines get ``>`` markers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.quote_depth = 0
        self.hidden = 0
        self.pre = 0
        self.lines = [self._new_line()]

    def _new_line(self) -> _Line:
        return _Line(self.quote_depth, self.pre > 0, [])

    def _break(self, *, force: bool = False) -> None:
        if force or "".join(self.lines[-1].pieces).strip():
            self.lines.append(self._new_line())
        else:  # an empty line takes on the depth where its text will start
            self.lines[-1] = self._new_line()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self._break(force=True)
        elif tag in _BLOCKS:
            if tag == "blockquote":
                self.quote_depth += 1
            elif tag == "pre":
                self.pre += 1
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._break(force=True)
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            if tag == "blockquote":
                self.quote_depth = max(0, self.quote_depth - 1)
            elif tag == "pre":
                self.pre = max(0, self.pre - 1)
            self._break()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if not self.pre:
            self.lines[-1].pieces.append(_SPACES.sub(" ", data))
            return
        first, *rest = data.split("\n")
        self.lines[-1].pieces.append(first)
        for line in rest:
            self.lines.append(self._new_line())
            self.lines[-1].pieces.append(line)

    def text(self) -> str:
        text = "\n".join(line.render() for line in self.lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def html_to_text(html: str) -> str:
    """The visible text of an HTML body, one line per block or ``<br>``.

    Scripts, styles and the head are dropped, entities decoded and runs of
    white space collapsed (except in ``<pre>``). Text inside ``<blockquote>``
    comes out as ``>``-quoted lines, so that ``strip_reply`` treats it as the
    quoted message.
    """
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return extractor.text()
