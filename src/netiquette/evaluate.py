"""Measure the built-in checks: ``python -m netiquette.evaluate``.

Prints per-check precision, recall and F1 and the clean-draft false-alarm
rate on the project's labeled corpus, and, when the third-party data in
``../shared/data/`` is present, how many SMS spam messages are caught, how
many SMS ham and polite requests are flagged, and how many of the rudest
requests ``defensiveness`` flags.

The corpus comes in two pairs of halves, each a tuning half and a held-apart
test half written before the rules: ``dev.jsonl``/``test.jsonl`` for the five
original checks and ``behaviour-dev.jsonl``/``behaviour-test.jsonl`` for the
checks of conversational behaviour. Each check is scored on its own pair; the
clean drafts of every file count against the whole linter.

A draft counts as flagged by a check when that check reports a finding of
severity warning or higher in the draft's context; info findings are hints.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from netiquette.context import Context
from netiquette.linter import Linter
from netiquette.models import Draft, Report, Severity

BUILTIN_CHECKS = ("hard-sell", "canned-opener", "defensiveness", "oversharing", "spam-links")
BEHAVIOUR_CHECKS = ("self-focus", "no-question", "hostility", "shouting", "length", "hashtag-stuffing", "quote-spam")
#: Each corpus file and the checks scored on it.
CORPORA: dict[str, tuple[str, ...]] = {
    "dev.jsonl": BUILTIN_CHECKS,
    "test.jsonl": BUILTIN_CHECKS,
    "behaviour-dev.jsonl": BEHAVIOUR_CHECKS,
    "behaviour-test.jsonl": BEHAVIOUR_CHECKS,
}
SELLING_CHECKS = frozenset({"hard-sell", "spam-links"})
# The politeness corpus's own thresholds: the top quarter of normalised
# scores is polite; the rudest tenth is taken by rank.
POLITE_ABOVE = 0.421


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one check on one corpus."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        """Share of flagged drafts that carry the label (1.0 when nothing is flagged)."""
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        """Share of labeled drafts that are flagged (1.0 when nothing is labeled)."""
        labeled = self.true_positives + self.false_negatives
        return self.true_positives / labeled if labeled else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class CorpusResult:
    """Per-check scores and the clean-draft false-alarm rate of one corpus file."""

    name: str
    drafts: int
    scores: dict[str, Scores]
    clean: int
    clean_flagged: int
    misses: list[str] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the checks."""
        return sum(s.f1 for s in self.scores.values()) / len(self.scores)

    @property
    def clean_false_alarm_rate(self) -> float:
        """Share of clean everyday drafts flagged by any check."""
        return self.clean_flagged / self.clean if self.clean else 0.0


def flagged_checks(report: Report) -> set[str]:
    """The checks with a finding at warning or above."""
    return {f.check for f in report.findings if f.severity >= Severity.WARNING}


def _drafts(rows: Sequence[dict[str, object]]) -> Iterable[Draft]:
    for number, row in enumerate(rows):
        context = Context(
            str(row["channel"]),
            bool(row.get("first_contact", False)),
            row.get("reply_to") if isinstance(row.get("reply_to"), str) else None,  # type: ignore[arg-type]
        )
        yield Draft(str(row["text"]), context, number)


def evaluate_corpus(linter: Linter, path: Path, checks: Sequence[str] = BUILTIN_CHECKS) -> CorpusResult:
    """Score ``checks`` on one JSON Lines corpus file."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {check: [0, 0, 0] for check in checks}
    clean = clean_flagged = 0
    for report, row in zip(linter.check_many(_drafts(rows)), rows, strict=True):
        flagged = flagged_checks(report)
        labels = set(row["labels"])
        for check in checks:
            if check in flagged and check in labels:
                counts[check][0] += 1
            elif check in flagged:
                counts[check][1] += 1
            elif check in labels:
                counts[check][2] += 1
        if row.get("kind") == "clean":
            clean += 1
            clean_flagged += bool(flagged)
    scores = {check: Scores(*c) for check, c in counts.items()}
    return CorpusResult(path.name, len(rows), scores, clean, clean_flagged)


@dataclass(frozen=True)
class SharedResult:
    """Figures on the third-party data."""

    spam: int
    spam_caught: int
    ham: int
    ham_flagged: int
    polite: int
    polite_flagged: int
    rude: int
    rude_defensive: int


def evaluate_shared(linter: Linter, data: Path) -> SharedResult:
    """Measure on the SMS spam and politeness corpora in ``data``."""
    sms = []
    with (data / "sms-spam-dev.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            label, _, text = line.rstrip("\n").partition("\t")
            sms.append((label, text))
    # SMS is private chat between people who know each other, as far as the
    # linter can tell: a DM that is not a first contact.
    sms_context = Context("dm", first_contact=False)
    spam = spam_caught = ham = ham_flagged = 0
    drafts = (Draft(text, sms_context) for _, text in sms)
    for (label, _), report in zip(sms, linter.check_many(drafts), strict=True):
        flagged = flagged_checks(report)
        if label == "spam":
            spam += 1
            spam_caught += bool(flagged & SELLING_CHECKS)
        else:
            ham += 1
            ham_flagged += bool(flagged)

    with (data / "politeness-stackexchange.csv").open(encoding="utf-8", newline="") as handle:
        requests = sorted(csv.DictReader(handle), key=lambda r: float(r["Normalized Score"]))
    # Requests under someone else's question: public comments, not first contact.
    comment = Context("comment", first_contact=False)
    polite = [r["Request"] for r in requests if float(r["Normalized Score"]) > POLITE_ABOVE]
    rude = [r["Request"] for r in requests[: len(requests) // 10]]
    polite_flagged = sum(bool(flagged_checks(r)) for r in linter.check_many(Draft(t, comment) for t in polite))
    rude_defensive = sum(
        "defensiveness" in flagged_checks(r) for r in linter.check_many(Draft(t, comment) for t in rude)
    )
    return SharedResult(spam, spam_caught, ham, ham_flagged, len(polite), polite_flagged, len(rude), rude_defensive)


def _print_corpus(result: CorpusResult) -> None:
    print(f"\n{result.name}: {result.drafts} drafts")
    print(f"  {'check':<16} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn")
    for check, s in result.scores.items():
        print(
            f"  {check:<16} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f}  "
            f"{s.true_positives:>3} {s.false_positives:>3} {s.false_negatives:>3}"
        )
    print(f"  macro-F1 {result.macro_f1:.3f}")
    print(f"  clean drafts flagged: {result.clean_flagged}/{result.clean} ({result.clean_false_alarm_rate:.1%})")


def _print_shared(result: SharedResult) -> None:
    print("\nshared data (third-party, measured only)")
    print(
        f"  SMS spam caught by hard-sell or spam-links: {result.spam_caught}/{result.spam} "
        f"({result.spam_caught / result.spam:.1%})"
    )
    print(f"  SMS ham flagged by anything: {result.ham_flagged}/{result.ham} ({result.ham_flagged / result.ham:.1%})")
    print(
        f"  politest quarter flagged by anything: {result.polite_flagged}/{result.polite} "
        f"({result.polite_flagged / result.polite:.1%})"
    )
    print(
        f"  rudest tenth flagged by defensiveness: {result.rude_defensive}/{result.rude} "
        f"({result.rude_defensive / result.rude:.1%})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m netiquette.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path("tests/corpus"),
        help="folder with the corpus files (dev.jsonl, test.jsonl, behaviour-*.jsonl)",
    )
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"), help="folder with the third-party data")
    args = parser.parse_args(argv)
    linter = Linter(entry_points=False)
    for name, checks in CORPORA.items():
        path = args.corpus / name
        if path.is_file():
            _print_corpus(evaluate_corpus(linter, path, checks))
        else:
            print(f"\n{path}: not found, skipped")
    if (args.shared / "sms-spam-dev.tsv").is_file():
        _print_shared(evaluate_shared(linter, args.shared))
    else:
        print(f"\n{args.shared}: shared data not found, skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
