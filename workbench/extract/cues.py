"""Cue detection: the reporting verb (with its auxiliaries) or phrase that signals attribution.

One compiled alternation of every inflected cue form is searched per sentence, then cheap
context checks drop nouns ("the claims"), infinitives ("refused to say") and capitalised
titles ("The Morning Show"). The span includes auxiliaries and negation ("did not deny"),
as PolNeAR annotates them, and negation feeds the stance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.extract.lexicon import CueInfo, Lexicon

_AUX = re.compile(
    r"(?:\b(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|must|shall"
    r"|did|does|do|been|be|being|not|never|also|repeatedly|previously|later|then|already"
    r"|publicly|privately|recently|often|still|immediately|reportedly|openly|strongly|once"
    r"|flatly|firmly|vehemently|explicitly|further|long|again|even|quickly|categorically"
    r"|\w+n[’']t)\s+)+$",
)
_NEGATION = re.compile(r"\b(?:not|never|\w+n[’']t)\b")
_PASSIVE_BE = re.compile(r"\b(?:is|are|was|were|been|be|being)\b")
_NOUN_BEFORE = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "such", "any", "no", "new", "latest", "same", "many", "several", "two", "three", "own", "whose", "every", "each", "of"]
)
_TO = re.compile(r"\bto\s+$")
_COMPLEMENT = re.compile(
    r"\s*(?:,\s*)?(?:that\b|:|[“\"]|''|whether\b|how\b|why\b|what\b)|[\s.,!?”\"]*$"
)
ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "id", "ld", "ght", "nd", "ot")


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue found in a sentence (absolute offsets into the text)."""

    start: int  # first auxiliary, or the verb
    end: int
    verb_start: int
    form: str
    info: CueInfo
    negated: bool
    passive: bool


def find_cues(text: str, start: int, end: int, lexicon: Lexicon) -> list[Cue]:
    """Reporting cues in ``text[start:end]``, left to right, filtered for verb use."""
    found: list[Cue] = []
    for match in lexicon.cue_re.finditer(text, start, end):
        verb_start = match.start()
        form = match.group().lower()
        info = lexicon.cues.get(re.sub(r"\s+", " ", form))
        if info is None:
            continue
        window = text[max(start, verb_start - 60) : verb_start]
        aux = _AUX.search(window)
        cue_start = verb_start - (len(aux.group()) if aux else 0)
        before = text[max(start, cue_start - 30) : cue_start].split()
        prev = before[-1].lower() if before else ""
        if prev in _NOUN_BEFORE or prev.endswith(("’s", "'s")):
            continue  # "the claims", "Kim's warning": a noun, not a reporting verb
        if _TO.search(window) and not aux:
            continue  # "refused to say": the main verb is the cue
        aux_text = aux.group() if aux else ""
        passive = bool(_PASSIVE_BE.search(aux_text)) and form.split()[0].endswith(
            _PARTICIPLE_ENDINGS
        )
        if passive and not _passive_ok(text, cue_start, match.end(), end):
            continue
        if form.endswith("ing") and not aux_text and not _ing_ok(prev):
            continue
        if info.needs_complement and not _COMPLEMENT.match(text, match.end(), end):
            continue
        found.append(
            Cue(
                start=cue_start,
                end=match.end(),
                verb_start=verb_start,
                form=form,
                info=info,
                negated=bool(_NEGATION.search(aux_text)),
                passive=passive,
            )
        )
    return found


def _passive_ok(text: str, cue_start: int, cue_end: int, end: int) -> bool:
    """Keep passives only when they name their source ("by X") or are impersonal ("It is…")."""
    if re.match(r"\s+by\b", text[cue_end:end]):
        return True
    return bool(re.search(r"\b[Ii]t\s+$", text[max(0, cue_start - 4) : cue_start]))


def _ing_ok(prev: str) -> bool:
    """A bare -ing cue reports only after a clause break or a preposition (", saying …")."""
    return prev.endswith((",", "—", "–")) or prev in {"after", "before", "while", "by", "and"}


def find_according(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of "according to" in the sentence (its source follows it)."""
    return [(m.start(), m.end()) for m in ACCORDING.finditer(text, start, end)]
