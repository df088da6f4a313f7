"""Q&A interviews: answers are the interviewee's, "No." denies the question, "you" is named.
Sentences written for these tests."""

from __future__ import annotations

from workbench.extract import extract
from workbench.extract.interview import declarative, name_you

QA = (
    "Harbour master Ines Kahl talked to us about the dredging plan.\n\n"
    "Q: Will the dredging harm the oyster beds?\n"
    "A: No. The beds are two miles away.\n"
    "Question: Critics say you ignored the survey.\n"
    "Answer: That is not true. We read every page."
)


def test_questions_become_statements() -> None:
    assert declarative("Did the board sell the land?") == "the board sold the land"
    assert declarative("Is the bridge safe?") == "the bridge is safe"
    assert declarative("Why now?") is None
    assert name_you("you are late and your car is red", "Ines Kahl") == (
        "Ines Kahl is late and Ines Kahl's car is red"
    )


def test_answers_belong_to_the_interviewee() -> None:
    said = [(s.actor, s.stance, s.proposition, s.rule) for s in extract(QA) if s.cue]
    assert ("Ines Kahl", "denies", "The dredging will harm the oyster beds.", "answer-yes-no") in (
        said
    )
    assert ("Ines Kahl", "asserts", "The beds are two miles away.", "answer") in said
    assert ("critics", "asserts", "Ines Kahl ignored the survey.", "cue-content") in said
    assert ("Ines Kahl", "denies", "Ines Kahl ignored the survey.", "rebuttal") in said
    assert not any(actor in ("Q", "A", "Question", "Answer") for actor, *_ in said)


def test_a_named_transcript_is_unchanged() -> None:
    said = [(s.speaker, s.actor) for s in extract("ROE: We will win.\nLEE: We will see.") if s.cue]
    assert said == [("ROE", "ROE"), ("LEE", "LEE")]
