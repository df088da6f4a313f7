"""Storing sources: an article with its statements, each source all-or-nothing.

A batch of sources costs a handful of database round trips whatever its size: one query for
texts already stored, one for earlier revisions of the same URLs, one multi-row INSERT …
RETURNING for the sources, one executemany for all their statements and one for the history
events. Per-source round trips (a savepoint, a lookup, an insert, an event each) used to cost
more than the statements themselves. If anything in a batch fails, the batch is rolled back and
stored again source by source, each behind its own SAVEPOINT, so one bad source is reported on
its own and the others still land.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from workbench.db.bulk import bulk_insert
from workbench.db.models import ChangeEvent, Source, Statement, utc_now
from workbench.db.views import IngestReport
from workbench.errors import InvalidInput, WorkbenchError
from workbench.ingest.document import Document
from workbench.services.actors import ActorResolver
from workbench.services.revisions import carry_over_revisions

if TYPE_CHECKING:
    from workbench.extract import ExtractedStatement

OUTLET_FALLBACK = "(outlet)"

Item = tuple[Document, Sequence["ExtractedStatement"]]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def statement_key(source_sha256: str, found: ExtractedStatement) -> str:
    """Stable across databases and re-ingests: the source text's hash, the spans and the actor."""
    # An f-string is the same text as "|".join(map(str, parts)), at half the cost per statement.
    text = (
        f"{source_sha256}|{found.speaker_start}|{found.speaker_end}|{found.cue_start}|"
        f"{found.cue_end}|{found.content_start}|{found.content_end}|{found.actor}"
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


# Built once: constructing SQL expressions costs more than running them.
_SOURCE: sa.Table = Source.__table__  # type: ignore[attr-defined]
_SOURCES_BY_SHA = sa.select(_SOURCE.c.sha256, _SOURCE.c.id, _SOURCE.c.title).where(
    _SOURCE.c.sha256.in_(sa.bindparam("shas", expanding=True))
)
_IDS_BY_SHA = sa.select(_SOURCE.c.sha256, _SOURCE.c.id).where(
    _SOURCE.c.sha256.in_(sa.bindparam("shas", expanding=True))
)
_REVISIONS_OF_URLS = sa.select(_SOURCE.c.url, _SOURCE.c.id, _SOURCE.c.revision).where(
    _SOURCE.c.url.in_(sa.bindparam("urls", expanding=True))
)


def ingest_document(
    session: Session,
    document: Document,
    statements: Sequence[ExtractedStatement],
    *,
    analyst: str,
    resolver: ActorResolver | None = None,
) -> IngestReport:
    """Store one source and its statements; identical text already stored is a no-op.

    The same URL with different text becomes a new revision linked to the previous one.
    """
    resolver = resolver or ActorResolver(session)
    item = (document, statements)
    return _store_together(session, [item], [text_sha256(document.text)], analyst, resolver)[0]


def ingest_batch(
    session: Session, items: Sequence[Item], *, analyst: str
) -> list[IngestReport | WorkbenchError]:
    """Store several sources in the caller's transaction; each one stays all-or-nothing.

    Returns, per item, its report or the error that kept it out. A batch that repeats a text or
    a URL is stored source by source, so the later copy sees the earlier one (as a duplicate or
    a new revision) exactly as it would in separate runs.
    """
    if not items:
        return []
    resolver = ActorResolver(session)
    shas = [text_sha256(document.text) for document, _ in items]
    urls = [document.url for document, _ in items if document.url]
    results: list[IngestReport | WorkbenchError] | None = None
    if len(set(shas)) == len(shas) and len(set(urls)) == len(urls):
        try:
            with session.begin_nested():
                results = [*_store_together(session, items, shas, analyst, resolver)]
        except (WorkbenchError, IntegrityError):
            resolver.forget()  # actors created inside the savepoint are gone with it
    if results is None:
        results = _store_one_by_one(session, items, analyst, resolver)
    return carry_over_revisions(session, results, analyst)


def _store_one_by_one(
    session: Session, items: Sequence[Item], analyst: str, resolver: ActorResolver
) -> list[IngestReport | WorkbenchError]:
    results: list[IngestReport | WorkbenchError] = []
    for document, statements in items:
        try:
            with session.begin_nested():
                results.append(
                    ingest_document(
                        session, document, statements, analyst=analyst, resolver=resolver
                    )
                )
        except WorkbenchError as error:
            resolver.forget()
            results.append(error)
        except IntegrityError as error:
            resolver.forget()
            results.append(
                InvalidInput(
                    f"could not be stored: {error.orig}", where=document.origin or "source"
                )
            )
    return results


def _store_together(
    session: Session,
    items: Sequence[Item],
    shas: Sequence[str],
    analyst: str,
    resolver: ActorResolver,
) -> list[IngestReport]:
    """Store items whose texts and URLs are distinct, in a fixed number of round trips."""
    connection = session.connection()
    known = {
        sha: (source_id, title)
        for sha, source_id, title in connection.execute(_SOURCES_BY_SHA, {"shas": list(shas)})
    }
    fresh = [(item, sha) for item, sha in zip(items, shas, strict=True) if sha not in known]
    previous = _latest_revisions(connection, [item[0].url for item, _ in fresh if item[0].url])
    now = utc_now()
    source_rows = [
        _source_row(document, sha, previous.get(document.url or ""), now, analyst)
        for (document, _), sha in fresh
    ]
    source_ids = _insert_sources(connection, source_rows)
    statement_rows: list[tuple[Any, ...]] = []
    event_rows: list[dict[str, Any]] = []
    stored: dict[str, IngestReport] = {}
    for ((document, statements), sha), source_id in zip(fresh, source_ids, strict=True):
        rows = _statement_rows(document, statements, sha, source_id, resolver)
        statement_rows.extend(rows)
        event_rows.append(_ingest_event(document, sha, source_id, len(rows), now, analyst))
        earlier = previous.get(document.url or "")
        stored[sha] = IngestReport(
            source_id=source_id,
            title=document.title,
            statements=len(rows),
            revision_of=earlier[0] if earlier else None,
        )
    bulk_insert(
        connection,
        Statement.__table__,  # type: ignore[arg-type]
        statement_rows,
        STATEMENT_COLUMNS,
        constants=_batch_constants(now, analyst),
    )
    bulk_insert(connection, ChangeEvent.__table__, event_rows)  # type: ignore[arg-type]
    return [
        stored[sha]
        if sha in stored
        else IngestReport(
            source_id=known[sha][0], title=known[sha][1], statements=0, duplicate=True
        )
        for sha in shas
    ]


def _insert_sources(connection: sa.Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert the rows; their ids in the same order.

    One executemany and one lookup by hash: INSERT … RETURNING in parameter order runs a
    statement per row on SQLite, which cost more than the rows themselves.
    """
    if not rows:
        return []
    bulk_insert(connection, _SOURCE, rows)
    shas = [row["sha256"] for row in rows]
    ids = dict(connection.execute(_IDS_BY_SHA, {"shas": shas}).all())
    return [ids[sha] for sha in shas]


def _latest_revisions(connection: sa.Connection, urls: list[str]) -> dict[str, tuple[int, int]]:
    """URL → (id, revision) of its newest stored source."""
    latest: dict[str, tuple[int, int]] = {}
    if urls:
        for url, source_id, revision in connection.execute(_REVISIONS_OF_URLS, {"urls": urls}):
            if url not in latest or revision > latest[url][1]:
                latest[url] = (source_id, revision)
    return latest


def _source_row(
    document: Document,
    sha: str,
    previous: tuple[int, int] | None,
    now: datetime,
    analyst: str,
) -> dict[str, Any]:
    return {
        "sha256": sha,
        "title": document.title,
        "url": document.url,
        "outlet": document.outlet,
        "author": document.author,
        "published": document.published,
        "text": document.text,
        "format": document.format,
        "origin": document.origin,
        "revision": previous[1] + 1 if previous else 1,
        "previous_id": previous[0] if previous else None,
        "ingested_at": now,
        "ingested_by": analyst,
    }


# The order of the tuples `_statement_rows` builds (a tuple per row is a third the cost of a dict);
# the columns every statement of a batch shares are passed once, as `bulk_insert` constants.
STATEMENT_COLUMNS = (
    "key", "source_id", "sentence_start", "sentence_end", "speaker", "speaker_start",
    "speaker_end", "actor_id", "cue", "cue_start", "cue_end", "stance", "content",
    "content_start", "content_end", "proposition", "claim_group", "rule", "confidence",
)  # fmt: skip


def _batch_constants(now: datetime, analyst: str) -> dict[str, Any]:
    return {
        "origin": "extracted",
        "status": "unverified",
        "dismissed": False,
        "version": 1,
        "created_at": now,
        "updated_at": now,
        "updated_by": analyst,
    }


def _statement_rows(
    document: Document,
    statements: Sequence[ExtractedStatement],
    sha: str,
    source_id: int,
    resolver: ActorResolver,
) -> list[tuple[Any, ...]]:
    """One row per statement (in STATEMENT_COLUMNS order); a span reported twice is kept once."""
    rows: dict[str, tuple[Any, ...]] = {}
    outlet = document.outlet or OUTLET_FALLBACK
    for found in statements:
        key = statement_key(sha, found)
        actor_id = resolver.actor_id(
            found.actor or outlet,
            kind=found.actor_kind,
            affiliation=found.actor_affiliation,
            alias=found.speaker,
        )
        if key not in rows:
            rows[key] = (
                key, source_id, found.sentence_start, found.sentence_end, found.speaker,
                found.speaker_start, found.speaker_end, actor_id, found.cue, found.cue_start,
                found.cue_end, found.stance, found.content, found.content_start,
                found.content_end, found.proposition, found.claim_group, found.rule,
                found.confidence,
            )  # fmt: skip
    return list(rows.values())


def _ingest_event(
    document: Document, sha: str, source_id: int, statements: int, now: datetime, analyst: str
) -> dict[str, Any]:
    """The history event for an ingest: the same row `record_change` writes."""
    notice = f"; {document.notice}" if document.notice else ""
    return {
        "at": now,
        "analyst": analyst,
        "entity": "source",
        "entity_id": source_id,
        "statement_id": None,
        "field": "ingested",
        "old": None,
        "new": document.title or document.origin or sha[:12],
        "note": f"{statements} statements{notice}",
    }
