"""netiquette.testing, the pytest plugin for plugin authors; and the config given to the findings hook."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest
from nq_helpers import NamedPlugin

from netiquette import Config, Finding, hookimpl
from netiquette.linter import Linter
from netiquette.testing import LinterFactory, build_linter, check_examples


def test_fixture_builds_a_linter_with_only_the_given_plugins(netiquette_linter: LinterFactory) -> None:
    linter = netiquette_linter("nq_marker", config={"ignore": ["ZZTP102"]})
    assert linter.checks == ("zz-marker",)
    assert linter.config.ignore == ("ZZTP102",)
    assert [info.name for info in linter.host.describe() if not info.builtin] == ["nq_marker"]
    assert netiquette_linter().checks == ()
    assert "hard-sell" in netiquette_linter(builtins=True).checks


def test_entry_points_are_never_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool | None] = []

    class Spy(Linter):
        def __init__(self, *args: Any, entry_points: bool | None = None, **kwargs: Any) -> None:
            seen.append(entry_points)
            super().__init__(*args, entry_points=entry_points, **kwargs)

    monkeypatch.setattr("netiquette.linter.Linter", Spy)
    build_linter("nq_marker")
    assert seen == [False]


@pytest.fixture(scope="module")
def marker() -> Linter:
    return build_linter("nq_marker")


def test_right_examples_pass(marker: Linter) -> None:
    check_examples(
        marker,
        "ZZTP101",
        flags=["zqxwarn", "well zqxwarn"],
        passes=["zqxinfo zqxerr", ""],
    )
    check_examples(marker, "ZZTP102", hints=["zqxinfo"], passes=["zqxwarn"])
    check_examples(marker, "ZZTP", flags=["zqxerr"], passes=["nothing here"])
    check_examples(marker, "zz-marker", flags=["zqxwarn"], hints=["zqxinfo"], channel="post")


def test_every_wrong_example_is_listed_in_one_failure(marker: Linter) -> None:
    with pytest.raises(pytest.fail.Exception) as excinfo:
        check_examples(
            marker,
            "ZZTP101",
            flags=["zqxwarn", "nothing to see", "zqxinfo only"],
            hints=["zqxwarn again"],
            passes=["fine", "oops zqxwarn"],
            channel="email",
        )
    message = str(excinfo.value)
    assert message.splitlines() == [
        "4 of 6 examples for ZZTP101 (channel=email, first_contact=None) are wrong:",
        "  - 'nothing to see'",
        "      should flag ZZTP101 at warning or above; found: nothing",
        "  - 'zqxinfo only'",
        "      should flag ZZTP101 at warning or above; found: nothing",
        "  - 'zqxwarn again'",
        "      should report ZZTP101 at info only; found: ZZTP101 warning at 0..7 'zqxwarn'",
        "  - 'oops zqxwarn'",
        "      should pass; found: ZZTP101 warning at 5..12 'zqxwarn'",
    ]


def test_a_check_error_makes_an_example_wrong() -> None:
    linter = build_linter("nq_marker", "nq_boom")
    with pytest.raises(pytest.fail.Exception, match=r"check errors: check 'zz-boom' from plugin 'nq_boom' failed"):
        check_examples(linter, "ZZTP101", flags=["zqxwarn"])


def test_long_drafts_are_shortened_in_the_message(marker: Linter) -> None:
    with pytest.raises(pytest.fail.Exception) as excinfo:
        check_examples(marker, "ZZTP101", flags=["word\n" * 100])
    first_draft_line = str(excinfo.value).splitlines()[1]
    assert len(first_draft_line) < 120
    assert first_draft_line.endswith("…'")


def test_helper_misuse_is_reported(marker: Linter) -> None:
    with pytest.raises(ValueError, match="at least one draft"):
        check_examples(marker, "ZZTP101")
    with pytest.raises(TypeError, match="list of drafts"):
        check_examples(marker, "ZZTP101", flags="zqxwarn")


def test_the_findings_hook_gets_the_linters_config() -> None:
    class SeesConfig:
        __name__ = "nq_sees_config"

        def __init__(self) -> None:
            self.seen: list[Config] = []

        @hookimpl(wrapper=True)
        def netiquette_findings(self, config: Config) -> Generator[None, list[Finding], list[Finding]]:
            findings = yield
            self.seen.append(config)
            drop = config.settings.get("nq_sees_config", {}).get("drop", [])
            return [f for f in findings if f.code not in drop]

    plugin = SeesConfig()
    config = Config.from_mapping({"settings": {"nq_sees_config": {"drop": ["ZZTP101"]}}})
    dropping = build_linter("nq_marker", plugin, config=config)
    plain = build_linter("nq_marker", plugin)
    assert [f.code for f in dropping.check("zqxwarn zqxerr").findings] == ["ZZTP103"]
    assert [f.code for f in plain.check("zqxwarn zqxerr").findings] == ["ZZTP101", "ZZTP103"]
    assert plugin.seen == [config, plain.config]


def test_describe_names_an_object_plugin_by_its_name() -> None:
    linter = build_linter(NamedPlugin("nq_named"))
    assert [info.name for info in linter.host.describe() if not info.builtin] == ["nq_named"]
