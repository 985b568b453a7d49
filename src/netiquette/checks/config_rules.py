"""Rules without Python: every ``[tool.netiquette.rules.<id>]`` table becomes a check.

What it does
    Turns each rule table in the config into a check whose id is the table
    name and which has one rule code (given with ``code`` or derived from
    the id). ``phrases`` are matched on lemmas, case-insensitively, exactly
    like the built-in lexicons; ``patterns`` are spaCy token patterns.
    ``channels`` and ``first-contact`` limit where the rule applies.

Why is this safe on hostile drafts
    There are no regular expressions: phrases go through spaCy's
    ``PhraseMatcher`` and patterns through its ``Matcher``. The config
    loader rejects the ``REGEX`` and ``FUZZY`` operators, unbounded
    repetition (``*``, ``+``, ``{n,}``) and more than a few optional tokens
    per pattern, so matching stays linear in the length of the draft.

See "Rules without Python" in ``docs/configuration.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from netiquette.checks._matching import LexiconMatcher
from netiquette.config import Config, ConfigError, UserRule, _Parser
from netiquette.context import Context
from netiquette.hookspecs import hookimpl
from netiquette.plugins import PluginError
from netiquette.rules import Check, Hit, Rule

FACTORY = "netiquette_config_rules"


class ConfigRulesMatcher:
    """A pipeline component matching every config rule; empty until ``configure`` is called."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher: LexiconMatcher | None = None

    def configure(self, rules: Iterable[UserRule]) -> None:
        """Build the matchers for these rules (patterns must already be validated)."""
        lexicon = {
            "rules": {
                rule.code: {"phrases": list(rule.phrases), "patterns": [list(p) for p in rule.patterns]}
                for rule in rules
            }
        }
        self.matcher = LexiconMatcher(self.nlp, self.name, lexicon)

    def __call__(self, doc: Doc) -> Doc:
        """Store each rule's matches in ``doc.spans[self.name]``, labelled with its code."""
        if self.matcher is None:
            doc.spans[self.name] = []
            return doc
        return self.matcher(doc)


@Language.factory(FACTORY)
def make_matcher(nlp: Language, name: str) -> ConfigRulesMatcher:
    """The config-rules matcher; the ``netiquette_pipeline`` hook configures it."""
    return ConfigRulesMatcher(nlp, name)


class ConfigRuleCheck(Check):
    """The check made from one rule table."""

    def __init__(self, rule: UserRule) -> None:
        self.user_rule = rule
        self.id = rule.id
        self.rules = (
            Rule(
                rule.code,
                rule.id,
                rule.message,
                rule.message,
                rule.severity,
                rule.suggestion,
            ),
        )
        self.requires = frozenset({"lemmas"}) if rule.phrases else frozenset()

    def applies(self, context: Context) -> bool:
        """Whether the rule's ``channels`` and ``first-contact`` allow it in this context."""
        rule = self.user_rule
        if rule.channels is not None and context.channel not in rule.channels:
            return False
        return rule.first_contact is None or rule.first_contact == context.first_contact

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """One hit per match of this rule's phrases and patterns."""
        if not self.applies(context) or FACTORY not in doc.spans:
            return
        code = self.user_rule.code
        for span in doc.spans[FACTORY]:
            if span.label_ == code:
                yield Hit.from_span(code, span)


def _checked(config: Config) -> list[UserRule]:
    # A Config built in Python, not loaded from a file, has not been through
    # the loader's safety checks on patterns; run them here too.
    parser = _Parser(config.source or "<config>")
    for rule in config.rules.values():
        try:
            if not isinstance(rule, UserRule):
                raise ConfigError(f"{parser.where}: key 'rules.{rule}': expected a netiquette.config.UserRule")
            parser.token_patterns(f"rules.{rule.id}.patterns", list(rule.patterns))
        except ConfigError as exc:
            raise PluginError(str(exc)) from None
    return list(config.rules.values())


@hookimpl
def netiquette_checks(config: Config) -> list[Check]:
    """One check per ``[tool.netiquette.rules.<id>]`` table."""
    return [ConfigRuleCheck(rule) for rule in _checked(config)]


@hookimpl
def netiquette_pipeline(nlp: Language, config: Config) -> None:
    """Add the matcher for the config's rules (only when there are any)."""
    if not config.rules:
        return
    component: Any = nlp.add_pipe(FACTORY)
    component.configure(_checked(config))
