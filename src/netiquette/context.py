"""Where a draft is going and to whom: the facts that change what is polite."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Channel = Literal["dm", "connection_request", "post", "comment", "reply", "email"]
Audience = Literal["public", "private"]

#: Every channel netiquette knows, in the order they are documented.
CHANNELS: tuple[str, ...] = ("dm", "connection_request", "post", "comment", "reply", "email")

# Posts, comments and thread replies are read by everyone who passes by;
# a DM, an invitation note and an email are read by their recipient.
_PUBLIC_CHANNELS = frozenset({"post", "comment", "reply"})

DEFAULT_CHANNEL = "dm"


def validate_channel(channel: object) -> str:
    """Return ``channel`` if it is a known channel name.

    Raises:
        ValueError: naming the valid channels.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; valid channels: {', '.join(CHANNELS)}")
    return str(channel)


@dataclass(frozen=True, slots=True)
class Context:
    """The situation a draft is written for.

    Args:
        channel: where the draft goes: ``dm``, ``connection_request``, ``post``,
            ``comment``, ``reply`` or ``email``.
        first_contact: whether the reader has never heard from the author.
            ``None`` means "derive it": true for a connection request, false
            otherwise.
        reply_to: the text this draft answers, if any. It is context only and
            is never checked itself.
    """

    channel: str = DEFAULT_CHANNEL
    first_contact: bool | None = None
    reply_to: str | None = None

    def __post_init__(self) -> None:
        validate_channel(self.channel)
        if self.first_contact is None:
            object.__setattr__(self, "first_contact", self.channel == "connection_request")
        elif not isinstance(self.first_contact, bool):
            raise TypeError(f"first_contact must be a bool, got {type(self.first_contact).__name__}")
        if self.reply_to is not None and not isinstance(self.reply_to, str):
            raise TypeError(f"reply_to must be a str or None, got {type(self.reply_to).__name__}")

    @property
    def audience(self) -> Audience:
        """``"public"`` for posts, comments and replies; ``"private"`` otherwise."""
        return "public" if self.channel in _PUBLIC_CHANNELS else "private"

    @property
    def is_public(self) -> bool:
        """Whether people other than the addressee will read the draft."""
        return self.audience == "public"

    @classmethod
    def from_mapping(cls, data: dict[str, Any], *, default_channel: str = DEFAULT_CHANNEL) -> Context:
        """Build a Context from loose keys (CLI, JSON Lines), rejecting unknown ones.

        Raises:
            TypeError: for an unknown key or a value of the wrong type.
            ValueError: for an unknown channel.
        """
        known = {"channel", "first_contact", "reply_to"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise TypeError(f"unknown context key {unknown[0]!r}; valid keys: {', '.join(sorted(known))}")
        return cls(
            channel=data.get("channel") or default_channel,
            first_contact=data.get("first_contact"),
            reply_to=data.get("reply_to"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The context as reported in JSON; ``reply_to`` is given as a flag, not text."""
        return {
            "channel": self.channel,
            "first_contact": self.first_contact,
            "audience": self.audience,
            "has_reply_to": self.reply_to is not None,
        }
