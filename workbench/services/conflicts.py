"""Resolving a recorded disagreement: an analyst decides which value stands.

A conflict is never resolved by the machine. Keeping the incoming value changes the statement
through the normal verdict path (compare-and-swap, history); either way the conflict row records
who decided, when and what, and a history event on the statement says so.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col

from workbench.db.models import Conflict, utc_now
from workbench.errors import InvalidInput, NotFound, StaleEdit
from workbench.services.changes import Correct, Dismiss, SetStatus, apply_change
from workbench.services.history import record_change
from workbench.services.import_fields import GROUPS

CHOICES = ("here", "incoming")


def _taking(conflict: Conflict, value: str, why: str) -> Any:
    """The change that gives the statement the incoming value of the conflict's field, made
    on the typed path like any analyst's (compare-and-swap, history)."""
    sid = conflict.statement_id
    if conflict.field == "status":
        return SetStatus(sid, value, why, override=True)  # chosen openly: not silent
    if conflict.field == "dismissed":
        return Dismiss(sid, dismissed=value.lower() == "true", note=why)
    if conflict.field in GROUPS:  # the corrections an import reconciles
        return Correct(sid, **{conflict.field: value}, note=why)
    raise InvalidInput(  # a field some later version records: not settled blindly
        f"conflicts on '{conflict.field}' cannot be resolved here yet", where="conflict"
    )


def resolve_conflict(
    session: Session, *, conflict_id: int, keep: str, analyst: str, note: str = ""
) -> str:
    """Settle conflict `conflict_id` by keeping the local ("here") or the incoming value.

    Returns the value that now stands.
    """
    if keep not in CHOICES:
        raise InvalidInput(f"unknown choice '{keep}'", where="keep", hint="use here or incoming")
    conflict = session.get(Conflict, conflict_id)
    if conflict is None:
        raise NotFound(
            f"no conflict with id {conflict_id}",
            where="conflict",
            hint="list them with `workbench conflicts`",
        )
    if conflict.resolved_at is not None:
        raise InvalidInput(
            f"conflict {conflict_id} was already resolved by {conflict.resolved_by}",
            where="conflict",
        )
    chosen = conflict.local_value if keep == "here" else conflict.incoming_value
    what = "verdict" if conflict.field == "status" else conflict.field
    why = note or (
        f"conflict {conflict_id}: kept the "
        + (f"local {what}" if keep == "here" else f"{what} of {conflict.incoming_analyst}")
    )
    if keep == "incoming" and chosen is not None:
        apply_change(session, _taking(conflict, chosen, why), analyst=analyst)
    result = session.execute(
        update(Conflict)
        .where(col(Conflict.id) == conflict_id, col(Conflict.version) == conflict.version)
        .values(
            resolved_at=utc_now(),
            resolved_by=analyst,
            resolution=chosen,
            version=conflict.version + 1,
        )
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleEdit(
            f"conflict {conflict_id} was resolved by someone else meanwhile", where="conflict"
        )
    record_change(
        session,
        analyst=analyst,
        entity="conflict",
        entity_id=conflict_id,
        statement_id=conflict.statement_id,
        field="conflict",
        old=f"{conflict.local_value} here vs {conflict.incoming_value} incoming",
        new=chosen,
        note=why,
    )
    return chosen or ""
