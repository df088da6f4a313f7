"""Attribution layouts that are not a verb with a subject: "According to X, …" and "…,
according to X"; transcript lines ("SPEAKER: …"); quote credits ("“…” ― Name")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from workbench.extract.attribution import Attribution
from workbench.extract.content import content_after, content_before
from workbench.extract.interview import ANSWER_LABELS, QUESTION_LABELS, answer_split
from workbench.extract.quotes import quote_at
from workbench.extract.references import is_rebuttal
from workbench.extract.sources import phrase_source
from workbench.extract.words import lazy_compile

_COLON_SPEAKER = lazy_compile(
    r"[“\"]?([A-Z][A-Z’'.-]+|(?:[A-Z][\w’'.-]*\s+)?[A-Z][\w’'.-]*):\s+(?=\S)"
)
_NOT_SPEAKERS = frozenset(
    {
        "Update",
        "UPDATE",
        "Note",
        "NOTE",
        "Photo",
        "Related",
        "Editor",
        "The Latest",
        "Watch",
        "Correction",
        "CORRECTION",
        "Clarification",
        "Disclosure",
    }
)
_DASH_CREDIT = lazy_compile(r"([―—])\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})")


def according_to(
    text: str, start: int, end: int, acc_start: int, acc_end: int, quotes: list[tuple[int, int]]
) -> Attribution | None:
    """ "According to X, Y" and "Y, according to X"."""
    src = phrase_source(text, acc_end, end)
    if src is None:
        return None
    if text[start:acc_start].strip(' ,“"') == "":
        content = content_after(text, src[1], end, quotes)
    else:
        content = content_before(text, start, acc_start, quotes)
    if content is None:
        return None
    return Attribution(src, (acc_start, acc_end), content, "according-to", "according to", None)


_CAPTIONS = frozenset(
    {
        *("file photo", "photo", "video", "watch", "read more", "breaking", "live", "caption"),
        # labels PolNeAR train shows never to be speakers (round 5): credit lines, social
        # handles, editors' notes and teaser words ("Contributing: …", "Twitter: @…", "Wow: …")
        *("contributing", "twitter", "editor's note", "editor’s note", "byline", "paid notice"),
        # section labels before a headline (round 6): "Opinion: The Bus Fare Freeze Is …"
        *("opinion", "analysis", "editorial", "commentary", "explainer", "review", "q&a"),
        *("interview", "exclusive"),
        *("exclusive", "plus", "remember", "so", "wow", "hey", "look", "boom", "busted"),
        *("bombshell", "just leaked", "revealed", "update", "email", "name", "related"),
    }
)


_LIVE_TITLE = lazy_compile(
    r"(?:live(?:\s+(?:updates?|blog|coverage|reaction))?|latest(?:\s+updates?)?|as\s+it\s+happened"
    r"|what\s+we\s+know(?:\s+so\s+far)?|timeline|in\s+pictures|explained)[.!]?\s*$",
    re.IGNORECASE,
)


def _not_a_speaker(label: str, places: Mapping[str, object]) -> bool:
    """Rule dateline-or-caption: "NEW DELHI:", "Kabul:", "FILE PHOTO:" open a line, nobody speaks.

    Applies to a colon label that is a caption word or a known place (country, capital, alias;
    in capitals or not); the line stays in the outlet's voice.
    """
    if label in _NOT_SPEAKERS or label.casefold() in _CAPTIONS:
        return True
    return label in places or label.title() in places


_TALLY = lazy_compile(r"[\d.,%$ ]+(?:\s*(?:percent|votes|delegates))?\.?")


def colon_and_dash(
    text: str,
    start: int,
    end: int,
    quotes: list[tuple[int, int]],
    places: Mapping[str, object] | None = None,
) -> list[Attribution]:
    """Transcript and credit lines: "SPEAKER: words…" and "“…” ― Name"."""
    out: list[Attribution] = []
    colon = _COLON_SPEAKER.match(text, start, end)
    # "Q:" names nobody: the question stays in the outlet's voice, its own reports are kept.
    if (
        colon
        and colon.group(1) not in QUESTION_LABELS
        and not _not_a_speaker(colon.group(1), places or {})
    ):
        para_end = text.find("\n", colon.end())
        para_end = len(text) if para_end < 0 else para_end
        content = content_after(text, colon.end(), para_end, quotes)
        if content and _LIVE_TITLE.match(text, content[0], content[1]):
            content = None  # "Storm Alina: live updates" is a title, not a speaker's words
        if content and _TALLY.fullmatch(text, content[0], content[1]):
            content = None  # "Clinton: 1,769." is a tally line, not a speaker's words
        if content:
            speaker = (colon.start(1), colon.end(1))
            cue = (colon.end(1), colon.end(1) + 1)
            label = colon.group(1)
            if label in ANSWER_LABELS:  # rule answer: "A: No. The deal was legal."
                for piece in answer_split(text, content[0], content[1], is_rebuttal):
                    out.append(Attribution(speaker, cue, piece, "answer", "say", None))
            else:
                out.append(Attribution(speaker, cue, content, "colon-speaker", "say", None))
    for dash in _DASH_CREDIT.finditer(text, start, end):
        back = dash.start()
        while back > 0 and text[back - 1].isspace():
            back -= 1
        quote = quote_at(quotes, back - 1) if back > 0 and text[back - 1] in '”"' else None
        if quote:
            speaker = (dash.start(2), dash.end(2))
            cue = (dash.start(1), dash.end(1))
            out.append(Attribution(speaker, cue, quote, "quote-dash-credit", "say", None))
    return out
