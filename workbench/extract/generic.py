"""Unlisted verbs with a that-clause ("X bragged that …"): reporting cues the lexicon lacks.

A verb followed by "that" and a clause subject is almost always reporting or attitude; these
get the attitude frame's lower prior instead of being missed.
"""

from __future__ import annotations

from workbench.extract.auxiliaries import NEGATION, aux_length
from workbench.extract.cues import NOUN_BEFORE, Cue
from workbench.extract.fastpaths import verb_that_matches
from workbench.extract.lexicon import CueInfo, Lexicon
from workbench.extract.words import lazy_compile, word_set

_GENERIC_THAT = lazy_compile(
    r"\b([a-z]{3,}(?:ed|es|s))\s+that\s+(?=(?:the|a|an|he|she|it|they|we|I|you|his|her|their"
    r"|its|there|this|no|some|many|most|all|[A-Z0-9])\b)"
)
_NOT_REPORTING = word_set(
    "was has does is means ensures requires seems appears makes takes gives keeps needs uses"
    " likes loves hates reversed changed passed supported opposed includes"
)


def generic_cues(text: str, start: int, end: int, lexicon: Lexicon) -> list[Cue]:
    """Unlisted verbs that take a that-clause ("X bragged that …"): likely reporting, low prior."""
    out: list[Cue] = []
    first = _first_candidate(text, start, end)
    if first is None:
        return out
    for match in verb_that_matches(_GENERIC_THAT, text, first, end):  # = finditer, faster
        word = match.group(1)
        if word in lexicon.cues or word in _NOT_REPORTING or word.endswith(("ss", "us")):
            continue
        before = text[max(start, match.start() - 30) : match.start()].split()
        if before and (before[-1].lower() in lexicon.cues or before[-1].lower() in NOUN_BEFORE):
            continue  # "told reporters that": the object of a cue; "the reports that": a noun
        window = text[max(start, match.start() - 60) : match.start()]
        aux_len = aux_length(window)
        cue_start = match.start() - aux_len
        aux_text = window[len(window) - aux_len :] if aux_len else ""
        info = CueInfo(word, "asserts", "attitude", False)
        out.append(
            Cue(
                cue_start,
                match.end(1),
                match.start(),
                word,
                info,
                bool(NEGATION.search(aux_text)),
                False,
            )
        )
    return out


def _first_candidate(text: str, start: int, end: int) -> int | None:
    """Where the regex can first match: the word before the first white space + "that".

    Scanning from there instead of ``start`` finds the same matches (a match is a lower-case
    word, white space and "that"), and saves trying the regex at every earlier position.
    """
    that = text.find("that", start + 1, end)
    while that >= 0 and not text[that - 1].isspace():
        that = text.find("that", that + 1, end)
    if that < 0:
        return None
    pos = that - 1
    while pos > start and text[pos - 1].isspace():
        pos -= 1
    while pos > start and "a" <= text[pos - 1] <= "z":
        pos -= 1
    return pos
