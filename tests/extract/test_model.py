from __future__ import annotations

import dataclasses

import pytest

from workbench.extract.model import ExtractedStatement, make_statement


def test_make_statement_equals_the_dataclass_constructor() -> None:
    values = {f.name: f"v{i}" for i, f in enumerate(dataclasses.fields(ExtractedStatement))}
    fast = make_statement(values)
    assert fast == ExtractedStatement(**values)
    assert hash(fast) == hash(ExtractedStatement(**values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.actor = "someone else"  # type: ignore[misc]


def test_make_statement_needs_every_field() -> None:
    values = {f.name: 0 for f in dataclasses.fields(ExtractedStatement)}
    del values["claim_group"]
    with pytest.raises(KeyError):
        make_statement(values)
