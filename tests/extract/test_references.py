"""Contents that point back at an earlier claim, and propositions made self-contained
(fourth round of issue 10). Sentences written for these tests."""

from __future__ import annotations

from workbench.extract import extract
from workbench.extract.actors import Actor
from workbench.extract.attribution import Attribution
from workbench.extract.coref import Memory
from workbench.extract.references import is_claim_reference, is_rebuttal, self_contained


def _said(text: str) -> list[tuple[str, str, str]]:
    return [(s.actor, s.stance, s.proposition) for s in extract(text) if s.actor_kind != "outlet"]


def test_a_denied_reference_may_carry_an_adjunct() -> None:
    assert is_claim_reference("the charges throughout the trial", denial=True)
    assert is_claim_reference("that argument", denial=True)
    assert not is_claim_reference("the charges throughout the trial")
    assert not is_claim_reference("the report that the bridge was unsafe", denial=True)


def test_rebuttals_include_no_evidence_and_not_true() -> None:
    assert is_rebuttal("“These reports are false,”")
    assert is_rebuttal("there is no evidence for this")
    assert is_rebuttal("That is not true.")
    assert not is_rebuttal("the bridge is not safe")


def test_denied_charges_point_at_the_prosecution_claim() -> None:
    said = _said(
        "Prosecutors said Lena Ward sold the council's land to her brother. "
        "Ward denied the charges at the hearing."
    )
    claim = "Lena Ward sold the council's land to her brother."
    assert ("prosecutors", "asserts", claim) in said
    assert ("Lena Ward", "denies", claim) in said


def test_rejected_argument_points_at_the_other_speaker() -> None:
    said = _said(
        "The defence argued that the contract was legal. Judge Omar Field rejected that argument."
    )
    assert ("Omar Field", "denies", "The contract was legal.") in said


def test_a_rebuttal_quote_denies_and_its_follow_on_is_asserted() -> None:
    said = _said(
        "The regulator said the pipes leaked for months. "
        "“These reports are false,” the company said. “Our pipes are sound.”"
    )
    assert ("company", "denies", "The pipes leaked for months.") in [
        (a.lower(), st, p) for a, st, p in said
    ]
    assert any(st == "asserts" and p == "Our pipes are sound." for _, st, p in said)


def test_no_evidence_for_this_denies_the_claim() -> None:
    said = _said(
        "A blog claims that garlic cures measles. Doctors say there is no evidence for this."
    )
    assert ("doctors", "denies", "Garlic cures measles.") in said


def test_the_authority_and_the_company_are_the_named_bodies() -> None:
    said = _said(
        "The Water Quality Authority said on Monday that the river was polluted. "
        "Milltown Foods said the river was clean. The company said it had tested the water. "
        "The authority said it stood by its results."
    )
    actors = [a for a, *_ in said]
    assert actors == [
        "Water Quality Authority",
        "Milltown Foods",
        "Milltown Foods",
        "Water Quality Authority",
    ]
    assert said[2][2] == "Milltown Foods had tested the water."
    assert said[3][2] == "The Water Quality Authority stood by its results."


def test_a_leading_possessive_pronoun_names_the_speaker() -> None:
    said = _said(
        "Coach Ana Ruiz said her players were tired. "
        "Milltown Foods denied that its bread contained nuts."
    )
    assert ("Ana Ruiz", "asserts", "Ana Ruiz's players were tired.") in said
    assert ("Milltown Foods", "denies", "Milltown Foods' bread contained nuts.") in said


def test_a_spokesperson_speaks_for_the_body() -> None:
    said = _said(
        "A spokeswoman for the Port Authority said the berths were full. "
        "Officials at the transport ministry said they were reviewing the plan."
    )
    assert ("Port Authority", "asserts", "The berths were full.") in said
    assert (
        "Transport Ministry",
        "asserts",
        "Officials at the transport ministry were reviewing the plan.",
    ) in said


def test_a_spokesman_for_the_ministry_is_the_ministry_named_before() -> None:
    said = _said(
        "The Ministry of Fisheries opened an inquiry. "
        "A spokesman for the ministry said the nets were legal."
    )
    assert ("Ministry of Fisheries", "asserts", "The nets were legal.") in said


def test_a_family_name_at_the_start_is_written_in_full() -> None:
    said = _said(
        "Senator Ada Lark spoke first. Critics said Lark had hidden the report. "
        "“Lark is honest,” her aide said."
    )
    assert ("critics", "asserts", "Ada Lark had hidden the report.") in said
    assert any(p == "Lark is honest." for *_, p in said)  # a quote keeps its words


def test_a_leading_role_noun_is_the_named_body_or_person() -> None:
    said = _said(
        "Grainline Bakeries recalled its bread. A lawyer for the buyers said the company had "
        "known for weeks. Health Minister Ines Kahl met the families. "
        "Her aide said the minister would visit the plant."
    )
    props = [p for *_, p in said]
    assert "Grainline Bakeries had known for weeks." in props
    assert "Ines Kahl would visit the plant." in props


def test_a_role_noun_far_back_or_in_the_future_is_left_alone() -> None:
    said = _said(
        "Ada Lark, the former president, spoke. Analysts said the next president would win."
    )
    assert ("analysts", "asserts", "The next president would win.") in said


def test_his_lawyer_said_he_means_the_client() -> None:
    said = _said(
        "Joel Brandt, a farmer, was charged with theft. "
        "His lawyer, Nora Veit, said he had bought the tractor."
    )
    assert ("Nora Veit", "asserts", "Joel Brandt had bought the tractor.") in said


def test_denied_gerund_is_the_deed_of_the_denier() -> None:
    said = _said("Retailer Brightmart denied hiding the recall from customers.")
    assert ("Brightmart", "denies", "Brightmart hid the recall from customers.") in said


def test_calling_a_report_misleading_denies_it() -> None:
    said = _said(
        "A report by the Clean Seas Trust said the ferry dumped oil. "
        "Tamsin Shipping Group called the report misleading."
    )
    assert ("Clean Seas Trust", "asserts", "The ferry dumped oil.") in said
    assert ("Tamsin Shipping Group", "denies", "The ferry dumped oil.") in said


def test_an_object_pronoun_is_the_one_person_named_just_before() -> None:
    said = _said("Ana Ruiz skipped the vote. Senator Tom Kerr accused her of hiding from voters.")
    assert ("Tom Kerr", "asserts", "Ana Ruiz hid from voters.") in said
    two = _said("Ana Ruiz and Jo Lin skipped the vote. Tom Kerr urged him to resign.")
    assert ("Tom Kerr", "asserts", "He should resign.") in two


def test_only_the_pronouns_he_and_she_take_the_named_object() -> None:
    """A proposition opening "Shell …", "Sheikh …" or "Sheep …" has no pronoun to name."""
    text = "Ana Ruiz skipped the vote. Tom Kerr accused her of hiding from voters."
    memory = Memory()
    memory.add(0, Actor("Ana Ruiz", "person"), subject=True)
    content = text.index("her of")
    accused = Attribution(
        (27, 35), (36, 43), (content, len(text) - 1), "cue-content", "accuse", None
    )
    speaker = [Actor("Tom Kerr", "person")]
    assert self_contained(text, "She hid from voters.", accused, speaker, memory) == (
        "Ana Ruiz hid from voters."
    )
    for prop in ("Shell hid profits.", "Sheikh Omar hid profits.", "Sheep farms hid profits."):
        assert self_contained(text, prop, accused, speaker, memory) == prop
