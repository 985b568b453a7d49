"""The Linter: one plugin manager, one config and one spaCy pipeline, built once and reused.

Building a Linter is the slow part (plugins, pipeline, lexicons); checking a
draft is cheap. Each check runs in isolation: one that raises or returns a
malformed hit loses its findings for that draft and is reported in
``Report.errors``, and the other checks' findings still come back.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
import sys
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netiquette import doccache, matcher_cache
from netiquette import metrics as _metrics
from netiquette.config import Config
from netiquette.context import Context
from netiquette.language import looks_foreign
from netiquette.models import CheckError, Draft, Finding, Report, Severity
from netiquette.pipeline import MAX_CHARS, build_pipeline
from netiquette.plugins import BUILTIN_NAME, PluginError, PluginHost, RegisteredCheck
from netiquette.rules import Hit, Rule

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from spacy.tokens import Doc

FINDINGS_HOOK = "netiquette_findings"
#: The note on a report whose draft the English-only built-in checks skipped.
NOT_ENGLISH = "not-english: this draft does not look English, so netiquette's English-only checks did not judge it"


class DraftTooLarge(ValueError):
    """The draft is longer than ``netiquette.pipeline.MAX_CHARS`` characters."""


class _MalformedResult(Exception):
    """A check or hook returned something that breaks the contract."""


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule together with the check and plugin it belongs to."""

    rule: Rule
    check: str
    plugin: str


def validate_text(text: object) -> str:
    """Return ``text`` if it is a draft netiquette can check.

    Raises:
        TypeError: ``text`` is not a ``str``.
        DraftTooLarge: ``text`` is longer than ``MAX_CHARS``.
    """
    if not isinstance(text, str):
        hint = "; decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"expected the draft as str, got {type(text).__name__}{hint}")
    if len(text) > MAX_CHARS:
        raise DraftTooLarge(f"draft is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    return text


class Linter:
    """Checks drafts against every enabled check.

    Args:
        config: a ``Config``, a mapping shaped like ``[tool.netiquette]``, or
            None for the defaults. The Linter does not look for config files;
            use ``Config.discover()`` for that.
        plugins: extra plugin objects or module names to register.
        builtins: register netiquette's own checks and formats.
        entry_points: load installed plugins; None means "unless
            ``NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD`` is set".
        blocked: plugin names not to register.
        cache_dir: a folder where built lexicon matchers are kept for the
            next Linter, even in another process (see
            ``netiquette.matcher_cache``); None builds them every time.

    Raises:
        ConfigError: the config is invalid or names a model that is not installed.
        PluginError: a plugin cannot be loaded or breaks the plugin contract.
    """

    def __init__(
        self,
        config: Config | Mapping[str, Any] | None = None,
        plugins: Sequence[object | str] = (),
        *,
        builtins: bool = True,
        entry_points: bool | None = None,
        blocked: Sequence[str] = (),
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        if config is None:
            config = Config()
        elif not isinstance(config, Config):
            config = Config.from_mapping(config)
        self.config: Config = config
        self.host = PluginHost(
            builtins=builtins,
            entry_points=entry_points,
            extra=(*config.plugins, *plugins),
            blocked=blocked,
        )
        self.registered: tuple[RegisteredCheck, ...] = tuple(self.host.checks(config))
        self.nlp, self.features = build_pipeline(config.model)
        self.host.extend_pipeline(self.nlp, config)
        #: check id -> why it does not run on this pipeline.
        self.skipped: dict[str, str] = {}
        with matcher_cache.using(None if cache_dir is None else Path(cache_dir)):
            self._active = tuple(entry for entry in self.registered if self._activate(entry))
        #: id of a check object -> its rules by code (see ``_run``).
        self._rule_maps: dict[int, dict[str, Rule]] = {}
        # Every report carries metrics; importing textstat here keeps it out
        # of the first draft's latency.
        _metrics.warm_up()

    def _activate(self, entry: RegisteredCheck) -> bool:
        check = entry.check
        missing = frozenset(check.requires) - self.features
        if missing:
            self.skipped[check.id] = (
                f"needs {', '.join(sorted(missing))}, which this pipeline lacks; set 'model' to a trained pipeline"
            )
            return False
        if not self.config.check_may_run(tuple(r.code for r in check.rules), check.id):
            return False
        for factory in check.components:
            if factory not in self.nlp.pipe_names:
                try:
                    self.nlp.add_pipe(factory)
                except (ValueError, KeyError) as exc:
                    raise PluginError(
                        f"plugin {entry.plugin!r}: check {check.id!r} needs spaCy component {factory!r}, "
                        f"which cannot be added ({type(exc).__name__})"
                    ) from None
        return True

    # -- public API ----------------------------------------------------------

    @property
    def checks(self) -> tuple[str, ...]:
        """Ids of the checks that run on this Linter's drafts."""
        return tuple(entry.check.id for entry in self._active)

    def rules(self) -> list[RuleInfo]:
        """Every rule of every registered check, in check then code order."""
        infos = [RuleInfo(rule, e.check.id, e.plugin) for e in self.registered for rule in e.check.rules]
        return sorted(infos, key=lambda info: (info.check, info.rule.code))

    def check(
        self,
        text: str,
        *,
        channel: str | None = None,
        first_contact: bool | None = None,
        reply_to: str | None = None,
        id: str | int | None = None,
    ) -> Report:
        """Check one draft.

        Args:
            text: the draft exactly as it would be sent.
            channel: where it goes; defaults to the config's ``channel``.
            first_contact: whether the reader has never heard from the author;
                None derives it from the channel.
            reply_to: the text being answered, if any.
            id: carried into ``Report.id``.

        Raises:
            TypeError: ``text`` is not a str.
            DraftTooLarge: ``text`` is over the size limit.
            ValueError: unknown channel.
        """
        context = Context(channel or self.config.channel, first_contact, reply_to)
        doc = self.nlp(validate_text(text))
        return self._report(doc, context, id)

    def check_many(
        self,
        items: Iterable[str | Draft],
        *,
        n_process: int = 1,
        batch_size: int = 64,
    ) -> Iterator[Report]:
        """Check many drafts, yielding reports in input order.

        Items are strings (checked with the default context) or ``Draft``
        objects carrying a context and an id. Input is consumed lazily, so
        this streams.

        Args:
            items: the drafts.
            n_process: worker processes; 1 checks in this process, -1 uses
                every CPU. Each worker is a fork of this process and runs
                the whole check, pipeline and checks alike, on ``batch_size``
                drafts at a time. Where forking is unavailable or unsafe
                (Windows, macOS), spaCy's own ``n_process`` runs the pipeline
                in workers and the checks here.
            batch_size: drafts per batch (and per task sent to a worker).

        Raises:
            TypeError: an item is not a str or Draft.
            DraftTooLarge: a draft is over the size limit.
        """
        if n_process < 0:
            n_process = os.cpu_count() or 1
        if n_process > 1 and _CAN_FORK:
            yield from self._check_in_workers(self._with_context(items), n_process, batch_size)
            return
        yield from self._reports(self._with_context(items), n_process=n_process, batch_size=batch_size)

    # -- internals -----------------------------------------------------------

    def _with_context(self, items: Iterable[str | Draft]) -> Iterator[tuple[str, tuple[Context, str | int | None]]]:
        default = Context(self.config.channel)
        for item in items:
            draft = item if isinstance(item, Draft) else Draft(validate_text(item))
            yield validate_text(draft.text), (draft.context or default, draft.id)

    def _reports(self, drafts: Iterable[tuple[str, tuple[Context, str | int | None]]], **pipe: Any) -> Iterator[Report]:
        # ``pipe``: nlp.pipe's n_process and batch_size.
        for doc, (context, draft_id) in self.nlp.pipe(drafts, as_tuples=True, **pipe):
            yield self._report(doc, context, draft_id)

    def _check_in_workers(
        self, drafts: Iterator[tuple[str, tuple[Context, str | int | None]]], n_process: int, batch_size: int
    ) -> Iterator[Report]:
        # Forked workers inherit this Linter as it is (plugins, config and
        # matchers included) instead of receiving a pickled copy, and send
        # back only the reports. At most two batches per worker are in
        # flight, so the input is still read lazily.
        global _worker_linter
        _worker_linter = self
        try:
            pool = multiprocessing.get_context("fork").Pool(n_process)
        finally:
            _worker_linter = None
        pending: collections.deque[AsyncResult[list[Report]]] = collections.deque()
        with pool:
            while True:
                try:
                    batch = list(itertools.islice(drafts, batch_size))
                except Exception:
                    # A draft that fails validation: first the reports of the drafts before it.
                    while pending:
                        yield from pending.popleft().get()
                    raise
                if not batch:
                    break
                pending.append(pool.apply_async(_check_batch_in_worker, (batch,)))
                if len(pending) >= 2 * n_process:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()

    def _report(self, doc: Doc, context: Context, draft_id: str | int | None) -> Report:
        text = doccache.text_of(doc)
        findings: list[Finding] = []
        errors: list[CheckError] = []
        notes: tuple[str, ...] = ()
        active = self._active
        english = not looks_foreign(doc)
        if not english:
            # The built-in checks read English only; judging another language
            # would produce nothing but false alarms. Plugins may know better.
            notes = (NOT_ENGLISH,)
            active = tuple(entry for entry in active if entry.plugin != BUILTIN_NAME)
        # Measured once, before the checks, so that a check reads the same
        # figures (``netiquette.metrics.of``) instead of measuring again.
        metrics = _metrics.compute(doc, readability=english)
        _metrics.attach(doc, metrics)
        try:
            for entry in active:
                try:
                    findings.extend(self._run(entry, doc, context, text))
                except Exception as exc:
                    errors.append(CheckError(entry.check.id, entry.plugin, _describe(exc)))
        finally:
            _metrics.detach(doc)
            doccache.forget(doc)
        try:
            processed = self.host.process_findings(list(findings), context, text, self.config)
            _validate_findings(processed, text)
        except Exception as exc:
            errors.append(CheckError(FINDINGS_HOOK, self.host.implementers(FINDINGS_HOOK), _describe(exc)))
            processed = findings
        ordered = sorted(processed, key=lambda f: (f.start, f.end, f.code))
        return Report(tuple(ordered), context, tuple(errors), draft_id, notes, metrics)

    def _run(self, entry: RegisteredCheck, doc: Doc, context: Context, text: str) -> list[Finding]:
        check = entry.check
        # A check's rules do not change once it is registered: index them once, not per draft.
        rules = self._rule_maps.get(id(check))
        if rules is None:
            rules = self._rule_maps[id(check)] = {rule.code: rule for rule in check.rules}
        hits = list(check.find(doc, context) or ())
        findings = []
        for number, hit in enumerate(hits, 1):
            rule = _validated_hit(hit, number, rules, len(text))
            if not self.config.is_enabled(rule.code, check.id, context.channel):
                continue
            default = hit.severity if hit.severity is not None else rule.severity
            findings.append(
                Finding(
                    check=check.id,
                    code=rule.code,
                    severity=self.config.severity_for(rule.code, check.id, context.channel, default),
                    message=hit.message or rule.message,
                    start=hit.start,
                    end=hit.end,
                    excerpt=text[hit.start : hit.end],
                    suggestion=hit.suggestion if hit.suggestion is not None else rule.suggestion,
                    url=rule.url,
                    plugin=entry.plugin,
                )
            )
        return findings


def _validated_hit(hit: object, number: int, rules: dict[str, Rule], length: int) -> Rule:
    if not isinstance(hit, Hit):
        raise _MalformedResult(f"result {number} is a {type(hit).__name__}, not a Hit")
    rule = rules.get(hit.code) if isinstance(hit.code, str) else None
    if rule is None:
        raise _MalformedResult(f"result {number} has code {hit.code!r}, which the check does not define")
    if not (isinstance(hit.start, int) and isinstance(hit.end, int) and 0 <= hit.start <= hit.end <= length):
        raise _MalformedResult(
            f"result {number} has offsets {hit.start!r}..{hit.end!r}, outside a draft of {length} characters"
        )
    if hit.severity is not None and not isinstance(hit.severity, Severity):
        raise _MalformedResult(f"result {number} has a severity of type {type(hit.severity).__name__}")
    for name in ("message", "suggestion"):
        value = getattr(hit, name)
        if value is not None and not isinstance(value, str):
            raise _MalformedResult(f"result {number} has a {name} of type {type(value).__name__}")
    return rule


def _validate_findings(findings: object, text: str) -> None:
    if not isinstance(findings, list):
        raise _MalformedResult(f"{FINDINGS_HOOK} returned a {type(findings).__name__}, not a list")
    for number, finding in enumerate(findings, 1):
        if not isinstance(finding, Finding):
            raise _MalformedResult(f"result {number} is a {type(finding).__name__}, not a Finding")
        typed = (
            isinstance(finding.severity, Severity)
            and isinstance(finding.start, int)
            and isinstance(finding.end, int)
            and all(isinstance(v, str) for v in (finding.check, finding.code, finding.message, finding.plugin))
            and all(v is None or isinstance(v, str) for v in (finding.suggestion, finding.url))
        )
        if not typed:
            raise _MalformedResult(f"result {number} has a field of the wrong type")
        valid_span = 0 <= finding.start <= finding.end <= len(text)
        if not valid_span or text[finding.start : finding.end] != finding.excerpt:
            raise _MalformedResult(f"result {number} ({finding.code}) has an excerpt that does not match its offsets")


#: Whether check_many's workers can be forks of the caller: not on Windows (no fork) nor
#: macOS (where forking a process that has loaded system frameworks can crash it).
_CAN_FORK = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
#: The Linter a forked worker checks with (set only while the workers are forked).
_worker_linter: Linter | None = None


def _check_batch_in_worker(batch: list[tuple[str, tuple[Context, str | int | None]]]) -> list[Report]:
    assert _worker_linter is not None, "the worker was not forked from a Linter's check_many"
    return list(_worker_linter._reports(batch))


def _describe(exc: BaseException) -> str:
    # The exception's own message may quote the draft, so it is never shown:
    # the type and the place it was raised are enough to find the bug.
    if isinstance(exc, _MalformedResult):
        return f"returned a malformed result: {exc}"
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name}" if frames else ""
    return f"{type(exc).__name__} raised{where}"
