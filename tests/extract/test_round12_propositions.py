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


def test_a_members_own_club_is_the_body_before_their_role() -> None:
    text = (
        "Harwell Rovers chairman Tomas Greer said the transfer was legal. "
        "He said his club would appeal to the league."
    )
    assert _props(text)[-1] == "Harwell Rovers would appeal to the league.", _props(text)


def test_a_members_party_with_a_possessive_body() -> None:
    text = "Green Alliance's regional agent, Petra Lund, said her party's share had doubled."
    assert _props(text) == ["Green Alliance's share had doubled."]


def test_a_person_before_the_role_is_no_body() -> None:
    text = "Maria Lopez's lawyer, Tom Reid, said his firm would appeal."
    assert "Maria Lopez" not in _props(text)[0]


def test_an_owned_speakers_pronoun_of_the_other_gender_is_the_speakers() -> None:
    text = (
        "Winger Pavel Simek wants to stay. "
        "His agent, Ines Garrido, denied that she had met Leeds officials."
    )
    assert _props(text)[-1] == "Ines Garrido had met Leeds officials.", _props(text)


def test_a_bare_definite_is_written_as_the_article_first_wrote_it() -> None:
    text = (
        "Traders say Lisbon's tourist levy has cut bookings. "
        "The hotel association said the levy had cost its members 9 million euros."
    )
    assert _props(text)[-1].startswith("Lisbon's tourist levy had cost"), _props(text)


def test_a_definite_after_a_preposition_is_no_antecedent() -> None:
    text = (
        "The rainfall was the largest since measurements began. "
        "The agency said the measurements were reliable."
    )
    assert _props(text)[-1] == "The measurements were reliable.", _props(text)


def test_an_appositive_claim_is_the_claim_of_its_own_sentence() -> None:
    text = (
        "Both Camps Claim Victory in Border Town\n\n"
        "The rebel front said on Monday that its units had taken the border post at Rusoro, "
        "a claim Zarvia's defence ministry rejected.\n"
    )
    denial = [s for s in extract(text, lexicon=LEX) if s.stance == "denies"]
    assert denial and "border post at Rusoro" in denial[0].proposition, denial


def test_a_denied_deed_done_to_a_thing_named_before_denies_that_claim() -> None:
    text = (
        "Lakemark's environment agency said Corvel Mining had polluted the upper Tamsa river. "
        "Corvel Mining denied polluting the river."
    )
    props = _props(text)
    assert props[-1] == "Corvel Mining had polluted the upper Tamsa river.", props


def test_a_denied_deed_with_no_claim_naming_the_thing_stays_a_deed() -> None:
    text = "Corvel Mining denied polluting the river."
    assert _props(text) == ["Corvel Mining polluted the river."]


def test_an_accused_quoted_gerund_is_a_deed() -> None:
    text = 'The union accused ministers of "fiddling the rota".'
    assert _props(text) == ["Ministers fiddled the rota."]


def test_a_body_written_with_the_keeps_it_in_the_proposition() -> None:
    text = (
        "Fighting went on near the port, where the Karsa Front holds the hills. "
        "A spokesman for the Karsa Front said its units controlled every road."
    )
    assert _props(text)[-1].startswith("The Karsa Front's units controlled"), _props(text)
