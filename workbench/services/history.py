"""The append-only history: one event per changed field, in the caller's transaction."""

from __future__ import annotations

from sqlalchemy import insert
from sqlmodel import Session, col, select

from workbench.db.models import ChangeEvent, utc_now
from workbench.db.views import HistoryEntry
from workbench.ingest.decoding import check_control_characters

_INSERT_EVENT = insert(ChangeEvent.__table__)  # type: ignore[attr-defined]


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

    Every analyst-typed value (a note, a corrected speaker or content, an evidence title) passes
    through here, so this is where control characters are refused: an ESC sequence in a note
    would recolour or clear the terminals of everyone who reads the history, and PostgreSQL
    refuses NUL outright. Refusing raises inside the caller's transaction: nothing is kept.
    """
    if isinstance(new, str):
        check_control_characters(new, where=field)
    check_control_characters(note, where="note")
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
    """Every event about one statement (and its evidence), in the order things happened.

    By time, then id: events imported from a colleague's database keep the moment they
    happened there, but arrive with later ids than this database's own later events (ids are
    the order events were recorded here, which is what the audit chain seals)."""
    query = (
        select(ChangeEvent)
        .where(col(ChangeEvent.statement_id) == statement_id)
        .order_by(col(ChangeEvent.id))  # the (statement_id, id) index: never a scan by time
    )
    entries = [_entry(event) for event in session.exec(query)]
    return sorted(entries, key=lambda e: (e.at, e.id))  # a statement has few events
