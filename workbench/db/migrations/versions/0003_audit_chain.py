"""audit chain

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

`audit_seal`: the history's hash chain (workbench/db/audit.py), append-only like the history.
Existing events are sealed by the first write transaction after the upgrade (`workbench init`
runs one).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SQLITE = [
    "CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal "
    "BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END",
    "CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal "
    "BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END",
]
_POSTGRES = [
    "CREATE FUNCTION audit_seal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit chain is append-only'; END $$",
    "CREATE TRIGGER audit_seal_no_update BEFORE UPDATE OR DELETE ON audit_seal "
    "FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only()",
]


def upgrade() -> None:
    op.create_table(
        "audit_seal",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_seal")),
        sa.UniqueConstraint("event_id", name=op.f("uq_audit_seal_event_id")),
    )
    bind = op.get_bind()
    for statement in _SQLITE if bind.dialect.name == "sqlite" else _POSTGRES:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP TRIGGER audit_seal_no_update ON audit_seal")
        bind.exec_driver_sql("DROP FUNCTION audit_seal_append_only()")
    op.drop_table("audit_seal")
