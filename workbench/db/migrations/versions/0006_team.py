"""work split: who holds each statement for review

Revision ID: 0006_team
Revises: 0005
Create Date: 2026-12-05

One new table, `assignment` (statement -> the analyst who holds it, who assigned it and when).
No existing table is rewritten; assigning and releasing are also history events.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_team"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignment",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("analyst", sa.String(length=64), nullable=False),
        sa.Column("assigned_by", sa.String(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_assignment_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", name=op.f("pk_assignment")),
    )
    op.create_index(op.f("ix_assignment_analyst"), "assignment", ["analyst"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_assignment_analyst"), table_name="assignment")
    op.drop_table("assignment")
