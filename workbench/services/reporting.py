"""Reads for exports and reports: whole sources with their statements, in flat-memory batches.

Exports walk the database in (source, statement) order with a keyset on both columns, so one
query serves a thousand statements whatever the size of the database, and the evidence and
history of a batch come in one query each. Memory is bounded by the largest single source
(its text and its statements), never by the database.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
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
        day = sa.func.coalesce(col(Source.published), sa.cast(col(Source.ingested_at), sa.Date))
        conditions.append(day >= scope.since)
    return conditions


def summarise(session: Session, scope: ExportScope) -> ReportSummary:
    """The numbers at the top of a report, from three GROUP BY queries."""
    conditions = _scope_conditions(session, scope)
    joined = (
        select(Statement.source_id, Source.title, Actor.name, Statement.status, func.count())
        .join(Source, col(Source.id) == col(Statement.source_id))
        .outerjoin(Actor, col(Actor.id) == col(Statement.actor_id))
        .where(*conditions)
        .group_by(
            col(Statement.source_id), col(Source.title), col(Actor.name), col(Statement.status)
        )
    )
    totals = dict.fromkeys(STATUSES, 0)
    sources: dict[int, tuple[str, dict[str, int]]] = {}
    actors: dict[str, dict[str, int]] = {}
    for source_id, title, actor, status, number in session.execute(joined):
        totals[status] = totals.get(status, 0) + number
        counts = sources.setdefault(source_id, (title, dict.fromkeys(STATUSES, 0)))[1]
        counts[status] = counts.get(status, 0) + number
        per_actor = actors.setdefault(actor or "(unknown)", dict.fromkeys(STATUSES, 0))
        per_actor[status] = per_actor.get(status, 0) + number
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


def evidence_of(
    session: Session, statement_ids: Sequence[int], *, include_removed: bool = False
) -> dict[int, list[EvidenceView]]:
    """Evidence of many statements in one query, each list in id order."""
    conditions: list[Any] = [col(Evidence.statement_id).in_(statement_ids)]
    if not include_removed:
        conditions.append(col(Evidence.removed).is_(False))
    query = select(Evidence).where(*conditions).order_by(col(Evidence.id))
    found: dict[int, list[EvidenceView]] = {}
    for (evidence,) in session.execute(query).all():
        assert evidence.id is not None
        found.setdefault(evidence.statement_id, []).append(
            EvidenceView(
                id=evidence.id,
                statement_id=evidence.statement_id,
                url=evidence.url,
                title=evidence.title,
                relation=evidence.relation,
                excerpt=evidence.excerpt,
                added_by=evidence.added_by,
                added_at=evidence.added_at,
                version=evidence.version,
            )
        )
    return found


def removed_evidence_ids(session: Session, statement_ids: Sequence[int]) -> set[int]:
    query = select(Evidence.id).where(
        col(Evidence.statement_id).in_(statement_ids), col(Evidence.removed).is_(True)
    )
    return set(session.execute(query).scalars())


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


def history_of(session: Session, statement_ids: Sequence[int]) -> dict[int, list[HistoryEntry]]:
    """History of many statements (their evidence included) in one query, oldest first."""
    query = (
        select(*_EVENT_COLUMNS)
        .where(col(ChangeEvent.statement_id).in_(statement_ids))
        .order_by(col(ChangeEvent.id))
    )
    found: dict[int, list[HistoryEntry]] = {}
    for record in session.execute(query).all():
        found.setdefault(record.statement_id, []).append(_entry(record))
    return found


def source_history(session: Session, source_id: int) -> list[HistoryEntry]:
    """Events about the source itself (its ingest), oldest first."""
    query = (
        select(*_EVENT_COLUMNS)
        .where(
            col(ChangeEvent.entity) == "source",
            col(ChangeEvent.entity_id) == source_id,
            col(ChangeEvent.statement_id).is_(None),
        )
        .order_by(col(ChangeEvent.id))
    )
    return [_entry(record) for record in session.execute(query).all()]


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
    return dict(session.execute(query).tuples().all())


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
    for group, key, actor, kind, stance, status in session.execute(query).all():
        found.setdefault(group, []).append(Position(key, actor, kind, stance, status))
    return found


def _page(session: Session, conditions: list[Any], after: tuple[int, int], batch: int) -> list[Any]:
    query = (
        _row_query([*conditions, sa.tuple_(col(Statement.source_id), col(Statement.id)) > after])
        .order_by(col(Statement.source_id), col(Statement.id))
        .limit(batch)
    )
    return [StatementRow(*r) for r in session.execute(query).all()]


def iter_source_groups(
    session: Session,
    scope: ExportScope,
    *,
    evidence: bool = False,
    history: bool = False,
    include_removed: bool = False,
    batch: int = 1000,
) -> Iterator[SourceGroup]:
    """Each source with at least one statement in scope, in id order, with its statements.

    `evidence` and `history` add each statement's evidence and history (one query each per
    batch); `include_removed` keeps evidence an analyst removed (marked in `removed_evidence`).
    """
    conditions = _scope_conditions(session, scope)
    after = (0, 0)
    pending: list[ExportedStatement] = []
    current: int | None = None
    sources: dict[int, tuple[SourceRow, str, str | None]] = {}
    while True:
        page = _page(session, conditions, after, batch)
        if not page:
            break
        ids = [row.id for row in page]
        links = evidence_of(session, ids, include_removed=include_removed) if evidence else {}
        removed = removed_evidence_ids(session, ids) if evidence and include_removed else set()
        events = history_of(session, ids) if history else {}
        merged = statement_keys(session, [r.merged_into_id for r in page if r.merged_into_id])
        new_sources = sorted({row.source_id for row in page} - sources.keys())
        sources.update(_source_rows(session, new_sources))
        for row in page:
            if current is not None and row.source_id != current:
                source, text, previous = sources.pop(current)
                yield SourceGroup(source, text, tuple(pending), previous)
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
        after = (page[-1].source_id, page[-1].id)
        if len(page) < batch:
            break
    if current is not None:
        source, text, previous = sources.pop(current)
        yield SourceGroup(source, text, tuple(pending), previous)


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
