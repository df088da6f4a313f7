from __future__ import annotations

from workbench.extract import extract
from workbench.extract.proposition import build, clean, past_of
from workbench.extract.references import is_claim_reference


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


def test_pronouns_inside_a_direct_quote_are_the_speakers_own() -> None:
    # "She" in the quote is someone the speaker talks about, not the speaker.
    assert build("“She should not run the plant,”", "say", "Rosa Quint", "person") == (
        "She should not run the plant."
    )
    assert build("she should not run the plant", "say", "Rosa Quint", "person") == (
        "Rosa Quint should not run the plant."
    )


def test_naming_verbs_say_what_the_object_is() -> None:
    assert build("it a fabrication", "call", "Dale Mercer", "person") == "It is a fabrication."
    assert build("the audit a hoax", "label", "Dale Mercer", "person") == "The audit is a hoax."


def test_a_demonstrative_that_is_kept() -> None:
    assert build("That is not what happened", "say", "Dale Mercer", "person") == (
        "That is not what happened."
    )
    assert build("that the mill closed", "say", "Dale Mercer", "person") == "The mill closed."


def test_naming_a_person_with_a_quoted_label() -> None:
    assert build("his rival “totally scripted”", "call", "Jeb Bush", "person") == (
        "His rival is totally scripted."
    )


def test_the_importance_of_x_is_a_claim_about_x() -> None:
    assert build("the importance of adherence to the treaty", "emphasize", "") == (
        "Adherence to the treaty is important."
    )
    assert build(
        "the strategic importance of the port's links with Oslo, as shown by the visit",
        "stress",
        "",
    ) == ("The port's links with Oslo are strategically important.")
    assert build("the need for more buses", "stress", "") == "More buses are needed."


def test_a_trailing_as_frame_is_not_part_of_the_claim() -> None:
    """Rule as-frame (round 5): "…, as the council predicted" frames the claim; the content
    span keeps it (annotators mark it), the proposition does not. A cause stays."""
    said = [
        s.proposition
        for s in extract("The mayor said the pier would open in May, as her father had dreamed.")
        if s.cue
    ]
    assert said == ["The pier would open in May."]
    kept = [s.proposition for s in extract("The mayor said fees rose, as exports fell.") if s.cue]
    assert kept == ["Fees rose, as exports fell."]
