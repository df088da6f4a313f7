"""Attribution rules for one sentence: which cue goes with which source and content.

Each rule names itself in ``Attribution.rule`` so reviewers (and the benchmark) can see why
a statement exists. Rules run in two passes: sources first, so that the content of one cue can
stop where the next cue's clause begins ("X accused Z of W, but both countries deny …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.extract.content import content_after, content_before, continuation_quote
from workbench.extract.cues import Cue, find_according, find_cues
from workbench.extract.lexicon import Lexicon
from workbench.extract.quotes import quote_at
from workbench.extract.sources import (
    Found,
    left_source,
    main_subject,
    phrase_source,
    right_source,
)

_CLAUSE_JOIN = re.compile(r"(?:[,;]\s*(?:but|and|while|although|though|whereas|yet)?|\bbut)\s*$")
_COORD_GAP = re.compile(r"(?:,\s*(?:and\s+)?|\s+(?:and|but)\s+)$")
_CLOSERS = ("”", '"', "''", ",”", ',"', "”,", '",', "’", ",’")
_IMPERSONAL = re.compile(r"\b[Ii]t\s+$")


@dataclass(slots=True)
class Attribution:
    """One attribution found in a sentence, before actors are resolved."""

    speaker: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]
    rule: str
    lemma: str
    cue_info: Cue | None
    implicit: bool = False


def sentence_attributions(
    text: str, start: int, end: int, quotes: list[tuple[int, int]], lexicon: Lexicon
) -> list[Attribution]:
    """All attributions whose cue lies in the sentence ``text[start:end]``."""
    cues = [c for c in find_cues(text, start, end, lexicon) if not quote_at(quotes, c.verb_start)]
    found: list[Attribution] = []
    for acc_start, acc_end in find_according(text, start, end):
        if quote_at(quotes, acc_start):
            continue
        if attribution := _according(text, start, end, acc_start, acc_end, quotes):
            found.append(attribution)
    sources = [_source_for(text, start, cue, found) for cue in cues]
    for i, cue in enumerate(cues):
        src = sources[i]
        if src is None or any(
            a.cue[0] <= cue.verb_start < a.cue[1] or a.content[0] <= cue.start < a.content[1]
            for a in found
        ):
            continue  # nested cues inside another statement's content are left to it
        limit = _content_limit(text, cues, sources, i, end)
        attribution = _attribute(text, start, end, limit, cue, src, quotes, found)
        if attribution:
            found.append(attribution)
    found.sort(key=lambda a: a.cue[0])
    return found


def _source_for(text: str, start: int, cue: Cue, found: list[Attribution]) -> Found | None:
    if cue.passive:
        by = re.match(r"\s+by\s+", text[cue.end :])
        if by:
            span = phrase_source(text, cue.end + by.end(), len(text))
            return Found(*span) if span else None
        if _IMPERSONAL.search(text[max(0, cue.start - 4) : cue.start]):
            return Found(None, None)  # "It is expected that …": unnamed source
        return None
    left = left_source(text, start, cue.start)
    if left is not None:
        return left
    before = text[start : cue.start].rstrip()
    if before.endswith((",", "”", '"', "''")) or not before:
        return right_source(text, cue.end, _sentence_end(text, cue.end))
    return None


def _sentence_end(text: str, pos: int) -> int:
    match = re.compile(r"[.!?](?:\s|$)|\n").search(text, pos)
    return match.start() + 1 if match else len(text)


def _content_limit(
    text: str, cues: list[Cue], sources: list[Found | None], i: int, end: int
) -> int:
    """Content of cue i stops where a later cue's own clause begins."""
    for j in range(i + 1, len(cues)):
        src = sources[j]
        if src is None:
            continue
        head = src.start if src.start is not None and src.start > cues[i].end else cues[j].start
        gap = text[cues[i].end : head]
        if src.coordinated:
            coord = _COORD_GAP.search(gap)
            if coord:
                return cues[i].end + coord.start()
        elif _CLAUSE_JOIN.search(gap):
            return cues[i].end + _CLAUSE_JOIN.search(gap).start()
    return end


def _attribute(
    text: str,
    start: int,
    end: int,
    limit: int,
    cue: Cue,
    src: Found,
    quotes: list[tuple[int, int]],
    found: list[Attribution],
) -> Attribution | None:
    speaker = (src.start, src.end) if src.start is not None and src.end is not None else None
    lemma = cue.info.lemma
    if src.coordinated:
        earlier = [a for a in found if a.speaker and a.cue[1] <= cue.start]
        speaker = earlier[-1].speaker if earlier else main_subject(text, start, cue.start)
        if speaker is None:
            return None
    cue_span = (cue.start, cue.end)
    if cue.passive and speaker is not None:
        content = content_before(text, start, cue.start, quotes)
        return Attribution(speaker, cue_span, content, "passive-by", lemma, cue) if content else None
    floor = max([start] + [a.cue[1] for a in found if a.cue[1] <= cue.start])
    head = min(speaker[0], cue.start) if speaker else cue.start
    before = text[floor:head].rstrip()
    if speaker is not None and before.endswith(_CLOSERS):
        return _quote_before(text, floor, head, cue, speaker, quotes)
    after_from = max(cue.end, speaker[1]) if speaker and speaker[0] > cue.end else cue.end
    after = content_after(text, after_from, limit, quotes, skip_object=lemma == "tell")
    if after and (len(text[after[0] : after[1]].split()) >= 3 or speaker is None
                  or not before.endswith(",")):
        if speaker is None and not src.coordinated:
            return Attribution(None, cue_span, after, "impersonal", lemma, cue, implicit=True)
        rule = "quote-after-cue" if text[after[0]] in "“\"'" else "cue-content"
        if src.coordinated:
            rule = "coordinated-cue"
        return Attribution(speaker, cue_span, after, rule, lemma, cue)
    if speaker is None or not before.endswith((",", "—", "–", "--")):
        return None  # "sanctions that Russia has supported": a relative clause, not a report
    content = content_before(text, floor, head, quotes)
    if content is None:
        return None
    return Attribution(speaker, cue_span, content, "content-cue", lemma, cue)


def _quote_before(
    text: str,
    floor: int,
    head: int,
    cue: Cue,
    speaker: tuple[int, int],
    quotes: list[tuple[int, int]],
) -> Attribution | None:
    """ "“A,” she said" and the interrupted "“A,” she told reporters, “B.”"."""
    content = content_before(text, floor, head, quotes)
    if content is None:
        return None
    tail = max(cue.end, speaker[1])
    rule = "quote-said-after"
    gap = re.match(r"[^,.;“\"]{0,40},\s*(?=[“\"]|'')", text[tail:])
    if gap:
        tail += gap.end()
    more = continuation_quote(text, tail, quotes, len(text))
    if more:
        content = (content[0], more[1])
        rule = "quote-interrupted"
    return Attribution(speaker, (cue.start, cue.end), content, rule, cue.info.lemma, cue)


def _according(
    text: str, start: int, end: int, acc_start: int, acc_end: int, quotes: list[tuple[int, int]]
) -> Attribution | None:
    """ "According to X, Y" and "Y, according to X"."""
    src = phrase_source(text, acc_end, end)
    if src is None:
        return None
    if text[start:acc_start].strip(" ,“\"") == "":
        content = content_after(text, src[1], end, quotes)
    else:
        content = content_before(text, start, acc_start, quotes)
    if content is None:
        return None
    return Attribution(src, (acc_start, acc_end), content, "according-to", "according to", None)
