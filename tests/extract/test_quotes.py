from __future__ import annotations

from workbench.extract.quotes import find_quotes, quote_at


def test_curly_and_straight_quotes_pair() -> None:
    text = '“One. Two,” she said, "three."'
    assert [text[s:e] for s, e in find_quotes(text)] == ["“One. Two,”", '"three."']


def test_unclosed_quote_stops_at_paragraph_end() -> None:
    text = "“First part.\n\n“Second part.”"
    spans = find_quotes(text)
    assert text[spans[0][0] : spans[0][1]] == "“First part."
    assert text[spans[1][0] : spans[1][1]] == "“Second part.”"


def test_quote_at_finds_the_enclosing_span() -> None:
    text = 'x "abc" y'
    quotes = find_quotes(text)
    assert quote_at(quotes, 4) == (2, 7)
    assert quote_at(quotes, 8) is None
