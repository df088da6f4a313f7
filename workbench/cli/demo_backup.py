"""Practice work in an earlier demo database is kept, not replaced, when `demo` rebuilds it.

A new user's first verdicts and notes go into the demo database; running `workbench demo`
again must not silently destroy them. Rebuilding stays the default (the demo is meant to be
fresh), so the earlier file is copied aside first and the command says where.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

# Who sets the samples' disclaimers aside when the demo is built (not an analyst's work).
DEMO_ANALYST = "workbench demo"


def holds_analyst_work(target: Path) -> bool:
    """True if any change in `target` was made by an analyst (not the ingest that built it)."""
    if not target.exists() or target.stat().st_size == 0:
        return False
    try:
        connection = sqlite3.connect(f"file:{target.resolve()}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT EXISTS (SELECT 1 FROM change_event WHERE field != ? AND analyst != ?)",
                ("ingested", DEMO_ANALYST),
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False  # an unreadable or older file: _holds_only_demo_data already vetted it
    return bool(row and row[0])


def keep_backup(target: Path, *, now: datetime | None = None) -> Path:
    """Copy `target` (with its WAL) to `demo-YYYYMMDD-HHMMSS.db` beside it; returns that path.

    SQLite's backup API copies a consistent database including changes still in the WAL, which
    copying the file alone would lose.
    """
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    backup = target.with_name(f"{target.stem}-{stamp}{target.suffix or '.db'}")
    number = 1
    while backup.exists():
        number += 1
        backup = target.with_name(f"{target.stem}-{stamp}-{number}{target.suffix or '.db'}")
    source = sqlite3.connect(f"file:{target.resolve()}?mode=ro", uri=True)
    destination = sqlite3.connect(backup)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    return backup
