"""Rule told-addressee: "told jurors they must ignore the coverage" -> "Jurors must ignore …".

Why: "tell" reports to someone. With "that" ("told reporters that …") the content already
starts after the addressee; without it the addressee and the clause run together, and the
proposition read "Jurors they must ignore press coverage of the case." The clause's subject
pronoun stands for the addressee when it agrees in number ("told jurors they", "told the
minister he"), so the addressee takes its place; otherwise only the addressee is dropped.
"""

from __future__ import annotations

import re

from workbench.extract.words import lazy_compile

_TOLD = lazy_compile(
    r"(?!(?:that|whether|if|and|but|so|when|why|how|what)\b)"
    r"(?P<who>(?:(?:the|his|her|their|its)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
    r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+"
    r"(?P<pronoun>they|he|she|it)\s+"
    r"(?P<rest>(?:must|should|would|could|will|can|might|may|had|have|has|were|was|are|is"
    r"|did|do|does|need|needed)\b.*)$",
    re.DOTALL,
)
_PRONOUNS_OF_PLURAL = frozenset({"they"})
_TOLD_PRONOUN = lazy_compile(r"\s*(?:me|us|him|them|you)\s+(?!that\b)(?=[a-z])")


def addressed(said: str, lemma: str, *, one_person: bool = True) -> str:
    """The clause told to someone, with its pronoun subject named when it is the addressee.

    Only when the speaker is one person: "Police told residents they were investigating" is
    the police's "they", not the residents'. A hearer named by a noun is dropped without naming
    anyone by `frames.drop_frames` (rule told-hearer); a hearer pronoun is dropped here, also
    before words that are no clause ("told them how to vote")."""
    if lemma != "tell":
        return said
    pronoun = _TOLD_PRONOUN.match(said)
    if pronoun is not None:  # "told them how to vote" ("her" may open a noun phrase)
        return said[pronoun.end() :]
    if not one_person:
        return said
    match = _TOLD.match(said.strip())
    if match is None:
        return said
    who, pronoun, rest = match.group("who", "pronoun", "rest")
    plural = who.endswith("s") and not who.endswith("ss")
    if (pronoun in _PRONOUNS_OF_PLURAL) != plural or who.split()[0].lower() in _POSSESSIVES:
        return f"{pronoun} {rest}"  # "told audiences she may be …": someone else, unnamed
    return f"{who[0].upper()}{who[1:]} {rest}"


# Words that open an addressee but cannot stand for a clause's subject ("told his aides he").
_POSSESSIVES = frozenset({"his", "her", "their", "its"})
