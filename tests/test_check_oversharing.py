"""The oversharing check: what it flags, what it lets through, and how context changes severity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netiquette.checks import oversharing
from netiquette.linter import Linter
from netiquette.models import Finding, Severity
from netiquette.rules import CHECK_ID_PATTERN

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules" / "oversharing.md"
EXAMPLE = re.compile(r"^```text (flags|passes|hints)((?: [a-z_]+=\S+)*)\n(.*?)\n```$", re.MULTILINE | re.DOTALL)
SECTION = re.compile(r"^## (OS\d+) ([a-z-]+)$", re.MULTILINE)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.oversharing"], builtins=False, entry_points=False)


def found(linter: Linter, text: str, channel: str = "post", first_contact: bool = False) -> list[Finding]:
    report = linter.check(text, channel=channel, first_contact=first_contact)
    assert not report.errors, report.errors
    for finding in report.findings:
        assert text[finding.start : finding.end] == finding.excerpt
        assert finding.check == "oversharing"
    return list(report.findings)


def flagged(linter: Linter, text: str, channel: str = "post", first_contact: bool = False) -> set[str]:
    """Codes reported at warning or above."""
    return {f.code for f in found(linter, text, channel, first_contact) if f.severity >= Severity.WARNING}


def doc_examples() -> list[tuple[str, str, str, dict[str, str], str]]:
    text = DOC.read_text(encoding="utf-8")
    sections = list(SECTION.finditer(text))
    examples = []
    for i, section in enumerate(sections):
        end = sections[i + 1].start() if i + 1 < len(sections) else len(text)
        for match in EXAMPLE.finditer(text, section.end(), end):
            context = dict(pair.split("=", 1) for pair in match.group(2).split())
            examples.append((section.group(1), section.group(2), match.group(1), context, match.group(3)))
    return examples


# -- the rules and their documentation ------------------------------------------------------------------------


def test_rules_are_well_formed() -> None:
    check = oversharing.Oversharing()
    assert CHECK_ID_PATTERN.match(check.id)
    codes = [rule.code for rule in check.rules]
    assert codes == sorted(set(codes))
    assert all(code.startswith("OS") for code in codes)
    for rule in check.rules:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.summary and rule.message and rule.suggestion


def test_the_hook_registers_the_check() -> None:
    checks = oversharing.netiquette_checks()
    assert [check.id for check in checks] == ["oversharing"]


def test_every_code_has_a_documented_section_with_flags_and_passes() -> None:
    examples = doc_examples()
    documented = {(code, name) for code, name, *_ in examples}
    assert documented == {(rule.code, rule.name) for rule in oversharing.RULES}
    for rule in oversharing.RULES:
        kinds = {kind for code, _, kind, _, _ in examples if code == rule.code}
        assert {"passes"} <= kinds and kinds & {"flags", "hints"}, rule.code
        if rule.severity >= Severity.WARNING:
            assert "flags" in kinds, rule.code


@pytest.mark.parametrize(
    ("code", "kind", "context", "text"),
    [(code, kind, context, text) for code, _, kind, context, text in doc_examples()],
)
def test_documented_examples(linter: Linter, code: str, kind: str, context: dict[str, str], text: str) -> None:
    channel = context["channel"]
    first_contact = context["first_contact"] == "true"
    severities = [f.severity for f in found(linter, text, channel, first_contact) if f.code == code]
    if kind == "flags":
        assert any(s >= Severity.WARNING for s in severities), text
    elif kind == "hints":
        assert severities and all(s == Severity.INFO for s in severities), text
    else:
        assert not severities, text


# -- OS101 personal contact details ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Call me anytime on 07700 900 461, happy to help!",
        "Ring me on +1 (212) 555-0147 whenever.",
        "my number is 312-555-0199, text me",
        "I live at 42 Maple Avenue, happy to host the study group.",
        "i was born on 07/08/1992 lol",
    ],
)
def test_contact_details_in_public_are_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "comment") == {"OS101"}


def test_a_personal_line_to_a_stranger_is_flagged_but_a_signature_is_not(linter: Linter) -> None:
    personal = "Hi Ana! My cell is (415) 555-2671, WhatsApp me anytime."
    signature = "Lovely to meet you at the fair.\n\nBest,\nKim Ode\nHead of Sales\n+44 20 7946 0321"
    assert flagged(linter, personal, "connection_request", True) == {"OS101"}
    assert flagged(linter, signature, "email", True) == set()


def test_contact_details_to_someone_known_are_fine(linter: Linter) -> None:
    text = "New number: 07700 900 461. I'm at 12 Elm Street now, come by whenever."
    assert found(linter, text, "dm", False) == []
    assert flagged(linter, text, "post") == {"OS101"}


@pytest.mark.parametrize(
    "text",
    [
        "Our new office is at 221 Baker Street, come say hello.",
        "Call our front desk on 0161 496 0000 to book a room.",
        "Questions? Ring 0800 123 4567, the line is free.",
        "The meetup is at 12 Elm Street, 2nd floor, 6pm.",
        "I was born in 1992 and grew up in Leeds.",
        "Version 3.2.1 shipped on 2024-05-01.",
    ],
)
def test_business_lines_venues_and_other_numbers_pass(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "post") == set()


# -- OS102 identity and payment numbers -------------------------------------------------------------------------


def test_card_and_ssn_are_errors_in_public_and_warnings_in_private(linter: Linter) -> None:
    card = "Here's my card for the tickets: 4111 1111 1111 1111, exp 09/27"
    for channel, first, expected in [("comment", False, Severity.ERROR), ("dm", False, Severity.WARNING)]:
        [finding] = found(linter, card, channel, first)
        assert (finding.code, finding.severity, finding.excerpt) == ("OS102", expected, "4111 1111 1111 1111")
    [ssn] = found(linter, "My SSN is 219-09-9999.", "email", False)
    assert (ssn.code, ssn.severity, ssn.excerpt) == ("OS102", Severity.WARNING, "219-09-9999")


def test_a_card_number_must_pass_the_luhn_check(linter: Linter) -> None:
    assert flagged(linter, "Tracking: 4111 1111 1111 1112", "post") == set()


def test_passport_numbers_survive_the_abbreviation_full_stop(linter: Linter) -> None:
    text = "Details: passport no. 533380123, issued 2019."
    [finding] = found(linter, text, "dm", True)
    assert finding.code == "OS102"
    assert finding.excerpt == "passport no. 533380123"


def test_words_after_pin_or_password_are_not_numbers(linter: Linter) -> None:
    assert flagged(linter, "My password is wrong again, and the pan is really hot.", "comment") == set()
    assert flagged(linter, "my password is Summer2024!", "dm") == {"OS102"}


# -- OS103 live location and absence from home -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We're away till Sunday, the house is empty.",
        "At the airport right now, back in two weeks!",
        "HOME ALONE this weekend, kids are at their dad's",
        "Nobody's home until the 28th, we're in Thailand!",
        "Live from Café Roma right now, here till 4pm ☕",
    ],
)
def test_location_and_empty_home_are_flagged_in_public(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "post") == {"OS103"}


@pytest.mark.parametrize(
    "text",
    [
        "Heading to the conference in Berlin next week, anyone want to meet?",
        "In Lisbon for Web Summit until Thursday, happy to meet up.",
        "Back in 2 weeks with part two of the series!",
    ],
)
def test_work_travel_passes(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "post") == set()


# -- OS104 health ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Started chemo last Tuesday, so I'll be slower than usual.",
        "I've been having PANIC ATTACKS before every interview.",
        "My IBS flare-up kept me off the call, sorry.",
        "Been diagnosed with ADHD last month and I'm learning a lot.",
        "im in hospital with pneumonia, bear with me",
        "My therapist says I should network more!",
    ],
)
def test_own_health_is_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "comment") == {"OS104"}


@pytest.mark.parametrize(
    "text",
    [
        "Our app helps patients track chemo side effects.",
        "Depression costs the economy billions; employers need to act.",
        "Great to see mental health on the agenda at this year's summit.",
        "Our wellbeing stipend covers counselling sessions.",
    ],
)
def test_health_topics_that_are_not_a_disclosure_pass(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "comment", True) == set()


# -- OS105 relationships ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My ex keeps texting me at work.",
        "My ex-husband is taking me to court again.",
        "Just found out my husband CHEATED ON ME.",
        "We're in the middle of a custody battle, so I'm distracted.",
        "My wife and I are divorcing after twelve years.",
    ],
)
def test_relationship_drama_is_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "reply") == {"OS105"}


def test_an_ex_colleague_is_not_an_ex(linter: Linter) -> None:
    assert flagged(linter, "My ex-colleague at Acme introduced us, thanks Priya!", "post") == set()


def test_a_negated_belief_does_not_hide_the_match(linter: Linter) -> None:
    # "can't believe" negates the believing, not the cheating.
    assert flagged(linter, "Can't believe my fiancé cheated with my best friend.", "post") == {"OS105"}


# -- OS106 intoxication ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "So drunk right now, who's still up?",
        "HUNGOVER AF at this offsite lol",
        "Got absolutely wasted last night at the Christmas party",
        "3 pints in and finally updating my CV",
        "lol i'm so high right now",
    ],
)
def test_intoxication_is_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "post") == {"OS106"}


@pytest.mark.parametrize(
    "text",
    [
        "Drinks reception starts at 6, see you there!",
        "Bring whatever you like to drink.",
        "I wasted so much time on that bug.",
        "I'm not drunk, just tired from the flight.",
    ],
)
def test_drinks_logistics_and_negation_pass(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "post") == set()


# -- OS107 finances -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm drowning in debt, any freelance gigs?",
        "My salary is $52k, is that fair for a senior dev?",
        "Overdrawn again and payday is a week away.",
        "I'm $60k in student debt and behind on my credit card payments.",
        "Declared bankruptcy in March, open to work!",
    ],
)
def test_money_trouble_is_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "post") == {"OS107"}


@pytest.mark.parametrize(
    "text",
    [
        "Salary bands should be published in every job ad.",
        "Tips for freelancers: keep 30% aside for taxes.",
        "I'm in debt to everyone who reviewed my portfolio, thank you!",
        "Our Series B brings total funding to $40M.",
    ],
)
def test_money_talk_that_is_not_a_disclosure_passes(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "post") == set()


# -- OS108 employer grievances -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My boss is an idiot.",
        "MY MANAGER IS USELESS",
        "I hate my job so much.",
        "This company treats us like dirt.",
        "My manager screamed at me in front of the whole team today.",
    ],
)
def test_employer_grievances_are_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "comment") == {"OS108"}


@pytest.mark.parametrize(
    "text",
    [
        "My team shipped the redesign today, so proud of them!",
        "My manager taught me more about feedback than any course.",
        "My boss asked me to present the results, which I'm thrilled about.",
    ],
)
def test_praise_passes(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "post") == set()


# -- OS109 life-logging -------------------------------------------------------------------------------------------


def test_life_logging_is_a_hint_unless_it_is_a_long_public_log(linter: Linter) -> None:
    [short] = found(linter, "Just had a sandwich.", "post")
    assert (short.code, short.severity) == ("OS109", Severity.INFO)
    log = "Woke up at 6, brushed teeth, fed the cat, first coffee, lunch was a wrap, second coffee, nap at 2."
    assert flagged(linter, log, "post") == {"OS109"}
    assert found(linter, log, "dm", False) == []


def test_a_meal_with_someone_is_not_a_log(linter: Linter) -> None:
    assert found(linter, "Had lunch with the CTO of Acme today, great chat about hiring.", "post") == []


def test_a_log_line_in_a_longer_message_is_not_a_log(linter: Linter) -> None:
    text = "Just had a coffee. Big news: we are hiring two engineers. Remote is fine. Salary band is public."
    assert found(linter, text, "post") == []


# -- who said it, and to whom ------------------------------------------------------------------------------------


def test_quoted_and_reported_words_are_not_the_authors(linter: Linter) -> None:
    assert flagged(linter, "> my boss is an idiot\nI'd never say that publicly.", "reply") == set()
    assert flagged(linter, 'She wrote "I\'m so drunk" on the company Slack.', "comment") == set()
    assert flagged(linter, "On Tue, Sam wrote:\n> I'm drowning in debt\nHere are some resources.", "reply") == set()


@pytest.mark.parametrize("code_text", ["I'm going through a messy divorce.", "My boss is a clown.", "so hungover"])
def test_private_life_is_fine_between_friends_and_flagged_elsewhere(linter: Linter, code_text: str) -> None:
    assert found(linter, code_text, "dm", False) == []
    assert found(linter, code_text, "email", False) == []
    assert flagged(linter, code_text, "dm", True)
    assert flagged(linter, code_text, "connection_request", True)
    for channel in ("post", "comment", "reply"):
        assert flagged(linter, code_text, channel, False)


# -- offsets -----------------------------------------------------------------------------------------------------


def test_offsets_survive_emoji_and_crlf(linter: Linter) -> None:
    text = "Update 🛳️🌴\r\nOff for a 2-week cruise 😎\r\nNobody home, so\r\ncall me on 07700 900 461 👋"
    findings = found(linter, text, "post")
    excerpts = {f.excerpt for f in findings}
    assert {"2-week cruise", "Nobody home", "07700 900 461"} <= excerpts
    for finding in findings:
        assert text[finding.start : finding.end] == finding.excerpt


def test_inflection_and_case_variants(linter: Linter) -> None:
    assert flagged(linter, "Just got DIAGNOSED with anxiety.", "post") == {"OS104"}
    assert flagged(linter, "Getting divorced, so I'm slow this week.", "post") == {"OS105"}
    assert flagged(linter, "BEHIND ON RENT again.", "post") == {"OS107"}  # "I'm" dropped: still the author
    assert flagged(linter, "I'm behind on my rent again.", "post") == {"OS107"}
    assert flagged(linter, "Many tenants are BEHIND ON RENT this winter.", "post") == set()


# -- cue combinations: wordings no phrase list spells out ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Finally got my ADHD diagnosis at 34 and honestly everything makes sense now.", "OS104"),
        ("Started on sertraline in January, the first month was rough.", "OS104"),
        ("I've been living with endometriosis for ten years, so I feel this post.", "OS104"),
        ("Same, my migraines got so bad last month I lost vision in one eye.", "OS104"),
        ("Typing this from a hospital bed after my appendix surgery.", "OS104"),
        ("My parents stopped speaking to me when I moved abroad. Five years now.", "OS105"),
        ("My sister has cut me off completely since the funeral.", "OS105"),
        ("My girlfriend moved out last night after I found out about the affair.", "OS105"),
        ("My father-in-law yelled at me at Christmas dinner in front of the kids.", "OS105"),
        ("I was so hammered last night I sent my boss a voice note.", "OS106"),
        ("Spent the night being sick after one too many tequilas at the wedding.", "OS106"),
        ("Card declined at the petrol station today. Twice. This month is brutal.", "OS107"),
        ("We're two months behind on rent and the landlord has started eviction proceedings.", "OS107"),
        ("Had to borrow money from my brother again to make rent.", "OS107"),
        ("My manager is a complete tyrant and everyone on the team is looking to leave.", "OS108"),
        ("The leadership at my job are liars, plain and simple.", "OS108"),
        ("Counting the hours until I can hand in my notice at this dump.", "OS108"),
        ("My boss threw me under the bus in front of the client today.", "OS108"),
        ("Flying to Tokyo tomorrow for three weeks, the flat will be empty the whole time.", "OS103"),
        ("Spare key is under the flowerpot for the cat sitter while we're away.", "OS103"),
        ("Sitting in the lobby of the Hilton on Park Lane right now, here till 4.", "OS103"),
    ],
)
def test_cue_combinations_catch_new_wordings(linter: Linter, text: str, code: str) -> None:
    assert code in flagged(linter, text, "comment")


@pytest.mark.parametrize(
    "text",
    [
        # someone else between the author and the cue
        "I'm proud of my sister, who beat cancer last year and just ran a marathon.",
        "I work with people living with diabetes every day and it's humbling.",
        "I help freelancers get out of debt and build savings.",
        "My mum is a nurse on a cancer ward and my hero.",
        # a negation between them
        "I've never had surgery and I hope it stays that way.",
        # a word that makes the cue something else
        "I had a stroke of luck today: the client signed!",
        "I'm in debt to everyone who helped me this year.",
        "My company is a disaster recovery specialist, happy to help.",
        "The new house is empty of furniture but full of boxes, moving is chaos.",
        "I got smashed at squash by my 60-year-old neighbour.",
        "I can't afford to ignore accessibility any more, so here's what I changed.",
        # ordinary family life, work talk and travel for work
        "My partner and I split the bill for the team dinner.",
        "My kids screamed at me when I turned off the TV, parenting is fun.",
        "My husband moved out of his old studio into a bigger space for his pottery business.",
        "My manager hates meetings as much as I do.",
        "Flying to Singapore tomorrow for a week of meetings with the APAC team.",
        "Heading to the beach for the weekend with the family!",
        "Right now at Acme we're rethinking onboarding.",
    ],
)
def test_cues_kept_apart_or_explained_away_pass(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "post") == set()


def test_a_combination_stays_quiet_between_friends(linter: Linter) -> None:
    text = "My brother hasn't spoken to me since the funeral."
    assert found(linter, text, "dm", False) == []
    assert flagged(linter, text, "dm", True) == {"OS105"}


def test_a_negated_knowing_does_not_hide_the_disclosure(linter: Linter) -> None:
    assert flagged(linter, "Nobody at work knows I'm on antidepressants.", "post") == {"OS104"}


# -- ID values after their name, and personal lines offered in the sentence before ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Here is my Aadhaar number for the visa form: 2345 6789 0123.",
        "My driver's license number is D123-4567-8901 if anyone needs it for the rental.",
        "National insurance number is QQ 12 34 56 C, just so you have it.",
    ],
)
def test_id_values_written_in_groups_are_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "comment") == {"OS102"}


def test_an_id_name_followed_by_a_booking_reference_passes(linter: Linter) -> None:
    assert flagged(linter, "Passport renewal took 10 weeks, booking ref 12345678.", "post") == set()


def test_a_service_prefix_offered_as_a_personal_line_is_flagged(linter: Linter) -> None:
    assert flagged(linter, "text me! 082 555 0199, I'm up till 2am", "reply", True) == {"OS101"}
    assert flagged(linter, "Questions? Ring 0800 123 4567, the line is free.", "reply", True) == set()


# -- the lexicon's shared word lists ------------------------------------------------------------------------------


def test_vocab_references_expand_in_phrases_and_patterns() -> None:
    lexicon = {
        "vocab": {"pets": ["cat", "dog"]},
        "rules": {"X1": {"phrases": ["@pets", "fish"], "patterns": [[{"LOWER": {"IN": "@pets"}}]]}},
    }
    expanded = oversharing.expand_vocab(lexicon)
    assert expanded["rules"]["X1"]["phrases"] == ["cat", "dog", "fish"]
    assert expanded["rules"]["X1"]["patterns"] == [[{"LOWER": {"IN": ["cat", "dog"]}}]]
    assert expanded["vocab"] == lexicon["vocab"]
