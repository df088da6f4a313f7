"""Following everyone's changes on the review screen: rows, counts and sources within seconds.

Every `poll_seconds` (and at once after our own writes) one worker reads the history watermark;
only when it moved does it read what changed (services/feed.py) and the screen re-draws the
changed rows it holds, moves the counts by the changes' deltas and re-reads the changed sources'
counts. A tick with no change costs one primary-key lookup, whatever the database's size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message

from workbench.errors import WorkbenchError
from workbench.services.feed import Changes
from workbench.tui.screens.review_writes import ReviewWrites
from workbench.tui.widgets.source_list import SourceList
from workbench.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from workbench.tui.screens.review import ReviewScreen


class ReviewFeed(ReviewWrites):
    """The base of ReviewScreen that keeps what is on screen true while others work."""

    feed_watermark: int | None = None  # the history id the counts on screen are true at

    class ChangesRead(Message):
        def __init__(self, changes: Changes) -> None:
            super().__init__()
            self.changes = changes

    def check_changes(self: ReviewScreen) -> None:
        """Look for changes now (a poll tick, or right after one of our own writes)."""
        if self.feed_watermark is None:
            return  # no count yet: it brings the first watermark
        held = set(self.statements.window.positions)
        top = int(self.statements.scroll_offset.y)
        visible = [
            r.id
            for p in range(top, top + self.statements.size.height)
            if (r := self.statements.window.get(p)) is not None
        ]
        self._read_changes(self.feed_watermark, held, visible)

    @work(thread=True, exclusive=True, group="feed", exit_on_error=False)
    def _read_changes(self: ReviewScreen, since: int, held: set[int], visible: list[int]) -> None:
        try:
            changes = self.store.changes(self.filter, since, held, visible)
        except WorkbenchError:
            return  # the next tick tries again
        if changes.until != since:
            self.post_message(self.ChangesRead(changes))

    @on(ChangesRead)
    def _apply_changes(self: ReviewScreen, message: ReviewFeed.ChangesRead) -> None:
        changes = message.changes
        if changes.since != self.feed_watermark:
            return  # a count or another read has moved the watermark meanwhile
        self.feed_watermark = changes.until
        sources = self.query_one(SourceList)
        for source_id, counts in changes.source_counts.items():
            sources.set_counts(source_id, counts)
        current = self.statements.current
        for row in changes.rows:
            shown = self.statements.window.row_of(row.id)
            if self.writing(row.id) or shown is None:
                continue
            newer = shown.version < row.version
            if not newer and row.holder in (None, shown.holder):
                continue
            self.statements.replace_row(row)
            if (
                newer
                and current is not None
                and current.id == row.id
                and row.updated_by != self.analyst
            ):
                self.notify(f"#{row.id} was changed by {row.updated_by}", title="Updated")
        if current is not None and current.id in changes.changed_ids:
            self._load_detail(current.id)  # a note or evidence does not change the row
        if changes.recount:
            self._count(self.statements.generation, self.filter)
            return
        if self.counts:
            for status, delta in changes.counts_delta.items():
                self.counts[status] = max(0, self.counts.get(status, 0) + delta)
            self._draw_title()
        if self.unverified_total is not None and changes.unverified_delta:
            self.unverified_total = max(0, self.unverified_total + changes.unverified_delta)
            self.query_one(StatusLine).set_unverified(self.unverified_total)
