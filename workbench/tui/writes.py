"""The review screen's write queue: typed changes waiting, running, and their undo.

The screen builds a `services.changes` change from what is on screen and wraps it in a
`PendingWrite` (what the screen needs to show it: a label, the row a form was filled in on, the
status shown before the write landed). `perform` applies it in one transaction on a worker
thread. `WriteQueue` keeps changes to one statement in order (the next starts with the version
the previous one committed), so a fast "c" then "d" never turns into a StaleEdit against
ourselves. Nothing here knows the screen: it is plain Python, tested without Textual.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.services.changes import Applied, Change, apply_change


@dataclass(frozen=True)
class PendingWrite:
    """One change as the screen queued it."""

    change: Change
    label: str = ""
    # The version to expect when the statement is no longer on screen (an undo after the filter
    # changed): without it the write would apply to whatever version is there, unchecked.
    version: int | None = field(default=None, compare=False)
    # The row a form was filled in on, and what was typed, to reopen the form if refused.
    row: StatementRow | None = field(default=None, compare=False, repr=False)
    typed: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # The status shown before a verdict was drawn optimistically: put back if it is refused.
    was: str | None = None
    # A verdict on the last unverified row on screen: find the next one once it is saved.
    advance_from: int | None = None

    @property
    def statement_id(self) -> int:
        return self.change.statement_id


def perform(db: Database, analyst: str, pending: PendingWrite, version: int | None) -> Applied:
    """Apply the change if the statement is still at `version` (StaleEdit otherwise)."""
    with db.transaction() as session:
        return apply_change(session, pending.change, analyst=analyst, expected_version=version)


def undo_of(applied: Applied) -> PendingWrite | None:
    """The pending write that takes `applied` back, expecting the version it committed."""
    if applied.undo is None:
        return None
    return PendingWrite(applied.undo, "undo", version=applied.undo_version)


class WriteQueue:
    """Changes in flight per statement, the ones waiting behind them, and the undo stack."""

    def __init__(self) -> None:
        self._queued: dict[int, deque[tuple[PendingWrite, bool]]] = {}
        self._inflight: set[int] = set()
        self.undo_stack: list[PendingWrite] = []

    def writing(self, statement_id: int) -> bool:
        return statement_id in self._inflight

    def start(self, pending: PendingWrite, is_undo: bool) -> bool:
        """True if the change may run now; False if it waits behind one on the same row."""
        if pending.statement_id in self._inflight:
            self._queued.setdefault(pending.statement_id, deque()).append((pending, is_undo))
            return False
        self._inflight.add(pending.statement_id)
        return True

    def finished(self, statement_id: int) -> tuple[PendingWrite, bool] | None:
        """The row's write landed: the next change waiting on it, if any."""
        self._inflight.discard(statement_id)
        queue = self._queued.get(statement_id)
        if not queue:
            return None
        following = queue.popleft()
        if not queue:
            del self._queued[statement_id]
        return following

    def failed(self, statement_id: int) -> int:
        """The row's write was refused: later changes to it are dropped; how many."""
        self._inflight.discard(statement_id)
        return len(self._queued.pop(statement_id, ()))
