"""Property tests: the engine never raises and never returns an invalid offset."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.extract import extract

NEWSY = st.sampled_from(
    [
        "said",
        "says",
        "told reporters",
        "denied",
        "according to",
        "“",
        "”",
        '"',
        "''",
        ",",
        ".",
        ":",
        "—",
        "―",
        "\n",
        "\n\n",
        " ",
        "It is expected that",
        "both countries",
        "They",
        "he",
        "Moscow",
        "U.S.",
        "Rep.",
        "Mr.",
        "Analysts speculate that",
        "the claims",
        "accused",
        "of providing",
        "warned against",
        "urged",
        "to",
        "Putin",
        "Kim Jong Un",
        "Russian President Vladimir Putin",
        "that",
        "and",
        "but",
        "(",
        ")",
        "?",
        "!",
    ]
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> None:
    statements = extract(text)
    for s in statements:
        for field in ("speaker", "cue", "content"):
            value = getattr(s, field)
            start, end = getattr(s, f"{field}_start"), getattr(s, f"{field}_end")
            if value is None:
                assert start is None and end is None
                continue
            assert isinstance(start, int) and isinstance(end, int)
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == value
        assert 0 <= s.sentence_start <= s.sentence_end <= len(text)
        if s.cue_start is not None:
            assert s.sentence_start <= s.cue_start and s.cue_end <= s.sentence_end
        assert s.stance in {"asserts", "denies", "questions"}
        assert 0.0 <= s.confidence <= 1.0
        s.to_json()
    keys = [(s.content_start, s.speaker_start or -1, s.actor) for s in statements]
    assert keys == sorted(keys)


@SETTINGS
@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    check(text)


@SETTINGS
@given(st.lists(NEWSY, max_size=60).map(" ".join))
def test_newsy_fragments(text: str) -> None:
    check(text)


@SETTINGS
@given(st.lists(NEWSY, max_size=40).map("".join))
def test_newsy_fragments_without_spaces(text: str) -> None:
    check(text)


def test_empty_and_blank_input() -> None:
    assert extract("") == []
    assert extract(" \n\t ") == []


def test_very_long_sentence_without_punctuation() -> None:
    text = " ".join(["officials said the minister told reporters that"] * 400)
    check(text)


def test_unbalanced_quotes() -> None:
    for text in ("“A, she said.", "A,” she said.", '"""', "“ ” “", "said “", "” said"):
        check(text)
