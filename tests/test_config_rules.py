"""Rules without Python: [tool.netiquette.rules.<id>] tables become checks; bad or unsafe ones are ConfigErrors."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import RunCli
from netiquette import Config, ConfigError, PluginError, Severity
from netiquette.checks import config_rules
from netiquette.config import UserRule
from netiquette.linter import Linter
from netiquette.testing import build_linter, check_examples

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PLUGIN = "netiquette.checks.config_rules"

RULES: dict[str, Any] = {
    "no-rockstars": {
        "phrases": ["rock star", "coding ninja"],
        "message": "Say which skills you need.",
        "suggestion": "Name the skill and the level.",
        "severity": "error",
        "code": "TR101",
    },
    "dear-sir": {
        "patterns": [[{"LOWER": "dear"}, {"LOWER": {"IN": ["sir", "madam"]}, "OP": "?"}, {"LOWER": "or"}]],
        "message": "Gendered greeting.",
        "channels": ["email", "dm"],
    },
    "cold-coffee": {
        "phrases": ["pick your brain"],
        "message": "Asking a stranger for free advice.",
        "first-contact": True,
        "severity": "info",
    },
}


@pytest.fixture(scope="module")
def linter() -> Linter:
    return build_linter(PLUGIN, config={"rules": RULES})


def test_each_table_becomes_a_check_with_one_rule(linter: Linter) -> None:
    assert set(linter.checks) == {"no-rockstars", "dear-sir", "cold-coffee"}
    infos = {info.check: info for info in linter.rules()}
    rule = infos["no-rockstars"].rule
    assert (rule.code, rule.name, rule.severity, rule.message, rule.suggestion) == (
        "TR101",
        "no-rockstars",
        Severity.ERROR,
        "Say which skills you need.",
        "Name the skill and the level.",
    )
    assert infos["dear-sir"].rule.code == Config.from_mapping({"rules": RULES}).rules["dear-sir"].code


def test_phrases_match_lemmas_case_insensitively(linter: Linter) -> None:
    check_examples(
        linter,
        "TR101",
        flags=["We want ROCK STARS only.", "Are you a rock star?", "Coding ninjas wanted"],
        passes=["The rock is a star.", "rockstar", ""],
    )
    (finding,) = linter.check("We hire Rock Stars.").findings
    assert (finding.check, finding.excerpt, finding.severity, finding.plugin) == (
        "no-rockstars",
        "Rock Stars",
        Severity.ERROR,
        PLUGIN,
    )
    assert finding.suggestion == "Name the skill and the level."


def test_patterns_and_channels(linter: Linter) -> None:
    code = linter.config.rules["dear-sir"].code
    check_examples(linter, code, flags=["Dear Sir or Madam,", "dear madam or sir"], channel="email")
    check_examples(linter, code, flags=["Dear or whoever"], channel="dm")
    check_examples(linter, code, passes=["Dear Sir or Madam,"], channel="post")


def test_first_contact_only(linter: Linter) -> None:
    code = linter.config.rules["cold-coffee"].code
    check_examples(linter, code, hints=["Can I pick your brain?"], channel="dm", first_contact=True)
    check_examples(linter, code, passes=["Can I pick your brain?"], channel="dm", first_contact=False)


def test_derived_codes_are_stable_and_shaped_like_codes() -> None:
    first = Config.from_mapping({"rules": RULES}).rules
    again = Config.from_mapping({"rules": dict(reversed(list(RULES.items())))}).rules
    assert {k: r.code for k, r in first.items()} == {k: r.code for k, r in again.items()}
    assert first["dear-sir"].code.startswith("CR")
    assert len(first["dear-sir"].code) == 6


def test_config_rules_sit_next_to_the_builtin_checks_and_obey_select_and_ignore() -> None:
    linter = Linter({"rules": RULES, "ignore": ["dear-sir"], "severity": {"TR101": "warning"}}, entry_points=False)
    assert "hard-sell" in linter.checks
    assert "no-rockstars" in linter.checks
    assert "dear-sir" not in linter.checks
    report = linter.check("Dear Sir or Madam, we want rock stars.", channel="email")
    assert [(f.code, f.severity) for f in report.findings if f.check == "no-rockstars"] == [("TR101", Severity.WARNING)]


def test_without_rules_nothing_is_added() -> None:
    linter = build_linter(PLUGIN)
    assert linter.checks == ()
    assert config_rules.FACTORY not in linter.nlp.pipe_names


def test_a_rule_id_clashing_with_a_builtin_check_is_a_start_up_error() -> None:
    with pytest.raises(PluginError, match="check id 'hard-sell' is defined by both"):
        Linter({"rules": {"hard-sell": {"phrases": ["x"], "message": "m"}}}, entry_points=False)


# -- errors ------------------------------------------------------------------------------------


def _rule(**table: Any) -> dict[str, Any]:
    return {"rules": {"my-rule": {"phrases": ["x"], "message": "m", **table}}}


BAD: dict[str, tuple[dict[str, Any], str, str]] = {
    "not-a-table": ({"rules": ["x"]}, "rules", "expected a table of tables"),
    "rule-not-a-table": ({"rules": {"my-rule": "x"}}, "rules", "expected a table of tables"),
    "bad-id": ({"rules": {"My_Rule": {"phrases": ["x"], "message": "m"}}}, "rules.My_Rule", "lowercase words"),
    "unknown-key": (_rule(sevrity="info"), "rules.my-rule.sevrity", "did you mean 'severity'?"),
    "no-message": ({"rules": {"my-rule": {"phrases": ["x"]}}}, "rules.my-rule.message", "non-empty string"),
    "no-matching": ({"rules": {"my-rule": {"message": "m"}}}, "rules.my-rule", "needs 'phrases' or 'patterns'"),
    "phrases-str": (_rule(phrases="x"), "rules.my-rule.phrases", "expected a list of strings"),
    "empty-phrase": (_rule(phrases=[" "]), "rules.my-rule.phrases", "must not be empty"),
    "bad-severity": (_rule(severity="fatal"), "rules.my-rule.severity", "unknown severity 'fatal'"),
    "bad-channel": (_rule(channels=["dms"]), "rules.my-rule.channels", "unknown channel 'dms'"),
    "channels-str": (_rule(channels="dm"), "rules.my-rule.channels", "expected a list of strings"),
    "bad-code": (_rule(code="tr-1"), "rules.my-rule.code", "uppercase letters"),
    "suggestion-int": (_rule(suggestion=3), "rules.my-rule.suggestion", "expected a string"),
    "first-contact-str": (_rule(**{"first-contact": "yes"}), "rules.my-rule.first-contact", "true or false"),
    "patterns-one-level": (_rule(patterns=[{"LOWER": "x"}]), "rules.my-rule.patterns", "list of spaCy token"),
    "empty-pattern": (_rule(patterns=[[]]), "rules.my-rule.patterns", "pattern 1"),
    "unknown-attribute": (
        _rule(patterns=[[{"LOWER": "x"}], [{"LOWR": "x"}]]),
        "rules.my-rule.patterns",
        "pattern 2 is not a valid spaCy token pattern",
    ),
    "wrong-attribute-type": (_rule(patterns=[[{"LOWER": 5}]]), "rules.my-rule.patterns", "not a valid spaCy"),
    "bad-op": (_rule(patterns=[[{"LOWER": "x", "OP": "often"}]]), "rules.my-rule.patterns", "OP 'often'"),
    "duplicate-code": (
        {
            "rules": {
                "a": {"phrases": ["x"], "message": "m", "code": "TR1"},
                "b": {"phrases": ["y"], "message": "m", "code": "TR1"},
            }
        },
        "rules.b.code",
        "also used by rule 'a'",
    ),
}


@pytest.mark.parametrize(("data", "key", "problem"), list(BAD.values()), ids=list(BAD))
def test_bad_rule_tables_are_config_errors_naming_the_key(data: dict[str, Any], key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as excinfo:
        Config.from_mapping(data, source="team.toml")
    message = str(excinfo.value)
    assert message.startswith(f"team.toml: key {key!r}: "), message
    assert problem in message


UNSAFE: dict[str, list[dict[str, Any]]] = {
    "regex": [{"TEXT": {"REGEX": "(a+)+$"}}],
    "regex-lowercase-key": [{"lower": {"regex": "(a+)+$"}}],
    "regex-in-not-in": [{"LOWER": {"NOT_IN": ["x"]}, "_": {"x": {"REGEX": "a"}}}],
    "fuzzy": [{"LOWER": {"FUZZY": "synergy"}}],
    "fuzzy-n": [{"LOWER": {"FUZZY2": "synergy"}}],
    "star": [{"LOWER": "a", "OP": "*"}],
    "plus": [{"LOWER": "a", "OP": "+"}],
    "unbounded-count": [{"LOWER": "a", "OP": "{2,}"}],
    "huge-count": [{"LOWER": "a", "OP": "{0,50}"}],
    "too-many-optional": [{"OP": "?"}, {"OP": "?"}, {"OP": "{0,3}"}, {"LOWER": "a"}],
}


@pytest.mark.parametrize("pattern", list(UNSAFE.values()), ids=list(UNSAFE))
def test_patterns_that_could_hang_the_linter_are_rejected(pattern: list[dict[str, Any]]) -> None:
    with pytest.raises(ConfigError, match=r"key 'rules.my-rule.patterns': pattern 1: "):
        Config.from_mapping(_rule(patterns=[pattern]))


def test_a_config_built_in_python_is_checked_too() -> None:
    unsafe = UserRule("my-rule", "TR1", "m", patterns=([{"LOWER": {"REGEX": "(a+)+$"}}],))
    with pytest.raises(PluginError, match="REGEX is not allowed"):
        build_linter(PLUGIN, config=Config(rules={"my-rule": unsafe}))


def test_pathological_input_does_not_hang() -> None:
    # The classic catastrophic-backtracking pair: as a regex, (a+)+$ against
    # 'a' * 40 + '!' would not finish. As a phrase it is literal text.
    hostile = "a" * 40 + "!"
    with pytest.raises(ConfigError, match="REGEX is not allowed"):
        Config.from_mapping(_rule(patterns=[[{"TEXT": {"REGEX": "(a+)+$"}}]]))
    worst = [{"OP": "?"}, {"OP": "?"}, {"OP": "{0,2}"}, {"LOWER": "a", "OP": "{10}"}]
    linter = build_linter(PLUGIN, config=_rule(phrases=["(a+)+$"], patterns=[worst]))
    started = time.perf_counter()
    assert linter.check(hostile).findings == ()
    assert [f.excerpt for f in linter.check("say (a+)+$ here").findings] == ["a+)+$"]  # edge punctuation trimmed
    long_hostile = "a " * 5_000 + "!"
    assert linter.check(long_hostile).findings
    assert time.perf_counter() - started < 5


# -- CLI -----------------------------------------------------------------------------------------


CONFIG = """\
[tool.netiquette]
select = ["no-rockstars"]

[tool.netiquette.rules.no-rockstars]
phrases = ["rock star"]
code = "TR101"
message = "Say which skills you need."
suggestion = "Name the skill."
"""


def test_cli_reports_config_rules(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    result = run_cli("check", "--format", "json", input="We need rock stars.")
    assert result.returncode == 1
    (warning,) = json.loads(result.stdout)["warnings"]
    assert (warning["code"], warning["check"], warning["excerpt"]) == ("TR101", "no-rockstars", "rock stars")
    rules = run_cli("rules")
    assert "TR101   no-rockstars" in rules.stdout.decode("utf-8")
    listing = run_cli("plugins").stdout.decode("utf-8")
    assert f"{PLUGIN} " in listing
    assert "checks: no-rockstars" in listing


def test_cli_bad_rule_is_a_usage_error_naming_file_and_key(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / ".netiquette.toml").write_text(
        '[rules.no-rockstars]\nmessage = "m"\npatterns = [[{ TEXT = { REGEX = "(a+)+$" } }]]\n', encoding="utf-8"
    )
    result = run_cli("check", input="hello")
    assert result.returncode == 2
    message = result.stderr.decode("utf-8")
    assert message.startswith("netiquette: error: ")
    assert ".netiquette.toml: key 'rules.no-rockstars.patterns': pattern 1: REGEX is not allowed" in message


def test_the_documented_example_works() -> None:
    guide = (Path(__file__).resolve().parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    section = guide.split("## Rules without Python", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^```toml\n(.*?)^```$", section, flags=re.MULTILINE | re.DOTALL)
    assert block is not None
    table = tomllib.loads(block.group(1))["tool"]["netiquette"]
    linter = build_linter(PLUGIN, config=table)
    assert set(linter.checks) == {"no-rockstars", "dear-sir"}
    check_examples(linter, "TR101", flags=["We want rock stars.", "Coding ninjas wanted!"], channel="dm")
    check_examples(linter, "TR101", passes=["We want rock stars."], channel="email")
    dear_sir = linter.config.rules["dear-sir"].code
    check_examples(linter, dear_sir, flags=["Dear Sir or Madam,", "Dear madam"], channel="connection_request")
    check_examples(linter, dear_sir, passes=["Dear Sir or Madam,"], channel="dm", first_contact=False)
