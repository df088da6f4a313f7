"""Storage: SQLite pragmas, writers that wait instead of failing or losing updates, and who and
where (analyst identity, database choice) from option > environment > config file > default."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from core.conftest import ARTICLE, Outcome
from workbench.config import load_settings
from workbench.db.engine import BUSY_TIMEOUT_MS, Database
from workbench.extract import extract
from workbench.ingest.document import Document
from workbench.services.review import set_status
from workbench.services.statements import get_statement_row, list_statements
from workbench.services.storing import ingest_document

Run = Callable[..., Outcome]


def _pragma(db: Database, name: str) -> object:
    with db.reader() as session:
        return session.execute(sa.text(f"PRAGMA {name}")).scalar()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(sqlite_db: Database) -> None:
    assert _pragma(sqlite_db, "journal_mode") == "wal"
    assert _pragma(sqlite_db, "foreign_keys") == 1
    assert _pragma(sqlite_db, "busy_timeout") == BUSY_TIMEOUT_MS >= 5000
    assert _pragma(sqlite_db, "synchronous") == 1  # NORMAL


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(sa.exc.IntegrityError), db.transaction() as session:
        session.execute(
            sa.text(
                "INSERT INTO evidence (statement_id, url, title, relation, excerpt, removed, "
                "version, added_at, added_by) VALUES (4242, 'https://a.example', '', 'supports', "
                "'', false, 1, CURRENT_TIMESTAMP, 'x')"
            )
        )


def test_times_read_back_timezone_aware_utc(db: Database) -> None:
    with db.transaction() as session:
        ingest_document(session, Document(text=ARTICLE), extract(ARTICLE), analyst="ana")
        row = list_statements(session)[0]
        changed = set_status(session, statement_id=row.id, status="confirmed", analyst="ana")
    with db.reader() as session:
        stored = get_statement_row(session, row.id)
    assert stored.updated_at.utcoffset() is not None
    assert stored.updated_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert stored == changed  # what a write returns is what a later read sees


def test_a_writer_waits_for_the_lock_instead_of_failing(
    sqlite_db: Database, tmp_path: Path
) -> None:
    with sqlite_db.transaction() as session:
        ingest_document(session, Document(text=ARTICLE), extract(ARTICLE), analyst="ana")
        target = list_statements(session)[1].id
    holding = threading.Event()

    def hold_the_write_lock() -> None:
        other = sqlite3.connect(tmp_path / "workbench.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE source SET title = 'held'")
        holding.set()
        time.sleep(0.8)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    holding.wait(5)
    started = time.monotonic()
    with sqlite_db.transaction() as session:
        changed = set_status(session, statement_id=target, status="disputed", analyst="bo")
    waited = time.monotonic() - started
    holder.join()
    assert changed.status == "disputed"
    assert waited >= 0.5


WORKER = """
import sys
from workbench.db.engine import Database
from workbench.services.review import add_note, set_status
from workbench.services.statements import get_statement_row

path, statement_id, rounds, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
db = Database.open(path)
for number in range(rounds):
    with db.transaction() as session:
        row = get_statement_row(session, statement_id)
        flipped = "disputed" if row.status == "confirmed" else "confirmed"
        set_status(session, statement_id=statement_id, status=flipped, analyst=name,
                   seen_version=row.version, override=True, note=f"{name} flips it")
        add_note(session, statement_id=statement_id, text=f"{name} {number}", analyst=name)
db.dispose()
print("done")
"""


def test_concurrent_processes_lose_no_update(sqlite_db: Database, tmp_path: Path) -> None:
    """Read-modify-write from 3 processes at once: every change lands, none fails."""
    with sqlite_db.transaction() as session:
        ingest_document(session, Document(text=ARTICLE), extract(ARTICLE), analyst="ana")
        target = list_statements(session)[1].id
    sqlite_db.dispose()
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    processes, rounds = 3, 8
    path = str(tmp_path / "workbench.db")
    workers = [
        subprocess.Popen(
            [sys.executable, str(script), path, str(target), str(rounds), f"w{i}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]  # fmt: skip
    results = [worker.communicate(timeout=120) for worker in workers]
    for worker, (out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
        assert out.strip() == "done"
    with sqlite_db.reader() as session:
        row = get_statement_row(session, target)
        events = session.execute(
            sa.text(
                "SELECT field, count(*) FROM change_event WHERE statement_id = :s GROUP BY field"
            ),
            {"s": target},
        ).all()
    assert dict(events) == {"status": processes * rounds, "note": processes * rounds}
    assert row.version == 1 + processes * rounds


def test_threads_sharing_one_database_lose_no_update(sqlite_db: Database) -> None:
    """The TUI's worker threads share one Database (a connection pool)."""
    with sqlite_db.transaction() as session:
        ingest_document(session, Document(text=ARTICLE), extract(ARTICLE), analyst="ana")
        target = list_statements(session)[2].id
    errors: list[BaseException] = []

    def flip(name: str) -> None:
        try:
            for _ in range(15):
                with sqlite_db.transaction() as session:
                    row = get_statement_row(session, target)
                    status = "disputed" if row.status == "confirmed" else "confirmed"
                    set_status(
                        session,
                        statement_id=target,
                        status=status,
                        analyst=name,
                        override=True,
                        note="flip",
                    )
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    threads = [threading.Thread(target=flip, args=(f"t{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sqlite_db.reader() as session:
        assert get_statement_row(session, target).version == 1 + 4 * 15


# --- who and where -------------------------------------------------------------------------


def _last_analyst(run: Run) -> str:
    out = run("history", "2", "--format", "jsonl").out.strip().splitlines()
    import json

    return str(json.loads(out[-1])["analyst"])


def test_analyst_comes_from_option_then_env_then_file_then_login(
    run: Run, cli_db: Path, isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text('analyst = "from-file"\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_ANALYST", "from-env")
    assert run("--analyst", "from-option", "note", "2", "a").code == 0
    assert _last_analyst(run) == "from-option"
    run("note", "2", "b")
    assert _last_analyst(run) == "from-env"
    monkeypatch.delenv("WORKBENCH_ANALYST")
    run("note", "2", "c")
    assert _last_analyst(run) == "from-file"
    isolated_config.write_text("", encoding="utf-8")
    monkeypatch.setattr("getpass.getuser", lambda: "login-name")
    run("note", "2", "d")
    assert _last_analyst(run) == "login-name"


def test_database_comes_from_option_then_env_then_file_then_default(
    isolated_config: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text('database = "team.db"\nmax_file_mb = 3\n', encoding="utf-8")
    assert load_settings().database == "team.db"
    assert load_settings().max_file_mb == 3.0
    monkeypatch.setenv("WORKBENCH_DB", "env.db")
    assert load_settings().database == "env.db"
    assert load_settings(database="option.db").database == "option.db"
    monkeypatch.delenv("WORKBENCH_DB")
    isolated_config.unlink()
    settings = load_settings()
    assert (settings.database, settings.max_file_mb, settings.analyst) == (
        "workbench.db",
        20.0,
        "tester",
    )


def test_config_file_database_is_used_by_commands(
    run: Run, article: Path, isolated_config: Path, tmp_path: Path
) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text(f'database = "{tmp_path / "team.db"}"\n', encoding="utf-8")
    assert run("ingest", str(article)).code == 0
    assert (tmp_path / "team.db").exists() and not (tmp_path / "workbench.db").exists()
    assert run("--db", "mine.db", "ingest", str(article)).code == 0
    assert (tmp_path / "mine.db").exists()


def test_reading_a_missing_database_says_how_to_create_one(run: Run, tmp_path: Path) -> None:
    outcome = run("statements")
    assert outcome.code == 2
    assert "no database here yet" in outcome.error_lines[0]
    assert "workbench ingest" in outcome.error_lines[0]
    assert not (tmp_path / "workbench.db").exists()


def test_a_reader_does_not_wait_for_a_writer(run: Run, cli_db: Path) -> None:
    writer = sqlite3.connect(cli_db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE source SET title = 'being written'")
        started = time.monotonic()
        outcome = run("statements", "--format", "jsonl")
        assert outcome.code == 0, outcome
        assert time.monotonic() - started < 3  # the busy timeout is 10 s
        assert "Harbour Talks Stall" in outcome.out  # the last committed state
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_concurrent_writers_on_postgresql_lose_no_update(postgres_db: Database) -> None:
    """PostgreSQL does not serialise writers as SQLite's BEGIN IMMEDIATE does: two read the
    same version and both try to write. The compare-and-swap on `version` must let exactly one
    through and refuse the other (StaleEdit), so every committed change is counted and none is
    silently overwritten."""
    from workbench.errors import StaleEdit

    db = postgres_db
    with db.transaction() as session:
        ingest_document(session, Document(text=ARTICLE), extract(ARTICLE), analyst="ana")
        target = list_statements(session)[2].id
    committed: list[str] = []
    refused: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def flip(name: str) -> None:
        start.wait()
        for _ in range(15):
            try:
                with db.transaction() as session:
                    row = get_statement_row(session, target)
                    status = "disputed" if row.status == "confirmed" else "confirmed"
                    set_status(
                        session,
                        statement_id=target,
                        status=status,
                        analyst=name,
                        seen_version=row.version,
                        override=True,
                        note="flip",
                    )
                committed.append(name)
            except StaleEdit:
                refused.append(name)
            except BaseException as error:  # noqa: BLE001 (reported below)
                errors.append(error)

    threads = [threading.Thread(target=flip, args=(f"t{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(committed) + len(refused) == 60 and committed
    with db.reader() as session:
        row = get_statement_row(session, target)
        events = session.execute(
            sa.text(
                "SELECT count(*) FROM change_event WHERE statement_id = :s AND field = 'status'"
            ),
            {"s": target},
        ).scalar()
    assert row.version == 1 + len(committed)  # every committed change, and only those
    assert events == len(committed)


@pytest.mark.parametrize(
    "command",
    [
        ("verdict", "12", "confirmed"),
        ("note", "12", "checked"),
        ("evidence", "add", "12", "https://example.org/a"),
    ],
)
def test_a_write_to_a_mistyped_db_creates_nothing(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A typo in --db must not leave an empty database behind and then say "no statement 12"."""
    outcome = run("--db", "typo.db", *command)
    assert outcome.code == 2
    assert len(outcome.error_lines) == 1
    assert "no database here yet" in outcome.error_lines[0]
    assert "workbench init" in outcome.error_lines[0]
    assert not (tmp_path / "typo.db").exists()
