"""Source finding: the noun phrase that does the saying, left or right of the cue.

No parser is available offline, so the source is found from clause boundaries: the words
between the last boundary (comma, conjunction, quote) and the cue, checked for length and
for ending like a noun phrase. The same boundaries tell when a cue has no subject of its own
("…and warned", ", adding") and borrows the clause's subject.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from workbench.extract.words import lazy_compile, trie_pattern, word_set

_BOUNDARY_WORDS = word_set(
    "but or yet while as because although though when after before since if which who whom "
    "where that whether so than until unless whereas what"
)
# Prefix-factored words ("wh(?:at|e(?:n|re…") keep this regex, run for every cue, cheap.
_BOUNDARY = lazy_compile(
    r"[,;:—–“”\"]|''|\s--?\s|\((?=[a-z])|\b(?i:" + trie_pattern(_BOUNDARY_WORDS) + r")\b"
)
_LEADING = lazy_compile(
    r"(?:(?:and|but|so|yet|still|also|now|then|however|meanwhile|instead|indeed|moreover"
    r"|though|although|whereas|whilst"
    r"|earlier|later|separately|similarly|finally|today|yesterday|previously|lest|perhaps"
    r"|say|maybe|probably|certainly|clearly|surely|even|thus|hence|too|of course"
    r"|(?!(?:fami|a|ra|supp|assemb|homi|monopo|rep|app|rel|anoma|jul|ita)ly\b)(?-i:[a-z]+ly"
    # rule ly-name: a capitalised -ly word is an opener only if more follows and the next
    # word is no name: "Kelly said", "Kelly Ayotte said" keep their speaker
    r"|[A-Z][a-z]*ly\b(?!\s+[A-Z])(?=[\s,]*\w)))"
    r"\b[\s,]*)+",
    re.IGNORECASE,
)
_BAD_END = word_set(
    "to of in on at for with by from about into over under the a an and or but is was "
    "were are be been has have had will would could should may might must not that this "
    "which who it's its their his her our my your than as if when while"
)
_CLAUSE_WORDS = word_set("is was were are has have had will would do does did")
_COORD_END = frozenset({"and", "or", "but", "then", "and then"})
_WORD = lazy_compile(r"[\w’'.&/-]+")
_TRAILING_NP = lazy_compile(
    r"(?<![\w’'-])(?:(?:[A-Z][\w’'.-]*|of|the)\s+){0,5}[A-Z][\w’'.-]*(?:\s+\([^)]{1,20}\))?$"
    r"|(?<![\w’'-])(?:he|she|they|He|She|They)$"
)
_TRAILING_ADVERB = lazy_compile(
    r"(?:,?\s+(?:however|though|too|also|in particular|for (?:their|his|her|its) part),?"
    r"|(?:\s+(?:(?!(?:fami|a|ra|supp|assemb|homi|monopo|rep|app|rel|anoma|jul|ita)ly\b)[a-z]+ly"
    r"|almost|not|never|once|often|now|(?<!\bof )(?:both|all|each)))+"
    r"|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|\s+(?:yesterday|today|tonight)"
    # "Danny Okafor last night"; "last week", "this month" too traded a gold speaker span for
    # an actor, so they stay
    r"|\s+last\s+night)$"
)
# The last word of every _TRAILING_ADVERB match is one of these or ends in "ly".
_TRAILING_WORDS = word_set(
    "however though too also particular part almost not never once often now yesterday today"
    " both all each"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday tonight night"
)
_ONLY_WHEN = lazy_compile(
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today"
    r"|also|however|too|meanwhile)\s*$"
)
_OF_WHOM = lazy_compile(
    r"\b((?:many|some|most|all|none|several|few|one|two|each) of (?:whom|which))\s+$"
)
_LAST_WORD = lazy_compile(r"(\w+)$")
_INITIAL_END = lazy_compile(r"\b[A-Z]\.$")
PREP_OPENER = lazy_compile(
    r"(?:On|In|At|After|Before|During|Earlier|Later|Last|This|For|Since|Meanwhile|When|While"
    r"|As|Despite|Speaking|Asked|Following|Without|With|Under|Over|Then|But|And|Still|Yet)\b"
)

_BAD_START = word_set(
    "to of in on at for with by from about into over under and or but is was were are be "
    "been has have had will would could should may might must not no that this which who "
    "what when where why how if as than then so because although though while after "
    "before since until there here very just only even also still already now please can do "
    "does did"
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their"}
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you"])


_APPROXIMATE = lazy_compile(
    r"(?:about|over|under|just|only|roughly|around|(?:more|fewer|less)\s+than)\s+"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+third|a\s+quarter"
    r"|a\s+dozen|a\s+hundred|a\s+thousand|a\s+million)\b)",
    re.IGNORECASE,
)
"""A quantity that opens a subject: "About four in 10 voters", "More than half of them"."""


def _np_like(words: list[str]) -> bool:
    """Cheap test that words form a noun phrase: no odd first word, a pronoun stands alone."""
    first = words[0].lower()
    if first == "no" and len(words) == 2 and words[1].lower() == "one":
        return True
    if len(words) > 2 and _APPROXIMATE.match(" ".join(words[:4])):
        return True  # rule quantity-subject (round 5, from train's missed sources)
    if first in _BAD_START or (
        first.endswith("ly") and first not in {"early", "only"} and words[0].islower()
    ):  # rule ly-name: a capitalised -ly word left over is a name ("Kelly", "Daly")
        return False
    if first in _PRONOUNS:
        return len(words) == 1
    return not (len(words) == 1 and first.endswith(("ing", "ed")) and words[0].islower())


@dataclass(frozen=True, slots=True)
class Found:
    """A source span, or a marker that the cue shares the subject of an earlier clause."""

    start: int | None
    end: int | None
    coordinated: bool = False
    agentless: bool = False  # a passive that names no source


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace of every kind (no-break, thin, line separator, form feed …) too.

    Stripping only ASCII spaces left a candidate such as "\u00a0" non-empty but with no words,
    and the "who"/"which" test then indexed the first word of nothing (IndexError).
    """
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def left_source(text: str, floor: int, cue_start: int, participle: bool = False) -> Found | None:
    """The subject immediately before the cue, an appositive subject, or coordination."""
    floor = max(floor, cue_start - 300)  # a source is never longer; keeps long sentences cheap
    last = _last_boundary(text, floor, cue_start)
    bound = last.group().lower() if last else ""
    start, end = _trim(text, last.end() if last else floor, cue_start)
    has_whom = text.find(" of wh", floor, cue_start) >= 0  # cheap test before the regex
    whom = _OF_WHOM.search(text, floor, cue_start) if has_whom else None
    if whom:
        return Found(whom.start(1), whom.end(1))  # "many of whom say"
    if last and bound == "," and _ONLY_WHEN.match(text, start, end):
        start = end  # "The coach, Emma Hale, on Saturday denied": the appositive subject
    if start == end:
        if participle and bound in {",", "—", "–"}:
            return Found(None, None, coordinated=True)  # "…, saying that …"
        if last and bound == ",":
            return _appositive(text, floor, last.start())
        if bound in {"but", "and", "or", "yet"}:
            return Found(None, None, coordinated=True)
        if participle and bound in {"after", "before", "while", "when", "since"}:
            # rule subordinate-participle: "Roe told reporters, before insisting …": the
            # participle of a time clause shares the main clause's subject
            return Found(None, None, coordinated=True)
        if last and bound in {"who", "which"}:
            return Found(last.start(), last.end())  # annotators mark "who" itself
        return None
    bare = text[start:end].lower()
    if bare in _COORD_END:
        return Found(None, None, coordinated=True)  # "…, and said"
    if last and bound in {"who", "which"} and bare.split()[0] in _BAD_START:
        restrictive = _restrictive_subject(text, floor, last, bare, end)
        if restrictive is not None:
            return restrictive
        return Found(last.start(), last.end())  # "who in 2010 said"
    lead = _LEADING.match(text, start, end)
    if lead and lead.end() > start:
        start = lead.end()
    words = _WORD.findall(text[start:end])
    if not words:
        return None
    if words[-1].lower() in _COORD_END or (
        participle and words[-1].lower() in {"by", "from", "for", "after", "before", "of", "about"}
    ):
        return Found(None, None, coordinated=True)
    if (
        len(words) > 10
        or (words[-1].lower() in _BAD_END and words[-1].islower())
        or any(w.lower() in _CLAUSE_WORDS for w in words[1:])
        or not _np_like(words)
    ):
        tail = _TRAILING_NP.search(text, start, end)
        if tail is None:
            return None
        t_start = tail.start()
        first = _WORD.match(text, t_start)
        if first and first.group().lower() in _BAD_START:
            t_start = first.end() + 1  # "When Roe noted" -> "Roe"
        elif t_start == start:
            return None  # the whole candidate already failed the noun-phrase test
        if t_start >= tail.end():
            return None
        if (
            _OBJECT_BEFORE.search(text, start, t_start) or _joined_subject(text, start, t_start)
        ) and _whole_subject(words):
            return Found(start, end)  # rule object-name: "voters in all five states on Super
            # Tuesday said": the name is a preposition's object; the subject is the whole phrase
        return Found(t_start, tail.end())
    last_word = text[start:end].rsplit(None, 1)[-1].rstrip(",")
    if last_word not in _TRAILING_WORDS and not last_word.endswith("ly"):
        return Found(start, end)  # cannot end in an adverb: skip the regex, tried at each position
    trail = _TRAILING_ADVERB.search(text, start, end)
    if trail and trail.start() > start:
        end = trail.start()
    return Found(start, end)


def _restrictive_subject(
    text: str, floor: int, rel: re.Match[str], bare: str, end: int
) -> Found | None:
    """Rule restrictive-relative: "Supporters who have heard from the campaign say …": the
    relative clause has its own verb ("have heard"), so "who" is not the cue's subject; the
    subject is the noun phrase before "who" with its clause (no comma: a restrictive one).
    """
    if bare.split()[0] not in _CLAUSE_WORDS or rel.group().lower() != "who":
        return None
    if text[max(floor, rel.start() - 2) : rel.start()].strip() in {",", "(", "—", "–", "-"}:
        return None  # "Roe, who has …": a non-restrictive clause, handled as before
    if bare.rsplit(None, 1)[-1] in _COORD_END:
        return None  # "an aide who had been to Haiti and sought …": the clause's own verbs
    head = antecedent(text, floor, rel.start())
    if head is None:
        return None
    return Found(head[0], end)


_OBJECT_BEFORE = lazy_compile(r"\b(?:in|on|of|from|at|for|by|with|across|\w+ing)\s+(?:the\s+)?$")
_AND_BEFORE = lazy_compile(r"\s(?:and|&)\s+(?:former\s+|the\s+)?$")
_BY_INSIDE = lazy_compile(r"\sby\s")


def _joined_subject(text: str, start: int, t_start: int) -> bool:
    """Rule joined-subject: the trailing name is not the whole subject when it is the second
    of two names ("Former Gov. Jo Roe (D) and former Gov. Al Lee (R) announced") or the
    agent of a document ("A 2009 report by the Center for Tax and Budget Research found")."""
    if _AND_BEFORE.search(text, start, t_start):
        return text[start].isupper()
    first = text[start : start + 4].lower()
    return (
        first.startswith(("a ", "an ", "the "))
        and _BY_INSIDE.search(text, start, t_start) is not None
    )


_SUBJECT_QUANTIFIER = word_set(
    "about some most many all several few majorities majority half two three four five six"
    " seven eight nine ten large small overwhelming nearly almost more"
)


def _whole_subject(words: list[str]) -> bool:
    """Whether a long candidate reads as one subject: a quantity, a name or a plural group
    first, no clause words and no more than 30 words."""
    first = words[0]
    return (
        len(words) <= 30
        and not any(w.lower() in _CLAUSE_WORDS for w in words)
        and (first.lower() in _SUBJECT_QUANTIFIER or first[:1].isdigit() or _np_like(words[:3]))
    )


def _last_boundary(text: str, floor: int, cue_start: int) -> re.Match[str] | None:
    """The last ``_BOUNDARY`` match of a forward scan of ``text[floor:cue_start]``.

    ``re`` only searches forwards, and the window can be 300 characters long while the last
    boundary is usually a few words before the cue, so the window is scanned in chunks of
    about 60 characters from the end backwards. Each chunk starts just after a space that is
    not followed by "-": no boundary can span that point (only "''", " -- " and words are
    longer than one character), so a chunk's matches are exactly those of the full scan.
    """
    end = cue_start
    while end > floor:
        start = floor
        space = text.find(" ", max(floor, end - 60), end - 1)
        while space >= 0:
            if text[space + 1] != "-":
                start = space + 1
                break
            space = text.find(" ", space + 1, end - 1)
        tail = deque(_BOUNDARY.finditer(text, start, end), maxlen=1)
        if tail:
            return tail[0]
        end = start
    return None


_SENTENCE_END = lazy_compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z“\"])")


def antecedent(text: str, floor: int, rel_start: int) -> tuple[int, int] | None:
    """ "blamed the mayor, who said …": the noun phrase a relative pronoun stands for."""
    before = text[floor:rel_start].rstrip(" ,")
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    if ends:  # an antecedent never reaches into the sentence before
        floor, before = floor + ends[-1], before[ends[-1] :]
    words = list(_WORD.finditer(before))
    if not words:
        return None
    first = len(words) - 1
    while first > 0 and len(words) - first < 5:
        word = words[first].group()
        if word.lower() in _DETERMINERS:
            break  # "the mayor": the determiner opens the phrase
        prev = words[first - 1].group()
        if not (prev[:1].isupper() or prev.lower() in _DETERMINERS) or prev.lower() in _BAD_START:
            break
        first -= 1
    if not _np_like([w.group() for w in words[first:]]):
        return None
    return floor + words[first].start(), floor + words[-1].end()


def _appositive(text: str, floor: int, comma: int) -> Found | None:
    """ "Jane Roe, a spokeswoman for the port, which runs the docks, said": name + appositives.

    Walks back over comma-separated pieces until one starts like a name; the pieces after it
    must read as appositives (lower-case descriptions, relative clauses, ages, party tags).
    """
    pieces: list[tuple[int, int]] = []
    end = comma
    while len(pieces) < 5:
        prev = max(
            text.rfind(",", floor, end),
            text.rfind("”", floor, end),
            text.rfind('"', floor, end),
            text.rfind(";", floor, end),
        )
        start = prev + 1 if prev >= floor else floor
        start, end = _trim(text, start, end)
        while start < end and text[start] in "'’":
            start += 1  # the closing '' of a quotation before the name: "''…,'' Jo Roe, a …"
        pieces.append(_trim(text, start, end))
        if prev < floor or text[prev] != ",":
            break
        end = prev
    for k, (n_start, n_end) in enumerate(pieces):
        if k == 0:
            continue
        lead = _LEADING.match(text, n_start, n_end)
        if lead and lead.end() > n_start:
            n_start = lead.end()
        words = _WORD.findall(text[n_start:n_end])
        if not words or len(words) > 8 or any(w.lower() in _CLAUSE_WORDS for w in words):
            continue
        if PREP_OPENER.match(text, n_start) or not _np_like(words):
            continue
        appositives = pieces[:k]
        named = text[n_start].isupper() or any(
            text[a:b][:1].isupper() and len(_WORD.findall(text[a:b])) <= 4 for a, b in appositives
        )
        if named and all(_appositive_like(text, a, b) for a, b in appositives):
            return Found(n_start, comma)
    return None


def _appositive_like(text: str, start: int, end: int) -> bool:
    words = _WORD.findall(text[start:end])
    if not words or len(words) > 22:
        return False
    first = words[0]
    if first.lower() in {"who", "which", "whose", "whom"} or first[:1].isdigit():
        return True
    if first[:1].isupper():
        # a name after a description, or "R-Ky."; rule titled-appositive: a longer one that
        # describes ("President Obama's former chief of staff") has lower-case content words
        return len(words) <= 5 or (
            len(words) <= 12
            and sum(w.islower() and w not in _LIST_WORDS for w in words) >= 2
            and not any(w.lower() in _CLAUSE_WORDS for w in words)
        )
    return not any(w.lower() in _CLAUSE_WORDS for w in words)


_LIST_WORDS = word_set("and or of the a an for in at on to")
_PARTICIPLE_NEXT = lazy_compile(r"\s*(?:also\s+|apparently\s+|likely\s+)?[a-z]+ing\b")
"""", referring to Trump" after an inverted source is the speaker's next report."""


_LATER_PARTICIPLE = lazy_compile(
    r",\s(?:referring|adding|noting|pointing|speaking|citing|calling|explaining|saying|arguing"
    # rule appositive-occasion: "said Jo Roe, 31, of Leeds, after listening to …", "…, but he
    # was shocked", "…, surrounded by his children": an occasion, a new clause or a participle
    # after the appositive leaves the source
    r"|but|after|before|when|while|with|about|asked|[a-z]{3,}ed)\b"
)
_INVERTED_STOP = lazy_compile(
    r"\s(?:when|while|after|before)\s"
    # rule inverted-occasion: "said Mayor Dan Roe in a telephone interview", "… on Monday",
    # "… at a rally": the occasion after the name is no part of the source
    r"|\s(?:in|during|at)\s+(?:a|an|his|her|their)\s"
    r"|\s(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b"
)
_INVERTED_WHO = lazy_compile(r"(?:the|a|an)\s+(?:[\w’'-]+\s+){0,4}?(?:who|whose)\s")
"""Rule inverted-relative: "…,” said the man who built the docks." (annotators keep the
relative clause in the source)."""


def right_source(text: str, cue_end: int, limit: int) -> Found | None:
    """Inverted order, "…, said the minister." : the noun phrase after the cue."""
    pos = cue_end
    while pos < limit and text[pos] == " ":
        pos += 1
    stop = pos
    while stop < limit and text[stop] not in '.,;!?(\n“"':
        stop += 1
    if stop < limit and text[stop] == "." and _abbrev_dot(text, stop):
        stop2 = stop + 1
        while stop2 < limit and text[stop2] not in ',;!?\n“"':
            stop2 += 1
        stop = stop2
    start, end = _trim(text, pos, stop)
    cut = _INVERTED_STOP.search(text, start, end)
    if cut and cut.start() > start:
        named = _WORD.findall(text[start : cut.start()])
        if named and named[-1][:1].isupper() and not any(w.lower() in _CLAUSE_WORDS for w in named):
            end = cut.start()  # "said harbour pilot Dan Roe when asked about it": the name only
    words = _WORD.findall(text[start:end])
    if len(words) > 8 and _INVERTED_WHO.match(text, start, end):
        return Found(start, end) if len(words) <= MAX_FALLBACK_WORDS else None
    if not words or len(words) > 8 or words[-1].lower() in _BAD_END:
        return None
    if not _np_like(words) or _clause_like(words):
        return None
    if end < limit and text[end] == "," and not _PARTICIPLE_NEXT.match(text, end + 1, limit):
        rest_end = limit
        while rest_end > end and text[rest_end - 1] in " .!?\n":
            rest_end -= 1
        if 0 < len(_WORD.findall(text[end:rest_end])) <= 30:
            # rule appositive-participle: "said Erik Roe, the head of music, referring to …":
            # the participle after the appositive is the speaker's next report, not the source
            later = _LATER_PARTICIPLE.search(text, end + 1, rest_end)
            end = _trim(text, start, later.start())[1] if later else rest_end
    return Found(start, end)


def _clause_like(words: list[str]) -> bool:
    """Rule inverted-clause: "X, a teacher who has campaigned for years, said the pier was
    unsafe": a finite verb after the cue's object ("the pier was") makes the words a clause
    (the content), not an inverted source; a relative clause ("the man who was …") may."""
    lowered = [w.lower() for w in words]
    if any(w in {"who", "whose", "which", "that"} for w in lowered):
        return False
    return any(w in _CLAUSE_WORDS for w in lowered[1:])


def _abbrev_dot(text: str, dot: int) -> bool:
    word = _LAST_WORD.search(text[max(0, dot - 5) : dot])
    if word is None:
        return False
    name = word.group(1)
    if len(name) == 1 and name.isupper():
        return True  # a middle initial: "said Edward G. Rendell, a former governor"
    return name in {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen"}


def phrase_source(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase after "according to" or "by": up to the next comma or the end."""
    stop = start
    while stop < limit and text[stop] not in ',;!?\n“"':
        stop += 1
    s, e = _trim(text, start, stop)
    while e > s and text[e - 1] in "." and not _INITIAL_END.search(text[s:e]):
        e -= 1
    words = _WORD.findall(text[s:e])
    if not words or len(words) > 16:
        return None
    return s, e


MAX_FALLBACK_WORDS = 30
