"""Attributions whose source is a poll or nobody: "In a Harbour Times poll released Monday,
52 percent …" (rule in-poll) and "The club is reportedly spending …" (rule reportedly).
"""

from __future__ import annotations

from workbench.extract.attribution import Attribution
from workbench.extract.cues import Cue
from workbench.extract.quotes import quote_at
from workbench.extract.words import lazy_compile

_CLAUSE_BREAK = lazy_compile(r"[,;:]\s|\b(?:but|and|while|because|although|though|as|if|when)\s")


_IN_POLL = lazy_compile(
    r"(?:(?:But|And)\s+)?(In)\s+((?:an?|the|its|their|his|her)\s[^,.;:\n]{0,80}?"
    r"\b(?:poll|survey)s?\b[^,;:\n]{0,60}?),\s*"
)


_POLL_DETAIL = lazy_compile(
    r"((?:conducted|released|taken|published|carried\s+out|fielded)\b[^,;:\n]{0,60}?),\s*"
)


def in_poll(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Attribution]:
    """Rule in-poll: "In a Harbour Times poll released Monday, 52 percent backed the plan":
    the poll is the source, "In" the cue (as PolNeAR marks it), the rest of the sentence the
    content."""
    match = _IN_POLL.match(text, start, end)
    if match is None or quote_at(quotes, match.start(1)):
        return []
    speaker, cue = match.span(2), match.span(1)
    c_start, c_end = match.end(), end
    more = _POLL_DETAIL.match(text, c_start, end)
    if more:  # "In a Harbour Times poll, conducted in May, …": still the poll
        speaker, c_start = (speaker[0], more.end(1)), more.end()
    while c_end > c_start and text[c_end - 1] in " .!?\n":
        c_end -= 1
    if len(text[c_start:c_end].split()) < 3:
        return []
    return [Attribution(speaker, cue, (c_start, c_end), "in-poll", "show", None, stance="asserts")]


_REPORTEDLY = lazy_compile(r"\breportedly\b")
_CLAUSE_END = lazy_compile(r"[,;:—–(]|\s--?\s|\s(?:but|while|although|though|because)\s")


def reportedly(
    text: str, start: int, end: int, quotes: list[tuple[int, int]], cues: list[Cue]
) -> list[Attribution]:
    """Rule reportedly: "The club is reportedly spending $1.5 million" reports an unnamed
    source's claim; the content is the clause around the adverb (as PolNeAR marks it).
    Left to the verb's own rule when the clause has a cue ("reportedly told aides …")."""
    out = []
    for match in _REPORTEDLY.finditer(text, start, end):
        if quote_at(quotes, match.start()):
            continue
        c_start = clause_start(text, start, match.start())
        if text[c_start : c_start + 5] in ("With ", "with ", "Amid ", "amid "):
            c_start += 5  # "With the mayor reportedly weighing a run, …"
        stop = _CLAUSE_END.search(text, match.end(), end)
        c_end = stop.start() if stop else end
        while c_end > c_start and text[c_end - 1] in " .!?":
            c_end -= 1
        if c_start == match.start() or c_end <= match.end():
            continue
        if any(c_start <= c.start < c_end for c in cues):
            continue
        cue_span = (match.start(), match.end())
        out.append(
            Attribution(
                None, cue_span, (c_start, c_end), "reportedly", "report", None, True, "asserts"
            )
        )
    return out


def clause_start(text: str, start: int, pos: int) -> int:
    """Start of the clause holding ``pos`` (after the last comma, semicolon or conjunction)."""
    best = start
    for match in _CLAUSE_BREAK.finditer(text, start, pos):
        best = match.end()
    while best < pos and text[best] == " ":
        best += 1
    return best
