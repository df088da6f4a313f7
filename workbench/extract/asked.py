"""Rule asked-participle: "Asked whether the plan would pass, the minister said …".

A sentence that opens with the participle "Asked" (or "When asked") reports a question put by
an unnamed interviewer; the question is the wh-/if-clause up to the comma that starts the main
clause. Annotated corpora mark it as a sourceless question, and the main clause that follows is
the answer, attributed by the ordinary verb rules.
"""

from __future__ import annotations

import re

from workbench.extract.attribution import Attribution
from workbench.extract.words import lazy_compile

_ASKED = lazy_compile(
    r"(asked)(?:\s+(?:by|on|about|in|during|at)\s+[^,;]{1,60}?)?\s+"
    r"((?:if|whether|what|who|whom|whose|why|how|when|where|which)\b[^;]*?)"
    r"(?=,[”\"]?\s)",
    re.IGNORECASE,
)
_OPENERS = ("Asked ", "When asked ", "when asked ")


def asked_attributions(text: str, start: int, end: int) -> list[Attribution]:
    """The sourceless question of a sentence opening with "Asked …," or "When asked …,"."""
    pos = start
    while pos < end and text[pos] in ' “"':
        pos += 1
    opener = next((o for o in _OPENERS if text.startswith(o, pos)), None)
    if opener is None:
        return []
    match = _ASKED.match(text, pos + len(opener) - 6, end)
    if match is None:
        return []
    return [
        Attribution(
            None,
            (match.start(1), match.end(1)),
            (match.start(2), match.end(2)),
            "asked-participle",
            "ask",
            None,
            True,
            stance="questions",
        )
    ]


_ASKED_MID = lazy_compile(
    r"\b(?:when|after|while)\s+(asked(?:\s+about)?|questioned\s+about)\s+"
    r"(?:by\s+[^,.;“”\"]{1,40}?\s+(?=(?:if|whether|what|who|why|how|which|where)\b))?"
    r"((?<=about\s)[^,;:“”\"]+?|(?:if|whether|what|who|whom|why|how|which|where)\b[^,;:“”\"]*?)"
    r"(?=[,.;:!?]?\s*$|[,.;:!?]\s|[“”\"])"
)


def asked_in_clause(text: str, start: int, end: int) -> list[Attribution]:
    """Rule asked-clause: "…,” Roe said when asked whether the port would close." – the
    question put to the speaker by an unnamed interviewer, later in the sentence than the
    opener "When asked" that rule asked-participle reads."""
    out = []
    for match in _ASKED_MID.finditer(text, start, end):
        if not text[start : match.start()].strip(' “"'):
            continue  # a sentence opener: rule asked-participle
        out.append(
            Attribution(
                None,
                match.span(1),
                match.span(2),
                "asked-clause",
                "ask",
                None,
                True,
                stance="questions",
            )
        )
    return out
