"""The leading subject of a clause, for a cue that shares it ("X rubbed his chin, and then
said …", "…, saying …"): the cue has no subject of its own, so the clause's first noun phrase
is taken, after datelines, adverbial openers and conjunctions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.extract.attribution import Attribution
from workbench.extract.content import in_opening_clause
from workbench.extract.cues import Cue
from workbench.extract.lexicon import active_lexicon
from workbench.extract.sources import (
    _BAD_END,
    _CLAUSE_WORDS,
    _WORD,
    MAX_FALLBACK_WORDS,
    PREP_OPENER,
    Found,
    _np_like,
    _trim,
)
from workbench.extract.words import lazy_compile, word_set


def _main_np() -> re.Pattern[str]:
    """`_main_np_for` the active lexicon (a user's past tenses included)."""
    return _main_np_for(active_lexicon().past_forms)


@lru_cache(maxsize=8)
def _main_np_for(past_forms: frozenset[str]) -> re.Pattern[str]:
    """A clause's leading noun phrase; its verb-like words include the irregular past tenses
    of [irregular_past] in lexicons/verbs.toml, read on first use (not at import)."""
    irregular = "|".join(sorted(past_forms))
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
    r"|Throughout|Absent|Once|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    # rule opener-shape: a manner or time adverb ("Essentially,", "Shortly after the vote,"),
    # a participle ("Walking to the car,", "Facing criticism,") or a place preposition ("Amid
    # the din,", "Outside the arena,", "Here in Ohio,") opens the sentence, not its subject
    r"|Amid|Amidst|Outside|Inside|Here|Among|Unlike|Beyond|Across|Along|Within|Upon|Behind"
    r"|[A-Z][a-z]{4,}(?:ally|tely|ntly|edly)|[A-Z][a-z]+(?:ly|ing)(?=\s+[a-z]))\b"
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
    for i in range(4):
        while pos < limit and text[pos] in ' “"':
            pos += 1
        if not (
            PREP_OPENER.match(text, pos)
            or _SUBJECT_OPENER.match(text, pos)
            # rule opener-tail: "At an event in Ames, Iowa, on Sunday, Roe …": the place's
            # state and a trailing "on Sunday" continue the opener
            or (i > 0 and _OPENER_TAIL.match(text, pos, limit))
        ):
            break
        comma = text.find(",", pos, min(limit, pos + 150))
        if comma < 0:
            break
        pos = comma + 1
    found = _subject_at(text, pos, limit) or _subject_at(text, floor, limit, skip_opener=True)
    return _with_appositive(text, _to_verb(text, found, limit), limit) if found else None


_NOT_APPOSITIVE = word_set(
    "in at on during for with after before by from meanwhile too however though also who whose"
    " which instead still even"
)
"""First words of asides and relative clauses after a subject (annotators split on "who")."""
_OPENER_TAIL = lazy_compile(r"(?:on|in|at|during|after|before)\b|(?:[A-Z][\w.’'-]*\s?){1,2},")


def _with_appositive(text: str, found: tuple[int, int], limit: int) -> tuple[int, int]:
    """Rule subject-appositive: "Roe, the county's new mayor, repeated the charge, calling …":
    annotators mark the subject with its appositive when a verb follows the closing comma."""
    start, end = found
    if not text.startswith(", ", end):
        return found
    close = text.find(", ", end + 2, min(limit, end + 160))
    if close < 0 or not _verb_patterns()[1].match(text, close + 1, limit):
        return found
    inner = text[end + 2 : close]
    if any(ch in inner for ch in '“”";:') or len(inner.split()) > 20:
        return found
    first = inner.split(None, 1)[0].lower() if inner.strip() else ""
    if first in _NOT_APPOSITIVE or first.endswith(("ing", "ly")):
        return found  # ", in an interview,", ", meanwhile,", ", speaking on radio,": asides
    return start, close


def _verb_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """`_verb_patterns_for` the active lexicon (a user's past tenses included)."""
    return _verb_patterns_for(active_lexicon().past_forms)


@lru_cache(maxsize=8)
def _verb_patterns_for(
    past_forms: frozenset[str],
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(is a verb, a word then a verb, a noun phrase up to a verb): built on first use, since
    the irregular past tenses are [irregular_past] in lexicons/verbs.toml."""
    irregular = "|".join(sorted(past_forms))
    verb_word = (
        rf"(?:[a-z]+ed|[a-z]{{2,}}[^s\W]s|{irregular}|has|have|had|is|are|was|were|will"
        r"|would|can|could|may|might|must|should|did|does)"
    )
    ahead = (
        r"(?=\s+(?:(?:also|then|later|quickly|first|now|still|recently|already)\s+)?"
        + verb_word
        + r"\b)"
    )
    return (
        lazy_compile(verb_word + r"$"),
        lazy_compile(r"(?:\s+[\w’'.&()-]+)?" + ahead),
        lazy_compile(r"(?:[\w’'.&()-]+\s+){0,9}?[\w’'.&()-]+" + ahead),
    )


_TRAILING_AUX = lazy_compile(r"\s+(?:has|have|had|is|are|was|were|will|would)$")
_NEXT_WORD = lazy_compile(r"\s+([\w’'.&()-]+)")
_NOT_IN_SUBJECT = lazy_compile(
    r"\b(?:that|which|who|whom|when|while|because|if|as|but|to|by|after|before|since)\b"
)


def _to_verb(text: str, found: tuple[int, int], limit: int) -> tuple[int, int]:
    """Rule subject-to-verb: "Likely Republican nominee Donald Trump stood …, stating": the
    name pattern stopped at the lower-case "nominee"; the subject runs on to the clause's first
    verb-like word (no comma, no clause word, at most ten words)."""
    start, end = found
    aux = _TRAILING_AUX.search(text, start, end)
    if aux and aux.start() > start:
        return start, aux.start()  # "The water regulator has ordered": not "… has"
    nxt = _NEXT_WORD.match(text, end, limit)
    if nxt is None or _verb_patterns()[0].match(nxt.group(1)):
        return found
    if text[start:end].lower() in {"he", "she", "they", "it", "we", "i"}:
        return found
    longer = _verb_patterns()[2].match(text, start, limit)
    if longer is None or longer.end() <= end or _NOT_IN_SUBJECT.search(longer.group()):
        return found
    conjunction = _CONJUNCTION.match(text, start, longer.end())
    return (conjunction.end() if conjunction else start), longer.end()  # not "But she"


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


_RELATIVE_BREAK = lazy_compile(r"\s*(?:,|\s--?|—|–)\s*(?:who|whose)\b")


def cut_reporting_relative(text: str, src: Found, cue_starts: list[int]) -> Found:
    """Rule reporting-relative: "O'Donnell, who said in an interview that …, recalled …".

    Annotators split on "X, who …, said" subjects (whole vs name only), but when the relative
    clause reports speech of its own (a reporting cue starts inside it: ``cue_starts`` holds
    only say/tell/argue/… cues, not "who voted", "who asked not to be named") they keep it as
    a separate attribution and mark only the name as the outer source (52 of 56 on train).
    """
    if src.start is None or src.end is None:
        return src
    if not any(src.start < c < src.end for c in cue_starts):
        return src  # cheap test first: most sources hold no cue
    rel = _RELATIVE_BREAK.search(text, src.start, src.end)
    if rel is None or rel.start() <= src.start:
        return src
    if not any(rel.end() <= c < src.end for c in cue_starts):
        return src
    return Found(src.start, rel.start(), src.coordinated, src.agentless)


_COMMA_GAP = lazy_compile(r",(?:”|\"|'')?\s*$")


def borrowed_speaker(
    text: str, start: int, cue: Cue, found: list[Attribution]
) -> tuple[int, int] | None:
    """The speaker a coordinated cue shares: the latest earlier statement's in the sentence,
    else the clause's leading subject.

    Rule main-clause-speaker: an earlier statement in an opening subordinate clause ("When
    Roe pointed out …, Lee seized on it, repeating …") is not the main clause's speaker, and
    a participle after a comma (", stressing …") does not share a relative clause's "who"
    ("Lee, who has endorsed Roe, offered support, stressing …"): it is the main verb's.
    """
    comma_participle = (
        cue.form.split(" ", 1)[0].endswith("ing")
        and _COMMA_GAP.search(text, max(start, cue.start - 6), cue.start) is not None
    )
    skipped = None
    for a in reversed(found):
        if not a.speaker or a.cue[1] > cue.start or a.rule == "according-to":
            continue
        if in_opening_clause(text, start, a.cue[0], cue.start) or (
            comma_participle
            and text[a.speaker[0] : a.speaker[1]].lower() in {"who", "which", "that"}
        ):
            skipped = skipped or a.speaker
            continue
        return a.speaker
    return main_subject(text, start, cue.start) or skipped


_FALLBACK_STOP = lazy_compile(r"[“\"]|''|[.!?]\s")
_VERB_CHAIN = _CLAUSE_WORDS | word_set("can could may might must shall should")


def clause_subject(text: str, floor: int, cue_start: int) -> Found | None:
    """Rule long-subject: everything from the clause start to a finite cue, when the boundary
    rules found no subject ("Tom Reed, a teacher who has campaigned for years, said …";
    "Many speakers at the service — including two imams — said …").

    Annotators mark such a subject whole, relative clauses and dashes included, so the span is
    taken whole: a leading adverbial opener ("On Monday,") is skipped, and the words must open
    like a noun phrase and hold no quotation or sentence end.
    """
    pos = floor
    while pos < cue_start and text[pos] in " \n\t":
        pos += 1
    if PREP_OPENER.match(text, pos):
        comma = text.find(",", pos, cue_start)
        if comma < 0:
            return None
        pos = comma + 1
    start, end = _trim(text, pos, cue_start)
    if start >= end or _FALLBACK_STOP.search(text, start, end):
        return None
    words = _WORD.findall(text[start:end])
    if not words or len(words) > MAX_FALLBACK_WORDS or not _np_like(words[:3]):
        return None
    if not (words[0][:1].isupper() or words[0][:1].isdigit()) or words[-1] in _BAD_END:
        return None
    if any(w.lower() in _VERB_CHAIN for w in words[-2:]):
        return None  # "A club spokeswoman would only say": a verb chain the cue rules left out
    while end > start and text[end - 1] in ",—–- ":
        end -= 1
    return Found(start, end)
