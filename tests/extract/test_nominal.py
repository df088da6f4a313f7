from __future__ import annotations

from workbench.extract import extract
from workbench.extract.nominal import nominal_attributions


def found(text: str) -> list[tuple[str, str, str]]:
    return [
        (text[s[0] : s[1]], text[c[0] : c[1]], text[t[0] : t[1]])
        for s, c, t, _ in nominal_attributions(text, 0, len(text), [])
    ]


def test_possessive_reporting_nouns() -> None:
    assert found("Critics doubted Jo Roe’s claim that the dam was safe.") == [
        ("Jo Roe’s", "claim", "that the dam was safe")
    ]
    assert found("The ministry repeated its denial that troops crossed.") == [
        ("its", "denial", "that troops crossed")
    ]


def test_plain_nouns_without_a_clause_are_ignored() -> None:
    assert found("Jo Roe’s claim was rejected.") == []


def test_unattributed_reports_that_is_an_implicit_source() -> None:
    from workbench.extract import extract
    from workbench.extract.lexicon import load_lexicon

    text = (
        "There were reports that troops had moved north. "
        "Prices rose amid rumours that the mill shut."
    )
    found = [
        (s.rule, s.speaker, s.cue, s.proposition) for s in extract(text, lexicon=load_lexicon())
    ]
    assert ("nominal-implicit", None, "reports", "Troops had moved north.") in found
    assert ("nominal-implicit", None, "rumours", "The mill shut.") in found


def test_reportedly_is_an_unnamed_source() -> None:
    """Rule reportedly (round 5, from train): the clause around the adverb is the claim of an
    unnamed source; the proposition drops the hedge; a clause with its own cue keeps it."""
    text = "The Harbour Club is reportedly spending two million on new moorings."
    [s] = [s for s in extract(text) if s.cue]
    assert (s.cue, s.rule, s.actor, s.speaker) == ("reportedly", "reportedly", "(unnamed)", None)
    assert s.content == "The Harbour Club is reportedly spending two million on new moorings"
    assert s.proposition == "The Harbour Club is spending two million on new moorings."
    told = [s for s in extract("The mayor reportedly told aides the port would close.") if s.cue]
    assert [(s.cue, s.rule) for s in told] == [("reportedly told", "cue-content")]


def test_in_a_poll_the_poll_is_the_source() -> None:
    """Rule in-poll (round 5, from train's missed cue "In"): the poll is the source, "In" the
    cue, the rest of the sentence the content; "In the end, …" is no report."""
    text = "In a Harbour Times poll, conducted in May, 52 percent of residents backed the pier."
    [s] = [s for s in extract(text) if s.cue]
    assert (s.speaker, s.cue, s.rule) == ("a Harbour Times poll, conducted in May", "In", "in-poll")
    assert s.content == "52 percent of residents backed the pier"
    assert [s.rule for s in extract("In the end, the survey team rebuilt the pier.")] == [
        "outlet-voice"
    ]
