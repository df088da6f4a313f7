"""The queries an analyst waits on search an index, never scan `statement` or `change_event`,
with the statistics ingest keeps (ANALYZE after a run while the database is small or the run
large, and on `workbench init`): those of a small database, or of a million statements."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import Session

from core.conftest import ARTICLE, SECOND_ARTICLE
from workbench.db.engine import Database
from workbench.db.schema import upgrade_to_head
from workbench.extract import extract
from workbench.ingest.document import Document
from workbench.services import browse, sources, statements
from workbench.services.history import statement_history
from workbench.services.statements import StatementFilter
from workbench.services.storing import ingest_document

# What `ANALYZE` records for 1,000,000 statements over 20,000 sources (benchmarks/make_db.py).
MILLION = [
    ("statement", "ix_statement_dismissed_status", "1000000 500000 250000"),
    ("statement", "ix_statement_status_id", "1000000 333334 1"),
    ("statement", "ix_statement_source_id_id", "1000000 50 1"),
    ("statement", "ix_statement_actor_id_id", "1000000 500 1"),
    ("statement", "ix_statement_dismissed_id", "1000000 500000 1"),
    ("statement", "ix_statement_source_dismissed_status", "1000000 50 50 17"),
    ("statement", "sqlite_autoindex_statement_1", "1000000 1"),
    ("change_event", "ix_change_event_statement_id_id", "1500000 2 1"),
    ("source", None, "20000"),
]
# A scan, or a search constrained only by `dismissed` in an index not ordered by id (half the
# table, or all of it, then sorted): the plan that made every cursor move wait 170 ms at a
# million statements. Walking `ix_statement_dismissed_id` in id order under a LIMIT is fine.
_SCAN = re.compile(
    r"\bSCAN (statement|change_event)\b|(?<!ix_statement_dismissed_id )\(dismissed=\?\)$"
)


@pytest.fixture(params=["a small database", "a million rows"])
def planned(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "plans.db"
    db = Database.open(str(path))
    upgrade_to_head(db)
    with db.transaction() as session:
        for text in (ARTICLE, SECOND_ARTICLE):
            ingest_document(session, Document(text=text, title="t"), extract(text), analyst="ana")
    with db.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")  # what ingest leaves behind
        if request.param == "a million rows":
            connection.exec_driver_sql("DELETE FROM sqlite_stat1")
            for table, index, stat in MILLION:
                connection.exec_driver_sql(
                    "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)",
                    (table, index, stat),
                )
    db.dispose()
    db = Database.open(str(path))  # statistics are read when a connection opens
    yield db
    db.dispose()


def _plans(db: Database, call: Callable[[Session], Any]) -> list[tuple[str, list[str]]]:
    captured: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            captured.append((sql, params))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        with db.reader() as session:
            call(session)
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    found = []
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        for sql, params in captured:
            rows = raw.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
            found.append((sql, [row[-1] for row in rows]))
    return found


HOT = {
    "first page": lambda s: statements.list_statements(s, limit=50),
    "next page": lambda s: statements.list_statements(s, after_id=3, limit=50),
    "previous page": lambda s: statements.list_statements(s, before_id=5, limit=50),
    "last page": lambda s: statements.last_statements(s, StatementFilter(), limit=50),
    "status filter": lambda s: statements.list_statements(
        s, StatementFilter(statuses=("confirmed",)), limit=50
    ),
    "source filter": lambda s: statements.list_statements(
        s, StatementFilter(source_ids=(1,)), limit=50
    ),
    "detail": lambda s: statements.get_statement(s, 2),
    "source counts": lambda s: sources.get_source(s, 1),
    "sources list": lambda s: sources.list_sources(s, after_id=0, limit=50),
    "history": lambda s: statement_history(s, 2),
    "next unverified": lambda s: statements.next_unverified_id(s, StatementFilter(), 2),
    "browse page": lambda s: browse.list_page(s, StatementFilter(), after_id=0, limit=50),
}


@pytest.mark.parametrize("name", sorted(HOT))
def test_a_hot_query_never_scans_statements_or_history(planned: Database, name: str) -> None:
    for sql, plan in _plans(planned, HOT[name]):
        scans = [line for line in plan if _SCAN.search(line)]
        assert not scans, f"{name}: {scans} in {' | '.join(plan)} for {sql[:200]}"


def test_the_actors_listing_counts_statements_in_id_order(planned: Database) -> None:
    """`workbench actors` (and the JSON export) count live statements per actor and stance.
    Grouped by actor first, SQLite walked `ix_statement_actor_id_id` and fetched every row out
    of order: 2.5 s at a million statements, against 0.8 s reading them in id order."""
    from workbench.services.actors import list_actors

    for sql, plan in _plans(planned, list_actors):
        if "GROUP BY" in sql:
            assert not [line for line in plan if "ix_statement_actor_id_id" in line], plan
