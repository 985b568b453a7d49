"""Severity, Finding, CheckError, Summary, Report and Draft: the values netiquette hands back."""

from __future__ import annotations

import dataclasses
import itertools
import json

import pytest

from netiquette import CheckError, Context, Draft, Finding, Report, Severity, Summary
from netiquette.models import SCHEMA_VERSION


def finding(severity: Severity, start: int = 0, code: str = "ZZM101") -> Finding:
    return Finding("zz-model", code, severity, "a message", start, start + 1, "x")


# -- Severity -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("info", Severity.INFO),
        ("warning", Severity.WARNING),
        ("error", Severity.ERROR),
        ("WARNING", Severity.WARNING),
        ("Error", Severity.ERROR),
        ("  info \n", Severity.INFO),
        (Severity.ERROR, Severity.ERROR),
    ],
)
def test_severity_parse_accepts_names_in_any_case(value: str | Severity, expected: Severity) -> None:
    assert Severity.parse(value) is expected


@pytest.mark.parametrize("value", ["", "warn", "critical", "errors", 2, None, b"error", ["info"]])
def test_severity_parse_rejects_anything_else_naming_the_valid_values(value: object) -> None:
    with pytest.raises(ValueError, match=r"expected one of: info, warning, error") as excinfo:
        Severity.parse(value)  # type: ignore[arg-type]
    assert repr(value) in str(excinfo.value)


def test_severity_is_ordered() -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert max(Severity) is Severity.ERROR
    assert sorted([Severity.ERROR, Severity.INFO, Severity.WARNING]) == [
        Severity.INFO,
        Severity.WARNING,
        Severity.ERROR,
    ]


def test_severity_label_and_str_are_the_lowercase_name() -> None:
    assert [s.label for s in Severity] == ["info", "warning", "error"]
    assert [str(s) for s in Severity] == ["info", "warning", "error"]
    assert f"{Severity.WARNING}" == "warning"


# -- Finding ----------------------------------------------------------------------


def test_finding_to_dict_has_exactly_the_documented_keys() -> None:
    item = Finding(
        check="zz-model",
        code="ZZM101",
        severity=Severity.ERROR,
        message="msg",
        start=3,
        end=7,
        excerpt="abcd",
        suggestion="try this",
        url="https://example.invalid",
        plugin="someplugin",
    )
    data = item.to_dict()
    assert list(data) == [
        "check",
        "code",
        "severity",
        "message",
        "start",
        "end",
        "excerpt",
        "suggestion",
        "url",
        "plugin",
    ]
    assert data == {
        "check": "zz-model",
        "code": "ZZM101",
        "severity": "error",
        "message": "msg",
        "start": 3,
        "end": 7,
        "excerpt": "abcd",
        "suggestion": "try this",
        "url": "https://example.invalid",
        "plugin": "someplugin",
    }
    assert json.loads(json.dumps(data)) == data


def test_finding_defaults() -> None:
    data = finding(Severity.INFO).to_dict()
    assert data["suggestion"] is None
    assert data["url"] is None
    assert data["plugin"] == "netiquette"


def test_finding_is_frozen() -> None:
    item = finding(Severity.INFO)
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.start = 5  # type: ignore[misc]
    with pytest.raises((AttributeError, TypeError)):
        item.extra = 1  # type: ignore[attr-defined]
    assert item.start == 0
    assert hash(item) == hash(finding(Severity.INFO))


# -- CheckError and Summary -----------------------------------------------------------


def test_check_error_to_dict_and_str() -> None:
    error = CheckError("zz-check", "someplugin", "RuntimeError raised at x.py:3 in find")
    assert error.to_dict() == {
        "check": "zz-check",
        "plugin": "someplugin",
        "detail": "RuntimeError raised at x.py:3 in find",
    }
    assert str(error) == "check 'zz-check' from plugin 'someplugin' failed: RuntimeError raised at x.py:3 in find"


def test_summary_total_and_to_dict() -> None:
    summary = Summary(info=1, warning=2, error=3)
    assert summary.total == 6
    assert summary.to_dict() == {"info": 1, "warning": 2, "error": 3, "total": 6}
    assert Summary().to_dict() == {"info": 0, "warning": 0, "error": 0, "total": 0}


# -- Report ---------------------------------------------------------------------


MIXED = (
    finding(Severity.WARNING, 0),
    finding(Severity.INFO, 1),
    finding(Severity.ERROR, 2),
    finding(Severity.WARNING, 3),
    finding(Severity.INFO, 4),
    finding(Severity.INFO, 5),
)


@pytest.mark.parametrize("order", list(itertools.islice(itertools.permutations(range(len(MIXED))), 0, None, 97)))
def test_report_summary_counts_do_not_depend_on_order(order: tuple[int, ...]) -> None:
    report = Report(tuple(MIXED[i] for i in order), Context())
    assert report.summary == Summary(info=3, warning=2, error=1)
    assert report.summary.total == len(MIXED)


def test_report_summary_cannot_be_passed_in() -> None:
    with pytest.raises(TypeError):
        Report((), Context(), summary=Summary(error=1))  # type: ignore[call-arg]


def test_report_at_or_above() -> None:
    report = Report(MIXED, Context())
    assert len(report.at_or_above(Severity.INFO)) == 6
    assert [f.start for f in report.at_or_above(Severity.WARNING)] == [0, 2, 3]
    assert [f.start for f in report.at_or_above(Severity.ERROR)] == [2]
    assert report.warnings == report.findings


def test_ready_to_send() -> None:
    context = Context()
    assert Report((), context).ready_to_send()
    infos = Report((finding(Severity.INFO),), context)
    assert infos.ready_to_send()
    assert not infos.ready_to_send(Severity.INFO)
    warnings = Report((finding(Severity.WARNING),), context)
    assert not warnings.ready_to_send()
    assert warnings.ready_to_send(Severity.ERROR)
    failed = Report((), context, errors=(CheckError("zz-check", "p", "boom"),))
    assert not failed.ready_to_send()
    assert not failed.ready_to_send(Severity.ERROR)


def test_report_to_dict_shape() -> None:
    error = CheckError("zz-check", "p", "RuntimeError raised")
    report = Report(MIXED[:2], Context("post", reply_to="the original"), (error,), id="draft-7")
    data = report.to_dict()
    assert list(data) == [
        "version", "id", "warnings", "summary", "readiness", "metrics", "context", "errors", "notes",
    ]  # fmt: skip
    assert data["version"] == SCHEMA_VERSION == "1.2"
    assert data["metrics"] is None  # built by hand, without metrics
    assert data["readiness"] == 100 - 15 - 3  # one warning, one info
    assert data["id"] == "draft-7"
    assert data["warnings"] == [f.to_dict() for f in MIXED[:2]]
    assert data["summary"] == {"info": 1, "warning": 1, "error": 0, "total": 2}
    assert data["context"] == {"channel": "post", "first_contact": False, "audience": "public", "has_reply_to": True}
    assert data["errors"] == [error.to_dict()]
    assert json.loads(json.dumps(data)) == data


def test_report_to_dict_keeps_integer_and_missing_ids() -> None:
    assert Report((), Context(), id=7).to_dict()["id"] == 7
    assert Report((), Context()).to_dict()["id"] is None


def test_draft_defaults() -> None:
    draft = Draft("hello")
    assert (draft.text, draft.context, draft.id) == ("hello", None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        draft.text = "other"  # type: ignore[misc]
