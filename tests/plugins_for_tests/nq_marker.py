"""Test plugin: flags the made-up marker words ``zqxinfo``, ``zqxwarn`` and ``zqxerr``.

The words never occur in real drafts, so no built-in check can be confused
with this one, and a test knows exactly where each finding must be.
"""

from __future__ import annotations

import re

from netiquette import Check, Hit, Rule, Severity, hookimpl

MARKERS = {"zqxinfo": "ZZTP102", "zqxwarn": "ZZTP101", "zqxerr": "ZZTP103"}
_PATTERN = re.compile("|".join(MARKERS))


class MarkerCheck(Check):
    """One hit per marker word, found in ``doc.text`` by regular expression."""

    id = "zz-marker"
    rules = (
        Rule(
            "ZZTP101",
            "marker-warning",
            "The draft contains the warning marker.",
            "The warning marker is here.",
            Severity.WARNING,
            suggestion="Remove the warning marker.",
            url="https://example.invalid/ZZTP101",
        ),
        Rule(
            "ZZTP102", "marker-info", "The draft contains the info marker.", "The info marker is here.", Severity.INFO
        ),
        Rule("ZZTP103", "marker-error", "The draft contains the error marker.", "The error marker is here.", "error"),
    )

    def find(self, doc, context):
        for match in _PATTERN.finditer(doc.text):
            yield Hit(MARKERS[match.group()], match.start(), match.end())


@hookimpl
def netiquette_checks():
    return [MarkerCheck()]
