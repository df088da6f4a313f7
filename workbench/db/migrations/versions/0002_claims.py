"""claims across sources

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05

Two new tables: `claim` (a proposition with its verdict) and `claim_member` (which claim each
statement states). No existing table is rewritten; `workbench claims rebuild` groups the
statements of an upgraded database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposition", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
    )
    op.create_table(
        "claim_member",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_member_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_claim_member_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", name=op.f("pk_claim_member")),
    )
    op.create_index(
        "ix_claim_member_claim_id_statement_id",
        "claim_member",
        ["claim_id", "statement_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_claim_member_claim_id_statement_id", table_name="claim_member")
    op.drop_table("claim_member")
    op.drop_table("claim")
