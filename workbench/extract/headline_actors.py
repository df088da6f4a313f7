"""Who a headline's speaker is, and what of its content is a frame.

Headlines name speakers by a bare title ("Mayor Denies …"), a common noun ("Health Agency
Warns …") or a body noun ("Council denies …") that the article's body then names in full; and
they end claims with a scene-setting frame ("… as Leaders Meet"). These helpers, called by
the pipeline for headline lines, give the body's name and cut the frame.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.extract.actors import Actor, normalise
from workbench.extract.attribution import Attribution
from workbench.extract.coref import Memory
from workbench.extract.headlines import (
    body_speaker,
    frame_start,
    is_headline,
    is_title_case,
    truecase,
)
from workbench.extract.lexicon import Lexicon

_QUOTE_MARKS = "“”\"'"


def is_title_headline(sentence: str) -> bool:
    """A title-case line with no closing punctuation ("Mayor Denies Bridge Contract Was Rigged")."""
    return is_headline(sentence) and is_title_case(sentence)


def trim_frame(text: str, attribution: Attribution, *, sentence_case: bool = False) -> None:
    """ "Washington Accuses Pyongyang of Arms Shipments as Leaders Meet": drop the frame."""
    c_start, c_end = attribution.content
    if text[c_start] not in _QUOTE_MARKS:
        cut = frame_start(text, c_start, c_end, sentence_case=sentence_case)
        attribution.content = (c_start, cut)


def headline_actor(
    text: str,
    speaker: tuple[int, int],
    s_end: int,
    names: tuple[frozenset[str], frozenset[str]],
    memory: Memory,
    lexicon: Lexicon,
) -> Actor:
    """A headline's speaker: a name as usual; a role or a common noun as the body names it.

    "Mayor" is the body's first "Mayor <Name>"; "Health Agency", which the article never
    capitalises, is its first "the … health agency", or else "health agency".
    """
    s, e = speaker
    written = text[s:e]
    cased = truecase(written, names, lexicon)
    span = None
    if written in lexicon.titles or cased != written:
        span = body_speaker(text, s_end, written, lexicon)
    actor = normalise(text[span[0] : span[1]] if span else written, lexicon)
    return memory.add(s, actor)


def bare_title_headline(
    text: str, speaker: tuple[int, int] | None, s_start: int, s_end: int, lexicon: Lexicon
) -> Actor | None:
    """Rule title-headline: a sentence-case headline's bare title ("Minister denies school
    funding was cut") is the body's first "Minister <Name>", as in a title-case headline.

    Only on a line with no closing punctuation: in body text a bare "Minister said" is rare
    and may mean another minister."""
    if speaker is None or text[s_start:s_end].rstrip()[-1:] in '.!?”"':
        return None
    written = text[speaker[0] : speaker[1]]
    if written in lexicon.organisation_words or written.lower() in lexicon.body_nouns:
        # "Council denies schools were told …": the body's first "Cumbria County Council"
        named = _named_body(written)
        found = named.search(text, s_end, s_end + _BODY_REACH)
        return normalise(found.group(), lexicon) if found else None
    if written not in lexicon.titles:
        return None
    span = body_speaker(text, s_end, written, lexicon)
    return normalise(text[span[0] : span[1]], lexicon) if span else None


@lru_cache(maxsize=256)
def _named_body(noun: str) -> re.Pattern[str]:
    """ "Council" -> a pattern for "Cumbria County Council" (compiled once per noun)."""
    return re.compile(rf"\b(?:[A-Z][\w’'-]*\s+){{1,3}}{re.escape(noun)}\b")


# How far below a headline its body noun is looked for: the entry under a liveblog heading, or
# an article's first paragraphs; bounded so that a text of many headlines stays linear.
_BODY_REACH = 3_000
