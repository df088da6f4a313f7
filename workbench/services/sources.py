"""Sources: storing an article with its statements in one transaction, and reading them back."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from workbench.db.bulk import bulk_insert
from workbench.db.models import Source, Statement, utc_now
from workbench.db.views import IngestReport, SourceRow
from workbench.errors import InvalidInput, NotFound, WorkbenchError
from workbench.ingest.document import Document
from workbench.services.actors import ActorResolver
from workbench.services.history import record_change

if TYPE_CHECKING:
    from workbench.extract import ExtractedStatement

OUTLET_FALLBACK = "(outlet)"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def statement_key(source_sha256: str, found: ExtractedStatement) -> str:
    """Stable across databases and re-ingests: the source text's hash, the spans and the actor."""
    parts = (
        source_sha256,
        found.speaker_start,
        found.speaker_end,
        found.cue_start,
        found.cue_end,
        found.content_start,
        found.content_end,
        found.actor,
    )
    return hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:32]


# Built once: constructing SQL expressions costs more than running them, per source.
_SOURCE_TABLE: sa.Table = Source.__table__  # type: ignore[attr-defined]
_SOURCE_BY_SHA = sa.select(_SOURCE_TABLE.c.id, _SOURCE_TABLE.c.title).where(
    _SOURCE_TABLE.c.sha256 == sa.bindparam("sha")
)
_LATEST_REVISION = (
    sa.select(_SOURCE_TABLE.c.id, _SOURCE_TABLE.c.revision)
    .where(_SOURCE_TABLE.c.url == sa.bindparam("url"))
    .order_by(_SOURCE_TABLE.c.revision.desc())
    .limit(1)
)
_INSERT_SOURCE = sa.insert(_SOURCE_TABLE)


def ingest_document(
    session: Session,
    document: Document,
    statements: Sequence[ExtractedStatement],
    *,
    analyst: str,
    resolver: ActorResolver | None = None,
) -> IngestReport:
    """Store one source and its statements; identical text already stored is a no-op.

    The same URL with different text becomes a new revision linked to the previous one.
    Rows go in through SQLAlchemy Core (one executemany for the statements): the ORM's
    per-object bookkeeping would otherwise dominate ingest time.
    """
    sha = text_sha256(document.text)
    connection = session.connection()
    existing = connection.execute(_SOURCE_BY_SHA, {"sha": sha}).first()
    if existing is not None:
        return IngestReport(source_id=existing[0], title=existing[1], statements=0, duplicate=True)
    previous = None
    if document.url:
        previous = connection.execute(_LATEST_REVISION, {"url": document.url}).first()
    now = utc_now()
    source_id = connection.execute(
        _INSERT_SOURCE,
        dict(
            sha256=sha,
            title=document.title,
            url=document.url,
            outlet=document.outlet,
            author=document.author,
            published=document.published,
            text=document.text,
            format=document.format,
            origin=document.origin,
            revision=previous[1] + 1 if previous else 1,
            previous_id=previous[0] if previous else None,
            ingested_at=now,
            ingested_by=analyst,
        ),
    ).inserted_primary_key[0]
    resolver = resolver or ActorResolver(session)
    rows = []
    for found in statements:
        actor_id = resolver.actor_id(
            found.actor or document.outlet or OUTLET_FALLBACK,
            kind=found.actor_kind,
            affiliation=found.actor_affiliation,
            alias=found.speaker,
        )
        rows.append(
            {
                "key": statement_key(sha, found),
                "source_id": source_id,
                "sentence_start": found.sentence_start,
                "sentence_end": found.sentence_end,
                "speaker": found.speaker,
                "speaker_start": found.speaker_start,
                "speaker_end": found.speaker_end,
                "actor_id": actor_id,
                "cue": found.cue,
                "cue_start": found.cue_start,
                "cue_end": found.cue_end,
                "stance": found.stance,
                "content": found.content,
                "content_start": found.content_start,
                "content_end": found.content_end,
                "proposition": found.proposition,
                "claim_group": found.claim_group,
                "rule": found.rule,
                "confidence": found.confidence,
                "origin": "extracted",
                "status": "unverified",
                "dismissed": False,
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "updated_by": analyst,
            }
        )
    if rows:
        bulk_insert(connection, Statement.__table__, _unique_keys(rows))  # type: ignore[arg-type]
    record_change(
        session,
        analyst=analyst,
        entity="source",
        entity_id=source_id,
        field="ingested",
        new=document.title or document.origin or sha[:12],
        note=f"{len(rows)} statements" + (f"; {document.notice}" if document.notice else ""),
    )
    return IngestReport(
        source_id=source_id,
        title=document.title,
        statements=len(rows),
        revision_of=previous[0] if previous else None,
    )


def ingest_batch(
    session: Session,
    items: Sequence[tuple[Document, Sequence[ExtractedStatement]]],
    *,
    analyst: str,
) -> list[IngestReport | WorkbenchError]:
    """Store several sources in one transaction, each behind its own SAVEPOINT.

    Each source stays all-or-nothing (a failing one rolls back to its savepoint and is reported),
    while the commit, the full-text index flush and the actor lookups are paid once per batch.
    """
    resolver = ActorResolver(session)
    results: list[IngestReport | WorkbenchError] = []
    for document, statements in items:
        try:
            with session.begin_nested():
                results.append(
                    ingest_document(
                        session, document, statements, analyst=analyst, resolver=resolver
                    )
                )
        except WorkbenchError as error:
            resolver.forget()
            results.append(error)
        except IntegrityError as error:
            resolver.forget()
            results.append(
                InvalidInput(
                    f"could not be stored: {error.orig}", where=document.origin or "source"
                )
            )
    return results


def _unique_keys(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """An extractor that reports the same span twice must not abort the whole source."""
    seen: set[object] = set()
    unique = []
    for row in rows:
        if row["key"] not in seen:
            seen.add(row["key"])
            unique.append(row)
    return unique


def _status_counts(session: Session, source_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {}
    query = (
        select(Statement.source_id, Statement.status, func.count())
        .where(col(Statement.dismissed).is_(False), col(Statement.source_id).in_(source_ids))
        .group_by(col(Statement.source_id), col(Statement.status))
    )
    for source_id, status, number in session.exec(query):
        counts.setdefault(source_id, {})[status] = number
    return counts


def _source_row(source: Source, counts: dict[str, int]) -> SourceRow:
    assert source.id is not None
    return SourceRow(
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
        counts=counts,
    )


_SOURCE_COLUMNS = [c for c in Source.__table__.columns if c.name != "text"]  # type: ignore[attr-defined]


def list_sources(
    session: Session, *, after_id: int = 0, limit: int | None = None
) -> list[SourceRow]:
    """Sources in id order (keyset paged), without their texts, with counts per status."""
    query = select(*_SOURCE_COLUMNS).where(Source.__table__.c.id > after_id).order_by("id")  # type: ignore[attr-defined]
    if limit is not None:
        query = query.limit(limit)
    records = session.execute(query).all()
    counts = _status_counts(session, [r.id for r in records])
    return [_source_row(Source(**r._mapping, text=""), counts.get(r.id, {})) for r in records]


def get_source(session: Session, source_id: int) -> SourceRow:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(
            f"no source with id {source_id}",
            where="source",
            hint="list them with `workbench sources`",
        )
    return _source_row(source, _status_counts(session, [source_id]).get(source_id, {}))


def source_text(session: Session, source_id: int) -> str:
    text = session.exec(select(Source.text).where(col(Source.id) == source_id)).first()
    if text is None:
        raise NotFound(f"no source with id {source_id}", where="source")
    return text
