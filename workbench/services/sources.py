"""Sources: reading stored articles back (storing them is `services/storing.py`)."""

from __future__ import annotations

from dataclasses import fields

from sqlmodel import Session, col, func, select

from workbench.db.models import Source, Statement
from workbench.db.views import SourceRow
from workbench.errors import NotFound


def _status_counts(session: Session, first_id: int, last_id: int) -> dict[int, dict[str, int]]:
    """Counts per status of the sources with ids in [first_id, last_id].

    A range rather than a list of ids: a page of every source would bind one parameter per
    source, and SQLite refuses more than 32,766 of them.
    """
    counts: dict[int, dict[str, int]] = {}
    source_id = col(Statement.source_id)
    query = (
        select(Statement.source_id, Statement.status, func.count())
        .where(col(Statement.dismissed).is_(False), source_id >= first_id, source_id <= last_id)
        .group_by(source_id, col(Statement.status))
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


# The columns a listing shows, read as plain rows: building a Source model per row only to copy
# it into a SourceRow took 3 of the 4 seconds of listing 20,000 sources.
_ROW_FIELDS = [f.name for f in fields(SourceRow) if f.name != "counts"]
_ROW_COLUMNS = [Source.__table__.c[name] for name in _ROW_FIELDS]  # type: ignore[attr-defined]


def list_sources(
    session: Session, *, after_id: int = 0, limit: int | None = None
) -> list[SourceRow]:
    """Sources in id order (keyset paged), without their texts, with counts per status."""
    query = select(*_ROW_COLUMNS).where(Source.__table__.c.id > after_id).order_by("id")  # type: ignore[attr-defined]
    if limit is not None:
        query = query.limit(limit)
    records = session.execute(query).all()
    if not records:
        return []
    counts = _status_counts(session, records[0].id, records[-1].id)
    return [SourceRow(**r._mapping, counts=counts.get(r.id, {})) for r in records]


def source_status_counts(session: Session, source_id: int) -> dict[str, int]:
    """One source's statement counts per status (dismissed statements not counted)."""
    return _status_counts(session, source_id, source_id).get(source_id, {})


def count_sources(session: Session, *, after_id: int = 0) -> int:
    """How many sources have an id above `after_id` (what a page of `list_sources` is out of)."""
    query = select(func.count()).select_from(Source).where(col(Source.id) > after_id)
    return session.exec(query).one()


def get_source(session: Session, source_id: int) -> SourceRow:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(
            f"no source with id {source_id}",
            where="source",
            hint="list them with `workbench sources`",
        )
    return _source_row(source, source_status_counts(session, source_id))


def source_text(session: Session, source_id: int) -> str:
    text = session.exec(select(Source.text).where(col(Source.id) == source_id)).first()
    if text is None:
        raise NotFound(f"no source with id {source_id}", where="source")
    return text
