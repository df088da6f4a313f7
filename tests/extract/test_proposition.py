from __future__ import annotations

from workbench.extract.proposition import build, clean, is_claim_reference, past_of


def test_accusation_becomes_a_checkable_sentence() -> None:
    assert build("Brazil of selling drones to Venezuela", "accuse", "Canada") == (
        "Brazil sold drones to Venezuela."
    )
    assert build("Norway of providing arms", "accuse", "X") == "Norway provided arms."


def test_urge_becomes_should() -> None:
    assert build("vessels to be cautious", "urge", "Japan") == "Vessels should be cautious."


def test_leading_pronoun_replaced_by_the_speaker() -> None:
    assert build("that it may offer quotas", "indicate", "Kenya") == "Kenya may offer quotas."


def test_clean_drops_quotes_and_that() -> None:
    assert clean("“we are partners,”") == "We are partners."
    assert clean("that prices rose") == "Prices rose."
    assert clean("  ") == ""


def test_claim_references() -> None:
    assert is_claim_reference("the claims")
    assert is_claim_reference("the allegations.")
    assert not is_claim_reference("the claims about fuel prices rising")


def test_past_tense_rules() -> None:
    assert [past_of(w) for w in ("selling", "providing", "shipping", "paying")] == [
        "sold",
        "provided",
        "shipped",
        "paid",
    ]
