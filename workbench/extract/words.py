"""Helpers for word lists: sets to test words against, and fast regexes matching any of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


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
