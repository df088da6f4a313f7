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
