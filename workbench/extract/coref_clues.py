"""Clues for resolving a mention to an earlier one (`coref.resolve`, `coref.scan_mentions`):
whether a role holds a noun, whether a capitalised word only qualifies a title, and which
earlier mentions sit inside the quotation a pronoun speaker closes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.extract.lexicon import Lexicon
from workbench.extract.name_words import is_title
from workbench.extract.words import lazy_compile

if TYPE_CHECKING:
    from workbench.extract.coref import Mention


_NEXT_WORD = lazy_compile(r"\s+([a-z]+)")


def modifies_title(text: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """Rule generic-body-word: "Council leader Jo Roe", "Ministry spokesman Ivan Petrov": a
    bare organisation word before a lower-case title names no body called "Council"."""
    after = _NEXT_WORD.match(text, match.end())
    return after is not None and is_title(after.group(1), lexicon)


def role_head(noun: str, role: str | None, lexicon: Lexicon) -> bool:
    """Rule role-head: "the coach" is a person whose role holds the word "coach" ("head
    coach", "coach of Harrow Rovers", "Detective Inspector" for "the detective"), but a body
    noun only as the role's head ("council leader" is no "the council", nor "councillor")."""
    lower = (role or "").lower()
    if noun not in lower:
        return False  # most roles: no split needed
    words = [w.strip(",;:") for w in lower.replace("-", " ").split()]
    if noun not in words:
        return False
    at = words.index(noun)
    if noun not in lexicon.body_nouns and noun.capitalize() not in lexicon.organisation_words:
        return True
    return at == len(words) - 1 or words[at + 1] in ("of", "for", "at", "to", "and", "in")


# A quotation closing right before a pronoun speaker: '“…,” he said', "''…,'' she said".
_CLOSING_QUOTE = lazy_compile(r"(?:[”\"]|'')[,.!?]?\s*$|[,.!?](?:[”\"]|'')\s*$")
_OPENING = {"”": "“", '"': '"', "''": "''"}


def outside_quote(earlier: list[Mention], text: str, pos: int) -> list[Mention]:
    """Rule quote-mention: '“… the attack from Tavis Moore …,” he wrote': a person named
    inside the quotation a pronoun speaker closes is spoken about, not the speaker; mentions
    inside it are left out (all of them kept when nothing else is left)."""
    close = _CLOSING_QUOTE.search(text, max(0, pos - 6), pos)
    if close is None:
        return earlier
    mark = "''" if "''" in close.group() else ("”" if "”" in close.group() else '"')
    opening = _OPENING[mark]
    start = text.rfind(opening, max(0, pos - 3000), close.start())
    inside = text[start + len(opening) : close.start()]
    if start < 0 or any(q in inside for q in ("“", "”", '"', "''")):
        return earlier  # none found, or quote marks mixed: which quotation is unclear
    kept = [m for m in earlier if not start < m.pos < close.start() + 1]
    return kept if any(m.actor.kind == "person" for m in kept) else earlier
