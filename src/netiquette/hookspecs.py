"""The hooks a netiquette plugin can implement.

Every hook is called with keyword arguments only; an implementation may accept
any subset of the documented parameters. Mark implementations with
``netiquette.hookimpl``. Each hook has a section in ``docs/plugins.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from spacy.language import Language

    from netiquette.config import Config
    from netiquette.context import Context
    from netiquette.formatters import Formatter
    from netiquette.models import Finding
    from netiquette.rules import Check

PROJECT = "netiquette"

_hookspec = pluggy.HookspecMarker(PROJECT)
#: Decorator marking a function as an implementation of one of these hooks.
hookimpl = pluggy.HookimplMarker(PROJECT)


# ---------------------------------------------------------------------------
# Registering checks (called once, when a Linter is built)
# ---------------------------------------------------------------------------


@_hookspec
def netiquette_checks(config: Config) -> Iterable[Check]:
    """Return the checks this plugin provides.

    Called once per ``Linter``, before the pipeline is built.

    :param config: the validated configuration; a plugin reads its own options
        from ``config.settings.get("<plugin name>", {})``.
    :return: an iterable of ``netiquette.Check`` instances. Their ids and rule
        codes must be unique across all plugins.
    """


# ---------------------------------------------------------------------------
# Building the spaCy pipeline (called once, when a Linter is built)
# ---------------------------------------------------------------------------


@_hookspec
def netiquette_pipeline(nlp: Language, config: Config) -> None:
    """Add or configure spaCy components on the shared pipeline.

    Called once per ``Linter`` after the base pipeline is loaded and before the
    components that checks list in ``Check.components`` are added. Use it for
    components that need configuration; a check that only needs a factory by
    name lists it in ``Check.components`` instead.

    :param nlp: the pipeline every draft will go through.
    :param config: the validated configuration.
    :return: nothing; change ``nlp`` in place.
    """


# ---------------------------------------------------------------------------
# Post-processing findings (called for every draft)
# ---------------------------------------------------------------------------


@_hookspec(firstresult=True)
def netiquette_findings(findings: list[Finding], context: Context, text: str, config: Config) -> list[Finding]:
    """Return the findings for one draft, after every check ran and config overrides applied.

    netiquette provides the innermost implementation, which returns
    ``findings`` unchanged. Plugins wrap it with ``@hookimpl(wrapper=True)``:
    ``result = yield`` gives the findings so far, and the wrapper returns a new
    list (filtered, with severities changed via ``dataclasses.replace``). The
    linter sorts and validates what comes back.

    :param findings: the findings so far, in no particular order.
    :param context: the draft's context.
    :param text: the draft exactly as given. Never log or store it.
    :param config: the Linter's validated configuration; a plugin reads its
        own options from ``config.settings.get("<plugin name>", {})``.
    :return: the findings to report.
    """


# ---------------------------------------------------------------------------
# Output (called when the CLI starts)
# ---------------------------------------------------------------------------


@_hookspec
def netiquette_formats() -> Iterable[Formatter]:
    """Return output formats for ``netiquette check --format NAME``.

    :return: an iterable of objects following the ``netiquette.formatters.Formatter``
        protocol (a ``name``, a ``description`` and a ``write`` method).
        Names must be unique; the built-in ones are ``text``, ``json``,
        ``jsonl`` and ``sarif``.
    """
