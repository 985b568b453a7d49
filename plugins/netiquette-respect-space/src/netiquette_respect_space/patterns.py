"""The word lists and spaCy token patterns behind each rule code.

Everything matches on ``LOWER`` (the lowercase form), so the patterns work
the same on netiquette's blank pipeline and on a trained one. Each pattern
anchors on the reader ("your", "you"), so the author talking about their own
family or holiday is not matched (that is netiquette's oversharing check).
"""

from __future__ import annotations

from typing import Any

FAMILY, HOME, WHEREABOUTS, PERSONAL = "RS101", "RS102", "RS103", "RS104"

Pattern = list[dict[str, Any]]


def _in(*words: str) -> dict[str, Any]:
    return {"LOWER": {"IN": list(words)}}


def _optional(*words: str) -> dict[str, Any]:
    return {"LOWER": {"IN": list(words)}, "OP": "?"}


YOUR = _in("your", "ur", "yr")

RELATIVES = (
    "kid", "kids", "child", "children", "son", "sons", "daughter", "daughters", "baby", "babies",
    "toddler", "toddlers", "newborn", "twins", "wife", "husband", "spouse", "girlfriend", "boyfriend",
    "fiance", "fiancé", "fiancee", "fiancée", "family", "mom", "mum", "mother", "dad", "father",
    "parents", "sister", "sisters", "brother", "brothers", "siblings", "grandkids", "grandchildren",
    "stepson", "stepdaughter", "in-laws",
)  # fmt: skip
FAMILY_ADJECTIVES = (
    "little", "lovely", "beautiful", "cute", "adorable", "sweet", "young", "new", "eldest", "oldest",
    "youngest", "older", "younger", "two", "three", "twin", "teenage", "late",
)  # fmt: skip
PLACES = (
    "house", "home", "flat", "apartment", "condo", "street", "neighbourhood", "neighborhood", "neighbours",
    "neighbors", "neighbour", "neighbor", "address", "garden", "backyard", "driveway", "porch", "doorstep",
    "cottage", "cabin", "villa",
)  # fmt: skip
PLACE_ADJECTIVES = ("new", "lovely", "beautiful", "nice", "old", "gorgeous", "big", "renovated", "quiet", "home")
VENUES = (
    "gym", "beach", "park", "pool", "supermarket", "pub", "bar", "restaurant", "cafe", "café", "church",
    "mosque", "synagogue", "temple", "school", "playground", "wedding", "party", "mall", "station",
    "airport", "hospital", "dentist", "club", "stadium", "shop", "store", "market", "daycare", "nursery",
    "kindergarten", "hotel", "resort", "festival", "marathon", "funeral",
)  # fmt: skip
OUTINGS = ("holiday", "holidays", "vacation", "vacations", "honeymoon", "getaway", "weekend", "staycation")
EXERCISE = ("run", "runs", "jog", "jogs", "ride", "rides", "commute", "walk", "walks", "route", "routes", "hike")
SOCIAL = ("instagram", "insta", "facebook", "fb", "tiktok", "snapchat", "strava", "tinder", "bumble", "hinge")
PRIVATE_ALBUMS = (
    *SOCIAL, "personal", "private", "family", "holiday", "vacation", "wedding", "beach", "baby", "honeymoon",
    "dating", "kids",
)  # fmt: skip
PHOTOS = (
    "photos", "photo", "pics", "pic", "pictures", "picture", "snaps", "account", "profile", "page", "feed",
    "stories", "story", "reels", "album", "albums",
)  # fmt: skip

#: Words that, right after a match, turn it into something professional:
#: "your family business", "your parent company", "your home page".
NOT_PRIVATE_AFTER = frozenset(
    """
    business businesses firm company companies brand office offices law practice name names plan plans
    process processes class classes node nodes element elements component components theme themes window
    directory folder repo repository project projects branch tab page pages screen lab labs town country
    base team server network setup button assistant automation book
    """.split()
)

PATTERNS: dict[str, list[Pattern]] = {
    FAMILY: [
        [YOUR, _optional(*FAMILY_ADJECTIVES), _in(*RELATIVES)],
        [YOUR, _optional("two", "three", "four", "lovely", "sweet"), _in("little"), _in("one", "ones")],
    ],
    HOME: [
        [YOUR, _optional(*PLACE_ADJECTIVES), _in(*PLACES)],
        [_in("where"), _in("you"), _in("live", "lived", "stay", "sleep", "reside")],
        [_in("you"), _in("live", "reside"), _in("on", "near", "next", "around", "by", "down", "opposite", "close")],
    ],
    WHEREABOUTS: [
        [_in("where"), _in("you"), _in("were", "went", "spent", "stayed", "go", "hang")],
        [
            _in("saw", "seen", "spotted", "noticed", "see"),
            _in("you"),
            _in("at", "in", "on", "outside", "near", "leaving", "entering", "by"),
            _optional("the", "a", "your", "that", "this"),
            _in(*VENUES),
        ],
        [_in("you"), _in("were", "was"), _in("at", "in"), _optional("the", "a", "that", "this"), _in(*VENUES)],
        [
            YOUR,
            _optional("morning", "evening", "daily", "sunday", "saturday", "weekend", "usual"),
            _in(*EXERCISE),
            _in("in", "along", "around", "through", "past", "by", "near", "to", "from", "up"),
        ],
        [
            YOUR,
            _optional("last", "recent", "lovely", "family", "summer", "winter"),
            _in(*OUTINGS),
            _in("in", "at", "to", "on", "with", "away", "abroad", "by"),
        ],
    ],
    PERSONAL: [
        [YOUR, _in(*PRIVATE_ALBUMS), _in(*PHOTOS)],
        [YOUR, _in(*SOCIAL)],
        [_in("you"), _in("on"), _in(*SOCIAL)],
        [_in("on"), _in(*SOCIAL), _in("that")],
        [_in("stalked", "stalking", "stalk", "creeped", "creeping"), _optional("on"), _in("you", "your")],
        [
            _in("did", "done", "doing", "do"),
            _optional("some", "a", "my"),
            _optional("bit", "little"),
            _optional("of"),
            _in("digging"),
        ],
    ],
}
