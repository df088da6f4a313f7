"""Liveblog layout: time stamps, live-update titles, business names, approximate numbers.
Sentences written for these tests."""

from __future__ import annotations

from workbench.extract import extract
from workbench.extract.sentences import split_sentences


def test_a_time_stamp_is_not_part_of_the_sentence() -> None:
    text = "Floods: live\n\n14:05 The coastguard said two boats were missing.\n9.30am - Roads shut."
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert "The coastguard said two boats were missing." in sentences
    assert "Roads shut." in sentences


def test_a_speaker_after_a_time_stamp_is_the_name() -> None:
    said = [s for s in extract("11:20 The Met Office said the rain would ease.") if s.cue]
    assert [(s.speaker, s.actor) for s in said] == [("The Met Office", "Met Office")]


def test_live_updates_title_has_no_speaker() -> None:
    statements = extract("Harbour fire: live updates\n\nThe fire is out.")
    assert all(s.actor_kind == "outlet" for s in statements)


def test_said_about_a_number_is_not_a_topic() -> None:
    (said,) = [s for s in extract("The utility said about 3,000 homes had no water.") if s.cue]
    assert said.cue == "said"
    assert said.proposition == "About 3,000 homes had no water."


def test_a_business_noun_before_a_name_is_not_part_of_it() -> None:
    said = [
        (s.actor, s.actor_kind, s.proposition)
        for s in extract(
            "Energy company Lumen Power said the lines were down. It said crews were out."
        )
        if s.cue
    ]
    assert said == [
        ("Lumen Power", "organisation", "The lines were down."),
        ("Lumen Power", "organisation", "Crews were out."),
    ]


def test_denied_reports_that_s_denies_s() -> None:
    (said,) = [s for s in extract("The palace denied reports that the king was ill.") if s.cue]
    assert (said.stance, said.proposition) == ("denies", "The king was ill.")
