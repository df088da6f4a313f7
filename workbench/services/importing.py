"""`workbench import` in batches: other writers get the database between them.

One transaction for a whole import held SQLite's write lock (and, on PostgreSQL, the history's
advisory lock) for all of it: an analyst's verdict waited behind a 22,000-statement import
until its busy timeout. So the import checks the whole file first, in a read-only pass
(`import_checks`: a bad file is one error line, and nothing is written), and then writes it in
batches, each its own short transaction: sources with all their statements, evidence and
history (a source is never split), closed after `Batches.statements` statements or
`Batches.seconds`, whichever comes first. Claims are then linked in batches too
(`claim_linking`), decided outside any write transaction.

A batch is all-or-nothing, and the import is resumable: rows are matched by their stable keys
(`exchange`), so a rerun after a crash or a kill takes the sources already in as matched and
writes the rest, ending where an uninterrupted import ends. The summary adds up the batches.

On SQLite, a writer waiting for the lock polls it (SQLite's busy handler sleeps between tries,
up to 100 ms once it has waited a quarter of a second) and does not queue: an import that began
its next batch the moment it committed would win nearly every race. So the import leaves the
lock free for `Batches.pause` after each batch, one full poll interval: whoever was waiting gets
in. PostgreSQL queues lock waiters in order, so there it does not pause.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlmodel import Session

from workbench.db.dialect import refresh_statistics
from workbench.db.engine import Database
from workbench.errors import WorkbenchError
from workbench.services.claim_linking import BATCH as LINK_BATCH
from workbench.services.claim_linking import (
    LINK_IN_BATCHES_FROM,
    LOCK_FREE_SECONDS,
    let_writers_in,
    link_new_statements,
)
from workbench.services.exchange import ExportFile, Importer, ImportSummary
from workbench.services.import_checks import check_export
from workbench.services.import_merge import resolve_merges
from workbench.services.import_validation import Fields


@dataclass(frozen=True)
class Batches:
    """How much one transaction of an import may do, and the gap left after it.

    500 statements take 50–100 ms when they are new here, a few times that when they are
    matched (each is compared field by field); `seconds` bounds a batch of slow ones.
    """

    statements: int = 500
    seconds: float = 0.25
    pause: float = LOCK_FREE_SECONDS  # SQLite only: longer than the busy handler's longest sleep
    link: int = LINK_BATCH  # statements per claims-linking batch
    link_in_batches_from: int = LINK_IN_BATCHES_FROM  # fewer added: linked in one transaction


def import_in_batches(
    db: Database,
    export: ExportFile,
    *,
    analyst: str,
    batches: Batches | None = None,
    after_batch: Callable[[], None] | None = None,
) -> ImportSummary:
    """Check a checked-for-syntax export file whole, then merge it in batches and link its
    statements to claims. `after_batch` runs after each commit (tests use it as another writer)."""
    with db.reader() as session:
        check_export(session, export)
    run = _Run(db, export.origin, batches or Batches(), after_batch)
    try:
        run.each(export.records("actors"), lambda importer, record: importer.import_actor(record))
        run.each(export.records("sources"), lambda importer, record: importer.import_source(record))
        with run.transaction() as importer:  # merges may name statements of any batch
            resolve_merges(importer.session, importer.merges, export.origin)
        run.each(export.records("history"), lambda importer, record: importer.import_event(record))
        link_new_statements(
            db,
            analyst=analyst,
            added=run.summary.statements_added,
            batched_from=run.batches.link_in_batches_from,
            batch=run.batches.link,
            between=run.linked,
        )
        with db.transaction() as session:
            refresh_statistics(session.connection(), added=run.summary.statements_added)
    except WorkbenchError as error:
        raise _stopped(error, run.committed) from None
    return run.summary


def _stopped(error: WorkbenchError, committed: int) -> WorkbenchError:
    """The same error, saying what stays: the batch it stopped was rolled back, not the ones
    committed before it (their "nothing was changed" would no longer be true)."""
    if not committed:
        return error
    message = re.sub(r"[:;] nothing was changed$", "", error.message)
    kept = f"the {committed} batches before it are kept: run the same import again to finish it"
    hint = f"{error.hint}; {kept}" if error.hint else kept
    return type(error)(message, hint=hint, where=error.where)


class _Run:
    """One batched import: the importer's state carried from batch to batch."""

    def __init__(
        self,
        db: Database,
        origin: str,
        batches: Batches,
        after_batch: Callable[[], None] | None,
    ) -> None:
        self.db, self.origin, self.batches, self.after_batch = db, origin, batches, after_batch
        self.importer: Importer | None = None
        self.committed = 0  # batches committed so far

    @property
    def summary(self) -> ImportSummary:
        return self.importer.summary if self.importer is not None else ImportSummary()

    @contextmanager
    def transaction(self) -> Iterator[Importer]:
        """One batch: the importer working in a transaction of its own."""
        with self.db.transaction(bulk=True) as session:
            yield self._importer(session)
        self.committed += 1
        self.between()

    def _importer(self, session: Session) -> Importer:
        if self.importer is None:
            self.importer = Importer(session, self.origin)
        else:
            self.importer.use(session)
        return self.importer

    def each(self, records: Iterable[Fields], step: Callable[[Importer, Fields], int]) -> None:
        """Run `step` on every record, a batch of them per transaction; `step` returns how
        many statements the record held (its work; at least one)."""
        pending = iter(records)
        record = next(pending, None)
        while record is not None:
            started, work = time.monotonic(), 0
            with self.transaction() as importer:
                while record is not None:
                    work += max(step(importer, record), 1)
                    record = next(pending, None)
                    if (
                        work >= self.batches.statements
                        or time.monotonic() - started >= self.batches.seconds
                    ):
                        break

    def linked(self) -> None:
        """After a claims-linking batch's commit."""
        self.committed += 1
        self.between()

    def between(self) -> None:
        """After a commit: the hook, then the lock left free for whoever waits (SQLite)."""
        if self.after_batch is not None:
            self.after_batch()
        let_writers_in(self.db.dialect, self.batches.pause)
