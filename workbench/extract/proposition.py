"""Propositions: the content rewritten as a checkable sentence where that is mechanical.

Reviewers rate propositions, not fragments: "of providing arms to Russia" after "accused North
Korea" becomes "North Korea provided arms to Russia"; a leading pronoun that points at the
speaker is replaced by the actor's name; quotes and "that" are dropped.
"""

from __future__ import annotations

import re

_IRREGULAR_PAST = {
    "be": "was",
    "have": "had",
    "make": "made",
    "give": "gave",
    "send": "sent",
    "sell": "sold",
    "build": "built",
    "take": "took",
    "get": "got",
    "buy": "bought",
    "bring": "brought",
    "run": "ran",
    "hold": "held",
    "steal": "stole",
    "lie": "lied",
    "spend": "spent",
    "pay": "paid",
    "say": "said",
    "tell": "told",
    "fight": "fought",
    "seek": "sought",
    "leave": "left",
    "keep": "kept",
    "lead": "led",
    "meet": "met",
    "hide": "hid",
    "do": "did",
    "go": "went",
    "begin": "began",
    "break": "broke",
    "shoot": "shot",
    "write": "wrote",
}
_CLAIM_REF = re.compile(
    r"^(?:the|these|those|such|this|that)\s+(?:\w+\s+)?(?:claims?|allegations?|accusations?|"
    r"charges?|reports?|assertions?|suggestions?|accounts?)$",
    re.IGNORECASE,
)
_QUOTES = "“”\"'‘’`"
_ACCUSED_OF = re.compile(r"^(.+?)\s+of\s+(\w+ing)\b(.*)$", re.DOTALL)
_URGED_TO = re.compile(r"^([A-Z][\w’'. -]{0,40}?|the \w+|\w+)\s+to\s+(\w.*)$", re.DOTALL)
_LEAD_PRONOUN = re.compile(r"^(?:he|she|it)\b(?=\s)", re.IGNORECASE)


def past_of(ing: str) -> str:
    """Past tense of an -ing form ("providing" -> "provided"), by rule plus a small table."""
    stem = ing[:-3]
    if stem in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[stem]
    if stem + "e" in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[stem + "e"]
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        return stem[:-1] + "ied"  # "supplying" -> "supplied"
    return stem + "ed"  # "providing" -> "provided", "shipping" -> "shipped"


def is_claim_reference(content: str) -> bool:
    """True for contents like "the claims" that point back at an earlier proposition."""
    return bool(_CLAIM_REF.match(content.strip(" .,")))


def clean(content: str) -> str:
    """Strip quotes, a leading "that", spacing; capitalise and end with a full stop."""
    text = " ".join(content.split()).strip(" ,;:" + _QUOTES)
    text = text.replace("“", "").replace("”", "").replace('"', "")  # faster than translate
    if text[:5].lower() == "that ":
        text = text[5:].strip()
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
        match = _ACCUSED_OF.match(body)
        if match:
            body = f"{match.group(1)} {past_of(match.group(2))}{match.group(3)}"
    elif lemma in {"urge", "call on", "warn", "ask", "tell"}:
        match = _URGED_TO.match(body)
        if match and lemma != "tell":
            body = f"{match.group(1)} should {match.group(2)}"
    elif lemma == "warn against":
        body = f"{body} should be avoided"
    text = clean(body)
    if actor and actor[0].isupper():
        text = _LEAD_PRONOUN.sub(actor, text, count=1)
    return text
