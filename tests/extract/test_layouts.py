from __future__ import annotations

from workbench.extract.layouts import according_to, colon_and_dash
from workbench.extract.quotes import find_quotes


def spans(text: str, found) -> list[tuple[str | None, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (
            text[a.speaker[0] : a.speaker[1]] if a.speaker else None,
            text[a.cue[0] : a.cue[1]],
            text[a.content[0] : a.content[1]],
        )
        for a in found
    ]


def test_according_to_before_and_after_the_content() -> None:
    text = "According to the port authority, ships were delayed."
    found = according_to(text, 0, len(text), 0, 12, find_quotes(text))
    assert spans(text, [found]) == [("the port authority", "According to", "ships were delayed")]
    text = "Ships were delayed, according to the port authority."
    start = text.index("according")
    found = according_to(text, 0, len(text), start, start + 12, find_quotes(text))
    assert spans(text, [found]) == [("the port authority", "according to", "Ships were delayed")]


def test_transcript_line_and_quote_credit() -> None:
    text = "ROE: The port stays open."
    assert spans(text, colon_and_dash(text, 0, len(text), [])) == [
        ("ROE", ":", "The port stays open")
    ]
    text = "“Ships are late.” ― Jo Roe"
    quotes = find_quotes(text)
    start = text.index("―")
    assert spans(text, colon_and_dash(text, start, len(text), quotes)) == [
        ("Jo Roe", "―", "“Ships are late.”")
    ]


def test_headline_labels_are_not_speakers() -> None:
    text = "Correction: an earlier version misstated the date."
    assert colon_and_dash(text, 0, len(text), []) == []


def test_datelines_and_captions_are_not_speakers() -> None:
    from workbench.extract import extract

    for line in (
        "OSLO: The fjord froze early this year, closing two ferry routes.",
        "New Delhi: The monsoon arrived a week early, flooding two districts.",
        "FILE PHOTO: A tanker sails past the harbour wall.",
        "Contributing: Ada Moss and Ben Ortiz, Harbour Times.",
        "Twitter: @harbourdesk",
        "WOW: The Mayor Just Did Something Nobody Expected",
        "Editor's Note: This column first ran in the spring edition.",
    ):
        assert [s.rule for s in extract(line)] == ["outlet-voice"], line
    assert [s.speaker for s in extract("ROE: We will win the vote.")] == ["ROE"]


def test_according_to_an_outlet_then_a_named_speaker_gives_the_speaker() -> None:
    from workbench.extract import extract
    from workbench.extract.lexicon import load_lexicon

    text = "According to Reuters, spokeswoman Alina Vos said the ministry would respond on Friday."
    found = {
        (s.rule, s.actor, s.actor_kind, s.proposition)
        for s in extract(text, lexicon=load_lexicon())
    }
    assert (
        "according-to-nested",
        "Alina Vos",
        "person",
        "The ministry would respond on Friday.",
    ) in found
    assert any(rule == "according-to" and actor == "Reuters" for rule, actor, _, _ in found)
