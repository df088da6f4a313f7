"""What a verdict means, per stance: the one place the verdict model is written down.

A statement's status judges what its speaker says; a claim's verdict judges the proposition.
So a confirmed assertion and a disputed denial both read "the proposition holds", a confirmed
denial and a disputed assertion "it does not" (docs/claims.md). Pure functions over the
vocabulary's words: the services, the exports, the CLI and the TUI all read verdicts through
them.
"""

from __future__ import annotations

from collections.abc import Iterable


def reading(stance: str, status: str) -> bool | None:
    """What a statement's verdict says of the proposition: True holds, False does not, None
    nothing (unverified, or a question)."""
    if status == "unverified" or stance not in ("asserts", "denies"):
        return None
    return (stance == "asserts") == (status == "confirmed")


def status_for(stance: str, verdict: str) -> str | None:
    """The statement status that reads as `verdict` on the claim (None: no reading applies)."""
    if stance not in ("asserts", "denies"):
        return None
    if verdict == "unverified" or stance == "asserts":
        return verdict
    return "disputed" if verdict == "confirmed" else "confirmed"


def is_inconsistent(verdict: str, statements: Iterable[tuple[str, str]]) -> bool:
    readings = {reading(stance, status) for stance, status in statements}
    if verdict != "unverified":
        readings.add(verdict == "confirmed")
    return True in readings and False in readings


def verdict_in_words(stance: str, status: str, speaker: str | None) -> str:
    """The statement verdict said as what it means for the claim ("North Korea's denial holds:
    the claim is false")."""
    name = speaker or "The speaker"
    who = f"{name}'" if name.endswith("s") else f"{name}'s"
    noun = {"asserts": "claim", "denies": "denial", "questions": "doubt"}.get(stance, "statement")
    if status == "unverified":
        return f"{who} {noun} is not verified yet"
    holds = "holds" if status == "confirmed" else "does not hold"
    meaning = reading(stance, status)
    if meaning is None:
        return f"{who} {noun} {holds}"
    return f"{who} {noun} {holds}: the claim is {'true' if meaning else 'false'}"


# How reports qualify a verdict while its second review is open (docs/team.md).
REVIEW_QUALIFIERS = {
    "pending": "awaiting a second analyst",
    "disputed": "analysts disagree: awaiting an adjudicator",
}


def review_qualifier(state: str | None) -> str:
    """The words a report adds to a verdict that is not final yet ("" when it is)."""
    return REVIEW_QUALIFIERS.get(state or "", "")
