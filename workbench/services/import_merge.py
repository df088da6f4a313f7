"""What an import decides about a statement both databases hold: take, keep or record.

A statement still unverified here takes the incoming verdict: the file's own history event
says who set it and when (imported with the statement's history); only when the file holds no
such event is one written in the incoming analyst's name, noted "imported from …". When both
databases hold a verdict and they differ, or an analyst here set the status after the incoming
decision, the disagreement is kept as a `Conflict` row for review; the local value is never
overwritten. An incoming "unverified" never replaces a local verdict. Merges (`merged_into`)
are resolved once every statement of the file is in, since a statement may name one that comes
later.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlmodel import Session, col, select

from workbench.db.models import ChangeEvent, Conflict, Statement, utc_now
from workbench.errors import InvalidInput
from workbench.services.changes import SetStatus, apply_change
from workbench.services.import_validation import utc

Outcome = Literal["taken", "conflict"] | None


def reconcile_status(
    session: Session,
    statement_id: int,
    local: str,
    incoming: str,
    analyst: str,
    at: datetime | None,
    *,
    origin: str,
    decided_here: bool | None = None,
) -> Outcome:
    """Settle an incoming status against the local one: "taken" when the verdict was set here,
    "conflict" when a new disagreement was recorded, None when nothing changed.

    `decided_here` is `decided_here_since`, asked before the file's history was imported (its
    own events are not decisions made here)."""
    if incoming == local or incoming == "unverified":
        return None
    if decided_here is None:
        decided_here = decided_here_since(session, statement_id, at)
    if local == "unverified" and not decided_here:
        if _in_history(session, statement_id, incoming, analyst):
            _set_without_event(session, statement_id, incoming, analyst)
        else:
            change = SetStatus(statement_id, incoming, note=f"imported from {origin}")
            apply_change(session, change, analyst=analyst or "import")
        return "taken"
    conflict = Conflict(
        statement_id=statement_id,
        field="status",
        local_value=local,
        incoming_value=incoming,
        incoming_analyst=analyst,
        incoming_at=at,
        origin=origin,
        created_at=utc_now(),
    )
    return "conflict" if record_conflict(session, conflict) else None


def _in_history(session: Session, statement_id: int, status: str, analyst: str) -> bool:
    """Did the file's history (imported just before) bring the event that set this status?
    Then taking the status needs no event of its own: one would record the verdict twice, and
    out of time order."""
    return (
        session.exec(
            select(ChangeEvent.id).where(
                col(ChangeEvent.statement_id) == statement_id,
                col(ChangeEvent.field) == "status",
                col(ChangeEvent.new) == status,
                col(ChangeEvent.analyst) == analyst,
            )
        ).first()
        is not None
    )


def _set_without_event(session: Session, statement_id: int, status: str, analyst: str) -> None:
    from workbench.services.statement_writes import change_row
    from workbench.services.statements import get_statement_row

    row = get_statement_row(session, statement_id)
    change_row(session, row, None, analyst, status=status)


def decided_here_since(session: Session, statement_id: int, at: datetime | None) -> bool:
    """Did an analyst here set the status (say, back to unverified) after the incoming one?"""
    events = session.exec(
        select(ChangeEvent.at).where(
            col(ChangeEvent.statement_id) == statement_id, col(ChangeEvent.field) == "status"
        )
    ).all()
    incoming = utc(at)
    return any(incoming is None or (utc(e) or incoming) > incoming for e in events)


def record_conflict(session: Session, conflict: Conflict) -> bool:
    """Add the conflict unless the same disagreement is already waiting for review (importing
    one file twice records it once); returns whether it was added."""
    existing = session.exec(
        select(Conflict.incoming_at).where(
            col(Conflict.statement_id) == conflict.statement_id,
            col(Conflict.field) == conflict.field,
            col(Conflict.incoming_value) == conflict.incoming_value,
            col(Conflict.incoming_analyst) == conflict.incoming_analyst,
            col(Conflict.resolved_at).is_(None),
        )
    ).all()
    if any(utc(seen) == utc(conflict.incoming_at) for seen in existing):
        return False
    session.add(conflict)
    return True


def resolve_merges(session: Session, merges: list[tuple[str, str, str]], origin: str) -> None:
    """Point each (statement key, merged-into key, field path) at its target, unless the
    statement here is already merged; a target missing from both databases fails the import."""
    for statement_key, key, path in merges:
        target = session.exec(select(Statement.id).where(col(Statement.key) == key)).first()
        if target is None:
            raise InvalidInput(f"field {path}: no statement with that key", where=origin)
        statement = session.exec(select(Statement).where(col(Statement.key) == statement_key)).one()
        if statement.merged_into_id is None:
            statement.merged_into_id = target
            session.add(statement)
    session.flush()
