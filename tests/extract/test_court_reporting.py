"""Court reporting's own conventions (rules court-heard, charge, told-addressee). Sentences
written for these tests."""

from __future__ import annotations

from workbench.extract import extract


def _said(text: str) -> list[tuple[str, str, str, str]]:
    return [
        (s.actor, s.stance, s.rule, s.proposition)
        for s in extract(text)
        if s.actor_kind != "outlet"
    ]


def test_a_court_heard_is_the_courts_allegation_not_the_outlets_fact() -> None:
    said = _said(
        "A former mayor took cash in exchange for planning approvals, a court heard on Monday."
    )
    assert said == [
        (
            "court",
            "asserts",
            "court-heard",
            "A former mayor took cash in exchange for planning approvals.",
        )
    ]


def test_the_court_heard_that_and_the_jury_was_told() -> None:
    said = _said("Southwark Crown Court heard that the payments began in 2019.")
    assert said == [
        ("Southwark Crown Court", "asserts", "court-heard", "The payments began in 2019.")
    ]
    said = _said("The jury was told that the builder kept a notebook of every payment.")
    assert said == [
        (
            "(unnamed)",
            "asserts",
            "court-heard",
            "The builder kept a notebook of every payment.",
        )
    ]


def test_heard_elsewhere_is_no_court() -> None:
    said = _said("She said she had heard that the mayor took cash.")
    assert [rule for _, _, rule, _ in said] == ["cue-content"]


def test_denying_counts_and_pleading_are_the_charge() -> None:
    said = _said(
        "Gareth Lowe, 58, is on trial. Mr Lowe denies two counts of misconduct in public office."
    )
    assert (
        "Gareth Lowe",
        "denies",
        "charge",
        "Gareth Lowe is guilty of misconduct in public office.",
    ) in said
    said = _said("Colm Dwyer pleaded guilty to bribery. Lowe pleaded not guilty to fraud.")
    assert ("Colm Dwyer", "asserts", "charge", "Colm Dwyer is guilty of bribery.") in said
    assert ("Lowe", "denies", "charge", "Lowe is guilty of fraud.") in said


def test_told_addressee_names_the_pronoun_that_stands_for_it() -> None:
    said = _said("Judge Alison Marr told jurors they must ignore press coverage of the case.")
    assert said == [
        ("Alison Marr", "asserts", "cue-content", "Jurors must ignore press coverage of the case.")
    ]
