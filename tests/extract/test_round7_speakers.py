"""Round 7: a speaker is never only a sentence opener or a function word."""

from __future__ import annotations

from workbench.extract import extract


def _speakers(text: str, rule: str) -> list[str | None]:
    return [s.speaker for s in extract(text) if s.rule == rule]


def test_coordinated_cue_skips_a_leading_conjunction() -> None:
    text = (
        "But the Court of Appeals for the 4th Circuit overruled the lower court and said "
        "the county already offered enough polling stations."
    )
    assert _speakers(text, "coordinated-cue") == ["the Court of Appeals for the 4th Circuit"]


def test_coordinated_cue_keeps_words_before_a_name() -> None:
    text = "The local fishing cooperative Sealink met the mayor and said the quay was unsafe."
    assert _speakers(text, "coordinated-cue") == ["The local fishing cooperative Sealink"]


def test_a_possessive_speaker_resolves_like_its_pronoun() -> None:
    text = (
        "Senator Jo Banda spoke in Lusaka on Monday. "
        "He repeated his promise that tuition will be free."
    )
    nominal = [s for s in extract(text) if s.rule == "nominal-cue"]
    assert [(s.speaker, s.actor) for s in nominal] == [("his", "Jo Banda")]


def test_quoted_as_saying_is_the_person_quoted() -> None:
    text = "The Herald quoted Amos Tembo, a local farmer, as saying that the dam had cracked."
    said = [s for s in extract(text) if s.cue == "saying"]
    assert [(s.speaker, s.actor) for s in said] == [("Amos Tembo, a local farmer", "Amos Tembo")]
