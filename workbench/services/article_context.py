"""The paragraphs an analyst reads a statement in: its own and the ones before it.

The paragraph before a statement often resolves its pronoun ("She said …"), so `show` prints
it; this is pure text work on the stored source text, shared by any view that wants context.
"""

from __future__ import annotations

import re

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; paragraphs are separated by blank lines."""
    spans, start = [], 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        if text[start : gap.start()].strip():
            spans.append((start, gap.start()))
        start = gap.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def context_paragraphs(
    text: str, sentence_start: int, sentence_end: int, before: int = 1
) -> list[tuple[int, int]]:
    """Spans of up to `before` paragraphs before the sentence's paragraph, then that paragraph.

    A sentence that spans a paragraph break (it should not, but stored offsets are data)
    takes every paragraph it touches.
    """
    spans = paragraph_spans(text)
    touched = [i for i, (s, e) in enumerate(spans) if s < sentence_end and e > sentence_start]
    if not touched:
        return [(sentence_start, sentence_end)]
    first, last = touched[0], touched[-1]
    return spans[max(first - max(before, 0), 0) : last + 1]
