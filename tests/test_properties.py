"""Property tests: for any text and any valid context, checking never raises and its reports are well-formed.

One module-scoped ``Linter`` serves every test (building one costs about a
second). The strategies mix arbitrary Unicode with the characters drafts
really contain and that break naive offset handling: CRLF, control
characters, right-to-left text, combining marks and ZWJ emoji sequences.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netiquette
from netiquette import Context, Draft, Report
from netiquette.linter import Linter

#: Pieces that exercise tricky offsets, and pieces that make the built-in checks fire.
TRICKY = [
    "\r\n",
    "\r",
    "\n",
    "\x00",
    "\x07",
    "\u200b",
    "\ufeff",
    "\u202e",
    "مرحبا بك",
    "שלום",
    "e\u0301",
    "a\u0308\u0301",
    "👩\u200d💻",
    "👨\u200d👩\u200d👧\u200d👦",
    "🇫🇷",
    "👍🏽",
    "\U0001f600",
    "\t",
    " ",
]
PROBLEMS = [
    "Dear Sir/Madam,",
    "I hope this message finds you well!",
    "BOOK A CALL with me today",
    "only 2 spots left!",
    "Hi {first_name},",
    "https://bit.ly/x?utm_source=li",
    "With all due respect, you clearly didn't read my post.",
    "My divorce was finalised yesterday and my boss is awful.",
    "Buy now!",
]
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.one_of(st.sampled_from(TRICKY), st.sampled_from(PROBLEMS), st.text(max_size=20)),
        max_size=25,
    ).map("".join),
)
CONTEXT = st.fixed_dictionaries(
    {"channel": st.sampled_from(netiquette.CHANNELS), "first_contact": st.sampled_from([True, False, None])}
)
SETTINGS = settings(
    max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

#: Realistic drafts with real problems, wrapped in emoji, CRLF, RTL text and combining marks.
MIXED_DRAFTS = [
    "Dear Sir/Madam,\r\nI hope this message finds you well! 👋🏽\r\nBOOK A CALL with me today, only 2 spots left!",
    "Hi {first_name} 👩\u200d💻, only 2 spots left: https://bit.ly/x?utm_source=li\r\n\r\nשלום",
    "Dear Sir/Madam, Caf\u00e9 Ren\u00e9e e\u0301 \u2014 BOOK A CALL today! مرحبا 🇫🇷 Hi {first_name}",
    "\ufeff\u202eI hope this message finds you well!\u202c Buy now, only 3 spots left! 👨\u200d👩\u200d👧\u200d👦",
    "\x00Hi {first_name},\x07 I hope this message finds you well.\r\nBOOK A CALL: https://bit.ly/abc?utm_campaign=x",
]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(entry_points=False)


def assert_well_formed(text: str, report: Report) -> None:
    """Offsets in range, excerpts matching the exact text given, findings sorted."""
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert text[finding.start : finding.end] == finding.excerpt, finding
    keys = [(f.start, f.end, f.code) for f in report.findings]
    assert keys == sorted(keys)
    assert report.summary.total == len(report.findings)


def as_dicts(reports: Iterator[Report] | list[Report]) -> list[dict[str, object]]:
    return [report.to_dict() for report in reports]


@SETTINGS
@given(text=TEXT, context=CONTEXT)
def test_check_never_raises_and_reports_are_well_formed(linter: Linter, text: str, context: dict[str, object]) -> None:
    report = linter.check(text, **context)  # type: ignore[arg-type]
    assert_well_formed(text, report)
    assert not report.errors, report.errors
    assert report.context.channel == context["channel"]


@SETTINGS
@given(text=TEXT, context=CONTEXT)
def test_the_same_input_gives_the_same_output(linter: Linter, text: str, context: dict[str, object]) -> None:
    first = linter.check(text, **context)  # type: ignore[arg-type]
    second = linter.check(text, **context)  # type: ignore[arg-type]
    assert first.to_dict() == second.to_dict()


@SETTINGS
@given(texts=st.lists(TEXT, max_size=6))
def test_check_many_equals_check_one_by_one(linter: Linter, texts: list[str]) -> None:
    expected = [linter.check(text) for text in texts]
    assert as_dicts(list(linter.check_many(texts, batch_size=4))) == as_dicts(expected)


@SETTINGS
@given(items=st.lists(st.tuples(TEXT, CONTEXT), max_size=6))
def test_check_many_with_contexts_equals_check(linter: Linter, items: list[tuple[str, dict[str, object]]]) -> None:
    drafts = [Draft(text, Context(**ctx), id=number) for number, (text, ctx) in enumerate(items)]  # type: ignore[arg-type]
    expected = [linter.check(text, id=number, **ctx) for number, (text, ctx) in enumerate(items)]  # type: ignore[arg-type]
    assert as_dicts(list(linter.check_many(drafts))) == as_dicts(expected)


@settings(max_examples=3, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=8))
def test_check_many_with_two_processes_equals_check(linter: Linter, texts: list[str]) -> None:
    texts = [*texts, *MIXED_DRAFTS]
    expected = [linter.check(text) for text in texts]
    assert as_dicts(list(linter.check_many(texts, n_process=2, batch_size=4))) == as_dicts(expected)


@pytest.mark.parametrize("channel", netiquette.CHANNELS)
def test_real_findings_in_mixed_scripts_have_exact_offsets(linter: Linter, channel: str) -> None:
    reports = [linter.check(text, channel=channel) for text in MIXED_DRAFTS]
    for text, report in zip(MIXED_DRAFTS, reports, strict=True):
        assert_well_formed(text, report)
        assert report.findings, f"no findings in {text!r} on {channel}: the offset property went untested"
        assert not report.errors
    assert as_dicts(list(linter.check_many(MIXED_DRAFTS, batch_size=2))) == as_dicts(
        [linter.check(text) for text in MIXED_DRAFTS]
    )
