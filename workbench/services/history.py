"""The append-only history: one event per changed field, in the caller's transaction."""

from __future__ import annotations

from sqlalchemy import insert
from sqlmodel import Session, col, select

from workbench.db.models import ChangeEvent, utc_now
from workbench.db.views import HistoryEntry

_INSERT_EVENT = insert(ChangeEvent.__table__)  # type: ignore[arg-type]


def record_change(
    session: Session,
    *,
    analyst: str,
    entity: str,
    entity_id: int,
    field: str,
    old: object = None,
    new: object = None,
    note: str = "",
    statement_id: int | None = None,
) -> None:
    """Add one history event; it commits (or rolls back) with the change it describes.

    A Core INSERT, not session.add(): history is written on every keypress of a verdict, and the
    ORM's unit of work would double the cost of the whole change.
    """
    session.connection().execute(
        _INSERT_EVENT,
        dict(
            at=utc_now(),
            analyst=analyst,
            entity=entity,
            entity_id=entity_id,
            statement_id=statement_id,
            field=field,
            old=None if old is None else str(old),
            new=None if new is None else str(new),
            note=note,
        ),
    )


def _entry(event: ChangeEvent) -> HistoryEntry:
    assert event.id is not None
    return HistoryEntry(
        id=event.id,
        at=event.at,
        analyst=event.analyst,
        entity=event.entity,
        entity_id=event.entity_id,
        statement_id=event.statement_id,
        field=event.field,
        old=event.old,
        new=event.new,
        note=event.note,
    )


def statement_history(session: Session, statement_id: int) -> list[HistoryEntry]:
    """Every event about one statement (and its evidence), oldest first."""
    query = (
        select(ChangeEvent)
        .where(col(ChangeEvent.statement_id) == statement_id)
        .order_by(col(ChangeEvent.id))
    )
    return [_entry(event) for event in session.exec(query)]
