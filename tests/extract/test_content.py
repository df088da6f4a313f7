from __future__ import annotations

from workbench.extract import extract
from workbench.extract.content import content_after, content_before, continuation_quote
from workbench.extract.quotes import find_quotes


def test_content_after_cue_drops_final_stop() -> None:
    text = "She said that ships were late."
    span = content_after(text, 8, len(text), [])
    assert span is not None and text[span[0] : span[1]] == "that ships were late"


def test_told_skips_the_addressee() -> None:
    text = "He told reporters that prices would fall."
    span = content_after(text, 7, len(text), [], skip_object=True)
    assert span is not None and text[span[0] : span[1]] == "that prices would fall"


def test_quote_after_cue_runs_across_sentences() -> None:
    text = "She said: “Ships are late. Crews are tired.” Then she left."
    quotes = find_quotes(text)
    span = content_after(text, 8, text.index("Then") - 1, quotes)
    assert span is not None and text[span[0] : span[1]] == "“Ships are late. Crews are tired.”"


def test_content_before_reaches_back_to_an_earlier_opening_quote() -> None:
    text = "“Ships are late. Crews are tired,” she said."
    quotes = find_quotes(text)
    second = text.index("Crews")
    span = content_before(text, second, text.index(" she"), quotes)
    assert span is not None and text[span[0] : span[1]] == "“Ships are late. Crews are tired,”"


def test_continuation_quote() -> None:
    text = "“A,” she said, “B.”"
    quotes = find_quotes(text)
    assert continuation_quote(text, text.index("said") + 4, quotes, len(text)) == (15, 19)


def test_told_the_court_he_skips_the_addressee() -> None:
    (said,) = [s for s in extract("Ms. Roe told the court she had never seen the will.") if s.cue]
    assert said.content == "she had never seen the will"


def test_content_stops_before_a_participle_after_a_closing_quote() -> None:
    """ "…the “worst deal ever,” adding that …": the comma sits inside the quote, and the
    participle is a statement of its own (round 5: train relation 53.0 -> 53.2)."""
    text = (
        "The senator described the port lease as the “worst deal ever,” adding that "
        "the city had been misled."
    )
    said = [(s.cue, s.content, s.proposition) for s in extract(text) if s.cue]
    assert said == [
        (
            "described",
            "the port lease as the “worst deal ever,”",
            "The port lease is the worst deal ever.",
        ),
        ("adding", "that the city had been misled", "The city had been misled."),
    ]
