"""The self-focus check: messages to a reader that are all about the author."""

from __future__ import annotations

import pytest

from conftest import check_findings
from netiquette.checks import self_focus
from netiquette.linter import Linter
from netiquette.models import Finding, Severity

CHECK = "self-focus"
CODE = "SF101"

PITCH = (
    "Hi Sam, I'm a full-stack developer with eight years of experience. I've built apps for startups and a bank. "
    "My team and I specialise in React and Node. We just shipped our biggest release. I'm looking for my next "
    "contract."
)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.self_focus"], builtins=False, entry_points=False)


def findings(
    linter: Linter, text: str, channel: str = "dm", first_contact: bool = True, reply_to: str | None = None
) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact, reply_to=reply_to)


def worst(
    linter: Linter, text: str, channel: str = "dm", first_contact: bool = True, reply_to: str | None = None
) -> Severity | None:
    return max((f.severity for f in findings(linter, text, channel, first_contact, reply_to)), default=None)


def test_hook_registers_one_check_with_documented_code() -> None:
    (check,) = self_focus.netiquette_checks()
    assert check.id == CHECK
    assert [rule.code for rule in check.rules] == [CODE]
    rule = check.rule(CODE)
    assert rule.summary and rule.message and rule.suggestion
    assert rule.severity is Severity.WARNING


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        (PITCH, "dm"),
        (PITCH.lower(), "email"),
        (
            "hey! im a music producer from atlanta, ive worked with big names and my beats have 2M streams. "
            "im building my catalog and my studio is open for sessions. check my soundcloud",
            "dm",
        ),
        (
            "Hi! I'm a leadership coach. I've coached 300+ executives and my programme has great reviews. "
            "I wrote a book on resilience last year. I'm expanding my network with senior leaders.",
            "connection_request",
        ),
        (
            "Hello! We are a digital agency. We have helped 150 brands grow, our team is award-winning and we "
            "have partnered with Google. Our case studies are on our website. We are onboarding new clients.",
            "email",
        ),
        (
            "Hi Ben 🙂 I'm a product designer and I've designed apps used by millions. I led my company's redesign. "
            "I'm exploring new roles and my portfolio is on my site. Let me know if you'd like to chat.",
            "dm",
        ),
        (
            "Hi Carla, I'm a sommelier, I've worked at two Michelin-starred restaurants and I now run my own "
            "consultancy. I write my own column too. I'd like to add you to my network.",
            "connection_request",
        ),
    ],
)
def test_all_about_the_author_to_a_stranger_is_a_warning(linter: Linter, text: str, channel: str) -> None:
    assert worst(linter, text, channel, first_contact=True) is Severity.WARNING


def test_hijacking_a_comment_or_reply_is_a_warning(linter: Linter) -> None:
    text = (
        "Great post. I wrote about this back in 2019 and my article got picked up by Forbes. I've been speaking "
        "on this for years and my new course covers it. I'm running a webinar next week too."
    )
    assert worst(linter, text, "comment", first_contact=False) is Severity.WARNING
    assert worst(linter, text, "reply", first_contact=False) is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # Real interest in the reader, however much the author talks about themselves.
        "Hi Dana, I loved your talk on accessible forms. I'm a front-end dev and I've been fighting our checkout "
        "forms for months. I tried your labelling trick and my error rate dropped. How did you convince your team?",
        "Hi Kwame, I read your piece on cooperative housing. I'm a planner in Leeds and I'm working on a similar "
        "scheme. I'd love to hear how your group handled the financing. I'm free most Fridays.",
        "i saw ur post about learning rust. im learning it too and im stuck on lifetimes lol. i think i get it "
        "now. how long did it take u to get comfortable with the borrow checker",
        "Hey Sam! So I'm planning my move to Berlin and I saw you made the same move. I'm a designer and I'm "
        "nervous about finding work. What was the job market like for you?",
        "Hi Omar, I've been following you since your first talk. I'm a founder too and I've struggled with the "
        "same questions. I tried annual plans and my churn dropped. Would you share how your team chose usage pricing?",
        # Short drafts with one or two "I".
        "Hi Leo, I enjoyed your talk yesterday. Would love to stay in touch.",
        "I'm also in Lisbon next week, coffee?",
        "Sorry I missed your call, I'm in a workshop until 3.",
    ],
)
def test_interest_in_the_reader_or_short_drafts_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text, "dm", first_contact=True) is None


def test_own_post_is_never_reported(linter: Linter) -> None:
    text = (
        "Some personal news: I'm joining Monzo as a staff engineer! I spent five years at my last company and I "
        "learned so much from my team. I'm excited for my next chapter. I'm grateful to everyone who helped me."
    )
    assert worst(linter, text, "post", first_contact=False) is None
    assert worst(linter, PITCH, "post", first_contact=True) is None


def test_answering_a_question_about_the_author_passes(linter: Linter) -> None:
    answer = (
        "I got into UX through teaching. I was a primary teacher for six years, I did a course in the evenings, "
        "and my first job was at a small agency. I still use my classroom skills every day."
    )
    assert worst(linter, answer, "reply", first_contact=False) is Severity.WARNING
    assert worst(linter, answer, "reply", first_contact=False, reply_to="How did you get into UX design?") is None
    assert worst(linter, "Good question! " + answer, "reply", first_contact=False) is None
    assert worst(linter, "Thanks for asking 🙂 " + answer, "dm", first_contact=False) is None
    assert worst(linter, answer, "reply", first_contact=False, reply_to="How's the new job going?") is None
    # A question to everyone does not excuse the monologue.
    for question in ("Great thread. What do you all think?", "Anyone moved from teaching to UX?", "Thoughts?"):
        assert worst(linter, answer, "reply", first_contact=False, reply_to=question) is Severity.WARNING


def test_known_reader_gets_a_hint_unless_it_is_a_showcase(linter: Linter) -> None:
    news = "Guess what, I got the job! I start on Monday. I'm so nervous. My new team seems lovely and my boss too."
    assert worst(linter, news, "dm", first_contact=False) is Severity.INFO
    status = (
        "Hi Mark, quick update: I finished the report, I sent it to legal, and I'm now working on the slides. "
        "I'll have them ready by Thursday. My only blocker is the data from finance."
    )
    assert worst(linter, status, "email", first_contact=False) is Severity.INFO
    showcase = (
        "Hey! I just launched my new podcast. I interview founders about their failures. I recorded ten "
        "episodes already and my first guest was a unicorn CEO. I'm really proud of it."
    )
    assert worst(linter, showcase, "dm", first_contact=False) is Severity.WARNING
    assert worst(linter, showcase, "dm", first_contact=True) is Severity.WARNING


@pytest.mark.parametrize(
    "closer",
    [
        "Thank you for your time.",
        "Let me know if you're interested.",
        "I can help you grow your business.",
        "I'd love to connect with you.",
        "Looking forward to hearing from you.",
        "I know you're busy.",
        "You might be interested in our new audit service.",
        "I think you'd be a great client for my practice.",
        "I work with experts in your industry.",
        "Yours sincerely, Sam",
    ],
)
def test_stock_uses_of_you_are_not_interest(linter: Linter, closer: str) -> None:
    assert worst(linter, PITCH + " " + closer, "dm", first_contact=True) is Severity.WARNING


def test_quoted_words_are_not_counted(linter: Linter) -> None:
    text = (
        "Hi Jo, a recruiter sent me this:\n> I'm a top recruiter. I've placed 500 people. My clients love me. "
        "I'm the best. My fees are low.\nHave you had the same one?"
    )
    assert worst(linter, text, "dm", first_contact=False) is None


def test_message_gives_the_figures_and_marks_the_most_self_centred_sentence(linter: Linter) -> None:
    (finding,) = findings(linter, PITCH)
    assert finding.code == CODE
    assert finding.message.startswith("5 sentences about you (8 mentions of yourself), none about the reader.")
    assert finding.excerpt == "My team and I specialise in React and Node."
    assert finding.suggestion == self_focus.RULES[0].suggestion


def test_offsets_hold_around_emoji_and_crlf(linter: Linter) -> None:
    text = "\ufeffHi 👋\r\n" + PITCH.replace(". ", ". 🙂\r\n")
    (finding,) = findings(linter, text)
    assert finding.excerpt == finding.excerpt.strip()


def test_long_draft_is_checked_quickly(linter: Linter) -> None:
    text = (PITCH + " ") * 3000
    assert len(findings(linter, text)) == 1


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        (
            "Hey, quick intro: I lead partnerships at Quillsoft. We just passed 20k teams on the platform and "
            "I'm lining up launch partners.",
            "dm",
        ),
        ("Hi Ade, product marketer here, 10 years in B2B, two exits. Currently building my advisory practice.", "dm"),
        ("I'm a motion designer, my portfolio is at example.com/reel. Taking on commissions for spring.", "email"),
        (
            "Funny, we did exactly this at my last startup and grew revenue 4x. I now teach it in my masterclass.",
            "comment",
        ),
    ],
)
def test_short_pitch_with_few_mentions_is_a_warning(linter: Linter, text: str, channel: str) -> None:
    assert worst(linter, text, channel=channel, first_contact=channel in {"dm", "email"}) is Severity.WARNING


@pytest.mark.parametrize(
    ("text", "channel", "first_contact"),
    [
        # Everyday replies with a few "I": no showcase, or trouble and apology.
        ("Sorry, I can't make it on Friday, I've got my son's football final. Monday works for me.", "reply", False),
        ("Running late, my bus broke down. I'll be there by ten, sorry!", "dm", False),
        # A short pitch that still mentions the reader, asks them something, or argues a point.
        ("I'm a growth consultant with 40+ clients and $3M in pipeline. Could your team use help?", "dm", True),
        ("I'm a founder with two exits and $40M in revenue, so I think I know this market.", "reply", False),
    ],
)
def test_everyday_or_engaged_short_drafts_pass(linter: Linter, text: str, channel: str, first_contact: bool) -> None:
    assert worst(linter, text, channel=channel, first_contact=first_contact) is None


def test_explaining_your_own_problem_in_a_thread_passes(linter: Linter) -> None:
    problem = (
        "I get the same error after upgrading. I reinstalled the package and my lock file is fresh. "
        "I also tried the workaround from the docs and I still see it in my logs. I'm on my work laptop."
    )
    asking = (
        "I have a small shop and I sell my own candles. I built my site myself and my checkout works. "
        "Where can I find a cheap payment provider for my kind of business?"
    )
    assert worst(linter, problem, channel="comment", first_contact=False) is None
    assert worst(linter, asking, channel="comment", first_contact=False) is None
    # The same pitch without the trouble or the question is still self-promotion in a thread.
    boast = (
        "I have a small shop and I sell my own candles. I built my site myself and my checkout converts at 6%. "
        "My brand has 20k followers and I launched my second product line in May."
    )
    assert worst(linter, boast, channel="comment", first_contact=False) is Severity.WARNING


def test_self_introduction_must_open_a_sentence(linter: Linter) -> None:
    sarcastic = "Ah, the classic read one blog post and now I'm an expert on my own blog. Adorable."
    assert worst(linter, sarcastic, channel="reply", first_contact=False) is None
