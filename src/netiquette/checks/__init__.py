"""netiquette's built-in checks, one module each, each registered as a plugin.

Shared machinery lives in the underscored modules: ``_matching`` (lexicon
matcher components), ``_authorship`` (which words are the author's own) and
``_base`` (the base class the lexicon-driven checks share).
"""
