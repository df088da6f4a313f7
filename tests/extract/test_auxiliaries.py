from __future__ import annotations

from workbench.extract.auxiliaries import aux_length


def chain(window: str) -> str:
    return window[len(window) - aux_length(window) :]


def test_auxiliaries_adverbs_and_negation_form_the_chain() -> None:
    assert chain("The ministry has not publicly ") == "has not publicly "
    assert chain("Officials did n't ") == "did n't "
    assert chain("Officials didn’t ") == "didn’t "


def test_ly_nouns_are_not_adverbs() -> None:
    assert chain("attorneys for the family ") == ""
    assert chain("a rally ") == ""


def test_contractions_contribute_only_their_suffix() -> None:
    assert chain("they've ") == "'ve "
    assert chain("no chain") == ""
