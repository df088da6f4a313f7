"""Q&A interviews: answers are the interviewee's, "No." denies the question, "you" is named.
Sentences written for these tests."""

from __future__ import annotations

from workbench.extract import extract
from workbench.extract.interview import declarative, find_interview, name_you

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
    assert ("Ines Kahl", "asserts", "The oyster beds are two miles away.", "answer") in said
    assert ("critics", "asserts", "Ines Kahl ignored the survey.", "cue-content") in said
    assert ("Ines Kahl", "denies", "Ines Kahl ignored the survey.", "rebuttal") in said
    assert not any(actor in ("Q", "A", "Question", "Answer") for actor, *_ in said)


def test_a_named_transcript_is_unchanged() -> None:
    said = [(s.speaker, s.actor) for s in extract("ROE: We will win.\nLEE: We will see.") if s.cue]
    assert said == [("ROE", "ROE"), ("LEE", "LEE")]


def test_upper_case_labels_alone_make_an_interview() -> None:
    """A transcript labelled only QUESTION:/ANSWER: is read as an interview."""
    transcript = (
        "Harbour master Ines Kahl talked to us about the dredging plan.\n\n"
        "QUESTION: Will the dredging harm the oyster beds?\n"
        "ANSWER: No. The beds are two miles away.\n"
    )
    said = [(s.actor, s.stance, s.proposition, s.rule) for s in extract(transcript) if s.cue]
    assert ("Ines Kahl", "denies", "The dredging will harm the oyster beds.", "answer-yes-no") in (
        said
    )
    assert ("Ines Kahl", "asserts", "The oyster beds are two miles away.", "answer") in said


def test_a_q_colon_inside_a_sentence_is_no_interview() -> None:
    """ "Q:" in running text does not make the article a Q&A: "you" stays "you"."""
    article = (
        "Ines Kahl spoke at the harbour.\n"
        "The mayor said the Q: section of the form asks whether you own a boat.\n"
    )
    said = [s.proposition for s in extract(article) if s.cue]
    assert not any("Ines Kahl" in prop for prop in said), said


def test_the_interview_reader_is_on_only_with_line_start_labels() -> None:
    assert find_interview("QUESTION: Why?\nANSWER: Because.") is not None
    assert find_interview("Intro.\n  A: Yes.") is not None
    assert find_interview("The form's Q: section asks. Question: what now?") is None


def test_the_interviewee_is_the_last_person_named_as_a_subject() -> None:
    """The introduction's subject answers, not a person it mentions in passing."""
    transcript = (
        "Petra Lind has finished her memoir. "
        "It dwells at some length on the bitter feud with Omar Hale.\n\n"
        "Q: Why now?\n"
        "A: Because the archive finally opened.\n"
    )
    said = [(s.actor, s.rule) for s in extract(transcript) if s.cue]
    assert ("Petra Lind", "answer") in said


def test_no_to_a_claim_put_as_is_that_right_denies_the_claim() -> None:
    text = (
        "Mara Holm has run Northsea Ferries since 2019. She spoke to us.\n\n"
        "Q: Passengers say your ferries were cancelled 200 times this summer. Is that right?\n"
        "A: No. It was 140, and most were because of weather.\n"
    )
    denials = [s for s in extract(text) if s.stance == "denies"]
    assert [(s.actor, s.proposition) for s in denials] == [
        ("Mara Holm", "Mara Holm's ferries were cancelled 200 times this summer.")
    ]
