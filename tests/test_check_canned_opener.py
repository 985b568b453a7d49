"""The canned-opener check: clichés, default invitations, generic salutations and unfilled placeholders."""

from __future__ import annotations

import pytest

from conftest import check_findings
from netiquette.checks import canned_opener
from netiquette.linter import Linter
from netiquette.models import Finding, Severity

CHECK = "canned-opener"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.canned_opener"], builtins=False, entry_points=False)


def findings(linter: Linter, text: str, channel: str = "dm", first_contact: bool = True) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact)


def worst(linter: Linter, text: str, code: str, channel: str = "dm", first_contact: bool = True) -> Severity | None:
    """The highest severity reported for ``code``, or None when it is not reported."""
    severities = [f.severity for f in findings(linter, text, channel, first_contact) if f.code == code]
    return max(severities, default=None)


def flagged(linter: Linter, text: str, code: str, channel: str = "dm", first_contact: bool = True) -> bool:
    severity = worst(linter, text, code, channel, first_contact)
    return severity is not None and severity >= Severity.WARNING


# -- the check and its rules ---------------------------------------------------


def test_hook_registers_one_check_with_documented_codes() -> None:
    (check,) = canned_opener.netiquette_checks()
    assert check.id == CHECK
    assert [rule.code for rule in check.rules] == ["CO101", "CO102", "CO103", "CO104"]
    for rule in check.rules:
        assert rule.summary and rule.message and rule.suggestion
        assert rule.name == rule.name.lower() and " " not in rule.name
    assert check.rule("CO104").severity is Severity.ERROR


def test_linter_runs_the_check(linter: Linter) -> None:
    assert CHECK in linter.checks


# -- CO101 cliche-opener -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I hope this message finds you well. I lead data at a logistics firm.",
        "I HOPE THIS EMAIL FINDS YOU WELL. I lead data at a logistics firm.",
        "Hoping this note finds you in good health! I lead data at a logistics firm.",
        "We trust this letter finds you well. Our firm is expanding to Leeds.",
        "hope this finds u well!! quick question about ur team",
        "Hi Sam, I came across your profile and thought we should connect.",
        "Came across ur LinkedIn profile, would love to connect 🙌",
        "Stumbled upon your profile today and had to say hello.",
        "Just wanted to touch base about a possible partnership.",
        "Just touching base to see if you saw my portfolio.",
        "Circling back on my note from last week about the panel.",
        "I'd love to pick your brain about moving into climate tech.",
        "Could I be picking your brains about hiring for a minute?",
        "Hope you're doing well! I'm building a community of founders.",
        "I hope you are doing well. I'm building a community of founders.",
        "Hope all is well! I'm building a community of founders.",
        "I'm reaching out to connect with like-minded professionals.",
        "Just wanted to reach out and see if you're open to new roles.",
    ],
)
def test_cliches_opening_a_first_contact_are_warnings(linter: Linter, text: str) -> None:
    assert worst(linter, text, "CO101") is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "Hi Priya, hope the marathon went well! I was the one asking about pacing.",
        "Hope the move to Lisbon went smoothly!",
        "Hope all is well with the new baby! No rush on the slides.",
        "Hope you're doing well after the surgery. Thinking of you.",
        "Hi Sam, I'm reaching out because we met at the AI meetup and you mentioned your startup.",
        "Layla suggested I reach out about your open banking work.",
        "Thanks for reaching out! Happy to help.",
        "Feel free to reach out if anything comes up.",
        "Let's touch base on Friday after the demo.",
        "Can we circle back to pricing later?",
        "Looking forward to touching base next week.",
        "Hope this finds its way to the right people: the shelter needs foster homes.",
        "I came across your old profile photo while clearing my phone 😂",
        "Just touching on what you said yesterday about hiring.",
    ],
)
def test_warm_specific_or_ordinary_lines_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text, "CO101") is None


def test_negated_cliche_is_not_judged(linter: Linter) -> None:
    text = "I'm not reaching out to sell you anything, I just loved your talk."
    assert worst(linter, text, "CO101") is None


@pytest.mark.parametrize(
    "text",
    [
        'Unpopular opinion: "I hope this email finds you well" is just filler.',
        "Tip: instead of “I came across your profile”, say what you read.",
        "> I hope this message finds you well.\nHa, that line again. Figures attached.",
        "My recruiter said I hope this finds you well is fine to use.",
        "Stop opening cold emails with I hope this finds you well.",
        "Three openers I avoid: touch base, circle back and pick your brain.",
    ],
)
def test_quoted_reported_or_discussed_cliches_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text, "CO101", channel="post", first_contact=False) is None
    assert worst(linter, text, "CO101", channel="dm", first_contact=True) is None


def test_context_changes_cliche_severity(linter: Linter) -> None:
    strong = "Just wanted to touch base, did the invoice go through?"
    assert worst(linter, strong, "CO101", "dm", first_contact=True) is Severity.WARNING
    assert worst(linter, strong, "CO101", "email", first_contact=False) is Severity.WARNING
    assert worst(linter, strong, "CO101", "reply", first_contact=False) is Severity.INFO
    assert worst(linter, strong, "CO101", "post", first_contact=False) is Severity.INFO
    soft = "Hope you're doing well! Yes, Thursday works."
    assert worst(linter, soft, "CO101", "dm", first_contact=True) is Severity.WARNING
    assert worst(linter, soft, "CO101", "dm", first_contact=False) is Severity.INFO
    assert worst(linter, soft, "CO101", "reply", first_contact=False) is Severity.INFO
    assert worst(linter, soft, "CO101", "post", first_contact=False) is None


def test_cliche_buried_below_the_opening_matters_less(linter: Linter) -> None:
    opening = "Hi Noor, I came across your profile. Your keynote on hiring panels changed how we interview."
    buried = (
        "Hi Noor, your keynote on hiring panels changed how we interview. "
        "We now rotate the chair every round. We also dropped cover letters entirely. "
        "I came across your profile after the talk."
    )
    assert worst(linter, opening, "CO101") is Severity.WARNING
    assert worst(linter, buried, "CO101") is Severity.INFO
    soft_buried = (
        "Thanks for the notes on the draft. I fixed the chart labels you flagged. The appendix is shorter now. "
        "Hope all is well!"
    )
    assert worst(linter, soft_buried, "CO101", "dm", first_contact=False) is None


# -- CO102 default-invitation-text ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to add you to my professional network on LinkedIn.",
        "I would like to add you to my professional network.",
        "Hi there! I'd like to join your LinkedIn network.",
        "I WOULD LIKE TO JOIN YOUR LINKEDIN NETWORK",
        "Please accept my invitation to connect.",
        "Kindly accept my connection request.",
    ],
)
def test_default_invitation_text_is_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "CO102", channel="connection_request")


def test_default_invitation_text_context(linter: Linter) -> None:
    text = "I'd like to add you to my professional network."
    assert worst(linter, text, "CO102", "reply", first_contact=False) is Severity.INFO
    soft = "I'd like to connect with you on LinkedIn."
    assert worst(linter, soft, "CO102", "connection_request") is Severity.WARNING
    assert worst(linter, soft, "CO102", "dm", first_contact=False) is Severity.INFO


@pytest.mark.parametrize(
    "text",
    [
        "Hi Marco, I saw your session on edge caching at Web Summit. Would love to connect.",
        "Thanks for accepting my invitation! Great to be connected.",
        "I never add people to my network without a note.",
    ],
)
def test_personal_invitations_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text, "CO102", channel="connection_request") is None


# -- CO103 generic-salutation ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sir/Madam,\n\nI am writing about internships.",
        "DEAR SIR OR MADAM, PLEASE ACCEPT MY REQUEST.",
        "Dear Sirs,\n\nPlease find my CV attached.",
        "Respected Sir,\nI am a final-year student.",
        "Hello Sir/Ma'am, I am a recent graduate.",
        "To whom it may concern,\n\nI would like information about vendor onboarding.",
        "Dear Valued Customer,\r\n\r\nOur offices close on Friday.",
        "Greetings of the day! I am a software engineer.",
        "Hello dear, how are you doing today?",
        "Dear friend, I would like to know you better.",
        "👋 Hello Dear! I saw your picture.",
    ],
)
def test_generic_salutations_to_strangers_are_flagged(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "CO103", channel="email")


def test_salutation_context(linter: Linter) -> None:
    assert worst(linter, "Hello dear, dinner at 7?", "CO103", "dm", first_contact=False) is None
    assert worst(linter, "Dear Sir, thank you for the reference.", "CO103", "email", first_contact=False) is (
        Severity.INFO
    )
    role = "Dear Hiring Manager,\n\nI am applying for the analyst role."
    assert worst(linter, role, "CO103", "email", first_contact=True) is Severity.INFO


@pytest.mark.parametrize(
    "text",
    [
        "Dear Priya,\n\nThanks for the notes.",
        "Dear Dr. Nakamura,\n\nThank you for reviewing my manuscript.",
        "Dear Mr and Mrs Patel,\n\nThank you for hosting us.",
        "You're a dear friend and I miss you.",
        "> Dear Sir/Madam, To whom it may concern,\nHa, the double salutation is the best.",
        'People who write "To whom it may concern" in a DM make me sad.',
        "Dear, will call tomorrow.",
    ],
)
def test_named_quoted_or_inline_salutations_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text, "CO103", channel="email") is None


# -- CO104 unfilled-placeholder --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Hi {first_name}, loved your post!", "{first_name}"),
        ("Hey {{name}},\n\nJust a note.", "{{name}}"),
        ("Congrats {{ first_name }}! Well deserved 🎉", "{{ first_name }}"),
        ("Hi [Name], thanks for getting back to me!", "[Name]"),
        ("I think your work at [Company Name] is great.", "[Company Name]"),
        ("Hi %FIRSTNAME%, quick question.", "%FIRSTNAME%"),
        ("Hi <NAME>, we share mutual connections.", "<NAME>"),
        ("Hi Ms. <LAST_NAME>, thank you for applying.", "<LAST_NAME>"),
        ("Hello {FirstName}, welcome aboard.", "{FirstName}"),
        ("Hi ${first_name}, quick chat?", "${first_name}"),
        ("Hi *|FNAME|*, thanks for subscribing.", "*|FNAME|*"),
        ("Hi <<First Name>>, your order shipped.", "<<First Name>>"),
        ("Thrilled to join {Company} as {Job Title}!", "{Company}"),
        ("Hi [name], quick question.", "[name]"),
        ("Hi [COMPANY] team, congrats on the launch.", "[COMPANY]"),
    ],
)
def test_placeholders_are_errors(linter: Linter, text: str, excerpt: str) -> None:
    for channel, first_contact in (("dm", True), ("comment", False), ("reply", False), ("post", False)):
        found = [f for f in findings(linter, text, channel, first_contact) if f.code == "CO104"]
        assert excerpt in [f.excerpt for f in found], (channel, found)
        assert all(f.severity is Severity.ERROR for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "[edit: typo] Meant Q3, not Q2.",
        "Great point [1], although the study in [2] disagrees.",
        "Love this <3 thanks for sharing!",
        "[Update] The meetup moved to room 204.",
        "Link is in the comments [link].",
        "[MultiseatX](https://example.org/multiseat) gives you independent displays.",
        "In the Jinja template use {{ first_name }}, not {first_name}.",
        "The CSV column was FirstName but the template expected %FIRSTNAME%.",
        "The placeholder [Name] in the newsletter template is filled by the CRM.",
        "The <NAME> tag in our XML export is empty.",
        "In Mailchimp the merge tag is *|FNAME|*, in HubSpot it's {{ contact.firstname }}.",
        "Use `{name}` in the greeting line.",
        "The %s in the log line is just a format placeholder.",
        "Why not pass ${resource} to the frontend?",
        "Set %PATH% and restart the shell.",
        "Try row[Name] or List<Name> in the code.",
        'She wrote "Hi {first_name}" in the subject line, oops.',
        "Our newsletter goes out with Hi {{first_name}} at the top; the tool replaces it.",
    ],
)
def test_brackets_that_are_not_unfilled_fields_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text, "CO104", channel="reply", first_contact=False) is None


def test_template_talk_does_not_excuse_an_opening_greeting_placeholder(linter: Linter) -> None:
    text = "Hi {first_name},\n\nOur CRM template saves your team hours every week."
    assert worst(linter, text, "CO104", "email") is Severity.ERROR


def test_placeholder_is_flagged_whatever_precedes_it(linter: Linter) -> None:
    assert worst(linter, "No worries {first_name}, talk soon!", "CO104") is Severity.ERROR


# -- offsets ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "🎉👋 Hi {first_name}! 🙌 I came across your profile 😊",
        "Dear Sir/Madam,\r\n\r\n🙂 I hope this email finds you well.\r\nRegards",
        "\ufeffHello dear 💕\r\nI'd like to add you to my professional network.",
        "e\u0301mile here. Hi [Name], hope all is well!",
    ],
)
def test_offsets_match_excerpts_around_emoji_and_crlf(linter: Linter, text: str) -> None:
    found = findings(linter, text, "dm", first_contact=True)
    assert found
    for finding in found:
        assert text[finding.start : finding.end] == finding.excerpt
        assert finding.excerpt == finding.excerpt.strip()


def test_findings_carry_rule_wording(linter: Linter) -> None:
    (finding,) = findings(linter, "I came across your profile and would love to connect.")
    assert finding.code == "CO101"
    assert finding.excerpt == "I came across your profile"
    assert finding.message == canned_opener.RULES[0].message
    assert finding.suggestion == canned_opener.RULES[0].suggestion


def test_long_draft_is_checked_quickly(linter: Linter) -> None:
    text = "Hi {first_name}, hope all is well. I came across your profile. " * 2000
    assert len(findings(linter, text)) >= 2000
