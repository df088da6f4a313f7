from __future__ import annotations

from workbench.extract.actors import Actor, lookup_name, normalise
from workbench.extract.lexicon import load_lexicon
from workbench.extract.name_words import link_person

LEX = load_lexicon()


def test_titles_are_stripped_and_demonym_becomes_affiliation() -> None:
    actor = normalise("Brazilian President Lucia Fontes", LEX)
    assert (actor.name, actor.kind, actor.affiliation, actor.role) == (
        "Lucia Fontes",
        "person",
        "Brazil",
        "President",
    )


def test_capitals_are_metonyms_for_countries() -> None:
    assert normalise("Moscow", LEX).name == "Russia"
    assert normalise("Pyongyang", LEX).name == "North Korea"
    assert normalise("Washington", LEX).name == "United States"


def test_organisation_aliases() -> None:
    for alias in ("U.N.", "UN", "the United Nations", "the U.N."):
        actor = normalise(alias, LEX)
        assert (actor.name, actor.kind) == ("United Nations", "organisation"), alias


def test_fuzzy_alias_lookup_only_above_cutoff() -> None:
    found = lookup_name("Internationl Monetary Fund", LEX)
    assert found is not None and found.name == "International Monetary Fund"
    assert lookup_name("Harbour Board", LEX) is None


def test_possessive_country_organisation() -> None:
    actor = normalise("Japan’s Coast Guard", LEX)
    assert (actor.name, actor.kind, actor.affiliation) == (
        "Japan Coast Guard",
        "organisation",
        "Japan",
    )


def test_groups_and_appositive_names() -> None:
    assert normalise("Analysts", LEX).kind == "group"
    assert normalise("Other officials in the delegation", LEX).name == "officials"
    actor = normalise("The Kenyan Trade Minister, Peter Kamau", LEX)
    assert (actor.name, actor.affiliation) == ("Peter Kamau", "Kenya")


def test_later_mentions_link_to_the_full_name() -> None:
    known = ["Lucia Fontes", "Amara Odhiambo"]
    assert link_person("Fontes", known) == "Lucia Fontes"
    assert link_person("Amara Odhiambo", known) == "Amara Odhiambo"
    assert link_person("Zed", known) is None


def test_every_un_member_is_a_country_with_its_capital_and_demonym() -> None:
    assert normalise("Lusaka", LEX).name == "Zambia"
    assert normalise("Bogota", LEX).name == "Colombia"
    actor = normalise("Ghanaian Finance Minister Kofi Mensah-Bright", LEX)
    assert (actor.name, actor.affiliation) == ("Kofi Mensah-Bright", "Ghana")
    assert normalise("the UAE", LEX).name == "United Arab Emirates"
    assert len({country for country, _ in LEX.places.values()}) >= 190


def test_capitals_that_are_first_names_stay_persons() -> None:
    # "Victoria" (Seychelles) and "Chad" would turn a person into a government.
    assert normalise("Victoria", LEX).kind == "person"
    assert normalise("Chad", LEX).kind == "person"


def test_business_name_endings_make_organisations() -> None:
    for name in ("Grainline Bakeries", "Pellor Pharmaceuticals", "The Daily Ledger", "Vantor LLC"):
        assert normalise(name, LEX).kind == "organisation", name
    # A title after "Senate" still gives a person.
    assert normalise("Senate Majority Leader Ana Ruiz", LEX).kind == "person"


def test_common_noun_then_name_appositive_is_a_person_with_a_role() -> None:
    actor = normalise("The coach, Ivan Petrov", LEX)
    assert (actor.name, actor.kind, actor.role) == ("Ivan Petrov", "person", "coach")
    actor = normalise("The supplier's owner, Dale Mercer", LEX)
    assert (actor.name, actor.kind) == ("Dale Mercer", "person")


def test_a_lower_case_title_before_a_name_ending_in_s_is_no_group() -> None:
    assert normalise("spokeswoman Alina Vos", LEX).kind == "person"
    assert normalise("local residents", LEX).kind == "group"


def test_unseen_style_bodies_and_people() -> None:
    assert normalise("The National Grain Safety Board", LEX) == Actor(
        "National Grain Safety Board", "organisation"
    )
    assert normalise("Carmaker Lumo Motors", LEX).name == "Lumo Motors"
    member = normalise("Professor Ada Lark of the University of Leeds", LEX)
    assert (member.name, member.kind, member.affiliation) == (
        "Ada Lark",
        "person",
        "University of Leeds",
    )
    assert normalise("Health officials in the capital", LEX).name == "health officials"
    assert normalise("Other officials in the delegation", LEX).name == "officials"


def test_described_names_and_possessive_outlets() -> None:
    described = normalise("Field hydrologist Ada Lark", LEX)
    assert described == Actor("Ada Lark", "person", None, "field hydrologist")
    assert normalise("Human rights group Coast Watch", LEX).kind == "organisation"
    assert normalise("Human rights group Coast Watch", LEX).name == "Coast Watch"
    assert normalise("The Ledger's Omar Field", LEX) == Actor("Omar Field", "person", "Ledger")


def test_two_people_sharing_a_family_name_stay_apart() -> None:
    from workbench.extract import extract

    text = (
        "Senator Hana Moss spoke first. Her husband, Karl Moss, said the vote was rigged. "
        "Hana Moss said the vote was fair. Moss added that she would appeal."
    )
    actors = [s.actor for s in extract(text) if s.cue]
    assert actors == ["Karl Moss", "Hana Moss", "Hana Moss"]


def test_a_body_is_named_by_its_first_word_later() -> None:
    from workbench.extract import extract

    text = "Software maker Quillon Systems denied the claim. Quillon said its code was safe."
    actors = [(s.actor, s.actor_kind) for s in extract(text) if s.cue]
    assert actors == [("Quillon Systems", "organisation")] * 2


def test_member_of_a_place_or_body() -> None:
    senator = normalise("Senator Ada Lark of Vermont", LEX)
    assert (senator.name, senator.kind, senator.affiliation) == ("Ada Lark", "person", "Vermont")
    assert normalise("Business Council of British Columbia", LEX).kind == "organisation"
