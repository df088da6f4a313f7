from __future__ import annotations

from workbench.extract.generic import generic_cues
from workbench.extract.lexicon import load_lexicon


def forms(text: str) -> list[str]:
    return [text[c.start : c.end] for c in generic_cues(text, 0, len(text), load_lexicon())]


def test_unlisted_verb_with_that_clause_is_a_cue() -> None:
    assert forms("The mayor grumbled that the port was too small.") == ["grumbled"]


def test_objects_nouns_and_listed_verbs_are_left_alone() -> None:
    assert forms("She told reporters that the port was closed.") == []
    assert forms("The reports that the port closed were false.") == []
    assert forms("He said that the port closed.") == []  # listed: the lexicon handles it
