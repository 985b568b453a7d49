"""Plugins: registration, isolation of failing checks and hooks, start-up validation, blocking, pipeline needs."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from nq_helpers import SECRET, FuncCheck, NamedPlugin, rule, token_hits
from spacy.language import Language

from netiquette import Check, Config, Finding, Hit, Rule, Severity, hookimpl
from netiquette.linter import Linter
from netiquette.plugins import AUTOLOAD_ENV, PluginError, package_version


def make_linter(*plugins: object, config: Any = None, **options: Any) -> Linter:
    """A Linter with only the given plugins: no built-in checks, no entry points."""
    return Linter(config, list(plugins), builtins=False, entry_points=False, **options)


@pytest.fixture(scope="module")
def marker_linter() -> Linter:
    return make_linter("nq_marker")


# -- a plugin's check runs ---------------------------------------------------------


def test_registered_plugin_check_runs(marker_linter: Linter) -> None:
    assert marker_linter.checks == ("zz-marker",)
    report = marker_linter.check("say zqxwarn now")
    assert report.findings == (
        Finding(
            check="zz-marker",
            code="ZZTP101",
            severity=Severity.WARNING,
            message="The warning marker is here.",
            start=4,
            end=11,
            excerpt="zqxwarn",
            suggestion="Remove the warning marker.",
            url="https://example.invalid/ZZTP101",
            plugin="nq_marker",
        ),
    )
    assert report.errors == ()


def test_rule_severity_given_as_a_string_is_parsed(marker_linter: Linter) -> None:
    (finding,) = marker_linter.check("zqxerr").findings
    assert finding.severity is Severity.ERROR


def test_rules_lists_every_rule_with_check_and_plugin(marker_linter: Linter) -> None:
    rows = [(info.rule.code, info.check, info.plugin) for info in marker_linter.rules()]
    assert rows == [
        ("ZZTP101", "zz-marker", "nq_marker"),
        ("ZZTP102", "zz-marker", "nq_marker"),
        ("ZZTP103", "zz-marker", "nq_marker"),
    ]


def test_without_the_plugin_there_are_no_such_findings() -> None:
    text = "say zqxwarn and zqxerr now"
    bare = make_linter()
    assert bare.checks == ()
    assert bare.check(text).findings == ()
    with_builtins = Linter(builtins=True, entry_points=False)
    assert "zz-marker" not in with_builtins.checks
    assert not [f for f in with_builtins.check(text).findings if f.code.startswith("ZZTP")]


def test_plugin_named_in_config_is_loaded() -> None:
    linter = make_linter(config={"plugins": ["nq_marker"]})
    assert [f.code for f in linter.check("zqxinfo").findings] == ["ZZTP102"]


def test_plugin_reads_its_settings_from_config() -> None:
    class SettingsPlugin:
        __name__ = "nq_settings"

        @hookimpl
        def netiquette_checks(self, config: Config) -> list[Check]:
            word = config.settings.get("nq_settings", {}).get("word", "never-matches")

            def find(doc: Any, context: Any) -> list[Hit]:
                at = doc.text.find(word)
                return [Hit("ZZST101", at, at + len(word))] if at >= 0 else []

            return [FuncCheck("zz-settings", [rule("ZZST101")], find)]

    linter = make_linter(SettingsPlugin(), config={"settings": {"nq_settings": {"word": "flagme"}}})
    assert [f.excerpt for f in linter.check("please flagme").findings] == ["flagme"]
    assert make_linter(SettingsPlugin()).check("please flagme").findings == ()


# -- a check that raises ------------------------------------------------------------


@pytest.mark.parametrize("order", [("nq_marker", "nq_boom"), ("nq_boom", "nq_marker")])
def test_raising_check_is_isolated_and_never_leaks_the_draft(order: tuple[str, str]) -> None:
    linter = make_linter(*order)
    report = linter.check(f"zqxwarn {SECRET} zqxerr")
    assert [f.code for f in report.findings] == ["ZZTP101", "ZZTP103"]
    (error,) = report.errors
    assert (error.check, error.plugin) == ("zz-boom", "nq_boom")
    assert error.detail.startswith("RuntimeError raised at nq_boom.py:")
    assert error.detail.endswith(" in find")
    dumped = json.dumps(report.to_dict()["errors"]) + str(error) + repr(report.errors)
    assert SECRET not in dumped
    assert not report.ready_to_send(Severity.ERROR)


def test_raising_check_in_check_many_fails_every_draft_alone() -> None:
    linter = make_linter("nq_boom", "nq_marker")
    reports = list(linter.check_many([f"{SECRET} one", "zqxinfo", ""]))
    assert [len(r.errors) for r in reports] == [1, 1, 1]
    assert [[f.code for f in r.findings] for r in reports] == [[], ["ZZTP102"], []]
    assert all(SECRET not in e.detail for r in reports for e in r.errors)


# -- malformed hits ------------------------------------------------------------------

MALFORMED: dict[str, object] = {
    "start-negative": Hit("ZZBD101", -1, 2),
    "end-past-text": Hit("ZZBD101", 0, 10_000),
    "start-after-end": Hit("ZZBD101", 5, 2),
    "unknown-code": Hit("ZZBD999", 0, 1),
    "other-checks-code": Hit("ZZTP101", 0, 7),
    "tuple": ("ZZBD101", 0, 1),
    "dict": {"code": "ZZBD101", "start": 0, "end": 1},
    "string": SECRET,
    "none": None,
    "start-str": Hit("ZZBD101", "0", 1),  # type: ignore[arg-type]
    "end-float": Hit("ZZBD101", 0, 1.0),  # type: ignore[arg-type]
    "code-none": Hit(None, 0, 1),  # type: ignore[arg-type]
    "severity-str": Hit("ZZBD101", 0, 1, severity="error"),  # type: ignore[arg-type]
    "severity-int": Hit("ZZBD101", 0, 1, severity=3),  # type: ignore[arg-type]
    "message-int": Hit("ZZBD101", 0, 1, message=5),  # type: ignore[arg-type]
}


@pytest.fixture(scope="module")
def malformed() -> tuple[Linter, dict[str, object]]:
    """A Linter whose check ``zz-bad`` yields one good hit, then whatever ``slot["hit"]`` holds."""
    slot: dict[str, object] = {}

    def find(doc: Any, context: Any) -> Iterator[object]:
        yield Hit("ZZBD101", 0, 1)
        yield slot["hit"]

    bad = FuncCheck("zz-bad", [rule("ZZBD101")], find)
    return make_linter(NamedPlugin("nq_bad", bad), "nq_marker"), slot


@pytest.mark.parametrize("hit", list(MALFORMED.values()), ids=list(MALFORMED))
def test_malformed_hit_drops_that_checks_results(malformed: tuple[Linter, dict[str, object]], hit: object) -> None:
    linter, slot = malformed
    slot["hit"] = hit
    report = linter.check(f"zqxwarn {SECRET}")
    assert [(f.check, f.code) for f in report.findings] == [("zz-marker", "ZZTP101")]
    (error,) = report.errors
    assert (error.check, error.plugin) == ("zz-bad", "nq_bad")
    assert error.detail.startswith("returned a malformed result: result 2 ")
    assert SECRET not in error.detail
    json.dumps(report.to_dict())


def test_find_returning_a_non_iterable_is_an_error() -> None:
    check = FuncCheck("zz-number", [rule("ZZNB101")], lambda doc, context: 5)
    report = make_linter(NamedPlugin("nq_number", check), "nq_marker").check("zqxinfo")
    assert [f.code for f in report.findings] == ["ZZTP102"]
    assert [(e.check, e.plugin) for e in report.errors] == [("zz-number", "nq_number")]
    assert report.errors[0].detail.startswith("TypeError raised")


# -- findings wrappers ----------------------------------------------------------------


class Escalate:
    """Raises info findings to errors on public channels, and drops ZZTP101 everywhere."""

    __name__ = "nq_escalate"

    def __init__(self) -> None:
        self.texts: list[str] = []

    @hookimpl(wrapper=True)
    def netiquette_findings(self, context: Any, text: str) -> Any:
        result = yield
        self.texts.append(text)
        kept = [f for f in result if f.code != "ZZTP101"]
        if context.is_public:
            kept = [dataclasses.replace(f, severity=Severity.ERROR) if f.severity is Severity.INFO else f for f in kept]
        return kept


def test_findings_wrapper_changes_severities_and_filters() -> None:
    wrapper = Escalate()
    linter = make_linter("nq_marker", wrapper)
    text = "zqxinfo zqxwarn zqxerr"
    public = linter.check(text, channel="post")
    assert [(f.code, f.severity) for f in public.findings] == [
        ("ZZTP102", Severity.ERROR),
        ("ZZTP103", Severity.ERROR),
    ]
    assert public.summary.error == 2
    assert public.errors == ()
    private = linter.check(text, channel="dm")
    assert [(f.code, f.severity) for f in private.findings] == [
        ("ZZTP102", Severity.INFO),
        ("ZZTP103", Severity.ERROR),
    ]
    assert wrapper.texts == [text, text]


def _garbage_wrapper(make: Callable[[list[Finding]], object]) -> object:
    class Garbage:
        __name__ = "nq_garbage"

        @hookimpl(wrapper=True)
        def netiquette_findings(self, findings: list[Finding]) -> Any:
            result = yield
            return make(result)

    return Garbage()


GARBAGE: dict[str, Callable[[list[Finding]], object]] = {
    "string": lambda result: SECRET,
    "none": lambda result: None,
    "tuple": lambda result: tuple(result),
    "ints": lambda result: [1, 2],
    "dicts": lambda result: [f.to_dict() for f in result],
    "moved-offsets": lambda result: [dataclasses.replace(f, start=f.start + 1) for f in result],
    "past-the-end": lambda result: [dataclasses.replace(f, start=0, end=10_000) for f in result],
    "severity-str": lambda result: [dataclasses.replace(f, severity="error") for f in result],
}


@pytest.mark.parametrize("make", list(GARBAGE.values()), ids=list(GARBAGE))
def test_findings_wrapper_returning_garbage_is_isolated(make: Callable[[list[Finding]], object]) -> None:
    linter = make_linter("nq_marker", _garbage_wrapper(make))
    report = linter.check(f"zqxinfo {SECRET} zqxwarn")
    expected = make_linter("nq_marker").check(f"zqxinfo {SECRET} zqxwarn").findings
    assert report.findings == expected
    (error,) = report.errors
    assert error.check == "netiquette_findings"
    assert "nq_garbage" in error.plugin
    assert error.detail.startswith("returned a malformed result")
    assert SECRET not in error.detail


def test_findings_wrapper_that_raises_is_isolated() -> None:
    class Raises:
        __name__ = "nq_wrapper_raises"

        @hookimpl(wrapper=True)
        def netiquette_findings(self, text: str) -> Any:
            yield
            raise ValueError(f"bad draft {text}")

    report = make_linter("nq_marker", Raises()).check(f"zqxerr {SECRET}")
    assert [f.code for f in report.findings] == ["ZZTP103"]
    (error,) = report.errors
    assert (error.check, error.plugin) == ("netiquette_findings", "nq_wrapper_raises")
    assert error.detail.startswith("ValueError raised at test_plugins.py:")
    assert SECRET not in str(error)


# -- start-up validation ---------------------------------------------------------------


def test_misspelt_hook_name_is_rejected_at_construction() -> None:
    class Typo:
        __name__ = "nq_typo"

        @hookimpl
        def netiquette_check(self, config: Config) -> list[Check]:
            return []

    with pytest.raises(PluginError, match=r"plugin 'nq_typo'") as excinfo:
        make_linter(Typo())
    assert "netiquette_check" in str(excinfo.value)


def test_misspelt_hook_in_a_module_names_the_module() -> None:
    with pytest.raises(PluginError, match=r"^plugin 'nq_misspelt': .*netiquette_check"):
        make_linter("nq_misspelt")


@pytest.mark.parametrize("hook", ["netiquette_checks", "netiquette_findings"])
def test_unknown_hook_argument_is_rejected_at_construction(hook: str) -> None:
    def impl(self: object, config: Any, verbose: Any) -> Any:
        return []

    plugin_class = type("ExtraArg", (), {"__name__": "nq_extra_arg", hook: hookimpl(impl)})
    with pytest.raises(PluginError) as excinfo:
        make_linter(plugin_class())
    message = str(excinfo.value)
    assert message.startswith("plugin ")
    assert "nq_extra_arg" in message
    assert "verbose" in message


def test_hook_that_raises_at_start_up_names_the_plugin() -> None:
    class Broken:
        __name__ = "nq_broken_checks"

        @hookimpl
        def netiquette_checks(self) -> list[Check]:
            raise RuntimeError(SECRET)

    with pytest.raises(PluginError, match=r"^plugin 'nq_broken_checks': hook netiquette_checks raised RuntimeError$"):
        make_linter(Broken())


def test_plugin_module_that_cannot_be_imported() -> None:
    with pytest.raises(PluginError, match=r"plugin module 'nq_no_such_module' failed to import: ModuleNotFoundError"):
        make_linter("nq_no_such_module")


class _Returns:
    def __init__(self, value: object) -> None:
        self.__name__ = "nq_returns"
        self.value = value

    @hookimpl
    def netiquette_checks(self) -> object:
        return self.value


GOOD = FuncCheck("zz-good", [rule("ZZGD101")], lambda doc, context: [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["not a check"], "netiquette_checks returned str, not a Check"),
        ([FuncCheck("Bad_Id", [rule("ZZBI101")], lambda doc, context: [])], "check id 'Bad_Id'"),
        ([FuncCheck("zz-no-rules", [], lambda doc, context: [])], "non-empty tuple of Rule objects"),
        (GOOD, "nq_returns"),
    ],
    ids=["not-a-check", "bad-id", "no-rules", "single-check-not-in-a-list"],
)
def test_invalid_checks_are_a_plugin_error(value: object, expected: str) -> None:
    with pytest.raises(PluginError, match=r"plugin 'nq_returns'") as excinfo:
        make_linter(_Returns(value))
    assert expected in str(excinfo.value)


def test_rule_code_must_follow_the_pattern() -> None:
    with pytest.raises(ValueError, match="rule code 'bad-code'"):
        Rule("bad-code", "n", "s", "m")
    with pytest.raises(ValueError, match="unknown severity"):
        Rule("ZZ1", "n", "s", "m", "fatal")  # type: ignore[arg-type]


def test_duplicate_check_ids_are_rejected() -> None:
    one = NamedPlugin("nq_one", FuncCheck("zz-dup", [rule("ZZDA101")], lambda doc, context: []))
    two = NamedPlugin("nq_two", FuncCheck("zz-dup", [rule("ZZDB101")], lambda doc, context: []))
    with pytest.raises(PluginError, match=r"check id 'zz-dup' is defined by both 'nq_(one|two)' and 'nq_(one|two)'"):
        make_linter(one, two)


def test_duplicate_rule_codes_are_rejected() -> None:
    one = NamedPlugin("nq_one", FuncCheck("zz-one", [rule("ZZDP101")], lambda doc, context: []))
    two = NamedPlugin("nq_two", FuncCheck("zz-two", [rule("ZZDP101")], lambda doc, context: []))
    with pytest.raises(PluginError, match=r"rule code 'ZZDP101' is defined by both"):
        make_linter(one, two)


def test_clash_with_another_plugins_code_is_rejected() -> None:
    clash = NamedPlugin("nq_clash", FuncCheck("zz-clash", [rule("ZZTP101")], lambda doc, context: []))
    with pytest.raises(PluginError, match=r"'ZZTP101' is defined by both 'nq_(marker|clash)' and 'nq_(marker|clash)'"):
        make_linter("nq_marker", clash)


# -- blocking ---------------------------------------------------------------------------


def test_blocking_a_module_plugin() -> None:
    linter = make_linter("nq_marker", blocked=["nq_marker"])
    assert linter.checks == ()
    assert linter.check("zqxwarn").findings == ()
    assert "nq_marker" not in [info.name for info in linter.host.describe()]


def test_blocking_a_plugin_named_in_config() -> None:
    linter = make_linter(config={"plugins": ["nq_marker"]}, blocked=["nq_marker"])
    assert linter.check("zqxwarn").findings == ()


def test_blocking_a_plugin_object_by_its_name() -> None:
    plugin = NamedPlugin("nq_blockme", FuncCheck("zz-blockme", [rule("ZZBM101")], token_hits("ZZBM101")))
    assert make_linter(plugin).checks == ("zz-blockme",)
    assert make_linter(plugin, blocked=["nq_blockme"]).checks == ()


def test_blocking_only_the_named_plugin() -> None:
    linter = make_linter("nq_marker", "nq_boom", blocked=["nq_boom"])
    report = linter.check("zqxwarn")
    assert linter.checks == ("zz-marker",)
    assert report.errors == ()
    assert [f.code for f in report.findings] == ["ZZTP101"]


# -- entry points -------------------------------------------------------------------------


@pytest.fixture
def fake_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str, str], None]:
    """Install (on sys.path only) a distribution with a ``netiquette`` entry point ``name = target``."""

    def make(name: str, target: str) -> None:
        info = tmp_path / f"{name}-0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[netiquette]\n{name} = {target}\n", encoding="utf-8")
        monkeypatch.syspath_prepend(str(tmp_path))

    return make


def test_entry_point_plugins_are_loaded_unless_disabled(
    fake_dist: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dist("nqfake", "nq_marker")
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    linter = Linter(builtins=False)
    findings = linter.check("zqxwarn").findings
    assert [(f.code, f.plugin) for f in findings if f.check == "zz-marker"] == [("ZZTP101", "nqfake")]
    info = {i.name: i for i in linter.host.describe()}["nqfake"]
    assert (info.version, info.hooks, info.builtin) == ("0.1", ("netiquette_checks",), False)
    assert "zz-marker" not in Linter(builtins=False, blocked=["nqfake"]).checks
    assert Linter(builtins=False, entry_points=False).checks == ()
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    assert Linter(builtins=False).checks == ()
    assert "zz-marker" in Linter(builtins=False, entry_points=True).checks


def test_broken_entry_point_says_how_to_skip_it(
    fake_dist: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dist("nqbroken", "nq_no_such_module_either")
    with pytest.raises(PluginError, match=r"plugin 'nqbroken' .*failed to import") as excinfo:
        Linter(builtins=False, entry_points=True)
    assert "-p no:nqbroken" in str(excinfo.value)
    assert AUTOLOAD_ENV in str(excinfo.value)
    assert "zz-marker" not in Linter(builtins=False, entry_points=True, blocked=["nqbroken"]).checks


def test_misspelt_hook_in_an_installed_plugin_names_its_entry_point(fake_dist: Callable[[str, str], None]) -> None:
    fake_dist("nqtypo", "nq_misspelt")
    with pytest.raises(PluginError, match=r"^plugin 'nqtypo': .*netiquette_check"):
        Linter(builtins=False, entry_points=True)
    assert Linter(builtins=False, entry_points=True, blocked=["nqtypo"]).checks == ()


# -- describe and formats --------------------------------------------------------------------


def test_describe_lists_plugins_with_hooks() -> None:
    linter = Linter(plugins=["nq_marker"], builtins=True, entry_points=False)
    infos = {info.name: info for info in linter.host.describe()}
    assert (infos["nq_marker"].hooks, infos["nq_marker"].builtin) == (("netiquette_checks",), False)
    formatters = infos["netiquette.formatters"]
    assert formatters.builtin
    assert formatters.version == package_version()
    assert "netiquette_formats" in formatters.hooks
    assert "netiquette.core" not in infos


def test_builtin_formats_and_a_plugin_format() -> None:
    class Count:
        name = "count"
        description = "number of findings"

        def write(self, results: Any, out: Any, options: Any) -> None:
            out.write(str(sum(len(report.findings) for report, _ in results)))

    class Formats:
        __name__ = "nq_formats"

        def __init__(self, name: str) -> None:
            self.formatter = Count()
            self.formatter.name = name

        @hookimpl
        def netiquette_formats(self) -> list[Any]:
            return [self.formatter]

    formats = Linter(plugins=[Formats("count")], builtins=True, entry_points=False).host.formats()
    assert {"text", "json", "jsonl", "sarif", "count"} <= set(formats)
    with pytest.raises(PluginError, match=r"plugin 'nq_formats': output format 'json' is already defined"):
        Linter(plugins=[Formats("json")], builtins=True, entry_points=False).host.formats()


def test_formats_hook_returning_a_single_formatter_is_a_plugin_error() -> None:
    class Single:
        __name__ = "nq_single_format"

        @hookimpl
        def netiquette_formats(self) -> Any:
            from netiquette.formatters import JsonFormatter

            return JsonFormatter()

    linter = Linter(plugins=[Single()], builtins=False, entry_points=False)
    with pytest.raises(PluginError, match="nq_single_format"):
        linter.host.formats()


# -- pipeline requirements --------------------------------------------------------------------


def test_check_requiring_a_parser_is_skipped_on_the_blank_pipeline() -> None:
    needs_parser = FuncCheck("zz-needs-parser", [rule("ZZRQ101")], token_hits("ZZRQ101"), requires={"parser"})
    needs_lemmas = FuncCheck(
        "zz-needs-lemmas", [rule("ZZRQ201")], token_hits("ZZRQ201"), requires=frozenset({"sentences", "lemmas"})
    )
    linter = make_linter(NamedPlugin("nq_requires", needs_parser, needs_lemmas))
    assert linter.features == frozenset({"sentences", "lemmas"})
    assert linter.checks == ("zz-needs-lemmas",)
    assert set(linter.skipped) == {"zz-needs-parser"}
    reason = linter.skipped["zz-needs-parser"]
    assert "parser" in reason
    assert "model" in reason
    report = linter.check("hello there")
    assert {f.code for f in report.findings} == {"ZZRQ201"}
    assert report.errors == ()
    assert needs_parser.calls == 0
    assert needs_lemmas.calls == 1


def test_requires_given_as_a_tuple_is_honoured_or_rejected_as_a_plugin_error() -> None:
    # A plugin author writing ``requires = ("parser",)`` must get the check
    # skipped or a PluginError naming the plugin, not a TypeError from inside the Linter.
    check = FuncCheck("zz-tuple-requires", [rule("ZZRT101")], token_hits("ZZRT101"), requires=("parser",))
    try:
        linter = make_linter(NamedPlugin("nq_tuple_requires", check))
    except PluginError as exc:
        assert "nq_tuple_requires" in str(exc)
    else:
        assert "zz-tuple-requires" in linter.skipped


COMPONENT = "nq_test_component"
OTHER_COMPONENT = "nq_test_other_component"


@Language.component(COMPONENT)
def _count_runs(doc: Any) -> Any:
    doc.user_data[COMPONENT] = doc.user_data.get(COMPONENT, 0) + 1
    return doc


@Language.component(OTHER_COMPONENT)
def _other(doc: Any) -> Any:
    return doc


def _component_ran_once(code: str) -> Callable[[Any, Any], list[Hit]]:
    def find(doc: Any, context: Any) -> list[Hit]:
        return [Hit(code, 0, len(doc.text))] if doc.user_data.get(COMPONENT) == 1 else []

    return find


def test_check_components_are_added_once() -> None:
    first = FuncCheck("zz-comp-a", [rule("ZZCA101")], _component_ran_once("ZZCA101"), components=(COMPONENT,))
    second = FuncCheck("zz-comp-b", [rule("ZZCB101")], _component_ran_once("ZZCB101"), components=(COMPONENT,))
    linter = make_linter(NamedPlugin("nq_components", first, second))
    assert linter.nlp.pipe_names.count(COMPONENT) == 1
    assert linter.nlp.pipe_names[-1] == COMPONENT
    report = linter.check("hello")
    assert [f.code for f in report.findings] == ["ZZCA101", "ZZCB101"]


def test_pipeline_hook_runs_before_check_components() -> None:
    class AddsComponent:
        __name__ = "nq_pipeline_hook"

        def __init__(self) -> None:
            self.seen: list[Any] = []

        @hookimpl
        def netiquette_pipeline(self, nlp: Any, config: Config) -> None:
            self.seen.append(config)
            nlp.add_pipe(COMPONENT)

    hook = AddsComponent()
    check = FuncCheck("zz-comp-c", [rule("ZZCC101")], _component_ran_once("ZZCC101"), components=(COMPONENT,))
    config = Config(channel="email")
    linter = make_linter(hook, NamedPlugin("nq_components", check), config=config)
    assert hook.seen == [config]
    assert linter.nlp.pipe_names.count(COMPONENT) == 1
    assert [f.code for f in linter.check("hi").findings] == ["ZZCC101"]


def test_deselected_check_does_not_add_its_component() -> None:
    check = FuncCheck("zz-comp-d", [rule("ZZCD101")], token_hits("ZZCD101"), components=(OTHER_COMPONENT,))
    linter = make_linter(NamedPlugin("nq_components", check), config={"ignore": ["zz-comp-d"]})
    assert linter.checks == ()
    assert OTHER_COMPONENT not in linter.nlp.pipe_names
    selected = make_linter(NamedPlugin("nq_components", check))
    assert OTHER_COMPONENT in selected.nlp.pipe_names


def test_unknown_component_factory_is_a_plugin_error() -> None:
    check = FuncCheck("zz-comp-x", [rule("ZZCX101")], token_hits("ZZCX101"), components=("nq_no_such_factory",))
    with pytest.raises(PluginError, match=r"plugin 'nq_components': check 'zz-comp-x' .*'nq_no_such_factory'"):
        make_linter(NamedPlugin("nq_components", check))


# -- config applied to plugin checks -----------------------------------------------------------


def test_config_selects_ignores_and_overrides_plugin_findings() -> None:
    text = "zqxinfo zqxwarn zqxerr"
    linter = make_linter(
        "nq_marker",
        config={
            "ignore": ["ZZTP102"],
            "severity": {"ZZTP101": "error", "zz-marker": "info"},
            "per-channel": {"post": {"select": ["ZZTP102"]}, "email": {"severity": {"ZZTP1": "warning"}}},
        },
    )
    assert [(f.code, f.severity) for f in linter.check(text).findings] == [
        ("ZZTP101", Severity.ERROR),
        ("ZZTP103", Severity.INFO),
    ]
    assert linter.check(text, channel="post").findings == ()
    assert [(f.code, f.severity) for f in linter.check(text, channel="email").findings] == [
        ("ZZTP101", Severity.WARNING),
        ("ZZTP103", Severity.WARNING),
    ]


def test_hit_severity_and_wording_overrides() -> None:
    def find(doc: Any, context: Any) -> list[Hit]:
        return [
            Hit("ZZHO101", 0, 2, severity=Severity.ERROR, message="custom", suggestion="do this"),
            Hit("ZZHO101", 3, 5),
        ]

    check = FuncCheck("zz-hit-override", [rule("ZZHO101", Severity.INFO, suggestion="default")], find)
    report = make_linter(NamedPlugin("nq_override", check)).check("ab cd")
    first, second = report.findings
    assert (first.severity, first.message, first.suggestion) == (Severity.ERROR, "custom", "do this")
    assert (second.severity, second.message, second.suggestion) == (Severity.INFO, "message of ZZHO101", "default")
    assert report.errors == ()
