"""The analyst's changes on the review screen: verdicts with auto-advance, forms, undo.

Each key builds a typed change (`services.changes`) and hands it to the `WriteQueue`. Writes are
never cancelled or dropped: each runs in its own non-exclusive thread worker. Changes to one
statement run one after another (the next starts with the version the previous one committed),
so a fast "c" then "d" can never turn into a StaleEdit against ourselves; a change by someone
else still does, and is shown, not overwritten.

`ReviewWrites` is the base of the review screen. It declares what it uses of the screen (the
list, the store, the filter, the reads it triggers) instead of importing its subclass.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from time import perf_counter
from typing import Any

from textual import on, work
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker

from workbench.config import Settings
from workbench.db.engine import Database
from workbench.db.views import EvidenceView, StatementDetail, StatementRow
from workbench.errors import StaleEdit, WorkbenchError
from workbench.services.actor_changes import MergeActor, MergeActorOf, SplitActor
from workbench.services.changes import (
    AddEvidence,
    AddNote,
    Applied,
    Correct,
    Dismiss,
    EditEvidence,
    Merge,
    SetStatus,
    Split,
)
from workbench.services.statements import StatementFilter
from workbench.services.verdict_rules import OverrideNeeded
from workbench.tui.failures import report_worker_error
from workbench.tui.links import open_link
from workbench.tui.modals.choice import ConfirmModal, LinkPicker
from workbench.tui.modals.forms import (
    ActorMergeForm,
    EditForm,
    EvidenceForm,
    NoteForm,
    OverrideForm,
    RowForm,
    SplitForm,
)
from workbench.tui.store import ReviewStore
from workbench.tui.widgets.statement_list import StatementList
from workbench.tui.writes import PendingWrite, WriteQueue, perform, undo_of

READ_ONLY = "Read-only database: {what} is disabled, nothing can be written here."
Typed = Mapping[str, Any]
# Each form, and the change built from what was typed in it; a refused write reopens the form
# with what was typed.
FORMS: dict[str, tuple[type[RowForm], Callable[[int, Typed], Any]]] = {
    "evidence": (
        EvidenceForm,
        lambda sid, v: AddEvidence(
            sid, v["url"], v.get("title", ""), v.get("relation", "supports"), v.get("excerpt", "")
        ),
    ),
    "note": (NoteForm, lambda sid, v: AddNote(sid, v["text"])),
    "correct": (EditForm, lambda sid, v: Correct(sid, **v)),
    "split": (SplitForm, lambda sid, v: Split(sid, v["at"])),
    "actor": (ActorMergeForm, lambda sid, v: MergeActorOf(sid, v["into"])),
}
FORM_OF_CHANGE = {
    AddEvidence: "evidence",
    AddNote: "note",
    Correct: "correct",
    Split: "split",
    MergeActorOf: "actor",
}
# Changes that redraw other rows than their own (a merge of statements, of actors).
RELOADS_LIST = (Split, Merge, MergeActor, SplitActor)


class ReviewWrites(Screen[None]):
    """The base of ReviewScreen: everything that changes the database."""

    # What the screen provides (set in its __init__ and on_mount).
    db: Database
    analyst: str
    settings: Settings
    store: ReviewStore
    statements: StatementList
    filter: StatementFilter
    detail: StatementDetail | None

    def apply_filter(self, flt: StatementFilter, *, keep_id: int | None = None) -> None:
        raise NotImplementedError

    def _load_detail(self, statement_id: int) -> None:
        raise NotImplementedError

    def check_changes(self) -> None:
        """Refresh every visible row and count another analyst (or this one) changed."""
        raise NotImplementedError

    def row_changed(self, row: StatementRow) -> None:
        """Another analyst's (or a refused write's) version of a row arrived."""
        raise NotImplementedError

    class Written(Message):
        def __init__(
            self,
            pending: PendingWrite,
            applied: Applied,
            committed_at: float,
            next_id: int | None,
            is_undo: bool,
        ) -> None:
            super().__init__()
            self.pending, self.applied, self.committed_at = pending, applied, committed_at
            self.next_id, self.is_undo = next_id, is_undo

    class WriteFailed(Message):
        def __init__(
            self,
            pending: PendingWrite,
            stale: bool,
            error: str = "",
            is_undo: bool = False,
            ask_override: bool = False,
            between: tuple[str, str] | None = None,
        ):
            super().__init__()
            self.pending, self.stale, self.error, self.is_undo = pending, stale, error, is_undo
            self.ask_override = ask_override  # the verdict replaces a colleague's: ask first
            self.between = between  # or it decides these two analysts' disagreement

    class Located(Message):
        def __init__(self, statement_id: int, position: int) -> None:
            super().__init__()
            self.statement_id, self.position = statement_id, position

    def init_writes(self) -> None:
        self.queue = WriteQueue()
        self.marked_id: int | None = None
        self.last_commit: tuple[PendingWrite, float] | None = None  # for benchmarks and tests

    def writing(self, statement_id: int) -> bool:
        return self.queue.writing(statement_id)

    @property
    def undo_stack(self) -> list[PendingWrite]:
        return self.queue.undo_stack

    # -- helpers ---------------------------------------------------------------------------

    def _writable_row(self, what: str) -> StatementRow | None:
        """The highlighted row if a change is possible, else a message saying why not."""
        if self.db.read_only:
            self.notify(READ_ONLY.format(what=what), title="Read-only", severity="warning")
            return None
        row = self.statements.current
        if row is None:
            self.notify("No statement is highlighted.", severity="warning")
        return row

    def submit(self, pending: PendingWrite, *, is_undo: bool = False) -> None:
        """Run now, or after the change already running on the same statement."""
        if not self.queue.start(pending, is_undo):
            return
        shown = self.statements.window.row_of(pending.statement_id)
        version = shown.version if shown is not None else pending.version
        self._write(pending, version, is_undo)

    @work(thread=True, exit_on_error=False, group="writes")  # never exclusive: never drop a write
    def _write(self, pending: PendingWrite, version: int | None, is_undo: bool) -> None:
        try:
            applied = perform(self.db, self.analyst, pending, version)
        except OverrideNeeded as error:  # not a failure: a question for the analyst
            failed = self.WriteFailed(
                pending, False, error.message, is_undo, ask_override=True, between=error.between
            )
            self.post_message(failed)
            return
        except WorkbenchError as error:
            stale = isinstance(error, StaleEdit)
            self.app.notify(error.one_line(), title="Not saved", severity="error")
            self.post_message(self.WriteFailed(pending, stale, error.one_line(), is_undo))
            return
        except Exception as error:
            # A bug: the App shows it as an unexpected error, but the statement must not stay
            # "in flight" (later changes to it would wait forever) nor show an unsaved verdict.
            failed = self.WriteFailed(pending, False, f"{type(error).__name__}: {error}")
            self.post_message(failed)
            raise
        committed_at = perf_counter()
        next_id = None
        if pending.advance_from is not None:
            try:
                next_id = self.store.next_unverified(self.filter, pending.advance_from)
            except WorkbenchError:
                next_id = None
        self.post_message(self.Written(pending, applied, committed_at, next_id, is_undo))

    @on(Written)
    def _show_written(self, message: ReviewWrites.Written) -> None:
        applied, pending = message.applied, message.pending
        sid = pending.statement_id
        self.last_commit = (pending, message.committed_at)
        self.check_changes()  # counts and sources follow our change as anyone's
        undo = undo_of(applied)
        if undo is not None and not message.is_undo:
            self.undo_stack.append(undo)
        for row in applied.rows:
            self.statements.replace_row(row)
        following = self.queue.finished(sid)
        if following is not None:
            self.submit(following[0], is_undo=following[1])
        remark = f" · {applied.remark}" if applied.remark else ""
        self.query_one("#status-line").say(f"saved: {applied.message}{remark}")
        if isinstance(applied.change, RELOADS_LIST):
            self.apply_filter(self.filter, keep_id=sid)
        elif self.statements.current is not None and self.statements.current.id == sid:
            self._load_detail(sid)
        current = self.statements.current
        if message.next_id is not None and current is not None and current.id == sid:
            self._go_to(message.next_id)

    @on(WriteFailed)
    def _show_failure(self, message: ReviewWrites.WriteFailed) -> None:
        pending = message.pending
        sid = pending.statement_id
        dropped = self.queue.failed(sid)
        if dropped:
            self.notify(
                f"{dropped} later change(s) to #{sid} were not "
                "applied: check the statement and redo them",
                severity="warning",
            )
        shown = self.statements.window.row_of(sid)
        is_verdict = isinstance(pending.change, SetStatus)
        if is_verdict and pending.was is not None and shown is not None:
            self.statements.replace_row(replace(shown, status=pending.was))  # not saved
        if message.stale or is_verdict:
            self._refresh_row(sid)
        if is_verdict:  # decide again while looking at it, not at the next one
            self._go_to(sid)
        if message.ask_override and isinstance(pending.change, SetStatus) and shown is not None:
            self._ask_override(pending, shown, message.error, message.between)
        form_kind = FORM_OF_CHANGE.get(type(pending.change))
        if form_kind is not None and not message.is_undo and pending.row is not None:
            form = FORMS[form_kind][0]
            self.app.push_screen(
                form(pending.row, dict(pending.typed), message.error),
                partial(self._submit_form, form_kind, pending.label, pending.row),
            )

    def _ask_override(
        self,
        pending: PendingWrite,
        row: StatementRow,
        refusal: str,
        between: tuple[str, str] | None,
    ) -> None:
        change = pending.change
        assert isinstance(change, SetStatus)

        def answered(values: Typed | None) -> None:
            if not values:
                self.notify(f"#{row.id} left as it was.")
                return
            again = replace(change, override=True, note=values["note"])
            self.submit(PendingWrite(again, "override", was=pending.was))

        self.app.push_screen(OverrideForm(row, change.status, refusal, between), answered)

    @on(Worker.StateChanged)
    def _report_worker_error(self, event: Worker.StateChanged) -> None:
        report_worker_error(self, event)  # the message does not bubble to the App

    @work(thread=True, group="writes-reload", exit_on_error=False)
    def _refresh_row(self, statement_id: int) -> None:
        try:
            row = self.store.row(statement_id)
        except WorkbenchError:
            return
        self.row_changed(row)

    def _go_to(self, statement_id: int) -> None:
        if self.statements.window.position_of(statement_id) is not None:
            self.statements.jump_to(statement_id, None)
        else:
            self._locate(statement_id)

    @work(thread=True, exclusive=True, group="locate", exit_on_error=False)
    def _locate(self, statement_id: int) -> None:
        try:
            position = self.store.locate(self.filter, statement_id)
        except WorkbenchError as error:
            self.app.notify(error.one_line(), severity="error")
            return
        self.post_message(self.Located(statement_id, position))

    @on(Located)
    def _jump(self, message: ReviewWrites.Located) -> None:
        self.statements.jump_to(message.statement_id, message.position)

    # -- verdicts, undo, navigation --------------------------------------------------------

    def action_set_status(self, status: str) -> None:
        row = self._writable_row(f"marking {status}")
        if row is None:
            return
        advance = self.settings.advance_after_verdict and status != "unverified"
        self.statements.window.replace(replace(row, status=status))  # shown at once
        self.statements.refresh()
        advance_from = None
        if advance:
            target = self.statements.window.next_unverified(self.statements.cursor)
            if target is not None:
                self.statements.move_to(target)
            else:
                advance_from = row.id
        change = SetStatus(row.id, status)
        label = f"mark {status}"
        self.submit(PendingWrite(change, label, was=row.status, advance_from=advance_from))

    def action_undo(self) -> None:
        if self.db.read_only:
            self.notify(READ_ONLY.format(what="undo"), severity="warning")
            return
        if not self.undo_stack:
            self.notify("Nothing to undo (notes, splits and merges stay in the history).")
            return
        pending = self.undo_stack.pop()
        self._go_to(pending.statement_id)
        self.submit(pending, is_undo=True)

    def action_next_unverified(self) -> None:
        current = self.statements.current
        target = self.statements.window.next_unverified(self.statements.cursor)
        if target is not None:
            self.statements.move_to(target)
        else:
            self._find_next(current.id if current else 0)

    @work(thread=True, exclusive=True, group="locate", exit_on_error=False)
    def _find_next(self, after_id: int) -> None:
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

    def _open_form(self, kind: str, label: str, what: str) -> None:
        if (row := self._writable_row(what)) is not None:
            self.app.push_screen(FORMS[kind][0](row), partial(self._submit_form, kind, label, row))

    def _submit_form(self, kind: str, label: str, row: StatementRow, values: Typed | None) -> None:
        if values:
            change = FORMS[kind][1](row.id, values)
            self.submit(PendingWrite(change, label, row=row, typed=dict(values)))

    def action_add_evidence(self) -> None:
        self._open_form("evidence", "add evidence", "adding evidence")

    def action_add_note(self) -> None:
        self._open_form("note", "note", "adding a note")

    def action_edit_statement(self) -> None:
        self._open_form("correct", "edit", "editing")

    def action_split_statement(self) -> None:
        self._open_form("split", "split", "splitting")

    def action_merge_actor(self) -> None:
        self._open_form("actor", "merge actor", "merging actors")

    def action_dismiss_statement(self) -> None:
        if (row := self._writable_row("dismissing")) is not None:
            flag = not row.dismissed
            self.submit(PendingWrite(Dismiss(row.id, flag), "dismiss"))

    def action_merge_statement(self) -> None:
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
                change = Merge(marked, row.id, merge_version)
                self.submit(PendingWrite(change, "merge"))

        where = keep.content[:60] if keep else ""
        self.app.push_screen(
            ConfirmModal(f"Merge #{row.id} ({row.content[:60]}) into #{marked} ({where})?"), answer
        )

    def unmark(self) -> None:
        self.marked_id = None
        self.statements.marked_id = None
        self.statements.refresh()

    def action_edit_evidence(self) -> None:
        row = self._writable_row("editing evidence")
        detail = self.detail
        if row is None:
            return
        if detail is None or detail.row.id != row.id or not detail.evidence:
            self.notify("No evidence link on this statement yet: e adds one.")
            return

        def edit(link: EvidenceView) -> None:
            shown = {"url": link.url, "title": link.title, "excerpt": link.excerpt}
            shown["relation"] = link.relation

            def submitted(typed: Typed | None) -> None:
                if typed:
                    change = EditEvidence(row.id, link.id, evidence_version=link.version, **typed)
                    self.submit(PendingWrite(change, "edit evidence", row=row, typed=typed))

            self.app.push_screen(EvidenceForm(row, shown), submitted)

        if len(detail.evidence) == 1:
            edit(detail.evidence[0])
            return
        by_url = {link.url: link for link in detail.evidence}
        self.app.push_screen(
            LinkPicker(detail.evidence, prompt="Edit which link?"),
            lambda url: edit(by_url[url]) if url else None,
        )

    def action_open_evidence(self) -> None:
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
