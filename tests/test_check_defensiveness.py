"""The defensiveness check: hedged attacks, blame, condescension, tone policing, rank, brush-offs, ridicule."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from conftest import check_findings
from netiquette.checks import defensiveness
from netiquette.checks._matching import load_lexicon
from netiquette.linter import Linter
from netiquette.models import Finding, Severity

CHECK = "defensiveness"
CODES = ["DF101", "DF102", "DF103", "DF104", "DF105", "DF106", "DF107"]
PAGE = Path(__file__).resolve().parent.parent / "docs" / "rules" / "defensiveness.md"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.defensiveness"], builtins=False, entry_points=False)


def findings(linter: Linter, text: str, channel: str = "reply", first_contact: bool = False) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact)


def worst(linter: Linter, text: str, code: str, channel: str = "reply", first_contact: bool = False) -> Severity | None:
    """The highest severity reported for ``code``, or None when it is not reported."""
    return max((f.severity for f in findings(linter, text, channel, first_contact) if f.code == code), default=None)


def flagged(linter: Linter, text: str, code: str, channel: str = "reply", first_contact: bool = False) -> bool:
    severity = worst(linter, text, code, channel, first_contact)
    return severity is not None and severity >= Severity.WARNING


def flagged_any(linter: Linter, text: str, channel: str = "reply", first_contact: bool = False) -> bool:
    return any(f.severity >= Severity.WARNING for f in findings(linter, text, channel, first_contact))


# -- the check and its rules ---------------------------------------------------


def test_hook_registers_one_check_with_documented_codes() -> None:
    (check,) = defensiveness.netiquette_checks()
    assert check.id == CHECK
    assert [rule.code for rule in check.rules] == CODES
    for rule in check.rules:
        assert rule.summary and rule.message and rule.suggestion
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert check.rule("DF107").severity is Severity.ERROR


def test_linter_runs_the_check(linter: Linter) -> None:
    assert CHECK in linter.checks


def test_lexicon_keys_name_defined_codes_and_known_guards() -> None:
    lexicon = load_lexicon("defensiveness.json")
    guards = {
        "phrases", "patterns", "frames", "start", "alone", "end", "not_after", "not_before", "needs", "unless",
        "soft", "hint",
    }  # fmt: skip
    guards_of_cues = guards | {"any_polarity"}
    families = {name.partition("/")[0] for name in lexicon["cues"]}
    for key, entry in lexicon["rules"].items():
        assert key.partition("/")[0] in CODES, key
        assert set(entry) <= guards, (key, set(entry) - guards)
        assert set(entry.get("needs", ())) <= families, key
        assert set(entry.get("unless", ())) <= families, key
    for key, entry in lexicon["cues"].items():
        assert set(entry) <= guards_of_cues, (key, set(entry) - guards_of_cues)
    for key, entry in lexicon["combos"].items():
        assert set(entry.get("unless", ())) <= families, key


def test_frames_name_defined_word_lists_and_compile_to_token_patterns() -> None:
    lexicon = load_lexicon("defensiveness.json")
    entries = [*lexicon["rules"].values(), *lexicon["cues"].values()]
    frames = [frame for entry in entries for frame in entry.get("frames", [])]
    assert frames
    for frame in frames:
        assert set(re.findall(r"\$([a-z_]+)", frame)) <= set(lexicon["vocab"]), frame
        assert len(defensiveness._frame_pattern(frame)) == len(frame.split()), frame


def test_frame_slots_compare_lowercase_lemma_or_norm() -> None:
    pattern = defensiveness._frame_pattern("i @do|have? =not ~2 /splain/ $you{0,2}")
    assert pattern[0] == {"LOWER": {"IN": ["i"]}}
    assert pattern[1] == {"LEMMA": {"IN": ["do", "have"]}, "OP": "?"}
    assert pattern[2] == {"NORM": {"IN": ["not"]}}
    assert pattern[3]["OP"] == "{0,2}" and "not" in pattern[3]["LOWER"]["NOT_IN"]
    assert pattern[4] == {"LOWER": {"REGEX": "splain"}}
    assert pattern[5] == {"LOWER": {"IN": ["$you"]}, "OP": "{0,2}"}


def test_matches_land_in_the_components_span_group_labelled_with_codes(linter: Linter) -> None:
    doc = linter.nlp("Whatever. Calm down, per my last email.")
    labels = sorted(span.label_ for span in doc.spans[defensiveness.FACTORY])
    assert labels == ["DF103", "DF104", "DF106"]


# -- DF101 hedged-attack -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "With all due respect, that is nonsense.",
        "WITH ALL DUE RESPECT, YOU'RE WRONG.",
        "No offense, but this is a naive plan.",
        "No offence to anyone here, but the numbers don't add up.",
        "Not to be rude, but did you proofread this?",
        "I'm not trying to be mean but your deck is too long.",
        "I don’t mean to sound harsh, but this won't work.",
        "Don't take this the wrong way, but your CV is a mess.",
        "With respect,\nyou're missing the point.",
    ],
)
def test_df101_flags_hedged_attacks(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "DF101")


@pytest.mark.parametrize(
    "text",
    [
        "No offense taken at all!",
        "Respectfully, I see it differently. Here's my reading.",
        "With respect to the budget, let's wait for Q3.",
        "I hate to bother you, but could you resend the file?",
        "Don't take it personally, they reject everyone the first time.",
    ],
)
def test_df101_passes_ordinary_talk(linter: Linter, text: str) -> None:
    assert worst(linter, text, "DF101") is None


# -- DF102 denial-and-blame ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I never said that.",
        "I NEVER SAID WE SHOULD HIRE MORE. READ IT AGAIN.",
        "I didn’t say that at all.",
        "That's not what I wrote.",
        "Stop twisting my words.",
        "You keep twisting my words.",
        "Quit putting words in my mouth.",
        "You clearly didn't read the article.",
        "Did you even read the post?",
        "If you'd actually read the thread you would know.",
        "Maybe read my comment again.",
        "Maybe learn to read.",
        "You completely missed the point.",
        "You're taking my words out of context.",
        "No I never said that.",
    ],
)
def test_df102_flags_denial_and_blame(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "DF102")


@pytest.mark.parametrize(
    "text",
    [
        "I never looked at it like that. Thanks!",
        "I'll read it again tonight and send notes.",
        "I read the log again and found the bug.",
        "Could you read my draft again when you have time?",
        "That's not what I meant, sorry for the confusion! Let me rephrase.",
        "My son is learning to read this year.",
        "You don't need to read it again, the summary is enough.",
    ],
)
def test_df102_passes_ordinary_talk(linter: Linter, text: str) -> None:
    assert worst(linter, text, "DF102") is None


# -- DF103 condescending-repetition --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Per my last email, the invoice is attached.",
        "As per my previous message, please send the file.",
        "As I already explained, the files go in the shared drive.",
        "As I've said multiple times, finance approves this.",
        "As I said before, it's on the roadmap.",
        "As previously stated, the warranty does not cover water damage.",
        "Please refer to my earlier email.",
        "I'm not going to repeat myself.",
        "I shouldn't have to repeat the steps again.",
        "Let me spell it out for you.",
        "Let me make this simple for you.",
        "Let me explain this slowly so you understand.",
        "Not sure how much clearer I can be.",
        "I covered that. Again.",
    ],
)
def test_df103_flags_condescending_repetition(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "DF103", channel="email")


@pytest.mark.parametrize(
    "text",
    [
        "As I mentioned on Friday, I'm away next week.",
        "Per our call this morning, here are the action items.",
        "Again, thanks so much for hosting us!",
        "I may not have explained it well, so let me try again with an example.",
        "Just re-sending in case my earlier message got buried. No rush!",
    ],
)
def test_df103_passes_ordinary_talk(linter: Linter, text: str) -> None:
    assert worst(linter, text, "DF103", channel="email") is None


# -- DF104 tone-policing -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Calm down, it's just a post.",
        "CALM DOWN.",
        "Ok just calm down.",
        "You need to calm down.",
        "Chill out, nobody is attacking you.",
        "No need to get so upset about a typo.",
        "Don't be so sensitive.",
        "Stop being so dramatic.",
        "You're being way too emotional about this.",
        "You're overreacting.",
        "Relax, it was a joke.",
    ],
)
def test_df104_flags_tone_policing_in_public(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "DF104", channel="comment")


@pytest.mark.parametrize(
    "text",
    [
        "I need to calm down before replying.",
        "Let me calm down first and I'll call you.",
        "Things finally calmed down at work.",
        "Calm, clear and kind: that's how my old manager handled feedback.",
        "I'm going to relax this weekend.",
        "She told me to calm down, which made it worse.",
    ],
)
def test_df104_passes_ordinary_talk(linter: Linter, text: str) -> None:
    assert worst(linter, text, "DF104", channel="comment") is None


def test_df104_relax_is_only_a_hint_in_private(linter: Linter) -> None:
    text = "I've booked everything. So just relax."
    assert worst(linter, text, "DF104", channel="dm") is Severity.INFO
    assert worst(linter, text, "DF104", channel="comment") is Severity.WARNING


# -- DF105 credential-waving ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I've been doing payroll for 12 years. I think I know how to read a payslip.",
        "I have 20 years of experience and you're wrong.",
        "I have a PhD in this.",
        "Do you even work in this industry?",
        "I know more about this than you.",
        "I've forgotten more about logistics than you'll ever know.",
        "Clearly you've never managed a team.",
        "I don't need a lecture from someone who's been in the job five minutes.",
        "I run a company with 300 staff. I think I'm qualified to weigh in.",
        "Don't tell me how to do my job.",
    ],
)
def test_df105_flags_credential_waving(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "DF105")


@pytest.mark.parametrize(
    "text",
    [
        "I've been doing this for 20 years and I still learn from posts like yours.",
        "As a teacher for 25 years, this post made my day.",
        "Ten years in, I still learn something from every junior I mentor.",
        "I have a PhD in chemistry and I'm moving into data science. Any advice?",
        "I think I know how to fix it, give me a minute.",
        "I think I'm qualified for the role and have attached my CV.",
    ],
)
def test_df105_passes_experience_mentioned_humbly(linter: Linter, text: str) -> None:
    assert worst(linter, text, "DF105", channel="comment") is None


def test_df105_years_count_when_the_draft_also_puts_the_reader_down(linter: Linter) -> None:
    humble = "I've spent twenty years in workforce research."
    assert worst(linter, humble, "DF105") is None
    assert flagged(linter, humble + " Maybe learn to read a methodology section.", "DF105")


# -- DF106 dismissal -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Whatever.",
        "Ok, whatever.",
        "Whatever. Believe what you want.",
        "Think whatever you like.",
        "Sorry you feel that way.",
        "I'm sorry if you were offended.",
        "I stand by every word.",
        "I stand by what I said.",
        "Not my problem.",
        "If you say so.",
        "I'm done arguing with you.",
        "I won't be responding any further.",
        "Fine. Do whatever you like, you never listen anyway.",
    ],
)
def test_df106_flags_dismissal(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "DF106")


@pytest.mark.parametrize(
    "text",
    [
        "Whatever works for you!",
        "Whatever you need, just ask.",
        "Whatever time suits you is fine by me.",
        "Whatever you decide is fine with me.",
        "Feel free to do whatever you want with the slides.",
        "Sorry you're dealing with that. Anything I can do?",
        "I stand by my recommendation of Priya.",
        "It's not my problem to solve, but happy to point you to the right team.",
        "I'm not going to argue with that!",
        "I'm done with the report, sending it now.",
    ],
)
def test_df106_passes_ordinary_talk(linter: Linter, text: str) -> None:
    assert worst(linter, text, "DF106") is None


def test_df106_agree_to_disagree_is_only_a_hint(linter: Linter) -> None:
    for channel in ("dm", "comment", "reply"):
        assert worst(linter, "Let's agree to disagree.", "DF106", channel=channel) is Severity.INFO
    assert worst(linter, "Let's agree to disagree.", "DF106", channel="dm", first_contact=True) is Severity.INFO


def test_df106_whatever_opening_a_sentence_is_a_hint_in_private(linter: Linter) -> None:
    text = "whatever, I'm annoyed about it."
    assert worst(linter, text, "DF106", channel="dm") is Severity.INFO
    assert worst(linter, text, "DF106", channel="reply") is Severity.WARNING


# -- DF107 ridicule-and-insults ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lol ok buddy",
        "Are you serious?",
        "Ok boomer lol",
        "Cute argument. Did you come up with that by yourself?",
        "You're clueless.",
        "You are an absolute idiot.",
        "You're so incompetent.",
        "Are you stupid?",
        "You people never learn.",
        "Get a clue.",
        "What a joke.",
        "Grow up.",
        "You have no idea what you're talking about.",
        "Maybe try googling before you ask.",
        "🤡 imagine being so clueless about payroll",
        "Do your research before posting 🙄",
    ],
)
def test_df107_flags_ridicule_in_public(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "DF107", channel="comment")


@pytest.mark.parametrize(
    "text",
    [
        "I was clueless about this until I read your post.",
        "Thank you people for all the support!",
        "When I grow up I want to be a pilot.",
        "Sorry, stupid question: where is the office?",
        "Are you sure? I thought it was Tuesday.",
        "Did you do your homework?",
        "You're not an idiot for asking, it's a great question.",
        "What a joke of a referee last night haha.",
    ],
)
def test_df107_passes_ordinary_talk(linter: Linter, text: str) -> None:
    assert not flagged(linter, text, "DF107", channel="comment")


def test_df107_mild_mockery_is_a_hint_between_friends(linter: Linter) -> None:
    assert worst(linter, "lol ok", "DF107", channel="dm") is Severity.INFO
    assert worst(linter, "Are you serious? Congrats!!", "DF107", channel="dm") is Severity.INFO
    assert worst(linter, "lol ok", "DF107", channel="reply") is Severity.WARNING


# -- combined cues: a second-person target and a belittling word -------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Your reasoning is frankly idiotic.", "DF107"),
        ("Honestly your whole analysis is a joke.", "DF107"),
        ("Your ignorant little comments are tiresome.", "DF107"),
        ("You sound utterly clueless right now.", "DF107"),
        ("You're being a complete clown about this.", "DF107"),
        ("Your rebuttal is naive.", "DF107"),
        ("You are being ridiculous.", "DF107"),
        ("You're getting awfully defensive over a bar chart.", "DF104"),
        ("If you're going to be this touchy about feedback, don't ask for it.", "DF104"),
        ("You seem way too emotional to discuss this.", "DF104"),
    ],
)
def test_a_belittling_word_aimed_at_the_reader_is_reported(linter: Linter, text: str, code: str) -> None:
    assert flagged(linter, text, code, channel="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Your question isn't stupid at all.",
        "I don't think your plan is naive.",
        "Your feedback is so useful, thank you!",
        "You were right and I was being silly.",
        "You're so sensitive to other people's moods, it's a real gift.",
        "The first draft was garbage, but your version is great.",
        "Your comment about the stupid printer made my day.",
        "Don't use that flag; you're merely adding a useless label there.",
        "If you're lazy about backups, you'll regret it one day.",
    ],
)
def test_the_same_words_elsewhere_are_not_an_attack(linter: Linter, text: str) -> None:
    assert not flagged_any(linter, text, channel="comment")


def test_milder_put_downs_are_hints_between_friends(linter: Linter) -> None:
    assert worst(linter, "You're so dramatic about exams, I love it.", "DF104", channel="dm") is Severity.INFO
    assert worst(linter, "Your plan is naive.", "DF107", channel="dm") is Severity.INFO
    assert worst(linter, "Your plan is naive.", "DF107", channel="reply") is Severity.WARNING
    assert worst(linter, "Your plan is idiotic.", "DF107", channel="dm") is Severity.WARNING


# -- combined cues: sarcasm, pet names, snide remarks -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Oh wow, groundbreaking idea. Nobody has ever thought of that.",
        "Genius plan. Why didn't the whole board think of that?",
        "Oh wow, a whole slide deck. Riveting.",
        "Oh honey, no. That's not how taxes work.",
        "Listen, sweetheart, you clearly don't get it.",
        "Funny how the loudest critics never actually ship anything 🤔",
        "Interesting that you suddenly care about the budget.",
        "Ah yes, the classic hot take. Adorable.",
        "Sure, buddy.",
        "Cool story.",
        "Imagine believing a press release.",
        "Who hurt you?",
        "It's called a spreadsheet, Einstein.",
        "Bless your little heart.",
        "It's cute that you think a rebrand will fix churn.",
        "Thanks for the TED talk.",
        "Translation: you didn't read it.",
    ],
)
def test_sarcasm_and_condescension_are_reported_in_public(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "DF107", channel="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Wow, what a brilliant plan! Count me in.",
        "Oh wow, congrats on the new job!",
        "Genius idea! Why didn't I think of that?",
        "Who knew sourdough could be this easy! Thanks for the recipe.",
        "Tell me more about your trip, it sounds amazing.",
        "Oh honey, I'm so sorry to hear about your cat.",
        "Honey, can you pick up milk on the way home?",
        "Funny how things work out, I ended up loving the new job.",
        "Interesting that the survey results changed so suddenly in March. Any idea why?",
        "Imagine living next to the beach!",
        "Cool story, thanks for sharing it with us!",
        "Thanks for the lecture notes, they really helped.",
        "It's adorable that you think of me when you see owls.",
        "Check your 'downloads' folder, it's always there.",
        "Wow. Just wow. This is the most beautiful photo I've seen all year.",
    ],
)
def test_friendly_praise_and_pet_names_pass(linter: Linter, text: str) -> None:
    assert not flagged_any(linter, text, channel="comment")


# -- rhetorical challenges, credentials, brush-offs ----------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Did you even bother to open the attachment?", "DF102"),
        ("Did you actually read what I wrote?", "DF102"),
        ("If you had checked the calendar you would have seen it.", "DF102"),
        ("My instructions were crystal clear.", "DF102"),
        ("Don't blame me for your team's mistakes.", "DF102"),
        ("I'm tired of explaining this.", "DF103"),
        ("How many more times do I need to explain the policy?", "DF103"),
        ("Try to keep up.", "DF103"),
        ("Let's not get hysterical about a font.", "DF104"),
        ("Watch your tone.", "DF104"),
        ("Are you even qualified to review this?", "DF105"),
        ("Have you ever actually managed a budget?", "DF105"),
        ("Kindly don't teach me my own trade.", "DF105"),
        ("Who made you the expert on hiring?", "DF105"),
        ("Leave the accounting to the grown-ups.", "DF105"),
        ("Nobody asked you.", "DF106"),
        ("Your opinion doesn't count here.", "DF106"),
        ("I won't waste any more time on someone like you.", "DF106"),
        ("Spare us your hot takes.", "DF106"),
        ("Did nobody ever teach you basic grammar?", "DF107"),
        ("Every intern already knows that.", "DF107"),
        ("Maybe take an intro course before lecturing us.", "DF107"),
    ],
)
def test_challenges_and_brush_offs_are_reported(linter: Linter, text: str, code: str) -> None:
    assert flagged(linter, text, code, channel="reply")


@pytest.mark.parametrize(
    "text",
    [
        "Did you actually finish the marathon? That's incredible!",
        "Do you even need a ticket for the kids, or are they free?",
        "Have you ever tried the dumplings at the new place?",
        "Which part of the form is confusing? Happy to help.",
        "I'm tired of explaining my dietary needs at restaurants, anyone else?",
        "I'm not sure how many times I said it, maybe twice?",
        "I manage a team of 12 and I'm hiring. Any tips?",
        "Read the whole thing, it's worth it.",
        "Whatever makes you happy makes me happy.",
        "Bye! Have a lovely weekend.",
        "Stay in your lane when cycling through town, the buses are wild.",
        "If you knew anything about my grandma, you'd know she loves gardening.",
        "Next time, let's book the bigger room.",
        "That's on me, I forgot to attach it.",
    ],
)
def test_ordinary_questions_and_plans_pass(linter: Linter, text: str) -> None:
    assert not flagged_any(linter, text, channel="reply")


def test_credentials_count_beside_a_challenge(linter: Linter) -> None:
    humble = "I have run four restaurants."
    assert worst(linter, humble, "DF105") is None
    assert flagged(linter, humble + " How many have you run?", "DF105")


def test_lone_brush_offs_are_hints_between_friends(linter: Linter) -> None:
    for text in ("K.", "k.", "Noted.", "Bye."):
        assert worst(linter, text, "DF106", channel="dm") is Severity.INFO, text
        assert worst(linter, text, "DF106", channel="reply") is Severity.WARNING, text


def test_a_negation_that_hedges_knowledge_does_not_undo_a_finding(linter: Linter) -> None:
    assert flagged(linter, "Not sure why you're taking this so personally.", "DF104")
    assert flagged(linter, "I don't know how many times I have to say this.", "DF103")
    assert flagged(linter, "I've never seen a take this stupid.", "DF107")
    assert not flagged_any(linter, "I don't think you're being dramatic at all.")


# -- the lexicon's vocabularies and combinations --------------------------------


def test_vocab_references_and_combinations_are_defined() -> None:
    lexicon = load_lexicon("defensiveness.json")
    vocab = lexicon["vocab"]
    text = json.dumps({"rules": lexicon["rules"], "cues": lexicon["cues"]})
    assert set(re.findall(r'"\$([a-z_]+)"', text)) <= set(vocab)
    families = {name.partition("/")[0] for name in lexicon["cues"]}
    known = {"cues", "window", "gap", "anywhere", "soft", "hint", "through_negation", "unless"}
    for key, entry in lexicon["combos"].items():
        assert key.partition("/")[0] in CODES, key
        assert set(entry) <= known, (key, set(entry) - known)
        assert len(entry["cues"]) == 2, key
        for part in entry["cues"]:
            assert set([part] if isinstance(part, str) else part) <= families, key
        assert entry.get("gap") is None or entry["gap"] in vocab, key


def test_combinations_land_with_their_variant_key(linter: Linter) -> None:
    found = findings(linter, "Your logic is laughable.")
    assert [(f.code, f.excerpt) for f in found] == [("DF107", "Your logic is laughable")]


def test_long_drafts_full_of_matches_stay_fast(linter: Linter) -> None:
    started = time.perf_counter()
    for text in ("you are stupid " * 2000, "noted " * 3000, "whatever " * 3000, "Funny how " * 2000 + "🤔"):
        linter.check(text, channel="reply")
    assert time.perf_counter() - started < 20


# -- negation, quotation and reported speech -----------------------------------


def test_negated_phrase_is_not_an_attack(linter: Linter) -> None:
    assert not findings(linter, "I'm not saying you're clueless, just that the data changed.")
    assert not findings(linter, "I would never say calm down to a customer.")


def test_codes_with_their_own_negation_are_still_reported(linter: Linter) -> None:
    assert flagged(linter, "I did not say that.", "DF102")
    assert flagged(linter, "Not my problem.", "DF106")
    assert flagged(linter, "Don't be so sensitive.", "DF104")


@pytest.mark.parametrize(
    "text",
    [
        "> You clearly didn't read the memo.\nI re-checked and you were right, thanks.",
        "On Mon, 3 Jun 2024, Sam wrote:\n> Calm down, per my last email.\nThanks Sam, noted with thanks.",
        'Someone commented "with all due respect, you have no idea what you\'re talking about" on my post.',
        "The line “per my last email” has become a meme.",
        "My boss told me to calm down and read it again.",
        "He said whatever, so I left it there.",
    ],
)
def test_someone_elses_words_are_not_judged(linter: Linter, text: str) -> None:
    assert not [f for f in findings(linter, text) if f.severity >= Severity.WARNING]


# -- context -------------------------------------------------------------------


def test_ridicule_is_an_error_in_public_and_a_warning_in_private(linter: Linter) -> None:
    text = "You're clueless."
    for channel in ("post", "comment", "reply"):
        assert worst(linter, text, "DF107", channel=channel) is Severity.ERROR
    for channel in ("dm", "email"):
        assert worst(linter, text, "DF107", channel=channel) is Severity.WARNING


def test_other_codes_are_warnings_in_public_and_private(linter: Linter) -> None:
    for channel in ("post", "comment", "reply", "dm", "email"):
        assert worst(linter, "Per my last email, it's Friday.", "DF103", channel=channel) is Severity.WARNING


def test_a_stranger_raises_the_severity(linter: Linter) -> None:
    text = "With all due respect, that's wrong."
    assert worst(linter, text, "DF101", channel="comment", first_contact=False) is Severity.WARNING
    assert worst(linter, text, "DF101", channel="comment", first_contact=True) is Severity.ERROR
    assert worst(linter, text, "DF101", channel="dm", first_contact=True) is Severity.ERROR
    assert worst(linter, "lol ok", "DF107", channel="dm", first_contact=True) is Severity.WARNING


# -- offsets -------------------------------------------------------------------


def test_offsets_survive_emoji_and_crlf(linter: Linter) -> None:
    text = "🙂🙂 Thanks.\r\n\r\nWith respect,\r\nyou're missing the point 🤷.\r\nPer my last email 📧, calm down."
    found = findings(linter, text)
    assert {f.code for f in found} >= {"DF101", "DF102", "DF103", "DF104"}
    for finding in found:
        assert text[finding.start : finding.end] == finding.excerpt
    assert any(f.excerpt == "Per my last email" for f in found)


def test_curly_apostrophes_match_like_straight_ones(linter: Linter) -> None:
    assert flagged(linter, "You’re overreacting.", "DF104")
    assert flagged(linter, "That’s not what I said.", "DF102")
    assert flagged(linter, "I’ve said this several times: as I’ve said multiple times, no.", "DF103")


# -- put-downs without a "you": cue families that count together ----------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Some commenters obviously never got past the headline.", "DF107"),
        ("Somebody didn't do the reading again.", "DF107"),
        ("Some of you have clearly never worked a night shift.", "DF107"),
        ("Interesting perspective from someone who has never paid a supplier.", "DF107"),
        ("Strong opinions for a guy who has never closed a deal.", "DF107"),
        ("Hard to take pricing tips from someone who can't even run a lemonade stand.", "DF107"),
        ("Must be lovely to judge startups without ever founding one.", "DF107"),
        ("Must be exhausting being right about everything.", "DF107"),
        ("Congrats on discovering that the sky is blue.", "DF107"),
        ("Wow, a whole two months in sales and already an expert on negotiation.", "DF107"),
        ("It's literally basic statistics. They teach it in week one.", "DF107"),
        ("This is not rocket science lol", "DF107"),
        ("How hard is it to check the calendar? Do your own research next time.", "DF107"),
        ("Was this written by an intern? lol", "DF107"),
        ("Another self-proclaimed guru who learned it all from a podcast.", "DF107"),
        ("That kind of attitude is exactly why the project is failing.", "DF107"),
        ("People like you are the problem.", "DF107"),
        ("It's adorable how confident you are.", "DF107"),
        ("Yeah, because the last reorg went so well.", "DF107"),
        ("Do you practise being this wrong?", "DF107"),
        ("It's called a calendar. Look into it.", "DF107"),
        ("Cope harder.", "DF107"),
        ("Who on earth hired you?", "DF107"),
        ("Ever heard of a spreadsheet?", "DF107"),
        ("Do they hand out MBAs in cereal boxes now?", "DF107"),
        ("Google exists, mate.", "DF107"),
        ("Sure, and I'm the Queen of England.", "DF107"),
        ("Did you even think before posting that?", "DF107"),
        ("Maybe leave the budget to the grown-ups.", "DF105"),
        ("Come back when you've built an actual product.", "DF105"),
        ("Not my job to babysit you, buddy.", "DF106"),
        ("I'm not here to do your thinking for you.", "DF106"),
        ("Do I need to explain it with crayons?", "DF103"),
        ("Are we really doing this again? Read the FAQ.", "DF103"),
        ("Not sure what's confusing, it's two lines.", "DF103"),
        ("Aww, did someone get their feelings hurt?", "DF104"),
    ],
)
def test_put_downs_without_a_you_anchor_are_reported_in_public(linter: Linter, text: str, code: str) -> None:
    assert flagged(linter, text, code, channel="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Some of us clearly never learn: I forgot my badge again.",
        "Some folks don't check email on weekends, so I'll send it Monday.",
        "It takes patience to listen to what someone actually doesn't understand.",
        "Great guide for someone who has never managed a team before.",
        "Big thanks from someone who has never been to a hackathon: you made it easy.",
        "Must be nice to finally have a weekend off! Enjoy the lake.",
        "Three weeks in and you're already an expert, so proud of you!",
        "This is basic stuff, but I still mess it up every time.",
        "In week one we covered the basics; next week is pivot tables.",
        "Did you do your homework?",
        "Was this written by an intern? If so, hire them, it's brilliant.",
        "This kind of thinking is exactly why I love this team.",
        "It's cute how the kids wave at the postman every morning.",
        "Yeah, because of the strike I'll work from home tomorrow.",
        "It's called a stand-up because we used to stand, fun fact.",
        "Who taught you to bake like this? It's amazing!",
        "Ever heard of Google Sheets? It's free and does the job.",
        "Google is free to use for nonprofits through the ad grants programme.",
        "Leave the cake to the professionals, I burn everything.",
        "With all due respect to the chef, the soup was great.",
        "Calm down the oven to 160 after twenty minutes.",
        "Try reading the whole series, the last book is the best.",
        "Took me 5 seconds to set up, such a good app lol",
        "We got thrashed 5-1, our defence was a joke lol. Rematch next week!",
        "Not my area of expertise, so I'd ask Jonas.",
        "Not sure what's confusing about step 3? Tell me and I'll fix it.",
        "My flatmate told me to cope harder when I moaned, and we both cracked up.",
    ],
)
def test_look_alike_friendly_drafts_pass(linter: Linter, text: str) -> None:
    assert not flagged_any(linter, text, channel="comment")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I'm sure you mean well, but this is not your area.", "DF101"),
        ("Don't shoot the messenger, but your deck is a mess.", "DF101"),
        ("Don't put words in my mouth.", "DF102"),
        ("You're reading things that aren't there.", "DF102"),
        ("Like I told you twice, the file is on the drive.", "DF103"),
        ("Don't get your knickers in a twist.", "DF104"),
        ("You clearly can't take criticism.", "DF104"),
        ("I teach this at university, so I think I'd know.", "DF105"),
        ("Twenty years in this industry says otherwise.", "DF105"),
        ("Did anyone ask for your opinion?", "DF106"),
        ("Okay and?", "DF106"),
        ("Your opinion is noted.", "DF106"),
        ("I'm not going to waste my time explaining this.", "DF106"),
        ("Found the intern.", "DF107"),
        ("L take.", "DF107"),
        ("Tell me you've never run a team without telling me you've never run a team.", "DF107"),
        ("Some of us actually work for a living.", "DF107"),
        ("You'll understand when you're older.", "DF107"),
    ],
)
def test_explicit_families_in_new_wordings_are_reported_in_public(linter: Linter, text: str, code: str) -> None:
    assert flagged(linter, text, code, channel="comment")


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to put words in your mouth, so tell me if I've got this wrong.",
        "You're reading things into the data that I missed, brilliant work.",
        "As I said earlier, thanks so much to everyone who came.",
        "Why is everyone so excited about Friday? Oh right, payday!",
        "Keep your hair on the left side for the photo, it looks great.",
        "I think I'd know him if I saw him, he was in my class.",
        "So? How did the interview go?!",
        "Your feedback has been noted, thank you, we'll fix it this week.",
        "Tell me you're a designer without telling me you're a designer, my desk right now",
        "Found the bug! It was a missing comma.",
        "Call me old-fashioned, but I still love handwritten thank-you notes.",
        "That's a straw man in the field, we used it to scare the crows.",
        "Good luck with that exam tomorrow!",
        "Some of us actually enjoy Mondays.",
        "She really read the room and changed the agenda, impressive.",
        "You'll love the new office when you see it.",
    ],
)
def test_explicit_look_alikes_pass(linter: Linter, text: str) -> None:
    assert not flagged_any(linter, text, channel="comment")


def test_one_cue_alone_is_not_a_finding(linter: Linter) -> None:
    # Each half of a combination passes on its own; together they are a finding.
    assert not flagged_any(linter, "Some people clearly put real work into this.", channel="comment")
    assert not flagged_any(linter, "Anyone who never read the brief, it's linked below.", channel="comment")
    assert not flagged_any(linter, "Interesting take!", channel="comment")
    assert flagged(linter, "Interesting take for someone who has never run a team.", "DF107", channel="comment")


def test_two_cues_that_share_words_count_once(linter: Linter) -> None:
    # "do your homework" and "your homework" are one signal, not two sneers.
    doc = linter.nlp("Did you do your homework?")
    jabs = [span for span in doc.spans[defensiveness.CUES_KEY] if span.label_ == "_jab"]
    assert len(jabs) >= 2
    assert not flagged_any(linter, "Did you do your homework?", channel="comment")


def test_sarcasm_without_you_is_a_hint_between_friends_but_a_jab_at_a_group_is_not(linter: Linter) -> None:
    assert worst(linter, "Must be nice to judge hiring without ever hiring anyone.", "DF107", "dm") is Severity.INFO
    assert worst(linter, "Must be nice to judge hiring without ever hiring anyone.", "DF107", "reply") is (
        Severity.WARNING
    )
    assert worst(linter, "Someone hasn't been reading their emails.", "DF107", "email") is Severity.WARNING
    assert worst(linter, "Someone hasn't been reading their emails.", "DF107", "comment") is Severity.ERROR


# -- structures rather than phrasings -------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # The author denies the reader's reading of their words, in any wording.
        ("Nope, I did not once suggest anything remotely like that.", "DF102"),
        ("that isn't even close to what i posted", "DF102"),
        ("Never claimed anything of the sort.", "DF102"),
        ("Where in my reply did I ever claim that?", "DF102"),
        ("You keep wilfully misreading everything I write.", "DF102"),
        ("I'm not the one who got the numbers wrong.", "DF102"),
        # Blame on the reader's effort or comprehension.
        ("If you'd bothered to scroll up, the answer was there.", "DF102"),
        ("If you had opened the invoice you would have noticed the discount.", "DF102"),
        ("You obviously haven't opened the spreadsheet.", "DF102"),
        ("It's right there in the release notes.", "DF102"),
        ("Did you read beyond the headline?", "DF102"),
        ("Did you even click the link?", "DF102"),
        # Rhetorical questions about the reader's standing, and pulling rank with a put-down.
        ("Have you ever actually run a kitchen?", "DF105"),
        ("Do you even understand how payroll works?", "DF105"),
        ("Once you've taught for fifteen years, come back and lecture me.", "DF105"),
        # Sarcastic thanks, minimising, refusal to engage, non-apologies.
        ("Thanks a lot for the unsolicited critique.", "DF107"),
        ("Stop whitesplaining my own culture.", "DF107"),
        ("You're totally overreacting.", "DF104"),
        ("You are blowing a tiny typo out of proportion.", "DF104"),
        ("Relax. It was only a joke.", "DF104"),
        ("I'm not going to debate this with people who won't read the study.", "DF106"),
        ("I refuse to argue with you any further.", "DF106"),
        ("Sorry if the evidence upsets you.", "DF106"),
        ("Sorry you got so offended.", "DF106"),
        ("I won't apologise for saying it.", "DF106"),
        ("I honestly couldn't have made it any simpler.", "DF103"),
        ("How many times have we gone over this?", "DF103"),
        ("I'll use smaller words this time.", "DF103"),
    ],
)
def test_defensive_structures_are_reported_in_new_wordings(linter: Linter, text: str, code: str) -> None:
    assert flagged(linter, text, code, channel="reply")


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, that's not what I meant, I worded it badly: May for the launch, not the budget.",
        "I didn't say that very clearly. The budget is fixed; the scope is not.",
        "I never said thank you for the flowers, so: thank you!",
        "I didn't mean to wake you, sorry!",
        "Not what I meant to order, but honestly it's delicious.",
        "I think you may have misread my note, my handwriting is awful.",
        "Maybe if you paid the invoice today it would clear by Friday?",
        "If you had read the book first, you'd probably enjoy the film less.",
        "Don't worry if you didn't even open the deck, I'll walk you through it.",
        "The recipe is right there on the counter.",
        "Did you even get a chance to rest this weekend?",
        "Did you get past the title screen yet? The second level is wild.",
        "Have you ever worked with Rust? Curious about your take.",
        "Thanks for the thoughtful feedback, I'll fold it into the next draft.",
        "He mansplained the whole meeting to me, ugh.",
        "I overreacted yesterday, sorry about that.",
        "You're not overreacting, that was unfair.",
        "I'm not going to argue, you make a fair point.",
        "I won't argue with you on that one, you're right.",
        "I'm done with exams!!! Celebrating tonight",
        "Sorry the weather ruined your trip.",
        "No need to apologise for asking, it's a good question!",
        "Let me know if I can make it any clearer, happy to help.",
        "How many times a week do you go to the gym?",
        "Once you've settled in for a few years, come back and visit us!",
        "I'm not the one who picks the restaurant this time, your turn!",
        "That's your problem set for tonight, due Friday.",
        "My boss said I was overreacting and told me to calm down.",
    ],
)
def test_look_alikes_of_the_structures_pass(linter: Linter, text: str) -> None:
    assert not flagged_any(linter, text, channel="reply")


def test_an_admission_undoes_a_denial_but_a_sorry_but_does_not(linter: Linter) -> None:
    assert flagged(linter, "That's not what I meant at all.", "DF102")
    assert not flagged_any(linter, "That's not what I meant at all, sorry, I wasn't clear.")
    assert not flagged_any(linter, "That's not what I meant at all, my bad.")
    assert flagged(linter, "Sorry, but that's not what I meant at all.", "DF102")


def test_a_signal_that_needs_backing_does_not_hide_the_combination_that_backs_it(linter: Linter) -> None:
    # "for a decade" alone needs backing (DF105/experience); with "come back and ..." the pair is a finding.
    text = "When you've managed a P&L for a decade, come back and we'll talk."
    assert flagged(linter, text, "DF105", channel="comment")
    assert not flagged_any(linter, "I've managed a P&L for a decade and still learn every quarter.", channel="comment")


# -- the rule page's examples --------------------------------------------------

_BLOCK = re.compile(r"^```text (flags|hints|passes)((?: \w+=\S+)*)\n(.*?)\n```$", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^## ([A-Z]{1,4}[0-9]{1,4}) ", re.MULTILINE)


def _page_examples() -> list[tuple[str, str, str, str, bool]]:
    content = PAGE.read_text(encoding="utf-8")
    headings = [(m.start(), m.group(1)) for m in _HEADING.finditer(content)]
    examples = []
    for block in _BLOCK.finditer(content):
        owners = [code for start, code in headings if start < block.start()]
        options = dict(pair.split("=", 1) for pair in block.group(2).split())
        first_contact = options.get("first_contact", "false") == "true"
        examples.append((owners[-1], block.group(1), block.group(3), options.get("channel", "dm"), first_contact))
    return examples


def test_rule_page_has_flag_and_pass_examples_for_every_code() -> None:
    kinds: dict[str, set[str]] = {}
    for code, expect, *_ in _page_examples():
        kinds.setdefault(code, set()).add(expect)
    for code in CODES:
        assert {"flags", "passes"} <= kinds.get(code, set()), code


@pytest.mark.parametrize("example", _page_examples(), ids=lambda e: f"{e[0]}-{e[1]}-{e[3]}")
def test_rule_page_examples_hold(linter: Linter, example: tuple[str, str, str, str, bool]) -> None:
    code, expect, text, channel, first_contact = example
    severities = [f.severity for f in findings(linter, text, channel, first_contact) if f.code == code]
    if expect == "flags":
        assert any(s >= Severity.WARNING for s in severities)
    elif expect == "hints":
        assert severities and all(s is Severity.INFO for s in severities)
    else:
        assert not severities
