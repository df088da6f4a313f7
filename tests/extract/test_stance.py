from __future__ import annotations

import pytest

from workbench.extract.cues import find_cues
from workbench.extract.lexicon import load_lexicon
from workbench.extract.stance import confidence_of, stance_of


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Officials said the port reopened.", "asserts"),
        ("Officials denied the port reopened.", "denies"),
        ("Officials rejected the report.", "denies"),
        ("Officials did not confirm the report.", "denies"),
        ("Officials did not deny the report.", "asserts"),
        ("Officials questioned the report.", "questions"),
        ("Officials doubted the report.", "questions"),
        ("Officials warned of delays.", "asserts"),
    ],
)
def test_stance_from_cue_and_negation(sentence: str, stance: str) -> None:
    [cue] = find_cues(sentence, 0, len(sentence), load_lexicon())
    assert stance_of(cue) == stance


def test_confidence_is_a_probability() -> None:
    assert stance_of(None) == "asserts"
    assert 0 <= confidence_of(None, "according-to", True) <= 1
