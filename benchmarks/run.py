"""Benchmarks for netiquette, as ratios against spaCy's own floor (issue 7).

Run from the repository root::

    .venv/bin/python benchmarks/run.py            # full run, ~10 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --small    # every measurement on tiny sizes (CI)
    .venv/bin/python benchmarks/run.py --json     # the figures as JSON on stdout

Every measurement runs on drafts built from ``tests/corpus/dev.jsonl`` (never
the held-out files): the batch corpus cycles through its texts, each cycle
with a different short sign-off so that no two drafts are the same string.
The runner measures whatever checks ``Linter()`` has installed, prints a
table with each goal beside its figure and MET or MISSED, and asserts
nothing about timing: ``--small`` only proves that every measurement runs.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from netiquette import Linter

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT / "tests" / "corpus" / "dev.jsonl"

# A 60-word direct message, written for this benchmark: a cold pitch with a
# scarcity claim and a link, so that several checks have something to find.
DM_60_WORDS = (
    "Hi Jordan, I saw your talk on onboarding at the product meetup last week and loved the part about "
    "first-day checklists. I run a small studio that builds onboarding flows for SaaS teams. We have only "
    "two slots left this quarter, so book a call with me today at https://bit.ly/3xYz to grab one. "
    "Would Thursday or Friday work for you?"
)
SIGN_OFFS = ("", " Thanks!", " Cheers.", " Best, A.", " Talk soon.", " Regards.", " :)", " Thanks again.")


@dataclass
class Figure:
    """One measured figure with its goal."""

    name: str
    value: float | None
    unit: str
    goal: str
    met: bool | None
    note: str = ""


def dev_texts() -> list[str]:
    """The texts of the development corpus, in file order."""
    lines = DEV_CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def corpus(size: int) -> list[str]:
    """``size`` drafts cycling through the dev texts, each cycle with its own sign-off."""
    texts = dev_texts()
    drafts = []
    for i in range(size):
        cycle, index = divmod(i, len(texts))
        drafts.append(texts[index] + SIGN_OFFS[cycle % len(SIGN_OFFS)] + (f" ({cycle})" if cycle >= 8 else ""))
    return drafts


def long_draft(chars: int) -> str:
    """A draft of exactly ``chars`` characters: dev texts as paragraphs, repeated."""
    texts = dev_texts()
    parts: list[str] = []
    total = 0
    i = 0
    while total < chars:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:chars]


def timed(func: Callable[[], object]) -> float:
    """Wall-clock seconds that ``func()`` took."""
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def consume(items: Iterable[object]) -> None:
    """Exhaust an iterator."""
    for _ in items:
        pass


_LINTERS: list[Any] = []


def warm_linter() -> Any:
    """One ``Linter()`` shared by the in-process measurements, built and warmed once."""
    if not _LINTERS:
        from netiquette import Linter

        linter = Linter()
        consume(linter.check_many(corpus(50)))  # lazy tables and first-use imports
        _LINTERS.append(linter)
    return _LINTERS[0]


# -- measurements ---------------------------------------------------------------


def base_pipes() -> tuple[str, ...]:
    """The components of netiquette's default pipeline before any check adds its own.

    What every draft costs whatever the checks do (see ``netiquette.pipeline.build_pipeline``).
    """
    from netiquette.lemmatizer import FACTORY

    return ("sentencizer", FACTORY)


def base_pipeline(linter: Linter) -> Any:
    """A context in which ``linter.nlp`` runs only its tokenizer and ``base_pipes()``."""
    return linter.nlp.select_pipes(enable=[name for name in base_pipes() if name in linter.nlp.pipe_names])


def batch_child(size: int) -> dict[str, Any]:
    """In a fresh process: tokenizer and base-pipeline floors, ``check_many`` time and peak RSS on ``size`` drafts."""
    from netiquette import Linter

    drafts = corpus(size)
    linter = Linter()
    tokenizer = linter.nlp.tokenizer
    # The floor is spaCy's own tokenizer, not netiquette's wrapper around it.
    spacy_tokenizer: Any = getattr(tokenizer, "tokenizer", tokenizer)  # spaCy's Cython Tokenizer has no stubs
    consume(linter.check_many(drafts[:50]))  # warm: lazy tables, first-use imports
    tokenize = timed(lambda: consume(spacy_tokenizer.pipe(drafts)))
    with base_pipeline(linter):
        pipeline = timed(lambda: consume(linter.nlp.pipe(drafts)))
    check = timed(lambda: consume(linter.check_many(drafts)))
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    return {
        "drafts": size, "tokenize_s": tokenize, "pipeline_s": pipeline, "check_s": check,
        "peak_rss_bytes": peak, "checks": linter.checks,
    }  # fmt: skip


def run_batch(size: int) -> dict[str, Any]:
    """Run ``batch_child`` in a subprocess, so that its peak RSS is the batch run's alone."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--batch-child", str(size)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def latency(repeats: int) -> tuple[float, float, float]:
    """Warm single-draft latency on the 60-word DM, in milliseconds.

    p50 and p99 of ``Linter.check``, and p50 of the base pipeline alone
    (tokenizer, sentencizer, lemmatizer) on the same text: what the checks
    cannot go below. The two alternate, so that both meet the same load.
    """
    linter = warm_linter()
    nlp = linter.nlp
    for _ in range(20):
        linter.check(DM_60_WORDS, channel="dm")
    samples, floor = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        linter.check(DM_60_WORDS, channel="dm")
        samples.append((time.perf_counter() - start) * 1000)
        with base_pipeline(linter):
            start = time.perf_counter()
            nlp(DM_60_WORDS)
            floor.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p99 = samples[min(len(samples) - 1, math.ceil(0.99 * len(samples)) - 1)]
    return statistics.median(samples), p99, statistics.median(floor)


class ColdStart(NamedTuple):
    """Median seconds of one-draft ``netiquette check`` runs and of ``import spacy``, each a new process."""

    wall: dict[str, float]
    cpu: dict[str, float]


def cold_start(repeats: int) -> ColdStart:
    """Time ``netiquette check`` on one draft, with its matcher cache and with ``--no-cache``, and ``import spacy``.

    Keys: "check" (the cache written by an untimed first run, as for every
    run of the CLI after its first), "no-cache" and "import". Wall time and
    the processes' CPU time (user + system) are medians. The commands
    alternate, so that all meet the same load from the machine's other tenants.
    """
    script = Path(sys.executable).with_name("netiquette")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "netiquette"]
    # pip compiles a wheel's modules when it installs them, and Python keeps
    # what it compiles on first import, unless PYTHONDONTWRITEBYTECODE is set
    # (it is on the machine these figures come from). Compiled once here, so
    # that every run measures a start-up, not netiquette's source being
    # compiled again; spaCy's modules were compiled when pip installed them.
    import compileall

    import netiquette

    compileall.compile_dir(str(Path(netiquette.__file__).parent), quiet=1)

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    with tempfile.TemporaryDirectory(prefix="netiquette-bench-cache-") as cache:
        env = {**os.environ, "NETIQUETTE_CACHE_DIR": cache}

        def check(*options: str) -> None:
            result = subprocess.run(
                [*command, "check", "--exit-zero", *options, "-"],
                input=DM_60_WORDS.encode(), capture_output=True, env=env, check=False,
            )  # fmt: skip
            if result.returncode != 0:
                raise RuntimeError(f"netiquette check exited {result.returncode}")

        def import_spacy() -> None:
            subprocess.run([sys.executable, "-c", "import spacy"], check=True)

        check()  # writes the cache
        runs: dict[str, Callable[[], None]] = {
            "check": check, "no-cache": partial(check, "--no-cache"), "import": import_spacy,
        }  # fmt: skip
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        for _ in range(repeats):
            for name, run in runs.items():
                cpu = children_cpu()
                wall = timed(run)
                samples[name].append((wall, children_cpu() - cpu))
    return ColdStart(
        {name: statistics.median(wall for wall, _ in rows) for name, rows in samples.items()},
        {name: statistics.median(cpu for _, cpu in rows) for name, rows in samples.items()},
    )


def scaling(sizes: list[int], budget: int) -> list[tuple[int, float]]:
    """Seconds of ``Linter.check`` on one draft of each size (characters).

    Each size is repeated until about ``budget`` characters were checked, at most 20 times.
    """
    linter = warm_linter()
    points = []
    for size in sizes:
        text = long_draft(size)
        repeats = max(1, min(20, budget // size))
        points.append((size, timed(partial(_check_repeatedly, linter, text, repeats)) / repeats))
    return points


def _check_repeatedly(linter: Linter, text: str, times: int) -> None:
    for _ in range(times):
        linter.check(text)


def slope(points: list[tuple[int, float]]) -> float:
    """The exponent b of time = a * size**b, fitted by least squares on log-log (1.0 is linear)."""
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum((x - mean_x) ** 2 for x in xs)


def processes(size: int) -> tuple[float, float]:
    """Seconds of ``check_many`` on ``size`` drafts with ``n_process=1`` and with ``n_process=2``."""
    drafts = corpus(size)
    linter = warm_linter()
    one = timed(lambda: consume(linter.check_many(drafts, n_process=1)))
    two = timed(lambda: consume(linter.check_many(drafts, n_process=2)))
    return one, two


def proselint_rate(size: int) -> tuple[float, float] | None:
    """Drafts per second of netiquette and of proselint on the same ``size`` drafts; None without proselint."""
    try:
        import proselint.tools as proselint_tools  # type: ignore[import-untyped]  # untyped, optional
    except ImportError:
        return None

    lint_one: Callable[[str], list[object]]
    if hasattr(proselint_tools, "LintFile"):  # proselint 0.16 and later
        # Its checks live in a registry that its command line fills; without this, lint() runs no check at all.
        from proselint.checks import __register__  # type: ignore[import-untyped]
        from proselint.registry import CheckRegistry  # type: ignore[import-untyped]

        CheckRegistry().register_many(__register__)

        def lint_one(text: str) -> list[object]:
            return list(proselint_tools.LintFile("<draft>", text).lint())

    else:

        def lint_one(text: str) -> list[object]:
            return list(proselint_tools.lint(text))  # older releases

    # Proof that proselint's checks run: its best-known rule must fire here.
    if not lint_one("This idea is very unique."):
        raise RuntimeError("proselint found nothing in a sentence its checks flag; its figure would be meaningless")
    drafts = corpus(size)
    linter = warm_linter()
    ours = timed(lambda: consume(linter.check_many(drafts)))
    theirs = timed(lambda: [lint_one(text) for text in drafts])
    return size / ours, size / theirs


# -- the run --------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    import spacy

    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.partition(":")[2].strip()
                break
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return {
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "spacy": spacy.about.__version__,
        "platform": platform.platform(),
        "load_average": load,
    }


def measure(small: bool) -> list[Figure]:
    """Take every measurement; ``small`` runs each on tiny sizes."""
    figures: list[Figure] = []
    base = " + ".join(("tokenizer", *base_pipes()))
    batch = run_batch(200 if small else 20_000)
    ratio = batch["tokenize_s"] / batch["check_s"]
    figures.append(
        Figure(
            "throughput ratio (tokenizer.pipe / check_many)",
            ratio,
            "x",
            ">= 0.5",
            ratio >= 0.5,
            f"{batch['drafts']} drafts: tokenizer {batch['drafts'] / batch['tokenize_s']:,.0f}/s, "
            f"check_many {batch['drafts'] / batch['check_s']:,.0f}/s; checks: {', '.join(batch['checks'])}",
        )
    )
    figures.append(
        Figure(
            "throughput ratio (base pipeline / check_many)",
            batch["pipeline_s"] / batch["check_s"],
            "x",
            "(measured only)",
            None,
            f"nlp.pipe with only {base}: {batch['drafts'] / batch['pipeline_s']:,.0f} drafts/s",
        )
    )
    peak_mb = batch["peak_rss_bytes"] / 1e6
    figures.append(Figure("peak RSS of the batch run", peak_mb, "MB", "<= 200", peak_mb <= 200))

    p50, p99, floor = latency(30 if small else 2000)
    figures.append(Figure("warm latency p50, 60-word DM", p50, "ms", "<= 2", p50 <= 2))
    figures.append(Figure("warm latency p99, 60-word DM", p99, "ms", "(none)", None))
    figures.append(
        Figure(
            "warm latency p50, base pipeline only",
            floor,
            "ms",
            "(measured only)",
            None,
            f"the same DM through nlp with only {base}, alternated with the checks",
        )
    )

    start = cold_start(1 if small else 15)
    wall, cpu = start.wall, start.cpu
    cached = wall["check"] / wall["import"]
    figures.append(
        Figure(
            "CLI cold start / import spacy",
            cached,
            "x",
            "<= 1.3",
            cached <= 1.3,
            f"netiquette check {wall['check']:.2f} s, python -c 'import spacy' {wall['import']:.2f} s; "
            f"CPU time {cpu['check']:.2f} s against {cpu['import']:.2f} s ({cpu['check'] / cpu['import']:.2f}x)",
        )
    )
    figures.append(
        Figure(
            "CLI cold start --no-cache / import spacy",
            wall["no-cache"] / wall["import"],
            "x",
            "(measured only)",
            None,
            f"netiquette check --no-cache {wall['no-cache']:.2f} s (as the first run ever); "
            f"CPU time {cpu['no-cache']:.2f} s ({cpu['no-cache'] / cpu['import']:.2f}x)",
        )
    )

    sizes = [1_000, 2_000, 4_000] if small else [1_000, 4_000, 16_000, 64_000, 256_000, 1_000_000, 3_000_000]
    points = scaling(sizes, 4_000 if small else 200_000)
    # Below 4 KB the fixed cost per draft hides the slope.
    fitted = slope([p for p in points if p[0] >= 4_000] if len(points) > 3 else points)
    figures.append(
        Figure(
            "time vs draft length, fitted exponent",
            fitted,
            "",
            "<= 1.15 (1.0 is linear)",
            fitted <= 1.15,
            "; ".join(f"{size // 1000} KB {seconds * 1000:,.1f} ms" for size, seconds in points),
        )
    )

    one, two = processes(100 if small else 4_000)
    figures.append(
        Figure(
            "n_process=2 speed-up over n_process=1",
            one / two,
            "x",
            "(measured only)",
            None,
            f"n_process=1 {one:.2f} s, n_process=2 {two:.2f} s",
        )
    )

    rates = proselint_rate(50 if small else 2_000)
    if rates is None:
        figures.append(Figure("drafts/s vs proselint", None, "x", "(measured only)", None, "proselint not installed"))
    else:
        ours, theirs = rates
        figures.append(
            Figure(
                "drafts/s, netiquette / proselint",
                ours / theirs,
                "x",
                "(measured only)",
                None,
                f"netiquette {ours:,.0f}/s, proselint {theirs:,.0f}/s",
            )
        )
    return figures


def print_table(figures: list[Figure], info: dict[str, str], small: bool) -> None:
    """The figures as a fixed-width table, then the notes."""
    print(f"netiquette benchmarks ({'small' if small else 'full'} mode)")
    print("machine: " + ", ".join(f"{key} {value}" for key, value in info.items()))
    print()
    print(f"{'measure':<48} {'value':>10} {'goal':<24} result")
    for figure in figures:
        value = "n/a" if figure.value is None else f"{figure.value:,.2f} {figure.unit}".strip()
        result = {True: "MET", False: "MISSED", None: "-"}[figure.met]
        print(f"{figure.name:<48} {value:>10} {figure.goal:<24} {result}")
    print()
    for figure in figures:
        if figure.note:
            print(f"- {figure.name}: {figure.note}")
    if small:
        print("\nsmall mode: sizes are tiny, so the figures say nothing about speed.")


def main(argv: list[str] | None = None) -> int:
    """Parse the options and run the benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--small", action="store_true", help="run every measurement on tiny sizes (for CI)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--batch-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.batch_child is not None:
        print(json.dumps(batch_child(args.batch_child)))
        return 0
    info = machine()
    figures = measure(args.small)
    if args.json:
        print(
            json.dumps(
                {"mode": "small" if args.small else "full", "machine": info, "figures": [asdict(f) for f in figures]},
                indent=2,
            )
        )
    else:
        print_table(figures, info, args.small)
    return 0


if __name__ == "__main__":
    sys.exit(main())
