"""actors merged and split by analysts

Revision ID: 0008_actor_merges
Revises: 0007_review
Create Date: 2026-12-05

- `actor.merged_into_id`: the actor an analyst merged this one into (NULL: a live actor). The
  merged row stays, so its name still resolves (to the survivor) and the merge can be undone.
- `actor_alias.decided_by`: the analyst who placed an alias by a merge or a split; ingest
  resolves such a spelling to its actor first, so the decision is reapplied to new articles.
Both nullable: existing rows need no rewrite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_actor_merges"
down_revision = "0007_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actor") as batch:
        batch.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_actor_merged_into_id_actor"), "actor", ["merged_into_id"], ["id"]
        )
    with op.batch_alter_table("actor_alias") as batch:
        batch.add_column(sa.Column("decided_by", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("actor_alias") as batch:
        batch.drop_column("decided_by")
    with op.batch_alter_table("actor") as batch:
        batch.drop_constraint(op.f("fk_actor_merged_into_id_actor"), type_="foreignkey")
        batch.drop_column("merged_into_id")
