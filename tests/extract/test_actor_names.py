"""Round 6 actor normalisation: bodies written with "the", owners before a role, particles,
governments named by place, lower-case organisation words (our own names and sentences)."""

from __future__ import annotations

import pytest

from workbench.extract.actors import normalise
from workbench.extract.lexicon import load_lexicon

LEX = load_lexicon()


@pytest.mark.parametrize(
    ("speaker", "name", "kind"),
    [
        ("The Organization of Coastal States", "Organization of Coastal States", "organisation"),
        (
            "The Malawi Conference of Catholic Bishops",
            "Malawi Conference of Catholic Bishops",
            "organisation",
        ),
        ("The Evening Lantern", "Evening Lantern", "organisation"),
        ("The Kenyan Trade Minister, Peter Kamau", "Peter Kamau", "person"),
        ("The Rev. Ada Mwale", "Ada Mwale", "person"),
    ],
)
def test_a_capitalised_name_written_with_the_is_a_body(speaker: str, name: str, kind: str) -> None:
    actor = normalise(speaker, LEX)
    assert (actor.name, actor.kind) == (name, kind)


def test_owner_before_role_and_appositive_name() -> None:
    actor = normalise("Tallis Telecom's chief executive, Henrik Aas", LEX)
    assert (actor.name, actor.kind, actor.affiliation) == ("Henrik Aas", "person", "Tallis Telecom")


def test_name_particles_stay_in_the_name() -> None:
    actor = normalise("Chilean Foreign Minister Marta van Hoek", LEX)
    assert (actor.name, actor.affiliation) == ("Marta van Hoek", "Chile")


def test_government_named_by_its_capital_is_the_country() -> None:
    assert normalise("the government in Lome", LEX).name == "Togo"
    assert normalise("the government of Peru", LEX).name == "Peru"


def test_lower_case_organisation_word_ends_a_body() -> None:
    actor = normalise("The UN refugee agency", LEX)
    assert actor.kind == "organisation"


def test_reflexive_and_plural_possessive() -> None:
    assert normalise("The transit authority itself", LEX).name == "transit authority"
    actor = normalise("Some farmers' groups", LEX)
    assert (actor.name, actor.kind) == ("farmers' groups", "group")


def test_a_group_word_before_a_title_and_name_is_a_modifier() -> None:
    actor = normalise("Police Commissioner Ruth Amadi", LEX)
    assert (actor.name, actor.kind) == ("Ruth Amadi", "person")


def test_an_occasion_after_the_name_is_not_the_name() -> None:
    assert normalise("Party chair Mona Levi in a statement", LEX).name == "Mona Levi"
    assert normalise("-Nate Brill", LEX).name == "Nate Brill"


def test_titles_without_full_stops_and_councillors() -> None:
    assert normalise("Councillor Rachel Adair", LEX).name == "Rachel Adair"
    assert normalise("Ms Adair", LEX).name == "Adair"


def test_a_person_of_a_described_group() -> None:
    actor = normalise("Jamal Reed of the advocacy group Fair Banking Now", LEX)
    assert (actor.name, actor.kind, actor.affiliation) == (
        "Jamal Reed",
        "person",
        "Fair Banking Now",
    )
