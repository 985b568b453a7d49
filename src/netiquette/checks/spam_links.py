"""spam-links: links used the way spam uses them.

What it does
    Finds drafts that are nothing but a link, shortened links that hide where
    they go, several links in one message, tracking parameters left in a URL,
    links sent to a stranger in a first message, bare domains offered as a
    link next to bait, bait wording around a link ("click here", "claim your
    reward", "see who viewed your profile", "link in bio", an arrow pointing
    at the URL) and domains that look like spam (heavily abused top-level
    domains, bait words in the host name, raw IP addresses).

Why is this bad
    A link asks the reader to trust you with a click. From someone they do
    not know yet, or dressed up the way phishing is, it reads as spam: many
    people delete the message, and some report it. A link they asked for, or
    one article shared with a sentence on why it matters, is welcome.

Context
    To a stranger (a first contact in a DM or a comment under someone else's
    post, and any invitation note) a link is a warning; in an email or a
    thread reply to a stranger, or to a reference site such as Wikipedia or
    arXiv, a single link is a hint. Two links to any stranger are too many.
    To someone the author
    knows, a clean link is not reported, and three or more are a warning
    only when the draft is little more than a list of links. Shortened
    links, tracking parameters, suspicious domains and scam bait are
    warnings everywhere (scam bait to a stranger is an error); softer bait
    ("click here", an arrow) is a hint except to a stranger. A draft that
    is only a link is a warning in public and to a stranger. Links in quoted
    lines, in quotation marks or in backticks, and links the author only
    gives as an example ("links like ..."), are not judged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from netiquette.checks._authorship import QUOTES_KEY, is_negated, is_quoted
from netiquette.checks._base import LexiconCheck
from netiquette.checks._matching import LexiconMatcher, load_lexicon
from netiquette.context import Context
from netiquette.doccache import text_of, tokens_of
from netiquette.hookspecs import hookimpl
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

FACTORY = "netiquette_spam_links"
LEXICON = "spam_links.json"
#: Every link the matcher found, labelled ``url`` (with a scheme or ``www.``) or ``domain`` (a bare domain).
LINKS_KEY = f"{FACTORY}.links"

LINK_ONLY, SHORTENER, MANY_LINKS, TRACKING, STRANGER, BARE_DOMAIN, BAIT, SUSPICIOUS = (
    "SL101", "SL102", "SL103", "SL104", "SL105", "SL106", "SL107", "SL108",
)  # fmt: skip

RULES = (
    Rule(
        LINK_ONLY,
        "link-only-message",
        "A draft that is just a link, with at most a word or two around it.",
        "A link with nothing around it gives the reader no reason to click and looks exactly like automated "
        "spam, so it is often ignored or reported.",
        Severity.WARNING,
        "Add a sentence on what the link is and why you think it is useful to this person "
        '("This talk covers the caching question you asked about: ...").',
    ),
    Rule(
        SHORTENER,
        "shortened-link",
        "A shortened or redirecting link (bit.ly, tinyurl.com, t.co, linktr.ee ...).",
        "A shortened link hides where it goes, and phishing relies on exactly that, so careful readers will not "
        "click it and some filters drop the message.",
        Severity.WARNING,
        "Paste the full address so the reader can see the site before clicking.",
    ),
    Rule(
        MANY_LINKS,
        "too-many-links",
        "Several links in one message (three or more; two or more to a stranger).",
        "A message full of links reads like a newsletter or a link farm rather than a note to one person, and "
        "spam filters count links too.",
        Severity.WARNING,
        "Keep the one link that matters most and offer the rest if they are interested.",
    ),
    Rule(
        TRACKING,
        "tracking-parameters",
        "A link carrying tracking parameters (utm_source, fbclid, gclid, mc_eid ...).",
        "Tracking parameters tell the reader they are a row in a campaign report, and they make a personal "
        "note look like marketing.",
        Severity.WARNING,
        'Delete everything from the "?" onward (or at least the utm_/fbclid/gclid parts) before you send.',
    ),
    Rule(
        STRANGER,
        "link-to-stranger",
        "A link sent to someone in a first message.",
        "A link is the first thing a stranger has to trust you with, and an unexplained one from someone they "
        "have never met looks like spam or phishing.",
        Severity.WARNING,
        "Start the conversation without it: say why you are writing and offer to share the link if they would like it.",
    ),
    Rule(
        BARE_DOMAIN,
        "bare-domain-bait",
        "A bare domain (no https://) offered as a link next to bait wording.",
        "A bare address pushed with bait wording is how spam slips past link filters, so readers treat it as spam.",
        Severity.WARNING,
        "If the link is genuinely useful, give the full https:// address with one plain sentence on what it is.",
    ),
    Rule(
        BAIT,
        "link-bait",
        'Bait wording around a link ("click here", "claim your reward", "see who viewed your profile", '
        '"link in bio", an arrow at a URL).',
        "Bait wording is the language of scams and clickbait; even a genuine link loses the reader's trust "
        "when it is sold this way.",
        Severity.WARNING,
        'Say plainly what the link is ("my write-up of the migration, about 5 minutes") and let the reader decide.',
    ),
    Rule(
        SUSPICIOUS,
        "suspicious-domain",
        "A link to a domain that looks like spam (abused top-level domain, bait words in the host, an IP address).",
        "Addresses like free-prizes-now.xyz look like phishing whatever they lead to, and readers and filters "
        "will not trust them.",
        Severity.WARNING,
        "Link to the page on a well-known, recognisable domain, or describe what you want to share instead.",
    ),
)

#: Tiers of a bait match, stored as the span's ``kb_id``.
STRONG, WEAK, POINTER, ARROW = "", "weak", "pointer", "arrow"

#: At most this many words besides links, and the draft is "just a link".
LINK_ONLY_WORDS = 2
#: A draft with fewer words than this per link is a list of links.
LINK_LIST_WORDS_PER_LINK = 5
#: How many tokens back a cue word may be for a bare domain, or an arrow for a link.
_CUE_WINDOW = 3

# Each pattern is linear: a fixed prefix and one bounded character class, or
# a bounded run that must end in a dot and a bounded run of letters.
_URL_CHARS = r"[^\s<>\"'`\[\]{}|\\^“”‘’«»]"
_URL = re.compile(r"(?i)(?:\b(?:https?|ftp)://|(?<![\w@./-])www\.)" + _URL_CHARS + r"{1,2048}")
_BARE = re.compile(
    r"(?<![\w@./:\\-])[A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,24}(?![\w@-])(?:/" + _URL_CHARS + "{0,2048})?"
)
_SCHEME = re.compile(r"(?i)^(?:https?|ftp)://")
_IPV4 = re.compile(r"^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$")
_CODE = re.compile(r"`[^`\n]{1,2048}`")
_TRAILING = ".,;:!?*_~"
_VARIATION_SELECTOR = "\ufe0f"
# How the shared quote finder's spans open, except reported speech: a quoted
# line, a quotation mark, or an "On ... wrote:" line.
_QUOTE_OPENERS = frozenset('>"“”‘')


@dataclass(frozen=True, slots=True)
class Link:
    """One link found in a text: where it is and what it is made of.

    ``host`` is lowercase without ``www.``; ``bare`` is true for a domain
    written without a scheme or ``www.``; ``userinfo`` is true when the
    address hides its real host behind an ``@``.
    """

    start: int
    end: int
    host: str
    path: str
    query: str
    bare: bool
    userinfo: bool = False


class LinkFinder:
    """Finds links in plain text: URLs with a scheme or ``www.``, and bare domains with a known top-level domain."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        bare = lexicon["bare_domain"]
        self.tlds = frozenset(lexicon["tlds"])
        self.bare_tlds = self.tlds - frozenset(bare["excluded_tlds"])
        self.path_only_tlds = frozenset(bare["path_only_tlds"])

    def find(self, text: str) -> list[Link]:
        """Every link in ``text``, in order; bare domains inside a URL are not counted twice."""
        urls = [link for m in _URL.finditer(text) if (link := self._url(text, m.start(), m.end())) is not None]
        starts = [link.start for link in urls]
        links = list(urls)
        for m in _BARE.finditer(text):
            # URLs do not overlap each other, so only the last one starting before this match can contain it.
            before = bisect_right(starts, m.start()) - 1
            if before >= 0 and urls[before].end > m.start():
                continue
            link = self._bare(text, m.start(), m.end())
            if link is not None:
                links.append(link)
        return sorted(links, key=lambda link: link.start)

    def _url(self, text: str, start: int, end: int) -> Link | None:
        end = _trim(text, start, end)
        url = text[start:end]
        rest = _SCHEME.sub("", url)
        authority, path, query = _split(rest)
        userinfo = "@" in authority
        host = authority.rpartition("@")[2].split(":", 1)[0].rstrip(".").lower()
        host = host.removeprefix("www.")
        if not host or host.startswith(".") or ".." in host:
            return None
        return Link(start, end, host, path, query, bare=False, userinfo=userinfo)

    def _bare(self, text: str, start: int, end: int) -> Link | None:
        end = _trim(text, start, end)
        authority, path, query = _split(text[start:end])
        labels = authority.split(".")
        tld = labels[-1].lower()
        has_path = bool(path.strip("/"))
        if tld not in self.bare_tlds or (tld in self.path_only_tlds and not has_path):
            return None
        if labels[-1] != tld and not has_path:
            return None  # "ASP.NET", "over.It": a name or a missing space, not an address
        names = labels[:-1]
        if any(not label or label.startswith("-") or label.endswith("-") for label in names):
            return None
        if not any(ch.isalpha() for label in names for ch in label):
            return None
        return Link(start, end, authority.lower().removeprefix("www."), path, query, bare=True)


def _trim(text: str, start: int, end: int) -> int:
    """Drop sentence punctuation and unbalanced closing brackets from the end of a link."""
    opened, closed = text.count("(", start, end), text.count(")", start, end)
    while end > start:
        last = text[end - 1]
        if last == ")" and opened < closed:
            closed -= 1
        elif last not in _TRAILING:
            break
        end -= 1
    return end


def _split(address: str) -> tuple[str, str, str]:
    """Split ``host/path?query#fragment`` (no scheme) into authority, path and query."""
    cut = len(address)
    for mark in "/?#":
        index = address.find(mark)
        if index != -1:
            cut = min(cut, index)
    authority, tail = address[:cut], address[cut:]
    tail = tail.split("#", 1)[0]
    path, _, query = tail.partition("?")
    return authority, path, query


class SpamLinkMatcher(LexiconMatcher):
    """Bait wording in every tier, plus every link in the draft.

    Bait spans land in ``doc.spans[name]`` labelled ``SL107`` with their tier
    (strong "", weak, pointer, arrow) as ``kb_id``. Links land in
    ``doc.spans[name + ".links"]`` labelled ``url`` or ``domain``; a bare
    domain counts only when it has a path or a cue word ("my site:",
    "visit") comes just before it, and a link given as an example ("links
    like ...") or in backticks does not count.
    """

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, Any]) -> None:
        super().__init__(nlp, name, lexicon)
        self.links_key = f"{name}.links"
        # Strongest first: "click the link in my bio" is a pointer, not just a click.
        self.tiers = [
            (POINTER, LexiconMatcher(nlp, name, {"rules": {BAIT: lexicon["pointers"]}})),
            (WEAK, LexiconMatcher(nlp, name, {"rules": {BAIT: lexicon["weak_bait"]}})),
        ]
        self.finder = LinkFinder(lexicon)
        self.arrows = frozenset(lexicon["arrows"])
        self.mention_cues = frozenset(lexicon["mention_cues"])
        self.bare_cues = frozenset(lexicon["bare_domain"]["cues"])

    def __call__(self, doc: Doc) -> Doc:
        """Store bait spans in ``doc.spans[name]`` and link spans in ``doc.spans[name + ".links"]``."""
        links = self._links(doc)
        found = _matched(self, doc, STRONG)
        for tier, matcher in self.tiers:
            found.extend(_matched(matcher, doc, tier))
        found.extend(self._arrows(doc, links))
        # Strongest tier first; a weaker match overlapping a stronger one adds nothing.
        taken: set[int] = set()
        bait = []
        for span in found:
            if not taken.intersection(range(span.start, span.end)):
                bait.append(span)
                taken.update(range(span.start, span.end))
        doc.spans[self.name] = bait
        doc.spans[self.links_key] = links
        return doc

    def _links(self, doc: Doc) -> list[Span]:
        code = [(m.start(), m.end()) for m in _CODE.finditer(text_of(doc))]
        code_starts = [start for start, _ in code]
        spans = []
        for link in self.finder.find(text_of(doc)):
            inside = bisect_right(code_starts, link.start) - 1
            if inside >= 0 and code[inside][1] > link.start:
                continue  # `https://bit.ly/x` in backticks is code or an example
            label = "domain" if link.bare else "url"
            span = doc.char_span(link.start, link.end, label=label, alignment_mode="expand")
            if span is None or not len(span) or self._is_example(span):
                continue
            if link.bare and not (link.path.strip("/") or self._cued(span)):
                continue
            spans.append(span)
        return spans

    def _is_example(self, span: Span) -> bool:
        """Whether the link is given as an example ("avoid links like https://bit.ly/x")."""
        doc = span.doc
        before = [t for t in doc[max(0, span.start - 2) : span.start] if not t.is_space]
        if not before:
            return False
        last = before[-1].lower_
        if last == "as":
            return len(before) > 1 and before[-2].lower_ == "such"
        return last in self.mention_cues

    def _cued(self, span: Span) -> bool:
        """Whether a cue word or an arrow comes just before a bare domain, in the same sentence."""
        doc = span.doc
        for i in range(span.start - 1, max(span.sent.start, span.start - _CUE_WINDOW) - 1, -1):
            token = doc[i]
            if token.like_url:
                return False  # the cue belongs to the link before this one
            if token.lemma_ in self.bare_cues or token.lower_ in self.bare_cues or self._is_arrow(token):
                return True
        return False

    def _is_arrow(self, token: Token) -> bool:
        return token.text.replace(_VARIATION_SELECTOR, "") in self.arrows

    def _arrows(self, doc: Doc, links: list[Span]) -> list[Span]:
        """An arrow emoji (or ``->``) just before a link points the reader at it."""
        spans = []
        for link in links:
            for i in range(link.start - 1, max(-1, link.start - 1 - _CUE_WINDOW), -1):
                token = doc[i]
                if self._is_arrow(token):
                    end = i + 1
                    if end < link.start and doc[end].text == _VARIATION_SELECTOR:
                        end += 1
                    spans.append(Span(doc, i, end, label=BAIT, kb_id=ARROW))
                    break
                if not (token.is_space or token.is_punct or token.text == _VARIATION_SELECTOR):
                    break
        return spans


def _matched(matcher: LexiconMatcher, doc: Doc, tier: str) -> list[Span]:
    return filter_spans([Span(doc, start, end, label=BAIT, kb_id=tier) for _, start, end in matcher.raw_matches(doc)])


@Language.factory(FACTORY)
def make_matcher(nlp: Language, name: str) -> SpamLinkMatcher:
    """The spam-links lexicon matcher with its link finder."""
    return SpamLinkMatcher(nlp, name, load_lexicon(LEXICON))


@dataclass(frozen=True, slots=True)
class _Found:
    """An authored link: its span, and the link with its exact place in the text."""

    span: Span
    link: Link


@dataclass(frozen=True, slots=True)
class _Draft:
    """What the whole draft says about each of its links."""

    cold: bool
    #: Bait wording worth a warning here pushes the links.
    pushed: bool
    many: Severity | None
    link_only: Severity | None


class SpamLinks(LexiconCheck):
    """Flags links used the way spam uses them; how much depends on who reads them."""

    id = "spam-links"
    rules = RULES
    matcher = FACTORY

    def __init__(self) -> None:
        lexicon = load_lexicon(LEXICON)
        self._finder = LinkFinder(lexicon)
        self._shorteners = frozenset(lexicon["shorteners"]["domains"])
        self._shortener_wildcards = frozenset(lexicon["shorteners"]["wildcards"])
        tracking = lexicon["tracking_parameters"]
        self._tracking = frozenset(name.lower() for name in tracking["names"])
        self._tracking_prefixes = tuple(tracking["prefixes"])
        self._abused_tlds = frozenset(lexicon["abused_tlds"])
        self._host_words = frozenset(lexicon["suspicious_host_words"])
        reference = lexicon["reference_hosts"]
        self._reference = frozenset(reference["domains"])
        self._reference_suffixes = tuple(reference["suffixes"])

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """Weigh every authored link and bait phrase in the draft together, then rate each for the context."""
        links = list(self._authored_links(doc))
        bait = list(self._bait(doc, context, has_link=bool(links)))
        yield from bait
        if not links:
            return
        cold = _is_cold(context)
        words = _words_outside(doc, [found.span for found in links])
        draft = _Draft(
            cold=cold,
            pushed=any(hit.severity is not None and hit.severity >= Severity.WARNING for hit in bait),
            many=_rate_many_links(len(links), words, cold),
            link_only=_rate_link_only(words, cold, context),
        )
        for found in links:
            yield from self._rate_link(found.link, context, draft)

    # -- links -----------------------------------------------------------------

    def _authored_links(self, doc: Doc) -> Iterator[_Found]:
        # A span may be wider than its link (tokens are not split at "](" or
        # glued punctuation), so the exact link is found again in the text.
        # The matcher kept a subset of these links, in this order, one span each.
        links = self._finder.find(text_of(doc))
        index = 0
        for span in doc.spans.get(LINKS_KEY, ()):
            bare = span.label_ == "domain"
            while index < len(links) and not (
                links[index].bare == bare
                and span.start_char <= links[index].start
                and links[index].end <= span.end_char
            ):
                index += 1
            if index == len(links):
                return
            link = links[index]
            index += 1
            if not _in_quotation(doc, span):
                yield _Found(span, link)

    def _rate_link(self, link: Link, context: Context, draft: _Draft) -> Iterator[Hit]:
        rated: dict[str, Severity] = {}
        if self._is_shortened(link):
            rated[SHORTENER] = Severity.WARNING
        if self._has_tracking(link):
            rated[TRACKING] = Severity.WARNING
        if self._is_suspicious(link):
            rated[SUSPICIOUS] = Severity.WARNING
        if link.bare and draft.pushed:
            rated[BARE_DOMAIN] = Severity.WARNING
        if draft.link_only is not None:
            rated[LINK_ONLY] = draft.link_only
        if draft.many is not None:
            rated[MANY_LINKS] = draft.many
        if draft.cold and not any(severity >= Severity.WARNING for severity in rated.values()):
            # Another warning on the same link already says it; one is enough.
            rated[STRANGER] = self._rate_stranger(link, context)
        for code, severity in sorted(rated.items()):
            yield Hit(code, link.start, link.end, severity=severity)

    def _is_shortened(self, link: Link) -> bool:
        if not (link.path.strip("/") or link.query):
            return False  # "bit.ly" named as a service, or a shortener's home page
        return link.host in self._shorteners or _matches_host(link.host, self._shortener_wildcards)

    def _has_tracking(self, link: Link) -> bool:
        for pair in link.query.split("&"):
            name = pair.split("=", 1)[0].lower()
            if name in self._tracking or name.startswith(self._tracking_prefixes):
                return True
        return False

    def _is_suspicious(self, link: Link) -> bool:
        host = link.host
        if link.userinfo or _IPV4.match(host) or host.startswith("xn--") or ".xn--" in host:
            return True
        labels = host.split(".")
        if labels[-1] in self._abused_tlds:
            return True
        parts = {part for label in labels[:-1] for part in label.split("-")}
        # One bait word in a hyphenated name ("free-followers-now"), not inside a word ("freecodecamp").
        return any("-" in label for label in labels[:-1]) and bool(parts & self._host_words)

    def _is_reference(self, link: Link) -> bool:
        host = link.host
        return _matches_host(host, self._reference) or host.endswith(self._reference_suffixes)

    def _rate_stranger(self, link: Link, context: Context) -> Severity:
        channel = context.channel
        if channel == "connection_request":
            return Severity.WARNING
        if channel in {"email", "reply"}:
            return Severity.INFO
        if self._is_reference(link):
            return Severity.INFO
        return Severity.WARNING

    # -- bait ------------------------------------------------------------------

    def _bait(self, doc: Doc, context: Context, *, has_link: bool) -> Iterator[Hit]:
        cold = _is_cold(context)
        for span in self.matches(doc):
            if is_quoted(doc, span) or is_negated(span):
                continue
            tier = span.kb_id_
            if tier != POINTER and not has_link:
                continue  # wording alone, with no link to click, is another check's business
            yield Hit(BAIT, span.start_char, span.end_char, severity=_rate_bait(tier, cold, context))


def _rate_bait(tier: str, cold: bool, context: Context) -> Severity:
    if tier == STRONG:
        return Severity.ERROR if cold else Severity.WARNING
    if tier == POINTER and context.channel == "comment":
        return Severity.WARNING  # sending someone else's readers to your own profile
    # Weak bait, arrows and "link in bio" are everyday marketing talk in your
    # own post or to people you know; to a stranger they are the pitch.
    return Severity.WARNING if cold else Severity.INFO


def _rate_many_links(count: int, words: int, cold: bool) -> Severity | None:
    if count < (2 if cold else 3):
        return None
    if not cold and words >= LINK_LIST_WORDS_PER_LINK * count:
        return Severity.INFO  # links with something to say around each of them, to readers who know you
    return Severity.WARNING


def _rate_link_only(words: int, cold: bool, context: Context) -> Severity | None:
    if words > LINK_ONLY_WORDS:
        return None
    if cold or context.channel in {"post", "comment"}:
        return Severity.WARNING
    if context.reply_to is not None:
        return None  # most likely the link they asked for
    return Severity.INFO


def _is_cold(context: Context) -> bool:
    """A message to someone who does not know the author yet; an invitation note always is."""
    return context.channel == "connection_request" or (bool(context.first_contact) and context.channel != "post")


def _matches_host(host: str, domains: frozenset[str]) -> bool:
    """Whether ``host`` is one of ``domains`` or a subdomain of one."""
    if host in domains:
        return True
    labels = host.split(".")
    return any(".".join(labels[i:]) in domains for i in range(1, len(labels) - 1))


def _in_quotation(doc: Doc, span: Span) -> bool:
    """Whether a link is in a quoted line, an attribution line or quotation marks.

    Reported speech does not count: in "here is the deck you asked about:
    https://..." the link is still the author's, and the reader gets it.
    """
    starts, reach = _quotations(doc)
    # Of the quotations starting at or before the link, the one reaching furthest.
    before = bisect_right(starts, span.start)
    return before > 0 and reach[before - 1] >= span.end


_QUOTATIONS_KEY = "netiquette_spam_links_quotations"


def _quotations(doc: Doc) -> tuple[list[int], list[int]]:
    # The quoted spans that open like a quotation, by start, with the furthest
    # end reached so far: built once per draft so that many links in a long
    # draft cost a lookup each, not a pass over every quotation.
    cached: tuple[list[int], list[int]] | None = doc.user_data.get(_QUOTATIONS_KEY)
    if cached is None:
        bounds = sorted(
            (quoted.start, quoted.end)
            for quoted in doc.spans.get(QUOTES_KEY, ())
            if quoted.text.lstrip()[:1] in _QUOTE_OPENERS or quoted.text.lstrip().startswith("On ")
        )
        reach: list[int] = []
        for _, end in bounds:
            reach.append(max(end, reach[-1]) if reach else end)
        cached = ([start for start, _ in bounds], reach)
        doc.user_data[_QUOTATIONS_KEY] = cached
    return cached


def _words_outside(doc: Doc, spans: list[Span]) -> int:
    """How many words the draft has besides its links."""
    covered = {i for span in spans for i in range(span.start, span.end)}
    return sum(1 for token in tokens_of(doc) if token.is_alpha and token.i not in covered)


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the spam-links check."""
    return [SpamLinks()]
