"""A read-only PostgreSQL role reads, and every write is refused in one line (no traceback)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from conftest import POSTGRES_URL

from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.errors import ReadOnlyDatabase
from workbench.services.assignments import Assign
from workbench.services.changes import AddNote, SetStatus, apply_change
from workbench.services.statements import list_statements

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(postgres_db: Database) -> Database:
    """Roles are PostgreSQL's: `rows` ingests into the server only."""
    return postgres_db


@pytest.fixture
def viewer(postgres_db: Database, rows: dict[str, StatementRow]) -> Iterator[Database]:
    """The same schema opened as a role granted only USAGE and SELECT (docs/team.md)."""
    schema = postgres_db.location.rsplit("search_path%3D", 1)[1]
    role = f"wb_viewer_{uuid.uuid4().hex[:8]}"
    with postgres_db.engine.begin() as connection:
        connection.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
        connection.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"')
        connection.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"')
    url = sa.make_url(POSTGRES_URL).set(username=role).render_as_string(hide_password=False)
    db = Database.open(f"{url}?options=-csearch_path%3D{schema}")
    try:
        yield db
    finally:
        db.dispose()
        with postgres_db.engine.begin() as connection:
            connection.exec_driver_sql(f'DROP OWNED BY "{role}"')
            connection.exec_driver_sql(f'DROP ROLE "{role}"')


@pytest.mark.parametrize("kind", ["verdict", "note", "assign"])
def test_a_viewer_reads_and_every_write_is_refused_in_one_line(
    viewer: Database, rows: dict[str, StatementRow], kind: str
) -> None:
    union = rows["union"]
    change = {
        "verdict": SetStatus(union.id, "confirmed"),
        "note": AddNote(union.id, "seen"),
        "assign": Assign(union.id, "vic"),
    }[kind]
    with viewer.reader() as session:
        assert len(list_statements(session)) == len(rows)
    with pytest.raises(ReadOnlyDatabase) as refused, viewer.transaction() as session:
        apply_change(session, change, analyst="vic")
    assert "may only read: nothing was changed" in refused.value.message
    with viewer.reader() as session:
        assert {r.status for r in list_statements(session)} == {"unverified"}


def test_a_viewer_opens_read_only_and_the_cli_refuses_before_writing(
    viewer: Database, postgres_db: Database, rows: dict[str, StatementRow]
) -> None:
    from core.conftest import run_cli

    assert viewer.with_role_privileges().read_only
    assert not postgres_db.with_role_privileges().read_only
    target = viewer.engine.url.render_as_string(hide_password=False)  # with its search_path
    union = rows["union"]
    listed = run_cli("--db", target, "statements", "--format", "jsonl")
    assert listed.code == 0 and len(listed.out.splitlines()) == len(rows)
    refused = run_cli("--db", target, "verdict", str(union.id), "confirmed")
    assert refused.code == 2 and len(refused.error_lines) == 1
    assert "this database role may only read: nothing was changed" in refused.err
    with postgres_db.reader() as session:
        assert {r.status for r in list_statements(session)} == {"unverified"}


async def test_the_review_screen_of_a_viewer_is_read_only(
    viewer: Database, rows: dict[str, StatementRow]
) -> None:
    from workbench.config import Settings
    from workbench.tui.app import WorkbenchApp

    app = WorkbenchApp(
        viewer.with_role_privileges(), Settings(analyst="vic"), poll_seconds=0, count_delay=0
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.press("c")
        await pilot.pause(0.2)
        line = app.screen.query_one("#status-line").content
        assert "READ-ONLY" in str(line)
    with viewer.reader() as session:
        assert {r.status for r in list_statements(session)} == {"unverified"}
