"""A pytest plugin for plugin authors: build a Linter with only your plugin, and check tables of drafts.

Installed with netiquette and loaded by pytest automatically (entry point
group ``pytest11``), so a plugin's tests need no ``conftest.py``::

    from netiquette.testing import check_examples

    import my_rules


    def test_flags_buzzwords(netiquette_linter):
        linter = netiquette_linter(my_rules)
        check_examples(
            linter,
            "TB101",
            flags=["Let's find synergies."],
            passes=["Let's share the on-call rota."],
        )

``netiquette_linter`` is a fixture returning a factory; ``check_examples``
checks every draft and fails once, listing every draft that came out wrong.
Importing this module does not import spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pytest

from netiquette.config import Config
from netiquette.models import Finding, Report, Severity

if TYPE_CHECKING:
    from netiquette.linter import Linter

__all__ = ["LinterFactory", "build_linter", "check_examples", "netiquette_linter"]

#: What the ``netiquette_linter`` fixture returns: ``factory(*plugins, config=None, **options)``.
LinterFactory = Callable[..., "Linter"]


def build_linter(
    *plugins: object | str,
    config: Config | Mapping[str, Any] | None = None,
    builtins: bool = False,
    **options: Any,
) -> Linter:
    """A Linter with only ``plugins`` (modules, module names or plugin objects).

    netiquette's own checks are left out unless ``builtins=True``, and
    installed plugins are never loaded from entry points, so a test sees
    exactly the plugins it names. ``config`` is a ``Config`` or a mapping
    shaped like ``[tool.netiquette]``; other keyword arguments go to
    ``Linter`` (``blocked=[...]``).

    Raises:
        PluginError: a plugin is invalid (a misspelt hook, a bad check).
        ConfigError: ``config`` is invalid.
    """
    from netiquette.linter import Linter

    return Linter(config, list(plugins), builtins=builtins, entry_points=False, **options)


@pytest.fixture
def netiquette_linter() -> LinterFactory:
    """A factory building a ``Linter`` with only the given plugins: ``netiquette_linter(my_plugin, config={...})``.

    See ``build_linter`` for the arguments.
    """
    return build_linter


def _selected(finding: Finding, code: str) -> bool:
    return finding.code.startswith(code.upper()) or finding.check == code


def _describe(findings: Iterable[Finding]) -> str:
    shown = [f"{f.code} {f.severity.label} at {f.start}..{f.end} {f.excerpt!r}" for f in findings]
    return "; ".join(shown) or "nothing"


def _short(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def check_examples(
    linter: Linter,
    code: str,
    *,
    flags: Sequence[str] = (),
    hints: Sequence[str] = (),
    passes: Sequence[str] = (),
    channel: str | None = None,
    first_contact: bool | None = None,
    reply_to: str | None = None,
) -> None:
    """Check every draft and fail with one message listing all the wrong ones.

    Args:
        linter: usually from the ``netiquette_linter`` fixture.
        code: a rule code (``TB101``), a code prefix (``TB``) or a check id.
        flags: drafts that must report ``code`` at ``warning`` or above.
        hints: drafts that must report ``code``, but only at ``info``.
        passes: drafts that must not report ``code`` at all.
        channel, first_contact, reply_to: the context every draft is checked
            in, as for ``Linter.check``.

    A draft whose report has errors (a check raised or returned a
    malformed result) is always wrong.

    Raises:
        pytest.fail.Exception: at least one draft came out wrong.
    """
    if not (flags or hints or passes):
        raise ValueError("check_examples needs at least one draft in flags, hints or passes")
    problems: list[str] = []
    total = 0
    for expect, drafts in (("flag", flags), ("hint", hints), ("pass", passes)):
        if isinstance(drafts, str):
            raise TypeError(f"{expect}{'es' if expect == 'pass' else 's'} must be a list of drafts, not one str")
        for text in drafts:
            total += 1
            report = linter.check(text, channel=channel, first_contact=first_contact, reply_to=reply_to)
            problem = _problem(report, code, expect)
            if problem:
                problems.append(f"  - {_short(text)}\n      {problem}")
    if problems:
        where = f"channel={channel or linter.config.channel}, first_contact={first_contact}"
        header = f"{len(problems)} of {total} examples for {code} ({where}) are wrong:"
        pytest.fail("\n".join([header, *problems]), pytrace=False)


def _problem(report: Report, code: str, expect: str) -> str | None:
    if report.errors:
        return "check errors: " + "; ".join(str(e) for e in report.errors)
    mine = [f for f in report.findings if _selected(f, code)]
    if expect == "flag" and not any(f.severity >= Severity.WARNING for f in mine):
        return f"should flag {code} at warning or above; found: {_describe(mine)}"
    if expect == "hint" and (not mine or any(f.severity > Severity.INFO for f in mine)):
        return f"should report {code} at info only; found: {_describe(mine)}"
    if expect == "pass" and mine:
        return f"should pass; found: {_describe(mine)}"
    return None
