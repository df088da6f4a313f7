"""Round 16 actor rules: a document speaks for its author, a role noun points at a role's head
(or the body a person is "of"), a group word inside a body's name is no group, an informed
group keeps what it is informed about, and "a police source" is one source."""

from __future__ import annotations

from workbench.extract import extract


def _actors(text: str) -> list[tuple[str, str]]:
    return [(s.actor, s.actor_kind) for s in extract(text) if s.actor_kind != "outlet"]


def test_document_author_figures_from_a_body_are_the_body() -> None:
    text = (
        "Harlow Council cut bus routes in May. Figures from the Department for Transport "
        "show that passenger numbers fell by a third."
    )
    assert _actors(text) == [("Department for Transport", "organisation")]


def test_document_author_a_club_statement_is_the_club_named_before() -> None:
    text = "Rovers beat Town 2-0 on Saturday. A club statement said the manager had signed."
    assert _actors(text) == [("Rovers", "organisation")]


def test_document_author_a_bodys_own_accounts_are_the_body() -> None:
    text = "The depot lost money, according to the Treasury's own website."
    assert _actors(text) == [("Treasury", "organisation")]


def test_affiliation_body_the_council_is_the_council_a_councillor_is_of() -> None:
    text = (
        "Councillor Jo Penrose of Aldbury Council said the library would close. The council "
        "said the decision was final."
    )
    assert _actors(text) == [("Jo Penrose", "person"), ("Aldbury Council", "organisation")]


def test_role_head_a_council_leader_is_no_council() -> None:
    text = (
        "Council leader Mark Ostry said the budget was balanced. The council said the car park "
        "lost money."
    )
    assert _actors(text)[1][0] != "Mark Ostry"


def test_group_in_name_a_capitalised_group_word_inside_a_body_name() -> None:
    text = "The Institute for Fiscal Studies said the plan would cost 4 billion pounds."
    assert _actors(text) == [("Institute for Fiscal Studies", "organisation")]


def test_informed_group_keeps_what_it_is_informed_about() -> None:
    text = "Two people familiar with the talks said the merger would be announced on Friday."
    assert _actors(text) == [("people familiar with the talks", "group")]


def test_kind_source_is_one_source_and_the_source_points_back() -> None:
    assert _actors("A police source said the suspect had been released.") == [
        ("police source", "unnamed")
    ]
    text = "A Labour source said the vote was lost. The source said the leader would resign."
    assert _actors(text) == [("Labour source", "unnamed"), ("Labour source", "unnamed")]


def test_honorific_name_mr_king_is_a_man_called_king() -> None:
    text = "Mr King said the show was never edited. Mr. Singer said the fund would close."
    assert _actors(text) == [("King", "person"), ("Singer", "person")]


def test_honorific_name_a_form_of_address_stays_a_title() -> None:
    from workbench.extract import load_lexicon
    from workbench.extract.actors import normalise

    assert normalise("Mr. President", load_lexicon()).name != "President"


def test_given_name_and_title_surname_is_a_person() -> None:
    text = "Larry Prince said the deal was off. Mr. Prince said lawyers had advised him."
    assert _actors(text) == [("Larry Prince", "person"), ("Larry Prince", "person")]


def test_generic_body_word_council_leader_mentions_no_body_called_council() -> None:
    text = (
        "Brackenford District Council approved the plan on Wednesday. Council leader Harriet "
        "Quayle said the plan was needed. The council denied that the vote was rushed."
    )
    assert _actors(text)[-1] == ("Brackenford District Council", "organisation")


def test_police_ranks_are_titles() -> None:
    text = "Detective Sergeant Paul Iredale said officers had found receipts."
    assert _actors(text) == [("Paul Iredale", "person")]


def test_office_of_a_persons_office_speaks_for_the_person() -> None:
    text = "Finance Minister Aisha Qureshi's office said the budget would be published on Friday."
    assert _actors(text) == [("office of Aisha Qureshi", "organisation")]


def test_role_head_the_detective_is_the_detective_inspector() -> None:
    text = (
        "Detective Inspector Rachel Okonjo said the van had been found. The detective said "
        "two men had been arrested."
    )
    assert _actors(text) == [("Rachel Okonjo", "person"), ("Rachel Okonjo", "person")]


def test_restricted_group_keeps_a_short_of_phrase() -> None:
    text = "Supporters of the freeze said fares had risen too fast."
    assert _actors(text) == [("supporters of the freeze", "group")]


def test_opening_conjunction_and_shouted_lead_are_no_part_of_a_name() -> None:
    text = (
        "FURIOUS Dario Okafor last night blasted the claims. His agent, Lee Parkes, said he "
        "had been paid. But Okafor hit back. He insisted every penny was above board."
    )
    actors = [a for a, _ in _actors(text)]
    assert actors[0] == "Dario Okafor" and actors[-1] == "Dario Okafor"


def test_acronym_union_is_the_acronym() -> None:
    text = "The GMB union said engineers would strike. It said talks had failed."
    assert _actors(text) == [("GMB", "organisation"), ("GMB", "organisation")]


def test_kin_name_a_relatives_first_name_takes_the_family_name() -> None:
    text = (
        "Judge Marcus Bell jailed her for six years. Edna Firth's son, Graham, said outside "
        "court that his mother had trusted her. He said the sentence was too short."
    )
    assert [a for a, _ in _actors(text)][-2:] == ["Graham Firth", "Graham Firth"]


def test_quote_mention_a_name_inside_the_quote_is_not_the_pronoun_speaker() -> None:
    text = (
        "Gary Zelman put the rifle up for sale on Monday. “This is the rifle that ended the "
        "attack from Tavis Moore,” he wrote."
    )
    assert _actors(text) == [("Gary Zelman", "person")]
