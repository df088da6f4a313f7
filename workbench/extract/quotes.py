"""Direct-quote spans, which may run over several sentences but not past a paragraph.

News style leaves a quote open at the end of a paragraph when the speaker continues in the
next one; we close it at the paragraph end rather than swallowing the rest of the article.
"""

from __future__ import annotations

import bisect
import math

from workbench.extract.words import lazy_compile

# Quote marks and line breaks: [“”"], '', ``, a blank line, a line break. One leading character
# class lets ``re`` skip quickly to candidates instead of trying every position.
_MARK = lazy_compile(r"[“”\"'`\n](?:(?<=[“”\"])|(?<=')'|(?<=`)`|(?<=\n)\s*\n|(?<=\n))")
OPENERS = "“\"'`"


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of quotations including their quote marks, in text order."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _MARK.finditer(text):
        mark = match.group()
        if mark[0] == "\n":
            if open_at is not None:
                end = match.start()
                if end - open_at > 1:
                    spans.append((open_at, end))
                open_at = None
            continue
        if mark == "“" or (mark in ('"', "''", "``") and open_at is None):
            if open_at is not None and mark == "“":
                # A nested or unbalanced opener: keep the outer quote going.
                continue
            open_at = match.start()
        elif open_at is not None:
            spans.append((open_at, match.end()))
            open_at = None
    if open_at is not None and len(text) - open_at > 1:
        spans.append((open_at, len(text)))
    return spans


def quote_at(quotes: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The quote span containing ``pos``; spans are sorted and disjoint, so bisect.

    Bisecting on ``(pos, inf)`` compares tuples in C; a ``key=`` function would be a Python
    call per step, and this runs for every cue.
    """
    i = bisect.bisect_right(quotes, (pos, math.inf)) - 1
    if i >= 0 and quotes[i][0] <= pos < quotes[i][1]:
        return quotes[i]
    return None
