from __future__ import annotations

from workbench.extract import extract
from workbench.extract.clause_subjects import main_subject
from workbench.extract.sources import left_source, phrase_source, right_source


def left(text: str, cue: str) -> str | None:
    found = left_source(text, 0, text.index(cue))
    if found is None or found.start is None or found.end is None:
        return None
    return text[found.start : found.end]


def test_subject_before_cue() -> None:
    assert left("The foreign minister said talks went well.", "said") == "The foreign minister"


def test_leading_adverbials_and_conjunctions_are_dropped() -> None:
    assert left("On Monday, police said nothing.", "said") == "police"
    assert left("But analysts say the deal is weak.", "say") == "analysts"


def test_appositive_subject() -> None:
    text = "Jane Roe, a spokeswoman for the port, said ships were delayed."
    assert left(text, "said") == "Jane Roe, a spokeswoman for the port"


def test_coordinated_verb_has_no_subject_of_its_own() -> None:
    text = "Roe visited the port and warned that ships were delayed."
    found = left_source(text, 0, text.index("warned"))
    assert found is not None and found.coordinated
    assert main_subject(text, 0, text.index("warned")) == (0, 3)


def test_inverted_source_after_cue() -> None:
    text = "“Ships are late,” said the harbour master."
    found = right_source(text, text.index("said") + 4, len(text))
    assert found is not None and text[found.start : found.end] == "the harbour master"


def test_phrase_source_keeps_abbreviation_dot() -> None:
    text = "According to the U.N., aid arrived."
    span = phrase_source(text, 13, len(text))
    assert span is not None and text[span[0] : span[1]] == "the U.N."


def test_a_day_between_subject_and_cue_is_not_part_of_the_speaker() -> None:
    assert left("Norway on Friday said the fjord was calm.", "said") == "Norway"
    assert left("The ministry on Tuesday denied the report.", "denied") == "The ministry"
    assert left("Officials yesterday said taxes rose.", "said") == "Officials"


def test_a_participle_after_a_closing_quote_shares_the_main_subject() -> None:
    from workbench.extract import extract
    from workbench.extract.lexicon import load_lexicon

    text = "Mayor Ana Ruiz toured the “river site,” saying the city would save money."
    found = [(s.actor, s.cue, s.proposition) for s in extract(text, lexicon=load_lexicon())]
    assert ("Ana Ruiz", "saying", "The city would save money.") in found


def test_a_quantity_may_open_the_subject() -> None:
    """Round 5, from train's missed poll sources: "About four in 10 …", "Just 12 percent …"."""
    assert left("About four in 10 dockers say the port is safe.", "say") == (
        "About four in 10 dockers"
    )
    assert left("Just 12 percent of members said the board was right.", "said") == (
        "Just 12 percent of members"
    )
    assert left("About the port, nobody said much.", "said") == "nobody"


def test_an_inverted_source_runs_past_a_middle_initial() -> None:
    """ "…,” said Edward G. Rendell, a former governor": the initial's full stop is not the
    end of the name (round 5: train source partial 67.4 -> 67.7)."""
    text = "“We will not move,” said Ana B. Ortiz, a former harbour master."
    found = right_source(text, text.index("said") + 4, len(text) - 1)
    assert found is not None and found.start is not None and found.end is not None
    assert text[found.start : found.end] == "Ana B. Ortiz, a former harbour master"


def test_a_coordinated_verb_borrows_a_lower_case_subject() -> None:
    """ "The harbour master rubbed his eyes, and then said …": the subject is "The harbour
    master", not the bare determiner "The" (round 5: 77 train speakers were "The"/"A"/"His")."""
    text = "The harbour master rubbed his eyes, and then said the berth was lost."
    span = main_subject(text, 0, text.index("said"))
    assert span is not None and text[span[0] : span[1]] == "The harbour master"
    text = "The Harbour Board met on Monday and said the berth was lost."
    span = main_subject(text, 0, text.index("said"))
    assert span is not None and text[span[0] : span[1]] == "The Harbour Board"


def test_a_participle_after_a_cue_shares_its_speaker() -> None:
    """ "…,” he said, referring to the comments": the noun phrase after "referring to" is the
    content, not an inverted source (round 5; multi-word participles were missed)."""
    text = "“The pier is unsafe,” she said, referring to the survey the council commissioned."
    said = [(s.speaker, s.cue, s.content) for s in extract(text) if s.cue]
    assert ("she", "referring to", "the survey the council commissioned") in said


def test_an_inverted_source_stops_before_a_participle() -> None:
    """ "…,” said Ada Moss, referring to the survey": the participle is Ada Moss's next report,
    not part of her name (an appositive after the comma still is)."""
    text = "“It is unsafe,” said Ada Moss, referring to the survey."
    found = right_source(text, text.index("said") + 4, len(text) - 1)
    assert found is not None and found.start is not None and found.end is not None
    assert text[found.start : found.end] == "Ada Moss"
    text = "“It is unsafe,” said Ada Moss, a pilot."
    found = right_source(text, text.index("said") + 4, len(text) - 1)
    assert found is not None and found.start is not None and found.end is not None
    assert text[found.start : found.end] == "Ada Moss, a pilot"


def test_quote_before_who_said_is_the_name_not_the_content() -> None:
    """'calling himself "Dr Truth", who said …': the quote names the antecedent of "who"."""
    statements = extract(
        'The video was posted by a user calling himself "Dr Truth", who said the chips '
        "could be activated by phone masts."
    )
    said = [s for s in statements if s.cue == "said"]
    assert [s.content for s in said] == ["the chips could be activated by phone masts"]
