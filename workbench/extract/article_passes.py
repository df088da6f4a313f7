"""Passes over a whole article's statements once every sentence is read: a Q&A answer split
after its "No.", a family name that the article names in full later, a headline denial that
takes the body's first denial, the outlet's own "That is not true." answering the claim
before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.extract.attribution import Attribution
from workbench.extract.coref import Memory
from workbench.extract.definites import expand
from workbench.extract.frames import false_claim
from workbench.extract.interview import Interview, answer_pieces
from workbench.extract.proposition import clean
from workbench.extract.references import is_rebuttal
from workbench.extract.words import lazy_compile

_NO_VERB = lazy_compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|did|does|do|can|[a-z]+ed|[a-z]+s)\s"
)


_YES_NO_LEAD = lazy_compile(r"(?:yes|no)[.!,]\s+\S", re.IGNORECASE)


def split_answers(
    text: str, found: list[Attribution], interview: Interview, memory: Memory
) -> list[Attribution]:
    """Rule named-answer: "Berg: No. The stocks are recovering." in a Q&A answers the question
    with "No." (a denial of it made declarative) and then says more, as "A:" answers do; kept
    whole when the question cannot be made a statement ("Did it?")."""
    out: list[Attribution] = []
    for a in found:
        if a.rule == "colon-speaker" and _YES_NO_LEAD.match(text, a.content[0]):
            pieces = answer_pieces(text, a.content[0], a.content[1])
            first = pieces[0]
            if len(pieces) > 1 and interview.answer(text[first[0] : first[1]], first[0], memory):
                out.append(replace(a, content=first))
                out.append(replace(a, content=(pieces[1][0], a.content[1])))
                continue
        out.append(a)
    return out


def full_names(drafts: list[dict[str, object]], memory: Memory) -> None:
    """Rule full-name-later: a person first called by a family name alone ("Trump Says …")
    and named in full only afterwards ("Donald Trump") is that full name throughout."""
    for draft in drafts:
        name = draft["actor"]
        if draft["actor_kind"] != "person" or not isinstance(name, str) or " " in name:
            continue
        full = memory.by_name.get(name)
        if (
            full is not None
            and full.name.endswith(" " + name)
            and full.name not in str(draft["speaker"])
        ):  # "Mrs. Amadi and Bello Amadi" are two people
            draft["actor"] = full.name
            draft["actor_affiliation"] = draft["actor_affiliation"] or full.affiliation


def headline_denials(drafts: list[dict[str, object]], heads: set[int]) -> None:
    """Rule headline-denial: "India Rejects Criticism", "Coach Denies Rift With Striker": a
    headline denial of a bare noun phrase says in short what the body's first denial says in
    full, so it takes that denial's proposition (and its actor, when the headline names only
    a role or a word such as "Ministry")."""
    body = [d for d in drafts if d["sentence_start"] not in heads and d["stance"] == "denies"]
    for draft in drafts:
        if draft["sentence_start"] not in heads or draft["stance"] != "denies" or not body:
            continue
        after = [d for d in body if int(d["content_start"]) > int(draft["content_start"])]  # type: ignore[call-overload]
        if not after:
            continue
        first, content = after[0], str(draft["content"])
        name = str(draft["actor"])
        role = draft["actor_kind"] == "unnamed" or (
            " " not in name and name in str(first["speaker"])
        )
        words = content.lower().split()
        if len(words) > 1 and words[0].endswith("ing") and words[-1] not in _CLAIM_NOUNS:
            # "Denies Selling Customer Data" is already a deed ("… sold customer data"); rule
            # headline-role: "Pharmacist Denies Selling …" is the body's named denier's deed
            prop = str(draft["proposition"])
            if role and prop.startswith(name + " ") and draft["actor_kind"] != "unnamed":
                draft["proposition"] = str(first["actor"]) + prop[len(name) :]
                draft["actor"], draft["actor_kind"] = first["actor"], first["actor_kind"]
            continue
        said_that = " that " in content.lower()  # "Rejects Claims That the Vaccine …"
        if (said_that and not _restates(draft, first)) or (not said_that and _verb_in(content)):
            continue  # "Denies Claims That the Vaccine Causes …" says it in full
        draft["proposition"] = first["proposition"]
        if role:
            draft["actor"], draft["actor_kind"] = first["actor"], first["actor_kind"]


_CLAIM_NOUNS = frozenset({"claims", "allegations", "reports", "accusations", "charges", "rumours"})
_ABOUT = frozenset({"over", "about", "on", "of", "against", "into"})


def _verb_in(content: str) -> bool:
    """A verb in a headline's content; "Union Claims Over Safety" has none (a plural noun)."""
    words = content.lower().split()
    for i, word in enumerate(words[:-1]):
        if word in _CLAIM_NOUNS and words[i + 1] in _ABOUT:
            words = words[:i]  # "Claims Over Night Shifts": what follows is their topic
            break
    return bool(_NO_VERB.search(" ".join(w for w in words if w not in _CLAIM_NOUNS) + " "))


def _restates(draft: dict[str, object], first: dict[str, object]) -> bool:
    """Rule headline-restated: the body's first denial holds most of the headline's own
    proposition ("Malaria vaccine causes infertility." in "A new malaria vaccine causes
    infertility in girls."): the headline says it in short, the body in full."""
    short = _WORD.findall(str(draft["proposition"]).lower())
    full = set(_WORD.findall(str(first["proposition"]).lower()))
    return len(short) >= 2 and sum(w in full for w in short) >= 0.75 * len(short)


_WORD = lazy_compile(r"[a-z0-9]+")


# "They will not.", "It did not.": an outlet's flat answer to the claim before it.
_FLAT_NO = lazy_compile(
    r"^(?:they|it|he|she|that|this)\s+(?:will|would|did|does|do|is|was|are|were|has|have|can"
    r"|could)\s+not\.?$",
    re.IGNORECASE,
)


def outlet_rebuttal(draft: dict[str, object], said_at: list[tuple[int, str]]) -> None:
    """Rule outlet-rebuttal: a sentence in the outlet's own voice that calls the claim before
    it false ("That is not true.", "They will not.") denies that claim (opinion pieces)."""
    sentence = str(draft["content"]).strip()
    if len(sentence) > 60 or not (is_rebuttal(sentence) or _FLAT_NO.match(sentence)):
        return
    start = int(draft["content_start"])  # type: ignore[call-overload]
    before = [prop for pos, prop in said_at if pos < start]
    if before:
        draft["stance"], draft["proposition"], draft["rule"] = (
            "denies",
            before[-1],
            "outlet-rebuttal",
        )


def outlet_false_claim(draft: dict[str, object], text: str) -> bool:
    """Rule outlet-false-claim: the outlet's own "But the claim that the charge has killed the
    city centre is simply false." denies that the charge has killed the city centre (with "the
    charge" written as the article wrote it in full before, as for reported claims)."""
    denied = false_claim(str(draft["content"]))
    if denied is None:
        return False
    start = int(draft["content_start"])  # type: ignore[call-overload]
    draft["stance"], draft["rule"] = "denies", "outlet-false-claim"
    draft["proposition"] = expand(clean(denied), text[:start])
    return True
