"""hashtag-stuffing: posts and comments that are mostly hashtags, or carry a pile of them.

What it does
    Counts the hashtags in a draft (``#word``, not ``#1``, ``C#``, ``issue
    #42``, a hex colour or a markdown heading) and compares them with the
    author's own words. It reports a pile of hashtags (``PILE`` or more) and
    a draft with more hashtags than words of text.

Why is this bad
    A wall of hashtags reads like an advert written for an algorithm, not
    for the people reading it; it buries what the author says and makes
    the post look like spam. Three to five relevant tags are the usual
    advice.

Context
    A warning in posts, comments and replies. In a DM, email or connection
    note a hashtag is usually a channel or project name (``#general``,
    ``#eng-oncall``), so there only a real pile counts. Quoted lines and
    text in quotation marks are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from netiquette.checks._authorship import QUOTES_FACTORY, visibly_quoted_mask
from netiquette.context import Context
from netiquette.doccache import text_of, tokens_of
from netiquette.hookspecs import hookimpl
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

PILE_CODE, MOSTLY_CODE = "HT101", "HT102"

RULES = (
    Rule(
        PILE_CODE,
        "hashtag-pile",
        "A pile of hashtags (six or more in one draft).",
        "A wall of hashtags reads like an advert written for the algorithm; people scroll past it, and it "
        "buries what you actually wanted to say.",
        Severity.WARNING,
        "Keep the two to four tags that really describe the post, and put the rest into a sentence or drop them.",
    ),
    Rule(
        MOSTLY_CODE,
        "mostly-hashtags",
        "A draft that is mostly hashtags: more hashtags than words of its own.",
        "When the tags outnumber the words there is nothing left for the reader to respond to, and the post "
        "looks like spam.",
        Severity.WARNING,
        "Add a sentence or two in your own words about what you are sharing and why; keep a few tags at the end.",
    ),
)

#: This many hashtags in one draft make a pile (three to five is the common advice).
PILE = 6
#: In a DM, email or connection note, where hashtags are usually channel names, a pile is this many.
PRIVATE_PILE = 8
#: With one word of text ("wow #a #b #c"), this many hashtags make a draft mostly hashtags; outside
#: posts, comments and replies (where tags are usually channel names) more than this many are needed.
MOSTLY_MIN = 3
#: With two or more words, more tags than words counts from this many tags ("Big day! #launch #product
#: #saas" is a short post with a few tags, not a wall of them).
MOSTLY_ANY_LENGTH = 5

# A hashtag starts at a "#" that does not follow a word character, "&" (an
# HTML entity) or "/" (a URL fragment), and its first character is a letter.
_HASHTAG = re.compile(r"(?<![\w&/#])#([^\W\d_][\w]{0,139})")
# Six hex digits with a digit among them is a colour (#1A73E8); three are
# more often a tag (#b2b) than a short colour.
_HEX_COLOUR = re.compile(r"^[0-9a-fA-F]{6}$")
# A scheme is short, so the scan stays linear on a long run of non-spaces.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,20}://\S+|www\.\S+")
_PUBLIC = frozenset({"post", "comment", "reply"})


class HashtagStuffing(Check):
    """Flags drafts that are mostly hashtags or carry a pile of them."""

    id = "hashtag-stuffing"
    rules = RULES
    components = (QUOTES_FACTORY,)

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """One hit covering the draft's hashtags when there are too many of them."""
        text = text_of(doc)
        ignored = visibly_quoted_mask(text, _URL)
        tags = [
            match
            for match in _HASHTAG.finditer(text)
            if not ignored[match.start()]
            and not (_HEX_COLOUR.match(match.group(1)) and any(c.isdigit() for c in match.group(1)))
        ]
        if len(tags) < 2:
            return
        tagged = bytearray(len(text))
        for match in tags:
            tagged[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        words = sum(
            1 for token in tokens_of(doc) if token.is_alpha and not tagged[token.idx] and not ignored[token.idx]
        )
        start, end = tags[0].start(), tags[-1].end()
        pile = PILE if context.channel in _PUBLIC else PRIVATE_PILE
        if not words:
            mostly = len(tags) >= 2  # nothing but tags
        else:
            mostly = len(tags) > words and (len(tags) >= MOSTLY_ANY_LENGTH or (words == 1 and len(tags) >= MOSTLY_MIN))
        if mostly and (context.channel in _PUBLIC or len(tags) > MOSTLY_MIN):
            yield Hit(MOSTLY_CODE, start, end)
        elif len(tags) >= pile:
            yield Hit(PILE_CODE, start, end)


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the hashtag-stuffing check."""
    return [HashtagStuffing()]
