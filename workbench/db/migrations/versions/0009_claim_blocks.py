"""claim blocks in an indexed table

Revision ID: 0009_claim_blocks
Revises: 0008_actor_merges
Create Date: 2026-12-05

`claim_block` (block hash, claim id): where each claim's key is indexed for linking, so linking
a new article reads only the claims under the blocks of its statements instead of loading every
claim's key. Filled here from the keys already stored on `claim` (a few thousand claims a
second; a database with a million statements takes minutes, once).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0009_claim_blocks"
down_revision = "0008_actor_merges"
branch_labels = None
depends_on = None

CHUNK = 5_000


def upgrade() -> None:
    op.create_table(
        "claim_block",
        sa.Column("block", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("claim_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_block_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("block", "claim_id", name=op.f("pk_claim_block")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_claim_block_claim_id", "claim_block", ["claim_id"], unique=False)
    _fill()


def _blocks(stored: str) -> set[str]:
    """`ClaimKey.blocks` of a stored key, as this revision defines them (a migration keeps its
    own copy: later code may change, what this revision wrote may not)."""
    actors, _negated, terms, _numbers = json.loads(stored)
    found = {f"{actor}|{t}" for actor in actors for t in terms}
    found.update(f"{a}|{b}" for i, a in enumerate(terms) for b in terms[i + 1 :])
    if len(terms) == 1:
        found.add(terms[0])
    if not actors:
        found.update(f"~{a}|{b}" for i, a in enumerate(terms) for b in terms[i + 1 :])
        if len(terms) == 1:
            found.add(f"~{terms[0]}")
    return found


def _hash(block: str) -> int:
    return int.from_bytes(hashlib.blake2b(block.encode(), digest_size=8).digest(), signed=True)


def _fill(blocks_of: Callable[[str], set[str]] | None = None) -> None:
    """Index every claim's stored key under `blocks_of` (this revision's `_blocks` unless a
    later revision passes its own)."""
    blocks_of = blocks_of or _blocks
    connection = op.get_bind()
    blocks = sa.table("claim_block", sa.column("block"), sa.column("claim_id"))
    claims = sa.table("claim", sa.column("id"), sa.column("key"))
    last = 0
    while True:
        found = connection.execute(
            sa.select(claims.c.id, claims.c.key)
            .where(claims.c.id > last)
            .order_by(claims.c.id)
            .limit(CHUNK)
        ).all()
        if not found:
            return
        rows = [
            {"block": hashed, "claim_id": claim_id}
            for claim_id, stored in found
            if stored
            for hashed in {_hash(block) for block in blocks_of(stored)}
        ]
        if rows:
            connection.execute(sa.insert(blocks), rows)
        last = found[-1][0]


def downgrade() -> None:
    op.drop_index("ix_claim_block_claim_id", table_name="claim_block")
    op.drop_table("claim_block")
