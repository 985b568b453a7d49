"""The ``netiquette`` command, run in a subprocess: formats, exit codes, inputs, batches, colour, subcommands.

Every run goes through the ``run_cli`` fixture (conftest.py), which asserts that
no traceback reaches stderr. Entry-point autoload is off, and the test plugin
``nq_marker`` is selected by its code prefix so built-in checks never interfere.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from nq_helpers import SECRET

from conftest import CONSOLE_SCRIPT, PLUGIN_DIR, RunCli, cli_env
from netiquette.models import SCHEMA_VERSION

MARK = ("-p", "nq_marker", "--select", "ZZTP")


def out_json(result: subprocess.CompletedProcess[bytes]) -> Any:
    return json.loads(result.stdout.decode("utf-8"))


def err(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode("utf-8", "replace")


def codes(report: dict[str, Any]) -> list[str]:
    return [w["code"] for w in report["warnings"]]


def assert_report_shape(report: dict[str, Any]) -> None:
    assert list(report) == [
        "version", "id", "warnings", "summary", "readiness", "metrics", "context", "errors", "notes",
    ]  # fmt: skip
    assert report["version"] == "1.2"
    assert 0 <= report["readiness"] <= 100
    assert set(report["summary"]) == {"info", "warning", "error", "total"}
    assert report["summary"]["total"] == len(report["warnings"])


# -- stdin, the console script and the formats ---------------------------------------------


def test_console_script_checks_stdin_as_json(run_cli: RunCli) -> None:
    if not CONSOLE_SCRIPT.exists():
        pytest.skip("the netiquette console script is not installed next to this interpreter")
    result = run_cli("check", "--format", "json", *MARK, "-", input=b"hello", script=True)
    assert result.returncode == 0, err(result)
    report = out_json(result)
    assert_report_shape(report)
    assert report["warnings"] == []
    assert report["id"] is None
    assert report["context"] == {"channel": "dm", "first_contact": False, "audience": "private", "has_reply_to": False}


def test_stdin_json_with_whatever_checks_are_built_in(run_cli: RunCli) -> None:
    result = run_cli("check", "--format", "json", "-", input=b"hello")
    report = out_json(result)
    assert_report_shape(report)
    at_or_above_warning = [w for w in report["warnings"] if w["severity"] in ("warning", "error")]
    expected = 3 if report["errors"] else 1 if at_or_above_warning else 0
    assert result.returncode == expected, err(result)


def test_no_path_reads_stdin(run_cli: RunCli) -> None:
    result = run_cli("check", "--format", "json", *MARK, input="zqxwarn")
    assert result.returncode == 1
    assert codes(out_json(result)) == ["ZZTP101"]


DRAFT = "Hi Ana,\nzqxwarn there"


def test_text_format(run_cli: RunCli) -> None:
    result = run_cli("check", *MARK, input=DRAFT)
    assert result.returncode == 1
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[0] == "<stdin>:2:1: ZZTP101 [warning] The warning marker is here."
    assert "2 | zqxwarn there" in lines
    assert "  | ^^^^^^^" in lines
    assert "  = try: Remove the warning marker." in lines
    assert lines[-1] == "1 finding in 1 draft (1 warning)."


def test_text_format_when_clean(run_cli: RunCli) -> None:
    result = run_cli("check", "--format", "text", *MARK, input="all fine")
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == (
        "<stdin>: 2 words · 1 sentence · 0 questions · grade 0.0 · ~1 s read · you 0% / I 0% · readiness 100/100\n"
        "\n"
        "No findings in 1 draft.\n"
    )


def test_json_format(run_cli: RunCli) -> None:
    result = run_cli("check", "--format", "json", *MARK, input=DRAFT)
    assert result.returncode == 1
    report = out_json(result)
    assert_report_shape(report)
    (warning,) = report["warnings"]
    assert warning == {
        "check": "zz-marker",
        "code": "ZZTP101",
        "severity": "warning",
        "message": "The warning marker is here.",
        "start": 8,
        "end": 15,
        "excerpt": "zqxwarn",
        "suggestion": "Remove the warning marker.",
        "url": "https://example.invalid/ZZTP101",
        "plugin": "nq_marker",
    }


def test_jsonl_format(run_cli: RunCli) -> None:
    result = run_cli("check", "--format", "jsonl", *MARK, input=DRAFT)
    assert result.returncode == 1
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert_report_shape(report)
    assert codes(report) == ["ZZTP101"]


def test_sarif_format_structure(run_cli: RunCli, tmp_path: Path) -> None:
    text = "👩‍💻 zqxinfo\r\nok zqxerr"
    (tmp_path / "draft.txt").write_bytes(text.encode("utf-8"))
    result = run_cli("check", "--format", "sarif", *MARK, "draft.txt")
    assert result.returncode == 1
    log = out_json(result)
    assert log["version"] == "2.1.0"
    assert "sarif" in log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "netiquette"
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert {"ZZTP101", "ZZTP102", "ZZTP103"} <= set(ids)
    warning_rule = rules[ids.index("ZZTP101")]
    assert warning_rule["defaultConfiguration"] == {"level": "warning"}
    assert warning_rule["helpUri"] == "https://example.invalid/ZZTP101"
    assert warning_rule["properties"] == {"check": "zz-marker", "plugin": "nq_marker"}
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("ZZTP102", "note"), ("ZZTP103", "error")]
    for item in results:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        (location,) = item["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "draft.txt"
        region = physical["region"]
        start, length = region["charOffset"], region["charLength"]
        assert text[start : start + length] == region["snippet"]["text"]
    first, second = (r["locations"][0]["physicalLocation"]["region"] for r in results)
    assert (first["charOffset"], first["charLength"], first["startLine"], first["startColumn"]) == (4, 7, 1, 5)
    assert (second["charOffset"], second["charLength"], second["startLine"], second["startColumn"]) == (16, 6, 2, 4)
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_sarif_reports_a_failing_check_as_a_notification(run_cli: RunCli) -> None:
    result = run_cli("check", "--format", "sarif", "-p", "nq_marker", "-p", "nq_boom", "--select", "ZZT", input=SECRET)
    assert result.returncode == 3
    (invocation,) = out_json(result)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert "zz-boom" in notification["message"]["text"]
    assert SECRET not in result.stdout.decode("utf-8")


# -- exit codes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("all good", (), 0),
        ("zqxinfo", (), 0),
        ("zqxinfo", ("--fail-on", "info"), 1),
        ("zqxwarn", (), 1),
        ("zqxwarn zqxinfo", ("--fail-on", "error"), 0),
        ("zqxerr", ("--fail-on", "error"), 1),
    ],
)
def test_exit_code_follows_fail_on(run_cli: RunCli, text: str, options: tuple[str, ...], expected: int) -> None:
    result = run_cli("check", "--format", "json", *MARK, *options, input=text)
    assert result.returncode == expected, err(result)
    assert len(out_json(result)["warnings"]) == sum(word.startswith("zqx") for word in text.split())


def test_fail_on_from_config(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / ".netiquette.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    assert run_cli("check", *MARK, input="zqxwarn").returncode == 0
    assert run_cli("check", *MARK, "--fail-on", "warning", input="zqxwarn").returncode == 1


def test_unknown_channel_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("check", "--channel", "moon", *MARK, input="hi")
    assert result.returncode == 2
    assert "invalid choice: 'moon'" in err(result)
    assert result.stdout == b""


def test_bad_config_in_the_working_directory(run_cli: RunCli, tmp_path: Path) -> None:
    config = tmp_path / ".netiquette.toml"
    config.write_text('selct = ["ZZTP"]\n', encoding="utf-8")
    for command in (("check", *MARK), ("rules",)):
        result = run_cli(*command, input="zqxwarn")
        assert result.returncode == 2
        assert err(result) == f"netiquette: error: {config}: key 'selct': unknown key; did you mean 'select'?\n"


def test_missing_config_given_with_config(run_cli: RunCli) -> None:
    result = run_cli("check", "--config", "nope.toml", *MARK, input="hi")
    assert result.returncode == 2
    assert "nope.toml: cannot read config file" in err(result)


def test_missing_file(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("zqxwarn", encoding="utf-8")
    result = run_cli("check", "--format", "json", *MARK, "good.txt", "nope.txt")
    assert result.returncode == 2
    assert "netiquette: error: nope.txt: no such file" in err(result)
    report = out_json(result)
    assert (report["id"], codes(report)) == ("good.txt", ["ZZTP101"])


def test_directory_as_a_draft(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    result = run_cli("check", *MARK, "drafts")
    assert result.returncode == 2
    assert "drafts: is a directory" in err(result)


def test_unreadable_file(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("zqxwarn", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read any file (root)")
        result = run_cli("check", *MARK, "secret.txt")
    finally:
        path.chmod(0o644)
    assert result.returncode == 2
    assert "secret.txt: permission denied" in err(result)


def test_invalid_utf8_gives_the_byte_offset(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"ok \xff\xfe zqxwarn " + SECRET.encode())
    result = run_cli("check", *MARK, "bad.txt")
    assert result.returncode == 2
    assert "bad.txt: not valid utf-8 at byte offset 3" in err(result)
    assert SECRET not in err(result)
    from_stdin = run_cli("check", *MARK, "-", input=b"abcd\xc3(")
    assert from_stdin.returncode == 2
    assert "<stdin>: not valid utf-8 at byte offset 4" in err(from_stdin)


def test_other_encoding(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9 zqxwarn")
    result = run_cli("check", "--format", "json", "--encoding", "latin-1", *MARK, "latin.txt")
    assert result.returncode == 1
    (warning,) = out_json(result)["warnings"]
    assert (warning["start"], warning["end"]) == (5, 12)
    unknown = run_cli("check", "--encoding", "nq-no-such-codec", *MARK, "latin.txt")
    assert unknown.returncode == 2
    assert "unknown encoding 'nq-no-such-codec'" in err(unknown)


def test_unknown_format(run_cli: RunCli) -> None:
    result = run_cli("check", "--format", "jsn", *MARK, input="zqxwarn")
    assert result.returncode == 2
    message = err(result)
    assert "unknown format 'jsn'" in message
    assert "did you mean 'json'?" in message
    assert result.stdout == b""


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (("-p", "nq_no_such_plugin_module"), "plugin module 'nq_no_such_plugin_module' failed to import"),
        (("-p", "nq_misspelt"), "plugin 'nq_misspelt'"),
        (("--jsonl", "batch.jsonl", "draft.txt"), "either --jsonl FILE or draft paths"),
        (("--batch-size", "0"), "--batch-size must be at least 1"),
        (("--jobs", "0"), "--jobs must be a number of processes"),
    ],
)
def test_other_usage_errors(run_cli: RunCli, options: tuple[str, ...], expected: str) -> None:
    result = run_cli("check", *MARK, *options, input="zqxwarn")
    assert result.returncode == 2
    assert expected in err(result)


def test_raising_check_exits_3_and_keeps_other_findings(run_cli: RunCli) -> None:
    options = ("--format", "json", "-p", "nq_marker", "-p", "nq_boom", "--select", "ZZT")
    result = run_cli("check", *options, input=f"zqxerr {SECRET}")
    assert result.returncode == 3
    report = out_json(result)
    assert codes(report) == ["ZZTP103"]
    assert [(e["check"], e["plugin"]) for e in report["errors"]] == [("zz-boom", "nq_boom")]
    message = err(result)
    assert "netiquette: error: <stdin>: check 'zz-boom' from plugin 'nq_boom' failed: RuntimeError raised" in message
    assert SECRET not in message
    assert SECRET not in json.dumps(report["errors"])


def test_input_errors_outrank_check_errors(run_cli: RunCli) -> None:
    result = run_cli("check", "-p", "nq_marker", "-p", "nq_boom", "--select", "ZZT", "-", "nope.txt", input="x")
    assert result.returncode == 2
    assert "nope.txt: no such file" in err(result)
    assert "zz-boom" in err(result)


# -- files and batches ------------------------------------------------------------------


def test_several_files_and_stdin_keep_their_order(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("zqxerr", encoding="utf-8")
    (tmp_path / "a.txt").write_text("fine", encoding="utf-8")
    result = run_cli("check", "--format", "json", *MARK, "b.txt", "-", "a.txt", input="zqxinfo")
    assert result.returncode == 1
    reports = out_json(result)
    assert [(r["id"], codes(r)) for r in reports] == [("b.txt", ["ZZTP103"]), (None, ["ZZTP102"]), ("a.txt", [])]
    jsonl = run_cli("check", "--format", "jsonl", *MARK, "a.txt", "b.txt")
    assert [json.loads(line)["id"] for line in jsonl.stdout.decode().splitlines()] == ["a.txt", "b.txt"]
    text = run_cli("check", "--no-metrics", *MARK, "a.txt", "b.txt").stdout.decode("utf-8")
    assert text.startswith("b.txt:1:1: ZZTP103 [error]")
    assert text.endswith("1 finding in 2 drafts (1 error).\n")


BATCH = [
    '{"id": "a", "text": "zqxwarn"}',
    "{not json",
    '{"id": 7, "text": "fine", "channel": "post"}',
    '{"id": "m", "channel": "dm"}',
    "",
    '{"id": "c", "text": "zqxerr", "channel": "moon"}',
    '{"id": "f", "text": "zqxerr", "first_contact": "yes"}',
    '{"id": "u", "text": "zqxerr", "colour": "red"}',
    '["a list"]',
    '{"id": "d", "text": "zqxinfo", "channel": "connection_request"}',
]


def test_jsonl_batch_keeps_ids_in_order_and_aligns_errors(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "batch.jsonl").write_text("\n".join(BATCH) + "\n", encoding="utf-8")
    result = run_cli("check", "--jsonl", "batch.jsonl", "--format", "jsonl", *MARK)
    assert result.returncode == 2
    reports = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in reports] == ["a", None, 7, "m", "c", "f", "u", None, "d"]
    assert [codes(r) for r in reports] == [["ZZTP101"], [], [], [], [], [], [], [], ["ZZTP102"]]
    assert reports[0]["errors"] == reports[2]["errors"] == reports[8]["errors"] == []
    details = [r["errors"][0]["detail"] for r in reports if r["errors"]]
    assert [d.split(":", 1)[0] for d in details] == ["line 2", "line 4", "line 6", "line 7", "line 8", "line 9"]
    assert "not valid JSON" in details[0]
    assert "missing 'text'" in details[1]
    assert "unknown channel 'moon'" in details[2]
    assert "first_contact" in details[3]
    assert "unknown key 'colour'" in details[4]
    assert "expected a JSON object" in details[5]
    assert all(r["errors"][0]["check"] == "input" for r in reports if r["errors"])
    assert reports[2]["context"]["channel"] == "post"
    assert reports[8]["context"] == {
        "channel": "connection_request",
        "first_contact": True,
        "audience": "private",
        "has_reply_to": False,
    }
    message = err(result)
    assert "batch.jsonl: line 2: not valid JSON" in message
    assert "batch.jsonl: line 6: unknown channel 'moon'" in message


def test_jobs_give_the_same_output_and_exit_code(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "batch.jsonl").write_text("\n".join(BATCH * 3) + "\n", encoding="utf-8")
    one = run_cli("check", "--jsonl", "batch.jsonl", "--format", "jsonl", "--batch-size", "2", *MARK)
    two = run_cli("check", "--jsonl", "batch.jsonl", "--format", "jsonl", "--batch-size", "2", "-j", "2", *MARK)
    assert (two.returncode, two.stdout, err(two)) == (one.returncode, one.stdout, err(one))
    assert len(two.stdout.decode("utf-8").splitlines()) == 3 * 9


def test_clean_jsonl_batch_from_stdin(run_cli: RunCli) -> None:
    lines = '{"id": 1, "text": "zqxinfo"}\n{"id": 2, "text": "fine"}\n'
    result = run_cli("check", "--jsonl", "-", "--format", "json", *MARK, input=lines)
    assert result.returncode == 0
    assert [(r["id"], codes(r)) for r in out_json(result)] == [(1, ["ZZTP102"]), (2, [])]
    text = run_cli("check", "--jsonl", "-", "--fail-on", "info", *MARK, input=lines)
    assert text.returncode == 1
    assert text.stdout.decode("utf-8").startswith("1:1:1: ZZTP102 [info]")


def test_text_format_underlines_by_display_width(run_cli: RunCli) -> None:
    drafts = [
        "日本語のテキスト zqxwarn",
        "e\u0301e\u0301 zqxwarn",
        "word " * 40 + "zqxwarn" + " tail" * 30,
    ]
    lines = "".join(json.dumps({"id": n, "text": text}) + "\n" for n, text in enumerate(drafts))
    result = run_cli("check", "--jsonl", "-", "--color", "never", "--no-metrics", *MARK, input=lines)
    assert result.returncode == 1
    # The Japanese draft also gets a not-English note, a block of its own.
    blocks = [block for block in result.stdout.decode("utf-8").split("\n\n") if ": note: " not in block][:3]
    shown = [block.splitlines()[2].removeprefix("1 | ") for block in blocks]
    carets = [block.splitlines()[3].removeprefix("  | ") for block in blocks]
    assert shown[:2] == drafts[:2]
    assert carets[0] == " " * 17 + "^" * 7
    assert carets[1] == " " * 3 + "^" * 7
    assert shown[2].startswith("…") and shown[2].endswith("…")
    assert len(shown[2]) < len(drafts[2])
    assert carets[2] == " " * shown[2].index("zqxwarn") + "^" * 7


def test_missing_jsonl_file(run_cli: RunCli) -> None:
    result = run_cli("check", "--jsonl", "nope.jsonl", *MARK)
    assert result.returncode == 2
    assert "nope.jsonl: no such file" in err(result)


# -- colour ---------------------------------------------------------------------------


def run_in_terminal(tmp_path: Path, *args: str, env: dict[str, str | None]) -> bytes:
    """Run the CLI with stdout on a pseudo-terminal; return what it wrote there."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "netiquette", *args],
        stdin=subprocess.PIPE,
        stdout=terminal,
        stderr=subprocess.PIPE,
        env=cli_env(**env),
        cwd=tmp_path,
    )
    os.close(terminal)
    assert process.stdin is not None and process.stderr is not None
    process.stdin.write(b"zqxwarn")
    process.stdin.close()
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.wait(timeout=120) == 1
    assert b"Traceback" not in process.stderr.read()
    process.stderr.close()
    return b"".join(chunks)


def test_color_never_and_always(run_cli: RunCli) -> None:
    never = run_cli("check", "--color", "never", *MARK, input="zqxwarn")
    assert never.returncode == 1
    assert b"ZZTP101" in never.stdout
    assert b"\x1b" not in never.stdout
    always = run_cli("check", "--color", "always", *MARK, input="zqxwarn", env={"NO_COLOR": "1"})
    assert b"\x1b[33mwarning\x1b[0m" in always.stdout
    default = run_cli("check", *MARK, input="zqxwarn")
    assert b"\x1b" not in default.stdout


def test_color_on_a_terminal_unless_no_color(tmp_path: Path) -> None:
    on_terminal = run_in_terminal(tmp_path, "check", *MARK, env={})
    assert b"ZZTP101" in on_terminal
    assert b"\x1b[" in on_terminal
    no_color = run_in_terminal(tmp_path, "check", *MARK, env={"NO_COLOR": "1"})
    assert b"ZZTP101" in no_color
    assert b"\x1b" not in no_color
    never = run_in_terminal(tmp_path, "check", "--color", "never", *MARK, env={})
    assert b"\x1b" not in never


# -- rules, explain, plugins ------------------------------------------------------------


def test_rules(run_cli: RunCli) -> None:
    result = run_cli("rules", "-p", "nq_marker")
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    marker_lines = [line.split() for line in lines if line.startswith("ZZTP")]
    assert [row[:3] for row in marker_lines] == [
        ["ZZTP101", "zz-marker", "warning"],
        ["ZZTP102", "zz-marker", "info"],
        ["ZZTP103", "zz-marker", "error"],
    ]
    warning_line = next(line for line in lines if line.startswith("ZZTP101"))
    assert warning_line.endswith("The draft contains the warning marker.")
    rows = out_json(run_cli("rules", "--format", "json", "-p", "nq_marker"))
    assert {
        "code": "ZZTP102",
        "name": "marker-info",
        "check": "zz-marker",
        "plugin": "nq_marker",
        "severity": "info",
        "summary": "The draft contains the info marker.",
    } in rows


def test_explain(run_cli: RunCli) -> None:
    result = run_cli("explain", "zztp101", "-p", "nq_marker")
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").splitlines() == [
        "ZZTP101 (marker-warning)",
        "check: zz-marker    plugin: nq_marker    default severity: warning",
        "",
        "The draft contains the warning marker.",
        "",
        "Why: The warning marker is here.",
        "Try: Remove the warning marker.",
        "More: https://example.invalid/ZZTP101",
    ]


def test_explain_unknown_code_suggests_one(run_cli: RunCli) -> None:
    result = run_cli("explain", "ZZTP109", "-p", "nq_marker")
    assert result.returncode == 2
    assert "unknown rule code 'ZZTP109'; did you mean ZZTP10" in err(result)
    assert result.stdout == b""


def test_plugins_lists_the_test_plugin_with_hooks_and_checks(run_cli: RunCli) -> None:
    result = run_cli("plugins", "-p", "nq_marker", "-p", "nq_boom")
    assert result.returncode == 0
    text = result.stdout.decode("utf-8")
    assert "nq_marker unknown version\n    hooks: netiquette_checks\n    checks: zz-marker\n" in text
    assert "nq_boom unknown version\n    hooks: netiquette_checks\n    checks: zz-boom\n" in text
    assert "netiquette.formatters " in text
    assert "(built-in)\n    hooks: netiquette_formats\n" in text


def test_blocked_plugin_is_neither_run_nor_listed(run_cli: RunCli) -> None:
    check = run_cli("check", "--format", "json", *MARK, "-p", "no:nq_marker", input="zqxwarn")
    assert check.returncode == 0
    assert codes(out_json(check)) == []
    listing = run_cli("plugins", "-p", "nq_marker", "-p", "no:nq_marker")
    assert listing.returncode == 0
    assert "nq_marker" not in listing.stdout.decode("utf-8")


def test_entry_point_plugins_autoload_unless_disabled(run_cli: RunCli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    info = site / "nqfake-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nqfake\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[netiquette]\nnqfake = nq_marker\n", encoding="utf-8")
    env: dict[str, str | None] = {
        "PYTHONPATH": f"{PLUGIN_DIR}{os.pathsep}{site}",
        "NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD": None,
    }
    listing = run_cli("plugins", env=env)
    assert "nqfake 0.1\n    hooks: netiquette_checks\n    checks: zz-marker\n" in listing.stdout.decode("utf-8")
    found = run_cli("check", "--format", "json", "--select", "ZZTP", input="zqxwarn", env=env)
    assert [(w["code"], w["plugin"]) for w in out_json(found)["warnings"]] == [("ZZTP101", "nqfake")]
    blocked = run_cli("check", "--format", "json", "--select", "ZZTP", "-p", "no:nqfake", input="zqxwarn", env=env)
    assert (blocked.returncode, codes(out_json(blocked))) == (0, [])
    disabled = run_cli(
        "check",
        "--format",
        "json",
        "--select",
        "ZZTP",
        input="zqxwarn",
        env={**env, "NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert (disabled.returncode, codes(out_json(disabled))) == (0, [])


# -- selection and configuration ----------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (("--select", "ZZTP101"), ["ZZTP101"]),
        (("--select", "ZZTP101", "--select", "ZZTP103"), ["ZZTP101", "ZZTP103"]),
        (("--select", "ZZTP101,zztp102"), ["ZZTP102", "ZZTP101"]),
        (("--select", "zz-marker", "--ignore", "ZZTP103,ZZTP102"), ["ZZTP101"]),
        (("--select", "ZZTP", "--ignore", "zz-marker"), []),
        (("--select", "ZZTP", "--ignore", "ZZTP10"), []),
    ],
)
def test_select_and_ignore(run_cli: RunCli, options: tuple[str, ...], expected: list[str]) -> None:
    result = run_cli("check", "--format", "json", "-p", "nq_marker", *options, input="zqxinfo zqxwarn zqxerr")
    assert codes(out_json(result)) == expected
    assert result.returncode == (1 if set(expected) - {"ZZTP102"} else 0)


def test_config_path_option(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.netiquette]\nselect = ["ZZTP"]\nplugins = ["nq_marker"]\nfail-on = "error"\n', encoding="utf-8"
    )
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "strict.toml").write_text(
        'select = ["ZZTP"]\nplugins = ["nq_marker"]\n\n[severity]\nZZTP102 = "error"\n\n'
        '[per-channel.post]\nignore = ["ZZTP102"]\n',
        encoding="utf-8",
    )
    discovered = run_cli("check", "--format", "json", input="zqxinfo zqxwarn")
    assert discovered.returncode == 0
    assert [(w["code"], w["severity"]) for w in out_json(discovered)["warnings"]] == [
        ("ZZTP102", "info"),
        ("ZZTP101", "warning"),
    ]
    given = run_cli("check", "--format", "json", "--config", "conf/strict.toml", input="zqxinfo zqxwarn")
    assert given.returncode == 1
    assert [(w["code"], w["severity"]) for w in out_json(given)["warnings"]] == [
        ("ZZTP102", "error"),
        ("ZZTP101", "warning"),
    ]
    on_post = run_cli("check", "--format", "json", "--config", "conf/strict.toml", "--channel", "post", input="zqxinfo")
    assert (on_post.returncode, codes(out_json(on_post))) == (0, [])


def test_context_options(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "original.txt").write_text(f"the message being answered {SECRET}", encoding="utf-8")
    result = run_cli(
        "check", "--format", "json", *MARK, "--channel", "post", "--first-contact", "--reply-to", "original.txt"
    )
    assert result.returncode == 0
    assert out_json(result)["context"] == {
        "channel": "post",
        "first_contact": True,
        "audience": "public",
        "has_reply_to": True,
    }
    assert SECRET not in result.stdout.decode("utf-8")
    invitation = run_cli("check", "--format", "json", *MARK, "--channel", "connection_request", "--no-first-contact")
    assert out_json(invitation)["context"]["first_contact"] is False


# -- awkward input --------------------------------------------------------------------------


def test_bom_is_dropped_and_offsets_count_from_the_text(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfHi zqxwarn")
    for source, data in (("bom.txt", b""), ("-", b"\xef\xbb\xbfHi zqxwarn")):
        result = run_cli("check", "--format", "json", *MARK, source, input=data)
        assert result.returncode == 1
        (warning,) = out_json(result)["warnings"]
        assert (warning["start"], warning["end"], warning["excerpt"]) == (3, 10, "zqxwarn")
    text = run_cli("check", *MARK, "bom.txt").stdout.decode("utf-8")
    assert text.startswith("bom.txt:1:4: ZZTP101")
    assert "\ufeff" not in text


CONTROL = b"a\x00b\x07c zqxwarn \x1b[2J\x1b]0;title\x07\x7f\x08 end"


def test_nul_and_control_characters_are_text(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("check", "--format", "json", *MARK, input=CONTROL)
    assert result.returncode == 1
    report = out_json(result)
    (warning,) = report["warnings"]
    assert (warning["start"], warning["end"]) == (6, 13)
    (tmp_path / "control.txt").write_bytes(CONTROL)
    text = run_cli("check", "--color", "never", *MARK, "control.txt")
    assert text.returncode == 1
    shown = text.stdout.decode("utf-8")
    assert "ZZTP101" in shown
    for raw in ("\x00", "\x07", "\x1b", "\x7f", "\x08"):
        assert raw not in shown
    assert "a\ufffdb\ufffdc zqxwarn" in shown
    for fmt in ("jsonl", "sarif"):
        other = run_cli("check", "--format", fmt, *MARK, "control.txt")
        assert other.returncode == 1
        assert b"\x00" not in other.stdout
        assert b"\x1b" not in other.stdout


def test_reader_going_away_is_not_an_error(tmp_path: Path) -> None:
    lines = [json.dumps({"id": n, "text": "zqxwarn " * 40}) for n in range(1500)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "netiquette", "check", "--jsonl", "many.jsonl", "--format", "jsonl", *MARK],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(),
        cwd=tmp_path,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(200)
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert first.startswith(b'{"version": "%s", "id": 0,' % SCHEMA_VERSION.encode())
    assert "Traceback" not in stderr
    assert "Exception ignored" not in stderr


def test_version(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").startswith("netiquette ")
