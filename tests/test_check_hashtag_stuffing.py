"""The hashtag-stuffing check: piles of hashtags and drafts that are mostly hashtags."""

from __future__ import annotations

import pytest

from conftest import check_findings
from netiquette.checks import hashtag_stuffing
from netiquette.linter import Linter
from netiquette.models import Finding, Severity

CHECK = "hashtag-stuffing"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.hashtag_stuffing"], builtins=False, entry_points=False)


def findings(linter: Linter, text: str, channel: str = "post", first_contact: bool = False) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact)


def flagged(linter: Linter, text: str, channel: str = "post", first_contact: bool = False) -> set[str]:
    return {f.code for f in findings(linter, text, channel, first_contact) if f.severity >= Severity.WARNING}


def test_hook_registers_one_check_with_documented_codes() -> None:
    (check,) = hashtag_stuffing.netiquette_checks()
    assert check.id == CHECK
    assert [rule.code for rule in check.rules] == ["HT101", "HT102"]
    for rule in check.rules:
        assert rule.summary and rule.message and rule.suggestion


def test_linter_runs_the_check(linter: Linter) -> None:
    assert CHECK in linter.checks


@pytest.mark.parametrize(
    ("text", "channel", "code"),
    [
        (
            "Loved the panel on hiring, great points all round #hr #hiring #talent #careers #jobs #people",
            "post",
            "HT101",
        ),
        ("Thanks for sharing this, saving it for later #ai #ml #data #python #tech #future", "comment", "HT101"),
        (
            "Hi Sam, loved your post on pricing and would like to stay in touch "
            "#networking #sales #b2b #leads #growth #connect #opportunity #business",
            "connection_request",
            "HT101",
        ),
        ("#monday #motivation #grind #success", "post", "HT102"),
        ("#ai #ml", "comment", "HT102"),
        ("wow #inspired #motivated #blessed", "comment", "HT102"),
        ("New post is up #ai #ml #tech #startup #founder #growth #hustle #motivation", "post", "HT102"),
        ("#facts #realtalk #mindset", "reply", "HT102"),
    ],
)
def test_flags(linter: Linter, text: str, channel: str, code: str) -> None:
    assert code in flagged(linter, text, channel)


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Excited to share our new release! #AI #MachineLearning #Startups", "post"),
        ("Big day! #launch #product #saas", "post"),
        ("loved this 🙌 #inspo", "comment"),
        ("C# and F# are great; see issue #42 and we are #1. Colour #ff0000.", "comment"),
        ("# Heading\nSome text here about things\n## Subheading", "post"),
        ("Post it in #general and #random please", "dm"),
        ("Heads-up: we renamed #ops-alerts to #alerts-prod and #eng to #engineering, ping #help", "dm"),
        ("HTML entity &#39; shows up instead of apostrophes.", "reply"),
        ("See https://example.com/docs#install for the steps.", "reply"),
        ("My top 3 lessons from #100DaysOfCode: consistency, small scope, and asking for help.", "post"),
        ('The tags "#a #b #c #d #e #f #g" are what the bot posted, not us.', "post"),
    ],
)
def test_passes(linter: Linter, text: str, channel: str) -> None:
    assert not flagged(linter, text, channel), findings(linter, text, channel)


def test_private_channels_need_a_bigger_pile(linter: Linter) -> None:
    seven = "Notes are in the wiki, ping me if anything is unclear #a #b #c #d #e #f #g"
    assert flagged(linter, seven, "post") == {"HT101"}
    assert not flagged(linter, seven, "dm")
    assert flagged(linter, seven + " #h", "dm") == {"HT101"}


def test_one_finding_covers_all_the_tags(linter: Linter) -> None:
    (finding,) = findings(linter, "#monday #motivation #grind #success")
    assert finding.excerpt == "#monday #motivation #grind #success"
