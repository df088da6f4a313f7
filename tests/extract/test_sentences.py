from __future__ import annotations

from workbench.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Rep. Jane Roe met U.S. officials in Sept. last year. They agreed."
    assert texts(text) == ["Rep. Jane Roe met U.S. officials in Sept. last year.", "They agreed."]


def test_initials_and_lowercase_continuations_stay_together() -> None:
    text = "John F. Doe spoke. He said no. e.g. this is one."
    assert texts(text)[0] == "John F. Doe spoke."


def test_line_breaks_end_headlines_and_paragraphs() -> None:
    text = "A Headline Without a Stop\n\nFirst sentence. Second one!\nThird?"
    assert texts(text) == [
        "A Headline Without a Stop",
        "First sentence.",
        "Second one!",
        "Third?",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "“We will win.” She left."
    assert texts(text) == ["“We will win.”", "She left."]


def test_offsets_point_into_text_and_skip_white_space() -> None:
    text = "  One.   Two.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two."]
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []


def test_question_quote_followed_by_named_speaker_stays_one_sentence() -> None:
    text = "“Why now?” Lucia Fontes asked. She left."
    assert texts(text) == ["“Why now?” Lucia Fontes asked.", "She left."]
