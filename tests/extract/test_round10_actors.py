"""Round 10 of issue 10: actors (countries, bodies, body nouns, unclued names)."""

from __future__ import annotations

from workbench.extract.actors import normalise
from workbench.extract.lexicon import load_lexicon

LEX = load_lexicon()


def test_port_sudan_and_small_states_demonyms() -> None:
    # Port Sudan has been the seat of Sudan's government since 2023.
    assert normalise("The foreign ministry in Port Sudan", LEX).name != "Port Sudan"
    assert normalise("Port Sudan", LEX).name == "Sudan"
    actor = normalise("Solomon Islander Prime Minister Joe Kema", LEX)
    assert (actor.name, actor.affiliation) == ("Joe Kema", "Solomon Islands")
    assert normalise("I-Kiribati President Tani Eria", LEX).affiliation == "Kiribati"


def test_a_countrys_government_is_the_country() -> None:
    for speaker, country in (
        ("Fiji's government", "Fiji"),
        ("The Senegalese government", "Senegal"),
        ("Myanmar's military government", "Myanmar"),
        ("The foreign ministry in Dhaka", "Bangladesh"),
    ):
        actor = normalise(speaker, LEX)
        assert (actor.name, actor.kind) == (country, "country"), speaker
    # a named ministry stays the ministry (tuning convention "Kenya Health Ministry")
    assert normalise("Kenya's health ministry", LEX).name == "Kenya Health Ministry"
