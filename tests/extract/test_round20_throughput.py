"""Round 20: throughput. Each prefilter must give exactly what the regex it skips gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract.attributed_bodies import _OWN_DOCUMENT, speaks_for
from workbench.extract.content import _TRAILING_OCCASION, _holds_occasion_noun, content_after
from workbench.extract.definites import (
    _NOT_MODIFIERS,
    _REACH_CHARS,
    _REACH_MENTIONS,
    _WINDOW,
    _latest_phrase,
    _modifies,
    _phrase,
)
from workbench.extract.interview import _LABEL_LINE, find_interview

# Letters of the labels, their colon, white space of three kinds and a word-joining "-".
_LABEL_ALPHABET = "QAnsweruio: \t\n-xR"


@given(st.text(alphabet=_LABEL_ALPHABET, max_size=60))
@settings(max_examples=1000)
def test_interview_lines_are_the_label_regex_matches(text: str) -> None:
    interview = find_interview(text)
    lines = interview.lines if interview else []
    assert lines == [(m.start(), m.group(1)) for m in _LABEL_LINE.finditer(text)]


def test_interview_found_only_with_a_labelled_line() -> None:
    interview = find_interview("Intro line.\nQ: Did you go?\nA: No.")
    assert interview is not None
    assert interview.lines == [(12, "Q"), (27, "A")]
    assert find_interview("The report, titled Q and A, came out.") is None


def _latest_phrase_round19(noun: str, before: str) -> tuple[int, int] | None:
    """Round 19's scan: no test of the character after the mention."""
    floor = max(0, len(before) - _REACH_CHARS)
    end = len(before)
    for _ in range(_REACH_MENTIONS):
        at = before.rfind(noun, floor, end)
        if at < 0:
            return None
        end = at + len(noun) - 1
        stop = at + len(noun)
        word = before[before.rfind(" ", 0, at - 1) + 1 : at - 1]
        if before[at - 1 : at] != " " or word.lower() in _NOT_MODIFIERS or word.isdigit():
            continue
        for match in _phrase(noun).finditer(
            before, max(0, at - _WINDOW), min(len(before), stop + 1)
        ):
            if match.end() == stop and _modifies(match.group(3)):
                return match.span()
    return None


_WORDS = ["the", "Roe's", "new", "dam", "dams", "dam's", "dam’s", "dam-", "damé", "old", ",", "a"]


@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.sampled_from([" ", "", "_", "-"]))
@settings(max_examples=400)
def test_latest_phrase_skips_only_mentions_no_phrase_can_end_at(
    words: list[str], glue: str
) -> None:
    before = glue.join(words)
    match = _latest_phrase("dam", before)
    assert (match.span() if match else None) == _latest_phrase_round19("dam", before)


def test_latest_phrase_still_finds_the_full_phrase() -> None:
    match = _latest_phrase("dam", "Work on the old Roe dam began. The dams")
    assert match is not None and match.group() == "the old Roe dam"
    assert _latest_phrase("dam", "the old Roe dams") is None


@given(st.text(alphabet="Tthe ’'sCouncilwba-", max_size=30))
@settings(max_examples=400)
def test_own_document_needs_a_possessive(speaker: str) -> None:
    if "’s" not in speaker and "'s" not in speaker:
        assert _OWN_DOCUMENT.match(speaker) is None


def test_speaks_for_still_reads_own_documents() -> None:
    assert speaks_for("the Treasury's own website") == ("the Treasury", "website")
    assert speaks_for("the council’s own accounts") == ("the council", "accounts")
    assert speaks_for("Jo Roe") is None


_OCCASION_WORDS = ["said", "in", "a", "his", "phone", "interview", "call", "post", "op-ed", "on"]


@given(st.lists(st.sampled_from(_OCCASION_WORDS), max_size=8), st.sampled_from([" ", "\n", ", "]))
@settings(max_examples=400)
def test_trailing_occasion_needs_one_of_its_nouns(words: list[str], glue: str) -> None:
    content = glue.join(words)
    if not _holds_occasion_noun(content):
        assert _TRAILING_OCCASION.search(content) is None


def test_trailing_occasion_still_cut() -> None:
    text = "Roe said the port was safe in a telephone interview on Monday."
    assert content_after(text, 8, len(text) - 1, []) == (9, 26)
