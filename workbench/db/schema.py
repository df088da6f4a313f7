"""Schema versions: upgrade with Alembic on `init`, and a fast check on every other open.

The check reads `alembic_version` directly so that opening the TUI does not import Alembic.
`KNOWN_REVISIONS` lists every revision this workbench ships, oldest first; a test keeps it in
step with the migrations folder.
"""

from __future__ import annotations

from pathlib import Path

from workbench.db.engine import Database, current_revision, translate_errors
from workbench.errors import SchemaMismatch

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006_team",
    "0007_review",
    "0008_actor_merges",
    "0009_claim_blocks",
    "0010_claim_block_prefixes",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
MIGRATIONS = Path(__file__).parent / "migrations"


def check_schema(db: Database) -> None:
    """Refuse a database this workbench cannot safely read or write."""
    revision = current_revision(db)
    if revision == HEAD_REVISION:
        return
    if revision is None:
        _refuse_foreign_tables(db)
        raise SchemaMismatch(
            "the database is not initialised",
            where=db.location,
            hint="run `workbench init` (or `workbench ingest`, which creates it)",
        )
    if revision in KNOWN_REVISIONS:
        raise SchemaMismatch(
            f"the database schema is older ({revision}) than this workbench ({HEAD_REVISION})",
            where=db.location,
            hint="run `workbench init` to upgrade it; a backup is made first",
        )
    raise SchemaMismatch(
        f"the database was written by a newer workbench (schema {revision})",
        where=db.location,
        hint="upgrade workbench to open it; it was left untouched",
    )


def upgrade_to_head(db: Database, target: str = "head") -> tuple[str | None, str]:
    """Create or upgrade the schema; returns (revision before, revision after).

    `target` is for tests that build an older database to upgrade.
    """
    from alembic import command
    from alembic.config import Config

    before = current_revision(db)
    if before is None:
        _refuse_foreign_tables(db)  # never add our tables to another program's database
    if before is not None and before not in KNOWN_REVISIONS:
        check_schema(db)  # raises the "newer workbench" error
    if before == (HEAD_REVISION if target == "head" else target):
        return before, before
    if db.read_only:
        check_schema(db)
    if before is not None and db.dialect == "sqlite":
        _backup_sqlite(db, before)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with translate_errors(db.location), db.engine.connect() as connection:
        if db.dialect == "sqlite":
            # Batch mode copies tables, which enforced foreign keys would refuse mid-way.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        config.attributes["connection"] = connection
        command.upgrade(config, target)
        connection.commit()
        if db.dialect == "sqlite":
            raw = connection.connection.driver_connection
            raw.execute("PRAGMA foreign_keys = ON")
            if raw.execute("PRAGMA foreign_key_check").fetchall():
                raise SchemaMismatch("the upgrade left broken references", where=db.location)
    return before, HEAD_REVISION if target == "head" else target


def _refuse_foreign_tables(db: Database) -> None:
    """Tables without a workbench schema version belong to something else: leave them alone."""
    from sqlalchemy import inspect

    with translate_errors(db.location), db.read_engine.connect() as connection:
        foreign = set(inspect(connection).get_table_names()) - {"alembic_version"}
    if foreign:
        raise SchemaMismatch(
            "is not a workbench database (it holds other tables and no workbench schema)",
            where=db.location,
            hint="give the path of a database made by `workbench init`, or a new file",
        )


def _backup_sqlite(db: Database, revision: str) -> Path:
    """Alembic runs no transactional DDL on SQLite: keep a consistent copy before migrating."""
    target = Path(f"{db.location}.before-{revision}.bak")
    target.unlink(missing_ok=True)
    with db.engine.connect() as connection:
        connection.connection.driver_connection.execute("VACUUM INTO ?", (str(target),))
    return target
