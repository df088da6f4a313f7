"""Fast paths in C for hot string loops: ASCII text goes through ``bytes.translate``.

Why: the engine's time is spread over many small Python loops, one character or one word at
a time. Most propositions are ASCII once the typographic quotes and dashes are gone, and for
ASCII the word characters of ``re``'s ``\\w`` are exactly ``[a-z0-9_]`` after ``lower()``, so
one table lookup per byte does what a loop of ``isalnum`` tests and regex calls did.
"""

from __future__ import annotations

import re

_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_NON_WORD_TO_SPACE = bytes(b if b in _WORD_BYTES else 32 for b in range(256))
_TYPOGRAPHIC = "’“”‘—–…"  # non-word characters common in news text that are not ASCII


def ascii_words(text: str) -> str | None:
    """The ``\\w+`` runs of ``text`` joined by single spaces, or None when a character
    outside ASCII (other than typographic quotes and dashes) leaves the work to ``re``."""
    if not text.isascii():
        for mark in _TYPOGRAPHIC:
            if mark in text:
                text = text.replace(mark, " ")
        if not text.isascii():
            return None
    return b" ".join(text.encode("ascii").translate(_NON_WORD_TO_SPACE).split()).decode("ascii")


def _is_word(char: str) -> bool:
    """``re``'s ``\\w`` for one character of a ``str`` pattern."""
    return char.isalnum() or char == "_"


def whole_word_starts(text: str, phrase: str) -> list[int]:
    """``[m.start() for m in re.finditer(rf"\\b{re.escape(phrase)}\\b", text)]`` by ``str.find``.

    Why: the regex is built per phrase and tried at every character of the whole text, once
    per statement; ``find`` jumps from one occurrence to the next. Matches do not overlap, as
    with ``finditer``: the search goes on after a match's end, or one past a rejected place.
    """
    if not phrase:
        return [m.start() for m in re.finditer(r"\b\b", text)]  # never in practice: as before
    size = len(phrase)
    head_word, tail_word = _is_word(phrase[0]), _is_word(phrase[-1])
    starts: list[int] = []
    at = text.find(phrase)
    while at >= 0:
        stop = at + size
        before = at > 0 and _is_word(text[at - 1])
        after = stop < len(text) and _is_word(text[stop])
        if before != head_word and after != tail_word:
            starts.append(at)
            at = text.find(phrase, stop)
        else:
            at = text.find(phrase, at + 1)
    return starts


def verb_that_matches(
    pattern: re.Pattern[str], text: str, first: int, end: int
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text, first, end))`` for a pattern whose every match is a
    lower-case word at a word boundary, white space, then "that" (``generic._GENERIC_THAT``).

    Why: such a match can only start at the lower-case word before a "that" that follows white
    space, so the pattern is tried there alone, not at every character. The word's start is
    unique for each "that", and two matches cannot overlap (a match ends past its "that").
    """
    found = []
    that = text.find("that", first + 1, end)
    while that >= 0:
        if text[that - 1].isspace():
            pos = that - 1
            while pos > first and text[pos - 1].isspace():
                pos -= 1
            while pos > first and "a" <= text[pos - 1] <= "z":
                pos -= 1
            if (match := pattern.match(text, pos, end)) is not None:
                found.append(match)
        that = text.find("that", that + 4, end)
    return found
