"""Sentences where round 19's rules must NOT fire (from the review of the round; our own)."""

from __future__ import annotations

from workbench.extract import extract


def _said(text: str) -> list[tuple[str, str, str, str]]:
    return [(s.actor, s.stance, s.rule, s.proposition) for s in extract(text) if s.cue]


def test_court_heard_needs_a_clause() -> None:
    for text in (
        "The court heard an appeal from the family on Tuesday.",
        "The tribunal heard evidence from three witnesses over two days.",
        "The jury was told to ignore the press coverage of the case.",
    ):
        assert all(rule != "court-heard" for _, _, rule, _ in _said(text)), text


def test_a_charge_ends_before_what_happened_next() -> None:
    said = _said("Ken Moss pleaded guilty to the fraud and was jailed.")
    assert ("Ken Moss", "asserts", "charge", "Ken Moss is guilty of the fraud.") in said


def test_a_plural_speakers_they_is_the_speaker_not_the_hearer() -> None:
    (statement,) = [s for s in extract("Police told residents they were investigating the fire.")]
    assert not statement.proposition.startswith("Residents")


def test_did_the_same_only_for_denials() -> None:
    said = _said("The report said the economy grew, as did unemployment.")
    assert [rule for _, _, rule, _ in said] == ["cue-content"]


def test_which_rejected_rejects_the_noun_not_the_clause() -> None:
    said = _said("The council approved the plan, which residents rejected.")
    assert all(rule != "which-denied" for _, _, rule, _ in said)


def test_denying_claims_after_a_preposition_is_a_denial() -> None:
    said = _said("He was sacked for denying claims that he had lied.")
    assert [stance for _, stance, _, _ in said] == ["denies"]


def test_as_before_a_noun_phrase_is_no_headline_frame() -> None:
    (first, *_) = extract(
        "Council denies treating tenants as second-class citizens\n"
        "Cumbria County Council rejected the claim on Monday."
    )
    assert first.proposition.endswith("as second-class citizens.")


def test_a_plural_name_is_no_group_of_people() -> None:
    (statement,) = extract("Spurs have confirmed the deal is off.")
    assert statement.actor == "Spurs"


def test_answer_check_takes_the_last_sentence_and_drops_the_frame() -> None:
    text = (
        "Mara Holm has run Northsea Ferries since 2019.\n\n"
        "Q: You took over after a long fight. I hear you sold the ferries. Is that right?\n"
        "A: No.\n"
    )
    denials = [s.proposition for s in extract(text) if s.stance == "denies"]
    assert denials == ["Mara Holm sold the ferries."]
