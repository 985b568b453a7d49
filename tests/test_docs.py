"""The docs keep up with the code: every hook is documented."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from netiquette import hookspecs

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_hook_has_a_section_in_the_plugin_guide() -> None:
    guide = (DOCS / "plugins.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^### (netiquette_\w+)$", guide, flags=re.MULTILINE))
    hooks = {name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("netiquette_")}
    assert hooks, "no hooks found in netiquette.hookspecs"
    assert hooks <= headings, f"hooks without a section in docs/plugins.md: {sorted(hooks - headings)}"
    assert headings <= hooks, f"sections for hooks that do not exist: {sorted(headings - hooks)}"


def test_readme_cli_example_shows_real_output() -> None:
    import os
    import subprocess
    import sys

    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"```console\n\$ printf '(.*?)' \| netiquette (.*?)\n(.*?)\n\$ echo \$\?\n(\d+)\n```", readme, re.DOTALL
    )
    assert block, "README has no console example"
    draft, args, expected, code = block.groups()
    env = {**os.environ, "NETIQUETTE_DISABLE_PLUGIN_AUTOLOAD": "1", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "netiquette", *args.split()],
        input=draft,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.stdout.rstrip("\n") == expected
    assert result.returncode == int(code)
