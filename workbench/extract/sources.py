"""Source finding: the noun phrase that does the saying, left or right of the cue.

No parser is available offline, so the source is found from clause boundaries: the words
between the last boundary (comma, conjunction, quote) and the cue, checked for length and
for ending like a noun phrase. The same boundaries tell when a cue has no subject of its own
("…and warned", ", adding") and borrows the clause's subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOUNDARY = re.compile(
    r"[,;:(\[—–]|[“”\"]|''|\s--\s|\b(?:but|or|while|as|because|although|though|when|after"
    r"|before|since|if|which|who|whom|where|that|whether|so|than|until|unless|whereas)\b"
)
_LEADING = re.compile(
    r"^(?:(?:and|but|so|yet|still|also|now|then|however|meanwhile|instead|indeed|moreover"
    r"|earlier|later|separately|similarly|finally|today|yesterday|previously)\b[\s,]*)+",
    re.IGNORECASE,
)
_BAD_END = frozenset(
    """to of in on at for with by from about into over under the a an and or but is was were
    are be been has have had will would could should may might must not that this which who
    it's its their his her our my your than as if when while""".split()
)
_CLAUSE_WORDS = frozenset("is was were are has have had will would do does did".split())
_NAME_GLUE = frozenset({"of", "the", "for", "and", "de", "van", "von", "al", "bin"})
_COORD_END = frozenset({"and", "or", "but", "then", "and then"})
_WORD = re.compile(r"[\w’'.&/-]+")
_NP_START = re.compile(
    r"(?:[A-Z0-9“\"]|(?:the|a|an|another|one|some|many|most|his|her|their|its|several|two|both"
    r"|all|few|other|officials|analysts|experts|critics|sources|police|he|she|they|we|i)\b)"
)
_PREP_OPENER = re.compile(
    r"^(?:On|In|At|After|Before|During|Earlier|Later|Last|This|For|Since|Meanwhile|When|While"
    r"|As|Despite|Speaking|Asked|Following|Without|With|Under|Over|Then|But|And|Still|Yet)\b"
)
_MAIN_NP = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?(?:[A-Z][\w’'.-]*\s+){0,5}"
    r"[A-Z][\w’'.-]*|(?:He|She|They|It|We|I)\b"
)


@dataclass(frozen=True, slots=True)
class Found:
    """A source span, or a marker that the cue shares the subject of an earlier clause."""

    start: int | None
    end: int | None
    coordinated: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


def left_source(text: str, floor: int, cue_start: int) -> Found | None:
    """The subject immediately before the cue, an appositive subject, or coordination."""
    bounds = [(m.start(), m.end(), m.group()) for m in _BOUNDARY.finditer(text, floor, cue_start)]
    cand_start = bounds[-1][1] if bounds else floor
    start, end = _trim(text, cand_start, cue_start)
    if start == end:
        if bounds and bounds[-1][2] == "," and len(bounds) >= 2:
            return _appositive(text, floor, bounds)
        if bounds and bounds[-1][2] in {"but", "and"}:
            return Found(None, None, coordinated=True)
        return None
    lead = _LEADING.match(text, start, end)
    if lead and lead.end() > start:
        start = lead.end()
    words = _WORD.findall(text[start:end])
    if not words:
        return None
    if words[-1].lower() in _COORD_END:
        return Found(None, None, coordinated=True)
    if len(words) > 10:
        cut = text.rfind(" and ", start, end)
        if cut < 0:
            return None
        start = cut + 5
        words = _WORD.findall(text[start:end])
        if len(words) > 10 or not words:
            return None
    if words[-1].lower() in _BAD_END or any(w.lower() in _CLAUSE_WORDS for w in words[1:]):
        return None
    if not _NP_START.match(text, start):
        return None
    return Found(start, end)


def _appositive(text: str, floor: int, bounds: list[tuple[int, int, str]]) -> Found | None:
    """ "Jane Roe, a spokeswoman for the ministry, said": the name plus its appositive."""
    app_start = bounds[-2][1]
    app_words = _WORD.findall(text[app_start : bounds[-1][0]])
    if not app_words or len(app_words) > 12:
        return None
    name_floor = bounds[-3][1] if len(bounds) >= 3 else floor
    if bounds[-2][2] != ",":
        return None
    n_start, n_end = _trim(text, name_floor, bounds[-2][0])
    lead = _LEADING.match(text, n_start, n_end)
    if lead and lead.end() > n_start:
        n_start = lead.end()
    name_words = _WORD.findall(text[n_start:n_end])
    if not name_words or len(name_words) > 7 or not text[n_start : n_start + 1].isupper():
        if not re.match(r"(?:one|some|many|each|most|all|two|three) of ", text[n_start:n_end]):
            return None
    elif any(w[:1].islower() and w not in _NAME_GLUE for w in name_words):
        return None
    if any(w.lower() in _CLAUSE_WORDS for w in name_words):
        return None
    return Found(n_start, bounds[-1][0])


def right_source(text: str, cue_end: int, limit: int) -> Found | None:
    """Inverted order, "…, said the minister." : the noun phrase after the cue."""
    pos = cue_end
    while pos < limit and text[pos] == " ":
        pos += 1
    stop = pos
    while stop < limit and text[stop] not in ".,;!?\n“\"":
        stop += 1
    if stop < limit and text[stop] == "." and _abbrev_dot(text, stop):
        stop2 = stop + 1
        while stop2 < limit and text[stop2] not in ",;!?\n“\"":
            stop2 += 1
        stop = stop2
    start, end = _trim(text, pos, stop)
    words = _WORD.findall(text[start:end])
    if not words or len(words) > 8 or words[-1].lower() in _BAD_END:
        return None
    if not _NP_START.match(text, start):
        return None
    if end < limit and text[end] == ",":
        rest_end = limit
        while rest_end > end and text[rest_end - 1] in " .!?\n":
            rest_end -= 1
        if 0 < len(_WORD.findall(text[end:rest_end])) <= 10:
            end = rest_end
    return Found(start, end)


def _abbrev_dot(text: str, dot: int) -> bool:
    word = re.search(r"(\w+)$", text[max(0, dot - 5) : dot])
    return bool(word) and word.group(1) in {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen"}


def phrase_source(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase after "according to" or "by": up to the next comma or the end."""
    stop = start
    while stop < limit and text[stop] not in ",;!?\n“\"":
        stop += 1
    s, e = _trim(text, start, stop)
    while e > s and text[e - 1] in "." and not re.search(r"\b[A-Z]\.$", text[s:e]):
        e -= 1
    words = _WORD.findall(text[s:e])
    if not words or len(words) > 16:
        return None
    return s, e


def main_subject(text: str, floor: int, limit: int) -> tuple[int, int] | None:
    """The leading subject of a clause, for cues coordinated with an earlier verb."""
    pos = floor
    if _PREP_OPENER.match(text, pos):
        comma = text.find(",", pos, min(limit, pos + 80))
        if comma > 0:
            pos = comma + 1
    while pos < limit and text[pos] in " “\"":
        pos += 1
    match = _MAIN_NP.match(text, pos, limit)
    if not match:
        return None
    return match.start(), match.end()
