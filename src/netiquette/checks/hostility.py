"""hostility: insults, profanity aimed at people, slurs and threats.

What it does
    Finds slurs; name-calling with a person as its target ("you idiot",
    "he's a clown", "are you stupid?", "thanks, loser"); profanity aimed at
    someone ("f*** off", "go to hell", "your shitty app", "you have no
    fucking idea"); threats ("I'll make sure you never work in this town
    again", "watch your back"); and swearing that runs down what someone
    said or made ("this post is bullshit"). Swear words and slurs come from
    the better-profanity word list (MIT), curated in
    ``scripts/build_hostility_lexicon.py`` so that words that are innocent in
    context are not used; masked (``f***``, ``f@#k``), leetspeak (``sh1t``,
    ``a$$hole``) and spaced-out (``f u c k``, ``S T F U``) spellings are read
    as the word they hide. Contempt that uses no insult word is read from its
    shape: the reader's words dismissed ("nobody asked for your opinion"),
    dehumanising comparisons ("a trained monkey could do your job better"),
    scorn for someone's mind or worth ("do you even have two brain cells"),
    "shut up" said other ways ("zip it"), and veiled threats ("it would be a
    shame if your clients found out", "see how long you keep that job",
    "people who cross me don't last long here", "keep talking to my staff
    like that and you'll find out what happens"). Competence denied in so many
    words is contempt too ("you clearly have no clue what you're talking
    about", "so even you can follow it", "your incompetence", "you're a
    walking disaster", "looks like it was written by a toddler"), as is a
    group the reader belongs to told where to stay ("women like you should
    stick to ...", "ok boomer"), the reader's place or voice questioned ("how
    are you even still employed?", "no wonder you got fired", "keep your hot
    takes to yourself", "nobody takes you seriously"), idioms of a dull mind
    ("you wouldn't know a good hire if it bit you"), passive-aggressive digs
    ("remind me again what you actually do here?", "some of us actually read
    the contract", "funny how you only call when you need a favour"), and
    condescension to women ("calm down, princess", "typical woman"). Some
    contempt is read from where a word stands: an insult closing a clause
    with no article before it is said to the reader ("get lost loser",
    "nobody asked, clown"), as is a sarcastic title ("try reading it next
    time genius") or, to a stranger or by email, a pet name ("Run along,
    sweetie"); work rated below a gadget, a pet or a beginner ("my toaster
    writes better copy than this", "any junior would have caught this");
    child framing ("did a toddler make this?", "leave it to the grown-ups",
    "next time I'll draw it in crayon"); a group put down by origin
    ("typical of people from your country"); veiled threats ("I won't be
    this polite in person", "you're finished at this firm", "accidents
    happen to people who talk too much"); and mock praise closing a failure
    ("You missed the deadline again. Gold star.").
    Words about someone's mind are also read from how they are built
    ("talentless", "half-baked", "amateurish"), and polite-sounding contempt
    from a dismissive frame ("bless your heart", "sure, because ...", "cute
    that you think ...", a "so-called expert", scare quotes) together with
    what aims it at someone (see ``Hostility._contempt``). Insults said of a
    group or person no list names ("your agents are rude, clueless and
    frankly subhuman", "brain rot from an absolute dunce") are found by a
    score: who is described, how strongly the words fit only a mind or a
    person, and whether they are piled up or intensified (see
    ``Hostility._predicated``).

Why is this bad
    A line you would not say to someone's face costs more online than off:
    it is permanent, others read it, and the person it is aimed at will
    remember the insult long after the argument. Even venting about a third
    person tells the reader how you will talk about them.

Context
    Slurs and threats are errors anywhere. Insults and profanity aimed at
    someone are errors in public (posts, comments, replies) and towards a
    stranger, and warnings in a private message to someone the author
    knows. Untargeted swearing is only a hint, except when it runs down the
    post or message being answered or goes to a stranger. Whole words only
    (Scunthorpe, cocktail, assessment and Dickens are words of their own),
    and never: profanity as a friendly intensifier ("damn good talk", "hell
    of a job", "so fucking proud of you"), self-deprecation ("I was an idiot
    to miss it"), negation ("you're not stupid for asking"), words in
    quotation marks, quoted lines, speech reported by someone else ("she
    told me I was a clown"), or a word being talked about ("the word idiot
    comes from Greek"), or an insult the author aims at themselves ("I'm the
    dumbest person alive"). An insult to a friend in a draft that says it
    fondly ("love you", a heart) is banter: only a hint; so is a mild name
    ("muppet", "numpty") in a cheerful draft ("wow you absolute muppet, you
    got the job!! so happy for you") anywhere but to a stranger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from spacy.tokens import Doc

from netiquette.checks._authorship import QUOTES_FACTORY, visibly_quoted_mask
from netiquette.checks._matching import load_lexicon
from netiquette.checks._prefilter import LiteralIndex, may_match, pieces, shipped_literals
from netiquette.context import Context
from netiquette.doccache import text_of, tokens_in
from netiquette.hookspecs import hookimpl
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

LEXICON = "hostility.json"
WORDS = "hostility_words.json"
#: The literals each pattern and contempt frame needs, worked out ahead (see ``_needs``).
LITERALS = "hostility_literals.json"

SLUR, INSULT, AIMED_PROFANITY, THREAT, SWEARING = "HO101", "HO102", "HO103", "HO104", "HO105"

RULES = (
    Rule(
        SLUR,
        "slur",
        "A slur: a word that demeans people for who they are.",
        "A slur hurts everyone it names, not just the reader, and it is the one line people will remember "
        "about you and pass on.",
        Severity.ERROR,
        "Remove the word. If you are angry, say what happened and what you want to change, without labels.",
    ),
    Rule(
        INSULT,
        "insult",
        'Name-calling aimed at a person ("you idiot", "he\'s a clown", "are you stupid?").',
        "Calling someone a name turns a disagreement into a personal attack: the person stops listening, and "
        "everyone who reads it remembers the insult, not your point.",
        Severity.ERROR,
        'Say what you disagree with and why ("I think this estimate is off because ..."), not what the person is.',
    ),
    Rule(
        AIMED_PROFANITY,
        "profanity-at-someone",
        'Swearing aimed at someone ("f*** off", "go to hell", "your shitty app", "you have no fucking idea").',
        "Swearing at someone is what you would never say to their face; it ends the conversation and stays "
        "on the record.",
        Severity.ERROR,
        "Take a break before you send. Then say plainly what went wrong and what you would like to happen next.",
    ),
    Rule(
        THREAT,
        "threat",
        'A threat ("I\'ll make sure you never work in this town again", "watch your back", "you\'ll regret this").',
        "A threat frightens the reader and can be reported to the platform or the police; it can cost you far "
        "more than the dispute was worth.",
        Severity.ERROR,
        "Delete the threat. If something needs to happen, name it calmly (a refund, a correction) or take it to "
        "the proper channel.",
    ),
    Rule(
        SWEARING,
        "swearing",
        'Strong swearing that is not aimed at anyone ("this is bullshit", "what the fuck").',
        "Swear words read louder in writing than in speech; to a stranger, or under someone's post, they make you "
        "look angry and make the reader wary.",
        Severity.INFO,
        "Say what frustrates you in plain words; keep the swearing for friends who know your tone.",
    ),
)

# Sentence-ending and clause-breaking marks between words become markers in
# the normalised text, so that no pattern runs across them.
_SENTENCE_BREAK = re.compile(r"[.!?;\n…]")
# Emoji end a clause too ("he thinks he's Steve Jobs 💀 delusional clown").
_CLAUSE_BREAK = re.compile(r"[,:()\"“”—–\U0001F300-\U0001FAFF\u2600-\u27BF]| - ")
# A word: letters, digits and the symbols people use to mask or leet-spell
# one ("f***", "sh!t", "a$$hole", "s.h.i.t"). Bounded by whitespace and
# ordinary punctuation, so the scan is linear.
# Grawlix marks ("f@#k", "sh%t") count as part of a word only inside it, so "#hiring" stays a hashtag.
_WORD = re.compile(r"[\w$@*!'’.+\-]+(?:[#%&]+[\w$@*!'’.+\-]+)*")
_STRIP = ".!'’-+"
_SPELLED_OUT = re.compile(r"^(?:[a-z][._\-]){2,}[a-z]$")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s", "!": "i", "+": "t"})
# A letter written three or more times in a row ("stuuupid").
_ELONGATED = re.compile(r"([a-z])\1{2,}")
# Small words people stretch for effect ("youuu", "sooo").
_STRETCHED_WORDS = frozenset({"you", "u", "ur", "so", "are", "your", "such", "shut", "up", "off", "go"})
_OBFUSCATION = re.compile(r"[*$@!0-9+#%&]")
_GRAWLIX = re.compile(r"[*#%&@$!]")
# Abbreviations people also spell out with spaces ("S T F U"), beside the listed swear words.
_SPACED_WORDS = frozenset({"stfu", "gtfo", "kys", "foad", "gfy", "wtf", "you", "off", "your"})
_SPACED_LONGEST = 14
_CLITICS = {"n't": "not", "'re": "are", "'m": "am", "'ll": "will", "'d": "would", "'ve": "have", "'s": "'s"}
# Adverbs that show "your" is a typo for "you're" when an article follows ("your honestly a halfwit"); "your
# really cool idea" has no article, so it stays a possessive.
_TYPO_ADVERBS = frozenset(
    "honestly really literally clearly obviously actually seriously truly totally definitely genuinely basically "
    "officially completely absolutely just probably such frankly simply".split()
)
_CLITIC_BASES = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
# Informal spellings, each read as the words it stands for.
_EXPANSIONS = {
    "u": ("you",),
    "ya": ("you",),
    "yall": ("you", "all"),
    "r": ("are",),
    "youre": ("you", "are"),
    "im": ("i", "am"),
    "ima": ("i", "am", "going", "to"),
    "imma": ("i", "am", "going", "to"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "isnt": ("is", "not"),
    "arent": ("are", "not"),
    "wasnt": ("was", "not"),
    "wont": ("will", "not"),
    "cant": ("can", "not"),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "theyre": ("they", "are"),
    "thats": ("that", "'s"),
    "whats": ("what", "'s"),
    "ill": ("ill",),
    "ppl": ("people",),
}
# Verbs after which "ill" is "I'll" ("ill see to that", "ill draw it in crayon"), not "ill" (sick).
_ILL_VERBS = frozenset(
    "see make draw spell explain tell send call report sue end ruin find come show walk put do get have be never "
    "not personally".split()
)
# Who may be quoted by a reporting verb ("he said ...", "my boss wrote ...").
_THIRD_PERSON = frozenset(
    "he she they someone somebody people everyone recruiter boss manager guy email message customer client "
    "colleague friend post comment headline".split()
)
_REPORTING_VERBS = frozenset({"say", "tell", "write", "call", "claim", "text"})
_NEGATIONS = frozenset({"not", "never", "no", "nobody", "nothing", "noone", "neither", "nor", "without"})
_COPULAS = frozenset({"is", "are", "was", "were", "'s", "am", "be", "been", "being", "like", "seem", "seems"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})
# One-word verdicts that can stand as a sentence of their own ("Pathetic.").
_VERDICTS = frozenset({"pathetic", "disgusting", "embarrassing", "laughable", "pitiful"})
# How many words before a match may negate it or show it is being talked about.
_NEGATION_WINDOW = 4
# How close a second-person word must be to a swear word for it to be aimed at the reader.
_AIM_WINDOW = 3
# Words about a lacking mind are built in a few ways, so words no list has are read too: "-less" on a
# faculty ("clueless", "talentless", "feckless"), "half-" ("half-baked"), "-witted" and "-brained" on a dull
# stem, "-minded" on a narrow one, "-ish" on a fool ("amateurish", "clownish"). The stems are closed so that
# praise built the same way ("quick-witted", "open-minded", "stylish") never counts.
_MIND_MORPHOLOGY = (
    r"(?:clue|brain|mind|wit|gorm|spine|gut|talent|skill|feck|sense|use|worth)less"
    r"|half-(?:baked|assed|arsed|witted)"
    r"|(?:dim|half|slow|dull|thick|feeble)-?witted"
    r"|(?:bird|hare|pea|rattle|feather|scatter)-?brained"
    r"|(?:small|narrow|simple|feeble|petty|closed|weak)-?minded"
    r"|(?:amateur|child|clown|boor|oaf|lout|dolt|brat)ish"
)
# Quote marks around a word or two that are not a quotation but a sneer ('your "senior" developer').
_QUOTE_MARKS = "'\"‘’“”`"
# A sneer in quotes belongs to someone: 'your "senior" developer', 'the "fix" you pushed', 'you "fixed" it',
# 'another "founder"'.
_SNEER_OWNERS = frozenset("your ur his her their the this that our you he she they so-called another".split())
# Things whose names are quoted as a matter of course ('the "Save" button', 'the "Blog" link').
_NAMED_THINGS = frozenset(
    "button buttons link links tab tabs menu field fields option options column columns setting settings page "
    "pages folder file label tag section branch command key flag channel list sheet slide title heading".split()
)
# Emoji that roll their eyes at the reader, and emoji that show the draft is fond, not hostile.
_DISMISSIVE_EMOJI = frozenset("🙄😒🤡🥱")
_WARM_EMOJI = frozenset("❤💕💖💗💙💚💛💜🧡🥰😍😊🙏🤗")
# Beside the lexicon's positive words: what envy or teasing between friends sounds like ("must be nice ...
# enjoy it, you earned it").
_WARM_WORDS = frozenset({"enjoy", "deserve", "deserved", "earned", "jealous", "envious", "rooting", "xx", "xoxo"})
# Words a sarcastic one-line verdict opens with ("Truly inspiring stuff.", "So brave.").
_SARCASM_INTENSIFIERS = frozenset({"truly", "so", "how", "very", "really", "such", "wow"})
# Faint praise that, as a sentence of its own after a sneer, is more sarcasm ("Adorable.", "Riveting.").
_ONE_WORD_SNEERS = frozenset({"adorable", "cute", "precious", "riveting", "fascinating", "impressive", "charming"})
# Words between "I am" and a put-down of oneself ("I'm the dumbest person alive", "I was such a clown").
_SELF_FILLERS = frozenset(
    "a an the such so just really literally truly actually probably definitely officially totally complete "
    "absolute biggest".split()
)
# Positive words too common in ordinary (and sarcastic) talk to show a draft is cheerful.
_WEAK_PRAISE = frozenset(
    {"yes", "yeah", "yep", "well", "right", "fine", "better", "best", "funny", "hilarious", "nice"}
)
# Pet names that talk down to anyone but family ("Run along, sweetie", "Calm down, princess"). "kid" and "champ" are
# as often a mentor's cheer ("Go get 'em, kid.").
_DIMINUTIVES = frozenset(
    "sweetie sweetheart sweety honey hun hon darling darlin kiddo sonny junior princess sunshine buttercup missy "
    "sweetcheeks toots".split()
)
# Titles said in sarcasm when they close a clause bare ("nice going genius", "sure thing, einstein").
_EPITHETS = frozenset("genius einstein sherlock hotshot smartypants wiseguy bigshot".split())
# Words two places before a name that make it part of a noun phrase, not a vocative ("the biggest loser").
_DETERMINERS = frozenset(
    "a an the this that these those my your ur his her our their its some any no every each another what such "
    "which whose".split()
)
# Words before a name that make it an object, a predicate or praise, not a vocative ("a genius", "you absolute genius").
_NOT_VOCATIVE = _DETERMINERS | frozenset(
    "of for to with by from as like than at in on into about and or but nor is are was were am be been being "
    "'s you u absolute total real evil true little young certified resident".split()
)
# Thanks and good wishes, which make a pet name friendly.
_THANKS = frozenset({"thanks", "thank", "thx", "ty", "cheers", "luck", "welcome", "hugs", "congrats", "bless"})
# Crying with joy, beside the warm emoji (laughing at someone is not fondness).
_HAPPY_TEARS = frozenset("😭🥹")
# Affection that turns a friend's "you idiot" into banter ("you left the mic on, you idiot 😂 love you").
_AFFECTION = (("love", "you"), ("luv", "you"), ("ily",), ("love", "ya"), ("xoxo",))


class _Word(NamedTuple):
    """One normalised word (or a break marker) and where its source text is."""

    form: str
    start: int
    end: int
    #: Whether the source was capitalised (a name, or a sentence start).
    capitalised: bool
    #: The punctuation, quote marks and emoji between this word and the next (a question mark, scare quotes, 🙄).
    after: str = ""


class _Pattern:
    """One template of hostility.json, filled in; compiled the first time a draft may match it.

    Compiling all of them took about half a second of every CLI run, and
    most drafts rule out most patterns by ``needs`` alone.
    """

    __slots__ = ("_compiled", "code", "needs", "on_shapes", "source")

    def __init__(self, code: str, source: str, on_shapes: bool, needs: frozenset[str] | None) -> None:
        self.code = code
        self.source = source
        #: Matched against the words with capitalised ones as "@cap" (the template has a {name} slot).
        self.on_shapes = on_shapes
        #: Strings one of which every match contains (None: no such strings are known).
        self.needs = needs
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled regular expression."""
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled


class _Lexicon(NamedTuple):
    categories: dict[str, str]
    maskable: tuple[str, ...]
    positive: frozenset[str]
    exclaimers: frozenset[str]
    sympathy: frozenset[str]
    mention_cues: frozenset[str]
    #: Insults mild enough to be fond between friends ("you muppet") when the draft is cheerful.
    banter: frozenset[str]
    patterns: tuple[_Pattern, ...]
    #: Finds the strings the patterns need in a draft, for skipping the patterns that cannot match:
    #: those read on the words, and those read on the shapes (capitals as "@cap"), apart; with the
    #: positions in ``patterns`` of each.
    needs: LiteralIndex
    shape_needs: LiteralIndex
    word_positions: tuple[int, ...]
    shape_positions: tuple[int, ...]


def _words(entry: str) -> list[str]:
    return entry.split()


def _alternation(words: list[str]) -> str:
    # Longest first, so that "idiots" is not cut to "idiot"; then alphabetical, so that the expression is
    # the same in every process (the shipped literals are keyed on it).
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def _mind_adjectives(data: dict[str, Any]) -> str:
    """A regular expression for one word about someone's mind, competence or worth, listed or built like one."""
    return "(?:" + _alternation(_words(data["mind_adjectives"])) + "|" + _MIND_MORPHOLOGY + ")"


def _target(data: dict[str, Any]) -> str:
    """A regular expression for who a describing word can run down: the reader, or a person named as such.

    "my kid" and "our team" are left out: what the author says of their own
    people is fond teasing far more often than contempt.
    """
    people = _alternation(_words(data["person_nouns"]) + _words(data["person_words"]))
    return (
        "(?:you(?: guys| people| lot| two| all)?|he|she|(?:your|ur|this|that|the|these|those|their|his|her) "
        + people
        + ")"
    )


class _Contempt(NamedTuple):
    """The dismissive frames of hostility.json's "contempt" block, and the cues they may need."""

    #: Each frame (compiled when a draft may match it), and the groups of cues of which one (all of its
    #: cues) must be in the sentence too.
    frames: tuple[tuple[_Pattern, tuple[frozenset[str], ...]], ...]
    #: Cue name -> expression run on a sentence ("target", "evaluation", "weak", "belief") or the draft ("other",
    #: "mock"); those of a sentence are compiled when a frame first matches.
    cues: dict[str, _Pattern]
    #: Finds the frames' strings in a draft: most drafts rule out most of the 77 frames.
    needs: LiteralIndex


@cache
def _contempt_lexicon() -> _Contempt:
    data = load_lexicon(LEXICON)
    block = data["contempt"]
    person = _person(data)
    evaluation = (
        "(?:"
        + _mind_adjectives(data)
        + "|"
        + _alternation(_words(data["insult_adjectives"]))
        + "|"
        + _alternation(_words(data["insult_nouns"]))
        + ")"
    )
    cues = {
        # "someone who has never run a P&L": an unnamed person is a target too.
        "target": r"(?:you|your|yours|yourself|yourselves|someone|somebody"
        r"|(?:your|ur|the|this|that|a|an|some|these|those|our|their|his|her) (?:[^ .,]+ )?" + person + ")",
        "evaluation": evaluation,
        # A put-down weaker than a word about the mind still counts once a frame has shown the sneer.
        "weak": "(?:" + evaluation + "|" + block["cues"]["weak"] + ")",
        "belief": block["cues"]["belief"],
        "other": block["cues"]["other"],
        # Mock praise closing a criticism ("Gold star.", "Quite an achievement.", "Impressive, in its own way.").
        "mock": block["cues"]["mock"],
    }
    cue_patterns = {
        name: _Pattern(INSULT, r"(?<![^ ])" + source + r"(?![^ ])", False, None) for name, source in cues.items()
    }
    frames = []
    literal_sets = _needs("frames", _frame_jobs(data, person))
    for entry, literals in zip(block["frames"], literal_sets, strict=True):
        source = entry["frame"].replace("{person}", person)
        needs = tuple(frozenset(group.split()) for group in entry["needs"].split("|"))
        frames.append((_Pattern(INSULT, source, False, literals), needs))
    return _Contempt(tuple(frames), cue_patterns, LiteralIndex(literal_sets))


def _person(data: dict[str, Any]) -> str:
    """A regular expression for a word naming a person or a role (the contempt frames' ``{person}``)."""
    return _alternation(_people(data))


def _people(data: dict[str, Any]) -> list[str]:
    """Words naming a person or a role."""
    return _words(data["person_nouns"]) + _words(data["person_words"]) + _words(data["contempt"]["roles"])


#: A pattern template and the slots it is filled with (see ``_prefilter.required_literals``).
_Job = tuple[str, dict[str, str]]


def _pattern_jobs(data: dict[str, Any], slots: dict[str, str]) -> list[_Job]:
    return [(template, slots) for group in data["patterns"].values() for template in group]


def _frame_jobs(data: dict[str, Any], person: str) -> list[_Job]:
    slots = {"person": person}
    return [(entry["frame"], slots) for entry in data["contempt"]["frames"]]


def literal_jobs() -> dict[str, list[_Job]]:
    """The templates whose literals ``LITERALS`` ships, by kind: "patterns" and contempt "frames"."""
    data = load_lexicon(LEXICON)
    return {
        "patterns": _pattern_jobs(data, _slots(data, _categories(data, load_lexicon(WORDS)))),
        "frames": _frame_jobs(data, _person(data)),
    }


def _needs(kind: str, jobs: list[_Job]) -> list[frozenset[str] | None]:
    # Reading 400 templates for their literals took 0.14 s of every start-up; the answers are shipped
    # (scripts/build_hostility_literals.py) and used when they were worked out from these very templates.
    return shipped_literals(jobs, load_lexicon(LITERALS).get(kind))


@cache
def _lexicon() -> _Lexicon:
    data = load_lexicon(LEXICON)
    categories = _categories(data, load_lexicon(WORDS))
    slots = _slots(data, categories)
    templates = [(code, template) for code, group in data["patterns"].items() for template in group]
    needs = _needs("patterns", _pattern_jobs(data, slots))
    patterns = []
    for (code, template), literals in zip(templates, needs, strict=True):
        source = template
        for slot, value in slots.items():
            source = source.replace("{" + slot + "}", value)
        patterns.append(_Pattern(code, r"(?<![^ ])" + source + r"(?![^ ])", "{name}" in template, literals))
    return _Lexicon(
        categories,
        tuple(_words(data["maskable"])),
        frozenset(_words(data["positive"])),
        frozenset(_words(data["exclaimers"])),
        frozenset(_words(data["sympathy"])),
        frozenset(_words(data["mention_cues"])),
        frozenset(_words(data["banter_nouns"])),
        tuple(patterns),
        LiteralIndex(p.needs for p in patterns if not p.on_shapes),
        LiteralIndex(p.needs for p in patterns if p.on_shapes),
        tuple(i for i, p in enumerate(patterns) if not p.on_shapes),
        tuple(i for i, p in enumerate(patterns) if p.on_shapes),
    )


def _categories(data: dict[str, Any], words: dict[str, Any]) -> dict[str, str]:
    """Listed word -> its group: "mild", "profanity", "insults" or "slurs"."""
    categories: dict[str, str] = {}
    for group in ("mild", "profanity", "insults", "slurs"):
        for word in words[group]:
            categories[word] = group
    for word in _words(data["insult_nouns"]):
        categories.setdefault(word, "insults")
    for word in _words(data["extra_profanity"]):
        categories.setdefault(word, "profanity")
    return categories


def _slots(data: dict[str, Any], categories: dict[str, str]) -> dict[str, str]:
    """The regular expression each ``{slot}`` of the pattern templates stands for."""
    # Swear words that name a person ("asshole", "bastard") are insults too.
    person_insults = sorted(
        {w for w, c in categories.items() if c == "insults" and " " not in w} | set(_words(data["insult_nouns"]))
    )
    adjectives = _words(data["insult_adjectives"])
    person_insults = [w for w in person_insults if w not in adjectives]
    you = "(?:you(?: guys| people| lot| two| all)?)"
    subject = (
        "(?:you(?: guys| people| lot| two| all)?|he|she|they|this (?:guy|person|dude|clown)|that (?:guy|person|dude)"
        "|these people|those people|(?:your|my|the|this|that|our|their|his|her) "
        + _alternation(_words(data["person_nouns"]))
        + "|"
        + _alternation(_words(data["person_nouns"]))
        + ")"
    )
    return {
        "you": you,
        "subject": subject,
        "name": "@cap",
        "be": "(?:is|are|was|were|'s|am|be|been|being|(?:sound|sounds|look|looks|act|acts|acting) like|seem|seems"
        "|must be|must have been)",
        "filler": _alternation(_words(data["intensifiers"])),
        "insult_n": _alternation(person_insults),
        "insult_adj": _alternation(adjectives),
        "insult_adj_strong": _alternation(_words(data["insult_adjectives_strong"])),
        "object_insult": _alternation(_words(data["object_insults"])),
        "vocative": _alternation(_words(data["vocative_insults"]) + person_insults),
        "superlative": "(?:"
        + _alternation(_words(data["superlative_insults"]))
        + "|most "
        + _alternation(_words(data["most_insults"]))
        + ")",
        "person_word": _alternation(_words(data["person_words"])),
        # Animal and vermin words for a person ("you spineless little worm"); never alone, since "this worm"
        # or "the URL slug" are innocent.
        "dehumanising": _alternation(_words(data["dehumanising"])),
        # A group the reader belongs to ("recruiters like you", "people like him").
        "people_like_you": r"(?:people|folks|guys|women|men|[a-z]+s) like (?:you|u|him|her|them|yourself)",
        # One describing word the lists cannot know ("you narcissistic clown", "a selfish prick").
        # Common verbs that only look like describing words ("you need a dummy variable") are not.
        "adjlike": r"(?!(?:need|needed|feed|seed|speed|indeed|want|meant)(?![^ ]))[a-z]+(?:-[a-z]+)?"
        r"(?:ic|ous|ful|less|ed|ing|al|ive|ish|ant|ent|y)",
        # A word about someone's mind, competence or worth, listed or built the way such words are built.
        "mind_adj": _mind_adjectives(data),
        # Who a describing word can run down: the reader, or a person ("the consultant", not "my kid", "this PR").
        "target": _target(data),
        # A name that, with no article, can only be said to the reader ("get lost loser", "shut it clown").
        "vocative_n": _alternation(_words(data["vocative_nouns"])),
        # Things and beings someone's work is rated below ("my toaster writes better copy than this").
        "lesser_maker": "(?:"
        + _alternation(_words(data["lesser_makers"]))
        + r"|(?:[0-9]+|two|three|four|five|six|seven|eight|nine|ten)(?:-| )years?(?:-| )olds?)",
    }


def _unmask(word: str, lexicon: _Lexicon) -> str:
    """The word a masked or leet spelling stands for ("f***" -> "fuck"), or ``word`` itself."""
    if not _OBFUSCATION.search(word) or not (word[:1].isalpha() or word[:1] in "$@"):
        return word
    if _SPELLED_OUT.match(word):
        return word.replace(".", "").replace("-", "").replace("_", "")
    decoded = word.translate(_LEET)
    if decoded != word and lexicon.categories.get(decoded) in {"profanity", "slurs", "mild", "insults"}:
        return decoded
    if "*" in word or "#" in word or "%" in word:
        masked = _GRAWLIX.sub("*", word)
        for candidate in lexicon.maskable:
            if len(candidate) == len(masked) and all(
                c == "*" or c == k for c, k in zip(masked, candidate, strict=True)
            ):
                return candidate
    return word


def _spaced_out(text: str, matches: list[re.Match[str]], lexicon: _Lexicon) -> dict[int, tuple[int, str]]:
    """Runs of single letters that spell a swear word or slur: first match index -> (last index, word).

    Only a listed word counts ("A B test" stays three words), and a run is
    searched for words of at most ``_SPACED_LONGEST`` letters, so the scan stays
    linear in the length of the draft.
    """
    found: dict[int, tuple[int, str]] = {}
    letters = [len(m.group()) == 1 and m.group().isalpha() for m in matches]
    i = 0
    while i < len(matches):
        j = i
        while (
            j + 1 < len(matches)
            and letters[j]
            and letters[j + 1]
            and text[matches[j].end() : matches[j + 1].start()] == " "
        ):
            j += 1
        run = "".join(m.group() for m in matches[i : j + 1]).lower() if j - i >= 2 else ""
        a = i
        while run and a <= j - 2:
            for b in range(min(j, a + _SPACED_LONGEST - 1), a + 1, -1):
                word = run[a - i : b - i + 1]
                if word in _SPACED_WORDS or lexicon.categories.get(word) in {"profanity", "slurs", "insults"}:
                    found[a] = (b, word)
                    a = b
                    break
            a += 1
        i = j + 1
    return found


def _normalise(text: str, lexicon: _Lexicon) -> list[_Word]:
    """The draft as normalised words, with "." and "," markers where sentences and clauses break."""
    words: list[_Word] = []
    previous_end = 0
    matches = list(_WORD.finditer(text))
    raws = [match.group() for match in matches]
    # Each word's lowercase form, for reading the next two words ("your an idiot").
    following = [raw.lower() for raw in raws] + ["", ""]
    spaced = _spaced_out(text, matches, lexicon) if len(matches) > 2 else {}
    skip_to = -1
    for index, match in enumerate(matches):
        if index <= skip_to:
            continue
        if spaced and index in spaced:
            # "f u c k i n g", "S T F U": one word spelled with spaces between its letters.
            skip_to, form = spaced[index]
            core_start, core_end = match.start(), matches[skip_to].end()
            gap = text[previous_end:core_start]
            previous_end = core_end
            _note_gap(words, gap)
            if words and _SENTENCE_BREAK.search(gap):
                words.append(_Word(".", core_start, core_start, False))
            elif words and _CLAUSE_BREAK.search(gap):
                words.append(_Word(",", core_start, core_start, False))
            words.append(_Word(form, core_start, core_end, False))
            continue
        raw = raws[index]
        start, end = match.span()
        if raw[0] in _STRIP or raw[-1] in _STRIP or raw[0] == "*":  # most words need no trimming
            if raw.startswith("*") and raw.endswith("*"):  # *emphasis*
                stars = len(raw) - len(raw.lstrip("*"))
                raw, start, end = raw.strip("*"), start + stars, end - (len(raw) - len(raw.rstrip("*")))
            lead = len(raw) - len(raw.lstrip(_STRIP))
            trail = len(raw) - len(raw.rstrip(_STRIP))
            start, end = start + lead, end - trail
            if end <= start:
                continue
            raw = text[start:end]
        gap = text[previous_end:start]
        previous_end = end
        # Most words follow one space, which breaks nothing and is noted nowhere.
        if gap != " ":
            _note_gap(words, gap)
            if words and _SENTENCE_BREAK.search(gap):
                words.append(_Word(".", start, start, False))
            elif words and _CLAUSE_BREAK.search(gap):
                words.append(_Word(",", start, start, False))
        capitalised = raw[:1].isupper() and not raw.isupper()
        lower = raw.lower().replace("’", "'")
        forms = _PLAIN_FORMS.get(lower) or _forms(lower, following[index + 1], lexicon, following[index + 2])
        # Only the first word of an expansion keeps the capital ("Don't" is "Do not", not a name "Not"), and
        # "I" in "I'm" is no name either.
        words.append(_Word(forms[0], start, end, capitalised and forms[0] != "i"))
        for form in forms[1:]:
            words.append(_Word(form, start, end, False))
    _note_gap(words, text[previous_end:])
    return words


def _note_gap(words: list[_Word], gap: str) -> None:
    """Record on the last word what separates it from the next (or from the end of the draft)."""
    if words and gap.strip():
        last = words[-1]
        # Built directly: NamedTuple._replace costs more than the rest of the word's reading.
        words[-1] = _Word(last.form, last.start, last.end, last.capitalised, gap)


def _forms(lower: str, next_raw: str, lexicon: _Lexicon, after_next: str = "") -> tuple[str, ...]:
    forms = _read_forms(lower, next_raw, lexicon, after_next)
    if lower.isalpha() and lower not in _CONTEXTUAL and not _ELONGATED.search(lower):
        # Read without the next words, so the answer is kept for the next draft (see _PLAIN_FORMS).
        if len(_PLAIN_FORMS) >= _MAX_PLAIN_FORMS:
            _PLAIN_FORMS.clear()
        _PLAIN_FORMS[lower] = forms
    return forms


#: Words whose reading depends on the words after them ("your an idiot", "ur idea", "ill see").
_CONTEXTUAL = frozenset({"your", "ur", "ill"})
#: The forms of plain words (letters only, no stretched letters, not contextual), which depend on the word
#: alone: most words of a draft, read again in every draft. At most ``_MAX_PLAIN_FORMS`` are kept.
_PLAIN_FORMS: dict[str, tuple[str, ...]] = {}
_MAX_PLAIN_FORMS = 50_000


def _read_forms(lower: str, next_raw: str, lexicon: _Lexicon, after_next: str = "") -> tuple[str, ...]:
    if lower == "your" and next_raw in {"a", "an", "such", "so"}:
        return ("you", "are")  # "your an idiot" is a common typo for "you're"
    if lower in {"your", "ur"} and next_raw in _TYPO_ADVERBS and after_next in {"a", "an", "such", "so", "the"}:
        return ("you", "are")  # "your honestly a halfwit": an adverb between cannot follow a possessive
    if lower == "ur":
        # "ur an idiot" is "you are"; "ur idea" is "your".
        fillers = {"a", "an", "so", "such", "the", "just", "really", "being", "not", "dead", "done", "finished"}
        following = _ELONGATED.sub(r"\1", next_raw)
        is_verb = bool({next_raw, following} & fillers) or lexicon.categories.get(next_raw) is not None
        return ("you", "are") if is_verb else ("your",)
    if lower == "ill" and next_raw in _ILL_VERBS:
        return ("i", "will")
    if lower in _EXPANSIONS:
        return _EXPANSIONS[lower]
    if "'" in lower and lower not in lexicon.categories:
        for clitic, replacement in _CLITICS.items():
            if lower.endswith(clitic) and len(lower) > len(clitic):
                base = lower[: -len(clitic)]
                return (_CLITIC_BASES.get(base, base), replacement) if clitic == "n't" else (base, replacement)
        return (lower.replace("'", ""),)
    form = _unmask(lower, lexicon)
    if form not in lexicon.categories and _ELONGATED.search(form):
        for squeezed in (_ELONGATED.sub(r"\1", form), _ELONGATED.sub(r"\1\1", form)):
            if squeezed in lexicon.categories or squeezed in _STRETCHED_WORDS:
                return _read_forms(squeezed, next_raw, lexicon, after_next)
    return (form,)


def _joined(forms: list[str]) -> tuple[str, list[int]]:
    """The forms joined by spaces, and the character offset where each starts."""
    offsets = []
    position = 0
    for form in forms:
        offsets.append(position)
        position += len(form) + 1
    return " ".join(forms), offsets


class Hostility(Check):
    """Flags slurs, insults, profanity aimed at people and threats; context decides how loudly."""

    id = "hostility"
    rules = RULES
    components = (QUOTES_FACTORY,)

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """One hit per hostile phrase in the author's own words."""
        lexicon = _lexicon()
        text = text_of(doc)
        words = _normalise(text, lexicon)
        if not words:
            return
        quoted = self._quoted_chars(doc)
        claimed = bytearray(len(words))
        found: list[tuple[str, int, int]] = []
        by_form = _joined([w.form for w in words])
        by_shape = _joined(["@cap" if w.capitalised else w.form for w in words])
        # The words' pieces are read once for the patterns, the shapes and the contempt frames.
        form_pieces = pieces(by_form[0])
        shape_pieces = form_pieces if by_shape[0] == by_form[0] else pieces(by_shape[0])
        due = sorted(
            [lexicon.word_positions[i] for i in lexicon.needs.possible(by_form[0], form_pieces)]
            + [lexicon.shape_positions[i] for i in lexicon.shape_needs.possible(by_shape[0], shape_pieces)]
        )
        for position in due:
            pattern = lexicon.patterns[position]
            code = pattern.code
            joined, offsets = by_shape if pattern.on_shapes else by_form
            for match in pattern.compiled.finditer(joined):
                start_char, end_char = match.span("hit") if match.group("hit") is not None else match.span()
                first = _index_at(offsets, start_char)
                last = _index_at(offsets, end_char - 1)
                if any(claimed[first : last + 1]) or not self._counts(words, first, last, code, lexicon):
                    continue
                claimed[first : last + 1] = b"\x01" * (last + 1 - first)
                found.append((code, first, last))
        found.extend(self._single_words(words, claimed, lexicon, form_pieces))
        # Pet names talk down to strangers and colleagues (friends use them in public too); sarcastic titles to anyone.
        formal = bool(context.first_contact) or context.channel == "email"
        names = _EPITHETS | _DIMINUTIVES if formal else _EPITHETS
        found.extend(self._epithets(text, words, claimed, lexicon, names))
        for code, first, last in found:
            start, end = words[first].start, words[last].end
            if all(quoted[start:end]):
                continue
            severity = self._severity(code, words, first, last, context, lexicon)
            if severity is not None:
                yield Hit(code, start, end, severity=severity)

    # -- matching ----------------------------------------------------------------

    @staticmethod
    def _quoted_chars(doc: Doc) -> bytearray:
        """Characters that are someone else's words: quotes, and speech reported by a third person.

        The shared reported-speech guess also treats "you" as a reporter, which
        is right for "you said ..." but hides the author's own attack in "if you
        write that again I'll ..." or "don't you tell me what to do, idiot".
        """
        mask = visibly_quoted_mask(text_of(doc))
        for sent in doc.sents:
            tokens = tokens_in(sent)
            for i, token in enumerate(tokens):
                if token.lemma_ in _REPORTING_VERBS and any(
                    t.lower_ in _THIRD_PERSON for t in tokens[max(0, i - 3) : i]
                ):
                    start, end = token.idx + len(token), sent.end_char
                    mask[start:end] = b"\x01" * (end - start)
                    break
        return mask

    def _counts(self, words: list[_Word], first: int, last: int, code: str, lexicon: _Lexicon) -> bool:
        """Whether a pattern match is the author's own hostile phrase (not negated, mentioned or praise)."""
        span_forms = [w.form for w in words[first : last + 1]]
        if code != THREAT and span_forms[-1] in lexicon.positive:
            return False  # "you fucking legend"
        before = _clause_before(words, first, _NEGATION_WINDOW)
        # A negation before a statement ("nobody thinks you're an idiot", "I won't
        # make sure ...") takes it back; before a bare "you clown" it does not.
        statement = code == THREAT or not _COPULAS.isdisjoint(span_forms)
        if statement and any(f in _NEGATIONS for f in before) and span_forms[0] not in {"do", "stop", "quit"}:
            return False
        if any(f in lexicon.mention_cues for f in before[-2:]):
            return False
        if code == SWEARING and span_forms[-1] in _VERDICTS:
            # "Pathetic." on its own runs down the reader only when the reader is in view.
            near = [w.form for w in words[max(0, first - 12) : last + 13]]
            if not any(f in {"you", "your", "yours", "yourself"} for f in near):
                return False
        if span_forms in (["shut", "up"], ["get", "out"], ["stop", "it"]) or (
            code == INSULT and span_forms[0] == "who"
        ):
            # Surprise, not an order: "Shut up, this is incredible!", "get out, you got the job?! congrats";
            # or a question answered with praise ("Who hired this guy? Best decision ever").
            rest = [w.form for w in words[last + 1 : last + 9]]
            if rest.count(".") > 1:
                rest = rest[: [k for k, f in enumerate(rest) if f == "."][1]]
            if any(f in lexicon.positive for f in rest):
                return False
        if code == INSULT and _about_the_author(before):
            return False  # "I'm the dumbest person alive", "we were a bunch of clowns back then"
        if code == INSULT and span_forms[0] in {"what", "such"}:
            # "I felt like such an idiot", "felt like such a fool": the author is the target.
            sentence = _clause_before(words, first, 40, stop=".")
            if last + 1 < len(words) and words[last + 1].form in {"you", "he", "she", "they"}:
                return True  # "... what a creep you are"
            if any(f in _FIRST_PERSON for f in sentence) or sentence[-2:-1] in (["felt"], ["feel"], ["feeling"]):
                return False
            # "The villain is such a jerk, I love it": fond, not hostile.
            rest = [w.form for w in words[last + 1 : last + 8]]
            if "." in rest:
                rest = rest[: rest.index(".")]
            return not any(f in lexicon.positive for f in rest)
        return True

    def _single_words(
        self, words: list[_Word], claimed: bytearray, lexicon: _Lexicon, draft_pieces: set[str]
    ) -> Iterator[tuple[str, int, int]]:
        """Slurs anywhere; strong swear words not already part of a phrase.

        ``draft_pieces`` are the ``pieces`` of the words joined by spaces.
        """
        for i, word in enumerate(words):
            if claimed[i]:
                continue
            category = lexicon.categories.get(word.form)
            if category is None and " " not in word.form and i + 1 < len(words):
                category = lexicon.categories.get(f"{word.form} {words[i + 1].form}")
            if category not in ("slurs", "profanity"):
                continue
            before = _clause_before(words, i, 2)
            if any(f in lexicon.mention_cues for f in before):
                continue
            if category == "slurs":
                yield SLUR, i, i
            elif category == "profanity" and not self._is_intensifier(words, i, lexicon):
                yield (AIMED_PROFANITY if self._is_aimed(words, i, lexicon) else SWEARING), i, i
        # Contempt that no word gives away, read from the shape of a sentence.
        yield from self._contempt(words, claimed, lexicon, draft_pieces)
        yield from self._predicated(words, claimed, lexicon)

    @staticmethod
    def _epithets(
        text: str, words: list[_Word], claimed: bytearray, lexicon: _Lexicon, names: frozenset[str]
    ) -> Iterator[tuple[str, int, int]]:
        """A sarcastic title or a pet name said to the reader: "try reading it next time genius", "Run along, sweetie".

        The name must close a clause and stand bare: after a comma or break,
        or after a word that cannot make it an object or a predicate ("a
        genius", "the kid", "you absolute genius"). Pet names are in
        ``names`` only where they talk down (to a stranger, by email). A
        draft with praise, even faint, thanks or a warm emoji ("Good luck,
        kid!", "nice work genius, it's green") is let go.
        """
        if not any(w.form in names for w in words):
            return  # most drafts: no need to read them for warmth
        warm = (lexicon.positive | _WARM_WORDS | _THANKS) - names
        if any(w.form in warm for w in words) or any(ch in _WARM_EMOJI for w in words for ch in w.after):
            return
        for i, word in enumerate(words):
            if word.form not in names or claimed[i]:
                continue
            before = words[i - 1].form if i else "."
            after = words[i + 1].form if i + 1 < len(words) else "."
            if after not in {".", ","} or before in _NOT_VOCATIVE or (i > 1 and words[i - 2].form in _DETERMINERS):
                continue  # "a genius", "you absolute genius", "a paid consultant, ..."
            name = i > 0 and (words[i - 1].capitalised or text[words[i - 1].start] == "@")
            if name or any(w.form in {"you", "u"} for w in words[max(0, i - 3) : i]):
                continue  # "@Ana Sherlock": a name or handle; "you wicked genius": praise
            if before in {".", ","} or word.form in _EPITHETS:
                yield INSULT, i, i

    def _contempt(
        self, words: list[_Word], claimed: bytearray, lexicon: _Lexicon, draft_pieces: set[str]
    ) -> Iterator[tuple[str, int, int]]:
        """Sentences whose shape is contempt: a dismissive frame with what it needs to be aimed at someone.

        A frame alone ("must be nice to ...", "bless your heart", "not everyone
        can ...", "do you even ...") is as often friendly; it counts as an
        insult only with the cues the lexicon asks of it in the same sentence:
        a person as target, a word about their mind or worth (listed or built
        like one: "clueless", "talentless", "amateurish"), a weaker put-down
        ("crayons", "couldn't find the bug"), the reader's belief held up ("you
        really thought"), scare quotes, a question, or a second dismissive mark
        in the draft ("How original.", 🙄). A sentence with praise or warmth
        in or just after it ("must be nice ... enjoy it, you earned it") is
        let go, as is one already reported. ``draft_pieces`` are the
        ``pieces`` of the words joined by spaces.
        """
        contempt = _contempt_lexicon()
        scare = _scare_quoted(words)
        draft = " ".join(w.form for w in words)
        other = bool(contempt.cues["other"].compiled.search(draft)) or any(
            ch in _DISMISSIVE_EMOJI for w in words for ch in w.after
        )
        mock = bool(contempt.cues["mock"].compiled.search(draft))
        sentences = _sentences(words, scare)
        joined = [_joined([words[i].form for i in indices]) for indices in sentences]
        # A frame can match a sentence only if the sentences hold one of its strings.
        if scare:
            literals = contempt.needs.found("\n".join(text for text, _ in joined))
        else:
            # Each sentence is then a stretch of the whole draft's words, whose pieces are known.
            literals = contempt.needs.found(draft, draft_pieces)
        frames = [frame for frame in contempt.frames if may_match(frame[0].needs, literals)]
        for number, indices in enumerate(sentences):
            if any(claimed[i] for i in indices):
                continue
            text, offsets = joined[number]
            for frame, needs in frames:
                match = frame.compiled.search(text)
                if match is None:
                    continue
                spans = [match.span()]
                present: dict[str, bool] = {
                    "scare": any(i in scare for i in indices),
                    "question": "?" in words[indices[-1]].after,
                    "other": other,
                    "mock": mock,
                }
                for name in ("target", "evaluation", "weak", "belief"):
                    cues = [cue.span() for cue in contempt.cues[name].compiled.finditer(text)]
                    present[name] = bool(cues)
                    if name != "target":
                        spans.extend(cues)  # "knows best": the sneer's own words are not praise
                groups = [group for group in needs if all(present[cue] for cue in group)]
                if not groups:
                    continue
                following = sentences[number + 1] if number + 1 < len(sentences) else []
                if any("mock" in group for group in groups):
                    # A failure congratulated ("Congrats, you've made it even slower. Quite an achievement."): the
                    # praise around it is the sarcasm, so only praise after the failure, in the same sentence,
                    # is warm ("you misread the brief, but the result is brilliant").
                    tail = [i for k, i in enumerate(indices) if offsets[k] >= match.end()]
                    if _warm(words, tail, offsets[-len(tail) :] if tail else [], [], [], lexicon):
                        break
                elif _warm(words, indices, offsets, spans, following, lexicon):
                    break
                start = match.start() + len(match.group()) - len(match.group().lstrip(", "))
                yield INSULT, indices[_index_at(offsets, start)], indices[-1]
                break

    def _predicated(self, words: list[_Word], claimed: bytearray, lexicon: _Lexicon) -> Iterator[tuple[str, int, int]]:
        """Insults said of a group or person the phrase lists do not know, found by a score (see ``_Scored``).

        "your agents are rude, clueless and frankly subhuman", "the mods here
        are spineless cowards": who is described, how strongly the words said
        of them after a linking verb fit only a mind or a person, and whether
        they are piled up or intensified add up to a score; 3 or more is an
        insult. The reader as subject ("you're clueless") is left to the
        patterns, which know its guards ("you're not stupid for asking").
        """
        scored = _scored_lexicon()
        for indices in _sentences(words, set()):
            if any(claimed[i] for i in indices):
                continue
            forms = [words[i].form for i in indices]
            for k, form in enumerate(forms):
                if form in {"by", "from"}:
                    found = _score_maker(forms, k, scored)
                elif form in scored.linking and k > 0:
                    found = _score_predicate(forms, k, scored)
                else:
                    continue
                if found is None:
                    continue
                score, first, last = found
                before = forms[max(0, first - _NEGATION_WINDOW) : first]
                if score < _INSULT_SCORE or not _NEGATIONS.isdisjoint(forms[first : last + 1]):
                    continue
                if not _NEGATIONS.isdisjoint(before) or not _CONDITIONALS.isdisjoint(forms[:first]):
                    continue  # "nobody said the interns are clueless", "if your testers are clueless about ..."
                if any(f in lexicon.mention_cues for f in before[-2:]):
                    continue
                clause = _clause_before([words[i] for i in indices], first, 40)
                if not lexicon.sympathy.isdisjoint(clause):
                    continue  # "sorry your movers were so useless"
                if _SOFTENERS.search(" ".join(forms[last + 1 : last + 5])):
                    continue  # "the new hires were clueless at first": a stage, not a verdict
                if any(f in lexicon.positive or f in _WARM_WORDS for f in forms[:first] + forms[last + 1 :]):
                    continue  # "the villains are spineless cowards and I love it"
                yield INSULT, indices[first], indices[last]
                break

    @staticmethod
    def _is_intensifier(words: list[_Word], i: int, lexicon: _Lexicon) -> bool:
        """Whether a swear word is praise or surprise ("fucking brilliant", "holy shit", "proud as hell")."""
        after = [w.form for w in words[i + 1 : i + 3]]
        before = [w.form for w in words[max(0, i - 3) : i]]
        if any(f in lexicon.positive for f in after):
            return True
        if before and before[-1] in lexicon.exclaimers:
            return True
        if before and before[-1] == "the" and words[i].form == "shit" and (not after or after[0] in {".", ","}):
            return True  # "you're the shit!"
        return bool(before and before[-1] == "as" and any(f in lexicon.positive for f in before[:-1]))

    @staticmethod
    def _is_aimed(words: list[_Word], i: int, lexicon: _Lexicon) -> bool:
        """Whether a swear word has the reader right beside it ("you have no fucking idea")."""
        low, high = max(0, i - _AIM_WINDOW), min(len(words), i + _AIM_WINDOW + 1)
        near = [w.form for w in words[low:high]]
        if "." in near:
            cut = [k for k, f in enumerate(near) if f == "."]
            left = max([k for k in cut if k < i - low], default=-1) + 1
            right = min([k for k in cut if k > i - low], default=len(near))
            near = near[left:right]
        if not any(f in {"you", "your", "yours", "yourself"} for f in near):
            return False
        if i + 1 < len(words) and words[i + 1].form in {"it", "this", "that"}:
            return False  # "fuck it": frustration, not aimed
        sentence = _clause_before(words, i, 40, stop=".")
        return not any(f in lexicon.sympathy for f in sentence)

    # -- severity ------------------------------------------------------------------

    def _severity(
        self, code: str, words: list[_Word], first: int, last: int, context: Context, lexicon: _Lexicon
    ) -> Severity | None:
        if code in {SLUR, THREAT}:
            return Severity.ERROR
        strong = context.is_public or bool(context.first_contact)
        if code == INSULT and not context.first_contact and _cheerful_banter(words, first, last, lexicon):
            # "wow you absolute muppet, you got the job!! so happy for you": a fond name in good news.
            return Severity.INFO
        if code in {INSULT, AIMED_PROFANITY}:
            if not strong and _affectionate(words):
                # Banter with a friend who knows the author's tone: a hint, not a warning.
                return Severity.INFO
            return Severity.ERROR if strong else Severity.WARNING
        # Untargeted swearing: louder to a stranger, or when it runs down what is being answered.
        if context.first_contact:
            return Severity.WARNING
        if context.channel in {"comment", "reply"} and words[first].form not in lexicon.categories:
            # A matched phrase runs down what is being answered: "this post is bullshit", "what a load of crap".
            sentence = _clause_before(words, first, 40, stop=".")
            if not any(f in lexicon.sympathy for f in sentence):
                return Severity.WARNING
        return self.rule(SWEARING).severity


class _Scored(NamedTuple):
    """The word classes of hostility.json's "predicated" block and the insult lists, for ``_score_predicate``."""

    #: Words that fit only a mind or a person ("clueless", "spineless", "cowards", "subhuman"): worth 2.
    strong: frozenset[str]
    #: Put-downs that also fit things ("useless", "rude", "lazy", "pathetic"): worth 1.
    weak: frozenset[str]
    linking: frozenset[str]
    boosters: frozenset[str]
    skip: frozenset[str]
    joiners: frozenset[str]
    determiners: frozenset[str]
    #: Nouns that name people ("manager", "consultant"): a subject worth 1 with any determiner.
    people: frozenset[str]
    #: Names for a person that are insults ("dunce", "clown", "worm"), for ``_score_maker``.
    nouns: frozenset[str]


# A sentence scoring this much is an insult: a person and a word for a mind, or a plainer subject with a pile
# of such words.
_INSULT_SCORE = 3
# Words before a subject that make a statement hypothetical ("if your testers are clueless, send them the guide").
_CONDITIONALS = frozenset({"if", "when", "unless", "whether", "once", "until", "in case"})
# A stage everyone passes through, not a verdict on the person ("clueless at first", "clueless back then").
_SOFTENERS = re.compile(r"^(?:at first|at the start|initially|in the beginning|back then|to begin with|on day one)")
# What intensifies a name for a maker ("an absolute dunce"), beside the boosters.
_MAKER_INTENSIFIERS = frozenset({"absolute", "complete", "total", "utter", "certified", "actual", "proper"})
# Verbs of making before "by" ("written by a clown", "designed by a muppet").
_MADE = frozenset(
    "written made designed built drawn coded run managed produced directed edited planned led organised "
    "organized".split()
)
# Words after a lone mind word that limit it to one subject ("clueless about git", "unqualified for ...").
_TOPIC_LIMITS = frozenset({"about", "on", "for", "of", "in", "with", "regarding", "when", "at"})
_MIND_WORD = re.compile("(?:" + _MIND_MORPHOLOGY + ")")


@cache
def _scored_lexicon() -> _Scored:
    data = load_lexicon(LEXICON)
    block = data["predicated"]
    things = frozenset(_words(block["also_things"]))
    strong = (
        frozenset(_words(data["mind_adjectives"]) + _words(data["insult_nouns"]) + _words(data["dehumanising"]))
        - things
    )
    weak = frozenset(_words(data["insult_adjectives"])) | things
    return _Scored(
        strong,
        weak - strong,
        frozenset(_words(block["linking"])),
        frozenset(_words(block["boosters"])),
        frozenset(_words(block["skip"])),
        frozenset(_words(block["joiners"])),
        frozenset(_words(block["person_determiners"])),
        frozenset(_people(data)),
        frozenset(_words(data["insult_nouns"]) + _words(data["dehumanising"])),
    )


def _strength(form: str, scored: _Scored) -> int:
    """2 for a word that fits only a mind or a person, 1 for a put-down that fits things too, else 0."""
    if form in scored.strong:
        return 2
    if form in scored.weak:
        return 1
    # Built like a word about a dull mind ("talentless", "pea-brained"), unless it fits things too.
    return 2 if _MIND_WORD.fullmatch(form) and form not in scored.weak else 0


def _score_predicate(forms: list[str], link: int, scored: _Scored) -> tuple[int, int, int] | None:
    """The score of what a sentence says of the subject before ``forms[link]``, and the span, or None.

    The subject is worth 1 when it is a person ("the consultant", "she") or
    anything the reader has ("your agents"), 0 for any other noun phrase
    ("the mods"); the words after the linking verb add their strongest
    ``_strength``, and 1 more when there are two of them or one is
    intensified ("completely clueless").
    """
    j = link - 1
    while j > 0 and forms[j] in scored.skip:
        j -= 1
    noun = forms[j]
    if noun in {"he", "she"}:
        subject, first = 1, j
    else:
        if not noun.isalpha() or noun in scored.determiners or noun in _FIRST_PERSON or noun in {"you", "it", "they"}:
            return None
        # A determiner at most two words before the noun ("your support agents", "the mods").
        det = next((d for d in range(j - 1, max(-1, j - 4), -1) if forms[d] in scored.determiners), None)
        if det is None or any(not f.isalpha() for f in forms[det:j]):
            return None
        first = det
        subject = 1 if noun in scored.people or forms[det] in {"your", "ur"} else 0
    best = count = 0
    boosted = False
    last = link
    for k in range(link + 1, min(len(forms), link + 12)):
        form = forms[k]
        if form in scored.boosters:
            boosted = True
        elif form in scored.joiners or form in {",", "a", "an", "bunch", "of", "pack"}:
            continue
        elif (value := _strength(form, scored)) > 0:
            best, count, last = max(best, value), count + 1, k
        elif k + 1 < len(forms) and (forms[k + 1] in scored.joiners or forms[k + 1] == ","):
            continue  # one item of a list the lexicon does not know ("rude, clueless and ...")
        else:
            break
    if not best or (count == 1 and last + 1 < len(forms) and forms[last + 1] in _TOPIC_LIMITS):
        # "clueless about git", "unqualified for the electrical work": a gap in what someone knows, not a
        # verdict on them.
        return None
    return subject + best + (1 if count > 1 or boosted else 0), first, last


def _score_maker(forms: list[str], by: int, scored: _Scored) -> tuple[int, int, int] | None:
    """The score of an insult naming who made something ("brain rot from an absolute dunce"), and the span.

    A name for a person (2, from the insult and dehumanising lists only)
    after "by" or "from" and an article scores 1 more when intensified
    ("an absolute dunce") and 1 more after a verb of making ("written by a
    clown"), so that "I learned juggling from a clown" stays innocent.
    """
    k = by + 1
    if k >= len(forms) or forms[k] not in {"a", "an", "some"}:
        return None
    boosted = False
    k += 1
    while k < len(forms) and (forms[k] in scored.boosters or forms[k] in _MAKER_INTENSIFIERS):
        boosted, k = True, k + 1
    if k >= len(forms) or forms[k] not in scored.nouns:
        return None
    made = by > 0 and forms[by - 1] in _MADE
    return 2 + boosted + made, by, k


def _index_at(offsets: list[int], char: int) -> int:
    """The index of the word whose text in the joined string contains ``char``."""
    low, high = 0, len(offsets) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if offsets[middle] <= char:
            low = middle
        else:
            high = middle - 1
    return low


def _clause_before(words: list[_Word], index: int, limit: int, stop: str = ".,") -> list[str]:
    """Up to ``limit`` forms before ``index``, back to the last break marker in ``stop``."""
    forms: list[str] = []
    for word in reversed(words[max(0, index - limit) : index]):
        if word.form in stop and word.form in {".", ","}:
            break
        forms.append(word.form)
    forms.reverse()
    return forms


def _scare_quoted(words: list[_Word]) -> set[int]:
    """Indices of words in scare quotes: one or two words with a quote mark right before and right after."""
    real = [i for i, w in enumerate(words) if w.form not in {".", ","}]
    found: set[int] = set()
    for k in range(1, len(real)):
        opening = words[real[k - 1]].after
        if not opening or opening[-1] not in _QUOTE_MARKS or words[real[k - 1]].form not in _SNEER_OWNERS:
            continue  # 'the verb "section"', 'the link to "Blog"': a word named, not sneered at
        if k + 1 < len(real) and words[real[k + 1]].form in _NAMED_THINGS:
            continue  # 'the "Save" button'
        for j in (k, k + 1):
            if j >= len(real) or real[j] - real[k] != j - k:
                break  # past the end, or a clause break inside: a quotation, not a sneer
            closing = words[real[j]].after
            if closing and closing[0] in _QUOTE_MARKS:
                found.update(real[k : j + 1])
                break
    return found


def _sentences(words: list[_Word], scare: set[int]) -> list[list[int]]:
    """Word indices sentence by sentence, without the clause marks that quote marks around a sneer left."""
    sentences: list[list[int]] = [[]]
    for i, word in enumerate(words):
        if word.form == ".":
            sentences.append([])
        elif word.form != "," or not ({i - 1, i + 1} & scare):
            sentences[-1].append(i)
    return [s for s in sentences if s and words[s[-1]].form != ","]


def _warm(
    words: list[_Word],
    indices: list[int],
    offsets: list[int],
    spans: list[tuple[int, int]],
    following: list[int],
    lexicon: _Lexicon,
) -> bool:
    """Whether a sentence, outside the sneer's own words, or the one after it is praise or warmth."""
    # "Did a child draw this? It's adorable": fond; a bare "Adorable." is left to _sarcastic_verdict.
    warm = lexicon.positive | _WARM_WORDS | {"adorable"}
    for k, i in enumerate(indices):
        inside = any(start <= offsets[k] < end for start, end in spans)
        # "Oh great, yet another ...", "Ah yes, the expert has spoken": praise after "oh" or "ah" is exasperation.
        exasperated = k > 0 and words[indices[k - 1]].form in {"oh", "ah"}
        if not inside and not exasperated and words[i].form in warm:
            return True
    after = [words[i].form for i in following]
    # "... Truly inspiring stuff.": praise in a two-word verdict after a sneer is more sarcasm, but envy and
    # good wishes ("So jealous!", "Enjoy!") are still warm.
    sarcastic = _sarcastic_verdict(after) and not any(f in _WARM_WORDS for f in after)
    if any(f in warm for f in after) and not sarcastic:
        return True
    return any(ch in _WARM_EMOJI for i in indices + following for ch in words[i].after)


def _sarcastic_verdict(forms: list[str]) -> bool:
    """Whether a sentence is a short, intensified verdict of the kind sarcasm ends on ("Truly inspiring stuff.")."""
    core = [f for f in forms if f != ","]
    if core[-1:] in (["stuff"], ["work"]):
        core = core[:-1]
    # "... you really think this counts as research. Adorable.": one word of faint praise is a sneer too.
    return (len(core) == 2 and core[0] in _SARCASM_INTENSIFIERS) or (len(core) == 1 and core[0] in _ONE_WORD_SNEERS)


def _about_the_author(before: list[str]) -> bool:
    """Whether the words before an insult make the author its subject ("I'm the dumbest ...", "we were such ...")."""
    tail = list(before[-5:])
    while tail and tail[-1] in _SELF_FILLERS:
        tail.pop()
    return len(tail) >= 2 and tail[-1] in {"am", "was", "were", "are"} and tail[-2] in {"i", "we"}


def _cheerful_banter(words: list[_Word], first: int, last: int, lexicon: _Lexicon) -> bool:
    """Whether a mild insult sits in a cheerful draft: praise, good wishes, happy tears or a heart.

    Only the mildest names count ("muppet", "numpty", "dork"); "idiot" in good
    news can still sting, and the praise must be outside the insult itself.
    """
    if not any(w.form in lexicon.banter for w in words[first : last + 1]):
        return False
    cheer = (lexicon.positive | _WARM_WORDS) - _WEAK_PRAISE
    outside = words[:first] + words[last + 1 :]
    if any(w.form in cheer for w in outside):
        return True
    return any(ch in _WARM_EMOJI or ch in _HAPPY_TEARS for w in words for ch in w.after)


def _affectionate(words: list[_Word]) -> bool:
    """Whether the draft says it fondly: "love you", "ily", a heart."""
    forms = [w.form for w in words]
    for phrase in _AFFECTION:
        width = len(phrase)
        if any(tuple(forms[i : i + width]) == phrase for i in range(len(forms) - width + 1)):
            return True
    return any(ch in _WARM_EMOJI for w in words for ch in w.after)


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the hostility check."""
    return [Hostility()]
