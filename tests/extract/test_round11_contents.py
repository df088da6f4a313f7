"""Round 11: statements lost to a misread speaker or a wrong content (our own sentences)."""

from __future__ import annotations

from workbench.extract import extract


def spoken(text: str) -> list[tuple[str | None, str | None, str]]:
    """(speaker, cue, content) of every statement with a cue."""
    return [(s.speaker, s.cue, s.content) for s in extract(text) if s.cue]


def test_capitalised_ly_name_is_the_speaker() -> None:
    assert spoken("Kelly said the harbour was safe.") == [("Kelly", "said", "the harbour was safe")]
    assert spoken("Dara Skelly said the ferry was late.") == [
        ("Dara Skelly", "said", "the ferry was late")
    ]
    assert spoken("Kelly Marsh said the ferry was late.") == [
        ("Kelly Marsh", "said", "the ferry was late")
    ]


def test_sentence_opening_ly_adverb_is_still_no_speaker() -> None:
    assert spoken("Separately, Tom Reed said the ferry was late.") == [
        ("Tom Reed", "said", "the ferry was late")
    ]
    assert spoken("Privately he said the ferry was late.") == [("he", "said", "the ferry was late")]


def test_occasion_after_an_inverted_source_is_no_part_of_it() -> None:
    quote = "“The ferry is safe,” said Harbour Master Dan Roe of Leeds in a telephone interview."
    assert spoken(quote) == [("Harbour Master Dan Roe of Leeds", "said", "“The ferry is safe,”")]
    assert spoken("“The ferry is safe,” said Dan Roe on Monday.") == [
        ("Dan Roe", "said", "“The ferry is safe,”")
    ]


def test_to_infinitive_after_an_opener_is_the_content() -> None:
    assert spoken("As for the ferry, the mayor plans to sell it next year.") == [
        ("the mayor", "plans", "to sell it next year")
    ]
    assert spoken("On Monday, Dan Roe declined to directly answer the question.") == [
        ("Dan Roe", "declined", "to directly answer the question")
    ]


def test_to_with_an_addressee_is_still_an_adjunct() -> None:
    assert spoken("The ferry is safe, she said to reporters.") == [
        ("she", "said", "The ferry is safe")
    ]
    assert spoken("The ferry is safe, she said to the crowd.") == [
        ("she", "said", "The ferry is safe")
    ]


def test_relative_pronoun_cue_takes_its_short_object() -> None:
    text = "The hearing drew local firms such as Kestrel Build, which opposed the plan."
    assert spoken(text) == [("which", "opposed", "the plan")]


def test_short_object_after_an_opener_is_the_content() -> None:
    assert spoken("A year later, Dan Roe echoed that comment.") == [
        ("Dan Roe", "echoed", "that comment")
    ]
    assert spoken("Instead, the mayor called for calm.") == [("the mayor", "called for", "calm")]


def test_clause_verb_after_a_report_still_takes_the_report() -> None:
    assert spoken("The ferry is late, he said flatly.") == [("he", "said", "The ferry is late")]


def test_report_in_an_opening_subordinate_clause_ends_at_its_comma() -> None:
    text = "Since Dan Roe announced his bid last year, he has said the same thing at every stop."
    assert spoken(text) == [
        ("Dan Roe", "announced", "his bid last year"),
        ("he", "has said", "the same thing at every stop"),
    ]
    assert spoken("When the mayor said the ferry was safe, nobody in the port was calm.")[0] == (
        "the mayor",
        "said",
        "the ferry was safe",
    )


def test_trailing_occasion_is_no_part_of_the_content() -> None:
    assert spoken("Dan Roe said the ferry was safe in a telephone interview on Monday.") == [
        ("Dan Roe", "said", "the ferry was safe")
    ]


def test_but_clause_after_a_non_speech_cue_is_the_outlets() -> None:
    assert spoken("Dan Roe backed the plan, but the council voted it down.") == [
        ("Dan Roe", "backed", "the plan")
    ]
    assert spoken("Dan Roe said the plan was sound, but the costs were high.") == [
        ("Dan Roe", "said", "the plan was sound, but the costs were high")
    ]


def test_participle_after_an_inverted_appositive_is_no_part_of_the_source() -> None:
    text = "“The set was the star,” said Erik Roe, the head of music, referring to the concerts."
    assert spoken(text)[0] == ("Erik Roe, the head of music", "said", "“The set was the star,”")
