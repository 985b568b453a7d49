"""netiquette: check a draft message for networking-etiquette problems before it is sent.

    >>> import netiquette
    >>> report = netiquette.check("Hi Ana, loved your talk on tidy data!", channel="dm")
    >>> report.findings
    ()

Importing this package is cheap: spaCy and the pipeline load when the first
``Linter`` is built (``check`` builds a default one on first use).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from netiquette.config import Config, ConfigError
from netiquette.context import CHANNELS, Context
from netiquette.hookspecs import hookimpl
from netiquette.models import CheckError, Draft, Finding, Report, Severity, Summary
from netiquette.rules import Check, Hit, Rule

if TYPE_CHECKING:
    from netiquette.linter import DraftTooLarge, Linter
    from netiquette.plugins import PluginError

__all__ = [
    "CHANNELS",
    "Check",
    "CheckError",
    "Config",
    "ConfigError",
    "Context",
    "Draft",
    "DraftTooLarge",
    "Finding",
    "Hit",
    "Linter",
    "PluginError",
    "Report",
    "Rule",
    "Severity",
    "Summary",
    "check",
    "hookimpl",
]

_LAZY = {
    "Linter": "netiquette.linter",
    "DraftTooLarge": "netiquette.linter",
    "PluginError": "netiquette.plugins",
}
_default_linter: Linter | None = None
_default_lock = threading.Lock()


def __getattr__(name: str) -> Any:
    # Defer the modules that import spaCy until they are asked for.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'netiquette' has no attribute {name!r}")


def check(
    text: str,
    *,
    channel: str = "dm",
    first_contact: bool | None = None,
    reply_to: str | None = None,
) -> Report:
    """Check one draft with the default settings and every installed plugin.

    The first call builds a shared ``Linter`` (about a second); later calls
    reuse it. Build your own ``Linter`` to choose the config or plugins.

    Args:
        text: the draft exactly as it would be sent.
        channel: one of ``netiquette.CHANNELS``.
        first_contact: whether the reader has never heard from the author;
            None derives it from the channel.
        reply_to: the text being answered, if any.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: unknown channel, or the draft is over the size limit.
    """
    global _default_linter
    with _default_lock:
        if _default_linter is None:
            from netiquette.linter import Linter

            _default_linter = Linter()
        linter = _default_linter
    return linter.check(text, channel=channel, first_contact=first_contact, reply_to=reply_to)
