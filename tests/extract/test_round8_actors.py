"""Round 8: actors from house styles unlike the first tuning set (data/tuning2)."""

from __future__ import annotations

from workbench.extract import extract


def _actors(text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.actor) for s in extract(text) if s.actor_kind != "outlet"]


def test_one_lower_case_noun_before_a_name_is_a_description() -> None:
    text = "But geologist Tamsin Kerrow said the cliff had moved two metres."
    assert _actors(text) == [("geologist Tamsin Kerrow", "Tamsin Kerrow")]


def test_a_member_of_parliament_is_named_without_the_party() -> None:
    text = "Green Party MSP Alasdair Rennie said the ferry was ten years late."
    assert _actors(text) == [("Green Party MSP Alasdair Rennie", "Alasdair Rennie")]


def test_capitalised_modifiers_before_a_role_noun_give_the_appositive_name() -> None:
    text = (
        "The Labour housing critic, Idris Penhale, accused the council of selling land cheaply. "
        "He said the plot had gone for half its value."
    )
    assert _actors(text) == [
        ("The Labour housing critic, Idris Penhale", "Idris Penhale"),
        ("He", "Idris Penhale"),
    ]


def test_a_noun_that_is_also_an_adjective_is_the_subject_of_a_past_verb() -> None:
    text = "The firm said the turbines had passed every inspection."
    assert _actors(text) == [("The firm", "firm")]


def test_a_firm_denial_is_still_a_noun() -> None:
    assert _actors("The ministry issued a firm denial on Monday.") == []


def test_an_occasion_without_a_determiner_is_not_the_content() -> None:
    text = "The caretaker said in evidence that the fire door had been locked."
    [statement] = [s for s in extract(text) if s.actor_kind != "outlet"]
    assert statement.proposition == "The fire door had been locked."


def test_a_pronoun_of_the_other_gender_than_the_speakers_is_someone_else() -> None:
    text = (
        "Prosecutor Zinhle Okonjo opened the case on Monday. "
        "She said he had moved the money to Jersey."
    )
    [statement] = [s for s in extract(text) if s.speaker == "She"]
    assert statement.actor == "Zinhle Okonjo"
    assert not statement.proposition.startswith("Zinhle Okonjo")


def test_a_plural_they_is_the_plural_source_after_the_last_person() -> None:
    text = (
        "Chief engineer Tobias Lindqvist said the dam was sound. "
        "Researchers at the Nordic Geotechnical Institute said the foundations had shifted. "
        "They said the cracks had doubled since May."
    )
    [they] = [s for s in extract(text) if s.speaker == "They"]
    assert they.actor == "Nordic Geotechnical Institute"


def test_the_company_is_a_name_typed_a_person_for_want_of_a_clue() -> None:
    text = (
        "Larkspur Robotics said its warehouse arms met every safety rule. "
        "The company said no worker had been injured this year."
    )
    [company] = [s for s in extract(text) if s.speaker == "The company"]
    assert company.actor == "Larkspur Robotics"
    assert company.actor_kind == "organisation"


def test_the_company_is_never_a_titled_person() -> None:
    text = (
        "Ms Wanjiru Kamau said the warehouse was safe. "
        "The company said no worker had been injured this year."
    )
    [company] = [s for s in extract(text) if s.speaker == "The company"]
    assert company.actor != "Wanjiru Kamau"


def test_last_night_is_not_part_of_the_speaker() -> None:
    text = "Goalkeeper Pavel Rusu last night denied that he had bet on the match."
    assert _actors(text) == [("Goalkeeper Pavel Rusu", "Pavel Rusu")]


def test_tonight_is_not_part_of_the_speaker() -> None:
    text = "The Harwick Ramblers tonight said the footpath had been blocked."
    assert [s.speaker for s in extract(text) if s.actor_kind != "outlet"] == [
        "The Harwick Ramblers"
    ]


def test_a_participle_shares_a_subject_with_of_in_its_name() -> None:
    text = "The Bank of Freedonia cut its rate, saying inflation had eased."
    assert _actors(text) == [("The Bank of Freedonia", "Bank of Freedonia")]
