"""``netiquette new-plugin NAME``: write a plugin package whose test passes out of the box.

The package is ``netiquette-NAME`` with the module ``netiquette_NAME``, one
check (id ``NAME``) that flags words from a list the config can replace,
a ``netiquette`` entry point, a README and a test that uses
``netiquette.testing``. See docs/plugins.md for what to do next.
"""

from __future__ import annotations

import re
from pathlib import Path

from netiquette.rules import CHECK_ID_PATTERN

_PREFIX = re.compile(r"^[A-Z]{1,4}$")


class ScaffoldError(ValueError):
    """The plugin cannot be created (a bad name or prefix, or the folder exists)."""


_PYPROJECT = """\
[build-system]
requires = ["setuptools>=69"]
build-backend = "setuptools.build_meta"

[project]
name = "{dist}"
version = "0.1.0"
description = "A netiquette plugin: flags words the team agreed not to use."
readme = "README.md"
requires-python = ">=3.10"
dependencies = ["netiquette>=0.1"]

[project.optional-dependencies]
test = ["pytest>=8"]

# This is what makes netiquette find the plugin once it is installed.
[project.entry-points.netiquette]
{name} = "{module}"

[tool.setuptools.packages.find]
where = ["src"]

[tool.pytest.ini_options]
testpaths = ["tests"]
pythonpath = ["src"]
"""

_README = """\
# {dist}

A netiquette plugin. Its check
`{name}` reports `{prefix}101` for words the team agreed not to use
(by default: {default_words}).

## Install and use

```sh
pip install -e .
netiquette plugins          # lists "{name}" with its check
echo "Let's find synergies." | netiquette check --select {prefix}
```

## Configure

```toml
[tool.netiquette.settings.{name}]
words = ["synergy", "rockstar"]   # lemmas, lowercase
```

## Test

```sh
python -m pytest
```

The tests use netiquette's pytest plugin (`netiquette_linter` and
`check_examples`); see netiquette's docs/plugins.md.
"""

_MODULE = '''\
"""{dist}: flags words the team agreed not to use.

netiquette finds this module through the ``netiquette`` entry point in
pyproject.toml and calls the hooks marked with ``@hookimpl``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from netiquette import Check, Config, Context, Hit, Rule, Severity, hookimpl
from spacy.tokens import Doc

__version__ = "0.1.0"

#: Plugin name: the entry point name, and the key of its settings table.
NAME = "{name}"
CODE = "{prefix}101"
#: Lemmas flagged unless ``[tool.netiquette.settings.{name}] words`` says otherwise.
DEFAULT_WORDS = ({default_words_py},)


class {cls}(Check):
    """Flags words the team agreed not to use."""

    id = NAME
    rules = (
        Rule(
            CODE,
            "avoided-word",
            "A word the team agreed not to use.",
            "Words like this make a message sound like a brochure instead of a person.",
            Severity.WARNING,
            "Say plainly what you mean.",
        ),
    )

    def __init__(self, words: Iterable[str] = DEFAULT_WORDS) -> None:
        self.words = frozenset(word.lower() for word in words)

    def find(self, doc: Doc, context: Context) -> Iterator[Hit]:
        """One hit per token whose lemma is in ``words``."""
        for token in doc:
            if token.lemma_.lower() in self.words or token.lower_ in self.words:
                yield Hit.from_span(CODE, doc[token.i : token.i + 1])


@hookimpl
def netiquette_checks(config: Config) -> list[Check]:
    """Register the check, with the words from the config if it names any."""
    words = config.settings.get(NAME, {{}}).get("words", DEFAULT_WORDS)
    return [{cls}(words)]
'''

_TEST = '''\
"""Tests for {dist}, using netiquette's pytest plugin (netiquette.testing)."""

from __future__ import annotations

from netiquette.testing import LinterFactory, check_examples

import {module}


def test_flags_the_default_words(netiquette_linter: LinterFactory) -> None:
    linter = netiquette_linter({module})
    check_examples(
        linter,
        {module}.CODE,
        flags=["Let's find some synergies between our teams.", "SYNERGY!"],
        passes=["Could our teams share the on-call rota?", ""],
    )


def test_words_come_from_the_config(netiquette_linter: LinterFactory) -> None:
    config = {{"settings": {{{module}.NAME: {{"words": ["rockstar"]}}}}}}
    linter = netiquette_linter({module}, config=config)
    check_examples(
        linter,
        {module}.CODE,
        flags=["We need a rockstar, not a team player."],
        passes=["Let's find some synergies."],
    )
'''


def plugin_names(name: str) -> dict[str, str]:
    """The names derived from ``name``: distribution, module, class and default code prefix.

    Raises:
        ScaffoldError: ``name`` is not lowercase words joined by hyphens.
    """
    name = name.strip().removeprefix("netiquette-")
    if not CHECK_ID_PATTERN.match(name):
        raise ScaffoldError(f"plugin name {name!r} must be lowercase words joined by hyphens, such as 'team-words'")
    parts = name.split("-")
    letters = "".join(part[0] for part in parts if part[0].isalpha())
    rest = "".join(c for c in parts[-1][1:] if c.isalpha())
    prefix = (letters + rest)[:3].upper() or "X"
    return {
        "name": name,
        "dist": f"netiquette-{name}",
        "module": "netiquette_" + name.replace("-", "_"),
        "cls": "".join(part.capitalize() for part in parts) + "Check",
        "prefix": prefix,
    }


def _builtin_prefixes() -> set[str]:
    # The letter prefixes of netiquette's own rule codes; a plugin sharing
    # one would be selected and ignored together with them.
    from netiquette.config import Config
    from netiquette.plugins import PluginHost

    host = PluginHost(builtins=True, entry_points=False)
    return {re.sub(r"\d+$", "", rule.code) for entry in host.checks(Config()) for rule in entry.check.rules}


def create(name: str, directory: str | Path = ".", *, prefix: str | None = None) -> Path:
    """Write the package ``netiquette-NAME`` inside ``directory`` and return its path.

    Args:
        name: the plugin name, lowercase words joined by hyphens.
        directory: where to create the package folder.
        prefix: the rule code prefix (one to four uppercase letters); derived
            from the name when None.

    Raises:
        ScaffoldError: a bad name or prefix, a prefix netiquette already
            uses, or the package folder already exists.
    """
    names = plugin_names(name)
    if prefix is not None:
        if not _PREFIX.match(prefix):
            raise ScaffoldError(f"prefix {prefix!r} must be one to four uppercase letters")
        names["prefix"] = prefix
    taken = sorted(p for p in _builtin_prefixes() if p.startswith(names["prefix"]) or names["prefix"].startswith(p))
    if taken:
        raise ScaffoldError(
            f"code prefix {names['prefix']!r} overlaps netiquette's own {taken[0]!r}; choose another with --prefix"
        )
    words = ("synergy",)
    values = {
        **names,
        "default_words": ", ".join(f'"{w}"' for w in words),
        "default_words_py": ", ".join(f'"{w}"' for w in words),
    }
    root = Path(directory) / names["dist"]
    if root.exists():
        raise ScaffoldError(f"{root} already exists")
    files = {
        "pyproject.toml": _PYPROJECT,
        "README.md": _README,
        f"src/{names['module']}/__init__.py": _MODULE,
        f"tests/test_{names['module'].removeprefix('netiquette_')}.py": _TEST,
    }
    for relative, template in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values), encoding="utf-8")
    return root
