"""The work split: who holds which statement, as a kind of change on the typed path.

`Assign` goes through `apply_change` like a verdict, so an assignment is written once, in the
caller's transaction, with its history event (sealed into the audit chain with every other
event). It does not bump the statement's version: holding a statement is not a change to it,
and an analyst mid-verdict must not get a stale-edit refusal because a lead re-split the work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from workbench.db.models import Assignment, utc_now
from workbench.db.views import StatementRow
from workbench.errors import InvalidInput
from workbench.services.changes import Applied, check_seen, handles
from workbench.services.history import record_change
from workbench.services.statements import get_statement_row


@dataclass(frozen=True)
class Assign:
    """Give a statement to an analyst (`to`), or release it (`to=None`)."""

    statement_id: int
    to: str | None


def holder(session: Session, statement_id: int) -> str | None:
    """Who holds a statement now, if anyone."""
    query = select(col(Assignment.analyst)).where(col(Assignment.statement_id) == statement_id)
    return session.connection().execute(query).scalar_one_or_none()


def holders(session: Session, statement_ids: list[int]) -> dict[int, str]:
    """Statement id -> holder, for a page of rows (the TUI's "held by" column)."""
    if not statement_ids:
        return {}
    query = select(col(Assignment.statement_id), col(Assignment.analyst)).where(
        col(Assignment.statement_id).in_(statement_ids)
    )
    return {sid: name for sid, name in session.connection().execute(query)}


def with_holders(session: Session, rows: Sequence[StatementRow]) -> list[StatementRow]:
    """The rows with their holder filled in ("" for nobody), for lists that show it."""
    held = holders(session, [row.id for row in rows])
    return [replace(row, holder=held.get(row.id, "")) for row in rows]


@handles(Assign)
def _assign(session: Session, c: Assign, analyst: str, seen: int | None) -> Applied:
    row = get_statement_row(session, c.statement_id)
    check_seen(row, seen, hint="reload it and assign again; nothing was changed")
    to = c.to.strip() if c.to is not None else None
    if to == "":
        raise InvalidInput("the analyst name is empty", where="--to", hint="name an analyst")
    before = holder(session, row.id)
    if before == to:
        return Applied(c, (row,), row, None, row.version, f"statement {row.id}: unchanged")
    connection = session.connection()
    connection.execute(delete(Assignment).where(col(Assignment.statement_id) == row.id))
    if to is not None:
        connection.execute(
            insert(Assignment).values(
                statement_id=row.id, analyst=to, assigned_by=analyst, assigned_at=utc_now()
            )
        )
    record_change(
        session,
        analyst=analyst,
        entity="statement",
        entity_id=row.id,
        statement_id=row.id,
        field="assigned",
        old=before,
        new=to,
    )
    said = f"statement {row.id} assigned to {to}" if to else f"statement {row.id} released"
    return Applied(c, (row,), row, Assign(row.id, before), row.version, said)
