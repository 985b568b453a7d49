"""netiquette-team-policy: apply a team's house rules to every finding, through the findings wrapper hook.

Configured in ``[tool.netiquette.settings.team-policy]``::

    allow = ["Guaranteed Results", "Book A Demo"]  # the team's own product names
    raise-on = ["connection_request"]              # one step more severe on these channels
    lower-on = ["post"]                            # one step less severe on these channels

``allow``
    A finding that overlaps one of these names in the draft (case-insensitive,
    whole words) is dropped: "Guaranteed Results" is the product's name, not
    a guaranteed-results claim.
``raise-on`` / ``lower-on``
    Move every remaining finding on these channels one step up or down
    (info, warning, error), within that range.

How the settings reach the hook
    ``netiquette_findings`` takes the Linter's ``config`` like the other
    hooks, so the policy is read from the config of the Linter that is
    checking the draft; two Linters with different configs never share it.
    ``netiquette_checks`` (called once, when a Linter is built) validates the
    settings, so a typo stops the run at start-up with a message naming the
    plugin and the key. The plugin adds no checks of its own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netiquette import CHANNELS, Check, Config, Context, Finding, Severity, hookimpl
from netiquette.plugins import PluginError

__version__ = "0.1.0"
__all__ = ["NAME", "Policy", "netiquette_checks", "netiquette_findings"]

#: The plugin's name: its entry point and the key of its settings table.
NAME = "team-policy"
_KEYS = ("allow", "raise-on", "lower-on")


@dataclass(frozen=True)
class Policy:
    """A team's house rules for findings."""

    allow: tuple[str, ...] = ()
    raise_on: frozenset[str] = frozenset()
    lower_on: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, config: Config) -> Policy:
        """The policy in ``config.settings["team-policy"]`` (an empty policy when there is none).

        Raises:
            PluginError: naming the config file and the key that is wrong.
        """
        settings: Mapping[str, Any] = config.settings.get(NAME, {})
        where = f"{config.source or '<config>'}: settings.{NAME}"
        for key in settings:
            if key not in _KEYS:
                raise PluginError(f"plugin {NAME!r}: {where}: unknown key {key!r}; valid keys: {', '.join(_KEYS)}")
        allow = _strings(settings, "allow", where)
        if any(not name.strip() for name in allow):
            raise PluginError(f"plugin {NAME!r}: {where}.allow: names must not be empty")
        raise_on, lower_on = (frozenset(_channels(settings, key, where)) for key in ("raise-on", "lower-on"))
        both = sorted(raise_on & lower_on)
        if both:
            raise PluginError(f"plugin {NAME!r}: {where}: channel {both[0]!r} is in both raise-on and lower-on")
        return cls(tuple(name.strip() for name in allow), raise_on, lower_on)

    def apply(self, findings: Sequence[Finding], context: Context, text: str) -> list[Finding]:
        """Drop findings on allowed names, then move severities for the draft's channel."""
        allowed = self._allowed_spans(text)
        kept = [f for f in findings if not any(f.start < end and start < f.end for start, end in allowed)]
        step = (context.channel in self.raise_on) - (context.channel in self.lower_on)
        if not step:
            return kept
        return [dataclasses.replace(f, severity=_moved(f.severity, step)) for f in kept]

    def _allowed_spans(self, text: str) -> list[tuple[int, int]]:
        if not self.allow:
            return []
        # Escaped literals between word boundaries: linear, whatever the names.
        names = "|".join(re.escape(name) for name in sorted(self.allow, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{names})(?!\w)", re.IGNORECASE)
        return [match.span() for match in pattern.finditer(text)]


def _strings(settings: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = settings.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PluginError(f"plugin {NAME!r}: {where}.{key}: expected a list of strings")
    return value


def _channels(settings: Mapping[str, Any], key: str, where: str) -> list[str]:
    channels = _strings(settings, key, where)
    for channel in channels:
        if channel not in CHANNELS:
            raise PluginError(
                f"plugin {NAME!r}: {where}.{key}: unknown channel {channel!r}; valid: {', '.join(CHANNELS)}"
            )
    return channels


def _moved(severity: Severity, step: int) -> Severity:
    return Severity(min(max(severity + step, min(Severity)), max(Severity)))


@hookimpl
def netiquette_checks(config: Config) -> list[Check]:
    """Validate the settings once, when a Linter is built; this plugin adds no checks."""
    Policy.from_config(config)
    return []


@hookimpl(wrapper=True)
def netiquette_findings(context: Context, text: str, config: Config) -> Generator[None, list[Finding], list[Finding]]:
    """Apply the policy to the findings of every other check and wrapper."""
    findings = yield
    return Policy.from_config(config).apply(findings, context, text)
