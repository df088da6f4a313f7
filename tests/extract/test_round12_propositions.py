"""Round 12 of issue 10: proposition precision (possessives, antecedents)."""

from __future__ import annotations

from workbench.extract import extract
from workbench.extract.lexicon import load_lexicon

LEX = load_lexicon()


def _props(text: str) -> list[str]:
    return [s.proposition for s in extract(text, lexicon=LEX)]


def test_its_after_a_bare_noun_is_the_speaking_bodys() -> None:
    text = "The Halden Trust said clean water was its first concern."
    props = _props(text)
    assert props[0].startswith("Clean water was"), props
    assert "Halden Trust's first concern" in props[0], props


def test_its_after_a_noun_phrase_stays() -> None:
    text = "The Halden Trust said the charity would publish its accounts."
    assert "its accounts" in _props(text)[0]
