"""Content finding: what was said, after the cue ("said that …") or before it ("…, she said").

Quotes decide the extent when present, since they may run over several sentences; otherwise
the content runs to the end of the clause. Spans keep quote marks (as annotators do) and drop
a trailing comma or full stop outside them.
"""

from __future__ import annotations

from workbench.extract.quotes import quote_at
from workbench.extract.words import lazy_compile

_QUOTE_OPEN = "“\"'`"
_OBJECT_END = lazy_compile(r"\bthat\b|:|[“\"]|''")
_ADDRESSEE = lazy_compile(
    r"\s*(?:him|her|them|us|me|reporters|journalists|(?:the|a|an|his|her|their)\s+[a-z]+"
    r"(?:\s+[a-z]+)?|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})"
    r"(?=\s+(?:he|she|they|it|we|I|there|his|their|its)\s+[a-z’']+)"
)
_ADJUNCT_THAT = lazy_compile(
    r",?\s*(?:(?:at|in|on|during|with|after|before|last|this|earlier|later|again|repeatedly"
    r"|recently|publicly|privately|once|now|also|then|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b)(?:(?!\b(?:that|which|who|is|was|are|were|has|have|had|will|would)\b)"
    r"[^“”\"'.;:!?]){0,70}?(?:\b[A-Z][\w’'.-]*|\d|\b(?:time|hours|morning|afternoon|evening"
    r"|night|week|month|year|weekend|website|statement|interview|speech|rally|event|conference"
    r"|call|post|tweet|letter|appearance|remarks|briefing|hearing|program|show|broadcast))"
    r",?\s(that)\s"
)
"""Rule adjunct-that: an occasion between the cue and "that" ("said at a rally in Ohio that",
"tweeted in the early morning hours that") is not what was said; it must end in a name, a
number or an occasion noun, so that a relative "that" ("the land that …") is left alone."""
_TRAILING_OCCASION = lazy_compile(
    r",?\s(?:in|during)\s(?:a|an|his|her|their)\s(?:[\w-]+\s){0,2}(?:interview|statement|speech"
    r"|op-ed|letter|post|tweet|appearance|email|call)\b[^,;“\"”]*$"
)
"""Rule trailing-occasion: "said the port was safe in a telephone interview on Monday": the
occasion closing the content is where it was said, not what was said."""


def _holds_occasion_noun(content: str) -> bool:
    """Whether one of ``_TRAILING_OCCASION``'s nouns is in ``content``: every match holds one.

    Written as a chain of ``in`` tests: a generator over a tuple costs as much as the regex.
    """
    return (
        "interview" in content
        or "statement" in content
        or "speech" in content
        or "op-ed" in content
        or "letter" in content
        or "post" in content
        or "tweet" in content
        or "appearance" in content
        or "email" in content
        or "call" in content
    )


_DASH_BREAK = lazy_compile(r"\s--?\s")
_TRAIL = " \t\n,.;:—–-"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,:;—–":
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


def content_after(
    text: str,
    cue_end: int,
    limit: int,
    quotes: list[tuple[int, int]],
    skip_object: bool = False,
    adjunct_that: bool = False,
    dash_before: int | None = None,
) -> tuple[int, int] | None:
    """Content following the cue up to ``limit`` (clause end), or the quote it opens."""
    pos = cue_end
    if skip_object:
        # "told reporters that …", "told CNN: “…”": the addressee is not part of the content.
        found = _OBJECT_END.search(text, pos, min(limit, pos + 60))
        if found and "," not in text[pos : found.start()]:
            pos = found.start()
        elif found is None and (bare := _ADDRESSEE.match(text, pos, limit)):
            pos = bare.end()  # "told the court he was …": the clause starts at its subject
    elif adjunct_that and (that := _ADJUNCT_THAT.match(text, pos, limit)):
        pos = that.start(1)  # rule adjunct-that: "said at the time that …" starts at "that"
    start, end = _trim(text, pos, limit)
    if start >= end:
        return None
    dash = _DASH_BREAK.search(text, start, end)
    if dash and dash_before is not None and dash_before >= limit:
        dash = None  # rule dash-aside-kept: no report follows the dash, so the aside is said
    if dash and text[start] not in _QUOTE_OPEN:
        start, end = _trim(text, start, dash.start())  # "… -- an aside the speaker did not say"
    if text[start] in _QUOTE_OPEN:
        quote = quote_at(quotes, start)
        if quote and quote[0] == start:
            rest = text[quote[1] : limit].strip(" ,.;:!?”\"'\n")
            if not rest or quote[1] > limit:
                return start, quote[1]
    # A quote opened inside the content may close in a later sentence: follow it.
    quote = quote_at(quotes, end - 1)
    if quote and quote[1] > end:
        end = quote[1]
    has_noun = _holds_occasion_noun(text[start:end])  # the regex is tried at every position
    occasion = _TRAILING_OCCASION.search(text, start, end) if has_noun else None
    if occasion and occasion.start() > start:
        end = _trim(text, start, occasion.start())[1]
    return start, end


def content_before(
    text: str, floor: int, end: int, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Content preceding the source/cue ("“…,” she said"), back to a quote's opening mark."""
    start = floor
    quote = quote_at(quotes, start)
    if quote and quote[0] < start:
        start = quote[0]  # the quote began in an earlier sentence
    s, e = _trim(text, start, end)
    if e - s < 2:
        return None
    return s, e


def continuation_quote(
    text: str, after: int, quotes: list[tuple[int, int]], limit: int
) -> tuple[int, int] | None:
    """A quote starting right after ``after`` (", she said, “B.”"): the rest of the quote."""
    pos = after
    while pos < limit and text[pos] in " \t,:":
        pos += 1
    if pos < limit and text[pos] in _QUOTE_OPEN:
        quote = quote_at(quotes, pos)
        if quote and quote[0] == pos:
            return quote
    return None


_SUBORDINATOR = lazy_compile(
    r"\s*(?:(?:But|And|So)\s+)?(?i:since|when|after|while|as|because|if|although|though|before"
    r"|until|once|whenever|unless|even though|even if|now that)\b"
)
_CLAUSE_COMMA = lazy_compile(r",\s")


def in_opening_clause(text: str, sentence_start: int, at: int, before: int) -> bool:
    """Whether ``at`` lies in a sentence-opening subordinate clause ("When Roe said …,") that
    has closed with a comma before ``before`` (the main clause comes between)."""
    if not _SUBORDINATOR.match(text, sentence_start, at):
        return False
    comma = text.find(", ", at, before)
    return comma >= 0 and "," not in text[sentence_start:at]


def subordinate_end(
    text: str, sentence_start: int, cue_start: int, content: tuple[int, int]
) -> tuple[int, int]:
    """Rule subordinate-clause: "Since Roe announced his bid last year, he has said …": a cue
    in a sentence-opening subordinate clause reports only up to the comma that opens the main
    clause; the main clause is the outlet's (or another cue's) sentence, not the content."""
    start, end = content
    if text[start] in _QUOTE_OPEN or not _SUBORDINATOR.match(text, sentence_start, cue_start):
        return content
    if "," in text[sentence_start:cue_start]:
        return content
    comma = _CLAUSE_COMMA.search(text, start, end)
    if comma is None or comma.start() == start:
        return content
    return _trim(text, start, comma.start())


_BUT = lazy_compile(r",\sbut\s")


def but_end(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """Rule but-clause: "She backed the plan, but the council voted it down": after a cue
    that does not report speech (backed, wants, showed …) the ", but" clause is the outlet's
    contrast, not part of the content. Speech verbs keep it: "said X, but Y" reports both."""
    start, end = content
    if text[start] in _QUOTE_OPEN:
        return content
    cut = _BUT.search(text, start, end)
    if cut is None or cut.start() == start:
        return content
    return _trim(text, start, cut.start())
