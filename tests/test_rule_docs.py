"""Every rule code has a page with examples, and the examples are true.

Examples in ``docs/rules/<check>.md`` are fenced blocks under a ``## CODE``
heading, with an info string ``text flags|hints|passes key=value ...``:
``flags`` must report the code at warning or above, ``hints`` only at info,
``passes`` must not report the code at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from netiquette.linter import Linter
from netiquette.models import Severity

RULES_DIR = Path(__file__).resolve().parent.parent / "docs" / "rules"
_BLOCK = re.compile(r"^```text (flags|hints|passes)((?: \w+=\S+)*)\n(.*?)\n```$", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^## ([A-Z]{1,4}[0-9]{1,4}) ", re.MULTILINE)


@dataclass(frozen=True)
class Example:
    page: str
    code: str
    expect: str
    text: str
    channel: str
    first_contact: bool

    def __str__(self) -> str:
        return f"{self.page}:{self.code}:{self.expect}:{self.channel}"


def _examples() -> list[Example]:
    examples = []
    for page in sorted(RULES_DIR.glob("*.md")):
        content = page.read_text(encoding="utf-8")
        headings = [(m.start(), m.group(1)) for m in _HEADING.finditer(content)]
        for block in _BLOCK.finditer(content):
            owners = [code for start, code in headings if start < block.start()]
            if not owners:
                continue
            options = dict(pair.split("=", 1) for pair in block.group(2).split())
            examples.append(
                Example(
                    page.name,
                    owners[-1],
                    block.group(1),
                    block.group(3),
                    options.get("channel", "dm"),
                    options.get("first_contact", "false") == "true",
                )
            )
    return examples


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(entry_points=False)


def test_every_builtin_code_has_a_page_with_flag_and_pass_examples(linter: Linter) -> None:
    kinds: dict[str, set[str]] = {}
    for example in EXAMPLES:
        kinds.setdefault(example.code, set()).add(example.expect)
    for info in linter.rules():
        if info.plugin != "netiquette":
            continue
        page = RULES_DIR / f"{info.check}.md"
        assert page.is_file(), f"{info.rule.code}: no page {page.name}"
        found = kinds.get(info.rule.code, set())
        assert "flags" in found, f"{info.rule.code} has no 'flags' example in {page.name}"
        assert "passes" in found, f"{info.rule.code} has no 'passes' example in {page.name}"


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_rule_example(linter: Linter, example: Example) -> None:
    report = linter.check(example.text, channel=example.channel, first_contact=example.first_contact)
    severities = [f.severity for f in report.findings if f.code == example.code]
    if example.expect == "flags":
        assert any(s >= Severity.WARNING for s in severities), f"{example.code} not flagged: {report.findings}"
    elif example.expect == "hints":
        assert severities and all(s == Severity.INFO for s in severities), f"expected info only: {report.findings}"
    else:
        assert not severities, f"{example.code} reported: {report.findings}"
