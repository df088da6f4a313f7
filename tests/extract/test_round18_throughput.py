"""Round 18: throughput. Each fast path must give exactly what the code it skips gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import extract
from workbench.extract.actors import Actor
from workbench.extract.body_nouns import _NOUN_BEFORE, named_after_noun
from workbench.extract.coref import _AGENT_BEFORE, _NOT_AGENTS, _with_noun_role
from workbench.extract.cues import scan_text
from workbench.extract.definites import _BARE, expand
from workbench.extract.fastpaths import ascii_words, verb_that_matches, whole_word_starts
from workbench.extract.generic import _GENERIC_THAT
from workbench.extract.lexicon import load_lexicon
from workbench.extract.sentences import (
    _DOTTED,
    _WORD_BEFORE,
    ABBREVIATIONS,
    _is_abbreviation,
    split_sentences,
)

LEX = load_lexicon()
# Characters that exercise word boundaries: letters, digits, "_", white space of three kinds,
# typographic quotes and dashes, an accented letter, the Kelvin sign, a non-ASCII digit.
_ALPHABET = "aZ9_ \n\t.,'’“”—–…-éİ\u212a٣"
_TEXTS = st.text(alphabet=_ALPHABET, max_size=30)


@given(_TEXTS)
@settings(max_examples=400)
def test_ascii_words_are_the_word_runs(text: str) -> None:
    lowered = text.lower()
    fast = ascii_words(lowered)
    if fast is not None:
        assert fast == " ".join(re.findall(r"\w+", lowered))


def test_ascii_words_leaves_other_letters_to_re() -> None:
    assert ascii_words("the minister’s “plan” — approved…") == "the minister s plan approved"
    assert ascii_words("café owners") is None


@given(_TEXTS, st.text(alphabet=_ALPHABET, min_size=1, max_size=4))
@settings(max_examples=400)
def test_whole_word_starts_are_the_regex_matches(text: str, phrase: str) -> None:
    expected = [m.start() for m in re.finditer(rf"\b{re.escape(phrase)}\b", text)]
    assert whole_word_starts(text, phrase) == expected


def test_whole_word_starts_skip_overlaps_like_finditer() -> None:
    assert whole_word_starts("Ab Ab Ab and Abc", "Ab Ab") == [0]
    assert whole_word_starts("Roe, Roe's and Roedean", "Roe") == [0, 5]


def _is_abbreviation_by_regex(text: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() or bool(_DOTTED.fullmatch(word))


@given(st.text(alphabet="aMrsU.S _(\n’é", max_size=20))
@settings(max_examples=400)
def test_abbreviation_test_matches_the_regex(text: str) -> None:
    text += "."
    for dot in (i for i, ch in enumerate(text) if ch == "."):
        assert _is_abbreviation(text, dot) == _is_abbreviation_by_regex(text, dot)


def test_sentences_still_keep_abbreviations_and_initials() -> None:
    text = "Mr. Roe met Jo K. Lind in the U.S. on Monday. (Dr. Ode agreed.) It rained."
    assert len(split_sentences(text)) == 3


_CAPS_RUN = re.compile(r"[A-Z][\w.-]*+(?:\s+(?:of\s+|the\s+)?[A-Z][\w.-]*+)*+")


def _named_after_noun_by_regex(text: str, match: re.Match[str]) -> str | None:
    before = _NOUN_BEFORE.search(text, max(0, match.start() - 48), match.start())
    return before.group(1) if before and before.group(1) in LEX.body_nouns else None


@given(st.lists(st.sampled_from(["the", "company", "firm,", "its", "rival", "said", "\n"])))
@settings(max_examples=300)
def test_body_noun_prefilter_drops_only_what_the_regex_drops(words: list[str]) -> None:
    text = " ".join(words) + " Caldermoor Engineering"
    match = next(m for m in _CAPS_RUN.finditer(text) if m.group().startswith("Caldermoor"))
    found = named_after_noun(text, match, LEX.body_nouns)
    noun = _named_after_noun_by_regex(text, match)
    assert (found.role if found else None) == noun


def test_a_name_after_a_body_noun_is_still_a_body() -> None:
    text = "The company, Caldermoor Engineering, said it would cut jobs. Caldermoor said so."
    assert {s.actor_kind for s in extract(text, lexicon=LEX) if s.speaker} == {"organisation"}


@given(st.lists(st.sampled_from(["striker", "the", "former", "midfielder", "ann", " ", "\n"])))
@settings(max_examples=300)
def test_agent_suffix_test_keeps_every_regex_role(words: list[str]) -> None:
    text = " ".join(words) + " Daniel Okafor"
    pos = text.index("Daniel")
    before = _AGENT_BEFORE.search(text, max(0, pos - 24), pos)
    role = before.group(1) if before and before.group(1) not in _NOT_AGENTS else None
    assert _with_noun_role(text, pos, Actor("Daniel Okafor", "person")).role == role


def test_definite_antecedent_still_finds_the_full_phrase() -> None:
    before = "Edinburgh's congestion charge rose. Later the charge and the charge fell."
    assert expand("The charge was unfair.", before) == "Edinburgh's congestion charge was unfair."


def test_a_bare_mention_after_the_is_no_antecedent() -> None:
    assert expand("The charge was unfair.", "Then the charge rose.") == "The charge was unfair."


def test_cue_heads_start_only_at_word_starts() -> None:
    spans = [(s, e) for s, e, _ in scan_text("said Roe; unsaid, resaid; Lee said", LEX)]
    assert spans == [(0, 4), (30, 34)]


@given(
    st.lists(st.sampled_from(["that", "claimed", "says", "X", "the", "re-elected", ",", " ", "\n"]))
)
@settings(max_examples=400)
def test_verb_that_matches_are_finditers(words: list[str]) -> None:
    text = " ".join(words) + " that The"
    for first in range(0, min(len(text), 12)):
        expected = [m.span() for m in _GENERIC_THAT.finditer(text, first, len(text))]
        found = [m.span() for m in verb_that_matches(_GENERIC_THAT, text, first, len(text))]
        assert found == expected


@given(
    st.lists(
        st.sampled_from(["the", "The", "xthe", "_the", "éThe", "-the", "charge", "of", " ", "-"])
    )
)
@settings(max_examples=400)
def test_bare_definite_pattern_is_the_word_boundary_one(words: list[str]) -> None:
    text = " ".join(words)
    old = re.compile(r"\b([Tt]he) ([a-z]{4,})\b(?! of\b| in\b| at\b| on\b| for\b)")
    assert [m.span() for m in _BARE.finditer(text)] == [m.span() for m in old.finditer(text)]
