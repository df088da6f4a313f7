"""Prefix filtering (`ClaimKey.blocks`): a claim is indexed only under its first terms, and every
pair of keys that `same_claim` accepts and that every-pair blocking (schema 0009) brought
together still meets in a block the new statement probes."""

from __future__ import annotations

from importlib import import_module

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.services.claim_index import encode_key
from workbench.services.claim_keys import ClaimKey, same_claim

EVERY_PAIR = import_module("workbench.db.migrations.versions.0009_claim_blocks")

WORDS = [
    "supply", "weapon", "border", "troop", "ammunition", "organisation", "vaccine", "autism",
    "harbour", "election", "fraud", "sanction", "pipeline", "grain", "drone", "tariff",
    "minister", "resign", "contract", "bribe", "hospital", "strike", "protest", "court",
]  # fmt: skip
# Near spellings `same_claim` counts as one term (rapidfuzz ratio of long stems).
NEAR = {"organisation": "organization", "ammunition": "ammunitions", "election": "elections"}
ACTORS = ["Russia", "North Korea", "United States", "Ukraine"]


def key(actors: list[str], terms: set[str]) -> ClaimKey:
    return ClaimKey(tuple(actors), False, tuple(sorted(terms)), ())


def meet(a: ClaimKey, b: ClaimKey) -> bool:
    """Whether a new statement with key `a` finds the claim indexed under `b`."""
    return bool(a.probes & b.blocks)


def met_under_every_pair(a: ClaimKey, b: ClaimKey) -> bool:
    """The same under 0009's blocks: every actor with every term, every pair of terms."""
    stored = EVERY_PAIR._blocks(encode_key(b))
    if a.actors and a.terms:
        probes = {f"{actor}|{t}" for actor in a.actors for t in a.terms}
        probes |= {b for b in EVERY_PAIR._blocks(encode_key(key([], set(a.terms)))) if b[0] == "~"}
    else:
        probes = EVERY_PAIR._blocks(encode_key(a))
    return bool(probes & stored)


@st.composite
def accepted_pairs(draw: st.DrawFn) -> tuple[ClaimKey, ClaimKey]:
    terms = draw(st.sets(st.sampled_from(WORDS), min_size=1, max_size=16))
    kept = {t for t in terms if draw(st.integers(0, 9))}  # drop about one term in ten
    added = draw(st.sets(st.sampled_from(WORDS), max_size=3))
    other = kept | added
    misspelt = sorted(t for t in other if t in NEAR)
    if misspelt and draw(st.booleans()):  # one side misspells one word (NEAR_SPELLINGS)
        word = draw(st.sampled_from(misspelt))
        other = (other - {word}) | {NEAR[word]}
    actors = draw(st.lists(st.sampled_from(ACTORS), max_size=2, unique=True))
    fewer = actors[: draw(st.integers(0, len(actors)))]
    a, b = key(actors, terms), key(fewer, other)
    return (a, b) if draw(st.booleans()) else (b, a)


@settings(max_examples=600, deadline=None)
@given(accepted_pairs())
def test_keys_that_state_one_claim_always_share_a_probed_block(pair: tuple[ClaimKey, ClaimKey]):
    a, b = pair
    if same_claim(a, b).same:
        assert meet(a, b) or not met_under_every_pair(a, b), (a, b)
        assert meet(b, a) or not met_under_every_pair(b, a), (a, b)


def test_a_long_key_is_indexed_under_its_first_terms_only() -> None:
    terms = set(WORDS[:13])
    long = key(["Russia"], terms)
    pairs = [b for b in long.blocks if "|" in b and not b.startswith("Russia|")]
    assert len(pairs) == 15  # six first terms (13 - 10 shared + 2 + 1 misspelt): 15, not 78
    assert len([b for b in long.blocks if b.startswith("Russia|")]) == 5
    # The longest terms come first: "ammunition" is indexed, "fraud" is not.
    assert "Russia|ammunition" in long.blocks
    assert "Russia|fraud" not in long.blocks


def test_a_key_missing_too_many_terms_is_not_found() -> None:
    """Blocking may leave out only what `same_claim` would refuse anyway."""
    long = key(["Russia"], set(WORDS[:12]))
    half = key(["Russia"], set(WORDS[:6]))
    assert not same_claim(long, half).same


@pytest.mark.parametrize("junk", ["Not", "The", "it", "It's", "When"])
def test_a_function_word_stored_as_an_alias_is_never_a_name(junk: str) -> None:
    """Extraction errors store speakers such as "Not" ("Not all attendees agreed"); as names
    they took the negation out of "Vin Weber will not support Trump" and joined it to a claim
    that he would."""
    from workbench.services.claim_keys import claim_key, name_table

    names = name_table({}, [(junk, junk), ("Trump", "Donald Trump"), ("Vin Weber", "Vin Weber")])
    refusal = claim_key(
        "When asked, Vin Weber said it's clear the party will not support Trump.", names
    )
    assert refusal.negated
    assert refusal.actors == ("Vin Weber", "Donald Trump")
    support = claim_key("Their support for Trump.", names)
    assert not same_claim(claim_key("Vin Weber will not support Trump.", names), support).same
