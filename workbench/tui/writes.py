"""The analyst's changes as values: what to do, how to do it, and how to undo it.

A `WriteOp` is made on the event loop from what is on screen; `perform` runs it on a worker
thread in one transaction through the review services (which record the history) and returns
the rows to redraw plus the op that would undo it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.services import evidence, review
from workbench.services.statements import get_statement_row

UNDOABLE = ("status", "dismiss", "evidence", "unevidence", "correct")


@dataclass(frozen=True)
class WriteOp:
    """One change to one statement (`merge` also names the statement folded into it)."""

    kind: str  # status | note | evidence | unevidence | correct | dismiss | split | merge
    statement_id: int
    args: dict[str, Any] = field(default_factory=dict, hash=False)
    label: str = ""
    # The version to expect when the statement is no longer on screen (an undo after the filter
    # changed): without it the write would apply to whatever version is there, unchecked.
    version: int | None = field(default=None, compare=False)
    # The row a form was filled in on, to reopen the form if the write is refused.
    row: StatementRow | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class WriteResult:
    op: WriteOp
    rows: tuple[StatementRow, ...]  # changed or new rows, to redraw
    undo: WriteOp | None
    message: str


def perform(db: Database, analyst: str, op: WriteOp, version: int | None) -> WriteResult:
    """Apply `op` if the statement is still at `version` (StaleEdit otherwise)."""
    a = op.args
    sid = op.statement_id
    with db.transaction() as session:
        if op.kind == "status":
            before = get_statement_row(session, sid)
            row = review.set_status(
                session,
                statement_id=sid,
                status=a["status"],
                analyst=analyst,
                seen_version=version,
                note=a.get("note", ""),
            )
            undo = WriteOp(
                "status", sid, {"status": before.status}, f"status {before.status}", row.version
            )
            return WriteResult(op, (row,), undo, f"#{sid} {row.status}")
        if op.kind == "note":
            review.add_note(session, statement_id=sid, text=a["text"], analyst=analyst)
            return WriteResult(op, (get_statement_row(session, sid),), None, "note added")
        if op.kind == "evidence":
            view = evidence.add_evidence(
                session,
                statement_id=sid,
                url=a["url"],
                analyst=analyst,
                title=a.get("title", ""),
                relation=a.get("relation", "supports"),
                excerpt=a.get("excerpt", ""),
            )
            undo = WriteOp("unevidence", sid, {"evidence_id": view.id}, "remove evidence")
            row = get_statement_row(session, sid)
            return WriteResult(op, (row,), undo, f"evidence added ({view.relation})")
        if op.kind == "unevidence":
            evidence.remove_evidence(session, evidence_id=a["evidence_id"], analyst=analyst)
            row = get_statement_row(session, sid)
            return WriteResult(op, (row,), None, "evidence removed")
        if op.kind == "correct":
            before = get_statement_row(session, sid)
            row = review.correct_statement(
                session, statement_id=sid, analyst=analyst, seen_version=version, **a
            )
            old = {
                "speaker": before.speaker or "",
                "actor": before.actor,
                "stance": before.stance,
                "content": before.content,
                "proposition": before.proposition,
            }
            args = {k: old[k] for k in a if k in old}
            undo = WriteOp("correct", sid, args, "edit back", row.version)
            return WriteResult(op, (row,), undo, f"#{sid} corrected")
        if op.kind == "dismiss":
            row = review.dismiss_statement(
                session,
                statement_id=sid,
                analyst=analyst,
                seen_version=version,
                dismissed=a.get("dismissed", True),
            )
            undo = WriteOp("dismiss", sid, {"dismissed": not row.dismissed}, "restore", row.version)
            word = "dismissed" if row.dismissed else "restored"
            return WriteResult(op, (row,), undo, f"#{sid} {word}")
        if op.kind == "split":
            first, second = review.split_statement(
                session, statement_id=sid, at=a["at"], analyst=analyst, seen_version=version
            )
            return WriteResult(op, (first, second), None, f"#{sid} split; new #{second.id}")
        if op.kind == "merge":
            row = review.merge_statements(
                session,
                keep_id=sid,
                merge_id=a["merge_id"],
                analyst=analyst,
                keep_version=version,
                merge_version=a.get("merge_version"),
            )
            return WriteResult(op, (row,), None, f"#{a['merge_id']} merged into #{sid}")
    raise ValueError(f"unknown write {op.kind}")
