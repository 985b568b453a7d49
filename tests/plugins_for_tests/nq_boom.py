"""Test plugin: a check that always raises, quoting the draft in its exception message."""

from __future__ import annotations

from netiquette import Check, Rule, hookimpl


class BoomCheck(Check):
    id = "zz-boom"
    rules = (Rule("ZZTB101", "boom", "Never reported.", "Never reported."),)

    def find(self, doc, context):
        raise RuntimeError(f"cannot handle draft {doc.text!r}")


@hookimpl
def netiquette_checks():
    return [BoomCheck()]
