"""The shouting check: capital runs, messages in capitals and piles of marks."""

from __future__ import annotations

import pytest

from conftest import check_findings
from netiquette.checks import shouting
from netiquette.linter import Linter
from netiquette.models import Finding, Severity

CHECK = "shouting"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.shouting"], builtins=False, entry_points=False)


def findings(linter: Linter, text: str, channel: str = "comment", first_contact: bool = False) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact)


def flagged(linter: Linter, text: str, channel: str = "comment", first_contact: bool = False) -> set[str]:
    return {f.code for f in findings(linter, text, channel, first_contact) if f.severity >= Severity.WARNING}


def test_hook_registers_one_check_with_documented_codes() -> None:
    (check,) = shouting.netiquette_checks()
    assert check.id == CHECK
    assert [rule.code for rule in check.rules] == ["SH101", "SH102", "SH103"]
    for rule in check.rules:
        assert rule.summary and rule.message and rule.suggestion
        assert rule.severity is Severity.WARNING


def test_linter_runs_the_check(linter: Linter) -> None:
    assert CHECK in linter.checks


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("i am SO VERY HAPPY for you", "SH101"),
        ("Can someone PLEASE EXPLAIN WHY the release was pulled", "SH101"),
        ("URGENT: PLEASE REPLY TODAY or we lose the slot", "SH101"),
        ("STOP. POSTING. THE. SAME. LINK. here", "SH101"),
        ("#AI #ML Big news FREE SHIPPING TODAY", "SH101"),
        ("THANK YOU SO MUCH", "SH102"),
        ("PLEASE READ THIS BEFORE YOU REPLY", "SH102"),
        ("I'M THRILLED TO ANNOUNCE MY NEW ROLE AT ACME", "SH102"),
        ("thank you!!!", "SH103"),
        ("Any update???", "SH103"),
        ("What?!?!", "SH103"),
        ("Who approved this?!?", "SH103"),
        ("so when were you planning to tell us??? the client knows", "SH103"),
        ("Happy birthday‼‼", "SH103"),
    ],
)
def test_flags(linter: Linter, text: str, code: str) -> None:
    assert code in flagged(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "Our CEO met NASA and AWS folks ASAP re the NDA and FAQ.",
        "We shipped GDPR, HIPAA and SOC2 support for US, UK and EU customers.",
        "The NYC AI ML meetup is on Tuesday.",
        "Our team uses TDD and CI/CD for every PR.",
        "FYI the VPN is down until 5 PM UTC.",
        "Set MAX_RETRIES to 5 and `LOG_LEVEL=DEBUG NOW PLEASE DO IT`",
        "This is SO good.",
        "I really, REALLY appreciate this.",
        "Congrats!! So proud of you 🎉🎉🎉",
        "What?! No way.",
        "> WHY WOULD YOU DO THAT???\nFixed now.",
        'He replied "WHY IS THIS STILL OPEN???" and logged off.',
        "#BLACKFRIDAY #SALE",
        "LOL that's hilarious",
    ],
)
def test_passes(linter: Linter, text: str) -> None:
    assert not flagged(linter, text), findings(linter, text)


def test_capitals_in_a_chat_with_a_friend_count_only_when_they_demand(linter: Linter) -> None:
    excited = "I HAVE A DATE ON SUNDAY WITH WILL"
    assert {f.severity for f in findings(linter, excited, "dm")} == {Severity.INFO}
    assert flagged(linter, excited, "dm", first_contact=True) == {"SH102"}
    assert flagged(linter, excited, "email") == {"SH102"}
    assert flagged(linter, "I TOLD YOU ALREADY", "dm") == {"SH102"}
    assert flagged(linter, "PLEASE STOP SENDING ME THESE", "dm") == {"SH102"}


def test_three_cheers_to_a_friend_in_private_are_a_hint(linter: Linter) -> None:
    text = "congrats on the promotion!!! so happy for you"
    assert {f.severity for f in findings(linter, text, "dm")} == {Severity.INFO}
    assert flagged(linter, text, "comment") == {"SH103"}
    assert flagged(linter, text, "dm", first_contact=True) == {"SH103"}
    assert flagged(linter, "congrats!!!!!! so happy for you", "dm") == {"SH103"}


@pytest.mark.parametrize("channel", ["comment", "email", "dm"])
def test_a_doubled_question_mark_is_only_a_hint(linter: Linter, channel: str) -> None:
    [finding] = findings(linter, "Which version fixed it for you??", channel, first_contact=True)
    assert (finding.code, finding.severity, finding.excerpt) == ("SH103", Severity.INFO, "??")


def test_a_message_in_capitals_is_one_finding(linter: Linter) -> None:
    (finding,) = findings(linter, "WHY IS THIS NOT WORKING TODAY")
    assert finding.code == "SH102"
    assert finding.excerpt == "WHY IS THIS NOT WORKING TODAY"
