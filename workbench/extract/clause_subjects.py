"""The leading subject of a clause, for a cue that shares it ("X rubbed his chin, and then
said …", "…, saying …"): the cue has no subject of its own, so the clause's first noun phrase
is taken, after datelines, adverbial openers and conjunctions.
"""

from __future__ import annotations

import re
from functools import cache

from workbench.extract.lexicon import load_lexicon
from workbench.extract.sources import PREP_OPENER
from workbench.extract.words import lazy_compile, word_set


@cache
def _main_np() -> re.Pattern[str]:
    """A clause's leading noun phrase; its verb-like words include the irregular past tenses
    of [irregular_past] in lexicons/verbs.toml, read on first use (not at import)."""
    irregular = "|".join(sorted(load_lexicon().past_forms))
    return lazy_compile(
        # "The judge rubbed his chin, and then said …": a determiner and lower-case words up to
        # a verb-like word (past tense, third person or a common irregular past)
        r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:\s+[a-z][\w’'-]*){1,3}?"
        rf"(?=\s+(?:(?:also|then|later|quickly|first)\s+)?(?:[a-z]+ed|[a-z]{{2,}}[^s\W]s|{irregular})\b)"
        r"|(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?"
        # "The Bank of Canada": "of"/"for" inside a capitalised name
        r"(?:[A-Z][\w’'.-]*\s+(?:(?:of|for)\s+(?:the\s+)?(?=[A-Z]))?){0,5}"
        r"[A-Z][\w’'.-]*|(?:He|She|They|It|We|I)\b"
    )


_OPENER_ONLY = word_set(
    "the a an his her their its but and yet so or still then now never when what if by with in "
    "on to some such there here how while not more just even other it's it’s does having"
)
"""Sentence openers that `_main_np` can take for a whole subject ("The", "But", "What")."""
_CONJUNCTION = lazy_compile(r"(?:But|And|Yet|So|Or|Still|Then)\s+")
_DESCRIBED_NAME = lazy_compile(
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z][\w’'-]*\s+){0,3}"
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|for|the|and)\s+)*[A-Z0-9][\w’'.-]*)*"
)
"""A subject with lower-case words before its name: "The liberal gossip site Gawker"."""


_DATELINE = lazy_compile(
    r"[A-Z][\w.’' -]{1,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
    r"\s*\((?:AP|AFP|UPI|Reuters)\)\s*[—–-]+"
)
_SUBJECT_OPENER = lazy_compile(
    r"(?:Instead|However|Hours|Moments|Minutes|Days|Weeks|Months|Years|Now|Also|Today|Yesterday"
    r"|Throughout|Absent|Once|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b"
)
"""Openers before a comma that are not the clause's subject (rule main-subject-opener)."""


def main_subject(text: str, floor: int, limit: int) -> tuple[int, int] | None:
    """The leading subject of a clause, for cues coordinated with an earlier verb.

    A dateline ("WASHINGTON (AP) —") and up to two openers before a comma ("Instead,", "Hours
    later,") are skipped first (rule main-subject-opener); if no subject follows them, the
    clause start is read as before.
    """
    pos = floor
    dateline = _DATELINE.match(text, pos, limit)
    if dateline:
        pos = dateline.end()
    for _ in range(2):
        while pos < limit and text[pos] in ' “"':
            pos += 1
        if not (PREP_OPENER.match(text, pos) or _SUBJECT_OPENER.match(text, pos)):
            break
        comma = text.find(",", pos, min(limit, pos + 150))
        if comma < 0:
            break
        pos = comma + 1
    return _subject_at(text, pos, limit) or _subject_at(text, floor, limit, skip_opener=True)


def _subject_at(
    text: str, pos: int, limit: int, skip_opener: bool = False
) -> tuple[int, int] | None:
    if skip_opener and PREP_OPENER.match(text, pos):
        comma = text.find(",", pos, min(limit, pos + 150))
        if comma > 0:
            pos = comma + 1
    while pos < limit and text[pos] in ' “"':
        pos += 1
    match = _main_np().match(text, pos, limit)
    if not match:
        return None
    if match.group().lower() not in _OPENER_ONLY:
        return match.start(), match.end()
    # "But the U.S. Court of Appeals … overruled and said": the subject after a conjunction;
    # "The liberal gossip site Gawker set a trap … and said": lower-case words before a name
    conjunction = _CONJUNCTION.match(text, pos, limit)
    if conjunction:
        subject = _main_np().match(text, conjunction.end(), limit)
        named = _DESCRIBED_NAME.match(text, conjunction.end(), limit)
        if named and (not subject or named.end() > subject.end()):
            return named.start(), named.end()
        if subject and subject.group().lower() not in _OPENER_ONLY:
            return subject.start(), subject.end()
    named = _DESCRIBED_NAME.match(text, pos, limit)
    # a bare opener is kept when nothing better is found: PolNeAR credits its cue and content
    return (named.start(), named.end()) if named else (match.start(), match.end())
