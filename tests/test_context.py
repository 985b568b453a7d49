"""Context: channel validation, derived defaults, audience, loose construction and the JSON view."""

from __future__ import annotations

import dataclasses
import json

import pytest

from netiquette import CHANNELS, Context

SECRET_REPLY = "SECRET-reply-text-4b1e"


def test_channels_are_the_documented_six() -> None:
    assert CHANNELS == ("dm", "connection_request", "post", "comment", "reply", "email")


def test_defaults() -> None:
    context = Context()
    assert context.channel == "dm"
    assert context.first_contact is False
    assert context.reply_to is None


@pytest.mark.parametrize("channel", CHANNELS)
def test_first_contact_is_derived_from_the_channel(channel: str) -> None:
    assert Context(channel).first_contact is (channel == "connection_request")


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("given", [True, False])
def test_explicit_first_contact_wins(channel: str, given: bool) -> None:
    assert Context(channel, first_contact=given).first_contact is given


@pytest.mark.parametrize(
    ("channel", "audience"),
    [
        ("post", "public"),
        ("comment", "public"),
        ("reply", "public"),
        ("dm", "private"),
        ("connection_request", "private"),
        ("email", "private"),
    ],
)
def test_audience(channel: str, audience: str) -> None:
    context = Context(channel)
    assert context.audience == audience
    assert context.is_public is (audience == "public")


@pytest.mark.parametrize("channel", ["DM", "sms", "", "tweet", None, 3])
def test_unknown_channel_is_a_value_error_listing_the_valid_channels(channel: object) -> None:
    with pytest.raises(ValueError, match="unknown channel") as excinfo:
        Context(channel)  # type: ignore[arg-type]
    message = str(excinfo.value)
    for valid in CHANNELS:
        assert valid in message


@pytest.mark.parametrize("value", ["yes", 1, 0, "false"])
def test_first_contact_must_be_a_bool(value: object) -> None:
    with pytest.raises(TypeError, match="first_contact must be a bool"):
        Context("dm", first_contact=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [b"bytes", 5, ["a"]])
def test_reply_to_must_be_a_str(value: object) -> None:
    with pytest.raises(TypeError, match="reply_to must be a str"):
        Context("dm", reply_to=value)  # type: ignore[arg-type]


def test_context_is_frozen() -> None:
    context = Context()
    with pytest.raises(dataclasses.FrozenInstanceError):
        context.channel = "post"  # type: ignore[misc]


def test_from_mapping() -> None:
    context = Context.from_mapping({"channel": "email", "first_contact": True, "reply_to": "hi"})
    assert context == Context("email", True, "hi")
    assert Context.from_mapping({}) == Context("dm")
    assert Context.from_mapping({}, default_channel="post") == Context("post")
    assert Context.from_mapping({"channel": None}, default_channel="comment").channel == "comment"
    assert Context.from_mapping({"channel": "connection_request"}).first_contact is True


def test_from_mapping_rejects_an_unknown_key_naming_it() -> None:
    with pytest.raises(TypeError, match=r"unknown context key 'chanel'") as excinfo:
        Context.from_mapping({"chanel": "dm"})
    assert "channel" in str(excinfo.value).split(";", 1)[1]


def test_from_mapping_type_and_channel_errors() -> None:
    with pytest.raises(TypeError):
        Context.from_mapping({"first_contact": "yes"})
    with pytest.raises(ValueError, match="unknown channel 'moon'"):
        Context.from_mapping({"channel": "moon"})


def test_to_dict_gives_a_flag_never_the_reply_text() -> None:
    with_reply = Context("reply", reply_to=SECRET_REPLY)
    data = with_reply.to_dict()
    assert data == {"channel": "reply", "first_contact": False, "audience": "public", "has_reply_to": True}
    assert SECRET_REPLY not in json.dumps(data)
    assert Context("dm").to_dict()["has_reply_to"] is False
    assert Context("dm", reply_to="").to_dict()["has_reply_to"] is True
