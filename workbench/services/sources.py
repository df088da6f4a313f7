"""Sources: reading stored articles back (storing them is `services/storing.py`)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, func, select

from workbench.db.models import Source, Statement
from workbench.db.views import SourceRow
from workbench.errors import NotFound


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
