"""Contents that span their own source and cue, as annotators mark them.

Two shapes, each a named rule:

* ``relative-report``: "the wall, which he said Mexico would pay for" – the relative pronoun
  opens the reported clause, so the content runs from "which" over "he said" to the clause end;
* ``parenthetical``: "This campaign, he says, is different" – a source and cue set off by
  commas inside the clause they report, so the content runs from the clause start to its end.

One span must hold the whole content (the pieces around the cue are read by
``pipeline._joined`` only for quotations), so both contents include the source and cue.
"""

from __future__ import annotations

from workbench.extract.words import lazy_compile

_RELATIVE_BEFORE = lazy_compile(r",\s+(which)\s+$")
_PARENTHESIS_END = lazy_compile(r"\s*,\s+(?!(?:\w+ing|according|and|but|or)\b)(?=[\w“\"'])")


def relative_report(text: str, speaker_start: int, content_end: int) -> tuple[int, int] | None:
    """Rule relative-report: the span from ", which" before the source to the content end."""
    window = text[max(0, speaker_start - 10) : speaker_start]
    match = _RELATIVE_BEFORE.search(window)
    if match is None:
        return None
    return speaker_start - len(window) + match.start(1), content_end


def parenthetical(text: str, before_start: int, cue_end: int, limit: int) -> tuple[int, int] | None:
    """Rule parenthetical: "This campaign, he says, is different": from the fragment before the
    source to the clause end after the cue, when a comma follows the cue and the clause goes on
    (not with a participle or a conjunction, which start a report or a clause of their own)."""
    after = _PARENTHESIS_END.match(text, cue_end, limit)
    if after is None:
        return None
    end = limit
    while end > after.end() and text[end - 1] in " \t\n.,;:!?":
        end -= 1
    if end <= after.end():
        return None
    return before_start, end


SPANNING_RULES = frozenset({"relative-report", "parenthetical"})


def without_report(
    text: str,
    content: tuple[int, int],
    cue: tuple[int, int],
    speaker: tuple[int, int] | None,
) -> str:
    """What was said, for a content that spans its source and cue: the words before the
    source (a parenthetical's fragment, not a relative pronoun) joined to those after the cue.
    """
    head = speaker[0] if speaker else cue[0]
    before = text[content[0] : head].rstrip(" ,")
    after = text[max(cue[1], speaker[1] if speaker else 0) : content[1]].lstrip(" ,")
    if before.lower() == "which":
        return after
    return f"{before} {after}" if before else after
