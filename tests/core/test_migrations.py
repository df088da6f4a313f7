"""Migrations: the migrated schema is exactly the models, on both engines; revisions are known."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import workbench.db.models  # noqa: F401  (registers the tables)
from core.conftest import Outcome, downgrade
from workbench.db import schema
from workbench.db.engine import Database, current_revision
from workbench.errors import SchemaMismatch


def _not_search_index(obj: object, name: str | None, type_: str, *_: object) -> bool:
    """FTS5 creates its own shadow tables (statement_fts_data, _idx, …): not ours to compare."""
    return not (type_ == "table" and name is not None and name.startswith("statement_fts"))


def test_upgrade_head_leaves_no_difference_from_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_object": _not_search_index},
        )
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_upgrade_head_installs_the_engine_extras(db: Database) -> None:
    with db.engine.connect() as connection:
        tables = set(sa.inspect(connection).get_table_names())
    assert {"source", "statement", "actor", "actor_alias", "evidence", "change_event",
            "conflict", "alembic_version"} <= tables  # fmt: skip
    if db.dialect == "sqlite":
        assert "statement_fts" in tables


def test_known_revisions_match_the_migration_files() -> None:
    script = ScriptDirectory(str(schema.MIGRATIONS))
    chain = [rev.revision for rev in reversed(list(script.walk_revisions("base", "heads")))]
    assert tuple(chain) == schema.KNOWN_REVISIONS
    assert script.get_heads() == [schema.HEAD_REVISION]
    files = sorted(p.name for p in (schema.MIGRATIONS / "versions").glob("[0-9]*.py"))
    assert len(files) == len(schema.KNOWN_REVISIONS)


def test_upgrade_is_idempotent_and_reports_the_revision(db: Database) -> None:
    assert current_revision(db) == schema.HEAD_REVISION
    assert schema.upgrade_to_head(db) == (schema.HEAD_REVISION, schema.HEAD_REVISION)
    schema.check_schema(db)


def test_downgrade_to_base_and_up_again(db: Database) -> None:
    downgrade(db, "base")
    with db.engine.connect() as connection:
        assert not set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
    assert schema.upgrade_to_head(db) == (None, schema.HEAD_REVISION)
    test_upgrade_head_leaves_no_difference_from_the_models(db)


def test_the_app_refuses_a_newer_schema(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = 'zzzz_future'"))
    with pytest.raises(SchemaMismatch, match="newer workbench"):
        schema.check_schema(db)
    with pytest.raises(SchemaMismatch, match="newer workbench"):
        schema.upgrade_to_head(db)
    assert current_revision(db) == "zzzz_future"


def test_init_creates_then_says_up_to_date(run: Callable[..., Outcome], tmp_path: Path) -> None:
    created = run("init")
    assert created.code == 0, created
    assert created.out.strip() == f"created database workbench.db (schema {schema.HEAD_REVISION})"
    again = run("init")
    assert again.code == 0
    assert again.out.strip() == (
        f"database workbench.db is up to date (schema {schema.HEAD_REVISION})"
    )
    assert not list(tmp_path.glob("*.bak"))


def test_a_new_file_gets_its_whole_schema_in_one_transaction(tmp_path: Path) -> None:
    """A kill while the first command creates the schema leaves no schema or all of it: never
    an older revision, which the next `ingest` refuses (Alembic commits after each migration on
    SQLite unless told its DDL is transactional)."""
    db = Database.open(str(tmp_path / "new.db"))
    commits: list[int] = []
    sa.event.listen(db.engine, "commit", lambda connection: commits.append(1))
    schema.upgrade_to_head(db)
    assert len(commits) == 1
    assert current_revision(db) == schema.HEAD_REVISION
    db.dispose()
