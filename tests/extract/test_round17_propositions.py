"""Round 17: reporting frames left at the start of a content are not part of the proposition.

Sentences are our own. Each test fails without its rule (workbench/extract/frames.py).
"""

from __future__ import annotations

from workbench.extract import extract


def _prop(text: str, cue: str) -> str:
    found = [s for s in extract(text) if s.cue == cue]
    assert found, [(s.cue, s.proposition) for s in extract(text)]
    return found[0].proposition


def test_adjunct_that_drops_the_place_before_that() -> None:
    text = "The widow said outside the tribunal that the ferry company had ignored three warnings."
    assert _prop(text, "said") == "The ferry company had ignored three warnings."


def test_adjunct_that_drops_the_hearer_before_that() -> None:
    text = "Mayor Ines Calloway wrote to the harbour board that the pier would reopen in May."
    assert _prop(text, "wrote") == "The pier would reopen in May."


def test_adjunct_that_keeps_a_relative_that() -> None:
    text = "Dr Osgood believes in medicine that listens to patients."
    assert "listens" in _prop(text, "believes")
    assert not _prop(text, "believes").startswith("Listens")


def test_told_object_drops_the_hearer() -> None:
    text = "The groundsman, Pete Varley, told us the pitch was waterlogged by noon."
    assert _prop(text, "told") == "The pitch was waterlogged by noon."


def test_dismissed_claims_keeps_the_claim_not_the_label() -> None:
    text = 'Corran Hale dismissed claims he took a bribe from the builder as "pure fiction".'
    prop = _prop(text, "dismissed")
    assert prop == "Corran Hale took a bribe from the builder."


def test_passive_frame_drops_the_hearer_and_cue() -> None:
    text = "The inquest was told that the boiler had not been serviced since 2019."
    assert _prop(text, "was told") == "The boiler had not been serviced since 2019."


_FERRIES = (
    "Two ferry firms, Skerry Lines and Gull Ferries, on Monday denied agreeing to raise fares, "
    "after the regulator said it had evidence of a cartel.\n\n"
    "The Island Transport Commission said it had seized phone records from both firms.\n\n"
    "Skerry Lines said the allegations were baseless."
)


def test_own_denial_the_allegations_are_what_the_speaker_denied_before() -> None:
    rebuttal = [s for s in extract(_FERRIES) if s.rule == "rebuttal"]
    assert rebuttal and rebuttal[0].stance == "denies"
    assert rebuttal[0].proposition == "Skerry Lines and Gull Ferries agreed to raise fares."


def test_own_denial_ignores_a_noun_phrase_denial() -> None:
    text = (
        "The Herald reported that Pellow Media had missed its targets. "
        "Pellow Media, which does not disclose its accounts, denied the report."
    )
    denial = [s for s in extract(text) if s.cue == "denied"]
    assert denial and "accounts" not in denial[0].proposition


def test_past_of_a_stem_ending_in_e() -> None:
    text = "Brackley Town denied agreeing a fee for the goalkeeper."
    assert _prop(text, "denied") == "Brackley Town agreed a fee for the goalkeeper."


def test_adverb_that_drops_the_manner_adverb() -> None:
    text = "Two board members said privately that the merger would be called off."
    assert _prop(text, "said") == "The merger would be called off."


def test_figures_showed_that_keeps_the_evidence() -> None:
    text = "Ada Brisk said the council's own figures showed that the lido had lost money."
    assert _prop(text, "said") == "The council's own figures showed that the lido had lost money."


def test_other_gender_pronoun_is_the_man_named_before() -> None:
    text = (
        "Tom Birch owned eleven flats in the town. "
        "Prosecutor Ann Lyle said he had ignored three improvement notices."
    )
    assert _prop(text, "said") == "Tom Birch had ignored three improvement notices."


def test_demand_noun_is_what_should_be() -> None:
    assert _prop("Governor Ruth Pell urged calm after the riots.", "urged") == (
        "There should be calm after the riots."
    )
    text = "The Tanner Union called for a public inquiry into the crash."
    assert _prop(text, "called for") == "There should be a public inquiry into the crash."


def test_demand_noun_leaves_an_object_with_an_infinitive() -> None:
    text = "The Tanner Union called for the chief constable to resign."
    assert not _prop(text, "called for").startswith("There should be")


def _headline(text: str) -> str:
    return extract(text)[0].proposition


def test_headline_denial_of_union_claims_takes_the_body_denial() -> None:
    text = (
        "Port Operator Rejects Union Claims Over Night Shifts\n\n"
        "Kelso Docks on Friday denied that it had doubled night shifts for crane drivers.\n\n"
        "The union said three drivers had collapsed at work."
    )
    assert _headline(text) == "Kelso Docks had doubled night shifts for crane drivers."


def test_headline_denial_restated_in_full_by_the_body() -> None:
    text = (
        "Ministry Rejects Claims That Flu Jab Causes Hair Loss\n\n"
        "The health ministry on Monday rejected claims that the new flu jab causes hair loss "
        "in teenagers.\n\n"
        "Doctors said the jab was safe."
    )
    assert _headline(text) == "The new flu jab causes hair loss in teenagers."


def test_deny_counts_is_the_deed() -> None:
    text = "Gary Lomax denies four counts of breaching fire safety rules at a hostel."
    assert _prop(text, "denies") == "Gary Lomax breached fire safety rules at a hostel."


def test_plea_to_counts_is_the_deed() -> None:
    text = "Ann Roe pleaded not guilty to two counts of stealing from her employer."
    assert _prop(text, "pleaded") == "Ann Roe stole from her employer."


def test_partial_quote_keeps_the_reported_clause() -> None:
    text = 'Dana Wright told reporters the figures were "accurate and audited".'
    assert _prop(text, "told") == "The figures were accurate and audited."


def test_partial_quote_after_a_colon_stays_the_quote() -> None:
    text = 'Dana Wright told the committee: "The figures were audited twice."'
    assert _prop(text, "told") == "The figures were audited twice."


def test_bare_this_denies_the_latest_claim_after_an_accusation() -> None:
    text = (
        "The opposition accused the energy minister of ignoring warnings.\n\n"
        "Critics have long argued that the gas regulator is too close to the industry. "
        "The gas regulator denies this."
    )
    denial = [s for s in extract(text) if s.cue == "denies"]
    assert denial and denial[0].proposition == "The gas regulator is too close to the industry."


def test_bare_it_still_answers_the_accusation_just_made() -> None:
    text = "The opposition accused Paul Greer of ignoring warnings. Greer denied it."
    denial = [s for s in extract(text) if s.cue == "denied"]
    assert denial and denial[0].proposition == "Paul Greer ignored warnings."


def test_charged_with_is_the_deed_without_its_date() -> None:
    text = "The league charged Lewis Hart last month with breaching its betting rules."
    assert _prop(text, "charged") == "Lewis Hart breached its betting rules."


def test_charged_with_in_a_reported_clause_is_left_alone() -> None:
    text = "Police said three councillors were charged with taking bribes."
    assert "were charged" not in _prop(text, "said") or "took" not in _prop(text, "said")


def test_lead_time_before_a_clause_is_dropped() -> None:
    text = "Prime Minister Karl Lind said on Wednesday his government would not raise taxes."
    assert _prop(text, "said") == "Karl Lind's government would not raise taxes."


def test_headline_gerund_before_claims_is_a_noun_phrase() -> None:
    text = (
        "Striker Denies Betting Claims\n\n"
        "Corby Town striker Lewis Hart has denied placing bets on his own matches.\n\n"
        "The league said it would hold a hearing."
    )
    assert extract(text)[0].proposition == "Lewis Hart placed bets on his own matches."


def test_other_gender_after_that() -> None:
    text = (
        "Manager Sue Barnes spoke after training on Friday. "
        'She told the BBC that he was "in a bad way".'
    )
    assert _prop(text, "told") == "He was in a bad way."


def test_false_claim_reported_denies_the_claim() -> None:
    text = "The minister said the claim that the hospital was closing was false."
    (said,) = [s for s in extract(text) if s.cue == "said"]
    assert (said.stance, said.proposition) == ("denies", "The hospital was closing.")
    assert said.rule == "false-claim"


def test_false_claim_in_the_outlet_voice() -> None:
    text = (
        "Edinburgh's congestion charge has divided the city. "
        "Shop owners say the charge has emptied the high street. "
        "But the claim that the charge has emptied the high street is simply false."
    )
    last = extract(text)[-1]
    assert (last.rule, last.stance) == ("outlet-false-claim", "denies")
    assert last.proposition == "Edinburgh's congestion charge has emptied the high street."


def test_passive_accused_is_the_subject() -> None:
    text = "Valdora was accused last year of hacking the Kestrian electoral commission."
    assert _prop(text, "was accused") == "Valdora hacked the Kestrian electoral commission."


def test_passive_charged_with_is_the_deed() -> None:
    text = "Three city commissioners were charged with receiving bribes from developers."
    assert _prop(text, "were charged with") == (
        "Three city commissioners received bribes from developers."
    )


def test_member_body_skips_a_common_noun_at_the_sentence_start() -> None:
    text = (
        "Two opposition parties met on Monday. "
        "Opposition leader Tomas Kade said his party had never received money from abroad."
    )
    assert _prop(text, "said") == "Tomas Kade's party had never received money from abroad."


def test_told_hearer_is_dropped() -> None:
    text = "Judge Ruth Keel told jurors they must decide the case on the evidence alone."
    # the pronoun that stands for the hearer is named (rule told-addressee, round 19)
    assert _prop(text, "told") == "Jurors must decide the case on the evidence alone."
    text = "The mayor told a news conference the bridge would reopen in May."
    assert _prop(text, "told") == "The bridge would reopen in May."


def test_told_hearer_leaves_a_clause_that_starts_with_its_subject() -> None:
    text = "The senator told a reporter she thinks the plan is dead."
    assert "plan is dead" in _prop(text, "told")


def test_warned_against_is_what_should_be_avoided() -> None:
    text = "The Medicines Agency warned parents against using untested remedies on children."
    assert _prop(text, "warned") == "Parents should avoid using untested remedies on children."
