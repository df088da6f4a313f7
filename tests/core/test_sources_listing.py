"""`workbench sources`: pages of a table, every source in jsonl, counts read by id range."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from core.conftest import Outcome
from workbench.db.engine import Database
from workbench.services.sources import list_sources

Run = Callable[..., Outcome]


@pytest.fixture
def four_sources(run: Run, cli_db: Path, tmp_path: Path) -> Path:
    """cli_db (one source) plus three short articles: four sources with ids 1-4."""
    for number in range(2, 5):
        path = tmp_path / f"extra{number}.txt"
        path.write_text(f"Extra story {number}\n\nThe mayor said the pier {number} would reopen.\n")
        assert run("ingest", str(path)).code == 0
    return cli_db


def test_a_table_shows_a_page_and_says_how_to_see_the_next(
    run: Run, four_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workbench.cli.listings.TABLE_PAGE", 2)
    outcome = run("sources")
    assert outcome.code == 0
    assert "2 of 4 sources" in outcome.out
    assert "more: workbench sources --after 2" in outcome.out
    rows = [line.split("│")[1].strip() for line in outcome.out.splitlines() if line.startswith("│")]
    assert rows == ["1", "2"]

    last_page = run("sources", "--after", "2")
    assert "2 of" not in last_page.out and "more:" not in last_page.out
    rows = [
        line.split("│")[1].strip() for line in last_page.out.splitlines() if line.startswith("│")
    ]
    assert rows == ["3", "4"]


def test_limit_zero_lists_everything_and_jsonl_is_never_paged(
    run: Run, four_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workbench.cli.listings.TABLE_PAGE", 2)
    assert "4 sources" in run("sources", "--limit", "0").out
    ids = [json.loads(line)["id"] for line in run("sources", "--format", "jsonl").out.splitlines()]
    assert ids == [1, 2, 3, 4]
    ids = [
        json.loads(line)["id"]
        for line in run(
            "sources", "--format", "jsonl", "--after", "1", "--limit", "2"
        ).out.splitlines()
    ]
    assert ids == [2, 3]


def test_counts_per_status_are_those_of_each_source(run: Run, four_sources: Path) -> None:
    records = [json.loads(line) for line in run("sources", "--format", "jsonl").out.splitlines()]
    assert [sum(r["counts"].values()) > 0 for r in records] == [True] * 4
    assert set(records[1]["counts"]) == {"unverified"}


def test_listing_every_source_binds_a_fixed_number_of_parameters(four_sources: Path) -> None:
    """SQLite refuses a statement with more than 32,766 parameters: counts must not take an IN
    list of every listed id, or a database of 40,000 sources could not be listed."""
    db = Database.open(str(four_sources))
    bound: list[int] = []

    def count_parameters(_conn: Any, _cursor: Any, _sql: str, parameters: Any, *_: Any) -> None:
        bound.append(len(parameters))

    event.listen(db.engine, "before_cursor_execute", count_parameters)
    try:
        with db.reader() as session:
            assert len(list_sources(session)) == 4
    finally:
        event.remove(db.engine, "before_cursor_execute", count_parameters)
        db.dispose()
    assert bound and max(bound) <= 3
