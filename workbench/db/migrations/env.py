"""Alembic environment: always runs on a connection handed over by workbench.db.schema."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import workbench.db.models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite has almost no ALTER TABLE; batch mode copies the table
    # All migrations in one transaction, on SQLite too (Alembic assumes SQLite's DDL is not
    # transactional and commits after each; it is, under the engine's BEGIN IMMEDIATE): a kill
    # while a new file is created leaves no schema or all of it, never an older revision that
    # the next `ingest` would refuse.
    transactional_ddl=True,
    compare_type=True,
    include_object=lambda obj, name, type_, *_: (
        not (type_ == "table" and name.startswith("statement_fts"))
    ),
)
with context.begin_transaction():
    context.run_migrations()
