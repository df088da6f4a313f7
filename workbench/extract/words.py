"""Helpers for word lists: sets to test words against, and fast regexes matching any of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, cast

from workbench.regex_cache import compile_cached


def word_set(words: str) -> frozenset[str]:
    """A frozenset from a space-separated string: compact to write, fast to test against."""
    return frozenset(words.split())


def trie_pattern(words: Iterable[str]) -> str:
    """One regex for a set of words, factored by shared prefixes ("sa(?:id|ys|y)").

    ``re`` tries the branches of a flat alternation one by one at every position, which is
    slow for a thousand words; in a trie each position costs a few character comparisons.
    Longer words win over their prefixes, since every optional tail is greedy.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return body + "?" if len(branches) > 1 else "(?:" + body + ")?"
        return body

    return emit(root)


class _LazyPattern:
    """A regular expression compiled on its first use (from `workbench.regex_cache`).

    The engine holds some 300 patterns and compiling them all cost about a third of the
    start-up of ``workbench extract`` on one article, while a short article uses under half of
    them. The first attribute looked up compiles the pattern and copies the compiled
    pattern's methods onto the instance, so later calls go straight to them (an instance
    lookup, as fast as a method lookup on the compiled pattern).
    """

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name in ("_source", "_flags"):
            raise AttributeError(name)  # not initialised (a copy being made): never recurse
        compiled = compile_cached(self._source, self._flags)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        # A class with __getattr__ takes CPython's slow attribute path on every lookup, so
        # the instance drops it once compiled.
        self.__class__ = _CompiledPattern
        return getattr(compiled, name)


class _CompiledPattern:
    """A `_LazyPattern` once compiled: the compiled pattern's methods in its own dict."""


_PATTERN_ATTRIBUTES = (
    *("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"),
    *("pattern", "flags", "groups", "groupindex", "scanner"),
)


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, deferred to the pattern's first use (see `_LazyPattern`)."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))
