"""Very large drafts complete, through the API and the CLI, with offsets valid against the text given.

spaCy's tokenizer is quadratic on long runs without whitespace (thousands of
brackets, a pasted blob); ``netiquette.pipeline.RunSplittingTokenizer`` cuts
such runs into pieces. The time against length is measured by
``benchmarks/run.py``; these tests only make sure nothing stalls or breaks.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import cli_env
from netiquette import Linter
from netiquette.models import Report
from netiquette.pipeline import LONG_RUN, RunSplittingTokenizer, build_pipeline

PARAGRAPH = (
    "Hi Sam, thanks for the talk yesterday; your point about onboarding stuck with me. "
    "Book a call with me today, only 2 spots left! Details at https://example.com/offer?ref=abc now. "
    '"You never listen," he wrote, and I said that is not what I meant.\n> an older quoted line\n\n'
)


def mixed_prose(chars: int) -> str:
    return (PARAGRAPH * (chars // len(PARAGRAPH) + 1))[:chars]


def assert_offsets_valid(report: Report, text: str) -> None:
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.excerpt


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(entry_points=False)


@pytest.mark.parametrize(
    "text",
    [
        "(" * 3000 + " end.",
        "hello " + "x" * 5000 + "  \n bye",
        "a" * LONG_RUN,
        " " + "http://" * 400 + " ",
        ("word " * 30 + "z" * 1500 + "\n") * 5,
        "é\u0301" * 2000 + " 👩\u200d👩\u200d👧 " + "א" * 3000,
    ],
    ids=["brackets", "blob", "at-threshold", "urls", "repeated", "marks-emoji-rtl"],
)
def test_long_runs_keep_the_text_exactly(text: str) -> None:
    nlp, _ = build_pipeline(None)
    assert isinstance(nlp.tokenizer, RunSplittingTokenizer)
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(text[token.idx : token.idx + len(token)] == token.text for token in doc)


def test_short_runs_tokenise_as_spacy_does() -> None:
    nlp, _ = build_pipeline(None)
    text = "Hi there,  friend! " + "q" * (LONG_RUN - 1) + "  next: https://example.com/a?b=c."
    ours = nlp.make_doc(text)
    spacys = nlp.tokenizer.tokenizer(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in spacys]


def test_a_200_kb_run_without_spaces_completes_through_the_api(linter: Linter) -> None:
    for text in ("(" * 200_000, "http://" * 30_000):
        start = time.perf_counter()
        report = linter.check(text)
        # Unsplit, the brackets alone took minutes; split, about a second.
        assert time.perf_counter() - start < 60
        assert_offsets_valid(report, text)
        assert not report.errors


def test_a_3_mb_draft_completes_through_the_api(linter: Linter) -> None:
    text = mixed_prose(3_000_000)
    report = linter.check(text)
    assert report.findings
    assert_offsets_valid(report, text)
    assert not report.errors


def test_large_drafts_complete_through_the_cli(tmp_path: Path) -> None:
    for text in ("(" * 200_000, mixed_prose(3_000_000)):
        # Not the run_cli fixture: its two-minute limit is too tight for 3 MB on a busy machine.
        result = subprocess.run(
            [sys.executable, "-m", "netiquette", "check", "--format", "json", "--exit-zero", "-"],
            input=text.encode("utf-8"),
            capture_output=True,
            env=cli_env(),
            cwd=tmp_path,
            timeout=600,
            check=False,
        )
        stderr = result.stderr.decode("utf-8", "replace")
        assert result.returncode == 0, stderr
        assert "Traceback" not in stderr
        report = json.loads(result.stdout.decode("utf-8"))
        assert not report["errors"]
        for warning in report["warnings"]:
            assert text[warning["start"] : warning["end"]] == warning["excerpt"]


def test_tokenizer_settings_reach_spacys_tokenizer() -> None:
    # A plugin's netiquette_pipeline hook sets them on nlp.tokenizer, which is the wrapper.
    from spacy.util import compile_infix_regex

    nlp, _ = build_pipeline(None)
    wrapper = nlp.tokenizer
    assert [t.text for t in nlp.make_doc("alpha|beta")] == ["alpha|beta"]
    wrapper.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"\|"]).finditer
    assert "infix_finditer" not in vars(wrapper)
    assert [t.text for t in nlp.make_doc("alpha|beta")] == ["alpha", "|", "beta"]
    # Still the wrapper: a long run is cut, and cut pieces use the new rule too.
    assert nlp.tokenizer is wrapper
    assert [t.text for t in nlp.make_doc("a|b " + "x" * LONG_RUN)][:3] == ["a", "|", "b"]
