"""Round 10 of issue 10: propositions (pronouns, noun denials, gerunds)."""

from __future__ import annotations

from workbench.extract import extract
from workbench.extract.lexicon import load_lexicon

LEX = load_lexicon()


def _props(text: str) -> list[str]:
    return [s.proposition for s in extract(text, lexicon=LEX)]


def test_a_bodys_she_is_the_woman_named_before() -> None:
    text = (
        "Health Secretary Moira Quayle is visiting the flooded hospital, her office said. "
        "The office said she would meet nurses at noon."
    )
    assert "Moira Quayle would meet nurses at noon." in _props(text)


def test_rejecting_the_finding_or_the_figures_denies_what_was_found() -> None:
    text = (
        "The inspectorate said Castlebury Prison had failed to search visitors for a year. "
        "Castlebury Prison rejected the finding."
    )
    props = _props(text)
    assert props[-1] == "Castlebury Prison had failed to search visitors for a year.", props


def test_a_denied_gerund_of_an_irregular_verb_takes_its_past_tense() -> None:
    from workbench.extract.proposition import past_of

    assert [past_of(w) for w in ("losing", "running", "cutting", "feeding")] == [
        "lost",
        "ran",
        "cut",
        "fed",
    ]
    props = _props("The garrison commander denied losing the airfield to rebels on Friday.")
    assert props and props[0].startswith("The garrison commander lost the airfield"), props


def test_a_lawyers_or_agents_client_is_the_person_they_act_for() -> None:
    text = (
        "Tomasz Brzeski missed training on Friday. "
        "Brzeski's agent, Paolo Ricci, said his client had a knee injury."
    )
    assert _props(text)[-1] == "Tomasz Brzeski had a knee injury."
    text = (
        "Dorothy Amadi denies fraud. "
        "Her barrister, Keith Lomax, said her client had been misled by her accountant."
    )
    assert _props(text)[-1] == "Dorothy Amadi had been misled by her accountant."


def test_an_object_him_inside_a_proposition_is_the_man_named_before() -> None:
    text = (
        "Detectives named Owen Marsh as a suspect on Monday. "
        "His sister, Carla Marsh, accused the police of naming him to hide a slow inquiry."
    )
    props = _props(text)
    assert any("named Owen Marsh to hide" in p for p in props), props
    # a speaker who may be "him" himself keeps the pronoun
    text = "Owen Marsh was named on Monday. Jo Pike said the club had dropped him."
    assert any(p.endswith("dropped him.") for p in _props(text))


def test_a_relative_clause_after_the_speaker_does_not_stop_it_standing_for_it() -> None:
    text = "The tribunal, which sits in Leeds, said it would publish its ruling in May."
    assert _props(text)[0].startswith("The tribunal would publish"), _props(text)


def test_an_agent_noun_before_a_name_is_that_persons_role() -> None:
    text = (
        "Harbourside United dropped defender Kofi Mensah for the derby. "
        "His agent said the defender had asked to leave in January."
    )
    assert _props(text)[-1] == "Kofi Mensah had asked to leave in January.", _props(text)


def test_a_denied_finding_is_what_was_found_even_when_nobody_said_it() -> None:
    text = (
        "The inspectorate closed the Hillcrest care home after finding that staff had left "
        "residents without water for a day. Hillcrest Care rejected the finding."
    )
    assert _props(text)[-1] == "Staff had left residents without water for a day."


def test_a_one_word_name_ending_in_s_that_says_it_will_act_is_a_body() -> None:
    assert _props("Hollins said it would refund the fees by May.") == [
        "Hollins would refund the fees by May."
    ]
    assert _props("Analysts said it was too early to tell.") == ["It was too early to tell."]
