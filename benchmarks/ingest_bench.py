"""Bulk ingest throughput through the service layer, against raw sqlite3 on the same schema.

Extraction is excluded: statements are generated up front, so the figure is the database path
alone, exactly as `workbench ingest` does it: per batch of sources, one lookup of known texts
and URLs, the source rows, actor resolution, one executemany of all statements, the history
events, a savepoint around the batch, and the full-text index catch-up before the commit.
The raw baseline inserts the same source and statement rows with sqlite3 (one executemany of
the batch's statements) in the same transactions, with the same full-text catch-up, but no
actor lookups, no history and no savepoint.

    python benchmarks/ingest_bench.py [--sources 1000] [--per-source 50] [--runs 3]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test]

Also measures a verdict change (status + history event, one transaction) and prints the median.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from workbench.db.dialect import _CATCH_UP
from workbench.db.engine import BULK_CACHE_KB, BULK_WAL_PAGES, Database
from workbench.db.schema import upgrade_to_head
from workbench.extract.model import ExtractedStatement
from workbench.ingest.document import Document
from workbench.services.ingesting import BATCH_SOURCES, BATCH_STATEMENTS
from workbench.services.review import set_status
from workbench.services.storing import ingest_batch, ingest_document, statement_key, text_sha256

WORDS = [
    "minister",
    "said",
    "the",
    "agreement",
    "would",
    "cut",
    "tariffs",
    "on",
    "grain",
    "and",
    "steel",
    "imports",
    "by",
    "next",
    "spring",
    "officials",
    "denied",
    "reports",
    "that",
    "talks",
    "had",
    "collapsed",
    "over",
    "fishing",
    "rights",
    "in",
    "northern",
    "waters",
]
ACTORS = [("United States", "country"), ("Russia", "country"), ("Maria Lopez", "person"),
          ("the ministry", "organisation"), ("(outlet)", "outlet")]  # fmt: skip


def make_corpus(sources: int, per_source: int, seed: int = 7) -> list[tuple[Document, list]]:
    rng = random.Random(seed)
    corpus = []
    for number in range(sources):
        sentences = [
            " ".join(rng.choices(WORDS, k=14)).capitalize() + "." for _ in range(per_source)
        ]
        text = f"Source {number}\n\n" + " ".join(sentences)
        statements, position = [], len(f"Source {number}\n\n")
        for sentence in sentences:
            actor, kind = rng.choice(ACTORS)
            end = position + len(sentence)
            statements.append(
                ExtractedStatement(
                    sentence_start=position, sentence_end=end, speaker=None, speaker_start=None,
                    speaker_end=None, actor=actor, actor_kind=kind, actor_affiliation=None,
                    cue="said", cue_start=position, cue_end=position + 4, stance="asserts",
                    content=sentence, content_start=position, content_end=end,
                    proposition=sentence, rule="bench", confidence=0.9, claim_group=0,
                )
            )  # fmt: skip
            position = end + 1
        corpus.append((Document(text=text, title=f"Source {number}", outlet="Bench"), statements))
    return corpus


def fresh_db(folder: Path, name: str) -> Database:
    db = Database.open(str(folder / name))
    upgrade_to_head(db)
    return db


def batches(corpus: list) -> list[list]:
    """The same batching `workbench ingest` uses (services/ingesting.py)."""
    groups, current, size = [], [], 0
    for item in corpus:
        current.append(item)
        size += len(item[1])
        if size >= BATCH_STATEMENTS or len(current) >= BATCH_SOURCES:
            groups.append(current)
            current, size = [], 0
    return groups + ([current] if current else [])


def bench_service(folder: Path, corpus: list, run: int) -> float:
    return timed_ingest(fresh_db(folder, f"service-{run}.db"), corpus)


def timed_ingest(db: Database, corpus: list) -> float:
    started = time.perf_counter()
    for batch in batches(corpus):
        with db.transaction(bulk=True) as session:
            ingest_batch(session, batch, analyst="bench")
    db.dispose()  # closing the last connection checkpoints the WAL: part of the cost
    return time.perf_counter() - started


def bench_postgres(url: str, corpus: list) -> float:
    """The same service path into a fresh schema on a PostgreSQL server (dropped afterwards)."""
    import uuid

    import sqlalchemy as sa

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        separator = "&" if "?" in url else "?"
        db = Database.open(f"{url}{separator}options=-csearch_path%3D{schema}")
        upgrade_to_head(db)
        return timed_ingest(db, corpus)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def bench_raw(folder: Path, corpus: list, run: int) -> float:
    """The floor: plain sqlite3 executemany of the same rows into the same schema."""
    db = fresh_db(folder, f"raw-{run}.db")
    db.dispose()
    connection = sqlite3.connect(folder / f"raw-{run}.db", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute(f"PRAGMA cache_size = -{BULK_CACHE_KB}")  # the service's bulk settings
    connection.execute(f"PRAGMA wal_autocheckpoint = {BULK_WAL_PAGES}")
    connection.execute(
        "INSERT INTO actor (name, kind, version, created_at) VALUES ('x', 'person', 1, '')"
    )
    now = "2026-01-01 00:00:00"
    started = time.perf_counter()
    number = 0
    for batch in batches(corpus):
        connection.execute("BEGIN IMMEDIATE")
        rows = []
        for document, statements in batch:
            number += 1
            rows.extend(_raw_source(connection, number, document, statements, now))
        connection.executemany(_RAW_STATEMENT_INSERT, rows)
        connection.execute(_CATCH_UP)  # the same full-text indexing the service does
        connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - started


_RAW_STATEMENT_INSERT = (
    "INSERT INTO statement (key, source_id, sentence_start, sentence_end, actor_id, cue, "
    "cue_start, cue_end, stance, content, content_start, content_end, proposition, "
    "claim_group, rule, confidence, origin, status, dismissed, version, created_at, "
    "updated_at, updated_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, "
    "'extracted', 'unverified', 0, 1, ?, ?, 'bench')"
)


def _raw_source(
    connection: sqlite3.Connection, number: int, document: Document, statements: list, now: str
) -> list[tuple]:
    """Insert the source row; return its statement rows for the batch's one executemany."""
    sha = text_sha256(document.text)
    connection.execute(
        "INSERT INTO source (sha256, title, text, format, revision, ingested_at, ingested_by) "
        "VALUES (?, ?, ?, 'text', 1, ?, 'bench')",
        (sha, document.title, document.text, now),
    )
    return [
        (statement_key(sha, s), number, s.sentence_start, s.sentence_end, s.cue,
         s.cue_start, s.cue_end, s.stance, s.content, s.content_start, s.content_end,
         s.proposition, s.rule, s.confidence, now, now)
        for s in statements
    ]  # fmt: skip


def bench_verdicts(folder: Path, changes: int) -> list[float]:
    db = fresh_db(folder, "verdicts.db")
    document, statements = make_corpus(1, changes)[0]
    with db.transaction() as session:
        ingest_document(session, document, statements, analyst="bench")
    timings = []
    for statement_id in range(1, changes + 1):
        started = time.perf_counter()
        with db.transaction() as session:
            set_status(session, statement_id=statement_id, status="confirmed", analyst="bench")
        timings.append(time.perf_counter() - started)
    db.dispose()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--per-source", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--verdicts", type=int, default=500)
    parser.add_argument(
        "--postgres", metavar="URL", help="also time the service path on this PostgreSQL server"
    )
    args = parser.parse_args()
    corpus = make_corpus(args.sources, args.per_source)
    total = args.sources * args.per_source
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        service = [bench_service(folder, corpus, run) for run in range(args.runs)]
        raw = [bench_raw(folder, corpus, run) for run in range(args.runs)]
        verdicts = bench_verdicts(folder, args.verdicts)
    s_med, r_med = statistics.median(service), statistics.median(raw)
    print(f"corpus: {args.sources} sources x {args.per_source} statements = {total} statements")
    print(f"service layer ingest   : {total / s_med:8,.0f} statements/s  (median {s_med:.2f} s)")
    print(f"raw sqlite3 executemany: {total / r_med:8,.0f} statements/s  (median {r_med:.2f} s)")
    print(f"service / raw time ratio: {s_med / r_med:.2f}x")
    verdicts.sort()
    p95 = verdicts[int(len(verdicts) * 0.95) - 1]
    median = statistics.median(verdicts) * 1000
    print(
        f"verdict (status + history, one transaction): median {median:.2f} ms, "
        f"p95 {p95 * 1000:.2f} ms over {len(verdicts)}"
    )
    if args.postgres:
        elapsed = statistics.median(bench_postgres(args.postgres, corpus) for _ in range(args.runs))
        print(f"service layer ingest into PostgreSQL: {total / elapsed:8,.0f} statements/s")


if __name__ == "__main__":
    main()
