"""Round 6: Q&A interviews whose answers are labelled with the speaker's name (our own text)."""

from __future__ import annotations

from workbench.extract import extract

INTERVIEW = (
    "Interview: The Minister on Fish Quotas\n\n"
    "We spoke to fisheries minister Ola Berg about the new quotas.\n\n"
    "Q: Are the quotas too low?\n\n"
    "Berg: No. The stocks are recovering and the science is clear.\n\n"
    "Q: Fishermen say they will lose their boats. Will they?\n\n"
    "Berg: Some will struggle.\n\n"
    "Q: Do trawlers harm the reefs?\n\n"
    "BERG: No. The reefs are closed to them."
)


def _said() -> list[tuple[str, str, str, str]]:
    return [
        (s.speaker or "", s.actor, s.stance, s.proposition) for s in extract(INTERVIEW) if s.cue
    ]


def test_a_named_no_answer_denies_the_question_and_the_rest_is_its_own() -> None:
    said = _said()
    assert ("Berg", "Ola Berg", "denies", "The quotas are too low.") in said
    assert (
        "Berg",
        "Ola Berg",
        "asserts",
        "The stocks are recovering and the science is clear.",
    ) in said
    assert ("BERG", "Ola Berg", "denies", "Trawlers harm the reefs.") in said


def test_section_word_and_plural_agents() -> None:
    said = _said()
    assert all(speaker != "Interview" for speaker, *_ in said)
    assert ("Fishermen", "fishermen", "asserts", "Fishermen will lose their boats.") in said
