"""second review, presence and per-database settings

Revision ID: 0007_review
Revises: 0006_team
Create Date: 2026-12-05

Three new tables; nothing existing is rewritten:
- `setting`: per-database settings every analyst shares (`second-review` on/off);
- `presence`: one heartbeat row per running TUI (who, which statement, when last seen);
- `second_review`: the four-eyes state of a statement's verdict (first and second analyst,
  adjudication). Verdicts themselves stay in `statement.status` and `change_event`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_review"
down_revision = "0006_team"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("set_by", sa.String(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "presence",
        sa.Column("session", sa.String(length=36), nullable=False),
        sa.Column("analyst", sa.String(length=64), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("session", name=op.f("pk_presence")),
    )
    op.create_index(op.f("ix_presence_seen_at"), "presence", ["seen_at"], unique=False)
    op.create_table(
        "second_review",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("first_analyst", sa.String(), nullable=False),
        sa.Column("first_verdict", sa.String(length=16), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("second_analyst", sa.String(), nullable=True),
        sa.Column("second_verdict", sa.String(length=16), nullable=True),
        sa.Column("second_note", sa.String(), nullable=True),
        sa.Column("second_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("decided_verdict", sa.String(length=16), nullable=True),
        sa.Column("decided_reason", sa.String(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_second_review_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", name=op.f("pk_second_review")),
    )
    op.create_index(op.f("ix_second_review_state"), "second_review", ["state"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_second_review_state"), table_name="second_review")
    op.drop_table("second_review")
    op.drop_index(op.f("ix_presence_seen_at"), table_name="presence")
    op.drop_table("presence")
    op.drop_table("setting")
