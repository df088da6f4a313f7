"""Nominal cues: "the mayor's claim that …", "the ministry's warning that …".

A possessive before a reporting noun names who made the claim, and the that-clause (or quote)
after it is the content. Fact-checkers meet these constantly in paraphrase-heavy copy.
"""

from __future__ import annotations

from workbench.extract.content import content_after
from workbench.extract.words import lazy_compile

_NOMINAL = lazy_compile(
    r"((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*[’']s|\b(?:his|her|their|its)"
    r"|\b(?:the|[Tt]he)\s+(?:[a-z]+\s+)?[a-z]+[’']s)\s+"
    r"(?:(?:earlier|latest|repeated|recent|previous|new|false|baseless|unfounded|infamous)\s+)?"
    r"(claims?|assertions?|allegations?|arguments?|contention|suggestions?|warnings?|promises?"
    r"|pledges?|denials?|insistence|beliefs?|accusations?|charges?|predictions?|vows?"
    r"|comments?|remarks?|statements?)\b"
    r"(?=\s+(?:that\b|about\b|“|\"))"
)
# Not before "of" ("his promise of lower taxes"): no such train prediction was a gold cue.

_THAT_NEXT = lazy_compile(r"\s*that")
# Rule nominal-implicit: "There were reports that …", "amid allegations that …": a claim
# whose source the text does not name.
_IMPLICIT = lazy_compile(
    r"\b(?:[Tt]here\s+(?:are|were|have\s+been|had\s+been)\s+(?:\w+\s+)?|amid\s+(?:\w+\s+)?)"
    r"(reports|claims|allegations|accusations|rumou?rs|suggestions|warnings)\s+(?=that\b)"
)
_MAX_MATCHES = 24  # as pipeline.MAX_PER_SENTENCE; "X's claim that" ×16,000 was 166 s


def nominal_attributions(
    text: str, start: int, end: int, quotes: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int], str]]:
    """(speaker, cue, content, noun) for possessive reporting nouns in the sentence."""
    out: list[tuple[tuple[int, int], tuple[int, int], tuple[int, int], str]] = []
    for n, match in enumerate(_NOMINAL.finditer(text, start, end)):
        if n == _MAX_MATCHES:
            break  # each match scans to the sentence end: unbounded, a run-on is quadratic
        comma = text.find(", ", match.end(2), end)
        limit = comma if comma > 0 and not _THAT_NEXT.match(text, match.end(2)) else end
        content = content_after(text, match.end(2), limit, quotes)
        if content is None:
            continue
        out.append(
            (
                (match.start(1), match.end(1)),
                (match.start(2), match.end(2)),
                content,
                match.group(2).lower(),
            )
        )
    return out


def implicit_nominal(
    text: str, start: int, end: int, quotes: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """(cue, content, noun) for unattributed reporting nouns ("There were reports that …")."""
    out: list[tuple[tuple[int, int], tuple[int, int], str]] = []
    for match in _IMPLICIT.finditer(text, start, end):
        content = content_after(text, match.end(1), end, quotes)
        if content is not None:
            out.append(((match.start(1), match.end(1)), content, match.group(1).lower()))
        if len(out) == _MAX_MATCHES:
            break
    return out
