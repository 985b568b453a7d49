"""The no-question check: first DMs and emails that give the reader nothing to answer."""

from __future__ import annotations

import pytest

from conftest import check_findings
from netiquette.checks import no_question
from netiquette.linter import Linter
from netiquette.models import Finding, Severity

CHECK = "no-question"
CODE = "NQ101"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.no_question"], builtins=False, entry_points=False)


def findings(linter: Linter, text: str, channel: str = "dm", first_contact: bool = True) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact)


def worst(linter: Linter, text: str, channel: str = "dm", first_contact: bool = True) -> Severity | None:
    return max((f.severity for f in findings(linter, text, channel, first_contact)), default=None)


def test_hook_registers_one_check_with_documented_code() -> None:
    (check,) = no_question.netiquette_checks()
    assert check.id == CHECK
    assert [rule.code for rule in check.rules] == [CODE]
    rule = check.rule(CODE)
    assert rule.summary and rule.message and rule.suggestion
    assert rule.severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ana, loved your talk on design systems. I'm working on something similar. Would be great to connect.",
        "hey saw your post about the hackathon, looks sick. i'm a backend dev, would be cool to team up next time",
        "Hi Jordan, your work on the city's bike lanes is impressive. Hope to hear from you.",
        "Hey Kai, your open source library saved me days of work. Would love to collaborate someday.",
        "Hi Rosa, we build recruiting software for fast-growing teams. Looking forward to connecting.",
        "hi there i run a podcast about indie games and your game blew me away. would be an honour to have you on",
        "HI LUCY, BIG FAN OF YOUR ILLUSTRATIONS. LET'S CONNECT 🙌",
        "Hello, I am interested in the apartment you listed. I can view it this weekend.",
    ],
)
def test_first_dm_without_a_question_is_a_warning(linter: Linter, text: str) -> None:
    assert worst(linter, text, "dm") is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "Dear Ms. Kaur,\n\nI am writing about opportunities at your firm. My resume is attached. "
        "I look forward to your response.\n\nSincerely,\nArjun",
        "Hi Ruth, I'm an interior designer in Leeds. I've done 80 homes and my projects were in magazines. "
        "I work with my own builders. I'm booking projects for spring.",
        "Hello Dr. Brandt, your work on arrhythmia detection is fascinating. I'd be thrilled to join your lab.",
    ],
)
def test_first_email_that_wants_a_reply_is_a_warning(linter: Linter, text: str) -> None:
    assert worst(linter, text, "email") is Severity.WARNING


def test_plain_introduction_by_email_is_a_hint(linter: Linter) -> None:
    text = "Hello Mr. Adler,\n\nI'm Tomás, the new account manager for the Porto office. I took over from Rita.\n"
    assert worst(linter, text, "email") is Severity.INFO
    assert worst(linter, text, "dm") is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # Questions, with and without a question mark.
        "Hi Claire, saw your Berlin race report. How did you pace the last 10k?",
        "Hi Gabi, I love what you're building. What made you pick collaborative slides as the problem",
        "i saw ur post about learning rust. how long did it take u to get comfortable with the borrow checker",
        "hello, is the camera lens still available",
        "Hi Claire, saw your Berlin race report. Any tips for a first marathon",
        "Hi Ana, your deck was great. Open to a quick call next week",
        # Indirect asks.
        "Hi Ana, loved your talk on design systems. I'd love to hear how your team decided on tokens.",
        "Hello Mr. Osei, I read your article. I was wondering if you would be open to a short call.",
        "hey saw your hackathon post. let me know if ur looking for a backend dev next time",
        "Hi Kai, your library saved me days. Would you be up for a chat about merging our ports",
        "Hi Theo, your talk clicked for me. Curious how you approach error handling in big codebases.",
        "Hi Hana, I admire your writing. If you're open to it, I'd love to buy you a virtual coffee.",
        "Hi Lucy, big fan. Let me know whether you take commissions for book covers.",
        "Hi Sven, I'm a student keen on robotics. I wonder whether your lab takes interns.",
        "Dear Ms. Hughes, I'm the new orchestra coordinator and would like to ask whether your school might host us.",
        "Hi Kim, interested in your take on the new AI rules for small teams.",
        # Thank-yous, congratulations and notices need no reply.
        "Hi Dr. Obi, thank you for your lecture yesterday. It changed how I think about vaccination campaigns.",
        "Hi Sarah, congratulations on your book award! Well deserved.",
        "Hello neighbours, heads up that the water will be off on Tuesday. No need to reply.",
        "Hi Mr. Ansah, this is to confirm that your parcel was delivered to the front desk today.",
        # Too short to be a message.
        "Hi Sam!",
    ],
)
def test_questions_asks_and_messages_needing_no_reply_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text, "dm") is None
    assert worst(linter, text, "email") is None


@pytest.mark.parametrize(
    ("channel", "first_contact"),
    [
        ("dm", False),
        ("email", False),
        ("connection_request", True),
        ("comment", True),
        ("reply", False),
        ("post", False),
    ],
)
def test_only_first_dms_and_emails_are_judged(linter: Linter, channel: str, first_contact: bool) -> None:
    text = "Hi Leo, we met at the PyCon sprint and your talk was great. Glad to connect, would love to chat."
    assert worst(linter, text, "dm", first_contact=True) is Severity.WARNING
    assert worst(linter, text, channel, first_contact=first_contact) is None


def test_a_quoted_question_is_not_the_authors(linter: Linter) -> None:
    text = 'Hi Mo, your talk answered "how do we scale support?" for me. Thanks to it our team grew calmly.'
    assert worst(linter, text, "dm") is Severity.WARNING
    assert worst(linter, text.replace("Thanks to it", "How did you learn that? Thanks to it"), "dm") is None


def test_finding_sits_on_the_last_sentence_before_the_sign_off(linter: Linter) -> None:
    text = "Hi Noor,\n\nYour keynote changed how we interview. I'd love to connect.\n\nBest,\nJo"
    (finding,) = findings(linter, text, "email")
    assert finding.excerpt == "I'd love to connect."
    assert finding.message.startswith("2 sentences, no question and no ask.")
    assert finding.suggestion == no_question.RULES[0].suggestion


def test_long_draft_is_checked_quickly(linter: Linter) -> None:
    text = "I build data pipelines and I would love to connect with your team. " * 5000
    assert len(findings(linter, text)) == 1
