"""Storing a batch of sources: few round trips, yet each source stays all-or-nothing.

The batch path writes all sources, statements and history events of a batch together; a batch
that repeats a text or URL, or that fails part-way, is stored source by source instead. These
tests pin down that both paths give the same result.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
import sqlalchemy as sa

from workbench.db.engine import (
    BULK_CACHE_KB,
    BULK_WAL_PAGES,
    DEFAULT_CACHE_KB,
    DEFAULT_WAL_PAGES,
    Database,
)
from workbench.db.views import IngestReport
from workbench.errors import InvalidInput
from workbench.extract import extract
from workbench.extract.model import ExtractedStatement
from workbench.ingest.document import Document
from workbench.services.storing import ingest_batch, ingest_document, statement_key

ARTICLES = [
    "Ferry Fares\n\nThe transport minister said ferry fares would fall by a tenth in May.",
    "Grain Silo\n\nThe mayor denied that the grain silo had been sold to a private firm.",
    "Bridge Tolls\n\nLocal traders said the bridge tolls had driven customers away.",
]


def _item(text: str, **metadata: str) -> tuple[Document, list[ExtractedStatement]]:
    return Document(text=text, title=text.split("\n")[0], **metadata), extract(text)


def _rows(db: Database, sql: str) -> list[tuple]:
    with db.reader() as session:
        return [tuple(row) for row in session.connection().execute(sa.text(sql))]


def test_a_batch_stores_every_source_with_its_own_statements_and_event(db: Database) -> None:
    items = [_item(text) for text in ARTICLES]
    with db.transaction() as session:
        reports = ingest_batch(session, items, analyst="ana")
    assert all(isinstance(r, IngestReport) and not r.duplicate for r in reports)
    titles = dict(_rows(db, "SELECT id, title FROM source"))
    assert [titles[r.source_id] for r in reports] == ["Ferry Fares", "Grain Silo", "Bridge Tolls"]
    per_source = dict(_rows(db, "SELECT source_id, count(*) FROM statement GROUP BY source_id"))
    assert per_source == {r.source_id: r.statements for r in reports}
    # Each statement's content lies in its own source's text.
    for source_id, content in _rows(db, "SELECT source_id, content FROM statement"):
        assert content in items[[r.source_id for r in reports].index(source_id)][0].text
    events = _rows(db, "SELECT entity_id, field, analyst, note FROM change_event ORDER BY id")
    assert events == [
        (r.source_id, "ingested", "ana", f"{r.statements} statements") for r in reports
    ]


def test_texts_already_stored_are_reported_with_their_source(db: Database) -> None:
    with db.transaction() as session:
        first = ingest_document(session, *_item(ARTICLES[1]), analyst="ana")
    with db.transaction() as session:
        reports = ingest_batch(session, [_item(t) for t in ARTICLES], analyst="ana")
    assert [r.duplicate for r in reports] == [False, True, False]
    assert reports[1] == IngestReport(
        source_id=first.source_id, title="Grain Silo", statements=0, duplicate=True
    )
    assert _rows(db, "SELECT count(*) FROM source") == [(3,)]


def test_a_text_repeated_within_a_batch_is_stored_once(db: Database) -> None:
    items = [_item(ARTICLES[0]), _item(ARTICLES[1]), _item(ARTICLES[0])]
    with db.transaction() as session:
        reports = ingest_batch(session, items, analyst="ana")
    assert [r.duplicate for r in reports] == [False, False, True]
    assert reports[2].source_id == reports[0].source_id
    assert _rows(db, "SELECT count(*) FROM source") == [(2,)]


def test_a_url_repeated_within_a_batch_becomes_a_chain_of_revisions(db: Database) -> None:
    url = "https://harbour-gazette.example/fares"
    with db.transaction() as session:
        ingest_document(session, *_item(ARTICLES[0], url=url), analyst="ana")
    with db.transaction() as session:
        reports = ingest_batch(
            session, [_item(ARTICLES[1], url=url), _item(ARTICLES[2], url=url)], analyst="ana"
        )
    rows = _rows(db, "SELECT id, revision, previous_id FROM source ORDER BY id")
    assert [(revision, previous) for _, revision, previous in rows] == [
        (1, None),
        (2, rows[0][0]),
        (3, rows[1][0]),
    ]
    assert [r.revision_of for r in reports] == [rows[0][0], rows[1][0]]


def test_a_url_seen_before_gives_a_revision_in_a_batch(db: Database) -> None:
    url = "https://harbour-gazette.example/fares"
    with db.transaction() as session:
        first = ingest_document(session, *_item(ARTICLES[0], url=url), analyst="ana")
    with db.transaction() as session:
        reports = ingest_batch(
            session, [_item(ARTICLES[1], url=url), _item(ARTICLES[2])], analyst="ana"
        )
    assert [r.revision_of for r in reports] == [first.source_id, None]
    assert _rows(db, "SELECT revision FROM source ORDER BY id") == [(1,), (2,), (1,)]


def test_a_source_that_cannot_be_stored_is_reported_and_the_others_land(db: Database) -> None:
    """An extractor bug (a statement without a stance) must cost that source only."""
    good_first, broken, good_last = (_item(text) for text in ARTICLES)
    broken[1][0] = dataclasses.replace(broken[1][0], stance=None)  # type: ignore[arg-type]
    with db.transaction() as session:
        reports = ingest_batch(session, [good_first, broken, good_last], analyst="ana")
    assert isinstance(reports[1], InvalidInput)
    stored = [r for r in reports if isinstance(r, IngestReport)]
    assert len(stored) == 2
    titles = {title for (title,) in _rows(db, "SELECT title FROM source")}
    assert titles == {"Ferry Fares", "Bridge Tolls"}
    # Nothing of the broken source: no statements, no event, no orphaned actor ids.
    assert _rows(db, "SELECT count(*) FROM statement") == [(sum(r.statements for r in stored),)]
    assert _rows(db, "SELECT count(*) FROM change_event") == [(2,)]
    assert _rows(
        db, "SELECT count(*) FROM statement WHERE actor_id NOT IN (SELECT id FROM actor)"
    ) == [(0,)]


def test_a_span_reported_twice_is_stored_once(db: Database) -> None:
    document, found = _item(ARTICLES[0])
    with db.transaction() as session:
        report = ingest_document(session, document, found + found[:1], analyst="ana")
    assert report.statements == len(found)


def test_statement_keys_do_not_change_between_versions() -> None:
    """Keys match statements across databases: a new formula would orphan every exchange."""
    found = ExtractedStatement(
        sentence_start=0, sentence_end=40, speaker="The ministry", speaker_start=0,
        speaker_end=12, actor="the ministry", actor_kind="organisation", actor_affiliation=None,
        cue="said", cue_start=13, cue_end=17, stance="asserts",
        content="the talks had collapsed", content_start=18, content_end=41, proposition="x",
        rule="r", confidence=0.9, claim_group=0,
    )  # fmt: skip
    outlet_voice = dataclasses.replace(
        found, speaker=None, speaker_start=None, speaker_end=None, actor=None, cue=None,
        cue_start=None, cue_end=None, content_start=0, content_end=15,
    )  # fmt: skip
    assert statement_key("ab" * 32, found) == "d3f08570908cf7a4111881d67fe33d99"
    assert statement_key("ab" * 32, outlet_voice) == "27ec2339f424179b3b00ec13a39a22de"


def test_a_bulk_transaction_tunes_its_connection_and_then_restores_the_defaults(
    sqlite_db: Database,
) -> None:
    """Interactive writes must never inherit bulk settings (a verdict would pay for them)."""

    def settings(session: object) -> tuple[int, int]:
        run = session.connection().exec_driver_sql  # type: ignore[attr-defined]
        return run("PRAGMA wal_autocheckpoint").scalar(), -run("PRAGMA cache_size").scalar()

    defaults = (DEFAULT_WAL_PAGES, DEFAULT_CACHE_KB)
    with sqlite_db.transaction(bulk=True) as session:
        assert settings(session) == (BULK_WAL_PAGES, BULK_CACHE_KB)
        ingest_batch(session, [_item(ARTICLES[0])], analyst="ana")
    # The pool hands back its most recent connection: the same one, reset on check-in.
    for _ in range(3):
        with sqlite_db.transaction() as session:
            assert settings(session) == defaults
        with sqlite_db.reader() as session:
            assert settings(session) == defaults
    with pytest.raises(RuntimeError), sqlite_db.transaction(bulk=True):
        raise RuntimeError("a failed batch")
    with sqlite_db.transaction() as session:
        assert settings(session) == defaults


def test_the_ingest_summary_counts_in_words_that_agree() -> None:
    from workbench.services.ingesting import IngestSummary

    one = IngestSummary(sources=1, statements=1, revisions=1, errors=1)
    assert one.line() == (
        "1 source added, 1 statement, 0 skipped as already ingested, "
        "1 new revision of known URLs, 1 error"
    )
    assert IngestSummary(sources=2, statements=5).line().startswith("2 sources added, 5 statements")


def test_batch_wide_values_are_stored_as_the_orm_would_store_them(db: Database) -> None:
    """Timestamps, flags and the analyst go in once per batch (bulk_insert constants)."""
    from workbench.services.statements import StatementFilter, list_statements

    with db.transaction() as session:
        ingest_batch(session, [_item(text) for text in ARTICLES], analyst="ana")
    with db.reader() as session:
        rows = list_statements(session, StatementFilter(), limit=100)
        run = session.connection().execute
        stamps = run(sa.text("SELECT ingested_at FROM source")).all()
        created = run(sa.text("SELECT DISTINCT created_at = updated_at FROM statement")).all()
    assert rows and {(r.status, r.dismissed, r.version, r.updated_by) for r in rows} == {
        ("unverified", False, 1, "ana")
    }
    assert len({r.updated_at for r in rows}) == 1
    assert rows[0].updated_at.tzinfo is not None
    assert [bool(same) for (same,) in created] == [True]
    assert len({s for (s,) in stamps}) == 1
    assert all(isinstance(r.confidence, float) for r in rows)


def test_bulk_timestamps_have_the_text_form_of_every_other_write(sqlite_db: Database) -> None:
    """SQLite keeps timestamps as text and compares them as text (the TUI's "changed since"
    poll, `export --since`): a batch's stamps must be spelled as a verdict's are."""
    from workbench.services.review import set_status

    with sqlite_db.transaction() as session:
        ingest_batch(session, [_item(text) for text in ARTICLES], analyst="ana")
    with sqlite_db.transaction() as session:
        set_status(session, statement_id=1, status="confirmed", analyst="bo")
    stamps = dict(_rows(sqlite_db, "SELECT id, updated_at FROM statement WHERE id IN (1, 2)"))
    pattern = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}"
    assert re.fullmatch(pattern, stamps[1]), stamps
    assert re.fullmatch(pattern, stamps[2]), stamps
