"""Message metrics and the send-readiness score: what is counted, what it costs, how the score behaves."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RunCli
from netiquette import metrics
from netiquette.context import Context
from netiquette.formatters import FormatOptions, TextFormatter, metrics_line
from netiquette.linter import Linter
from netiquette.metrics import Metrics
from netiquette.models import Finding, Report, Severity, Summary

KEYS = [
    "words", "sentences", "characters", "questions", "reading_grade", "reading_ease", "reading_seconds",
    "first_person", "second_person", "links", "hashtags", "mentions", "emoji",
]  # fmt: skip


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(entry_points=False)


def measure(linter: Linter, text: str) -> Metrics:
    return metrics.compute(linter.nlp(text))


# -- counting ---------------------------------------------------------------------


def test_counts_words_sentences_and_questions(linter: Linter) -> None:
    m = measure(linter, "Hi Maria, loved your talk on caching. How did you pick the eviction policy?? Thanks!")
    assert (m.words, m.sentences, m.questions, m.characters) == (15, 3, 1, 84)


def test_a_full_width_question_mark_asks_too(linter: Linter) -> None:
    assert measure(linter, "お元気ですか？ 来週はどうですか？").questions == 2


def test_a_contraction_or_a_hyphenated_word_is_one_word(linter: Linter) -> None:
    assert measure(linter, "I didn't send the e-mail.").words == 5


def test_links_tags_mentions_and_emoji(linter: Linter) -> None:
    text = (
        "Thanks @anna_k! 🎉👍🏽 👨‍👩‍👧 🇩🇪 #hiring #DataEng, "
        "see https://example.com/a?b=1 or mail a@b.com. C# issue #42 #1"
    )
    m = measure(linter, text)
    assert (m.links, m.hashtags, m.mentions, m.emoji) == (1, 2, 1, 4)
    assert m.questions == 0  # the "?" in a link asks nothing


def test_readability_equals_textstat_on_plain_prose(linter: Linter) -> None:
    text = (
        "The quick brown fox jumps over the lazy dog. Networking is about listening first. "
        "Ask questions before you pitch anything to anyone."
    )
    m = measure(linter, text)
    assert m.reading_grade == round(textstat.flesch_kincaid_grade(text), 1)
    assert m.reading_ease == round(textstat.flesch_reading_ease(text), 1)


def test_long_words_in_long_sentences_grade_higher(linter: Linter) -> None:
    plain = measure(linter, "Can we talk on Monday? I have a question about your plan.")
    dense = measure(
        linter,
        "I wanted to reach out regarding potential opportunities for strategic collaboration leveraging our "
        "organization's complementary capabilities in enterprise infrastructure optimization.",
    )
    assert plain.reading_grade is not None and dense.reading_grade is not None
    assert dense.reading_grade > plain.reading_grade + 10
    assert dense.reading_ease is not None and plain.reading_ease is not None
    assert dense.reading_ease < plain.reading_ease


@pytest.mark.parametrize("text", ["", "   \n ", "🎉🎉🎉", "!!! ???", "https://example.com"])
def test_drafts_without_prose_words_have_no_reading_figures(linter: Linter, text: str) -> None:
    m = measure(linter, text)
    assert m.reading_grade is None
    assert m.reading_ease is None
    assert m.first_person == m.second_person == 0.0 or m.words > 0


def test_pronoun_shares_count_i_and_you_not_we(linter: Linter) -> None:
    m = measure(linter, "I think you and your team should meet my team. We met in the US.")
    assert m.words == 15
    assert m.first_person == round(2 / 15, 3)  # I, my; not "We" or "US"
    assert m.second_person == round(2 / 15, 3)  # you, your


def test_reading_time_uses_238_words_per_minute(linter: Linter) -> None:
    m = measure(linter, " ".join(["word"] * 238) + ".")
    assert metrics.WORDS_PER_MINUTE == 238
    assert m.reading_seconds == 60


def test_sentence_stats_give_offsets_and_words(linter: Linter) -> None:
    text = "Short one. This second sentence has rather more words in it."
    m = measure(linter, text)
    first, second = m.sentence_stats
    assert text[first.start : first.end] == "Short one."
    assert text[second.start : second.end] == "This second sentence has rather more words in it."
    assert (first.words, second.words) == (2, 9)
    assert second.grade is not None and first.grade is not None and second.grade > first.grade


def test_metrics_are_a_frozen_slotted_value_with_stable_keys(linter: Linter) -> None:
    m = measure(linter, "Hello there, how are you?")
    assert list(m.to_dict()) == KEYS
    assert not hasattr(m, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.words = 3  # type: ignore[misc]
    assert json.loads(json.dumps(m.to_dict())) == m.to_dict()


def test_not_english_drafts_get_counts_but_no_reading_figures(linter: Linter) -> None:
    report = linter.check("Привет, Мария! Мне очень понравился твой доклад о базах данных в Москве.")
    assert report.notes  # not English
    assert report.metrics is not None
    assert report.metrics.words > 0
    assert report.metrics.reading_grade is None


# -- on reports -------------------------------------------------------------------


def test_every_linter_report_carries_metrics(linter: Linter) -> None:
    text = "Hi Maria, loved your talk on caching at PyCon. How did you pick the eviction policy?"
    report = linter.check(text)
    assert report.metrics == measure(linter, text)
    data = report.to_dict()
    assert data["metrics"] == report.metrics.to_dict()
    assert data["readiness"] == report.readiness
    batch = list(linter.check_many([text, "BUY NOW!!!"]))
    assert batch[0].metrics == report.metrics
    assert batch[1].metrics is not None and batch[1].metrics.words == 2


def test_checks_reuse_the_metrics_and_the_doc_is_left_clean(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = metrics.compute

    def counting(doc: object, **kw: bool) -> Metrics:
        calls.append(1)
        return real(doc, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(metrics, "compute", counting)
    doc = linter.nlp("A draft long enough to be measured once and only once, please.")
    linter._report(doc, Context("email"), None)
    assert len(calls) == 1  # the length check read the same figures through metrics.of
    assert "netiquette.metrics" not in doc.user_data


def test_a_report_built_by_hand_still_works_without_metrics() -> None:
    report = Report((), Context())
    assert report.metrics is None
    assert report.readiness == 100
    assert report.to_dict()["metrics"] is None


# -- readiness --------------------------------------------------------------------


def _finding(severity: Severity, n: int) -> Finding:
    return Finding("x-check", f"XX{100 + n}", severity, "m", n, n, "")


def test_a_clean_short_friendly_draft_is_ready(linter: Linter) -> None:
    for channel in ("dm", "email", "comment", "connection_request"):
        report = linter.check(
            "Hi Maria, I loved your talk on caching at PyCon. How did you pick the eviction policy?", channel=channel
        )
        assert report.findings == ()
        assert report.readiness >= 90


def test_findings_dominate_the_score(linter: Linter) -> None:
    clean = Report((), Context())
    warned = Report((_finding(Severity.WARNING, 1),), Context())
    failed = Report((_finding(Severity.ERROR, 1),), Context())
    hinted = Report((_finding(Severity.INFO, 1),), Context())
    assert clean.readiness == 100
    assert (hinted.readiness, warned.readiness, failed.readiness) == (97, 85, 70)
    assert Report(tuple(_finding(Severity.ERROR, n) for n in range(5)), Context()).readiness == 0


def test_hard_reading_and_an_i_heavy_message_cost_a_little(linter: Linter) -> None:
    base = Metrics(40, 2, 200, 1, 8.0, 70.0, 10, 0.05, 0.05, 0, 0, 0, 0)
    summary = Summary()
    assert metrics.readiness(summary, base, Context("dm")) == 100
    hard = dataclasses.replace(base, reading_grade=16.0)
    assert metrics.readiness(summary, hard, Context("dm")) == 92
    selfish = dataclasses.replace(base, first_person=0.2, second_person=0.0)
    assert metrics.readiness(summary, selfish, Context("dm")) == 95
    assert metrics.readiness(summary, selfish, Context("post")) == 100  # your own post may be about you
    short = dataclasses.replace(selfish, words=10)
    assert metrics.readiness(summary, short, Context("dm")) == 100


_metrics_strategy = st.builds(
    Metrics,
    words=st.integers(0, 2000),
    sentences=st.integers(0, 100),
    characters=st.integers(0, 20000),
    questions=st.integers(0, 10),
    reading_grade=st.none() | st.floats(-5, 60, allow_nan=False),
    reading_ease=st.none() | st.floats(-200, 130, allow_nan=False),
    reading_seconds=st.integers(0, 600),
    first_person=st.floats(0, 1),
    second_person=st.floats(0, 1),
    links=st.integers(0, 5),
    hashtags=st.integers(0, 5),
    mentions=st.integers(0, 5),
    emoji=st.integers(0, 5),
)


@settings(max_examples=300, deadline=None)
@given(
    severities=st.lists(st.sampled_from(list(Severity)), max_size=8),
    drop=st.integers(0, 7),
    measured=st.none() | _metrics_strategy,
    channel=st.sampled_from(["dm", "post", "email", "comment"]),
)
def test_readiness_is_bounded_deterministic_and_monotone(
    severities: list[Severity], drop: int, measured: Metrics | None, channel: str
) -> None:
    findings = tuple(_finding(s, n) for n, s in enumerate(severities))
    report = Report(findings, Context(channel), metrics=measured)
    score = report.readiness
    assert 0 <= score <= 100
    assert score == Report(findings, Context(channel), metrics=measured).readiness
    if findings:
        fewer = findings[: drop % len(findings)] + findings[drop % len(findings) + 1 :]
        assert Report(fewer, Context(channel), metrics=measured).readiness >= score
        softer = tuple(dataclasses.replace(f, severity=Severity.INFO) for f in findings)
        assert Report(softer, Context(channel), metrics=measured).readiness >= score


# -- text output --------------------------------------------------------------------


def test_the_text_output_has_one_metrics_line_per_draft(linter: Linter) -> None:
    text = "Hi Maria, loved your talk on caching at PyCon. How did you pick the eviction policy?"
    report = linter.check(text, id="note.txt")
    out = io.StringIO()
    TextFormatter().write([(report, text)], out, FormatOptions())
    lines = out.getvalue().splitlines()
    assert lines[0] == f"note.txt: {metrics_line(report)}"
    assert metrics_line(report) == (
        "16 words · 2 sentences · 1 question · grade 5.2 · ~4 s read · you 12% / I 0% · readiness 100/100"
    )
    hidden = io.StringIO()
    TextFormatter().write([(report, text)], hidden, FormatOptions(metrics=False))
    assert hidden.getvalue() == "No findings in 1 draft.\n"


def test_the_metrics_line_leaves_out_a_grade_it_cannot_give(linter: Linter) -> None:
    report = linter.check("🎉🎉", channel="comment")
    assert "grade" not in metrics_line(report)
    assert metrics_line(report).endswith("readiness 100/100")


def test_cli_no_metrics_flag(run_cli: RunCli) -> None:
    draft = "Hi Maria, loved your talk on caching at PyCon. How did you pick the eviction policy?"
    shown = run_cli("check", "-", input=draft)
    hidden = run_cli("check", "--no-metrics", "-", input=draft)
    assert shown.returncode == hidden.returncode == 0
    assert shown.stdout.decode().splitlines()[0].startswith("<stdin>: 16 words · 2 sentences")
    assert hidden.stdout.decode() == "No findings in 1 draft.\n"
