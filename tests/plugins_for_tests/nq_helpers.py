"""Shared helpers for the tests: checks built from functions and plugin objects with stable names."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from netiquette import Check, Hit, Rule, Severity, hookimpl

#: Appears in drafts (and in exception messages that quote them); must never leak into errors.
SECRET = "SECRET-7f3a9c-do-not-leak"


def rule(code: str, severity: Severity | str = Severity.WARNING, **extra: Any) -> Rule:
    """A rule with placeholder wording."""
    return Rule(code, f"name-{code.lower()}", f"summary of {code}", f"message of {code}", severity, **extra)


class FuncCheck(Check):
    """A check whose ``find`` is a plain function; ``requires`` is kept exactly as given."""

    def __init__(
        self,
        check_id: str,
        rules: Iterable[Rule],
        find: Callable[[Any, Any], Any],
        *,
        requires: Any = frozenset(),
        components: tuple[str, ...] = (),
    ) -> None:
        self.id = check_id
        self.rules = tuple(rules)
        self._find = find
        self.requires = requires
        self.components = components
        self.calls = 0

    def find(self, doc: Any, context: Any) -> Any:
        self.calls += 1
        return self._find(doc, context)


class NamedPlugin:
    """A plugin object providing ``checks``; pluggy names it by its ``__name__``."""

    def __init__(self, name: str, *checks: Check) -> None:
        self.__name__ = name
        self._checks = checks

    @hookimpl
    def netiquette_checks(self) -> list[Check]:
        return list(self._checks)


def token_hits(code: str) -> Callable[[Any, Any], list[Hit]]:
    """A find function giving one hit per non-space spaCy token, through ``Hit.from_span``."""

    def find(doc: Any, context: Any) -> list[Hit]:
        return [Hit.from_span(code, doc[token.i : token.i + 1]) for token in doc if not token.is_space]

    return find
