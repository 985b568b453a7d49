"""Project configuration: ``[tool.netiquette]`` in ``pyproject.toml`` or a ``.netiquette.toml``.

Every key is validated on load; a mistake is a ``ConfigError`` that names the
file and the key, and an unknown key suggests the nearest valid one.
"""

from __future__ import annotations

import difflib
import re
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netiquette.context import CHANNELS, DEFAULT_CHANNEL
from netiquette.models import Severity
from netiquette.rules import CHECK_ID_PATTERN, CODE_PATTERN

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILENAME = ".netiquette.toml"
PYPROJECT = "pyproject.toml"


#: Values of an on/off environment variable that leave it off (compared stripped and lowercased).
_OFF_VALUES = frozenset({"", "0", "false", "no", "off"})


def env_flag(environ: Mapping[str, str], name: str) -> bool:
    """Whether the on/off environment variable ``name`` is on: set to anything but empty, 0, false, no or off."""
    return environ.get(name, "").strip().lower() not in _OFF_VALUES


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file and key."""


def _matches(selector: str, code: str, check: str) -> bool:
    return selector == check or code.startswith(selector.upper())


def _specificity(selector: str, code: str, check: str) -> int:
    # A check id is the broadest selector; a longer code prefix is narrower.
    return 0 if selector == check else len(selector)


@dataclass(frozen=True, slots=True)
class ChannelConfig:
    """Overrides for one channel: ``select`` replaces, ``ignore`` adds, ``severity`` merges."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class UserRule:
    """A check written in config: one ``[tool.netiquette.rules.<id>]`` table ("Rules without Python").

    Attributes:
        id: the table name, used as the check id.
        code: the rule code, given or derived from the id (``CR`` and four digits).
        message: what is wrong, addressed to the author.
        phrases: matched on lemmas, case-insensitively.
        patterns: spaCy ``Matcher`` token patterns (no ``REGEX``/``FUZZY``, no unbounded repetition).
        severity: the severity of every finding.
        suggestion: a better phrasing, or None.
        channels: only these channels; None for all.
        first_contact: only in a first contact (True), only outside one (False), or always (None).
    """

    id: str
    code: str
    message: str
    phrases: tuple[str, ...] = ()
    patterns: tuple[list[dict[str, Any]], ...] = ()
    severity: Severity = Severity.WARNING
    suggestion: str | None = None
    channels: tuple[str, ...] | None = None
    first_contact: bool | None = None


@dataclass(frozen=True, slots=True)
class Config:
    """Validated settings. Build one with ``Config.load``, ``Config.discover`` or ``Config.from_mapping``.

    Attributes:
        select: check ids or code prefixes to run; empty means all.
        ignore: check ids or code prefixes never to report.
        severity: check id, code or code prefix -> severity override.
        fail_on: the lowest severity that makes ``netiquette check`` exit 1.
        channel: the channel assumed when a draft does not say.
        model: an installed spaCy pipeline name or path; None for blank English.
        plugins: extra plugin modules to import and register.
        per_channel: channel name -> overrides for drafts on that channel.
        settings: plugin name -> free-form table for that plugin.
        rules: check id -> a check written in config (``[tool.netiquette.rules.<id>]``).
        source: the file this came from, if any.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    channel: str = DEFAULT_CHANNEL
    model: str | None = None
    plugins: tuple[str, ...] = ()
    per_channel: Mapping[str, ChannelConfig] = field(default_factory=dict)
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rules: Mapping[str, UserRule] = field(default_factory=dict)
    source: str | None = None

    # -- selection ---------------------------------------------------------

    def _selectors(self, channel: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        override = self.per_channel.get(channel)
        if override is None:
            return self.select, self.ignore
        select = self.select if override.select is None else override.select
        return select, self.ignore + override.ignore

    def is_enabled(self, code: str, check: str, channel: str) -> bool:
        """Whether findings of ``code`` (from ``check``) are reported on ``channel``."""
        select, ignore = self._selectors(channel)
        if select and not any(_matches(s, code, check) for s in select):
            return False
        return not any(_matches(s, code, check) for s in ignore)

    def check_may_run(self, codes: tuple[str, ...], check: str) -> bool:
        """Whether any of a check's codes could be reported on some channel."""
        return any(self.is_enabled(code, check, channel) for code in codes for channel in CHANNELS)

    def severity_for(self, code: str, check: str, channel: str, default: Severity) -> Severity:
        """The severity to report: the most specific override, per-channel first."""
        override = self.per_channel.get(channel)
        for table in (override.severity if override else {}, self.severity):
            best = max(
                (s for s in table if _matches(s, code, check)),
                key=lambda s: _specificity(s, code, check),
                default=None,
            )
            if best is not None:
                return table[best]
        return default

    def replace(self, **changes: Any) -> Config:
        """A copy with some fields changed (used for CLI flags)."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values.update(changes)
        return Config(**values)

    # -- loading -----------------------------------------------------------

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str | None = None) -> Config:
        """Validate a ``[tool.netiquette]`` table.

        Raises:
            ConfigError: naming the source and the offending key.
        """
        return _Parser(source or "<config>").parse(data, source)

    @classmethod
    def load(cls, path: str | Path) -> Config:
        """Read and validate a config file (``pyproject.toml`` or ``.netiquette.toml``).

        Raises:
            ConfigError: the file is unreadable, not TOML, or has a bad key.
        """
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read config file ({exc.strerror or type(exc).__name__})") from None
        try:
            document = tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: not valid UTF-8 at byte offset {exc.start}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        if path.name == PYPROJECT:
            tool = document.get("tool", {})
            table = tool.get("netiquette", {}) if isinstance(tool, dict) else None
            where = f"{path} [tool.netiquette]"
        else:
            table = document
            where = str(path)
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: expected a table")
        return _Parser(where).parse(table, str(path))

    @classmethod
    def discover(cls, start: str | Path | None = None) -> Config:
        """Load the nearest config from ``start`` (default: the working directory) upward.

        Returns the defaults when there is none.
        """
        path = find_config(Path(start) if start is not None else Path.cwd())
        return cls.load(path) if path else cls()


def find_config(start: Path) -> Path | None:
    """The nearest ``.netiquette.toml``, or ``pyproject.toml`` with a ``[tool.netiquette]`` table."""
    for directory in (start.resolve(), *start.resolve().parents):
        candidate = directory / CONFIG_FILENAME
        if candidate.is_file():
            return candidate
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        raw = pyproject.read_bytes()
    except OSError:
        return False
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken file that holds our table is chosen, so that Config.load
        # reports it; the table header is looked for outside comments.
        return _TOOL_TABLE_HEADER.search(raw) is not None
    tool = document.get("tool")
    return isinstance(tool, dict) and "netiquette" in tool


_TOOL_TABLE_HEADER = re.compile(rb"^[ \t]*\[{1,2}[ \t]*tool[ \t]*\.[ \t]*netiquette\b", re.MULTILINE)


class _Parser:
    """Validates one table, keeping the file name for error messages."""

    TOP_KEYS = (
        "select", "ignore", "severity", "fail-on", "channel", "model",
        "plugins", "per-channel", "settings", "rules",
    )  # fmt: skip
    CHANNEL_KEYS = ("select", "ignore", "severity")

    def __init__(self, where: str) -> None:
        self.where = where

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}: key {key!r}: {problem}")

    def unknown(self, key: str, valid: tuple[str, ...], prefix: str = "") -> ConfigError:
        near = difflib.get_close_matches(key, valid, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else f"; valid keys: {', '.join(valid)}"
        return self.error(prefix + key, f"unknown key{hint}")

    def parse(self, data: Mapping[str, Any], source: str | None) -> Config:
        for key in data:
            if key not in self.TOP_KEYS:
                raise self.unknown(key, self.TOP_KEYS)
        values: dict[str, Any] = {"source": source}
        if "select" in data:
            values["select"] = self.selectors("select", data["select"])
        if "ignore" in data:
            values["ignore"] = self.selectors("ignore", data["ignore"])
        if "severity" in data:
            values["severity"] = self.severities("severity", data["severity"])
        if "fail-on" in data:
            values["fail_on"] = self.severity_value("fail-on", data["fail-on"])
        if "channel" in data:
            if data["channel"] not in CHANNELS:
                raise self.error("channel", f"unknown channel {data['channel']!r}; valid: {', '.join(CHANNELS)}")
            values["channel"] = data["channel"]
        if "model" in data:
            if not isinstance(data["model"], str) or not data["model"].strip():
                raise self.error("model", "expected the name or path of an installed spaCy pipeline")
            values["model"] = data["model"]
        if "plugins" in data:
            values["plugins"] = self.strings("plugins", data["plugins"])
        if "per-channel" in data:
            values["per_channel"] = self.per_channel(data["per-channel"])
        if "settings" in data:
            settings = data["settings"]
            if not isinstance(settings, dict) or not all(isinstance(v, dict) for v in settings.values()):
                raise self.error("settings", "expected a table of tables, one per plugin")
            values["settings"] = settings
        if "rules" in data:
            values["rules"] = self.user_rules(data["rules"])
        return Config(**values)

    def strings(self, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, f"expected a list of strings, got {type(value).__name__}")
        return tuple(value)

    def selectors(self, key: str, value: Any) -> tuple[str, ...]:
        return tuple(s.strip() for s in self.strings(key, value) if s.strip())

    def severity_value(self, key: str, value: Any) -> Severity:
        if not isinstance(value, str):
            raise self.error(key, f"expected a severity string, got {type(value).__name__}")
        try:
            return Severity.parse(value)
        except ValueError as exc:
            raise self.error(key, str(exc)) from None

    def severities(self, key: str, value: Any) -> dict[str, Severity]:
        if not isinstance(value, dict):
            raise self.error(key, "expected a table of code or check id = severity")
        return {str(k): self.severity_value(f"{key}.{k}", v) for k, v in value.items()}

    def per_channel(self, value: Any) -> dict[str, ChannelConfig]:
        if not isinstance(value, dict):
            raise self.error("per-channel", "expected a table of channel tables")
        result = {}
        for channel, table in value.items():
            prefix = f"per-channel.{channel}"
            if channel not in CHANNELS:
                near = difflib.get_close_matches(channel, CHANNELS, n=1)
                hint = f"; did you mean {near[0]!r}?" if near else f"; valid: {', '.join(CHANNELS)}"
                raise self.error(prefix, f"unknown channel{hint}")
            if not isinstance(table, dict):
                raise self.error(prefix, "expected a table")
            for key in table:
                if key not in self.CHANNEL_KEYS:
                    raise self.unknown(key, self.CHANNEL_KEYS, prefix=f"{prefix}.")
            result[channel] = ChannelConfig(
                select=self.selectors(f"{prefix}.select", table["select"]) if "select" in table else None,
                ignore=self.selectors(f"{prefix}.ignore", table["ignore"]) if "ignore" in table else (),
                severity=self.severities(f"{prefix}.severity", table.get("severity", {})),
            )
        return result

    # -- rules without Python ----------------------------------------------

    RULE_KEYS = (
        "phrases", "patterns", "code", "message", "severity", "suggestion",
        "channels", "first-contact",
    )  # fmt: skip
    #: The largest count a user pattern may repeat a token (``{3}``, ``{0,4}``).
    MAX_REPEAT = 10
    #: The most optional tokens one user pattern may have in total: each ``?``
    #: counts one, ``{n,m}`` counts ``m - n``. spaCy's matcher follows every
    #: way a pattern can match, so its work per token doubles with each one.
    MAX_OPTIONAL = 4
    _OP = re.compile(r"^(?:[!?]|\{(\d*)(,?)(\d*)\})$")

    def user_rules(self, value: Any) -> dict[str, UserRule]:
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise self.error("rules", "expected a table of tables, one per rule ([tool.netiquette.rules.<id>])")
        rules: dict[str, UserRule] = {}
        codes: dict[str, str] = {}
        for rule_id, table in value.items():
            rule = self.user_rule(rule_id, table)
            if rule.code in codes:
                raise self.error(
                    f"rules.{rule_id}.code",
                    f"code {rule.code} is also used by rule {codes[rule.code]!r}; give each rule its own 'code'",
                )
            codes[rule.code] = rule_id
            rules[rule_id] = rule
        return rules

    def user_rule(self, rule_id: str, table: dict[str, Any]) -> UserRule:
        prefix = f"rules.{rule_id}"
        if not CHECK_ID_PATTERN.match(rule_id):
            raise self.error(prefix, "a rule id must be lowercase words joined by hyphens (it becomes the check id)")
        for key in table:
            if key not in self.RULE_KEYS:
                raise self.unknown(key, self.RULE_KEYS, prefix=f"{prefix}.")
        phrases = self.strings(f"{prefix}.phrases", table.get("phrases", []))
        if not all(p.strip() for p in phrases):
            raise self.error(f"{prefix}.phrases", "phrases must not be empty")
        patterns = self.token_patterns(f"{prefix}.patterns", table.get("patterns", []))
        if not phrases and not patterns:
            raise self.error(prefix, "a rule needs 'phrases' or 'patterns' (or both)")
        message = table.get("message")
        if not isinstance(message, str) or not message.strip():
            raise self.error(f"{prefix}.message", "expected a non-empty string telling the author what is wrong")
        code = table.get("code", f"CR{1000 + zlib.crc32(rule_id.encode('utf-8')) % 9000}")
        if not isinstance(code, str) or not CODE_PATTERN.match(code):
            raise self.error(f"{prefix}.code", "expected one to four uppercase letters and one to four digits")
        suggestion = table.get("suggestion")
        if suggestion is not None and not isinstance(suggestion, str):
            raise self.error(f"{prefix}.suggestion", f"expected a string, got {type(suggestion).__name__}")
        channels = None
        if "channels" in table:
            channels = self.strings(f"{prefix}.channels", table["channels"])
            for channel in channels:
                if channel not in CHANNELS:
                    raise self.error(f"{prefix}.channels", f"unknown channel {channel!r}; valid: {', '.join(CHANNELS)}")
        first_contact = table.get("first-contact")
        if first_contact is not None and not isinstance(first_contact, bool):
            raise self.error(f"{prefix}.first-contact", "expected true or false")
        return UserRule(
            id=rule_id,
            code=code,
            message=message.strip(),
            phrases=phrases,
            patterns=patterns,
            severity=self.severity_value(f"{prefix}.severity", table.get("severity", "warning")),
            suggestion=suggestion,
            channels=channels,
            first_contact=first_contact,
        )

    def token_patterns(self, key: str, value: Any) -> tuple[list[dict[str, Any]], ...]:
        shape = "expected a list of spaCy token patterns, each a list of token tables"
        if not isinstance(value, list) or not all(isinstance(p, list) for p in value):
            raise self.error(key, shape)
        for number, pattern in enumerate(value, 1):
            if not pattern or not all(isinstance(token, dict) for token in pattern):
                raise self.error(key, f"pattern {number}: {shape}")
            problem = self._unsafe(pattern)
            if problem:
                raise self.error(key, f"pattern {number}: {problem}")
        if value:
            # spaCy's own schema, the one Matcher(validate=True) uses; loaded
            # only when there are patterns, so plain configs stay spaCy-free.
            from spacy.schemas import validate_token_pattern

            for number, pattern in enumerate(value, 1):
                errors = validate_token_pattern(pattern)
                if errors:
                    raise self.error(key, f"pattern {number} is not a valid spaCy token pattern: {errors[0]}")
        return tuple(value)

    def _unsafe(self, pattern: list[dict[str, Any]]) -> str | None:
        # Regular expressions and fuzzy matching could make a hostile draft
        # take forever, and so could unbounded or too much optional repetition
        # (the matcher's work per token grows exponentially with it).
        stack: list[Any] = list(pattern)
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                for name, inner in item.items():
                    upper = str(name).upper()
                    if upper == "REGEX" or upper.startswith("FUZZY"):
                        return f"{name} is not allowed in config rules (it could hang the linter); use IN or phrases"
                    stack.append(inner)
            elif isinstance(item, list):
                stack.extend(item)
        optional = 0
        for token in pattern:
            op = next((v for k, v in token.items() if str(k).upper() == "OP"), None)
            if op is None or op == "!":
                continue
            found = self._OP.match(op) if isinstance(op, str) else None
            if found is None:
                return f"OP {op!r} is not allowed; use '!', '?' or a bounded count such as '{{0,3}}', not '*' or '+'"
            if op == "?":
                optional += 1
                continue
            low, comma, high = found.groups()
            if comma and not high:
                return f"OP {op!r} needs an upper bound, such as '{{1,3}}'"
            bounds = [int(n) for n in (low, high) if n]
            if any(n > self.MAX_REPEAT for n in bounds):
                return f"OP {op!r}: counts above {self.MAX_REPEAT} are not allowed"
            if comma:
                optional += int(high) - int(low or 0)
        if optional > self.MAX_OPTIONAL:
            return (
                f"{optional} optional tokens ('?' and '{{n,m}}' counts); at most {self.MAX_OPTIONAL} are allowed "
                "so that matching stays fast; split it into several patterns"
            )
        return None
