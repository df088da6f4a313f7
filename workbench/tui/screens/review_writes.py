"""The analyst's changes on the review screen: verdicts with auto-advance, forms, undo.

Writes are never cancelled or dropped: each runs in its own non-exclusive thread worker. Changes
to one statement run one after another (the next starts with the version the previous one
committed), so a fast "c" then "d" can never turn into a StaleEdit against ourselves; a change
by someone else still does, and is shown, not overwritten.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from functools import partial
from time import perf_counter
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker

from workbench.db.views import StatementRow
from workbench.errors import StaleEdit, WorkbenchError
from workbench.tui.failures import report_worker_error
from workbench.tui.links import open_link
from workbench.tui.modals.choice import ConfirmModal, LinkPicker
from workbench.tui.modals.forms import EditForm, EvidenceForm, NoteForm, RowForm, SplitForm
from workbench.tui.writes import WriteOp, WriteResult, perform

if TYPE_CHECKING:
    from workbench.tui.screens.review import ReviewScreen

READ_ONLY = "Read-only database: {what} is disabled, nothing can be written here."
# The form behind each kind of change: a refused write reopens it with what was typed.
FORMS: dict[str, type[RowForm]] = {
    "evidence": EvidenceForm,
    "note": NoteForm,
    "correct": EditForm,
    "split": SplitForm,
}


class ReviewWrites(Screen[None]):
    """The base of ReviewScreen: everything that changes the database."""

    class Written(Message):
        def __init__(
            self, result: WriteResult, committed_at: float, next_id: int | None, is_undo: bool
        ) -> None:
            super().__init__()
            self.result, self.committed_at = result, committed_at
            self.next_id, self.is_undo = next_id, is_undo

    class WriteFailed(Message):
        def __init__(self, op: WriteOp, stale: bool, error: str = "", is_undo: bool = False):
            super().__init__()
            self.op, self.stale, self.error, self.is_undo = op, stale, error, is_undo

    class Located(Message):
        def __init__(self, statement_id: int, position: int) -> None:
            super().__init__()
            self.statement_id, self.position = statement_id, position

    def init_writes(self) -> None:
        self._queued: dict[int, deque[tuple[WriteOp, bool]]] = {}
        self._inflight: set[int] = set()
        self.undo_stack: list[WriteOp] = []
        self.marked_id: int | None = None
        self.last_commit: tuple[WriteOp, float] | None = None  # for benchmarks and tests

    def writing(self, statement_id: int) -> bool:
        return statement_id in self._inflight

    # -- helpers ---------------------------------------------------------------------------

    def _writable_row(self: ReviewScreen, what: str) -> StatementRow | None:
        """The highlighted row if a change is possible, else a message saying why not."""
        if self.db.read_only:
            self.notify(READ_ONLY.format(what=what), title="Read-only", severity="warning")
            return None
        row = self.statements.current
        if row is None:
            self.notify("No statement is highlighted.", severity="warning")
        return row

    def submit(self: ReviewScreen, op: WriteOp, *, is_undo: bool = False) -> None:
        """Run now, or after the change already running on the same statement."""
        if op.statement_id in self._inflight:
            self._queued.setdefault(op.statement_id, deque()).append((op, is_undo))
            return
        self._inflight.add(op.statement_id)
        shown = self.statements.window.row_of(op.statement_id)
        version = shown.version if shown is not None else op.version
        self._write(op, version, is_undo)

    @work(thread=True, exit_on_error=False, group="writes")  # never exclusive: never drop a write
    def _write(self: ReviewScreen, op: WriteOp, version: int | None, is_undo: bool) -> None:
        try:
            result = perform(self.db, self.analyst, op, version)
        except WorkbenchError as error:
            stale = isinstance(error, StaleEdit)
            self.app.notify(error.one_line(), title="Not saved", severity="error")
            self.post_message(self.WriteFailed(op, stale, error.one_line(), is_undo))
            return
        except Exception as error:
            # A bug: the App shows it as an unexpected error, but the statement must not stay
            # "in flight" (later changes to it would wait forever) nor show an unsaved verdict.
            self.post_message(self.WriteFailed(op, False, f"{type(error).__name__}: {error}"))
            raise
        committed_at = perf_counter()
        next_id = None
        if op.args.get("advance_from") is not None:
            try:
                next_id = self.store.next_unverified(self.filter, op.args["advance_from"])
            except WorkbenchError:
                next_id = None
        self.post_message(self.Written(result, committed_at, next_id, is_undo))

    def _next_queued(self: ReviewScreen, statement_id: int) -> None:
        self._inflight.discard(statement_id)
        queue = self._queued.get(statement_id)
        if queue:
            op, is_undo = queue.popleft()
            if not queue:
                del self._queued[statement_id]
            self.submit(op, is_undo=is_undo)

    @on(Written)
    def _show_written(self: ReviewScreen, message: ReviewWrites.Written) -> None:
        result, op = message.result, message.result.op
        self.last_commit = (op, message.committed_at)
        self.check_changes()  # counts and sources follow our change as anyone's
        if result.undo is not None and not message.is_undo:
            self.undo_stack.append(result.undo)
        for row in result.rows:
            self.statements.replace_row(row)
        self._next_queued(op.statement_id)
        self.query_one("#status-line").say(f"saved: {result.message}")
        if op.kind in ("split", "merge"):
            self.apply_filter(self.filter, keep_id=op.statement_id)
        elif self.statements.current is not None and self.statements.current.id == op.statement_id:
            self._load_detail(op.statement_id)
        current = self.statements.current
        if message.next_id is not None and current is not None and current.id == op.statement_id:
            self._go_to(message.next_id)

    @on(WriteFailed)
    def _show_failure(self: ReviewScreen, message: ReviewWrites.WriteFailed) -> None:
        dropped = self._queued.pop(message.op.statement_id, None)
        self._inflight.discard(message.op.statement_id)
        if dropped:
            self.notify(
                f"{len(dropped)} later change(s) to #{message.op.statement_id} were not "
                "applied: check the statement and redo them",
                severity="warning",
            )
        op = message.op
        shown = self.statements.window.row_of(op.statement_id)
        if op.kind == "status" and "was" in op.args and shown is not None:
            self.statements.replace_row(replace(shown, status=op.args["was"]))  # not saved
        if message.stale or op.kind == "status":
            self._refresh_row(op.statement_id)
        if op.kind == "status":  # decide again while looking at it, not at the next one
            self._go_to(op.statement_id)
        form = FORMS.get(op.kind)
        if form is not None and not message.is_undo and op.row is not None:
            self.app.push_screen(
                form(op.row, op.args, message.error), partial(self._submit_form, op)
            )

    @on(Worker.StateChanged)
    def _report_worker_error(self, event: Worker.StateChanged) -> None:
        report_worker_error(self, event)  # the message does not bubble to the App

    @work(thread=True, group="writes-reload", exit_on_error=False)
    def _refresh_row(self: ReviewScreen, statement_id: int) -> None:
        try:
            row = self.store.row(statement_id)
        except WorkbenchError:
            return
        self.post_message(self.RowChanged(row))

    def _go_to(self: ReviewScreen, statement_id: int) -> None:
        if self.statements.window.position_of(statement_id) is not None:
            self.statements.jump_to(statement_id, None)
        else:
            self._locate(statement_id)

    @work(thread=True, exclusive=True, group="locate", exit_on_error=False)
    def _locate(self: ReviewScreen, statement_id: int) -> None:
        try:
            position = self.store.locate(self.filter, statement_id)
        except WorkbenchError as error:
            self.app.notify(error.one_line(), severity="error")
            return
        self.post_message(self.Located(statement_id, position))

    @on(Located)
    def _jump(self: ReviewScreen, message: ReviewWrites.Located) -> None:
        self.statements.jump_to(message.statement_id, message.position)

    # -- verdicts, undo, navigation --------------------------------------------------------

    def action_set_status(self: ReviewScreen, status: str) -> None:
        row = self._writable_row(f"marking {status}")
        if row is None:
            return
        args: dict[str, Any] = {"status": status, "was": row.status}
        advance = self.settings.advance_after_verdict and status != "unverified"
        self.statements.window.replace(replace(row, status=status))  # shown at once
        self.statements.refresh()
        if advance:
            target = self.statements.window.next_unverified(self.statements.cursor)
            if target is not None:
                self.statements.move_to(target)
            else:
                args["advance_from"] = row.id
        self.submit(WriteOp("status", row.id, args, f"mark {status}"))

    def action_undo(self: ReviewScreen) -> None:
        if self.db.read_only:
            self.notify(READ_ONLY.format(what="undo"), severity="warning")
            return
        if not self.undo_stack:
            self.notify("Nothing to undo (notes, splits and merges stay in the history).")
            return
        op = self.undo_stack.pop()
        self._go_to(op.statement_id)
        self.submit(op, is_undo=True)

    def action_next_unverified(self: ReviewScreen) -> None:
        current = self.statements.current
        target = self.statements.window.next_unverified(self.statements.cursor)
        if target is not None:
            self.statements.move_to(target)
        else:
            self._find_next(current.id if current else 0)

    @work(thread=True, exclusive=True, group="locate", exit_on_error=False)
    def _find_next(self: ReviewScreen, after_id: int) -> None:
        try:
            found = self.store.next_unverified(self.filter, after_id)
            if found is None:
                self.app.notify("No unverified statement left under this filter.")
                return
            position = self.store.locate(self.filter, found)
        except WorkbenchError as error:
            self.app.notify(error.one_line(), severity="error")
            return
        self.post_message(self.Located(found, position))

    # -- forms -----------------------------------------------------------------------------

    def _open_form(self: ReviewScreen, kind: str, label: str, what: str) -> None:
        if (row := self._writable_row(what)) is not None:
            op = WriteOp(kind, row.id, {}, label, row=row)
            self.app.push_screen(FORMS[kind](row), partial(self._submit_form, op))

    def _submit_form(self: ReviewScreen, op: WriteOp, values: dict[str, Any] | None) -> None:
        if values:
            self.submit(replace(op, args=values))

    def action_add_evidence(self: ReviewScreen) -> None:
        self._open_form("evidence", "add evidence", "adding evidence")

    def action_add_note(self: ReviewScreen) -> None:
        self._open_form("note", "note", "adding a note")

    def action_edit_statement(self: ReviewScreen) -> None:
        self._open_form("correct", "edit", "editing")

    def action_split_statement(self: ReviewScreen) -> None:
        self._open_form("split", "split", "splitting")

    def action_dismiss_statement(self: ReviewScreen) -> None:
        if (row := self._writable_row("dismissing")) is not None:
            flag = not row.dismissed
            self.submit(WriteOp("dismiss", row.id, {"dismissed": flag}, "dismiss"))

    def action_merge_statement(self: ReviewScreen) -> None:
        row = self._writable_row("merging")
        if row is None:
            return
        marked = self.marked_id
        if marked is None or marked == row.id:
            self.marked_id = None if marked == row.id else row.id
            self.statements.marked_id = self.marked_id
            self.statements.refresh()
            if self.marked_id is not None:
                self.notify(
                    f"#{row.id} marked: move to a statement of the same source and "
                    f"press m again to merge it into #{row.id} (escape cancels)"
                )
            return
        keep = self.statements.window.row_of(marked)
        merge_version = row.version

        def answer(yes: bool | None) -> None:
            self.unmark()
            if yes:
                args = {"merge_id": row.id, "merge_version": merge_version}
                self.submit(WriteOp("merge", marked, args, "merge"))

        where = keep.content[:60] if keep else ""
        self.app.push_screen(
            ConfirmModal(f"Merge #{row.id} ({row.content[:60]}) into #{marked} ({where})?"), answer
        )

    def unmark(self: ReviewScreen) -> None:
        self.marked_id = None
        self.statements.marked_id = None
        self.statements.refresh()

    def action_open_evidence(self: ReviewScreen) -> None:
        detail = self.detail
        row = self.statements.current
        if detail is None or row is None or detail.row.id != row.id or not detail.evidence:
            self.notify("No evidence link on this statement yet: e adds one.")
            return
        if len(detail.evidence) == 1:
            open_link(self.app, detail.evidence[0].url)
            return
        self.app.push_screen(
            LinkPicker(detail.evidence), lambda url: url and open_link(self.app, url)
        )
