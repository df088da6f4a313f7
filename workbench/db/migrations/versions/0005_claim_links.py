"""claim links with their score and reason

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

`claim_member.score` (the rapidfuzz term score the link was made with; NULL where the statement
started its claim or an analyst placed it) and `claim_member.reason` (why: "same actors and
terms", "started the claim", "analyst"). Existing links get reason "" and no score; a
`workbench claims rebuild` scores every link an analyst has not pinned.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim_member") as batch:
        batch.add_column(sa.Column("score", sa.Float(), nullable=True))
        batch.add_column(sa.Column("reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("claim_member") as batch:
        batch.drop_column("reason")
        batch.drop_column("score")
