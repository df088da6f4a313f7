"""Reads for exports and reports: whole sources with their statements, in flat-memory batches.

Exports walk the database in (source, statement) order with a keyset on both columns, so one
query serves a thousand statements whatever the size of the database, and the evidence and
history of a batch come in one query each. Memory is bounded by the largest single source
(its text and its statements), never by the database.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from workbench.db.models import STATUSES, Actor, ChangeEvent, Conflict, Evidence, Source, Statement
from workbench.db.views import EvidenceView, HistoryEntry, SourceRow, StatementRow
from workbench.services.statements import StatementFilter, _conditions, _row_query


@dataclass(frozen=True)
class ExportScope:
    """What an export covers: the statement filter plus a date for the sources.

    `since` keeps sources published on or after the date; a source without a published date is
    judged by the day it was ingested.
    """

    statements: StatementFilter = field(default_factory=StatementFilter)
    since: date | None = None

    def describe(self) -> str:
        words = self.statements.describe()
        return words + (f", sources since {self.since.isoformat()}" if self.since else "")


@dataclass(frozen=True, slots=True)
class ExportedStatement:
    """One statement with what a report shows beside it."""

    row: StatementRow
    evidence: tuple[EvidenceView, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    merged_into_key: str | None = None
    removed_evidence: frozenset[int] = frozenset()  # ids in `evidence` an analyst removed


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """One source, its text, and its statements in the export scope (id order)."""

    source: SourceRow
    text: str
    statements: tuple[ExportedStatement, ...]
    previous_sha256: str | None = None
    history: tuple[HistoryEntry, ...] = ()  # about the source itself (its ingest)


@dataclass(frozen=True, slots=True)
class Position:
    """One actor's stance on a claim, for the side-by-side view and ClaimReview authors."""

    key: str
    actor: str | None
    actor_kind: str | None
    stance: str
    status: str


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
    conditions = _conditions(session, scope.statements)
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


def _source_rows(
    session: Session, source_ids: Sequence[int]
) -> dict[int, tuple[SourceRow, str, str | None]]:
    """Sources by id with their texts and the previous revision's hash."""
    previous = sa.orm.aliased(Source)
    query = (
        select(Source, previous.sha256)
        .outerjoin(previous, col(previous.id) == col(Source.previous_id))
        .where(col(Source.id).in_(source_ids))
    )
    found: dict[int, tuple[SourceRow, str, str | None]] = {}
    for source, previous_sha in session.execute(query).all():
        assert source.id is not None
        row = SourceRow(
            id=source.id,
            sha256=source.sha256,
            title=source.title,
            url=source.url,
            outlet=source.outlet,
            author=source.author,
            published=source.published,
            format=source.format,
            origin=source.origin,
            revision=source.revision,
            previous_id=source.previous_id,
            ingested_at=source.ingested_at,
            ingested_by=source.ingested_by,
        )
        found[source.id] = (row, source.text, previous_sha)
        session.expunge(source)
    return found


_EVIDENCE_COLUMNS = (
    Evidence.id,
    Evidence.statement_id,
    Evidence.url,
    Evidence.title,
    Evidence.relation,
    Evidence.excerpt,
    Evidence.added_by,
    Evidence.added_at,
    Evidence.version,
)


def _entry(record: Any) -> HistoryEntry:
    return HistoryEntry(
        id=record.id,
        at=record.at,
        analyst=record.analyst,
        entity=record.entity,
        entity_id=record.entity_id,
        statement_id=record.statement_id,
        field=record.field,
        old=record.old,
        new=record.new,
        note=record.note,
    )


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


def evidence_refs(session: Session, evidence_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(url, relation) of evidence rows, to name them across databases in history events."""
    query = select(Evidence.id, Evidence.url, Evidence.relation).where(
        col(Evidence.id).in_(evidence_ids)
    )
    return {eid: (url, relation) for eid, url, relation in session.execute(query).all()}


def statement_keys(session: Session, statement_ids: Sequence[int]) -> dict[int, str]:
    query = select(Statement.id, Statement.key).where(col(Statement.id).in_(statement_ids))
    return {statement_id: key for statement_id, key in session.execute(query).all()}


def claim_positions(session: Session, source_id: int) -> dict[int, list[Position]]:
    """Every live actor's stance on each claim of a source, whatever the export filter."""
    query = (
        select(
            Statement.claim_group,
            Statement.key,
            Actor.name,
            Actor.kind,
            Statement.stance,
            Statement.status,
        )
        .outerjoin(Actor, col(Actor.id) == col(Statement.actor_id))
        .where(col(Statement.source_id) == source_id, col(Statement.dismissed).is_(False))
        .order_by(col(Statement.id))
    )
    found: dict[int, list[Position]] = {}
    for group, key, actor, kind, stance, status in _rows(session, query):
        found.setdefault(group, []).append(Position(key, actor, kind, stance, status))
    return found


def _in_range(after: tuple[int, int], last: tuple[int, int]) -> list[Any]:
    """Statements of a page by position, not by a list of thousands of bound ids."""
    position = sa.tuple_(col(Statement.source_id), col(Statement.id))
    return [position > after, position <= last]


def _evidence_between(
    session: Session, after: tuple[int, int], last: tuple[int, int], include_removed: bool
) -> tuple[dict[int, list[EvidenceView]], set[int]]:
    """Evidence of the statements in a page's range (by id), and which of it was removed."""
    conditions = _in_range(after, last)
    if not include_removed:
        conditions.append(col(Evidence.removed).is_(False))
    query = (
        select(*_EVIDENCE_COLUMNS, Evidence.removed)
        .join(Statement, col(Statement.id) == col(Evidence.statement_id))
        .where(*conditions)
        .order_by(col(Evidence.id))
    )
    found: dict[int, list[EvidenceView]] = {}
    removed: set[int] = set()
    for record in _rows(session, query):
        found.setdefault(record[1], []).append(EvidenceView(*record[:-1]))
        if record[-1]:
            removed.add(record[0])
    return found, removed


def _history_between(
    session: Session, after: tuple[int, int], last: tuple[int, int]
) -> dict[int, list[HistoryEntry]]:
    query = (
        select(*_EVENT_COLUMNS)
        .join(Statement, col(Statement.id) == col(ChangeEvent.statement_id))
        .where(*_in_range(after, last))
        .order_by(col(ChangeEvent.id))
    )
    found: dict[int, list[HistoryEntry]] = {}
    for record in _rows(session, query):
        found.setdefault(record.statement_id, []).append(_entry(record))
    return found


def _page(session: Session, conditions: list[Any], after: tuple[int, int], batch: int) -> list[Any]:
    query = (
        _row_query([*conditions, sa.tuple_(col(Statement.source_id), col(Statement.id)) > after])
        .order_by(col(Statement.source_id), col(Statement.id))
        .limit(batch)
    )
    return [StatementRow(*r) for r in _rows(session, query)]


def iter_source_groups(
    session: Session,
    scope: ExportScope,
    *,
    evidence: bool = False,
    history: bool = False,
    include_removed: bool = False,
    source_history: bool = False,
    batch: int = 2000,
) -> Iterator[SourceGroup]:
    """Each source with at least one statement in scope, in id order, with its statements.

    `evidence` and `history` add each statement's evidence and history (one query each per
    batch); `include_removed` keeps evidence an analyst removed (marked in `removed_evidence`);
    `source_history` adds the events about each source itself.
    """
    conditions = _scope_conditions(session, scope)
    after = (0, 0)
    pending: list[ExportedStatement] = []
    current: int | None = None
    sources: dict[int, tuple[SourceRow, str, str | None]] = {}
    source_events: dict[int, list[HistoryEntry]] = {}
    while True:
        page = _page(session, conditions, after, batch)
        if not page:
            break
        last = (page[-1].source_id, page[-1].id)
        links, removed = (
            _evidence_between(session, after, last, include_removed) if evidence else ({}, set())
        )
        events = _history_between(session, after, last) if history else {}
        merged = statement_keys(session, [r.merged_into_id for r in page if r.merged_into_id])
        new_sources = sorted({row.source_id for row in page} - sources.keys())
        sources.update(_source_rows(session, new_sources))
        if source_history:
            source_events.update(source_histories(session, new_sources))
        for row in page:
            if current is not None and row.source_id != current:
                source, text, previous = sources.pop(current)
                about = tuple(source_events.pop(current, ()))
                yield SourceGroup(source, text, tuple(pending), previous, about)
                pending = []
            current = row.source_id
            pending.append(
                ExportedStatement(
                    row=row,
                    evidence=tuple(links.get(row.id, ())),
                    history=tuple(events.get(row.id, ())),
                    merged_into_key=merged.get(row.merged_into_id) if row.merged_into_id else None,
                    removed_evidence=frozenset(
                        e.id for e in links.get(row.id, ()) if e.id in removed
                    ),
                )
            )
        after = last
        if len(page) < batch:
            break
    if current is not None:
        source, text, previous = sources.pop(current)
        about = tuple(source_events.pop(current, ()))
        yield SourceGroup(source, text, tuple(pending), previous, about)


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
