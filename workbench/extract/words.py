"""Helper for word lists kept in code (closed-class words, not lexicon data)."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A frozenset from a space-separated string: compact to write, fast to test against."""
    return frozenset(words.split())
