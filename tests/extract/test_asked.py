from __future__ import annotations

from workbench.extract import extract
from workbench.extract.lexicon import load_lexicon

LEX = load_lexicon()


def questions(text: str) -> list[tuple[str | None, str | None, str, str]]:
    return [
        (s.speaker, s.cue, s.content, s.rule)
        for s in extract(text, lexicon=LEX)
        if s.stance == "questions"
    ]


def test_sentence_opening_asked_is_a_sourceless_question() -> None:
    text = "Asked whether the bridge would reopen, the engineer said work had stalled."
    assert questions(text) == [
        (None, "Asked", "whether the bridge would reopen", "asked-participle")
    ]
    answers = [s for s in extract(text, lexicon=LEX) if s.stance == "asserts"]
    assert [(a.speaker, a.cue) for a in answers] == [("the engineer", "said")]


def test_when_asked_and_an_agent_before_the_question() -> None:
    text = "When asked by reporters if the strike was over, Ms. Ilves smiled."
    assert questions(text) == [(None, "asked", "if the strike was over", "asked-participle")]


def test_asked_without_a_question_clause_is_no_question() -> None:
    assert questions("Asked about the merger, the chairman said nothing.") == []
    # Only a sentence-opening participle: a finite "asked" is the ordinary verb rule's.
    found = questions("She asked whether the gate was open, and the guard nodded.")
    assert [q[3] for q in found] == ["cue-content"]
