"""The hostility check: slurs, insults, profanity aimed at people, threats and swearing."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from conftest import check_findings
from netiquette.checks import hostility
from netiquette.linter import Linter
from netiquette.models import Finding, Severity

CHECK = "hostility"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(plugins=["netiquette.checks.hostility"], builtins=False, entry_points=False)


def findings(linter: Linter, text: str, channel: str = "comment", first_contact: bool = False) -> list[Finding]:
    return check_findings(linter, text, CHECK, channel=channel, first_contact=first_contact)


def worst(linter: Linter, text: str, channel: str = "comment", first_contact: bool = False) -> Severity | None:
    return max((f.severity for f in findings(linter, text, channel, first_contact)), default=None)


def codes(linter: Linter, text: str, channel: str = "comment", first_contact: bool = False) -> set[str]:
    return {f.code for f in findings(linter, text, channel, first_contact) if f.severity >= Severity.WARNING}


# -- the check, its rules and its word list ------------------------------------


def test_hook_registers_one_check_with_documented_codes() -> None:
    (check,) = hostility.netiquette_checks()
    assert check.id == CHECK
    assert [rule.code for rule in check.rules] == ["HO101", "HO102", "HO103", "HO104", "HO105"]
    for rule in check.rules:
        assert rule.summary and rule.message and rule.suggestion
        assert rule.name == rule.name.lower() and " " not in rule.name
    assert check.rule("HO101").severity is Severity.ERROR
    assert check.rule("HO105").severity is Severity.INFO


def test_linter_runs_the_check(linter: Linter) -> None:
    assert CHECK in linter.checks


def test_word_list_records_its_source_and_drops_innocent_words() -> None:
    text = resources.files("netiquette.checks").joinpath("hostility_words.json").read_text(encoding="utf-8")
    words = json.loads(text)
    assert words["source"]["package"] == "better-profanity"
    assert words["source"]["license"] == "MIT"
    assert len(words["source"]["sha256"]) == 64
    kept = {w for group in ("slurs", "profanity", "mild", "insults") for w in words[group]}
    for innocent in ("gay", "kill", "god", "drunk", "screw", "cock", "dick", "organ", "pot", "omg", "nig"):
        assert innocent not in kept, innocent
    removed = {w for family in words["removed"]["reasons"].values() for w in family}
    assert removed.isdisjoint(kept)
    assert {"fuck", "shit", "cunt"} <= set(words["profanity"])


# -- what it flags -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Only a retard would write a post like this.", "HO101"),
        ("lol what a r3tard", "HO101"),
        ("you idiot, read the docs", "HO102"),
        ("You're an absolute moron if you believe that.", "HO102"),
        ("ur so stupid lol", "HO102"),
        ("are you really that dumb?", "HO102"),
        ("Thanks for nothing, loser.", "HO102"),
        ("hey dipshit, read the docs", "HO102"),
        ("He's a complete idiot and everyone knows it", "HO102"),
        ("Dave is a total idiot", "HO102"),
        ("idiots like you ruin these threads", "HO102"),
        ("bunch of clowns running this company", "HO102"),
        ("What kind of moron writes a post like this?", "HO102"),
        ("Wow you really are as dumb as you look", "HO102"),
        ("Delete your account, you worthless hack.", "HO102"),
        ("Stop being such a coward and answer the question.", "HO102"),
        ("f*** off and stop messaging me", "HO103"),
        ("F.U.C.K you", "HO103"),
        ("go to hell", "HO103"),
        ("kiss my ass", "HO103"),
        ("shut the fuck up", "HO103"),
        ("STFU nobody asked", "HO103"),
        ("your shitty app deleted my data", "HO103"),
        ("you have no fucking idea what you're talking about", "HO103"),
        ("what the hell is wrong with you", "HO103"),
        ("I'll make sure you never work in this town again.", "HO104"),
        ("If you don't pay by Friday I will make sure every client you have hears about it.", "HO104"),
        ("Watch your back.", "HO104"),
        ("I know where you live.", "HO104"),
        ("you'll regret this", "HO104"),
        ("i hope your startup fails", "HO104"),
        ("Call me again and I'll make your life a living hell.", "HO104"),
        ("your an idiot", "HO102"),
        ("youuu idiottt", "HO102"),
        ("Nobody wants your opinion you clown", "HO102"),
        # The reader as "reporter" is still the author's attack.
        ("Don't you tell me what to do, you idiot.", "HO102"),
        ("he's an asshole, everyone knows it", "HO102"),
        ("you narcissistic clown", "HO102"),
        ("nobody likes you", "HO102"),
        ("who the f*** asked you", "HO103"),
        ("fck off", "HO103"),
        ("You will pay for this.", "HO104"),
        ("I will ruin your reputation in this city", "HO104"),
        ("Enjoy your last week here.", "HO104"),
        ("this post is bullshit", "HO105"),
        ("what a load of crap", "HO105"),
        # Contempt without a listed insult word.
        ("You people are a joke. Every update breaks something.", "HO102"),
        ("Nobody asked for your garbage opinion, Kevin.", "HO102"),
        ("nobody cares about your feelings", "HO102"),
        ("Crawl back under whatever rock you came from.", "HO102"),
        ("Frankly a trained monkey could run your department better than you do.", "HO102"),
        ("You're dumber than a box of rocks, mate.", "HO102"),
        ("You clearly have the emotional maturity of a toddler.", "HO102"),
        ("Did your brain fall out on the way to work?", "HO102"),
        ("Do you even have two brain cells to rub together?", "HO102"),
        ("How are you this thick? It's in the first paragraph.", "HO102"),
        ("You're not worth the air you breathe.", "HO102"),
        ("You are a complete and utter waste of space.", "HO102"),
        ("Recruiters like you are bottom-feeders.", "HO102"),
        ("you are a spineless little worm", "HO102"),
        ("You're a sad little man with a sad little podcast.", "HO102"),
        ("Your parents must be so disappointed in you.", "HO102"),
        ("Typical boomer garbage.", "HO102"),
        ("You must be really stupid to think anyone would buy this.", "HO102"),
        ("this guy is a walking red flag and a total creep", "HO102"),
        ("Bro really thinks he's Steve Jobs 💀 delusional clown", "HO102"),
        # "Shut up" variants.
        ("Zip it. The adults are talking.", "HO103"),
        ("Do us all a favour and keep your mouth shut next time.", "HO103"),
        # Unusual spellings: grawlix, leetspeak, spaced letters.
        ("f@#k off", "HO103"),
        ("ur a total a$$ and u know it", "HO102"),
        ("you're such a b!tch about this", "HO102"),
        ("honestly you are a f u c k i n g joke", "HO102"),
        ("S T F U already", "HO103"),
        ("Eat a bag of d*cks", "HO103"),
        # Veiled threats.
        ("It would be a real shame if your clients found out how you run this place.", "HO104"),
        ("Do your job, or you won't like how that conversation ends for you.", "HO104"),
        ("Don't be surprised when your name starts coming up in all the wrong conversations.", "HO104"),
        ("Keep talking and see what happens.", "HO104"),
        ("Talk to me like that again and you'll be picking your teeth up off the floor.", "HO104"),
        ("Consider this your final warning.", "HO104"),
        ("Imagine being paid to write this drivel.", "HO105"),
        # Words about someone's mind that no list has, read from how they are built.
        ("Honestly you're completely talentless.", "HO102"),
        ("your feckless manager lost the account again", "HO102"),
        ("are u seriously this incapable of reading a calendar", "HO102"),
        ("My intern has more common sense than your whole team.", "HO102"),
        ("You are way out of your depth in this thread.", "HO102"),
        # Contempt read from a dismissive frame plus what makes it aimed at someone.
        ("Must be nice to get paid for forwarding emails.", "HO102"),
        ("Bless your heart, you actually believed the roadmap.", "HO102"),
        ("How adorable that you think the board reads these.", "HO102"),
        ("Oh sure, because the intern who never wrote a test knows better.", "HO102"),
        ("I could explain it to you, but I'd need a picture book.", "HO102"),
        ("Not everybody can handle a deadline, and your team is a prime example.", "HO102"),
        ("Tell me you don't read the docs without telling me you don't read the docs.", "HO102"),
        ("Imagine charging that much for something this amateurish.", "HO102"),
        ("Do you even understand the basics of accounting?", "HO102"),
        ("Did you test it, or did you just hope for the best?", "HO102"),
        ("Is there anybody in your support team who isn't clueless?", "HO102"),
        ("It'd be clear if you had even bothered to open the file.", "HO102"),
        ("Perhaps stick with something easier next time.", "HO102"),
        ("Nice work einstein, the page is still broken.", "HO102"),
        ("Thank you for the 'review', it was everything I expected. As usual.", "HO102"),
        ("The self-styled growth expert strikes again. How original.", "HO102"),
        ('Your "architect" designs systems like a first-year student.', "HO102"),
        # Threats by implication.
        ("Lovely shop you have. Pity if your regulars found out what goes on in the kitchen.", "HO104"),
        ("Carry on like this and see how long you keep your seat on the board.", "HO104"),
        ("Good luck landing another contract once I've told everyone how you work.", "HO104"),
        ("Anyone who crosses me on this project ends up regretting it.", "HO104"),
        ("Keep texting my sister like that and you'll find out what happens.", "HO104"),
        ("I know where your kids go to school.", "HO104"),
        ("I will make sure the entire village learns what kind of builder you are.", "HO104"),
        # Competence denied in so many words.
        ("He obviously has no clue what he's doing and we all pay for it.", "HO102"),
        ("I'll type slowly so that even you can understand it.", "HO102"),
        ("I honestly don't know how to put this any clearer for you: no.", "HO102"),
        ("you clearly can't read, it says Tuesday.", "HO102"),
        ("Try engaging your brain before you hit send next time.", "HO102"),
        ("Complaining is the only talent you've ever demonstrated.", "HO102"),
        ("Your sheer stupidity cost the team a weekend.", "HO102"),
        ("you're a complete liability and everyone on the team knows it", "HO102"),
        ("This code looks like it was thrown together by a drunk monkey.", "HO102"),
        # A group the reader belongs to blamed or told where to stay.
        ("People like you are the reason this platform is dying.", "HO102"),
        ("Devs like you should stick to CSS and leave the backend to the grown-ups.", "HO102"),
        ("okay boomer", "HO102"),
        # Sarcastic praise set against a failure, and frames that missed their own kind.
        ("Yet another genius plan from the guy who deleted the staging database. So visionary.", "HO102"),
        ("Must be tiring, doing absolutely nothing for eight hours a day.", "HO102"),
        ("I'd walk you through it, but you wouldn't understand anyway.", "HO102"),
        ("It's adorable that you call two blog posts a content strategy.", "HO102"),
        ("Great job genius, now checkout is broken for everyone.", "HO102"),
        ("Do you even know what a balance sheet is?", "HO102"),
        ("That's the dumbest post I have ever read on this site.", "HO105"),
        # The reader's place and voice questioned, idioms of a dull mind, condescension to women.
        ("So how do you still have a job after that launch?", "HO102"),
        ("What exactly do they pay you for?", "HO102"),
        ("Your input is worthless here.", "HO102"),
        ("Go whine somewhere else.", "HO102"),
        ("You're the reason we can't have nice things.", "HO102"),
        ("Were you dropped on your head as a baby?", "HO102"),
        ("Your firm is a bunch of overpaid amateurs.", "HO102"),
        ("Are you deliberately being dense?", "HO102"),
        ("you wouldn't know a good hire if it bit you", "HO102"),
        ("Careful, you might strain your brain thinking that hard.", "HO102"),
        ("Everyone at the office laughs at you behind your back.", "HO102"),
        ("He only got the promotion because of his dad.", "HO102"),
        ("Imagine being 35 and still living with your parents.", "HO102"),
        ("Is it that time of the month again?", "HO102"),
        ("Typical woman, can't take a joke.", "HO102"),
        ("Say one more thing about my family and see what happens.", "HO104"),
        ("You better sleep with the lights on tonight.", "HO104"),
        ("I'll remember this at your next performance review.", "HO104"),
        ("You have no idea who you're messing with.", "HO104"),
        ("Go be useless somewhere else.", "HO102"),
        ("Take your fake positivity and shove it.", "HO102"),
        ("Remind me again what you actually do here?", "HO102"),
        ("Half the office can't stand you.", "HO102"),
        ("Not sure what's worse, your spelling or your manners.", "HO102"),
        ("Who drew this, a bored intern?", "HO102"),
        ("Some of us actually read the contract before signing.", "HO102"),
        ("You're insufferable, Tom.", "HO102"),
        ("He's a smug little weasel.", "HO102"),
        ("Your 'roadmap' is a slide with three arrows on it.", "HO102"),
        ("Funny how you only call when you need a favour.", "HO102"),
        ("It must be exhausting being wrong this often.", "HO102"),
        ("Next time I won't be this polite.", "HO104"),
        ("If I were you I'd start packing up your desk.", "HO104"),
        ("If you ever talk to my team like that again, you will regret it.", "HO104"),
        ("if u message my sister one more time u will regret it", "HO104"),
    ],
)
def test_flags(linter: Linter, text: str, code: str) -> None:
    assert code in codes(linter, text)


# -- hard negatives: look alike, but are fine ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # The Scunthorpe problem: whole words only.
        "I grew up near Scunthorpe and now live in Essex.",
        "The cocktail menu at the assessment centre was a classic.",
        "We read Dickens with my therapist, and ate grapes.",
        "Assessing cockpit workflows at Middlesex Airport this week.",
        "Our flame retardant coating passed the fire test.",
        # Friendly intensifiers and praise.
        "hell of a job on the launch!",
        "damn good talk yesterday",
        "killer feature, this slaps",
        "you crushed it!!",
        "I'm so fucking proud of you!",
        "holy shit, congrats on the funding",
        "you're the shit, thanks for covering",
        "omg you legend, thank you",
        "Bloody brilliant write-up, thanks for sharing.",
        # Someone else's words, or a word talked about.
        'He called me "a fraud" in the meeting, which stung.',
        "> you idiot\nHa, fair point.",
        "The word idiot comes from Greek.",
        "She said I was a clown for taking the job.",
        "She told me the new hire is an idiot, but I disagree.",
        # Self-deprecation and negation.
        "I was an idiot to miss your talk.",
        "I felt like such an idiot when I realised.",
        "Felt like such a fool asking that, but glad I did.",
        "what an idiot I was yesterday lol",
        "You're not stupid for asking, it's a great question.",
        "Nobody thinks you're incompetent.",
        # No person as target, or innocent senses.
        "this stupid printer jammed again",
        "Is it dumb to ask for a raise after 6 months?",
        "Stupid question maybe: does the API support webhooks?",
        "Don't freak out, the build is green again.",
        "Shut up and take my money, this is exactly what I needed",
        "Let's kill the old endpoint next sprint.",
        "jerk chicken for lunch?",
        "Our test dummy data lives in the fixtures folder.",
        "The Van Dyke brothers and Dick Smith run the shop.",
        "It's easy to get lost in the details.",
        # Not threats.
        "I'll get you the report by Friday.",
        "I'll make sure you never have to wait for a build again.",
        "you'll regret not coming, the food is great",
        "Watch your step on the stairs, they're slippery.",
        "Attackers will destroy you if you skip 2FA.",
        "You'll pay less with the annual plan.",
        "Enjoy your weekend, everyone!",
        # Swearing about the author's own past, not at what is being answered.
        "That's the bullshit I had to put up with at my last job, so glad I left.",
        "Nobody likes writing docs, but you did a great job.",
        # Friendly talk near the new contempt and threat phrasings.
        "Shut up, this is incredible! Congrats on the launch.",
        "Who hired this guy? Best decision ever, he's amazing.",
        "Don't be so hard on yourself, nobody expects you to know everything on day one.",
        "Nobody asked me to stay late, I just wanted it done.",
        "Keep your mouth shut in a negotiation and let the other side fill the silence.",
        "It would be a shame if you missed the early-bird price.",
        "Don't be surprised if people start asking you for advice after this post!",
        "You won't like how this movie ends, but watch it anyway.",
        "Clear the cache, try that again and see what happens.",
        "My 5 year old could draw this better than me 😂",
        "Customers like you are the reason we exist.",
        "Your parents must be so proud of you!",
        "He's as sharp as a tack.",
        "I have the attention span of a goldfish today, sorry!",
        "She has the curiosity of a child and the focus of a surgeon.",
        "Choose a job you love and you will never work a day in your life.",
        "You're lucky I don't mind the rain, the walk was lovely.",
        "This worm crawled through our network last year; patch SMB now.",
        "Change this slug to /pricing before launch.",
        "Rock bottom was the day I got laid off. Here is what I learned crawling back.",
        "We ran an A B test on the landing page and the plain version won.",
        "R&D budget and Q&A prep for AT&T are in the deck.",
        "Haha you absolute legend, that fixed it.",
        "You're a beast at debugging, seriously.",
        "Are you daft enough to join us for the 5am run? 😄",
        "The weather this week? Pathetic. Anyway, great event!",
        # Frames of contempt used kindly, criticism of work, and self-deprecation.
        "Must be nice to have the whole week off! Enjoy it, you earned it.",
        "Bless your heart for driving me to the airport at 5am.",
        "So sweet that you thought of us on launch day.",
        "Sure, because nothing ever goes wrong on a Friday deploy 😅",
        "I'd explain it to you, but I'm boarding now. Call you tonight?",
        "Not everyone can make the offsite, so we'll record the sessions.",
        "Tell me you're a product manager without telling me you're a product manager: I love a roadmap.",
        "Imagine having a CI pipeline that finishes in two minutes.",
        "Do you even lift? Asking for the office gym club 😄",
        "Did you want the slides, or just the recording?",
        "Is there anyone in your team who speaks Portuguese?",
        "Maybe stick with the default settings for the first run.",
        "Hey genius, that fix worked first time, thank you!",
        "Thanks for the review, the notes on caching were spot on.",
        'Click the "Export" button, then pick CSV.',
        "The draft is half-baked: the numbers are from Q2 and the charts have no labels. Can we fix that first?",
        "I'm so clueless with spreadsheets, could you show me the pivot table trick?",
        "Stop your mindless scrolling and go for a walk.",
        "It would be a pity if the kids found out about the surprise party!",
        "Let's see how long you last in the ice bath 😂",
        "Good luck finding a new role after we close the office; we'll write references for everyone.",
        "You have more talent than you think.",
        "Quick-witted and open-minded: the best hire we made this year.",
        # Near the plain contempt, the group put-downs and the new threats, but friendly.
        "You clearly have no idea how much this means to me. Thank you!",
        "She has no idea what she's doing with a paddleboard, it was hilarious to watch.",
        "I have no idea what I'm doing with this spreadsheet lol",
        "Let me know how I can make this easier for you.",
        "I'm not sure how to make this API any simpler, it already has one endpoint.",
        "You apparently can't read my handwriting, sorry, here it is typed.",
        "The only skill you need for this role is curiosity.",
        "Forgive my ignorance, what does ARR stand for?",
        "my kitchen is a walking disaster zone after the party",
        "The cover art was made by a child from our local school.",
        "People like you are the reason I love this community.",
        "Recruiters like you should get an award.",
        "People like you should never be afraid to ask.",
        "Girls should stay home if they have a fever, the nurse says.",
        "Must be exhausting doing all that travel, hope you get some rest!",
        "Must be nice to do nothing all week on a beach. So jealous!",
        "I know where you can get cheap flights to Lisbon.",
        "I know where you are coming from, it's a hard call.",
        "Keep cooking like this and see what happens to your waistline 😂",
        "Nice work genius, the tests are green now!",
        "Leave it to the professionals, I'm hiring an electrician for the wiring.",
        "Now the whole team is down with flu, so standup is cancelled.",
        "Do you know what an API is? Happy to explain over coffee.",
        "Whoever built this should be proud, it's gorgeous.",
        "The dumbest thing I've ever done was skip the warmup.",
        "see how long your sourdough starter lasts in the fridge",
        "Sweetie, maybe stick to the blue dress, it suits you.",
        "I'll make sure everyone knows what kind of mentor you are!",
        "We were a bunch of clowns back in uni, good times",
        "Lol I was the biggest idiot at the party, sorry again",
        "Nobody listens to you at first in a new team, it takes time.",
        "Who raised you? Your manners are lovely, tell your mum thanks.",
        "How do you keep your job and raise three kids? Genuinely impressed.",
        "You're lucky anyone hired you at all in this market, it's brutal out there.",
        "Spare me the details, just send the summary.",
        "You are the reason we can finally ship on time. Thank you!",
        "I wouldn't know a good wine if it hit me in the face.",
        "Don't hurt yourself lifting that box.",
        "Calm down, it's just a game!",
        "Typical women's health issues are covered under the plan.",
        "Stop wasting everyone's time with status meetings, write it down instead.",
        "No wonder your team loves you, that was a great offsite.",
        "We laughed at you singing karaoke, in the best way 😂",
        "Say one more word about the trip and I'll book it, you're convincing me.",
        "I'll remember this when your birthday comes up, you spoil me.",
        "Bold of you to wear white to a barbecue 😂",
        "Imagine being 40 and running your first marathon, so inspiring.",
        "You better hope we win this week, I bet a pizza on it.",
        "A bunch of overpaid consultants told us to do what we already knew.",
        "Were you deliberately vague in the email? Just checking before I reply.",
        "This website was built in 2012 by a teenager who's now our CTO.",
        "Don't be a fool like me and skip breakfast before a long run.",
        "Go be brilliant somewhere else, we'll miss you!",
        "Take your time and stick it out, the first month is the hardest.",
        "Remind me again what time the call is?",
        "I can't stand the heat in this office, can we move the meeting outside?",
        "I'd hire you myself if I could, you were the best candidate.",
        "Not sure what's better, your cooking or your playlist 😄",
        "Please enlighten me on how the new API works, I'm lost.",
        "Some of us actually enjoy Mondays!",
        "You must have slept through the storm last night, it was loud.",
        "It must be exhausting being a new parent, hang in there.",
        "Funny how you always know the best spots when we travel ❤️",
        "This is your last warning before the early-bird price ends!",
        "If I were you I'd start packing for Lisbon, the flights are cheap.",
        # A friendly warning about a choice, not about how the reader treats people.
        "If you skip the dumplings again you will regret it, best in town.",
        # "Don't be daft" reassures; "don't be stupid" can still sneer.
        "Don't be daft, it was two typos. Go get some sleep.",
    ],
)
def test_passes(linter: Linter, text: str) -> None:
    assert not codes(linter, text), findings(linter, text)


# -- context decides severity ----------------------------------------------------


def test_insults_are_errors_in_public_and_to_strangers_and_warnings_to_friends(linter: Linter) -> None:
    text = "my new manager is a complete moron"
    assert worst(linter, text, "comment") is Severity.ERROR
    assert worst(linter, text, "dm", first_contact=True) is Severity.ERROR
    assert worst(linter, text, "dm") is Severity.WARNING
    assert worst(linter, "f*** off", "email") is Severity.WARNING


def test_slurs_and_threats_are_errors_everywhere(linter: Linter) -> None:
    for channel in ("dm", "email", "post", "reply"):
        assert worst(linter, "what a retard", channel) is Severity.ERROR
        assert worst(linter, "Watch your back.", channel) is Severity.ERROR


def test_untargeted_swearing_is_a_hint_except_under_a_post_or_to_a_stranger(linter: Linter) -> None:
    text = "the traffic was shit today, running late"
    assert worst(linter, text, "dm") is Severity.INFO
    assert worst(linter, text, "dm", first_contact=True) is Severity.WARNING
    assert worst(linter, "this post is bullshit", "comment") is Severity.WARNING
    assert worst(linter, "this post is bullshit", "dm") is Severity.INFO
    # Sympathy about what someone went through is not running them down.
    assert worst(linter, "Sorry you had to deal with all that shit this week.", "reply") is Severity.INFO
    # Mild words on their own are never reported.
    assert worst(linter, "What the hell happened to the build?", "reply") is None


def test_banter_with_a_friend_is_a_hint_but_the_same_words_in_public_are_not(linter: Linter) -> None:
    text = "lol you idiot, you left your mic on all through standup 😂 love you"
    assert worst(linter, text, "dm") is Severity.INFO
    assert worst(linter, text, "comment") is Severity.ERROR
    assert worst(linter, text, "dm", first_contact=True) is Severity.ERROR
    # Without the affection it is still a warning between friends.
    assert worst(linter, "lol you idiot, you left your mic on", "dm") is Severity.WARNING


def test_a_mild_name_in_good_news_is_banter_except_to_a_stranger(linter: Linter) -> None:
    text = "omg you numpty, you passed the exam!! so proud of you"
    assert worst(linter, text, "dm") is Severity.INFO
    assert worst(linter, text, "comment") is Severity.INFO
    assert worst(linter, text, "dm", first_contact=True) is Severity.ERROR
    # A mild name without cheer is still reported, and a strong insult in good news is not banter.
    assert worst(linter, "you numpty, you broke the build again", "dm") is Severity.WARNING
    assert worst(linter, "you idiot, you passed the exam!! so proud of you", "dm") is Severity.WARNING
    # Laughing at someone is not fondness.
    assert worst(linter, "what a muppet 😂", "comment") is Severity.ERROR


def test_an_insult_the_author_aims_at_themselves_is_not_reported(linter: Linter) -> None:
    assert not findings(linter, "haha I'm officially the laziest person in this building", "dm")
    assert codes(linter, "haha you're officially the laziest person in this building", "dm") == {"HO102"}


def test_contempt_is_reported_from_the_frame_to_the_end_of_its_sentence(linter: Linter) -> None:
    (finding,) = findings(linter, "Great meetup. Bless your heart, you really thought that would scale.")
    assert finding.code == "HO102"
    assert finding.excerpt == "Bless your heart, you really thought that would scale"


def test_scare_quotes_are_a_sneer_only_around_a_word_someone_owns() -> None:
    lexicon = hostility._lexicon()
    sneer = hostility._normalise('Your "senior" developer wrote this.', lexicon)
    named = hostility._normalise('Open the "Settings" tab, then the verb "section".', lexicon)
    assert [sneer[i].form for i in hostility._scare_quoted(sneer)] == ["senior"]
    assert not hostility._scare_quoted(named)


def test_words_about_the_mind_are_read_from_how_they_are_built() -> None:
    pattern = re.compile("^" + hostility._mind_adjectives(hostility.load_lexicon(hostility.LEXICON)) + "$")
    for word in ("talentless", "witless", "half-baked", "dull-witted", "pea-brained", "narrow-minded", "oafish"):
        assert pattern.match(word), word
    for word in ("quick-witted", "open-minded", "stylish", "wireless", "seamless", "half-price", "careless"):
        assert not pattern.match(word), word


def test_reports_the_phrase_not_the_sentence(linter: Linter) -> None:
    (finding,) = findings(linter, "Thanks for the notes. you idiot, read the docs")
    assert finding.excerpt == "you idiot"


def test_spaced_letters_are_read_as_the_word_they_spell_and_only_then(linter: Linter) -> None:
    (finding,) = findings(linter, "S T F U already")
    assert finding.excerpt == "S T F U"
    assert not findings(linter, "Plan A B C D: ship, then test.")


def test_a_long_run_of_single_letters_spells_nothing(linter: Linter) -> None:
    # The spelled-out scan looks at a bounded window per letter (linear), and only listed words count.
    report = linter.check("a b c d e f g h " * 6000, channel="comment")
    assert not report.errors
    assert not [f for f in report.findings if f.check == CHECK]


# -- the scored signal: words said of a group, insults for whoever made something ----------------


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("the admins of this forum are gutless, petty and frankly witless", "comment"),
        ("Your couriers seem utterly incompetent.", "email"),
        ("Her solicitors are brainless cowards.", "reply"),
        ("Honestly this whole deck reads like it was put together by an utter buffoon.", "reply"),
        ("yet another listicle written by a clown", "comment"),
    ],
)
def test_scored_insults_about_people_the_lists_do_not_name_are_flagged(linter: Linter, text: str, channel: str) -> None:
    assert hostility.INSULT in codes(linter, text, channel=channel)


@pytest.mark.parametrize(
    "text",
    [
        "your release notes are useless, can you add the migration steps?",  # things: 1 + 1
        "your reviewers are lazy about the changelog",  # one plain word: 1 + 1
        "the trainees were completely clueless at first, which is normal",  # a stage, not a verdict
        "if your testers are clueless about the API, send them this guide",  # hypothetical
        "nobody thinks your interns are clueless",  # negated
        "your apprentices are clueless about rebase, could you show them?",  # one topic, not the person
        "your plumbers are unqualified for gas work, please send a certified fitter",  # one topic
        "sorry your movers were so spineless about the damage",  # sympathy
        "my flatmates are clueless and spineless and I adore them",  # the author's own people, and praise
        "we picked up juggling from a clown at the street fair",  # a clown, literally
        "the villains this season are spineless cowards and I love it",  # praise in the sentence
    ],
)
def test_scored_signal_lets_complaints_stages_and_fondness_pass(linter: Linter, text: str) -> None:
    assert not codes(linter, text, channel="dm")


def test_score_adds_subject_strongest_word_and_pile() -> None:
    scored = hostility._scored_lexicon()

    def score(text: str) -> int | None:
        forms = text.split()
        found = hostility._score_predicate(forms, forms.index("are"), scored)
        return None if found is None else found[0]

    assert score("your agents are clueless") == 3  # the reader's people 1 + a mind word 2
    assert score("the drivers are clueless") == 2  # any noun 0 + 2: not enough alone
    assert score("the drivers are completely clueless") == 3  # + intensified
    assert score("your docs are useless") == 2  # fits things too: 1
    assert score("your agents are rude , clueless and subhuman") == 4  # a pile, past an unlisted list item
    assert score("the docs are long") is None


# -- vocatives, comparisons, child framing, origin, veiled threats, mock praise ----


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A bare name closing a clause is said to the reader.
        ("scroll past then, moron", "HO102"),
        ("quit whining loser", "HO102"),
        ("ur literally a buffoon", "HO102"),
        ("Mine works. Yours is garbage, mate.", "HO102"),
        # Work rated below a gadget, a pet or a beginner.
        ("A fortune cookie would give better advice than your consultants.", "HO102"),
        ("my goldfish writes clearer specs than this", "HO102"),
        ("Any junior would have caught this.", "HO102"),
        ("Your app is dumber than a doorknob.", "HO102"),
        # Adult and child framing.
        ("Should I explain it with crayons so you can keep up?", "HO102"),
        ("Perhaps leave the pricing to the grown-ups.", "HO102"),
        ("Can I speak to an adult on your team?", "HO102"),
        ("Come back when you've actually sold something.", "HO102"),
        ("Was this slide deck made by a toddler?", "HO102"),
        # A group put down by origin.
        ("Typical of people like you from that region.", "HO102"),
        ("That's what you get for hiring folks from that part of the world.", "HO102"),
        # Veiled threats.
        ("I won't be this friendly when we meet face to face.", "HO104"),
        ("Do that again and you're finished in this industry.", "HO104"),
        ("Pull the video, or a lawsuit will be the least of your problems.", "HO104"),
        ("Bad things happen to people who go over my head.", "HO104"),
        ("I know plenty of people at your office. They talk.", "HO104"),
        ("You won't be setting foot in our warehouse again, I'll see to that.", "HO104"),
        ("Keep your opinions quiet if you know what's good for you.", "HO104"),
        # Mock praise closing a failure.
        ("You've managed to make the onboarding even more confusing. Remarkable.", "HO102"),
        ("You missed the deadline again. Gold star.", "HO102"),
        ("As usual your update added precisely nothing.", "HO102"),
        ("Another masterclass in saying nothing.", "HO102"),
        # Other contempt in so many words.
        ("Do everyone a favour and log off.", "HO102"),
        ("What is even wrong with you?", "HO102"),
        ("You think you're charming. You're not.", "HO102"),
        ("The service is a rip-off and so are you.", "HO102"),
        ("try googling it next time genius", "HO102"),
        ("What planet is he on?", "HO102"),
        ("Who taught you to spell, a pigeon?", "HO102"),
        ("Every time he talks the average IQ in the room drops.", "HO102"),
        ("I'd keep my mouth shut if I were you.", "HO104"),
        ("Drop the complaint if you value your job.", "HO104"),
        ("You'd better be careful what you post next.", "HO104"),
    ],
)
def test_flags_contempt_without_an_insult_word(linter: Linter, text: str, code: str) -> None:
    assert code in codes(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "The loser of the quiz buys the pizza.",
        "Nobody expected that, least of all me, honestly a fool for trying",
        "I was the class clown at school.",
        "Your really thoughtful note made my day.",
        "Yours is a joke shop? Amazing, I need to visit.",
        "My nephew draws better than I ever will, proud uncle here.",
        "A good night's sleep would do you better than another coffee.",
        "We could do better than this next quarter, let's talk.",
        "I'll explain it in small words for the kids' club on Saturday.",
        "Leave it to the experts: call an electrician.",
        "Is there an adult ticket for the zoo?",
        "Did your son draw this? It's adorable.",
        "Typical of Porto in July, everything is packed.",
        "People from your country have been so welcoming to us.",
        "Watch yourself on the ice this morning!",
        "You're finished? Great, go home and rest.",
        "I'll see to it personally that your parcel goes out today.",
        "Don't worry about the typo, it's the least of your problems today, the venue moved!",
        "I know a lot of people in Porto, happy to introduce you.",
        "Gold star for the team, we shipped on time!",
        "You broke the record again! Well done.",
        "You misread the brief, but the result is brilliant anyway. Well done.",
        "Thanks genius, the fix worked!",
        "You absolute genius. This saved me a day.",
        "Do yourself a favour and take Friday off.",
        "You think you're not ready. You are.",
        "What planet is the new probe heading to?",
        "Who taught you to bake like this? It's incredible.",
        "I'd keep the receipt if I were you, just in case.",
        "Be careful on the stairs next to the lab.",
        # A team's own post-mortem: the comparison does not end the sentence on the reader.
        "Any junior would have caught this, so we added a lint rule. Great find by Priya.",
    ],
)
def test_passes_look_alikes_of_the_new_contempt_kinds(linter: Linter, text: str) -> None:
    assert not codes(linter, text), findings(linter, text)


def test_a_pet_name_talks_down_to_a_stranger_or_by_email_but_not_between_friends(linter: Linter) -> None:
    text = "Run along now, sweetie."
    assert "HO102" in codes(linter, text, "email")
    assert "HO102" in codes(linter, text, "comment", first_contact=True)
    assert not codes(linter, text, "dm")
    assert not codes(linter, text, "comment")
    # Thanks or good wishes make it friendly even to a stranger; "kid" and "champ" are a mentor's cheer too.
    assert not codes(linter, "Good luck tomorrow, kid.", "email")
    assert not codes(linter, "Go get em, kid.", "email")
    assert not codes(linter, "See you at the final, champ.", "email")


def test_your_before_an_adverb_and_an_article_is_read_as_you_are() -> None:
    lexicon = hostility._lexicon()
    assert hostility._forms("your", "honestly", lexicon, "a") == ("you", "are")
    assert hostility._forms("your", "really", lexicon, "cool") == ("your",)
    assert hostility._forms("your", "team", lexicon, "a") == ("your",)


def test_mock_praise_needs_a_failure_and_a_failure_needs_mock_praise(linter: Linter) -> None:
    assert "HO102" in codes(linter, "You broke the build again. Bravo.")
    assert not codes(linter, "You broke the build again, sorry about the weekend.")
    assert not codes(linter, "Bravo, the build is green again.")


def test_a_word_read_by_the_words_after_it_is_read_afresh_in_every_draft() -> None:
    lexicon = hostility._lexicon()
    assert [w.form for w in hostility._normalise("your an idiot", lexicon)][:2] == ["you", "are"]
    assert [w.form for w in hostility._normalise("your idea is fine", lexicon)][:2] == ["your", "idea"]
    assert [w.form for w in hostility._normalise("ill see to that", lexicon)][:2] == ["i", "will"]
    assert hostility._normalise("ill today", lexicon)[0].form == "ill"
    assert "your" not in hostility._PLAIN_FORMS and "ill" not in hostility._PLAIN_FORMS
    # A stretched word is squeezed according to what follows, so it is not kept either.
    assert [w.form for w in hostility._normalise("yourrr an idiot", lexicon)][:2] == ["you", "are"]
    assert "yourrr" not in hostility._PLAIN_FORMS
    assert hostility._PLAIN_FORMS["idiot"] == ("idiot",)
