"""Sources: storing an article with its statements in one transaction, and reading them back."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import insert
from sqlmodel import Session, col, func, select

from workbench.db.models import Source, Statement, utc_now
from workbench.db.views import IngestReport, SourceRow
from workbench.errors import NotFound
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


def find_source_by_text(session: Session, text: str) -> int | None:
    return session.exec(select(Source.id).where(col(Source.sha256) == text_sha256(text))).first()


def ingest_document(
    session: Session,
    document: Document,
    statements: Sequence[ExtractedStatement],
    *,
    analyst: str,
) -> IngestReport:
    """Store one source and its statements; identical text already stored is a no-op.

    The same URL with different text becomes a new revision linked to the previous one.
    Statements go in with one bulk INSERT: the ORM's per-object work would dominate ingest time.
    """
    sha = text_sha256(document.text)
    existing = session.exec(
        select(Source.id, Source.title).where(col(Source.sha256) == sha)
    ).first()
    if existing is not None:
        return IngestReport(source_id=existing[0], title=existing[1], statements=0, duplicate=True)
    previous = None
    if document.url:
        previous = session.exec(
            select(Source.id, Source.revision)
            .where(col(Source.url) == document.url)
            .order_by(col(Source.revision).desc())
        ).first()
    source = Source(
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
        ingested_at=utc_now(),
        ingested_by=analyst,
    )
    session.add(source)
    session.flush()
    assert source.id is not None
    resolver = ActorResolver(session)
    now = utc_now()
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
                "source_id": source.id,
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
        session.execute(insert(Statement), _unique_keys(rows))
    record_change(
        session,
        analyst=analyst,
        entity="source",
        entity_id=source.id,
        field="ingested",
        new=document.title or document.origin or sha[:12],
        note=f"{len(rows)} statements" + (f"; {document.notice}" if document.notice else ""),
    )
    return IngestReport(
        source_id=source.id,
        title=document.title,
        statements=len(rows),
        revision_of=previous[0] if previous else None,
    )


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
