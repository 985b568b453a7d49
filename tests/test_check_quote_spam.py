"""The quote-spam check: posts that are nothing but a borrowed quote or a poster aphorism."""

from __future__ import annotations

import pytest

from conftest import check_findings
from netiquette.checks import quote_spam
from netiquette.linter import Linter
from netiquette.models import Finding, Severity

CHECK = "quote-spam"
CODE = "QS101"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.quote_spam"], builtins=False, entry_points=False)


def findings(linter: Linter, text: str, channel: str = "post", first_contact: bool = False) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact)


def worst(linter: Linter, text: str, channel: str = "post", first_contact: bool = False) -> Severity | None:
    return max((f.severity for f in findings(linter, text, channel, first_contact)), default=None)


def test_hook_registers_one_check_with_documented_code() -> None:
    (check,) = quote_spam.netiquette_checks()
    assert check.id == CHECK
    assert [rule.code for rule in check.rules] == [CODE]
    rule = check.rule(CODE)
    assert rule.summary and rule.message and rule.suggestion
    assert rule.severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        '"Stay hungry, stay foolish." — Steve Jobs',
        "stay hungry stay foolish - steve jobs",
        "The only way to do great work is to love what you do. - Steve Jobs #motivation #success",
        "“Success is not final, failure is not fatal: it is the courage to continue that counts.” – W. Churchill",
        'Quote of the day: "Believe you can and you\'re halfway there." ~ Theodore Roosevelt ✨',
        '"Quality is not an act, it is a habit." (Aristotle)',
        "As Steve Jobs once said, 'Stay hungry, stay foolish.' #motivation",
        '"It always seems impossible until it\'s done." - Nelson Mandela\n\nLet that sink in.',
        "Opportunities don't happen. You create them. — Chris Grosser",
        "Your comfort zone is where dreams go to die. Step out today. #growthmindset",
        "Dream big. Work hard. Stay humble. Never give up on your dreams. #inspiration",
        "the harder you work for something the greater you'll feel when you achieve it #motivation",
        "Every expert was once a beginner. Keep learning, keep growing 🌱 #motivation #growth",
        "“Strive not to be a success,\nbut rather to be of value.”",
        "“Be yourself;\neveryone else is already taken.”\n— by Oscar Wilde",
        "Everything you want is on the other side of fear.",
        'Monday motivation 🚀\n\n"Hustle in silence and let your success make the noise."',
    ],
)
def test_quote_or_aphorism_alone_is_a_warning_in_a_post(linter: Linter, text: str) -> None:
    assert worst(linter, text) is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # The author says what the quote meant to them or how it applies.
        '"Stay hungry, stay foolish." — Steve Jobs\n\nI used to read this as a line about risk. After my startup '
        "failed I read it differently: staying hungry meant staying curious.",
        '"Measure twice, cut once." In software this means: write the migration plan before you touch prod. '
        "Reviews catch more than rollbacks do.",
        "Churchill said success is not final and failure is not fatal. This week our launch flopped on Tuesday "
        "and by Friday we had a plan B and two paying customers.",
        # Someone's words inside a story.
        'A customer told me last week: "You\'re the first vendor who actually read our docs." Here is what we '
        "changed in our onboarding since March.",
        'My grandmother always said "leave every room better than you found it." I think of her when I refactor.',
        # Short opinions in the author's own voice.
        "Hot take: most standups should be async. We moved ours to Slack and nobody misses the meeting.",
        "Unpopular opinion: code review is a conversation, not a gate.",
        "Consistency matters more than talent when hiring engineers.",
        "IMO the best career advice is boring: write things down, show up, be kind.",
        # News, thanks and specifics.
        "Huge congrats to the team on shipping v2! Months of hard work paid off. #teamwork",
        "Big day: our nonprofit passed 1,000 kids taught to code. Thank you to every volunteer.",
        "Happy Friday everyone! Off to the mountains for the weekend 🏔️",
        "Shipped the release - finally",
        "Meeting moved to 3pm - ask Mark",
        'Our new tagline is "Software that stays out of your way". Took us six workshops and 200 sticky notes.',
        "Hard to take leadership advice from someone who can't keep an intern for a month.",
        "#motivation #success #grind",
        # A motto under the author's own news of the day: the news is theirs.
        "Proud of this crew. Hard work pays off 💪 #teamwork",
        "Congrats to everyone who ran the booth this weekend! Dreams take work 🚀",
        # A message signed with a dash and a name, not a quote attributed to someone.
        "Thanks for the intro last week, really appreciated it. Talk soon - Yiannis",
        "Great catching up today! Let's do it again soon.\n- Oyelaran",
    ],
)
def test_own_words_stories_and_opinions_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text) is None


def test_context_decides_severity(linter: Linter) -> None:
    attributed = "“It does not matter how slowly you go as long as you do not stop.” — Confucius"
    assert worst(linter, attributed, "post") is Severity.WARNING
    assert worst(linter, attributed, "comment") is Severity.WARNING
    assert worst(linter, attributed, "reply") is Severity.WARNING
    assert worst(linter, attributed, "dm") is Severity.INFO
    assert worst(linter, attributed, "email", first_contact=True) is Severity.INFO
    # Quoting the post being answered, with a word of agreement, is engagement.
    echo = '"Make connections online, build relationships offline" — so true.'
    assert worst(linter, echo, "comment") is None
    assert worst(linter, echo, "post") is Severity.WARNING


def test_finding_covers_the_draft_without_surrounding_space(linter: Linter) -> None:
    text = '\n  "Stay hungry, stay foolish." — Steve Jobs 🙌\n'
    (finding,) = findings(linter, text)
    assert finding.excerpt == text.strip()
    assert finding.message == quote_spam.RULES[0].message


def test_long_draft_is_checked_quickly_and_is_not_a_quote_post(linter: Linter) -> None:
    line = "Dream big — work hard — never give up - Unknown #motivation\n"
    assert worst(linter, line) is Severity.WARNING
    assert findings(linter, line * 5000) == []


@pytest.mark.parametrize(
    "text",
    [
        # One-line tag-ons and lead-ins are framing, not the author's own words.
        "Courage is a habit you build, not a feeling you wait for.\n\nAgree?",
        "Success is a series of small wins. So true.",
        "As my favourite saying goes: fear is a liar, and dreams are worth the risk.",
        # A saying built on repetition, and a bare name for an attribution.
        "Hard choices, easy life. Easy choices, hard life. Thoughts?",
        "Don't wait for the perfect moment, take the moment and make it perfect. Zig Ziglar",
        # A numbered "rules for success" list.
        "6 rules for a successful life:\n1. Guard your energy\n2. Believe in your dreams\n3. Never quit\n"
        "4. Stay humble\n5. Be grateful\n6. Keep learning",
    ],
)
def test_unmarked_aphorisms_lists_and_tag_ons_are_a_warning(linter: Linter, text: str) -> None:
    assert worst(linter, text) is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "4 things we changed in our release process:\n1. Feature flags for every change\n2. A checklist in the "
        "pull request\n3. Deploys before noon only\n4. A rollback drill each month",
        "Three lessons from my first year as a founder:\n1. Talk to users weekly\n2. Hire slowly\n3. Cash is oxygen",
        "Happy Friday! Off to the coast for the weekend. Jane Smith",
        "Happy Monday! Standup at 10, coffee's on.",
    ],
)
def test_own_lists_and_ordinary_posts_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "What does the process do when you send it kill -INT? Does it stop, or keep running?",
        "Is it Turbo Pascal? Borland Pascal?",
        "Have you tried running it with the debugger attached? What does the log say about the crash?",
    ],
)
def test_questions_in_a_thread_are_a_conversation_not_a_quote(linter: Linter, text: str) -> None:
    assert worst(linter, text, channel="comment") is None
    assert worst(linter, text, channel="reply") is None


@pytest.mark.parametrize(
    "text",
    [
        # General statements with the rhetoric of a saying and no poster words.
        "Small hinges swing big doors.",
        "Calm hands steer the ship through every storm.",
        "Ships are safe in harbor, but that's not what ships are built for.",
        "the quietest rooms hold the loudest thoughts",
        # Commands to everyone: antithesis, parallel imperatives.
        "Plant in the spring, not in the storm.",
        "Don't chase the crowd, build the road.",
        "Talk less. Listen more. Observe everything.",
    ],
)
def test_sayings_read_from_their_shape_are_a_hint_in_a_post(linter: Linter, text: str) -> None:
    # A one-line tip can have a saying's shape, so the shape alone only hints.
    assert worst(linter, text) is Severity.INFO


@pytest.mark.parametrize(
    "text",
    [
        # An attribution in another form, and a bare name closing a saying.
        "Henry Ford put it best: whatever you think, you are right.",
        "Don't count the days, make the days count. Muhammad Ali",
    ],
)
def test_attributed_sayings_without_poster_words_are_a_warning_in_a_post(linter: Linter, text: str) -> None:
    assert worst(linter, text) is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # Something ties the general-sounding words to the author, a moment or a person.
        "Small hinges swing big doors. Our two-line config change halved the build this week.",
        "Rest well this weekend, everyone!",
        "Slow down on the bridge, the ice is bad this morning.",
        "Water the plants on Tuesday and Friday, not more; they rot easily.",
        "Don't use the staging database for demos, use the sandbox.",
        "The office will be closed on Monday, not Tuesday.",
        "Nobody cried, the launch slipped and nobody noticed.",
        "Cry more. The policy isn't changing.",
        "Never trust his estimates, he always doubles them.",
        "Rivers flood in spring. The council has closed the towpath.",
        # A question is a conversation, however short.
        "A variable has scope, an object has a lifetime. Which one do you mean?",
        # Too little of a saying's rhetoric: one sign of it, or none.
        "Long walks, quiet evenings, and not a single alarm clock.",
        "Silence is an answer.",
        "Bloom where you are planted.",
        # An answer in a conversation, however general it sounds.
        "No but the old printer always can",
    ],
)
def test_general_sounding_posts_with_something_specific_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text) is None


def test_a_saying_read_from_its_shape_is_reported_only_in_a_feed(linter: Linter) -> None:
    general = "Calm hands steer the ship through every storm."
    assert worst(linter, general, "comment") is Severity.INFO
    assert worst(linter, general, "reply") is Severity.INFO
    assert worst(linter, general, "dm") is None
    assert worst(linter, general, "email") is None
    # Under someone's post a command or "you" is addressed to that person.
    command = "Don't feed the trolls, just report them."
    assert worst(linter, command, "post") is Severity.INFO
    assert worst(linter, command, "comment") is None
    assert worst(linter, command, "reply") is None


@pytest.mark.parametrize(
    "text",
    [
        # A saying read from its shape, dressed up as a poster: decorative emoji, hashtags, a lead-in or tag-on.
        "Deep rivers move in silence, shallow brooks make noise. 🌊",
        "Old maps can't show new roads. #thoughts #sundayreads",
        "Remember: an oak does not ask the wind for permission. 🌳",
        "Courage is a habit you build, not a feeling you wait for.\n\nWhat would you add?",
        # A tag-on on its own line, which the sentence finder joins to the saying below it.
        "Words to remember 👇\n\nDon't chase the clock; outlast it.",
        "Tag a friend who needs this 👇\n\nYou are stronger than the storm you are in.",
    ],
)
def test_sayings_dressed_as_posters_are_a_warning_in_a_post(linter: Linter, text: str) -> None:
    assert worst(linter, text) is Severity.WARNING


def test_dressing_does_not_promote_a_tip_a_joke_or_a_reaction_in_a_thread(linter: Linter) -> None:
    # Undressed, the same shape is only a hint.
    assert worst(linter, "Old maps can't show new roads.") in {None, Severity.INFO}
    # A laugh is a person talking, not a poster's decoration.
    assert worst(linter, "Never microwave metal, it sparks 😅") in {None, Severity.INFO}
    # Under someone's post, "So true!" and an emoji react to that post.
    assert worst(linter, "So true! Small teams move faster 🚀", "comment") in {None, Severity.INFO}
    # Something of the day or of work still makes it the author's own.
    assert worst(linter, "Remember: pack light, the bus is tiny 🚌") is None
    assert worst(linter, "Don't leave laptops in the car, the heat kills the batteries. 🔥") is None


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        # A name right after a quotation that is the whole draft: an attribution without a dash.
        ("“I never lose. I either win or learn.” Nelson Mandela", "comment"),
        ('"Do not go where the path may lead; leave a trail instead." Ralph Waldo Emerson', "post"),
        # An unmarked quotation after a lead-in attribution.
        ("As Seneca put it, we suffer more in imagination than in reality.", "post"),
        ("As Lao Tzu said, nature does not hurry, yet everything is accomplished 🙏", "comment"),
        # A greeting sign-off is framing, like a tag-on.
        ("Kindness is free, so sprinkle it everywhere. Have a wonderful weekend, friends 🌻", "post"),
    ],
)
def test_attributions_without_a_dash_and_sign_offs_are_a_warning(linter: Linter, text: str, channel: str) -> None:
    assert worst(linter, text, channel) is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # A colleague's words: one given name is no famous attribution, and the words are about work.
        "As Mark said, nothing is final until the contract is signed.",
        "As Priya said in standup, the migration is blocked until Friday.",
        "As Einstein said, imagination is more important than knowledge. I think about this every time I plan.",
        # A signed message or a testimonial, not a saying.
        '"Thanks for the demo tonight" Jane Smith',
        '"Best onboarding I\'ve had in ten years" Maria Lopez, thank you for the kind words!',
        "Have a wonderful weekend everyone! Back Monday with the release notes.",
        # Quoted questions and questions about something in particular are a thread, not engagement bait.
        '"Use a literal." What does that mean here?',
        'The real question is "how do we cache this?"',
        '"It crashes on start." What happens when you run it without the flag?',
    ],
)
def test_colleagues_testimonials_and_thread_questions_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text) is None


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        # A label naming the words a quote tells as much as an attribution; "was once" is no story there.
        ("Saying of the week: the tallest oak was once a stubborn acorn.", "post"),
        ("Words to live by:\nthe finest bread was once just flour and patience.", "post"),
        ("Proverb for today: a borrowed ladder never reaches the roof.", "comment"),
    ],
)
def test_words_labelled_a_quote_are_a_warning(linter: Linter, text: str, channel: str) -> None:
    assert worst(linter, text, channel) is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # The label's words are news of the day or a child's remark, not a saying.
        "Quote of the week goes to our designer, who called the old logo a potato.",
        'Quote of the day from my son: "can the moon hear us"',
        "Quote of the day: Dana in finance said the budget was approved.",
    ],
)
def test_labelled_remarks_of_the_day_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text) is None


@pytest.mark.parametrize(
    "text",
    [
        # Four words are a saying when a tag-on points at them or two kinds of dressing frame them.
        "Calm minds decide better. Agree?",
        "Fear shouts, wisdom whispers 🤫",
        # "Without" inside one clause is a saying's contrast when one of the pair is a poster word.
        "Ambition without focus is just noise. ⏳",
        # No rhetoric, but a poster word, decorative emoji and hashtags at once.
        "Patience is a quiet skill. Practise it. 🌿 #patience #teamwork",
        # "when nobody is looking" is any time, not news of what is happening now.
        "Integrity shows when nobody is looking. 🔑 #ethics",
        # After a famous name and a colon, a quote may say "is -ing" and rest on a word said twice.
        "As Seneca said: while we are postponing, life speeds by.",
    ],
)
def test_short_contrasting_and_heavily_dressed_sayings_are_a_warning(linter: Linter, text: str) -> None:
    assert worst(linter, text) is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "Tabs beat spaces. Agree?",
        "Pasta without salt is just sad pasta 🍝",
        "Never drive to the airport without your passport 🙃",
        "Our booth is B12. Come say hi 👋 #devconf #berlin",
        "The north gate is closing when the repairs begin. 🚧 #commute",
        "As Priya said: the migration is running tonight, so expect a slow dashboard.",
        "Great teams ship fast 🚀",
    ],
)
def test_opinions_quips_and_notices_that_look_alike_pass(linter: Linter, text: str) -> None:
    assert worst(linter, text) is None
