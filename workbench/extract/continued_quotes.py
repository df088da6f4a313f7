"""Quotations that run on past the sentence of their cue ("“A,” she said. “B.”").

Annotators mark one content from the first quote mark to the last, so the cue's content is
stretched over a bare quotation that follows it; the pipeline then reads the pieces joined.
"""

from __future__ import annotations

from workbench.extract.attribution import Attribution
from workbench.extract.content import continuation_quote
from workbench.extract.cues import find_according, find_cues
from workbench.extract.lexicon import Lexicon
from workbench.extract.quotes import quote_at
from workbench.extract.words import lazy_compile

_QUOTE_MARK = lazy_compile(r"[“”\"]|''")
_MAX_ADJUNCT_WORDS = 30
_TITLE = lazy_compile(r"(?:“|\"|'')(?:[A-Z0-9][^“”\"'\s]*[ ]?){1,6}[.,]?(?:”|\"|'')")


def _after_adjunct(text: str, tail: int, sentence_end: int) -> int:
    """Rule quote-run-on: "“A,” Roe said on Monday during a visit to the port. “B.”" – the
    rest of the cue's sentence is an adjunct of the cue, and the next quotation still
    continues the speaker (annotators mark A to B as one content). Returns where to look for
    that quotation: the sentence end, or ``tail`` when the rest holds a quotation or is long.
    """
    rest = text[tail:sentence_end]
    if not rest.strip(" .,") or "\n" in rest or _QUOTE_MARK.search(_TITLE.sub("", rest)):
        return tail  # a quoted title ("on NBC's “Meet the Press.”") is still an adjunct
    if len(rest.split()) > _MAX_ADJUNCT_WORDS:
        return tail
    return sentence_end


def extend_quote(
    text: str,
    attribution: Attribution,
    sentences: list[tuple[int, int]],
    idx: int,
    quotes: list[tuple[int, int]],
    lexicon: Lexicon,
) -> None:
    """ "“A,” she said. “B.”": a bare quote in the next sentence continues the same speaker.

    The content need only end a quotation: "booked “because it is long,” Roe said. “B.”"
    runs on too (annotators mark from its first word to B's end).
    """
    c_start, c_end = attribution.content
    if text[c_end - 1] not in "”\"'" or not _QUOTE_MARK.search(text, c_start, c_end - 1):
        return
    tail = max(attribution.cue[1], (attribution.speaker or (0, 0))[1], c_end)
    following = continuation_quote(text, tail, quotes, len(text))
    if following is None:
        pos = _after_adjunct(text, tail, sentences[idx][1])
        while pos < len(text) and text[pos] in " .,\t":
            pos += 1
        if pos >= len(text) or text[pos] == "\n":
            return
        following = quote_at(quotes, pos)
        if following is None or following[0] != pos:
            return
    if following[0] <= c_end:
        return
    j = idx + 1
    while j < len(sentences) and sentences[j][0] < following[1]:
        s, e = sentences[j]
        if any(
            not quote_at(quotes, c.verb_start) for c in find_cues(text, s, e, lexicon)
        ) or find_according(text, s, e):
            return
        j += 1
    attribution.content = (c_start, following[1])


_COLON_END = lazy_compile(r":[ \t]*\n\s*")


def quote_after_colon(
    text: str, cue_end: int, sentence_end: int, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Rule colon-quote: "Cruz continued:" closing its paragraph, and a quotation opening the
    next one: that quotation is the content (``extend_quote`` may run it on further)."""
    colon = text.rfind(":", cue_end, sentence_end + 1)
    if colon < 0 or text[colon + 1 : sentence_end].strip():
        return None
    gap = _COLON_END.match(text, colon)
    if gap is None or gap.end() >= len(text) or text[gap.end()] not in "“\"'":
        return None
    quote = quote_at(quotes, gap.end())
    return quote if quote and quote[0] == gap.end() else None
