"""Round 17: reporting frames left at the start of a content are not part of the proposition.

Sentences are our own. Each test fails without its rule (workbench/extract/frames.py).
"""

from __future__ import annotations

from workbench.extract import extract


def _prop(text: str, cue: str) -> str:
    found = [s for s in extract(text) if s.cue == cue]
    assert found, [(s.cue, s.proposition) for s in extract(text)]
    return found[0].proposition


def test_adjunct_that_drops_the_place_before_that() -> None:
    text = "The widow said outside the tribunal that the ferry company had ignored three warnings."
    assert _prop(text, "said") == "The ferry company had ignored three warnings."


def test_adjunct_that_drops_the_hearer_before_that() -> None:
    text = "Mayor Ines Calloway wrote to the harbour board that the pier would reopen in May."
    assert _prop(text, "wrote") == "The pier would reopen in May."


def test_adjunct_that_keeps_a_relative_that() -> None:
    text = "Dr Osgood believes in medicine that listens to patients."
    assert "listens" in _prop(text, "believes")
    assert not _prop(text, "believes").startswith("Listens")


def test_told_object_drops_the_hearer() -> None:
    text = "The groundsman, Pete Varley, told us the pitch was waterlogged by noon."
    assert _prop(text, "told") == "The pitch was waterlogged by noon."


def test_dismissed_claims_keeps_the_claim_not_the_label() -> None:
    text = 'Corran Hale dismissed claims he took a bribe from the builder as "pure fiction".'
    prop = _prop(text, "dismissed")
    assert prop == "Corran Hale took a bribe from the builder."


def test_passive_frame_drops_the_hearer_and_cue() -> None:
    text = "The inquest was told that the boiler had not been serviced since 2019."
    assert _prop(text, "was told") == "The boiler had not been serviced since 2019."
