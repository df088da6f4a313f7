"""Issue 11 item 8: `correct` keeps the proposition true to the content, fixes what an actor is,
and says what it changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.cli import main

ARTICLE = (
    "Roads\n\n"
    '"The old bridge is unsafe for trucks, and the county will close it in May," said Mara '
    "Ellison, who leads the roads office.\n"
)


def _correct(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    main(["correct", *args])
    return capsys.readouterr().out


def _row(capsys: pytest.CaptureFixture[str], statement_id: str) -> dict[str, object]:
    main(["statements", "--format", "jsonl"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return next(r for r in rows if str(r["id"]) == statement_id)


@pytest.fixture
def quote_id(ingest_text: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> str:
    ingest_text(ARTICLE)
    main(["statements", "--format", "csv", "--actor", "Mara Ellison"])
    return capsys.readouterr().out.splitlines()[1].split(",")[0]


def test_content_from_the_article_rebuilds_the_proposition_and_says_so(
    quote_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _correct(capsys, quote_id, "--content", "the county will close it in May")
    assert "content: " in out and "proposition: " in out and "rebuilt" in out
    row = _row(capsys, quote_id)
    assert row["content"] == "the county will close it in May"
    assert row["proposition"] == "The county will close it in May."  # not the old sentence


def test_content_not_in_the_article_says_it_became_the_proposition(
    quote_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _correct(capsys, quote_id, "--content", "The Route 9 bridge is unsafe")
    assert "not text of the article: kept as the proposition" in out
    assert "\n  content:" not in out


def test_actor_kind_and_affiliation_can_be_set_and_a_new_actor_gets_a_fitting_kind(
    quote_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _correct(capsys, quote_id, "--actor", "Germany")
    assert "actor kind: person → country" in out  # not the old actor's "person"
    out = _correct(
        capsys,
        quote_id,
        "--actor",
        "Lane County Roads Office",
        "--actor-kind",
        "organisation",
        "--affiliation",
        "Lane County",
    )
    assert "actor kind: country → organisation" in out
    assert "affiliation: – → Lane County" in out
    main(["actors"])
    line = next(x for x in capsys.readouterr().out.splitlines() if "Lane County Ro" in x)
    assert "│ organisation │ Lane County" in line
    out = _correct(capsys, quote_id, "--affiliation", "")
    assert "affiliation: Lane County → –" in out
