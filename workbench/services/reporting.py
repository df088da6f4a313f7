"""Reads for exports and reports: whole sources with their statements, in flat-memory batches.

Exports walk the database in (source, statement) order with a keyset on both columns, so one
query serves a batch of statements whatever the size of the database, and the evidence and
history of a batch come in one query each. Memory is bounded by the largest single source
(its text and its statements), never by the database.

The walk's rows themselves (driver-level tuples, timestamps as ISO text) are read in
`export_rows`; this module groups them into sources and adds what a report shows beside them.
Its record types and `stamp_reader` are re-exported here, where the exporters import them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from workbench.db.models import (
    STATUSES,
    Actor,
    ChangeEvent,
    Conflict,
    Source,
    Statement,
)
from workbench.db.views import HistoryEntry, SourceRow
from workbench.services.export_rows import (
    EvidenceRecord,
    ExportWalk,
    HistoryRecord,
    StatementRecord,
    stamp_reader,
)
from workbench.services.statements import StatementFilter, statement_conditions

__all__ = [  # the walk's records and `stamp_reader` are re-exported for the exporters
    "ConflictView",
    "EvidenceRecord",
    "ExportScope",
    "ExportedStatement",
    "HistoryRecord",
    "Position",
    "ReportSummary",
    "SourceGroup",
    "StatementRecord",
    "claim_positions",
    "iter_source_groups",
    "list_conflicts",
    "other_history",
    "source_histories",
    "stamp_reader",
    "summarise",
]


@dataclass(frozen=True)
class ExportScope:
    """What an export covers: the statement filter plus a date for the sources.

    `since` keeps sources published on or after the date; a source without a published date is
    judged by the day it was ingested.
    """

    statements: StatementFilter = field(default_factory=StatementFilter)
    since: date | None = None

    def keeps_whole_sources(self) -> bool:
        """Whether every live statement of an exported source is in the export: only whole
        sources are filtered out (by id, date or dismissal), never single statements."""
        flt = self.statements
        return not (flt.statuses or flt.stances or flt.actors or flt.analyst or flt.search)

    def describe(self) -> str:
        words = self.statements.describe()
        return words + (f", sources since {self.since.isoformat()}" if self.since else "")


class ExportedStatement(NamedTuple):
    """One statement with what a report shows beside it."""

    row: StatementRecord
    evidence: tuple[EvidenceRecord, ...] = ()  # removed ones only when the walk asked for them
    history: tuple[HistoryRecord, ...] = ()
    merged_into_key: str | None = None
    review: str | None = None  # second review: pending, disputed, agreed, decided (None: off)


class Position(NamedTuple):
    """One actor's stance on a claim, for the side-by-side view and ClaimReview authors."""

    key: str
    actor: str | None
    actor_kind: str | None
    stance: str
    status: str


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """One source, its text, and its statements in the export scope (id order)."""

    source: SourceRow
    text: str
    statements: tuple[ExportedStatement, ...]
    previous_sha256: str | None = None
    history: tuple[HistoryEntry, ...] = ()  # about the source itself (its ingest)
    positions: dict[int, list[Position]] | None = None  # claim group -> `claim_positions`


@dataclass(frozen=True)
class ReportSummary:
    """Counts per status, overall and per source and per actor (dismissed not counted)."""

    totals: dict[str, int]
    per_source: list[tuple[int, str, dict[str, int]]]  # (source id, title, counts)
    per_actor: list[tuple[str, dict[str, int]]]

    @property
    def total(self) -> int:
        return sum(self.totals.values())


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: int
    statement_id: int
    statement_key: str
    field: str
    local_value: str | None
    incoming_value: str | None
    incoming_analyst: str
    incoming_at: datetime | None
    origin: str
    created_at: datetime


def _scope_conditions(session: Session, scope: ExportScope) -> list[Any]:
    conditions = statement_conditions(session, scope.statements)
    if scope.since is not None:
        midnight = datetime.combine(scope.since, time(), tzinfo=UTC)
        conditions.append(
            sa.or_(
                col(Source.published) >= scope.since,
                col(Source.published).is_(None) & (col(Source.ingested_at) >= midnight),
            )
        )
    return conditions


def _rows(session: Session, query: Any) -> list[Any]:
    """Plain rows through the Core connection: no ORM loading work for read-only columns."""
    return list(session.connection().execute(query).all())


def summarise(session: Session, scope: ExportScope) -> ReportSummary:
    """The numbers at the top of a report: GROUP BY queries whose results are as small as the
    lists of sources and actors (never one row per statement)."""
    conditions = _scope_conditions(session, scope)

    def grouped(*columns: Any) -> list[Any]:
        query = (
            select(*columns, Statement.status, func.count())
            .select_from(Statement)
            .join(Source, col(Source.id) == col(Statement.source_id))
            .outerjoin(Actor, col(Actor.id) == col(Statement.actor_id))
            .where(*conditions)
            .group_by(*columns, col(Statement.status))
        )
        return _rows(session, query)

    totals = dict.fromkeys(STATUSES, 0)
    sources: dict[int, tuple[str, dict[str, int]]] = {}
    for source_id, title, status, number in grouped(col(Statement.source_id), col(Source.title)):
        totals[status] = totals.get(status, 0) + number
        sources.setdefault(source_id, (title, dict.fromkeys(STATUSES, 0)))[1][status] = number
    actors: dict[str, dict[str, int]] = {}
    for name, status, number in grouped(col(Actor.name)):
        counts = actors.setdefault(name or "(unknown)", dict.fromkeys(STATUSES, 0))
        counts[status] = counts.get(status, 0) + number
    return ReportSummary(
        totals=totals,
        per_source=[(sid, title, counts) for sid, (title, counts) in sorted(sources.items())],
        per_actor=sorted(actors.items(), key=lambda item: (-sum(item[1].values()), item[0])),
    )


_PREVIOUS = sa.orm.aliased(Source)
_SOURCES = (
    select(
        Source.id,
        Source.sha256,
        Source.title,
        Source.url,
        Source.outlet,
        Source.author,
        Source.published,
        Source.format,
        Source.origin,
        Source.revision,
        Source.previous_id,
        Source.ingested_at,
        Source.ingested_by,
        Source.text,
        _PREVIOUS.sha256,
    )
    .outerjoin(_PREVIOUS, col(_PREVIOUS.id) == col(Source.previous_id))
    .where(col(Source.id).in_(sa.bindparam("ids", expanding=True)))
)


def _source_rows(
    session: Session, source_ids: Sequence[int]
) -> dict[int, tuple[SourceRow, str, str | None]]:
    """Sources by id with their texts and the previous revision's hash."""
    if not source_ids:
        return {}
    rows = session.connection().execute(_SOURCES, {"ids": list(source_ids)}).all()
    return {r[0]: (SourceRow(*r[:13]), r[13], r[14]) for r in rows}


_HISTORY_FIELDS = tuple(f.name for f in fields(HistoryEntry))


def _entry(record: Any) -> HistoryEntry:
    """A change event row (any object with `HistoryEntry`'s field names) as the read model."""
    return HistoryEntry(**{name: getattr(record, name) for name in _HISTORY_FIELDS})


_EVENT_COLUMNS = [c for c in ChangeEvent.__table__.columns]  # type: ignore[attr-defined]


def source_histories(session: Session, source_ids: Sequence[int]) -> dict[int, list[HistoryEntry]]:
    """Events about the sources themselves (their ingest), oldest first, in one query."""
    query = (
        select(*_EVENT_COLUMNS)
        .where(
            col(ChangeEvent.statement_id).is_(None),
            col(ChangeEvent.entity) == "source",
            col(ChangeEvent.entity_id).in_(source_ids),
        )
        .order_by(col(ChangeEvent.id))
    )
    found: dict[int, list[HistoryEntry]] = {}
    for record in _rows(session, query):
        found.setdefault(record.entity_id, []).append(_entry(record))
    return found


def other_history(session: Session) -> list[HistoryEntry]:
    """Events about neither a statement nor a source (actors, …)."""
    query = (
        select(*_EVENT_COLUMNS)
        .where(col(ChangeEvent.statement_id).is_(None), col(ChangeEvent.entity) != "source")
        .order_by(col(ChangeEvent.id))
    )
    return [_entry(record) for record in session.execute(query).all()]


_POSITIONS = (
    select(
        Statement.claim_group,
        Statement.key,
        Actor.name,
        Actor.kind,
        Statement.stance,
        Statement.status,
    )
    .outerjoin(Actor, col(Actor.id) == col(Statement.actor_id))
    .where(
        col(Statement.source_id) == sa.bindparam("source_id", type_=sa.Integer),
        col(Statement.dismissed).is_(False),
    )
    .order_by(col(Statement.id))
)


def claim_positions(session: Session, source_id: int) -> dict[int, list[Position]]:
    """Every live actor's stance on each claim of a source, whatever the export filter."""
    found: dict[int, list[Position]] = {}
    result = session.connection().execute(_POSITIONS, {"source_id": source_id})
    for group, *position in result:
        found.setdefault(group, []).append(Position(*position))
    return found


_POSITIONS_OF = (
    select(Statement.source_id, *_POSITIONS.selected_columns)
    .outerjoin(Actor, col(Actor.id) == col(Statement.actor_id))
    .where(
        col(Statement.source_id).in_(sa.bindparam("ids", expanding=True)),
        col(Statement.dismissed).is_(False),
    )
    .order_by(col(Statement.source_id), col(Statement.id))
)


def _positions_of(
    session: Session, source_ids: Sequence[int]
) -> dict[int, dict[int, list[Position]]]:
    """`claim_positions` of several sources in one query."""
    found: dict[int, dict[int, list[Position]]] = {source_id: {} for source_id in source_ids}
    if source_ids:
        result = session.connection().execute(_POSITIONS_OF, {"ids": list(source_ids)})
        for source_id, group, *position in result.all():
            found[source_id].setdefault(group, []).append(Position(*position))
    return found


def _positions_in(statements: list[ExportedStatement]) -> dict[int, list[Position]]:
    """`claim_positions` read off a whole source's statements (the same rows, in id order)."""
    found: dict[int, list[Position]] = {}
    for item in statements:
        row = item.row
        if not row.dismissed:
            position = Position(row.key, row.actor, row.actor_kind, row.stance, row.status)
            found.setdefault(row.claim_group, []).append(position)
    return found


def iter_source_groups(
    session: Session,
    scope: ExportScope,
    *,
    evidence: bool = False,
    history: bool = False,
    include_removed: bool = False,
    source_history: bool = False,
    positions: bool = False,
    batch: int = 5000,
) -> Iterator[SourceGroup]:
    """Each source with at least one statement in scope, in id order, with its statements.

    `evidence` and `history` add each statement's evidence and history (one query each per
    batch); `include_removed` also keeps evidence an analyst removed (`removed` is set);
    `source_history` adds the events about each source itself, `positions` its
    `claim_positions` (one query per batch, not one per source).
    """
    walk = ExportWalk(session, _scope_conditions(session, scope), batch)
    after = (0, 0)
    pending: list[ExportedStatement] = []
    current: int | None = None
    sources: dict[int, tuple[SourceRow, str, str | None]] = {}
    source_events: dict[int, list[HistoryEntry]] = {}
    claims: dict[int, dict[int, list[Position]]] = {}
    whole = scope.keeps_whole_sources()  # then a source's positions are its statements'

    def finished(source_id: int, statements: list[ExportedStatement]) -> SourceGroup:
        source, text, previous = sources.pop(source_id)
        about = tuple(source_events.pop(source_id, ()))
        found = claims.pop(source_id, None)
        if positions and whole:
            found = _positions_in(statements)
        return SourceGroup(source, text, tuple(statements), previous, about, found)

    while page := walk.page(after):
        last = (page[-1].source_id, page[-1].id)
        bounds = {"after_source": after[0], "after_id": after[1]}
        bounds |= {"last_source": last[0], "last_id": last[1]}
        links = walk.evidence(bounds, include_removed) if evidence else {}
        events = walk.history(bounds) if history else {}
        merged = walk.keys([r.merged_into_id for r in page if r.merged_into_id])
        reviews = walk.review_states([r.id for r in page])
        new_sources = sorted({row.source_id for row in page} - sources.keys())
        sources.update(_source_rows(session, new_sources))
        if source_history:
            source_events.update(source_histories(session, new_sources))
        if positions and not whole:
            claims.update(_positions_of(session, new_sources))
        for row in page:
            if row.source_id != current:
                if current is not None:
                    yield finished(current, pending)
                    pending = []
                current = row.source_id
            pending.append(
                ExportedStatement(
                    row,
                    tuple(links.get(row.id, ())),
                    tuple(events.get(row.id, ())),
                    merged.get(row.merged_into_id) if row.merged_into_id else None,
                    reviews.get(row.id),
                )
            )
        after = last
        if len(page) < batch:
            break
    if current is not None:
        yield finished(current, pending)


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    """Recorded disagreements (imports, lost races), oldest first."""
    conditions: list[Any] = []
    if not include_resolved:
        conditions.append(col(Conflict.resolved_at).is_(None))
    query = (
        select(Conflict, Statement.key)
        .join(Statement, col(Statement.id) == col(Conflict.statement_id))
        .where(*conditions)
        .order_by(col(Conflict.id))
    )
    return [
        ConflictView(
            id=conflict.id or 0,
            statement_id=conflict.statement_id,
            statement_key=key,
            field=conflict.field,
            local_value=conflict.local_value,
            incoming_value=conflict.incoming_value,
            incoming_analyst=conflict.incoming_analyst,
            incoming_at=conflict.incoming_at,
            origin=conflict.origin,
            created_at=conflict.created_at,
        )
        for conflict, key in session.execute(query).all()
    ]
