"""The matcher cache: loaded matchers report what built ones do, hold no draft, and bad files are rebuilt."""

from __future__ import annotations

import json
import os
import pickle
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from conftest import RunCli
from netiquette import matcher_cache
from netiquette.checks.defensiveness import DefensivenessMatcher
from netiquette.linter import Linter

CORPUS = Path(__file__).parent / "corpus"
#: The components that go through the cache, one file each.
CACHED = ("netiquette_canned_opener", "netiquette_defensiveness", "netiquette_hard_sell", "netiquette_oversharing")
DM = "Hi Jordan, loved your talk! We have only two slots left, so book a call with me today. Calm down, it's fine."


def _drafts() -> list[dict[str, Any]]:
    rows = []
    for name in ("dev.jsonl", "behaviour-dev.jsonl"):
        with (CORPUS / name).open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines if line.strip())
    return rows


def _reports(linter: Linter, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    context_keys = ("channel", "first_contact", "reply_to")
    return [
        linter.check(row["text"], **{k: row[k] for k in context_keys if row.get(k) is not None}).to_dict()
        for row in rows
    ]


def _files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


@pytest.fixture(scope="module")
def built() -> Linter:
    return Linter()


def refuse_building(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make building the defensiveness matcher fail, counting the attempts: a Linter built anyway loaded it."""
    attempts: list[str] = []

    def refuse(self: object, *args: object) -> None:
        attempts.append("built")
        raise RuntimeError("built instead of loaded")

    monkeypatch.setattr(DefensivenessMatcher, "__init__", refuse)
    return attempts


def test_every_lexicon_matcher_is_kept_once(tmp_path: Path) -> None:
    Linter(cache_dir=tmp_path)
    names = sorted(path.name.rpartition("-")[0] for path in tmp_path.iterdir())
    assert names == list(CACHED)
    assert all(path.stat().st_mode & 0o077 == 0 for path in tmp_path.iterdir())


def test_loaded_matchers_report_exactly_what_built_ones_do(
    tmp_path: Path, built: Linter, monkeypatch: pytest.MonkeyPatch
) -> None:
    Linter(cache_dir=tmp_path)
    attempts = refuse_building(monkeypatch)
    loaded = Linter(cache_dir=tmp_path)
    assert attempts == []
    rows = _drafts()[::3]
    assert _reports(loaded, rows) == _reports(built, rows)


def test_the_files_are_written_before_any_draft_and_never_hold_one(tmp_path: Path) -> None:
    marker = f"Zq{uuid.uuid4().hex}"
    linter = Linter(cache_dir=tmp_path)
    written = _files(tmp_path)
    for text in (f"{DM} {marker}", f"{marker} calm down {marker}", f"call me at {marker}@example.com"):
        linter.check(text)
    assert _files(tmp_path) == written
    assert not any(marker.encode() in data for data in written.values())
    # A Linter that loaded them writes nothing either.
    Linter(cache_dir=tmp_path).check(f"{DM} {marker}")
    assert _files(tmp_path) == written


@pytest.mark.parametrize("damage", ["truncated", "empty", "not a pickle"])
def test_a_damaged_file_is_rebuilt(tmp_path: Path, built: Linter, damage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    Linter(cache_dir=tmp_path)
    (path,) = tmp_path.glob("netiquette_defensiveness-*")
    good = path.read_bytes()
    path.write_bytes({"truncated": good[: len(good) // 2], "empty": b"", "not a pickle": b"\x00" * 64}[damage])
    linter = Linter(cache_dir=tmp_path)
    assert linter.check(DM).to_dict() == built.check(DM).to_dict()
    # Written again whole: the next Linter loads it.
    attempts = refuse_building(monkeypatch)
    Linter(cache_dir=tmp_path)
    assert attempts == []


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="files have no owner here")
def test_a_file_others_may_write_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Linter(cache_dir=tmp_path)
    (path,) = tmp_path.glob("netiquette_defensiveness-*")
    path.chmod(0o666)
    attempts = refuse_building(monkeypatch)
    with pytest.raises(RuntimeError, match="built instead of loaded"):
        Linter(cache_dir=tmp_path)
    assert attempts == ["built"]


class _Planted:
    """Unpickles into a call of ``os.mkdir``: what a planted cache file could do if any global were allowed."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.mkdir, (str(self.path),))


def test_a_file_naming_other_code_is_refused(tmp_path: Path, built: Linter) -> None:
    Linter(cache_dir=tmp_path)
    canary = tmp_path.parent / f"canary-{uuid.uuid4().hex}"
    for path in tmp_path.iterdir():
        path.write_bytes(pickle.dumps(([], _Planted(canary))))
        path.chmod(0o600)
    linter = Linter(cache_dir=tmp_path)
    assert not canary.exists()
    assert linter.check(DM).to_dict() == built.check(DM).to_dict()


def test_the_key_covers_name_sources_and_versions(built: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    key = matcher_cache._key(built.nlp, "netiquette_hard_sell")
    assert key == matcher_cache._key(built.nlp, "netiquette_hard_sell")
    assert key != matcher_cache._key(built.nlp, "netiquette_oversharing")
    sources = matcher_cache._sources()
    assert any(name == "checks/defensiveness.json" for name, _, _ in sources)
    monkeypatch.setattr(matcher_cache, "_sources", lambda: (*sources, ("checks/new.json", 1, 1)))
    assert key != matcher_cache._key(built.nlp, "netiquette_hard_sell")
    monkeypatch.setattr(matcher_cache, "_sources", lambda: sources)
    monkeypatch.setattr(matcher_cache, "_FORMAT", matcher_cache._FORMAT + 1)
    assert key != matcher_cache._key(built.nlp, "netiquette_hard_sell")


def test_the_key_covers_the_tokenizer() -> None:
    linter = Linter()
    key = matcher_cache._key(linter.nlp, "netiquette_hard_sell")
    assert key == matcher_cache._key(Linter().nlp, "netiquette_hard_sell")
    tokenizer = linter.nlp.tokenizer.tokenizer  # inside RunSplittingTokenizer
    tokenizer.add_special_case("netiquetteword", [{"ORTH": "netiquette"}, {"ORTH": "word"}])
    changed = matcher_cache._key(linter.nlp, "netiquette_hard_sell")
    assert changed != key
    tokenizer.suffix_search = lambda text: None
    assert changed != matcher_cache._key(linter.nlp, "netiquette_hard_sell")
    changed = matcher_cache._key(linter.nlp, "netiquette_hard_sell")
    linter.nlp.tokenizer.tokenizer = object()  # a tokenizer of another kind (never called here)
    assert changed != matcher_cache._key(linter.nlp, "netiquette_hard_sell")


def test_files_under_an_older_key_are_removed(tmp_path: Path) -> None:
    old = tmp_path / f"netiquette_hard_sell-{'0' * 32}.pickle"
    other = tmp_path / f"my_plugin_matcher-{'0' * 32}.pickle"
    for path in (old, other):
        path.write_bytes(b"old")
    Linter(cache_dir=tmp_path)
    assert not old.exists()
    assert other.exists()
    assert len(list(tmp_path.glob("netiquette_hard_sell-*"))) == 1


def test_a_cache_that_cannot_be_written_only_slows_down(tmp_path: Path, built: Linter) -> None:
    blocker = tmp_path / "a file"
    blocker.write_bytes(b"")
    linter = Linter(cache_dir=blocker / "cache")
    assert linter.check(DM).to_dict() == built.check(DM).to_dict()


def test_a_linter_keeps_nothing_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(matcher_cache.DIRECTORY_VARIABLE, str(tmp_path))
    Linter()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"NETIQUETTE_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x"}, Path("/c")),
        ({"XDG_CACHE_HOME": "/x"}, Path("/x", "netiquette")),
        ({"NETIQUETTE_NO_CACHE": "1", "NETIQUETTE_CACHE_DIR": "/c"}, None),
        ({"NETIQUETTE_NO_CACHE": "0", "NETIQUETTE_CACHE_DIR": "/c"}, Path("/c")),
        ({"NETIQUETTE_NO_CACHE": "false", "NETIQUETTE_CACHE_DIR": "/c"}, Path("/c")),
        ({"NETIQUETTE_NO_CACHE": "Yes", "NETIQUETTE_CACHE_DIR": "/c"}, None),
    ],
)
def test_default_directory(environ: dict[str, str], expected: Path | None) -> None:
    assert matcher_cache.default_directory(environ) == expected


@pytest.mark.skipif(sys.platform == "win32", reason="the user cache folder is LOCALAPPDATA there")
def test_default_directory_is_in_the_home_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert matcher_cache.default_directory({}) == tmp_path / ".cache" / "netiquette"


def test_the_cli_keeps_the_cache_unless_told_not_to(run_cli: RunCli, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env: dict[str, str | None] = {matcher_cache.DIRECTORY_VARIABLE: str(cache)}
    plain = run_cli("check", "--no-cache", "--format", "json", "-", input=DM, env=env)
    assert not cache.exists()
    off = run_cli("check", "--format", "json", "-", input=DM, env={**env, matcher_cache.OFF_VARIABLE: "1"})
    assert not cache.exists()
    first = run_cli("check", "--format", "json", "-", input=DM, env=env)
    assert sorted(path.name.rpartition("-")[0] for path in cache.iterdir()) == list(CACHED)
    again = run_cli("check", "--format", "json", "-", input=DM, env=env)
    assert plain.stdout == off.stdout == first.stdout == again.stdout
    assert plain.returncode == first.returncode == again.returncode == 1
