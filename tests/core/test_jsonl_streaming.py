"""A JSONL corpus streams: the size limit is per article, not per file; a bad line anywhere
still names its number and nothing from the file is ingested."""

from __future__ import annotations

import json
from pathlib import Path

from core.conftest import run_cli


def _corpus(path: Path, articles: int, bad_at: int | None = None) -> None:
    lines = []
    for number in range(articles):
        record = {
            "text": f'"Pier {number} is shut," said Mara Ellison on day {number}.',
            "title": f"Pier {number}",
            "url": f"https://example.org/pier/{number}",
        }
        lines.append("{not json" if number == bad_at else json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _count(db: Path, table: str) -> int:
    import sqlite3

    if not db.exists():
        return 0
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_corpus_larger_than_the_limit_ingests_article_by_article(
    tmp_path: Path, isolated_config: Path
) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text("max_file_mb = 0.01\n", encoding="utf-8")  # 10 kB
    corpus = tmp_path / "wire.jsonl"
    _corpus(corpus, 400)
    assert corpus.stat().st_size > 30_000  # three times the limit
    db = tmp_path / "w.db"
    outcome = run_cli("--db", str(db), "ingest", str(corpus))
    assert outcome.code == 0, outcome.err
    assert _count(db, "source") == 400 and _count(db, "statement") == 400


def test_one_article_over_the_limit_is_named_by_its_line(
    tmp_path: Path, isolated_config: Path
) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text("max_file_mb = 0.001\n", encoding="utf-8")  # 1 kB
    corpus = tmp_path / "wire.jsonl"
    _corpus(corpus, 3)
    with corpus.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"text": "word " * 400}) + "\n")
    outcome = run_cli("--db", str(tmp_path / "w.db"), "ingest", str(corpus))
    assert outcome.code == 2 and len(outcome.error_lines) == 1
    assert "line 4 is over the 1.0 kB limit for one article" in outcome.err
    assert _count(tmp_path / "w.db", "source") == 0


def test_a_bad_last_line_of_a_long_corpus_ingests_nothing(
    tmp_path: Path, isolated_config: Path
) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text("max_file_mb = 0.01\n", encoding="utf-8")
    corpus = tmp_path / "wire.jsonl"
    _corpus(corpus, 500, bad_at=499)
    db = tmp_path / "w.db"
    outcome = run_cli("--db", str(db), "ingest", str(corpus))
    assert outcome.code == 2 and "line 500 is not valid JSON" in outcome.err
    assert _count(db, "source") == 0
