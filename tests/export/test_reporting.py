"""The export walk: keyset batches that cross source boundaries lose and repeat nothing."""

from __future__ import annotations

from datetime import date

from workbench.db.engine import Database
from workbench.services.reporting import ExportScope, iter_source_groups, summarise
from workbench.services.statements import StatementFilter, count_statements

from .conftest import scope


def _walk(db: Database, flt: ExportScope, batch: int) -> list[tuple[int, list[str], int, int]]:
    with db.reader() as session:
        return [
            (
                group.source.id,
                [item.row.key for item in group.statements],
                sum(len(item.evidence) for item in group.statements),
                sum(len(item.history) for item in group.statements),
            )
            for group in iter_source_groups(session, flt, evidence=True, history=True, batch=batch)
        ]


def test_small_batches_give_the_same_walk(hostile_db: Database) -> None:
    everything = ExportScope(StatementFilter(include_dismissed=True))
    whole = _walk(hostile_db, everything, 10_000)
    for batch in (1, 2, 3, 7):
        assert _walk(hostile_db, everything, batch) == whole
    assert [source for source, *_ in whole] == sorted(source for source, *_ in whole)
    with hostile_db.reader() as session:
        total = count_statements(session, StatementFilter(include_dismissed=True))
    assert sum(len(keys) for _, keys, *_ in whole) == total
    assert len({key for _, keys, *_ in whole for key in keys}) == total


def test_filtered_batches_keep_only_matching_statements(reviewed_db: Database) -> None:
    decided = scope(statuses=("confirmed", "disputed"))
    assert _walk(reviewed_db, decided, 1) == _walk(reviewed_db, decided, 1000)
    assert sum(len(keys) for _, keys, *_ in _walk(reviewed_db, decided, 1)) == 3


def test_since_uses_the_published_date_else_the_ingest_day(reviewed_db: Database) -> None:
    with reviewed_db.reader() as session:
        everything = summarise(session, ExportScope()).total
        future = summarise(session, ExportScope(since=date(2999, 1, 1))).total
        today = summarise(session, ExportScope(since=date.today())).total
        published = summarise(session, ExportScope(since=date(1900, 1, 1))).total
    assert future == 0 and published == everything
    assert 0 < today < everything  # undated sources count from today's ingest; dated ones are older
