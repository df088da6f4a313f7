"""Round 6 propositions: a body's "it" that is no empty "it", claims described before their
"that", a trailing report of someone else's claim, a plural subject's "its", rebuttals with
two adjectives (our own sentences)."""

from __future__ import annotations

from workbench.extract import extract


def _props(text: str) -> list[str]:
    return [s.proposition for s in extract(text) if s.cue]


def test_a_body_that_is_ready_or_doing_is_named() -> None:
    assert _props("Norway said it was ready to mediate.") == ["Norway was ready to mediate."]
    props = _props("The Harbour Authority said it was sending tents for families.")
    assert props == ["The Harbour Authority was sending tents for families."]
    assert _props("Norway said it was important to talk.") == ["It was important to talk."]


def test_claims_described_before_their_clause() -> None:
    text = "The ministry rejected claims circulating online that the vaccine causes infertility."
    assert _props(text) == ["The vaccine causes infertility."]


def test_a_trailing_report_of_another_claim_is_dropped() -> None:
    text = "Kestrel Lines denied that it had cut training, after a union said shifts were long."
    assert _props(text)[0] == "Kestrel Lines had cut training."


def test_its_after_a_plural_subject_is_the_speaking_body() -> None:
    text = "The Velden Party said thousands of names had been deleted in its strongholds."
    assert _props(text) == ["Thousands of names had been deleted in Velden Party's strongholds."]
    same = "The Velden Party said it had lost its strongholds."
    assert _props(same) == ["The Velden Party had lost its strongholds."]


def test_rebuttal_with_two_adjectives_denies_the_claim() -> None:
    text = (
        "Bloggers claimed that the vaccine causes infertility. "
        "The ministry said the claims were “dangerous and false”."
    )
    denial = [s for s in extract(text) if s.cue][-1]
    assert (denial.stance, denial.proposition) == ("denies", "The vaccine causes infertility.")


def test_a_promised_deed_is_a_sentence() -> None:
    assert _props("The mayor vowed to rebuild the bridge.") == [
        "The mayor will rebuild the bridge."
    ]
    assert _props("Governor Ann Roe promised to cut taxes.") == ["Ann Roe will cut taxes."]
    refused = next(s for s in extract("The company refused to recall the cars.") if s.cue)
    assert (refused.stance, refused.proposition) == ("denies", "The company will recall the cars.")
    assert _props("Jo Roe agreed to be interviewed.") == ["Jo Roe agreed to be interviewed."]


def test_a_not_guilty_plea_denies_the_deed() -> None:
    plea = next(
        s
        for s in extract("Oyelaran pleaded not guilty on Tuesday to selling fake insulin.")
        if s.cue
    )
    assert (plea.stance, plea.proposition) == ("denies", "Oyelaran sold fake insulin.")
    guilty = next(s for s in extract("Oyelaran pleaded guilty to selling fake insulin.") if s.cue)
    assert (guilty.stance, guilty.proposition) == ("asserts", "Oyelaran sold fake insulin.")


def test_a_newspaper_is_not_the_club() -> None:
    text = (
        "A report in the Evening Mirror said the striker wanted to leave. "
        "The club said it had no plans to sell him."
    )
    club = [s for s in extract(text) if s.cue][-1]
    assert club.actor != "Evening Mirror"


def test_an_attitude_to_clause_keeps_its_verb() -> None:
    assert _props("The union wants to delay the vote.") == ["The union wants to delay the vote."]
    assert _props("Governor Lo Reyes decided not to enter the race.") == [
        "Lo Reyes decided not to enter the race."
    ]


def test_a_leading_conjunction_is_no_part_of_the_claim() -> None:
    assert _props("Jo Roe said: But the council has not published any study.") == [
        "The council has not published any study."
    ]


def test_the_outlet_rebutting_a_claim_denies_it() -> None:
    text = (
        "The council says the fare freeze will cost nothing. That is not true. "
        "Councillor Jo Adair claimed that parking charges would pay for it. They will not. "
        "Fares rose."
    )
    outlet = [(s.stance, s.proposition) for s in extract(text) if s.actor_kind == "outlet"]
    assert outlet == [
        ("denies", "The fare freeze will cost nothing."),
        ("denies", "Parking charges would pay for it."),
        ("asserts", "Fares rose."),
    ]


def test_a_trailing_report_a_day_after_is_dropped() -> None:
    text = "Faith Njeri denied taking EPO, a day after the unit said she had tested positive."
    assert _props(text)[0] == "Faith Njeri took EPO."


def test_said_a_and_that_b_reads_as_one_claim() -> None:
    props = _props(
        "Coral Airways said its fares followed demand and that it had never fixed prices."
    )
    assert props == ["Coral Airways' fares followed demand and it had never fixed prices."]


def test_declining_to_say_is_no_deed() -> None:
    text = "Corran Fargo said it would pay. Corran Fargo declined to say whether it would pay more."
    assert "will say" not in " ".join(_props(text))


def test_section_labels_and_noun_charges_are_no_speakers() -> None:
    found = [
        s
        for s in extract(
            "Opinion: The Bus Fare Freeze Is Not Free\n\nParking charges raised 3 million pounds."
        )
        if s.cue
    ]
    assert found == []


def test_a_time_before_that_and_a_reflexive_subject_leave_the_claim() -> None:
    text = "The transit authority itself warned in March that it would have to cut services."
    assert _props(text) == ["The transit authority would have to cut services."]


def test_a_headline_denial_of_a_noun_takes_the_body_denial() -> None:
    text = (
        "Harrow Rovers Coach Denies Rift With Striker\n\n"
        "The coach of Harrow Rovers, Emma Hale, on Saturday denied reports that she had fallen "
        "out with striker Dan Okoro."
    )
    head = next(s for s in extract(text) if s.cue and s.sentence_start == 0)
    assert head.actor == "Emma Hale"
    assert head.proposition == "Emma Hale had fallen out with striker Dan Okoro."
    gerund = "Telecom Firm Denies Selling Customer Data\n\nNorland Telecom denied selling data."
    first = next(s for s in extract(gerund) if s.cue)
    assert first.proposition == "Telecom Firm sold customer data."


def test_a_rebuttal_and_that_clause_is_a_denial_and_an_assertion() -> None:
    text = (
        "Luis Arce said Peruvian troops had crossed into Bolivia. "
        "Peru said the claim was “completely false” and that its soldiers had stayed home."
    )
    peru = [(s.stance, s.proposition) for s in extract(text) if s.actor == "Peru"]
    assert peru == [
        ("denies", "Peruvian troops had crossed into Bolivia."),
        ("asserts", "Peru's soldiers had stayed home."),
    ]
