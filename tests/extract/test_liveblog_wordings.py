"""Wordings found by running a storm liveblog of our own (rules headline body noun,
told-addressee pronoun, expects-to)."""

from __future__ import annotations

from workbench.extract import extract


def test_a_headline_body_noun_is_the_body_named_below() -> None:
    statements = extract(
        "10:30 Council denies schools were told to stay open\n"
        "Cumbria County Council has rejected claims that heads were ordered to open schools."
    )
    assert statements[0].actor == "Cumbria County Council"


def test_told_us_drops_the_hearer() -> None:
    (statement,) = extract("Forecaster Sam Hill told us the worst would pass by the afternoon.")
    assert statement.proposition == "The worst would pass by the afternoon."


def test_expects_someone_to_is_what_will_happen() -> None:
    statements = extract("Analysts expect the bank to raise rates in May.")
    assert [s.proposition for s in statements] == ["The bank will raise rates in May."]
    plural = extract("Analysts expect interest rates to fall.")  # a plural object too
    assert [s.proposition for s in plural] == ["Interest rates will fall."]
    kept = extract("Officials said immigration continues to rise, and expect it to rise further.")
    assert all(" continues will " not in s.proposition for s in kept)


def test_never_explained_is_a_question_left_open_not_a_denial() -> None:
    (statement,) = extract("The board has never explained the gap between the two figures.")
    assert (statement.stance, statement.rule) == ("asserts", "no-comment")
    assert statement.proposition == "The board has never explained the gap between the two figures."
