"""The accusation–denial family (issue 10): deniers split, the accuser never a denier, and the
denial linked to the accusation it answers. Sentences written for these tests."""

from __future__ import annotations

import pytest

from workbench.extract import extract


def _said(text: str) -> list[tuple[str, str, str, str]]:
    return [
        (s.actor, s.actor_kind, s.stance, s.proposition)
        for s in extract(text)
        if s.actor_kind != "outlet"
    ]


ACCUSATION = "Japan accused Nordland of shipping drones to Eastmark. "
CLAIM = "Nordland shipped drones to Eastmark."


def test_coordinated_country_deniers_are_one_statement_each() -> None:
    said = _said(
        "The United States accused Norway of selling ships to Argentina. "
        "Norway and Argentina denied the allegations."
    )
    assert ("Norway", "country", "denies", "Norway sold ships to Argentina.") in said
    assert ("Argentina", "country", "denies", "Norway sold ships to Argentina.") in said
    assert not any(" and " in actor for actor, *_ in said)


def test_both_governments_never_count_the_accuser_and_link_to_the_accusation() -> None:
    said = _said(
        "The United States accused Norway of selling ships to Argentina. "
        "Both governments have denied this."
    )
    deniers = {actor for actor, _, stance, _ in said if stance == "denies"}
    assert deniers == {"Norway", "Argentina"}
    assert all(
        p == "Norway sold ships to Argentina." for _, _, stance, p in said if stance == "denies"
    )


def test_also_denied_it_links_to_the_accusation() -> None:
    said = _said(
        "Brazil accused Norway of selling ships to Argentina. The weather was mild. "
        "Norway also denied it."
    )
    assert ("denies", "Norway sold ships to Argentina.") in [(st, p) for _, _, st, p in said]


def test_unknown_conjunction_stays_one_actor() -> None:
    said = _said("Smith and Wesson said the rifles were safe.")
    assert [actor for actor, *_ in said] == ["Smith and Wesson"]


def test_lexical_rebuttals_deny_the_accusation() -> None:
    lead = "Brazil accused Norway of selling ships to Argentina. "
    for reply in (
        'Norway said: "This allegation is untrue."',
        'Norway said: "That is a lie."',
        "Norway called the claims baseless.",
    ):
        said = _said(lead + reply)
        assert ("Norway", "denies", "Norway sold ships to Argentina.") in [
            (a, st, p) for a, _, st, p in said
        ], reply


def test_a_rebuttal_without_an_accusation_stays_as_said() -> None:
    said = _said('The coach said: "That is a lie."')
    assert [st for *_, st, _ in said] == ["asserts"]


def test_passive_accusation_and_a_charge_both_deny() -> None:
    said = _said(
        "Norway was accused by Brazil of selling ships to Argentina, "
        "a charge both governments deny."
    )
    assert ("Brazil", "country", "asserts", "Norway sold ships to Argentina.") in said
    deniers = {(a, p) for a, _, st, p in said if st == "denies"}
    assert deniers == {
        ("Norway", "Norway sold ships to Argentina."),
        ("Argentina", "Norway sold ships to Argentina."),
    }


def test_passive_accuser_charge_stays_in_its_sentence() -> None:
    said = _said(
        "Norway was accused by Brazil of selling ships to Argentina. "
        "Norway and Argentina denied the allegations."
    )
    claim = "Norway sold ships to Argentina."
    assert ("Brazil", "country", "asserts", claim) in said
    assert ("Norway", "country", "denies", claim) in said
    assert ("Argentina", "country", "denies", claim) in said


def test_did_the_same_gives_the_second_party_the_same_denial() -> None:
    for second in (
        "Norway denied the allegation, and Argentina did the same.",
        "Norway rejected the accusation, as did Argentina.",
        "Norway denied it and so did Argentina.",
        "Norway denied the claim; Argentina later did likewise.",
    ):
        said = _said(f"Brazil accused Norway of selling ships to Argentina. {second}")
        assert ("Brazil", "country", "asserts", "Norway sold ships to Argentina.") in said
        assert ("Norway", "country", "denies", "Norway sold ships to Argentina.") in said
        assert ("Argentina", "country", "denies", "Norway sold ships to Argentina.") in said, second


def test_did_the_same_never_moves_a_speakers_own_pronoun() -> None:
    said = _said("He said he would resign, and she did the same.")
    assert [actor for actor, *_ in said] == ["he"]


def test_which_denied_denies_the_clause_before_it() -> None:
    said = _said("Brazil says Norway has sold ships to Argentina, which both countries deny.")
    assert ("Norway", "country", "denies", "Norway has sold ships to Argentina.") in said
    assert ("Argentina", "country", "denies", "Norway has sold ships to Argentina.") in said
    said = _said("Brazil accused Norway of selling ships to Argentina, which Oslo denied.")
    assert ("Norway", "country", "denies", "Norway sold ships to Argentina.") in said


def test_floating_both_belongs_to_neither_actor_nor_lost_cue() -> None:
    lead = "Brazil alleged that Norway had sold ships to Argentina. "
    for denial in (
        "Norway and Argentina have both dismissed the allegation.",
        "Norway and Argentina both dismissed the allegation.",
    ):
        deniers = {a for a, _, st, _ in _said(lead + denial) if st == "denies"}
        assert deniers == {"Norway", "Argentina"}, denial


def test_group_denial_after_according_to_never_counts_the_source() -> None:
    said = _said(
        "According to Brazil, Norway has sold ships to Argentina. Both countries deny this."
    )
    deniers = {actor for actor, _, stance, _ in said if stance == "denies"}
    assert deniers == {"Norway", "Argentina"}


def test_agentless_accusation_states_the_deed() -> None:
    said = _said("Norway has been accused of selling ships to Argentina. It denies the charge.")
    assert ("Norway", "country", "denies", "Norway sold ships to Argentina.") in said
    assert all("accused" not in proposition for *_, proposition in said)


def test_denied_accusations_that_s_denies_s() -> None:
    said = _said(
        "Norway and Argentina on Thursday denied Brazilian accusations "
        "that Oslo had sold ships to Buenos Aires."
    )
    assert {(a, p) for a, _, st, p in said if st == "denies"} == {
        ("Norway", "Oslo had sold ships to Buenos Aires."),
        ("Argentina", "Oslo had sold ships to Buenos Aires."),
    }
    said = _said("Norway rejected US claims that it had sold ships to Argentina.")
    assert ("Norway", "country", "denies", "Norway had sold ships to Argentina.") in said


def test_calling_the_claims_names_denies_them() -> None:
    lead = "Brazil accused Norway of selling ships to Argentina. "
    for reply in (
        'Oslo dismissed the claims as "nonsense", and Argentina called them "absurd".',
        'Argentina denied the accusations, calling them a "smear campaign".',
    ):
        said = _said(lead + reply)
        assert ("Argentina", "country", "denies", "Norway sold ships to Argentina.") in said, reply
        assert not any(st == "asserts" and a == "Argentina" for a, _, st, _ in said), reply


def test_relative_denier_stays_in_its_sentence_and_no_comment_is_no_denial() -> None:
    said = _said(
        "Brazil accused Norway of selling ships to Argentina. "
        "Norway, which denies the charge, did not comment further."
    )
    assert ("Norway", "country", "denies", "Norway sold ships to Argentina.") in said
    assert [a for a, _, st, _ in said if st == "denies"] == ["Norway"]


def test_denied_any_involvement_answers_the_accusation_naming_the_denier() -> None:
    said = _said(
        "Brazil accused Norway of selling ships to Argentina. Norway has denied any involvement."
    )
    assert ("Norway", "country", "denies", "Norway sold ships to Argentina.") in said


def test_called_the_accusation_a_provocation_denies_it() -> None:
    said = _said(
        "Brazil accused Norway of selling ships to Argentina. "
        'Norway\'s foreign ministry called the accusation "a provocation".'
    )
    assert ("denies", "Norway sold ships to Argentina.") in [(st, p) for _, _, st, p in said]


def test_declined_to_say_is_a_non_answer_named_after_its_speaker() -> None:
    said = _said(
        "Power was cut across the city, according to the grid operator, Voltria. "
        "It declined to say how the attackers got in. The company declined to discuss it."
    )
    assert (
        "Voltria",
        "organisation",
        "asserts",
        "Voltria declined to say how the attackers got in.",
    ) in said
    assert not any(st == "denies" for _, _, st, _ in said)


@pytest.mark.xfail(
    strict=True,
    reason="known gap (docs/extraction.md, failure class 9): an accusation inside the denial's "
    "own 'after' clause is nested in its content; cutting contents at 'after' was not tried",
)
def test_accusation_in_the_denials_after_clause() -> None:
    said = _said("Norway denied selling ships to Argentina after Brazil accused it of doing so.")
    assert ("Brazil", "country", "asserts", "Norway sold ships to Argentina.") in said
    assert ("Norway", "country", "denies", "Norway sold ships to Argentina.") in said


def test_denied_any_involvement_knows_the_accused_by_its_capital() -> None:
    said = _said(
        "Brasilia accused Oslo of selling ships to Argentina. Norway has denied any involvement."
    )
    assert ("Norway", "country", "denies", "Oslo sold ships to Argentina.") in said
