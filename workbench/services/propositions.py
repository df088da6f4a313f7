"""Propositions rebuilt after an analyst changes a statement's content (split, merge, correct).

The proposition is what ClaimReview exports and what the analyst checks; after a split or a
merge it must read as the extractor would write it ("The old bridge is unsafe."), never as the
raw span with its quote marks and trailing "said …". The extraction's own builder does that
work; this module only finds its inputs (the cue's lemma, the actor) from a stored row.
"""

from __future__ import annotations

import re
from typing import Protocol

_CONJUNCTION = r"(?:and|but|or|yet|so|while)"
_LEADING_CONJUNCTION = re.compile(rf"(?i)^\s*{_CONJUNCTION}\s+(?=\S)")
_TRAILING_CONJUNCTION = re.compile(rf"(?i)[\s,;]+{_CONJUNCTION}\W*$")


class _Said(Protocol):
    @property
    def cue(self) -> str | None: ...
    @property
    def actor(self) -> str | None: ...
    @property
    def actor_kind(self) -> str | None: ...


def cue_lemma(cue: str | None) -> str:
    """The lemma of a stored cue ("has not denied" → "deny"); "" when the lexicon lacks it."""
    from workbench.extract.lexicon import load_lexicon

    words = (cue or "").lower().split()
    cues = load_lexicon().cues
    for first in range(len(words)):  # auxiliaries and negation lead: try shorter tails
        info = cues.get(" ".join(words[first:]))
        if info is not None:
            return info.lemma
    return ""


def proposition_for(content: str, row: _Said) -> str:
    """The proposition the extractor would build for `content` said by `row`'s actor.

    A part that starts or ends with "and"/"but" (the halves of a split sentence) loses it:
    each part is a claim of its own.
    """
    from workbench.extract.proposition import build, clean

    body = _TRAILING_CONJUNCTION.sub("", _LEADING_CONJUNCTION.sub("", content))
    actor = "" if row.actor.startswith("(") else row.actor  # "(outlet)" names nobody
    return build(body, cue_lemma(row.cue), actor, row.actor_kind) or clean(content) or content


def word_start(content: str, index: int) -> int:
    """`index` moved back to the start of the word it falls in, so a split never cuts a word.

    At or before the first word, the start of the next word instead (the first part must keep
    at least a word). The TUI's typed split point and the CLI's offset both pass through here.
    """
    index = max(0, min(index, len(content)))
    while 0 < index < len(content) and content[index - 1].isalnum() and content[index].isalnum():
        index -= 1
    if content[:index].strip(" \t\n\"'“”‘’,;:") == "":
        index = _next_word(content, index)
    return index


def _next_word(content: str, index: int) -> int:
    """The start of the first word after the one at `index`."""
    while index < len(content) and not content[index].isalnum():
        index += 1
    while index < len(content) and content[index].isalnum():
        index += 1
    while index < len(content) and not content[index].isalnum():
        index += 1
    return index
