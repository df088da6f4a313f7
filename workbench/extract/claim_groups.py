"""The last step of extraction: order the statements and number their claim groups.

A claim group is every statement whose proposition has the same words (case and punctuation
aside): "North Korea provided arms to Russia." asserted by one actor and denied by two is one
claim. Numbered by first appearance, so the numbering is deterministic.
"""

from __future__ import annotations

from workbench.extract.fastpaths import ascii_words
from workbench.extract.model import ExtractedStatement, make_statement
from workbench.extract.words import lazy_compile

_WORD_RUN = lazy_compile(r"\w+")
_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’()[]—–-…"  # none of them is a word character


def finish(drafts: list[dict[str, object]]) -> list[ExtractedStatement]:
    """Sort, drop statements with nothing to check, number claim groups by first appearance."""
    # stable: a coordinated speaker's members keep their written order ("Brazil and Argentina");
    # a speaker at offset 0 ties with none, and the unnamed "(…)" actor sorts first
    drafts.sort(
        key=lambda d: (d["content_start"], _int(d["speaker_start"]), d["speaker_start"] is not None)
    )
    groups: dict[str, int] = {}
    out = []
    for d in drafts:
        prop = str(d["proposition"])
        if not prop[:1].isalnum() and not any(ch.isalnum() for ch in prop):
            continue  # a stray quote mark or dash after a sentence: nothing to check
        d["claim_group"] = groups.setdefault(group_key(prop), len(groups))
        out.append(make_statement(d))
    return out


def group_key(proposition: str) -> str:
    """The proposition's words, lower case, joined by single spaces (punctuation ignored).

    Split on white space first: most words are plain alphanumerics, or become so once edge
    punctuation is stripped, and skip the regex, which costs tens of nanoseconds per
    character when run over the whole proposition.
    """
    lowered = proposition.lower()
    if (fast := ascii_words(lowered)) is not None:
        return fast  # the same words, by a byte table (fastpaths.ascii_words)
    words: list[str] = []
    for token in lowered.split():
        if token.isalnum():
            words.append(token)
            continue
        core = token.strip(_EDGE_PUNCTUATION)  # "scare," and "sources.”" need no regex
        if core.isalnum():
            words.append(core)
        elif core:
            words.extend(_WORD_RUN.findall(core))
    return " ".join(words)


def _int(value: object) -> int:
    """``speaker_start or -1``, exactly as the contract states (so 0 sorts like None)."""
    return value if isinstance(value, int) and value else -1
