"""Propositions: the content rewritten as a checkable sentence where that is mechanical.

Reviewers rate propositions, not fragments: "of providing arms to Russia" after "accused North
Korea" becomes "North Korea provided arms to Russia"; a leading pronoun that points at the
speaker is replaced by the actor's name; quotes and "that" are dropped.
"""

from __future__ import annotations

import re

_IRREGULAR_PAST = {
    "be": "was", "have": "had", "make": "made", "give": "gave", "send": "sent", "sell": "sold",
    "build": "built", "take": "took", "get": "got", "buy": "bought", "bring": "brought",
    "run": "ran", "hold": "held", "steal": "stole", "lie": "lied", "spend": "spent",
    "pay": "paid", "say": "said", "tell": "told", "fight": "fought", "seek": "sought",
    "leave": "left", "keep": "kept", "lead": "led", "meet": "met", "hide": "hid", "do": "did",
    "go": "went", "begin": "began", "break": "broke", "shoot": "shot", "write": "wrote",
}
_CLAIM_REF = re.compile(
    r"^(?:the|these|those|such|this|that)\s+(?:\w+\s+)?(?:claims?|allegations?|accusations?|"
    r"charges?|reports?|assertions?|suggestions?|accounts?)$",
    re.IGNORECASE,
)
_QUOTES = "“”\"'‘’`"
_SPACE = re.compile(r"\s+")
_LEAD_PRONOUN = re.compile(r"^(?:he|she|it)\b(?=\s)", re.IGNORECASE)


def past_of(ing: str) -> str:
    """Past tense of an -ing form ("providing" -> "provided"), by rule plus a small table."""
    stem = ing[:-3]
    if stem in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[stem]
    if stem + "e" in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1] + "ed"  # "shipping" -> "shipped"
    if stem.endswith(("v", "d", "c", "z", "s", "g", "u")) and not stem.endswith(("ss", "ng")):
        return stem + "ed" if stem.endswith("ed") else stem.rstrip("e") + "ed"
    if stem.endswith("y"):
        return stem + "ed"
    return stem + "ed"


def is_claim_reference(content: str) -> bool:
    """True for contents like "the claims" that point back at an earlier proposition."""
    return bool(_CLAIM_REF.match(content.strip(" .,")))


def clean(content: str) -> str:
    """Strip quotes, a leading "that", spacing; capitalise and end with a full stop."""
    text = _SPACE.sub(" ", content).strip(" ,;:" + _QUOTES)
    text = re.sub(r"[“”\"]", "", text)
    text = re.sub(r"^that\s+", "", text, flags=re.IGNORECASE).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?":
        text += "."
    return text


def build(content: str, lemma: str, actor: str) -> str:
    """The checkable proposition for a statement."""
    body = content.strip()
    if lemma == "accuse":
        match = re.match(r"^(.+?)\s+of\s+(\w+ing)\b(.*)$", body, re.DOTALL)
        if match:
            body = f"{match.group(1)} {past_of(match.group(2))}{match.group(3)}"
    elif lemma in {"urge", "call on", "warn", "ask", "tell"}:
        match = re.match(r"^([A-Z][\w’'. -]{0,40}?|the \w+|\w+)\s+to\s+(\w.*)$", body, re.DOTALL)
        if match and lemma != "tell":
            body = f"{match.group(1)} should {match.group(2)}"
    elif lemma == "warn against":
        body = f"{body} should be avoided"
    text = clean(body)
    if actor and actor[0].isupper():
        text = _LEAD_PRONOUN.sub(actor, text, count=1)
    return text
