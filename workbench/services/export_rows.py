"""The export walk's rows: keyset pages of statements read as the driver's plain tuples.

Kept apart from `reporting` because it is the one place that trades the usual read models for
speed (it is the inner loop of every export, 100,000 statements in seconds): every query is built
once, rows arrive as named tuples straight from the DBAPI cursor, and timestamps skip SQLAlchemy's
datetime conversion: they come as the export's own spelling, UTC ISO 8601 text
(`2026-05-01T12:00:00.000000+00:00`), which is all any format writes. `reporting` groups these
rows into sources; nothing here knows about sources.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Callable
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, col, select

from workbench.db.models import ChangeEvent, Evidence, SecondReview, Statement, UTCDateTime
from workbench.db.views import StatementRow
from workbench.services.statements import statement_row_query

# The two fields whose driver values need converting (booleans are 0 or 1 in SQLite, timestamps
# become ISO text): selected last, in this order, so a record is one slice of the driver's row
# plus two values (see `_page_query`).
_CONVERTED = ("dismissed", "updated_at")
# `StatementRow` fields that the row query does not select (filled in by the lists that show them).
_NOT_SELECTED = ("holder",)
_SELECTED = [f.name for f in fields(StatementRow) if f.name not in _NOT_SELECTED]

# Derived from `StatementRow` rather than spelled out again, so the two cannot drift apart.
StatementRecord = namedtuple(  # type: ignore[misc]
    "StatementRecord",
    [name for name in _SELECTED if name not in _CONVERTED] + list(_CONVERTED),
)
StatementRecord.__doc__ = """`StatementRow`'s fields as a tuple (a hundred thousand are built per
export), with `updated_at` as ISO text and the `_CONVERTED` fields last."""


class EvidenceRecord(NamedTuple):
    """An evidence link as exports read it (`EvidenceView`'s fields, plus `removed`)."""

    id: int
    statement_id: int
    url: str
    title: str
    relation: str
    excerpt: str
    added_by: str
    version: int
    removed: bool
    added_at: str  # ISO text


class HistoryRecord(NamedTuple):
    """A change event as exports read it (`HistoryEntry`'s fields, `at` as ISO text)."""

    id: int
    analyst: str
    entity: str
    entity_id: int
    statement_id: int | None
    field: str
    old: str | None
    new: str | None
    note: str
    at: str


_SQLITE_STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")


def stamp_reader(dialect: sa.Dialect) -> Callable[[Any], str | None]:
    """Raw timestamp column values (see `ExportWalk`) to UTC ISO text, the same text as
    `UTCDateTime`'s datetime `.isoformat(timespec="microseconds")`.

    SQLite stores `YYYY-MM-DD HH:MM:SS.ffffff` in UTC, which only needs re-punctuating; any
    other text goes through the column type's own conversion, and PostgreSQL's driver hands
    back datetimes.
    """
    convert = UTCDateTime()._cached_result_processor(dialect, None)
    canonical = _SQLITE_STAMP.fullmatch

    def spell(value: Any) -> str | None:
        if value is None:
            return None
        if type(value) is str:
            if canonical(value):
                return f"{value[:10]}T{value[11:]}+00:00"
            value = convert(value) if convert else datetime.fromisoformat(value)
        stamped = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return str(stamped.isoformat(timespec="microseconds"))

    return spell


_AFTER = sa.tuple_(col(Statement.source_id), col(Statement.id)) > sa.tuple_(
    sa.bindparam("after_source", type_=sa.Integer), sa.bindparam("after_id", type_=sa.Integer)
)
_UP_TO = sa.tuple_(col(Statement.source_id), col(Statement.id)) <= sa.tuple_(
    sa.bindparam("last_source", type_=sa.Integer), sa.bindparam("last_id", type_=sa.Integer)
)
# A page's evidence and history are found by the page's range of positions, not by a list of
# thousands of bound ids (rows of statements outside the filter come too and are ignored).
_EVIDENCE = (
    select(*(getattr(Evidence, name) for name in EvidenceRecord._fields))
    .join(Statement, col(Statement.id) == col(Evidence.statement_id))
    .where(_AFTER, _UP_TO)
    .order_by(col(Evidence.id))
)
_LIVE_EVIDENCE = _EVIDENCE.where(col(Evidence.removed).is_(False))
_HISTORY = (
    select(*(getattr(ChangeEvent, name) for name in HistoryRecord._fields))
    .join(Statement, col(Statement.id) == col(ChangeEvent.statement_id))
    .where(_AFTER, _UP_TO)
    .order_by(col(ChangeEvent.id))
)
_KEYS = select(Statement.id, Statement.key).where(
    col(Statement.id).in_(sa.bindparam("ids", expanding=True))
)


_REVIEW_STATES = select(SecondReview.statement_id, SecondReview.state).where(
    col(SecondReview.statement_id).in_(sa.bindparam("ids", expanding=True))
)


def _page_query(conditions: list[Any], batch: int) -> Any:
    """The keyset page of one export, built once: only the position changes between pages."""
    query = statement_row_query([*conditions, _AFTER])
    named = dict(zip(_SELECTED, query.selected_columns, strict=True))
    return (
        query.with_only_columns(*(named[name] for name in StatementRecord._fields))
        .order_by(col(Statement.source_id), col(Statement.id))
        .limit(batch)
    )


class ExportWalk:
    """The per-page queries of one export, read as the driver's plain tuples.

    SQLAlchemy binds the parameters and runs each query; the rows are then fetched from its
    DBAPI cursor directly, skipping a Row object and type processing per row. The only values
    that need converting are booleans (SQLite stores 0 or 1) and timestamps (`stamp_reader`);
    the queries select them last.
    """

    def __init__(self, session: Session, conditions: list[Any], batch: int) -> None:
        self.connection = session.connection()
        self.page_query = _page_query(conditions, batch)
        self.spell = stamp_reader(self.connection.dialect)
        # Most databases never turn second review on: then no page asks for review states.
        self.any_review = (
            self.connection.execute(select(SecondReview.statement_id).limit(1)).first() is not None
        )

    def _fetch(self, query: Any, parameters: dict[str, int]) -> list[tuple[Any, ...]]:
        result = self.connection.execute(query, parameters)
        try:
            return list(result.cursor.fetchall())
        finally:
            result.close()

    def page(self, after: tuple[int, int]) -> list[StatementRecord]:
        """Up to a batch of statements after the (source id, statement id) position."""
        spell, make = self.spell, StatementRecord._make
        rows = self._fetch(self.page_query, {"after_source": after[0], "after_id": after[1]})
        return [make(r[:-2] + (bool(r[-2]), spell(r[-1]))) for r in rows]

    def evidence(
        self, bounds: dict[str, int], include_removed: bool
    ) -> dict[int, list[EvidenceRecord]]:
        """Evidence of the statements between two positions, by statement id."""
        found: dict[int, list[EvidenceRecord]] = {}
        spell, make = self.spell, EvidenceRecord._make
        for r in self._fetch(_EVIDENCE if include_removed else _LIVE_EVIDENCE, bounds):
            found.setdefault(r[1], []).append(make(r[:-2] + (bool(r[-2]), spell(r[-1]))))
        return found

    def history(self, bounds: dict[str, int]) -> dict[int, list[HistoryRecord]]:
        """Change events of the statements between two positions, by statement id."""
        found: dict[int, list[HistoryRecord]] = {}
        spell, make = self.spell, HistoryRecord._make
        for r in self._fetch(_HISTORY, bounds):
            found.setdefault(r[4], []).append(make(r[:-1] + (spell(r[-1]),)))
        return found

    def review_states(self, statement_ids: list[int]) -> dict[int, str]:
        """Second-review states by statement id (pending, disputed, agreed, decided)."""
        if not statement_ids or not self.any_review:
            return {}
        rows = self.connection.execute(_REVIEW_STATES, {"ids": statement_ids})
        return {statement_id: state for statement_id, state in rows}

    def keys(self, statement_ids: list[int]) -> dict[int, str]:
        """Statement keys by id (for `merged_into`), in one query."""
        if not statement_ids:
            return {}
        return dict(self.connection.execute(_KEYS, {"ids": statement_ids}).tuples().all())
