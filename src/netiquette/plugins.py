"""The plugin manager and the one typed place that calls hooks.

Built-in checks and formats are plugins like any other: the modules in
``DEFAULT_PLUGINS`` are registered first, then the ``netiquette`` entry points
of installed packages (unless turned off), then modules named in config or
with ``-p``; ``check_pending`` then rejects misspelt hooks at start-up.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any

import pluggy

from netiquette import hookspecs
from netiquette.hookspecs import hookimpl
from netiquette.rules import CHECK_ID_PATTERN, FEATURES, Check, Rule

if TYPE_CHECKING:
    from spacy.language import Language

    from netiquette.config import Config
    from netiquette.context import Context
    from netiquette.formatters import Formatter
    from netiquette.models import Finding

ENTRY_POINT_GROUP = "netiquette"
#: Set to a non-empty value to skip loading plugins from entry points.
AUTOLOAD_ENV = "NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD"
#: Plugin name shown on findings from netiquette's own checks.
BUILTIN_NAME = "netiquette"

DEFAULT_PLUGINS: tuple[str, ...] = (
    "netiquette.formatters",
    "netiquette.checks.hard_sell",
    "netiquette.checks.canned_opener",
    "netiquette.checks.defensiveness",
    "netiquette.checks.spam_links",
    "netiquette.checks.oversharing",
    "netiquette.checks.length",
    "netiquette.checks.self_focus",
    "netiquette.checks.no_question",
    "netiquette.checks.quote_spam",
    "netiquette.checks.hostility",
    "netiquette.checks.shouting",
    "netiquette.checks.hashtag_stuffing",
    "netiquette.checks.config_rules",
)


class PluginError(Exception):
    """A plugin cannot be loaded or breaks the plugin contract; names the plugin."""


class _Core:
    """netiquette's innermost implementation of the findings hook."""

    @hookimpl(trylast=True)
    def netiquette_findings(self, findings: list[Finding]) -> list[Finding]:
        return findings


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """One registered plugin, as ``netiquette plugins`` lists it."""

    name: str
    version: str | None
    hooks: tuple[str, ...]
    builtin: bool


@dataclass(frozen=True, slots=True)
class RegisteredCheck:
    """A check and the name of the plugin that provided it."""

    check: Check
    plugin: str
    source: str


class PluginHost:
    """Owns the pluggy ``PluginManager``; every hook call goes through a typed method here.

    Args:
        builtins: register netiquette's own checks and formats.
        entry_points: load installed plugins from the ``netiquette`` entry point
            group; ``None`` means "unless ``NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD``
            is set".
        extra: plugin objects or importable module names to register too.
        blocked: plugin names never to register (``-p no:NAME``).

    Raises:
        PluginError: a plugin cannot be imported or has an invalid hook.
    """

    def __init__(
        self,
        *,
        builtins: bool = True,
        entry_points: bool | None = None,
        extra: Sequence[object | str] = (),
        blocked: Sequence[str] = (),
    ) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self._display: dict[int, str] = {}
        self._versions: dict[str, str | None] = {}
        for name in blocked:
            self.pm.set_blocked(name)
        self._register(_Core(), "netiquette.core", display=BUILTIN_NAME)
        if builtins:
            for module_name in DEFAULT_PLUGINS:
                self._register(importlib.import_module(module_name), module_name, display=BUILTIN_NAME)
        if entry_points is None:
            entry_points = not os.environ.get(AUTOLOAD_ENV)
        if entry_points:
            self._load_entry_points()
        for plugin in extra:
            if isinstance(plugin, str):
                self._register(_import_plugin(plugin), plugin, display=plugin)
            else:
                self._register(plugin, None, display=None)
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {self._name_of(exc.plugin)!r}: {exc}") from None

    # -- registration ------------------------------------------------------

    def _register(self, plugin: object, name: str | None, *, display: str | None) -> None:
        if name is not None and self.pm.is_blocked(name):
            return
        try:
            registered = self.pm.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {display or name or plugin!r}: {exc}") from None
        except ValueError as exc:
            raise PluginError(f"plugin {display or name or plugin!r} cannot be registered: {exc}") from None
        if registered is not None:
            self._display[id(plugin)] = display or registered

    def _load_entry_points(self) -> None:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if self.pm.is_blocked(ep.name) or self.pm.get_plugin(ep.name) is not None:
                continue
            try:
                plugin = ep.load()
            except Exception as exc:
                raise PluginError(
                    f"plugin {ep.name!r} (entry point {ep.value}) failed to import: {type(exc).__name__}; "
                    f"run with -p no:{ep.name} or {AUTOLOAD_ENV}=1 to skip it"
                ) from exc
            self._versions[ep.name] = ep.dist.version if ep.dist else None
            self._register(plugin, ep.name, display=ep.name)

    def _name_of(self, plugin: object) -> str:
        return self._display.get(id(plugin)) or self.pm.get_name(plugin) or repr(plugin)

    # -- typed hook calls ----------------------------------------------------

    def checks(self, config: Config) -> list[RegisteredCheck]:
        """Every check from every plugin, each tagged with its plugin's name.

        Raises:
            PluginError: a plugin's hook raised or returned something that is
                not a valid ``Check``, or two checks share an id or a code.
        """
        found: list[RegisteredCheck] = []
        for impl in self.pm.hook.netiquette_checks.get_hookimpls():
            plugin = self._name_of(impl.plugin)
            source = self.pm.get_name(impl.plugin) or plugin
            provided = _call_impl(impl, plugin, "netiquette_checks", config=config)
            for check in _as_list(provided, plugin, "netiquette_checks"):
                found.append(RegisteredCheck(_validated_check(check, plugin), plugin, source))
        _reject_duplicates(found)
        return found

    def extend_pipeline(self, nlp: Language, config: Config) -> None:
        """Let plugins add components to the pipeline."""
        for impl in self.pm.hook.netiquette_pipeline.get_hookimpls():
            _call_impl(impl, self._name_of(impl.plugin), "netiquette_pipeline", nlp=nlp, config=config)

    def process_findings(
        self, findings: list[Finding], context: Context, text: str, config: Config | None = None
    ) -> list[Finding]:
        """Run the findings through every plugin's wrapper, innermost first."""
        if config is None:
            from netiquette.config import Config

            config = Config()
        result: list[Finding] = self.pm.hook.netiquette_findings(
            findings=findings, context=context, text=text, config=config
        )
        return result

    def implementers(self, hook: str) -> str:
        """The names of the third-party plugins implementing ``hook``, comma-separated."""
        names = [self._name_of(impl.plugin) for impl in getattr(self.pm.hook, hook).get_hookimpls()]
        return ", ".join(sorted({n for n in names if n != BUILTIN_NAME})) or BUILTIN_NAME

    def formats(self) -> dict[str, Formatter]:
        """Every output format by name.

        Raises:
            PluginError: two plugins offer a format with the same name.
        """
        formats: dict[str, Formatter] = {}
        for impl in self.pm.hook.netiquette_formats.get_hookimpls():
            plugin = self._name_of(impl.plugin)
            for formatter in _as_list(_call_impl(impl, plugin, "netiquette_formats"), plugin, "netiquette_formats"):
                if formatter.name in formats:
                    raise PluginError(f"plugin {plugin!r}: output format {formatter.name!r} is already defined")
                formats[formatter.name] = formatter
        return formats

    def describe(self) -> list[PluginInfo]:
        """Every registered plugin with its version and the hooks it implements."""
        infos: dict[str, PluginInfo] = {}
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:  # a blocked name
                continue
            display = self._name_of(plugin)
            hooks = tuple(sorted(c.name for c in self.pm.get_hookcallers(plugin) or ()))
            builtin = display == BUILTIN_NAME
            if builtin and name == "netiquette.core":
                continue
            version = package_version() if builtin else self._versions.get(name)
            infos[name] = PluginInfo(name, version, hooks, builtin)
        return list(infos.values())


def package_version() -> str | None:
    """netiquette's installed version, or None when running from an uninstalled tree."""
    try:
        return metadata.version("netiquette")
    except metadata.PackageNotFoundError:
        return None


def _import_plugin(module_name: str) -> object:
    try:
        return importlib.import_module(module_name)
    except Exception as exc:
        raise PluginError(f"plugin module {module_name!r} failed to import: {type(exc).__name__}: {exc}") from None


def _call_impl(impl: Any, plugin: str, hook: str, **kwargs: Any) -> Any:
    # Call one implementation the way pluggy does (only the arguments it
    # names), so that a failure can be pinned on that plugin.
    try:
        return impl.function(*(kwargs[name] for name in impl.argnames))
    except PluginError:
        raise
    except Exception as exc:
        raise PluginError(f"plugin {plugin!r}: hook {hook} raised {type(exc).__name__}") from exc


def _as_list(provided: object, plugin: str, hook: str) -> list[Any]:
    if provided is None:
        return []
    if isinstance(provided, (str, bytes, Mapping)) or not isinstance(provided, Iterable):
        raise PluginError(f"plugin {plugin!r}: {hook} must return a list, got {type(provided).__name__}")
    return list(provided)


def _validated_check(check: object, plugin: str) -> Check:
    if not isinstance(check, Check):
        raise PluginError(f"plugin {plugin!r}: netiquette_checks returned {type(check).__name__}, not a Check")
    check_id = getattr(check, "id", None)
    if not isinstance(check_id, str) or not CHECK_ID_PATTERN.match(check_id):
        raise PluginError(f"plugin {plugin!r}: check id {check_id!r} must be lowercase words joined by hyphens")
    rules = getattr(check, "rules", None)
    if not isinstance(rules, tuple) or not rules or not all(isinstance(r, Rule) for r in rules):
        raise PluginError(f"plugin {plugin!r}: check {check_id!r} must define a non-empty tuple of Rule objects")
    requires: object = getattr(check, "requires", frozenset())
    if not isinstance(requires, (set, frozenset, tuple, list)) or not set(requires) <= FEATURES:
        raise PluginError(
            f"plugin {plugin!r}: check {check_id!r} requires {requires!r}; "
            f"expected a set drawn from {', '.join(sorted(FEATURES))}"
        )
    components = getattr(check, "components", ())
    if not isinstance(components, (tuple, list)) or not all(isinstance(c, str) for c in components):
        raise PluginError(f"plugin {plugin!r}: check {check_id!r} components must be a tuple of factory names")
    return check


def _reject_duplicates(found: Iterable[RegisteredCheck]) -> None:
    ids: dict[str, str] = {}
    codes: dict[str, str] = {}
    for entry in found:
        if entry.check.id in ids:
            raise PluginError(
                f"check id {entry.check.id!r} is defined by both {ids[entry.check.id]!r} and {entry.plugin!r}"
            )
        ids[entry.check.id] = entry.plugin
        for rule in entry.check.rules:
            if rule.code in codes:
                raise PluginError(
                    f"rule code {rule.code!r} is defined by both {codes[rule.code]!r} and {entry.plugin!r}"
                )
            codes[rule.code] = entry.plugin
