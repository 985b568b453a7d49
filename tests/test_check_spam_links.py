"""The spam-links check: what it flags, what it leaves alone, and how context changes it."""

from __future__ import annotations

import pytest

from conftest import check_findings
from netiquette.checks._matching import load_lexicon
from netiquette.checks.spam_links import FACTORY, LINKS_KEY, LinkFinder
from netiquette.linter import Linter
from netiquette.models import Finding, Severity

CHECK = "spam-links"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.spam_links"], builtins=False, entry_points=False)


def findings(linter: Linter, text: str, channel: str = "dm", first_contact: bool = False, **kw: str) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact, **kw)


def worst(linter: Linter, text: str, code: str, channel: str = "dm", first_contact: bool = False) -> Severity | None:
    """The highest severity reported for ``code``, or None when it is not reported."""
    severities = [f.severity for f in findings(linter, text, channel, first_contact) if f.code == code]
    return max(severities) if severities else None


def flagged(linter: Linter, text: str, channel: str = "dm", first_contact: bool = False) -> bool:
    return any(f.severity >= Severity.WARNING for f in findings(linter, text, channel, first_contact))


# -- SL101 link-only-message ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/landing",
        "🔥🔥 https://example.com/landing 🔥🔥",
        "Look! https://example.com/landing",
        "Watch this:\r\nhttps://example.com/landing\r\n",
    ],
)
def test_a_link_with_at_most_two_words_is_link_only(linter: Linter, text: str) -> None:
    assert worst(linter, text, "SL101", "dm", first_contact=True) == Severity.WARNING
    assert worst(linter, text, "SL101", "comment") == Severity.WARNING


def test_link_only_to_someone_you_know_is_a_hint_and_nothing_in_answer_to_them(linter: Linter) -> None:
    text = "https://example.com/menu.pdf"
    assert worst(linter, text, "SL101", "dm") == Severity.INFO
    report = linter.check(text, channel="reply", first_contact=False, reply_to="Do you have the link to the menu?")
    assert not [f for f in report.findings if f.code == "SL101"]


def test_a_link_with_a_sentence_around_it_is_not_link_only(linter: Linter) -> None:
    text = "The slides from my talk on queue design, with the benchmark numbers: https://example.com/slides"
    assert worst(linter, text, "SL101", "comment") is None


# -- SL102 shortened-link ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thought you'd like this https://bit.ly/3Kx9aQ",
        "HEY READ THIS HTTPS://BIT.LY/3KX9AQ",
        "More here: Bit.ly/3Kx9aQ",
        "See tinyurl.com/hiring-guide for the details.",
        "https://lnkd.in/dZ4xYq2 is the recording.",
        "Our app: https://acme.page.link/invite",
    ],
)
def test_shortened_links_are_flagged_in_any_case(linter: Linter, text: str) -> None:
    assert worst(linter, text, "SL102", "reply") == Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "I'd avoid link shorteners like bit.ly in outreach.",
        "Bit.ly is handy for tracking clicks on your own campaigns.",
        "Stop sending links like https://bit.ly/3Kx9aQ to strangers, nobody clicks them.",
        "The README uses `https://bit.ly/3Kx9aQ` as its example.",
        "Here's the talk: https://youtu.be/aBcD1234 (about 20 minutes).",
        "Here is where we met: https://maps.app.goo.gl/abc123",
    ],
)
def test_naming_a_shortener_or_a_transparent_share_link_is_not_a_shortened_link(linter: Linter, text: str) -> None:
    assert worst(linter, text, "SL102", "reply") is None


def test_the_finding_marks_the_url_exactly(linter: Linter) -> None:
    text = "Hola 👋🏽 amigos,\r\nmira esto 😱 (https://bit.ly/3Kx9aQ). ¡Gracias!"
    [shortened] = [f for f in findings(linter, text, "reply") if f.code == "SL102"]
    assert shortened.excerpt == "https://bit.ly/3Kx9aQ"
    assert text[shortened.start : shortened.end] == shortened.excerpt


def test_a_markdown_link_is_marked_without_its_brackets(linter: Linter) -> None:
    text = "Details in [the guide](https://tinyurl.com/abc-guide)."
    [shortened] = [f for f in findings(linter, text, "reply") if f.code == "SL102"]
    assert shortened.excerpt == "https://tinyurl.com/abc-guide"


# -- SL103 too-many-links --------------------------------------------------------------

THREE_LINKS = "My favourites:\nhttps://a.example.com/x\nhttps://b.example.com/y\nhttps://c.example.com/z"


def test_three_links_with_little_text_are_too_many_anywhere(linter: Linter) -> None:
    for channel in ("dm", "email", "reply", "comment", "post"):
        assert worst(linter, THREE_LINKS, "SL103", channel) == Severity.WARNING, channel


def test_two_links_are_too_many_only_to_a_stranger(linter: Linter) -> None:
    text = "Hi! My site is https://a.example.com and my newsletter is https://b.example.com/news"
    assert worst(linter, text, "SL103", "dm", first_contact=True) == Severity.WARNING
    assert worst(linter, text, "SL103", "email", first_contact=True) == Severity.WARNING
    assert worst(linter, text, "SL103", "dm") is None


def test_three_links_in_a_post_with_something_to_say_are_a_hint(linter: Linter) -> None:
    text = (
        "I rewrote our onboarding this quarter and three resources shaped it more than anything else. "
        "The first is a checklist we borrowed from a friend (https://a.example.com/checklist), the second "
        "a talk on pairing with new hires (https://b.example.com/talk), and the third a short essay on "
        "writing things down (https://c.example.com/essay)."
    )
    assert worst(linter, text, "SL103", "post") == Severity.INFO


# -- SL104 tracking-parameters ---------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a?utm_source=newsletter&utm_medium=email",
        "https://example.com/a?UTM_CAMPAIGN=Spring",
        "https://example.com/a?id=4&fbclid=IwAR2xYz",
        "https://example.com/a?gclid=Cj0KCQjw",
        "https://example.com/a?mc_eid=ab12cd",
        "https://www.instagram.com/p/Cx1/?igshid=MzRlODBiNWFlZA==",
        "https://example.com/a?_hsenc=p2ANqtz",
    ],
)
def test_tracking_parameters_are_flagged_even_in_a_reply(linter: Linter, url: str) -> None:
    text = f"Here you go: {url}"
    assert worst(linter, text, "SL104", "reply") == Severity.WARNING
    [finding] = [f for f in findings(linter, text, "reply") if f.code == "SL104"]
    assert finding.excerpt == url


@pytest.mark.parametrize(
    "text",
    [
        "Here you go: https://example.com/search?q=utm_source&page=2",
        "Here you go: https://example.com/docs#utm_source",
        "UTM parameters are useful for attribution, but strip them before sharing links.",
    ],
)
def test_other_parameters_and_talk_about_tracking_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text, "SL104", "reply") is None


# -- SL105 link-to-stranger ---------------------------------------------------------------

ONE_LINK = "Hi Maria, loved your talk on data contracts. I wrote up my notes here: https://notes.example.com/contracts"


@pytest.mark.parametrize(
    ("channel", "first_contact", "expected"),
    [
        ("connection_request", True, Severity.WARNING),
        ("connection_request", False, Severity.WARNING),
        ("dm", True, Severity.WARNING),
        ("comment", True, Severity.WARNING),
        ("email", True, Severity.INFO),
        ("reply", True, Severity.INFO),
        ("dm", False, None),
        ("email", False, None),
        ("reply", False, None),
        ("comment", False, None),
        ("post", True, None),
        ("post", False, None),
    ],
)
def test_a_clean_link_matters_only_to_a_stranger(
    linter: Linter, channel: str, first_contact: bool, expected: Severity | None
) -> None:
    assert worst(linter, ONE_LINK, "SL105", channel, first_contact) == expected


def test_a_bare_domain_offered_to_a_stranger_is_a_link(linter: Linter) -> None:
    assert worst(linter, "Let's connect! My site: growth-kit.net", "SL105", "connection_request", True)
    assert worst(linter, "Please visit www.example.biz\r\nThanks", "SL105", "connection_request", True) is None
    assert flagged(linter, "Please visit www.example.biz\r\nThanks", "connection_request", True)


def test_a_reference_link_to_a_stranger_is_a_hint_except_in_an_invitation(linter: Linter) -> None:
    text = "Hi Ana, the paper you mentioned is https://arxiv.org/abs/2301.00001, right?"
    assert worst(linter, text, "SL105", "dm", first_contact=True) == Severity.INFO
    assert worst(linter, text, "SL105", "connection_request", first_contact=True) == Severity.WARNING


def test_another_warning_on_the_same_link_replaces_link_to_stranger(linter: Linter) -> None:
    codes = {f.code for f in findings(linter, "Hi! https://bit.ly/3Kx9aQ is my portfolio", "dm", True)}
    assert "SL102" in codes
    assert "SL105" not in codes


# -- bare domains, SL106 bare-domain-bait ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Google.com vs Bing.com market share is a fun case study.",
        "Why we moved from Heroku to Fly.io, a thread.",
        "For stdlib questions I start at docs.python.org; the asyncio docs are great.",
        "Attached are report.pdf and settings.yaml.",
        "We just shipped v3.12.1, and pi is roughly 3.14.",
        "Thanks for the chat!\n\nBest,\nMarta Kowalska\nmarta.kowalska@brightlabs.pl",
        "I use Buttondown (buttondown.email) for my newsletter.",
        "Every startup wants a .ai domain now.",
        "Notes are in Q2/notes/2024-06-03.md as usual.",
        "It was late.It was raining.",
    ],
)
def test_names_files_versions_and_emails_are_not_links(linter: Linter, text: str) -> None:
    for channel in ("comment", "dm", "connection_request"):
        assert not findings(linter, text, channel, first_contact=True), (channel, text)


def test_a_bare_domain_pushed_with_bait_is_flagged(linter: Linter) -> None:
    text = "Claim your bonus today at bonushub.net/claim"
    assert worst(linter, text, "SL106", "dm") == Severity.WARNING
    [finding] = [f for f in findings(linter, text, "dm") if f.code == "SL106"]
    assert finding.excerpt == "bonushub.net/claim"


def test_a_bare_domain_without_bait_to_someone_you_know_passes(linter: Linter) -> None:
    assert not findings(linter, "We moved the docs to docs.example.org/guide last week.", "reply")


# -- SL107 link-bait -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "CLAIM YOUR REWARD HERE ➡️ https://example.com/r",
        "Claimed your prize yet? https://example.com/r",
        "See who viewed your profile: https://example.com/v",
        "See who's viewing your profile https://example.com/v",
        "Is this you in this video?? 😱 https://example.com/v",
        "Your account will be suspended, verify your account: https://example.com/v",
        "Get 5k real followers https://example.com/f",
    ],
)
def test_scam_bait_is_a_warning_anywhere_and_an_error_to_a_stranger(linter: Linter, text: str) -> None:
    assert worst(linter, text, "SL107", "dm") == Severity.WARNING
    assert worst(linter, text, "SL107", "dm", first_contact=True) == Severity.ERROR


@pytest.mark.parametrize(
    "text",
    [
        "CLICK HERE https://example.com/guide",
        "Clicking here gets you the guide: https://example.com/guide",
        "Tap the link below 👇\nhttps://example.com/guide",
        "Free ebook for you 👉 https://example.com/guide",
    ],
)
def test_soft_bait_is_a_warning_to_a_stranger_and_a_hint_otherwise(linter: Linter, text: str) -> None:
    assert worst(linter, text, "SL107", "comment", first_contact=True) == Severity.WARNING
    assert worst(linter, text, "SL107", "dm") == Severity.INFO
    assert worst(linter, text, "SL107", "post") == Severity.INFO


def test_link_in_bio_needs_no_link(linter: Linter) -> None:
    assert worst(linter, "The full checklist is free, link in my bio!", "SL107", "comment") == Severity.WARNING
    assert worst(linter, "The full checklist is free, link in my bio!", "SL107", "post") == Severity.INFO


def test_bait_words_without_a_link_are_left_to_other_checks(linter: Linter) -> None:
    assert not findings(linter, "Did you click the link I sent? Just checking it worked.", "dm", True)
    assert not findings(linter, "I love that you can see who viewed your profile now.", "comment", True)


def test_quoted_and_negated_bait_are_not_judged(linter: Linter) -> None:
    quoted = "> URGENT: claim your reward at http://rewards-center.win/now\nDon't click that, it's phishing."
    assert not findings(linter, quoted, "reply")
    negated = "Please don't click here: https://example.com/old is broken."
    assert worst(linter, negated, "SL107", "dm", first_contact=True) is None


def test_links_in_quotes_are_not_judged_but_reported_speech_still_sends_the_link(linter: Linter) -> None:
    assert not findings(linter, 'The scam text said "claim it at https://bit.ly/3Kx9aQ", ignore it.', "reply")
    assert not findings(linter, "On Mon, 3 June, Bob wrote:\n> https://bit.ly/3Kx9aQ\nThanks, got it.", "email")
    sent = "My friend told me to send you this https://bit.ly/3Kx9aQ"
    assert worst(linter, sent, "SL102", "dm", first_contact=True) == Severity.WARNING


# -- SL108 suspicious-domain -----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://free-followers-now.xyz",
        "https://rewards-center.win/claim",
        "https://secure-login-verify.com/account",
        "http://192.168.4.21/video.mp4",
        "https://xn--pypal-4ve.com/login",
        "https://paypal.com@203.0.113.9/login",
    ],
)
def test_suspicious_domains_are_flagged_anywhere(linter: Linter, url: str) -> None:
    assert worst(linter, f"Here you go: {url}", "SL108", "reply") == Severity.WARNING


@pytest.mark.parametrize("url", ["https://www.freecodecamp.org/learn", "https://winnipeg-events.ca/june"])
def test_ordinary_domains_are_not_suspicious(linter: Linter, url: str) -> None:
    assert worst(linter, f"Here you go: {url}", "SL108", "reply") is None


# -- passes: ordinary, friendly drafts ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Sure! Here it is: https://hbr.org/2023/05/the-case-for-slow-networking", "reply"),
        ("Hi Priya,\n\nHere's the deck: https://docs.google.com/presentation/d/1XyZ/edit. Best,\nRowan", "email"),
        ("This essay changed how I think about hiring, worth ten minutes: https://example.org/essays/hiring", "post"),
        ("Feel free to grab the slides here: https://example.org/slides.pdf", "dm"),
        ("Click here to join the call: https://zoom.us/j/123456", "email"),
    ],
)
def test_a_clean_link_to_someone_who_knows_you_passes(linter: Linter, text: str, channel: str) -> None:
    assert not flagged(linter, text, channel)


# -- the component ------------------------------------------------------------------------------


def test_links_and_bait_land_in_the_components_span_groups(linter: Linter) -> None:
    doc = linter.nlp("Click here 👉 www.example.xyz and docs.python.org")
    assert [span.label_ for span in doc.spans[LINKS_KEY]] == ["url"]
    assert {span.label_ for span in doc.spans[FACTORY]} == {"SL107"}


def test_the_link_finder_trims_sentence_punctuation_and_brackets() -> None:
    finder = LinkFinder(load_lexicon("spam_links.json"))
    text = "See (https://en.wikipedia.org/wiki/Foo_(bar)), then example.net/x."
    assert [text[link.start : link.end] for link in finder.find(text)] == [
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        "example.net/x",
    ]


def test_a_long_draft_full_of_links_is_checked(linter: Linter) -> None:
    text = "see https://bit.ly/abc and example.net/x `y` 👉 www.example.xyz\n" * 2000
    assert findings(linter, text, "dm", first_contact=True)
