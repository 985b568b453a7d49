"""Tests for netiquette-team-policy, written with netiquette's pytest plugin (netiquette.testing)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import netiquette_team_policy
import pytest
from spacy.tokens import Doc

from netiquette import Check, Context, Hit, PluginError, Rule, Severity, hookimpl
from netiquette.testing import LinterFactory, check_examples

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class Buzzwords(Check):
    """A stand-in check: 'synergy' is a warning, 'paradigm' is info."""

    id = "zz-buzzwords"
    rules = (
        Rule("ZZTP101", "synergy", "synergy", "Says synergy.", Severity.WARNING),
        Rule("ZZTP102", "paradigm", "paradigm", "Says paradigm.", Severity.INFO),
    )

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        codes = {"synergy": "ZZTP101", "paradigm": "ZZTP102"}
        for token in doc:
            if token.lemma_ in codes:
                yield Hit.from_span(codes[token.lemma_], doc[token.i : token.i + 1])


class BuzzwordsPlugin:
    __name__ = "zz_buzzwords"

    @hookimpl
    def netiquette_checks(self) -> list[Check]:
        return [Buzzwords()]


def settings(**policy: Any) -> dict[str, Any]:
    return {"settings": {"team-policy": {key.replace("_", "-"): value for key, value in policy.items()}}}


def test_findings_on_the_teams_own_product_names_are_dropped(netiquette_linter: LinterFactory) -> None:
    linter = netiquette_linter(BuzzwordsPlugin(), netiquette_team_policy, config=settings(allow=["Synergy Cloud"]))
    check_examples(
        linter,
        "ZZTP101",
        flags=[
            "Let's find synergies.",
            "Synergy is key, and Synergy Cloud is our product.",
            "Synergy Cloudy days ahead.",
        ],
        passes=["Have you tried Synergy Cloud?", "SYNERGY CLOUD now runs on ARM.", "synergy cloud."],
    )


def test_severities_move_one_step_by_channel(netiquette_linter: LinterFactory) -> None:
    config = settings(raise_on=["connection_request"], lower_on=["post"])
    linter = netiquette_linter(BuzzwordsPlugin(), netiquette_team_policy, config=config)
    text = "A new paradigm of synergy."

    def severities(channel: str) -> list[tuple[str, Severity]]:
        return [(f.code, f.severity) for f in linter.check(text, channel=channel).findings]

    assert severities("dm") == [("ZZTP102", Severity.INFO), ("ZZTP101", Severity.WARNING)]
    assert severities("connection_request") == [("ZZTP102", Severity.WARNING), ("ZZTP101", Severity.ERROR)]
    assert severities("post") == [("ZZTP102", Severity.INFO), ("ZZTP101", Severity.INFO)]
    check_examples(linter, "ZZTP101", flags=[text], channel="dm")
    check_examples(linter, "ZZTP101", hints=[text], channel="post")


def test_without_settings_nothing_changes(netiquette_linter: LinterFactory) -> None:
    plain = netiquette_linter(BuzzwordsPlugin())
    with_policy = netiquette_linter(BuzzwordsPlugin(), netiquette_team_policy)
    text = "A paradigm of synergy."
    for channel in ("dm", "post"):
        assert with_policy.check(text, channel=channel) == plain.check(text, channel=channel)


def test_each_linter_uses_its_own_config(netiquette_linter: LinterFactory) -> None:
    allowing = netiquette_linter(BuzzwordsPlugin(), netiquette_team_policy, config=settings(allow=["synergy"]))
    strict = netiquette_linter(BuzzwordsPlugin(), netiquette_team_policy)
    check_examples(allowing, "ZZTP101", passes=["synergy"])
    check_examples(strict, "ZZTP101", flags=["synergy"])


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        ({"allow": "Synergy Cloud"}, "settings.team-policy.allow: expected a list of strings"),
        ({"allow": [""]}, "settings.team-policy.allow: names must not be empty"),
        ({"alow": ["x"]}, "unknown key 'alow'"),
        ({"raise-on": ["dms"]}, "settings.team-policy.raise-on: unknown channel 'dms'"),
        ({"raise-on": ["post"], "lower-on": ["post"]}, "'post' is in both raise-on and lower-on"),
    ],
)
def test_bad_settings_stop_the_linter_at_start_up(
    netiquette_linter: LinterFactory, policy: dict[str, Any], message: str
) -> None:
    with pytest.raises(PluginError, match=r"^plugin 'team-policy': ") as excinfo:
        netiquette_linter(netiquette_team_policy, config={"settings": {"team-policy": policy}})
    assert message in str(excinfo.value)


def test_with_netiquettes_own_checks(netiquette_linter: LinterFactory) -> None:
    # "Guaranteed Results" is the product; hard-sell would call it a guaranteed-results claim.
    draft = "Hi Sam, I lead the team behind Guaranteed Results, a dashboard for sales ops. Happy to connect."
    linter = netiquette_linter(netiquette_team_policy, builtins=True, config=settings(allow=["Guaranteed Results"]))
    check_examples(linter, "hard-sell", passes=[draft], channel="connection_request")
    builtin_only = netiquette_linter(builtins=True)
    assert "HS105" in [f.code for f in builtin_only.check(draft, channel="connection_request").findings]


def test_the_plugin_implements_the_wrapper_hook(netiquette_linter: LinterFactory) -> None:
    linter = netiquette_linter(netiquette_team_policy)
    (info,) = [i for i in linter.host.describe() if not i.builtin]
    assert info.hooks == ("netiquette_checks", "netiquette_findings")
    assert linter.checks == ()


def test_the_entry_point_names_this_module() -> None:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["netiquette"] == {"team-policy": "netiquette_team_policy"}
    assert project["version"] == netiquette_team_policy.__version__
