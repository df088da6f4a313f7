"""The history's hash chain: every event sealed, tampering named, on both engines."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from core.conftest import Outcome
from workbench.db import audit
from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.services.changes import AddNote, SetStatus, apply_change

Run = Callable[..., Outcome]


def _verify(db: Database) -> tuple[int, audit.Finding | None]:
    with db.reader() as session:
        return audit.verify(session.connection())


def _events(db: Database) -> int:
    with db.reader() as session:
        return session.execute(sa.text("SELECT count(*) FROM change_event")).scalar_one()


def _tamper(db: Database, sql: str) -> None:
    """What someone with the database's owner rights can do: switch the guards off."""
    with db.engine.begin() as connection:
        if db.dialect == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER IF EXISTS change_event_no_update")
            connection.exec_driver_sql("DROP TRIGGER IF EXISTS change_event_no_delete")
        else:
            connection.exec_driver_sql("ALTER TABLE change_event DISABLE TRIGGER ALL")
        connection.exec_driver_sql(sql)


def _changes(db: Database, rows: dict[str, StatementRow]) -> None:
    union = rows["union"]
    for change in (SetStatus(union.id, "confirmed"), AddNote(union.id, "two sources agree")):
        with db.transaction() as session:
            apply_change(session, change, analyst="ana")


def test_every_event_is_sealed_and_the_chain_verifies(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    _changes(db, rows)
    count, finding = _verify(db)
    assert finding is None and count == _events(db) >= 3
    with db.reader() as session:
        sealed, digest = audit.head(session.connection())
    assert sealed == count and len(digest) == 64


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE change_event SET new = 'disputed' WHERE field = 'status'", "changed"),
        ("UPDATE change_event SET analyst = 'mallory' WHERE field = 'note'", "changed"),
        ("DELETE FROM change_event WHERE field = 'status'", "deleted"),
    ],
)
def test_rewriting_history_in_sql_even_without_the_triggers_is_named(
    db: Database, rows: dict[str, StatementRow], sql: str, problem: str
) -> None:
    _changes(db, rows)
    _tamper(db, sql)
    _count, finding = _verify(db)
    assert finding is not None and problem in finding.problem
    assert finding.event_id is not None


def test_an_event_slipped_in_without_its_seal_is_named(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    _changes(db, rows)
    _tamper(
        db,
        "INSERT INTO change_event (at, analyst, entity, entity_id, statement_id, field, new, note)"
        " VALUES ('2026-01-01 00:00:00', 'mallory', 'statement', 1, 1, 'note', 'fake', '')",
    )
    _count, finding = _verify(db)
    assert finding is not None and "without a seal" in finding.problem


def test_concurrent_writers_keep_one_chain(db: Database, rows: dict[str, StatementRow]) -> None:
    ids = [row.id for row in rows.values()]
    errors: list[BaseException] = []

    def analyst(name: str) -> None:
        try:
            for turn in range(10):
                with db.transaction() as session:
                    status = "confirmed" if turn % 2 else "disputed"
                    apply_change(session, SetStatus(ids[turn % len(ids)], status), analyst=name)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=analyst, args=(f"a{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    count, finding = _verify(db)
    assert finding is None and count == _events(db)


def test_cli_head_and_verify_name_a_rewrite(run: Run, cli_db: Path) -> None:
    assert run("verdict", "2", "confirmed").code == 0
    head = run("audit", "head")
    digest, count = head.out.split()
    ok = run("audit", "verify", "--head", digest)
    assert ok.code == 0 and ok.out.strip() == f"audit: {count} events verify"
    db = Database.open(str(cli_db))
    _tamper(db, "UPDATE change_event SET new = 'disputed' WHERE field = 'status'")
    db.dispose()
    broken = run("audit", "verify")
    assert broken.code == 1 and "changed after it was sealed" in broken.err
    assert broken.err.startswith("audit: event ")


def test_a_chain_rebuilt_after_a_rewrite_no_longer_holds_the_head_written_down(
    run: Run, cli_db: Path
) -> None:
    digest = run("audit", "head").out.split()[0]
    db = Database.open(str(cli_db))
    _tamper(db, "UPDATE change_event SET analyst = 'mallory'")
    with db.engine.begin() as connection:  # the forger reseals everything
        connection.exec_driver_sql("DROP TRIGGER audit_seal_no_delete")
        connection.exec_driver_sql("DELETE FROM audit_seal")
        audit.seal_history(connection)
    db.dispose()
    assert run("audit", "verify").code == 0  # internally consistent again…
    refused = run("audit", "verify", "--head", digest)
    assert refused.code == 1 and "is not in this chain" in refused.err  # …but not the same
