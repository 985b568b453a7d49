"""Test plugin: implements a hook that does not exist (``netiquette_check``, singular)."""

from __future__ import annotations

from netiquette import hookimpl


@hookimpl
def netiquette_check(config):
    return []
