"""Bulk ingest: read each file, extract outside any transaction, store each source atomically.

Extraction is CPU work; doing it before BEGIN IMMEDIATE keeps the write lock short, so another
analyst's verdicts never wait for a long article to be parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.config import Settings
from workbench.db.dialect import refresh_statistics
from workbench.db.engine import Database
from workbench.db.views import IngestReport
from workbench.errors import InvalidInput, WorkbenchError
from workbench.ingest.document import Document
from workbench.ingest.metadata import Metadata
from workbench.ingest.readers import expand_paths, read_documents
from workbench.services.claim_linking import BATCH as LINKED_PER_BATCH
from workbench.services.claim_linking import (
    LINK_IN_BATCHES_FROM,  # an ingest adding this many statements links them in batches
    let_writers_in,
    link_new_statements,
)
from workbench.services.claims import LinkSummary
from workbench.services.storing import ingest_batch

if TYPE_CHECKING:
    from workbench.extract import ExtractedStatement


@dataclass
class IngestSummary:
    """Counts for the closing line, and one message per problem or notice."""

    sources: int = 0
    statements: int = 0
    duplicates: int = 0
    revisions: int = 0
    errors: int = 0
    files: int = 0
    messages: list[str] = field(default_factory=list)
    reports: list[IngestReport] = field(default_factory=list)
    claims: LinkSummary | None = None

    def line(self) -> str:
        parts = [
            f"{self.sources} source{'s' * (self.sources != 1)} added",
            f"{self.statements} statement{'s' * (self.statements != 1)}",
            f"{self.duplicates} skipped as already ingested",
        ]
        if self.revisions:
            parts.append(
                f"{self.revisions} new revision{'s' * (self.revisions != 1)} of known URLs"
            )
        parts.append(f"{self.errors} error{'s' * (self.errors != 1)}")
        return ", ".join(parts)


BATCH_STATEMENTS = 5000  # statements per transaction: big enough to amortise the commit
BATCH_SOURCES = 200
LINK_BATCH = LINKED_PER_BATCH


def extract_document(document: Document, *, lexicon: object) -> list[ExtractedStatement]:
    from workbench.extract import extract

    return extract(document.text, outlet=document.outlet, lexicon=lexicon)  # type: ignore[arg-type]


def ingest_paths(
    db: Database,
    paths: Sequence[Path],
    *,
    metadata: Metadata,
    input_format: str,
    analyst: str,
    settings: Settings,
    progress: Callable[[Path], None] | None = None,
    total: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders. One bad file is reported and skipped; a single bad file raises.

    Sources are written in batches (one transaction, one savepoint per source): each source is
    still all-or-nothing, and a crash mid-batch leaves nothing of that batch behind.
    """
    from workbench.extract import load_lexicon

    files = expand_paths(paths)
    lexicon = load_lexicon([Path(p).expanduser() for p in settings.lexicons])
    max_bytes = int(settings.max_file_mb * 1_000_000)
    summary = IngestSummary(files=len(files))
    single = len(files) == 1
    if total is not None:
        total(len(files))
    pending: list[tuple[Document, list[ExtractedStatement]]] = []
    pending_statements = 0
    for path in files:
        try:
            documents = read_documents(
                path, format=input_format, max_bytes=max_bytes, metadata=metadata
            )
        except InvalidInput as error:
            if single:
                raise
            summary.errors += 1
            summary.messages.append(f"error: {error.one_line()}")
            continue
        for document in documents:
            statements = extract_document(document, lexicon=lexicon)
            pending.append((document, statements))
            pending_statements += len(statements)
            if pending_statements >= BATCH_STATEMENTS or len(pending) >= BATCH_SOURCES:
                _flush(db, pending, summary, analyst=analyst, raise_single=False)
                pending_statements = 0
        if progress is not None:
            progress(path)
    _flush(db, pending, summary, analyst=analyst, raise_single=single and summary.files == 1)
    if summary.sources:
        # Claims join across sources, so they are linked once the sources are in (a separate
        # transaction: an interrupted run leaves statements unlinked, which the next ingest or
        # `workbench claims rebuild` links; never a half-written source).
        # Only statements above the last linked one: those of this ingest and of any earlier
        # one interrupted before linking (statements are linked in id order).
        _link_claims(db, summary, analyst=analyst)
    return summary


def _link_claims(db: Database, summary: IngestSummary, *, analyst: str) -> None:
    """Link the new statements to claims without keeping colleagues out of the database.

    An article's statements link in milliseconds inside one transaction. A corpus's take
    minutes of CPU (deciding candidates), which inside one write transaction would make every
    analyst's verdict wait for all of it and fail at the busy timeout; from LINK_IN_BATCHES_FROM
    statements they are decided outside any transaction a batch at a time, each batch written
    in a few milliseconds with the lock left free after it, as `workbench import` does.
    """
    summary.claims = link_new_statements(
        db,
        analyst=analyst,
        added=summary.statements,
        batched_from=LINK_IN_BATCHES_FROM,
        batch=LINK_BATCH,
        between=lambda: _let_others_in(db),
    )
    with db.transaction() as session:
        refresh_statistics(session.connection(), added=summary.statements)


def _let_others_in(db: Database) -> None:
    let_writers_in(db.dialect)


def _flush(
    db: Database,
    pending: list[tuple[Document, list[ExtractedStatement]]],
    summary: IngestSummary,
    *,
    analyst: str,
    raise_single: bool,
) -> None:
    if not pending:
        return
    with db.transaction(bulk=True) as session:
        results = ingest_batch(session, pending, analyst=analyst)
    for (document, _), result in zip(pending, results, strict=True):
        if isinstance(result, WorkbenchError):
            if raise_single and len(pending) == 1:
                raise result
            summary.errors += 1
            summary.messages.append(f"error: {document.origin}: {result.one_line()}")
        else:
            _count(summary, result, document)
    pending.clear()


def _count(summary: IngestSummary, report: IngestReport, document: Document) -> None:
    summary.reports.append(report)
    if report.duplicate:
        summary.duplicates += 1
        summary.messages.append(
            f"{document.origin}: already ingested as source {report.source_id}, skipped"
        )
        return
    summary.sources += 1
    summary.statements += report.statements
    if report.revision_of is not None:
        summary.revisions += 1
        summary.messages.append(
            f"{document.origin}: new revision of source {report.revision_of} (same URL, new text)"
            f"; {report.carried} statement(s) kept their verdicts, {report.recheck} to re-check"
            f" (`workbench diff {report.source_id}`)"
        )
    if document.notice:
        summary.messages.append(f"{document.origin}: {document.notice}")
