"""Q&A interviews: "Q:" lines are the outlet asking, "A:" lines the interviewee answering.

A transcript with named labels ("ROE: …") is handled by the colon-speaker rule. In a Q&A the
labels name nobody: the answers belong to the person the introduction names (rule answer), a
bare "No." or "Yes." answers the question before it (rule answer-yes-no), and "you" in a
question is the interviewee.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbench.extract.actors import Actor
from workbench.extract.coref import Memory
from workbench.extract.proposition import clean, past_of_base
from workbench.extract.words import lazy_compile

QUESTION_LABELS = frozenset({"Q", "Question", "QUESTION"})
ANSWER_LABELS = frozenset({"A", "Answer", "ANSWER"})
_LABEL_LINE = lazy_compile(r"(?m)^[ \t]*(Q|A|Question|Answer|QUESTION|ANSWER):[ \t]+")
_LABELS = QUESTION_LABELS | ANSWER_LABELS
_SENTENCE_END = lazy_compile(r"[.!?][”\"]?(?=\s+[A-Z“\"‘'])")
_YES_NO = lazy_compile(r"^(yes|no)\b[.!,]?$", re.IGNORECASE)
_SUBJECT = (
    r"(you|he|she|they|we|it|i|(?:your|his|her|their|its|our|the|this|that)\s+[\w-]+"
    r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}|[a-z][a-z-]+s)"  # … or "vaccines"
)
_DID = lazy_compile(rf"^(did|does|do)\s+{_SUBJECT}\s+([a-z]+)\b(.*?)\?*$", re.DOTALL)
_AUX = lazy_compile(
    rf"^(is|are|was|were|has|have|had|will|would|can|could|should)\s+{_SUBJECT}\s+(\S.*?)\?*$",
    re.DOTALL,
)
_YOU = lazy_compile(r"\b(?:you\s+(?:are|were|have)|you|your)\b", re.IGNORECASE)
_YOU_VERB = {"are": "is", "were": "was", "have": "has"}


def answer_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An answer's sentences: "No. The contract was approved …" is two statements."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        pieces.append((pos, match.end()))
        pos = match.end()
        while pos < end and text[pos].isspace():
            pos += 1
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if e > s]


def answer_split(
    text: str, start: int, end: int, rebuttal: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """An answer is one statement, unless it opens with a bare "No."/"Yes." or a rebuttal
    ("That is false."), which answers the question and is a statement of its own."""
    pieces = answer_pieces(text, start, end)
    if len(pieces) > 1:
        first = text[pieces[0][0] : pieces[0][1]]
        if _YES_NO.match(first.strip(' “”"')) or rebuttal(first):
            return [pieces[0], (pieces[1][0], end)]
    return [(start, end)]


def declarative(question: str) -> str | None:
    """ "Did your ministry approve the deal?" -> "your ministry approved the deal"."""
    body = " ".join(question.split()).strip()
    if body[:1].isupper() and not body[1:2].isupper():
        body = body[0].lower() + body[1:]
    did = _DID.match(body)
    if did:
        aux, subject, verb, rest = did.groups()
        if aux == "do":  # "Do vaccines cause autism?" -> "vaccines cause autism"
            return f"{subject} {verb}{rest}"
        if aux == "does":
            return f"{subject} {_third_person(verb)}{rest}"
        return f"{subject} {past_of_base(verb)}{rest}"
    aux = _AUX.match(body)
    if aux:
        verb, subject, rest = aux.groups()
        return f"{subject} {verb} {rest}"
    return None


# "Passengers say your ferries were cancelled 200 times. Is that right?": the question asks
# about the claim just put, not about itself.
_CHECK_QUESTION = lazy_compile(
    r"\s*(?:.*[.!?]\s+)?(?P<claim>[A-Z][^.!?]*[.!])\s+(?:Is|Isn[’']t)\s+(?:that|it|this)\s+"
    r"(?:right|true|correct|so|accurate|fair)\?\s*$",
    re.DOTALL,
)
_CLAIM_FRAME = lazy_compile(
    r"^(?:[^,;:]{1,60}?\s+(?:say|says|said|claim|claims|claimed|allege|alleges|alleged|report"
    r"|reports|reported|hear|understand|believe)(?:,[^,]{1,40},)?|there\s+are\s+reports)"
    r"\s+(?:that\s+)?",
    re.IGNORECASE,
)


def checked_claim(question: str) -> str | None:
    """Rule answer-check: the claim a "… Is that right?" question puts to the interviewee, as
    the statement a bare "No." denies; the reporting frame ("Passengers say") dropped."""
    check = _CHECK_QUESTION.match(question)
    if check is None:
        return None
    claim = _CLAIM_FRAME.sub("", check.group("claim").strip(), 1)
    if claim[:1].isupper() and claim[1:2].islower():  # "Your ferries …", never "I …"
        return claim[0].lower() + claim[1:]
    return claim


def _third_person(verb: str) -> str:
    """ "cause" -> "causes", "fix" -> "fixes", "carry" -> "carries"."""
    if verb in ("have", "be"):
        return "has" if verb == "have" else "is"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def name_you(proposition: str, interviewee: str) -> str:
    """ "You met the bidder" -> "Clara Voss met the bidder"; "your ministry" -> "Clara Voss's
    ministry"; "you are" -> "Clara Voss is"."""

    def swap(match: re.Match[str]) -> str:
        words = match.group().split()
        if len(words) == 2:
            return f"{interviewee} {_YOU_VERB[words[1].lower()]}"
        return interviewee if words[0].lower() == "you" else interviewee + "'s"

    return _YOU.sub(swap, proposition)


def _label_lines(text: str) -> list[tuple[int, str]]:
    """``[(m.start(), m.group(1)) for m in _LABEL_LINE.finditer(text)]``, by ``str.find``.

    Why: "(?m)^" is tried at every position of the text. A label line's first colon ends
    its label, so only the line of each colon is matched, when all before that colon on the
    line is a label (one colon per line at most passes: a later one has a colon before it).
    """
    lines: list[tuple[int, str]] = []
    colon = text.find(":")
    while colon >= 0:
        start = text.rfind("\n", 0, colon) + 1
        if text[start:colon].lstrip(" \t") in _LABELS:
            label = _LABEL_LINE.match(text, start)
            if label is not None:
                lines.append((start, label.group(1)))
        colon = text.find(":", colon + 1)
    return lines


def find_interview(text: str) -> Interview | None:
    """The Q&A layout of a text, or None when no line opens with a Q/A label (the labels the
    layout rules read, so "QUESTION:"/"ANSWER:" alone count and a "Q:" mid-sentence does not)."""
    interview = Interview(text)
    return interview if interview.lines else None


class Interview:
    """The Q&A layout of one text: where its labelled lines are and who answers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _label_lines(text)
        self._interviewee: Actor | None = None

    def label_at(self, pos: int) -> str | None:
        """ "Q" or "A" for a position on a labelled line, else None."""
        if not self.lines:
            return None
        label = _LABEL_LINE.match(self.text, self.text.rfind("\n", 0, pos) + 1)
        if label is None:
            return None
        return "Q" if label.group(1) in QUESTION_LABELS else "A"

    def interviewee(self, memory: Memory) -> Actor | None:
        """The last person the text names before its first labelled line, preferring a
        sentence's subject ("Laura Bush wrote … She touched on Donald Trump." is Laura Bush's)."""
        if self._interviewee is None and self.lines:
            people = [m for m in memory.before(self.lines[0][0]) if m.actor.kind == "person"]
            subjects = [m for m in people if m.subject] or people
            self._interviewee = subjects[-1].actor if subjects else None
        return self._interviewee

    def answer(self, content: str, pos: int, memory: Memory) -> tuple[str, str] | None:
        """A bare "No." / "Yes." as (stance, proposition) of the question before ``pos``."""
        word = _YES_NO.match(content.strip(' “”"'))
        if word is None:
            return None
        asked = [start for start, label in self.lines if start < pos and label in QUESTION_LABELS]
        if not asked:
            return None
        start = asked[-1]
        end = self.text.find("\n", start)
        question = self.text[start : len(self.text) if end < 0 else end]
        asked_text = question.split(":", 1)[1]
        statement = checked_claim(asked_text) or declarative(asked_text)
        if statement is None:
            return None
        person = self.interviewee(memory)
        if person is not None:
            statement = name_you(statement, person.name)
        stance = "denies" if word.group(1).lower() == "no" else "asserts"
        return stance, clean(statement)
