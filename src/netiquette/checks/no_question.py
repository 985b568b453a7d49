"""no-question: a first message to a stranger that asks the reader nothing, so there is nothing to answer.

What it does
    Looks at a first ``dm`` or ``email`` as a whole: does it contain a
    question (a question mark, or a question written without one: "what are
    you working on these days") or an indirect ask ("would you be open to",
    "let me know whether", "I was wondering if", "I'd love to hear how you
    ...", "if you're up for it")? If it has neither, the message is reported
    on its last sentence, where a question would go.

Why is this bad
    Networking is listening, and listening starts with a question. A first
    message that only states things ("I'm a designer, I'd love to connect,
    looking forward to hearing from you") wants a reply but gives the reader
    nothing to reply to, so most readers do not.

Context
    Only first contact by ``dm`` or ``email``. A follow-up or a thank-you to
    someone the author knows, a connection-request note (short by design),
    comments, replies and posts are not judged. A first message that is a
    thank-you, a congratulation or a notice ("heads-up: the office is
    closed Friday, no need to reply") is not reported. A first ``email``
    that neither asks nor fishes for a reply (a plain introduction) is a
    hint; one that clearly wants a response ("looking forward to hearing
    from you", "I'd love to connect") is a warning. Quoted lines and words in
    quotation marks are not the author's questions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from netiquette.checks._authorship import QUOTES_FACTORY, quoted_tokens
from netiquette.checks._matching import WordSequences, load_lexicon
from netiquette.context import Context
from netiquette.hookspecs import hookimpl
from netiquette.models import Severity
from netiquette.rules import Check, Hit, Rule

LEXICON = "no_question.json"

NOTHING_TO_ANSWER = "NQ101"

RULES = (
    Rule(
        NOTHING_TO_ANSWER,
        "nothing-to-answer",
        "A first message that asks the reader no question and makes no ask, so there is nothing to reply to.",
        "A first message with no question leaves the reader nothing to answer, so even a reader who liked it "
        "usually does not reply, and the conversation never starts.",
        Severity.WARNING,
        "End with one easy, specific question about them or an open ask "
        '("How did your team decide on Postgres?", "Would you be open to a 15-minute chat next week?").',
    ),
)

#: Channels where a first message should give the reader something to answer.
CHANNELS = frozenset({"dm", "email"})
#: Drafts shorter than this many words ("Hi Sam!") are openers, not messages.
MIN_WORDS = 6
#: References to the author ("I", "my", "we") that make a message a self-introduction or pitch.
SELF_PROMOTION_REFERENCES = 5
# A sentence this short ("Best, Tom") is a sign-off, not where a question would go.
_SIGN_OFF_WORDS = 3


class NoQuestion(Check):
    """Flags first DMs and emails that ask nothing; a hint for an email that does not seek a reply."""

    id = "no-question"
    rules = RULES
    components = (QUOTES_FACTORY,)

    def __init__(self) -> None:
        lexicon: dict[str, Any] = load_lexicon(LEXICON)
        self._asks = WordSequences(lexicon["asks"])
        self._fishing = WordSequences(lexicon["fishing"])
        self._notice = WordSequences(lexicon["notice"])
        self._inverted = frozenset(lexicon["inverted_aux"])
        self._reader = frozenset(lexicon["reader_words"])
        self._wh = frozenset(lexicon["question_words"])
        self._wh_aux = frozenset(lexicon["question_aux"])
        self._gratitude = frozenset(lexicon["gratitude"])
        self._clause_subjects = frozenset(lexicon["clause_subjects"])
        self._not_before_inverted = frozenset(lexicon["not_before_inverted"])
        self._wh_modifiers = frozenset(lexicon["wh_modifiers"])
        self._ellipsis = frozenset(lexicon["ellipsis_starts"])
        self._self = frozenset(lexicon["self_words"])

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """At most one hit, on the last authored sentence."""
        if not context.first_contact or context.channel not in CHANNELS:
            return
        quoted = quoted_tokens(doc)
        sentences = [s for s in ([t for t in sent if not t.is_space and not quoted[t.i]] for sent in doc.sents) if s]
        if sum(_word_count(s) for s in sentences) < MIN_WORDS:
            return
        if any(self._asks_something(s) for s in sentences):
            return
        forms = [form for s in sentences for form in _forms(_words(s))]
        if self._notice.found(forms):
            return  # a notice needs no reply
        # A message mostly about the author (a self-introduction, a pitch) wants something back.
        about_author = sum(1 for lower, _ in forms if lower in self._self) >= SELF_PROMOTION_REFERENCES
        fishing = about_author or self._fishing.found(forms)
        if not fishing and any(lower in self._gratitude or lemma in self._gratitude for lower, lemma in forms):
            return  # a thank-you or a congratulation is complete as it is
        # A plain introduction by email may need no reply: a hint only.
        severity = Severity.INFO if context.channel == "email" and not fishing else Severity.WARNING
        substantial = [s for s in sentences if _word_count(s) > _SIGN_OFF_WORDS] or sentences
        last = substantial[-1]
        span = doc[last[0].i : last[-1].i + 1]
        count = len(substantial)
        message = (
            f"{count} sentence{'' if count == 1 else 's'}, no question and no ask. "
            + self.rule(NOTHING_TO_ANSWER).message
        )
        yield Hit(NOTHING_TO_ANSWER, span.start_char, span.end_char, severity=severity, message=message)

    def _asks_something(self, tokens: list[Token]) -> bool:
        if any("?" in t.text for t in tokens):
            return True
        words = _words(tokens)
        if not words:
            return False
        if self._asks.found(_forms(words)):
            return True
        # "would you be up for", "have you tried": an auxiliary before "you" asks, with or without "?"
        # (but "to have you on the show" does not).
        for i in range(len(words) - 1):
            a, b = words[i], words[i + 1]
            if (
                b.lower_ in self._reader
                and a.lower_ in self._inverted
                and (i == 0 or words[i - 1].lower_ not in self._not_before_inverted)
            ):
                return True
        return any(self._opens_question(clause) for clause in _clauses(tokens))

    def _opens_question(self, clause: list[Token]) -> bool:
        """Whether a clause is a question written without "?" ("how's the new role", "is it still available")."""
        if len(clause) < 2:
            return False
        first, second = clause[0].lower_, clause[1].lower_
        if first in self._wh:
            if second in self._wh_aux or second in self._wh_modifiers:
                return True  # "what are you building", "how long did it take"
            # "what made you pick Rust", but not "what I love about your work".
            return second not in {"i", "we"} and any(t.lower_ in self._reader for t in clause[1:])
        if first in self._ellipsis:
            return True  # "open to a call next week", "any tips for a first marathon"
        return first in self._inverted and second in self._clause_subjects


def _words(tokens: list[Token]) -> list[Token]:
    """Words, with contractions ("'re", "'d") kept for the patterns."""
    return [t for t in tokens if t.is_alpha or "'" in t.text or "’" in t.text]


def _word_count(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.is_alpha)


def _clauses(tokens: list[Token]) -> list[list[Token]]:
    """The sentence split at commas and dashes, keeping only words ("hello, is it still available")."""
    clauses: list[list[Token]] = [[]]
    for token in tokens:
        if token.text in {",", "-", "–", "—", ";", ":"}:
            clauses.append([])
        elif token.is_alpha or "'" in token.text:
            clauses[-1].append(token)
    return [c for c in clauses if c]


def _forms(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(t.lower_, t.lemma_) for t in tokens]


@hookimpl
def netiquette_checks() -> list[Check]:
    """Register the no-question check."""
    return [NoQuestion()]
