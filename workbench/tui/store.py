"""Every read the review screen makes, each one short unit of work through the services.

Called on worker threads only (never on the event loop), and never holds a session between
calls: a long read transaction would pin a snapshot and stop WAL checkpoints.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import uuid4

from workbench.db.engine import Database
from workbench.db.views import SourceRow, StatementDetail, StatementRow
from workbench.services import assignments, browse, feed, presence, sources, statements
from workbench.services.statements import StatementFilter
from workbench.tui.window import Fetch


class ReviewStore:
    """Reads for the review screen; `writes.perform` does the writes."""

    def __init__(self, db: Database, analyst: str) -> None:
        self.db = db
        self.analyst = analyst
        self.session_id = str(uuid4())  # this screen's presence row

    def heartbeat(self, statement_id: int | None) -> list[presence.Present]:
        """Say we are here (unless the database is read-only) and read who else is."""
        if not self.db.read_only:
            with self.db.transaction() as session:
                presence.beat(session, self.session_id, self.analyst, statement_id)
        with self.db.reader() as session:
            return presence.others(session, self.session_id, self.analyst)

    def leave(self) -> None:
        if not self.db.read_only:
            with self.db.transaction() as session:
                presence.leave(session, self.session_id)

    def page(self, flt: StatementFilter, fetch: Fetch) -> tuple[list[StatementRow], int]:
        """The rows of one fetch and, for `around`, the index of the anchor among them."""
        with self.db.reader() as session:
            if fetch.kind == "after":
                rows = browse.list_page(session, flt, after_id=fetch.anchor_id, limit=fetch.limit)
            elif fetch.kind == "before":
                rows = browse.list_page(session, flt, before_id=fetch.anchor_id, limit=fetch.limit)
            elif fetch.kind == "offset":
                rows = browse.list_page(session, flt, offset=fetch.position, limit=fetch.limit)
            elif fetch.kind == "last":
                rows = browse.last_page(session, flt, limit=fetch.limit)
            else:
                assert fetch.anchor_id is not None
                half = fetch.limit // 2
                head = browse.list_page(session, flt, before_id=fetch.anchor_id + 1, limit=half)
                tail = browse.list_page(session, flt, after_id=fetch.anchor_id, limit=half)
                index = next((i for i, r in enumerate(head) if r.id == fetch.anchor_id), 0)
                return assignments.with_holders(session, head + tail), index
            return assignments.with_holders(session, rows), 0

    def counts(
        self,
        flt: StatementFilter,
        should_stop: Callable[[], bool] = lambda: False,
        *,
        with_total: bool = True,
    ) -> tuple[dict[str, int], int | None, int]:
        """Per-status counts under the filter, the unverified count of the whole database and
        the history watermark they are true at (read first, in the same snapshot); raises
        browse.Interrupted once `should_stop()` says the answer is no longer wanted."""
        with self.db.reader() as session:
            watermark = feed.latest_change(session)
            if flt == StatementFilter():
                browse.warm_titles(session)  # the first search then costs no title scan
            counts, unverified = browse.interruptible_counts(
                session, flt, should_stop=should_stop, with_total_unverified=with_total
            )
            return counts, unverified, watermark

    def changes(
        self, flt: StatementFilter, since: int, held: set[int], visible: list[int]
    ) -> feed.Changes:
        """What anyone changed after watermark `since` (see services/feed.py)."""
        with self.db.reader() as session:
            return feed.read_changes(session, flt, since, held, visible)

    def detail(self, statement_id: int) -> StatementDetail:
        with self.db.reader() as session:
            return statements.get_statement(session, statement_id)

    def row(self, statement_id: int) -> StatementRow:
        with self.db.reader() as session:
            return statements.get_statement_row(session, statement_id)

    def locate(self, flt: StatementFilter, statement_id: int) -> int:
        """The position of a statement in the filtered list (for jumps)."""
        with self.db.reader() as session:
            return statements.position_of(session, flt, statement_id)

    def next_unverified(self, flt: StatementFilter, after_id: int) -> int | None:
        with self.db.reader() as session:
            return statements.next_unverified_id(session, flt, after_id)

    def sources(self, after_id: int, limit: int) -> list[SourceRow]:
        with self.db.reader() as session:
            return sources.list_sources(session, after_id=after_id, limit=limit)
