"""hard-sell: selling to people who did not ask, weighed by context."""

from __future__ import annotations

import pytest

from netiquette.linter import Linter
from netiquette.models import Report, Severity


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.hard_sell"], builtins=False, entry_points=False)


def flagged(report: Report) -> set[str]:
    return {f.code for f in report.findings if f.severity >= Severity.WARNING}


@pytest.mark.parametrize(
    "text",
    [
        "Booking a quick call this week would show you the numbers.",
        "BOOK A CALL WITH ME TODAY.",
        "Hi, book a call with me whenever suits.",
        "Grab your seat now, register today!",
    ],
)
def test_case_and_inflection_variants_of_a_call_to_action(linter: Linter, text: str) -> None:
    assert "HS104" in flagged(linter.check(text, channel="dm", first_contact=True))


def test_the_same_pitch_is_a_hint_in_your_own_post_and_a_warning_in_a_cold_dm(linter: Linter) -> None:
    text = "Our course is 40% off until Friday, only 3 seats left!"
    post = linter.check(text, channel="post")
    assert post.findings and all(f.severity == Severity.INFO for f in post.findings)
    assert {"HS101", "HS102"} <= flagged(linter.check(text, channel="dm", first_contact=True))


def test_one_signal_to_someone_you_know_is_not_reported_two_are(linter: Linter) -> None:
    assert not linter.check("Sure, let's book a call for Tuesday.", channel="reply").findings
    pitch = "By the way, my team sells lead lists. Buy before Friday and get 3 months free."
    assert flagged(linter.check(pitch, channel="reply"))


def test_answering_a_question_is_not_a_pitch(linter: Linter) -> None:
    report = linter.check(
        "There are two places left; to sign up just reply to the confirmation email.",
        channel="reply",
        reply_to="Is there still space on Saturday?",
    )
    assert not flagged(report)


def test_a_pitch_without_stock_phrases_is_found_from_its_cues(linter: Linter) -> None:
    text = "Hi Anya, I run a lead-gen agency for architects. Mind if I send you a proposal?"
    assert flagged(linter.check(text, channel="connection_request"))
    assert not flagged(linter.check("Hi Anya, I run a book club for architects. Loved your talk!", channel="dm"))


def test_the_growth_hacker_formula_is_a_pitch_and_praise_for_a_team_is_not(linter: Linter) -> None:
    pitch = "Hi, I help SaaS founders 3x their MRR in 90 days. Let's hop on a quick call this week."
    assert {"HS104", "HS105", "HS106"} <= flagged(linter.check(pitch, channel="connection_request"))
    praise = "She helped the team triple their output in 3 months. How did you structure the pairing?"
    assert not flagged(linter.check(praise, channel="dm", first_contact=True))
    news = "Jumped on a call with the vendor this morning and they fixed the export."
    assert not flagged(linter.check(news, channel="dm", first_contact=True))


@pytest.mark.parametrize(
    "text",
    [
        "I never offer discounts, but I'm happy to chat about your roadmap.",
        "> 50% off all licences, ends tonight!\nIs this one of ours? Looks like phishing.",
        'The email said "you have won a free cruise" and I deleted it.',
    ],
)
def test_negated_quoted_and_reported_words_are_not_judged(linter: Linter, text: str) -> None:
    assert not flagged(linter.check(text, channel="dm", first_contact=True))


def test_prize_bait_is_an_error_even_between_acquaintances(linter: Linter) -> None:
    report = linter.check("Congratulations, you have won a £500 prize! Call 09061701851 now.", channel="dm")
    severities = {f.code: f.severity for f in report.findings}
    assert severities["HS107"] == Severity.ERROR
    assert "HS109" in severities


def test_offsets_survive_emoji_and_crlf(linter: Linter) -> None:
    text = "Hi 👩‍💻 Sam,\r\n\r\nOnly 2 spots left 🔥 BOOK A CALL now!"
    report = linter.check(text, channel="dm", first_contact=True)
    assert report.findings
    for finding in report.findings:
        assert text[finding.start : finding.end] == finding.excerpt
