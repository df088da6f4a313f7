"""Round 14: sources of statements whose content was right (our own sentences)."""

from __future__ import annotations

from workbench.extract import extract


def spoken(text: str) -> list[tuple[str | None, str | None, str]]:
    """(speaker, cue, content) of every statement with a cue."""
    return [(s.speaker, s.cue, s.content) for s in extract(text) if s.cue]


def speaker_of(text: str, cue: str) -> str | None:
    """The speaker of the statement whose cue is ``cue``."""
    return next(s.speaker for s in extract(text) if s.cue == cue)


def test_opener_shapes_are_not_a_coordinated_cues_subject() -> None:
    text = "Shortly after the vote, the harbour board met again and said the berth would reopen."
    assert speaker_of(text, "said") == "the harbour board"
    text = "Walking to the quay, Nora Falk waved at the crowd and said the ferry would sail."
    assert speaker_of(text, "said") == "Nora Falk"
    text = "Amid the noise of the market, the mayor raised her hand and said the stalls would stay."
    assert speaker_of(text, "said") == "the mayor"


def test_a_relative_clause_that_reports_is_no_part_of_the_source() -> None:
    text = (
        "Tom Reed, who said last year that the pier was unsafe, recalled that the council"
        " ignored him."
    )
    assert speaker_of(text, "recalled") == "Tom Reed"


def test_a_relative_clause_that_does_not_report_stays_in_the_source() -> None:
    text = "Tom Reed, who voted against the plan, recalled that the council ignored him."
    assert speaker_of(text, "recalled") == "Tom Reed, who voted against the plan"


def test_a_clause_after_the_cue_is_no_inverted_source() -> None:
    text = "Tom Reed, a teacher who has campaigned for years, said the pier was unsafe."
    assert spoken(text) == [
        ("Tom Reed, a teacher who has campaigned for years", "said", "the pier was unsafe")
    ]


def test_an_occasion_after_an_inverted_appositive_leaves_the_source() -> None:
    text = "“The pier is safe,” said Jo Roe, 41, of Leeds, after touring the site."
    assert speaker_of(text, "said") == "Jo Roe, 41, of Leeds"


def test_a_participle_in_a_time_clause_shares_the_main_subject() -> None:
    assert spoken("Nora Falk visited the quay, after announcing that the ferry would sail.") == [
        ("Nora Falk", "announcing", "that the ferry would sail")
    ]


def test_a_coordinated_cue_skips_an_opening_clauses_speaker() -> None:
    text = (
        "When Ana Ruiz pointed out that the fares had doubled, Tom Reed seized on the figure,"
        " repeating that the ferry was a failure."
    )
    assert speaker_of(text, "repeating") == "Tom Reed"


def test_a_comma_participle_does_not_share_a_relative_who() -> None:
    text = (
        "Dan Voss, who has backed the ferry plan, offered support on Tuesday, stressing that"
        " the pier was safe."
    )
    assert speaker_of(text, "stressing") == "Dan Voss"


def test_a_restrictive_relative_clause_belongs_to_the_source() -> None:
    text = "Fishermen who have worked the harbour for years say the berth is too small."
    assert spoken(text) == [
        ("Fishermen who have worked the harbour for years", "say", "the berth is too small")
    ]


def test_who_with_its_own_coordinated_cue_is_still_the_source() -> None:
    text = "Tom Reed met an aide who had been to the port and said the berth was too small."
    assert speaker_of(text, "said") == "who"


def test_two_joined_names_are_one_source() -> None:
    text = (
        "Former Mayor Ana Ruiz (L) and former Mayor Tom Reed (C) announced that they would"
        " back the plan."
    )
    assert speaker_of(text, "announced") == (
        "Former Mayor Ana Ruiz (L) and former Mayor Tom Reed (C)"
    )


def test_a_document_by_a_named_body_is_the_whole_source() -> None:
    text = "A 2019 report by the Centre for Harbour and Coastal Research found the berth too small."
    assert speaker_of(text, "found") == (
        "A 2019 report by the Centre for Harbour and Coastal Research"
    )


def test_a_progressive_verb_takes_the_whole_subject() -> None:
    assert spoken("Port officials are expecting a record number of ferries.") == [
        ("Port officials", "are expecting", "a record number of ferries")
    ]


def test_a_weekday_before_a_participle_is_not_the_speaker() -> None:
    assert spoken("The council released a statement Wednesday saying the road would close.") == [
        ("The council", "saying", "the road would close")
    ]


def test_a_coordinated_cues_subject_runs_to_its_verb() -> None:
    text = "Harbour board chairwoman Nora Falk stood firm, stating that the berth would reopen."
    assert speaker_of(text, "stating") == "Harbour board chairwoman Nora Falk"
    assert speaker_of("But she rubbed her eyes and said the berth was lost.", "said") == "she"


def test_a_coordinated_cues_subject_keeps_its_appositive() -> None:
    text = "Ana Ruiz, the town's new harbour master, repeated the warning, calling the pier unsafe."
    assert speaker_of(text, "calling") == "Ana Ruiz, the town's new harbour master"
    text = "Ana Ruiz, in a radio interview, repeated the warning, calling the pier unsafe."
    assert speaker_of(text, "calling") == "Ana Ruiz"


def test_an_opener_runs_over_a_place_and_a_day() -> None:
    text = (
        "At a meeting in Ames, Iowa, on Sunday, Ana Ruiz tried to explain her plan, saying the"
        " ferry would be free."
    )
    assert speaker_of(text, "saying") == "Ana Ruiz"


def test_a_long_titled_appositive_still_marks_the_speaker() -> None:
    text = "Tom M. Reed, Mayor Ruiz's former chief of staff, said the pier was safe."
    assert spoken(text) == [
        ("Tom M. Reed, Mayor Ruiz's former chief of staff", "said", "the pier was safe")
    ]
