"""Build ``src/netiquette/checks/hostility_literals.json``: the literals each hostility template needs.

The hostility check skips a pattern on a draft that lacks every string a
match of it must contain (``netiquette.checks._prefilter``). Working those
strings out means reading some 400 templates with Python's regular
expression parser, which took 0.14 s of every start-up; this script does it
ahead and writes the answers with a digest of the templates and slots they
came from. At run time the answers are used only when the digest still
matches, so a stale file makes start-up slower, never the check wrong;
``tests/test_prefilter.py`` fails until the file is rebuilt.

Run it after editing ``hostility.json`` or ``hostility_words.json``::

    .venv/bin/python scripts/build_hostility_literals.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from netiquette.checks import hostility
from netiquette.checks._prefilter import literals_digest, required_literals

TARGET = Path(__file__).resolve().parent.parent / "src" / "netiquette" / "checks" / hostility.LITERALS


def build() -> dict[str, dict[str, Any]]:
    """The file's content: per kind of template, the digest of its inputs and each template's literals."""
    content: dict[str, dict[str, Any]] = {}
    for kind, jobs in hostility.literal_jobs().items():
        literals = [required_literals(template, slots) for template, slots in jobs]
        content[kind] = {
            "digest": literals_digest(jobs),
            "literals": [None if found is None else sorted(found) for found in literals],
        }
    return content


def render(content: dict[str, dict[str, Any]]) -> str:
    """The file's text: one template's literals per line, so that a diff shows which changed."""
    kinds = []
    for kind, entry in content.items():
        rows = ",\n".join("    " + json.dumps(found, ensure_ascii=False) for found in entry["literals"])
        kinds.append(f'"{kind}": {{\n  "digest": "{entry["digest"]}",\n  "literals": [\n{rows}\n  ]\n}}')
    return "{\n" + ",\n".join(kinds) + "\n}\n"


def main() -> int:
    """Write the file; print how many templates it covers."""
    content = build()
    TARGET.write_text(render(content), encoding="utf-8")
    counts = ", ".join(f"{len(entry['literals'])} {kind}" for kind, entry in content.items())
    print(f"wrote {TARGET.name}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
