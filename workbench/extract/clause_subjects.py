"""The leading subject of a clause, for a cue that shares it ("X rubbed his chin, and then
said …", "…, saying …"): the cue has no subject of its own, so the clause's first noun phrase
is taken, after datelines, adverbial openers and conjunctions.
"""

from __future__ import annotations

from workbench.extract.sources import PREP_OPENER
from workbench.extract.words import lazy_compile, word_set

_IRREGULAR_PAST = (
    "began|was|were|had|went|took|made|gave|came|saw|won|lost|left|met|spoke|wrote|got|kept|"
    "held|stood|sat|ran|told|said|thought|brought|felt|found|led|paid|put|set|sent|spent|"
    "struck|threw|tried|became|drew|fell|knew|rose|chose|broke|wore|sought|bought|fought"
)
_MAIN_NP = lazy_compile(
    # "The judge rubbed his chin, and then said …": a determiner and lower-case words up to
    # a verb-like word (past tense, third person or a common irregular past)
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:\s+[a-z][\w’'-]*){1,3}?"
    rf"(?=\s+(?:(?:also|then|later|quickly|first)\s+)?(?:[a-z]+ed|[a-z]{{2,}}[^s\W]s|{_IRREGULAR_PAST})\b)"
    r"|(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?"
    # "The Bank of Canada": "of"/"for" inside a capitalised name
    r"(?:[A-Z][\w’'.-]*\s+(?:(?:of|for)\s+(?:the\s+)?(?=[A-Z]))?){0,5}"
    r"[A-Z][\w’'.-]*|(?:He|She|They|It|We|I)\b"
)

_OPENER_ONLY = word_set(
    "the a an his her their its but and yet so or still then now never when what if by with in "
    "on to some such there here how while not more just even other it's it’s does having"
)
"""Sentence openers that `_MAIN_NP` can take for a whole subject ("The", "But", "What")."""
_CONJUNCTION = lazy_compile(r"(?:But|And|Yet|So|Or|Still|Then)\s+")
_LOWER_PRONOUN = lazy_compile(r"(?:he|she|they|we|I)\b(?![’'-])")
_DESCRIBED_NAME = lazy_compile(
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z][\w’'-]*\s+){0,3}"
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|for|the|and)\s+)*[A-Z0-9][\w’'.-]*)*"
)
"""A subject with lower-case words before its name: "The liberal gossip site Gawker"."""


_DATELINE = lazy_compile(
    r"[A-Z][\w.’' -]{1,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
    r"\s*\((?:AP|AFP|UPI|Reuters)\)\s*[—–-]+"
    # rule caps-dateline: "TALLAHASSEE, Fla. —", "RYE, N.H. -": a place in capitals and its
    # state before a dash opens the story, it is no subject
    r"|[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:,\s*(?:[A-Z][a-zA-Z]*\.?\s?){1,3})?\s+[—–-]+"
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
    if close < 0 or not _VERB_THEN.match(text, close + 1, limit):
        return found
    inner = text[end + 2 : close]
    if any(ch in inner for ch in "“”\";:") or len(inner.split()) > 20:
        return found
    first = inner.split(None, 1)[0].lower() if inner.strip() else ""
    if first in _NOT_APPOSITIVE or first.endswith(("ing", "ly")):
        return found  # ", in an interview,", ", meanwhile,", ", speaking on radio,": asides
    return start, close


_VERB_WORD = (
    rf"(?:[a-z]+ed|[a-z]{{2,}}[^s\W]s|{_IRREGULAR_PAST}|has|have|had|is|are|was|were|will"
    r"|would|can|could|may|might|must|should|did|does)"
)
_VERB_AHEAD = (
    r"(?=\s+(?:(?:also|then|later|quickly|first|now|still|recently|already)\s+)?"
    + _VERB_WORD
    + r"\b)"
)
_IS_VERB = lazy_compile(_VERB_WORD + r"$")
_VERB_THEN = lazy_compile(r"(?:\s+[\w’'.&()-]+)?" + _VERB_AHEAD)
_NP_TO_VERB = lazy_compile(r"(?:[\w’'.&()-]+\s+){0,9}?[\w’'.&()-]+" + _VERB_AHEAD)
_NEXT_WORD = lazy_compile(r"\s+([\w’'.&()-]+)")
_NOT_IN_SUBJECT = lazy_compile(
    r"\b(?:that|which|who|whom|when|while|because|if|as|but|to|by|after|before|since)\b"
)


def _to_verb(text: str, found: tuple[int, int], limit: int) -> tuple[int, int]:
    """Rule subject-to-verb: "Likely Republican nominee Donald Trump stood …, stating": the
    name pattern stopped at the lower-case "nominee"; the subject runs on to the clause's first
    verb-like word (no comma, no clause word, at most ten words)."""
    start, end = found
    nxt = _NEXT_WORD.match(text, end, limit)
    if nxt is None or _IS_VERB.match(nxt.group(1)):
        return found
    if text[start:end].lower() in {"he", "she", "they", "it", "we", "i"}:
        return found
    longer = _NP_TO_VERB.match(text, start, limit)
    if longer is None or longer.end() <= end or _NOT_IN_SUBJECT.search(longer.group()):
        return found
    return start, longer.end()


def _subject_at(
    text: str, pos: int, limit: int, skip_opener: bool = False
) -> tuple[int, int] | None:
    if skip_opener and PREP_OPENER.match(text, pos):
        comma = text.find(",", pos, min(limit, pos + 150))
        if comma > 0:
            pos = comma + 1
    while pos < limit and text[pos] in ' “"':
        pos += 1
    match = _MAIN_NP.match(text, pos, limit)
    if not match:
        return None
    if match.group().lower() not in _OPENER_ONLY:
        return match.start(), match.end()
    # "But the U.S. Court of Appeals … overruled and said": the subject after a conjunction;
    # "The liberal gossip site Gawker set a trap … and said": lower-case words before a name
    conjunction = _CONJUNCTION.match(text, pos, limit)
    if conjunction:
        pronoun = _LOWER_PRONOUN.match(text, conjunction.end(), limit)
        if pronoun:
            return pronoun.start(), pronoun.end()  # rule conjunction-pronoun: "But she …"
        subject = _MAIN_NP.match(text, conjunction.end(), limit)
        named = _DESCRIBED_NAME.match(text, conjunction.end(), limit)
        if named and (not subject or named.end() > subject.end()):
            return named.start(), named.end()
        if subject and subject.group().lower() not in _OPENER_ONLY:
            return subject.start(), subject.end()
    named = _DESCRIBED_NAME.match(text, pos, limit)
    # a bare opener is kept when nothing better is found: PolNeAR credits its cue and content
    return (named.start(), named.end()) if named else (match.start(), match.end())
