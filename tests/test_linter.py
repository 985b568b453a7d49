"""The Linter: exact offsets on awkward text, ordering, input validation, batches and lazy imports."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nq_helpers import FuncCheck, NamedPlugin, rule, token_hits

import netiquette
from netiquette import Check, ConfigError, Context, Draft, Hit, Report, Severity
from netiquette.linter import DraftTooLarge, Linter


def make_linter(*plugins: object, config: Any = None) -> Linter:
    return Linter(config, list(plugins), builtins=False, entry_points=False)


@pytest.fixture(scope="module")
def linter() -> Linter:
    """The marker check plus a check flagging every token (offsets straight from spaCy spans)."""
    tokens = FuncCheck("zz-tokens", [rule("ZZTK101", Severity.INFO)], token_hits("ZZTK101"))
    return make_linter("nq_marker", NamedPlugin("nq_tokens", tokens))


@pytest.fixture(scope="module")
def builtin_linter() -> Linter:
    """Whatever built-in checks exist; only assert what holds for any of them."""
    return Linter(builtins=True, entry_points=False)


AWKWARD = {
    "crlf": "Hi Ana,\r\nzqxwarn here.\r\n\r\nThanks,\r\nzqxinfo\r\n",
    "emoji-zwj": "👩‍💻 zqxwarn 👨‍👩‍👧‍👦 and 🇫🇷🏳️‍🌈 zqxerr 👍🏽",
    "combining": "Cafe\u0301 n\u0303o zqxwarn Z\u0351\u0352a\u0353l\u0354g\u0355o zqxinfo",
    "rtl": "مرحبا zqxwarn שלום עולם \u202ezqxinfo\u202c done",
    "nul-and-controls": "a\x00b zqxwarn \x07\x1b[31m zqxerr\x7f\u2028end",
    "astral-and-nbsp": "𝕳𝖊𝖑𝖑𝖔\u00a0zqxwarn\u2009𐍈\u200bzqxinfo",
}


def assert_offsets_exact(report: Report, text: str) -> None:
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.excerpt


def assert_tokens_cover_the_text(report: Report, text: str) -> None:
    """The token check's findings do not overlap and leave out only whitespace."""
    tokens = [f for f in report.findings if f.check == "zz-tokens"]
    covered: set[int] = set()
    for previous, current in itertools.pairwise(tokens):
        assert previous.end <= current.start
    for finding in tokens:
        assert finding.excerpt
        covered.update(range(finding.start, finding.end))
    assert all(char.isspace() for i, char in enumerate(text) if i not in covered)


@pytest.mark.parametrize("text", list(AWKWARD.values()), ids=list(AWKWARD))
def test_offsets_are_exact_on_awkward_text(linter: Linter, text: str) -> None:
    report = linter.check(text)
    assert report.errors == ()
    assert_offsets_exact(report, text)
    markers = [(f.excerpt, f.start) for f in report.findings if f.check == "zz-marker"]
    expected = [(word, text.index(word)) for word in ("zqxinfo", "zqxwarn", "zqxerr") if word in text]
    assert sorted(markers) == sorted(expected)
    assert_tokens_cover_the_text(report, text)
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    for item in data["warnings"]:
        assert text[item["start"] : item["end"]] == item["excerpt"]


@pytest.mark.parametrize("text", list(AWKWARD.values()), ids=list(AWKWARD))
def test_builtin_checks_keep_offsets_exact_and_do_not_fail(builtin_linter: Linter, text: str) -> None:
    report = builtin_linter.check(text)
    assert report.errors == ()
    assert_offsets_exact(report, text)


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_offsets_are_exact_on_any_text(linter: Linter, text: str) -> None:
    report = linter.check(text)
    assert report.errors == ()
    assert_offsets_exact(report, text)
    assert_tokens_cover_the_text(report, text)


def test_findings_are_sorted_by_position_then_code() -> None:
    def backwards(doc: Any, context: Any) -> list[Hit]:
        return [Hit("ZZSO102", 6, 9), Hit("ZZSO101", 6, 9), Hit("ZZSO101", 0, 5), Hit("ZZSO101", 0, 2)]

    check = FuncCheck("zz-sort", [rule("ZZSO101"), rule("ZZSO102")], backwards)
    report = make_linter(NamedPlugin("nq_sort", check), "nq_marker").check("hello zqxwarn")
    assert [(f.start, f.end, f.code) for f in report.findings] == [
        (0, 2, "ZZSO101"),
        (0, 5, "ZZSO101"),
        (6, 9, "ZZSO101"),
        (6, 9, "ZZSO102"),
        (6, 13, "ZZTP101"),
    ]


@pytest.mark.parametrize("text", ["", " ", "\n", "\r\n\r\n", " \t\n\u00a0\u3000\u2028 "])
def test_empty_and_whitespace_drafts_are_clean(linter: Linter, builtin_linter: Linter, text: str) -> None:
    report = linter.check(text)
    assert report.findings == ()
    assert report.errors == ()
    assert report.ready_to_send(Severity.INFO)
    assert report.summary.total == 0
    builtin = builtin_linter.check(text)
    assert builtin.errors == ()
    assert_offsets_exact(builtin, text)


@pytest.mark.parametrize("value", [b"hello", bytearray(b"hello"), None, 5, ["hello"]])
def test_non_str_draft_is_a_type_error(linter: Linter, value: object) -> None:
    with pytest.raises(TypeError, match="expected the draft as str") as excinfo:
        linter.check(value)  # type: ignore[arg-type]
    if isinstance(value, (bytes, bytearray)):
        assert "decode" in str(excinfo.value)
    with pytest.raises(TypeError):
        list(linter.check_many(["fine", value]))  # type: ignore[list-item]


def test_unknown_channel_is_a_value_error(linter: Linter) -> None:
    with pytest.raises(ValueError, match="unknown channel 'moon'"):
        linter.check("hi", channel="moon")


def test_draft_over_the_limit_is_rejected(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netiquette.linter.MAX_CHARS", 20)
    assert linter.check("x" * 20).errors == ()
    with pytest.raises(DraftTooLarge, match="draft is 21 characters; the limit is 20"):
        linter.check("x" * 21)
    with pytest.raises(ValueError):
        linter.check("y" * 21)
    with pytest.raises(DraftTooLarge):
        list(linter.check_many(["short", Draft("z" * 21)]))
    assert netiquette.DraftTooLarge is DraftTooLarge


def test_context_and_id_are_carried(linter: Linter) -> None:
    report = linter.check("zqxwarn", channel="connection_request", reply_to="earlier", id="d-1")
    assert report.id == "d-1"
    assert report.context == Context("connection_request", True, "earlier")
    assert linter.check("hi", first_contact=True).context.first_contact is True


def test_default_channel_comes_from_config() -> None:
    linter = make_linter("nq_marker", config={"channel": "post"})
    assert linter.check("hi").context.channel == "post"
    assert [r.context.channel for r in linter.check_many(["a", Draft("b", Context("email"))])] == ["post", "email"]


# -- check_many ---------------------------------------------------------------------------

TEXTS = ["zqxwarn first", "", "second zqxinfo zqxerr", "👩‍💻 zqxwarn\r\n", "plain"]


def test_check_many_with_strings_equals_check(linter: Linter) -> None:
    many = list(linter.check_many(TEXTS, batch_size=2))
    assert many == [linter.check(text) for text in TEXTS]
    assert [r.id for r in many] == [None] * len(TEXTS)


def test_check_many_with_drafts_keeps_order_ids_and_contexts(linter: Linter) -> None:
    channels = ["dm", "post", "email", "reply", "comment"]
    ids = [5, "b", 0, "d", None]
    drafts = [Draft(text, Context(channel), i) for text, channel, i in zip(TEXTS, channels, ids, strict=True)]
    many = list(linter.check_many(drafts, batch_size=3))
    assert [r.id for r in many] == ids
    assert [r.context.channel for r in many] == channels
    assert many == [linter.check(d.text, channel=d.context.channel, id=d.id) for d in drafts if d.context is not None]


def test_check_many_accepts_a_mix_and_defaults_the_context(linter: Linter) -> None:
    reports = list(linter.check_many(iter(["zqxwarn", Draft("zqxinfo", id="x"), Draft("zqxerr", Context("post"))])))
    assert [(r.id, r.context.channel, [f.code for f in r.findings]) for r in reports] == [
        (None, "dm", ["ZZTK101", "ZZTP101"]),
        ("x", "dm", ["ZZTK101", "ZZTP102"]),
        (None, "post", ["ZZTK101", "ZZTP103"]),
    ]


class Endless:
    """An endless stream of drafts that counts how many were pulled from it."""

    def __init__(self) -> None:
        self.pulled = 0

    def __iter__(self) -> Iterator[str]:
        for number in itertools.count():
            self.pulled += 1
            yield f"draft {number} zqxwarn"


def test_check_many_streams_a_generator(linter: Linter) -> None:
    drafts = Endless()
    reports = linter.check_many(iter(drafts), batch_size=2)
    first = list(itertools.islice(reports, 3))
    assert [[f.excerpt for f in r.findings if f.check == "zz-marker"] for r in first] == [["zqxwarn"]] * 3
    assert [r.findings[0].excerpt for r in first] == ["draft", "draft", "draft"]
    assert drafts.pulled < 20


def test_check_many_of_nothing(linter: Linter) -> None:
    assert list(linter.check_many([])) == []
    assert list(linter.check_many([], n_process=2)) == []


# -- check_many in worker processes ---------------------------------------------------------


def test_workers_give_the_same_reports_in_order(linter: Linter) -> None:
    drafts = [Draft(f"{text} {i}", Context("post"), i) for i in range(7) for text in TEXTS]
    assert list(linter.check_many(drafts, n_process=2, batch_size=3)) == list(linter.check_many(drafts))
    assert list(linter.check_many(TEXTS, n_process=-1)) == [linter.check(text) for text in TEXTS]


def test_workers_report_a_bad_draft_after_the_drafts_before_it(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netiquette.linter.MAX_CHARS", 20)
    seen = []
    with pytest.raises(DraftTooLarge):
        for report in linter.check_many(["zqxwarn", "plain", "z" * 21, "never"], n_process=2, batch_size=1):
            seen.append(report)
    assert len(seen) == 2
    with pytest.raises(TypeError):
        list(linter.check_many(["fine", 5], n_process=2))  # type: ignore[list-item]


def test_workers_read_the_input_lazily_and_stop_when_the_caller_does(linter: Linter) -> None:
    drafts = Endless()
    reports = linter.check_many(iter(drafts), n_process=2, batch_size=2)
    assert len(list(itertools.islice(reports, 3))) == 3
    reports.close()
    assert drafts.pulled <= 2 * 2 * 2 + 2  # two batches in flight per worker, and the one being read


@pytest.fixture
def spawn_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A machine without fork, as on Windows and macOS: new processes are spawned. Yields each one's name."""
    monkeypatch.setattr("netiquette.linter._CAN_FORK", False)
    started: list[str] = []
    start = multiprocessing.Process.start

    def recording_start(process: multiprocessing.Process) -> None:
        started.append(process.name)
        start(process)

    monkeypatch.setattr(multiprocessing.Process, "start", recording_start)
    previous = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method("spawn", force=True)
    try:
        yield started
    finally:
        multiprocessing.set_start_method(previous, force=True)


def test_without_fork_spacy_runs_the_pipeline_in_spawned_workers(builtin_linter: Linter, spawn_only: list[str]) -> None:
    # The pipeline (every component and the run-splitting tokenizer) is
    # pickled into each spawned worker, and its Docs, spans included, come
    # back; the checks run here and must see exactly what they see in-process.
    drafts = [
        Draft("Only two slots left, book a call today!", Context("dm", first_contact=True), "pitch"),
        Draft("Honestly, with all due respect, you clearly did not read my post.", Context("comment"), 2),
        Draft("I'M SO SICK AND TIRED OF THIS 😤", None, "caps"),
        Draft("", Context("email"), "empty"),
    ] * 3
    expected = [builtin_linter.check(d.text, id=d.id, **_context_args(d.context)) for d in drafts]
    assert list(builtin_linter.check_many(drafts, n_process=2, batch_size=2)) == expected
    assert len(spawn_only) == 2
    assert any(report.findings for report in expected)


def _context_args(context: Context | None) -> dict[str, Any]:
    if context is None:
        return {}
    return {"channel": context.channel, "first_contact": context.first_contact, "reply_to": context.reply_to}


# -- pipeline and imports -----------------------------------------------------------------


def test_model_that_is_not_installed_says_how_to_install() -> None:
    with pytest.raises(ConfigError) as excinfo:
        Linter({"model": "nq_not_an_installed_pipeline"}, builtins=False, entry_points=False)
    message = str(excinfo.value)
    assert "'nq_not_an_installed_pipeline' is not installed" in message
    assert "pip install nq_not_an_installed_pipeline" in message
    assert "remove 'model'" in message


def test_mapping_config_is_validated() -> None:
    with pytest.raises(ConfigError, match="did you mean 'ignore'"):
        Linter({"ignroe": ["x"]}, builtins=False, entry_points=False)


def test_module_check_uses_a_shared_default_linter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.setattr(netiquette, "_default_linter", None)
    report = netiquette.check("Hello there", channel="post", reply_to="earlier")
    assert isinstance(report, Report)
    assert report.context == Context("post", False, "earlier")
    assert report.errors == ()
    shared = netiquette._default_linter
    assert shared is not None
    netiquette.check("again")
    assert netiquette._default_linter is shared
    with pytest.raises(TypeError):
        netiquette.check(b"bytes")  # type: ignore[arg-type]


def test_importing_netiquette_does_not_import_spacy_or_textstat() -> None:
    code = (
        "import json, sys\n"
        "import netiquette\n"
        "from netiquette import Config, Context, Severity, Finding, Report, hookimpl, Check, Rule, Hit\n"
        "netiquette.Context('post').to_dict()\n"
        "heavy = lambda: sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'textstat', 'thinc'))\n"
        "before = heavy()\n"
        "netiquette.Linter(builtins=False, entry_points=False)\n"
        "print(json.dumps([before, bool(heavy())]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    before, after = json.loads(result.stdout)
    assert before == []
    assert after is True


def test_unknown_attribute_of_the_package() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Lintr'"):
        netiquette.Lintr  # noqa: B018
    assert issubclass(netiquette.PluginError, Exception)
    assert netiquette.Linter is Linter
    assert isinstance(Check, type)
