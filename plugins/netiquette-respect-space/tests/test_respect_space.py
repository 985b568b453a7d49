"""Tests for netiquette-respect-space, written with netiquette's pytest plugin (netiquette.testing)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import netiquette_respect_space
import pytest
from netiquette_respect_space import FACTORY

from netiquette import Severity
from netiquette.linter import Linter
from netiquette.testing import LinterFactory, build_linter, check_examples

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIRST_CONTACT: dict[str, Any] = {"channel": "connection_request", "first_contact": True}

FLAGS = {
    "RS101": [
        "Hi Ana, I saw your kids at the school gate yesterday, they're adorable. Would love to connect!",
        "Your daughter's piano recital was lovely. Let's connect.",
        "Congrats to your wife on the new job!",
        "How are your two little ones doing?",
    ],
    "RS102": [
        "Hi Ana, congrats on your new house on Elm Street! Let's connect.",
        "I think I know where you live, we're practically neighbours.",
        "Love the roses in your garden.",
        "I know you live near the park on 5th.",
    ],
    "RS103": [
        "Hi Tom, I know where you were last weekend - Lisbon looked amazing. Keen to chat about data roles.",
        "I saw you at the gym on Tuesday; we should talk about your ML platform.",
        "Hope your morning run along the canal was good!",
        "Enjoy your weekend in Porto!",
    ],
    "RS104": [
        "Loved your holiday photos from Bali! Let's connect.",
        "I found you on Instagram and had to reach out.",
        "Saw on Facebook that you just got engaged, congrats!",
        "I did some digging before writing to you.",
    ],
}

PROFESSIONAL = [
    "Hi Ana, I loved your talk at PyCon about tidy data. Would love to connect.",
    "Hi Ana, your post about hiring juniors resonated. Happy to connect.",
    "Your family business has grown so much - congrats on the Series A.",
    "Your parent company announced a new office in Leeds.",
    "I saw your home page and your team's blog about on-call.",
    "Best wishes to you and your family for the new year!",
    "I saw you at the conference, great panel on accessibility.",
    "Enjoy your weekend!",
    "My kids loved the demo you gave at the meetup.",
    "",
]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return build_linter(netiquette_respect_space)


@pytest.mark.parametrize("code", sorted(FLAGS))
def test_each_rule_flags_research_into_private_life_in_a_first_contact(linter: Linter, code: str) -> None:
    check_examples(linter, code, flags=FLAGS[code], **FIRST_CONTACT)


def test_public_professional_details_pass(linter: Linter) -> None:
    check_examples(linter, "private-life-research", passes=PROFESSIONAL, **FIRST_CONTACT)


@pytest.mark.parametrize("channel", ["dm", "email", "comment"])
def test_people_who_know_each_other_may_ask_after_the_family(linter: Linter, channel: str) -> None:
    drafts = [draft for drafts in FLAGS.values() for draft in drafts]
    check_examples(linter, "RS", passes=drafts, channel=channel, first_contact=False)


def test_a_first_email_is_checked_too(linter: Linter) -> None:
    check_examples(linter, "RS101", flags=FLAGS["RS101"], channel="email", first_contact=True)


def test_two_kinds_of_private_research_are_an_error(linter: Linter) -> None:
    report = linter.check("I saw your kids outside your house on Elm Street.", channel="connection_request")
    assert [(f.code, f.severity, f.excerpt) for f in report.findings] == [
        ("RS101", Severity.ERROR, "your kids"),
        ("RS102", Severity.ERROR, "your house"),
    ]
    assert {f.plugin for f in report.findings} == {"netiquette_respect_space"}


def test_what_the_reader_shared_in_the_message_being_answered_passes(linter: Linter) -> None:
    check_examples(
        linter,
        "RS101",
        passes=["Sorry your kids are ill, hope they feel better soon."],
        reply_to="Can we move the call? My kids are ill.",
        **FIRST_CONTACT,
    )


def test_quoted_reply_lines_are_not_the_authors_words(linter: Linter) -> None:
    check_examples(linter, "RS", passes=["> how are your kids?\nThey are fine, thanks!"], **FIRST_CONTACT)


def test_the_matcher_is_a_spacy_component_added_once(netiquette_linter: LinterFactory) -> None:
    linter = netiquette_linter(netiquette_respect_space)
    assert linter.nlp.pipe_names.count(FACTORY) == 1
    assert linter.checks == ("private-life-research",)


def test_codes_can_be_ignored_like_any_others(netiquette_linter: LinterFactory) -> None:
    linter = netiquette_linter(netiquette_respect_space, config={"ignore": ["RS103"]})
    check_examples(linter, "RS103", passes=FLAGS["RS103"], **FIRST_CONTACT)
    check_examples(linter, "RS101", flags=FLAGS["RS101"], **FIRST_CONTACT)


def test_works_next_to_netiquettes_own_checks(netiquette_linter: LinterFactory) -> None:
    linter = netiquette_linter(netiquette_respect_space, builtins=True)
    assert "private-life-research" in linter.checks
    assert len(linter.checks) > 1
    report = linter.check(FLAGS["RS102"][0], channel="connection_request")
    assert "RS102" in [f.code for f in report.findings]
    assert report.errors == ()


def test_the_entry_point_names_this_module() -> None:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["netiquette"] == {"respect-space": "netiquette_respect_space"}
    assert project["version"] == netiquette_respect_space.__version__
