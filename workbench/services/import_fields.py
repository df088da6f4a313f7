"""Corrections that travel: what an import does with the fields of a statement both databases
hold (speaker, actor, stance, content with its offsets, proposition, dismissal).

A field is taken from the file only when the file's history shows an analyst changed it over
there and nobody changed it here; changed on both sides, it becomes a `Conflict` for an analyst
to settle, and the file's events about it are left out, so the history never says a field was
set to a value the statement does not hold. A field that differs without a change over there
(changed here, or a different extractor version) keeps the local value. Status is settled
separately (`import_merge.reconcile_status`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from workbench.db.models import ChangeEvent, Conflict, Statement, utc_now
from workbench.db.views import StatementRow
from workbench.errors import StaleEdit
from workbench.services.import_merge import record_conflict
from workbench.services.statements import get_statement_row

# Each group of columns, and the history fields that change it (a split or a merge rewrites the
# content, its offsets and the proposition together).
GROUPS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "speaker": (("speaker",), frozenset({"speaker"})),
    "actor": (("actor_id",), frozenset({"actor"})),
    "stance": (("stance",), frozenset({"stance"})),
    "content": (
        ("content", "content_start", "content_end", "proposition"),
        frozenset({"content", "split", "merge", "merged"}),
    ),
    "proposition": (("proposition",), frozenset({"proposition"})),
    "dismissed": (("dismissed",), frozenset({"dismissed"})),
}


def reconcile_fields(
    session: Session,
    statement_id: int,
    incoming: dict[str, Any],
    incoming_fields: set[str],
    *,
    actor_name: Callable[[int | None], str | None],
    analyst: str,
    at: datetime | None,
    origin: str,
) -> tuple[int, set[str]]:
    """Take what changed over there only, record what changed on both sides.

    `incoming` holds the file's column values, `incoming_fields` the fields its history
    changed. Returns how many conflicts were recorded and the history fields to leave out.
    """
    row = get_statement_row(session, statement_id)
    local = _columns(session, statement_id)
    changed_here = _fields_changed_here(session, statement_id)
    taken: dict[str, Any] = {}
    conflicts, skipped = 0, set()
    for name, (columns, fields) in GROUPS.items():
        if all(incoming[c] == local[c] for c in columns) or not fields & incoming_fields:
            continue
        if fields & changed_here:
            shown = (
                (actor_name(local["actor_id"]), actor_name(incoming["actor_id"]))
                if name == "actor"
                else (str(local[columns[0]]), str(incoming[columns[0]]))
            )
            conflict = Conflict(
                statement_id=statement_id,
                field=name,
                local_value=shown[0],
                incoming_value=shown[1],
                incoming_analyst=analyst,
                incoming_at=at,
                origin=origin,
                created_at=utc_now(),
            )
            conflicts += record_conflict(session, conflict)
            skipped |= fields
            continue
        taken.update({c: incoming[c] for c in columns})
    if taken:
        _take(session, row, taken, analyst)
    return conflicts, skipped


def _columns(session: Session, statement_id: int) -> dict[str, Any]:
    names = sorted({c for columns, _f in GROUPS.values() for c in columns})
    found = session.execute(
        select(*(getattr(Statement, n) for n in names)).where(col(Statement.id) == statement_id)
    ).one()
    return dict(zip(names, found, strict=True))


def _fields_changed_here(session: Session, statement_id: int) -> set[str]:
    return set(
        session.execute(
            select(ChangeEvent.field).where(col(ChangeEvent.statement_id) == statement_id)
        ).scalars()
    )


def _take(session: Session, row: StatementRow, values: dict[str, Any], analyst: str) -> None:
    """The row takes the file's values; the events saying so come from the file's history."""
    result = session.execute(
        update(Statement)
        .where(col(Statement.id) == row.id, col(Statement.version) == row.version)
        .values(**values, version=row.version + 1, updated_at=utc_now(), updated_by=analyst)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]  # another writer, mid-import
        raise StaleEdit.of(
            "statement", row.id, by=row.updated_by, now=row.version + 1, seen=row.version
        )
