"""claim blocks: each claim under the blocks of its first terms only

Revision ID: 0010_claim_block_prefixes
Revises: 0009_claim_blocks
Create Date: 2026-12-05

0009 indexed a claim under every pair of its terms (89 rows a claim on real news, most of the
file). A key is now indexed only under its first terms in a fixed order, as many as any key
`same_claim` accepts must share (prefix filtering, `ClaimKey.blocks`): 32 rows a claim, with the
same candidates found. The rows are rewritten from the keys stored on `claim`. What 0009 wrote
was a superset of these, so a database that skipped this step would still link right; this
step takes the surplus rows out.
"""

from __future__ import annotations

import json
import math
from importlib import import_module

from alembic import op

revision = "0010_claim_block_prefixes"
down_revision = "0009_claim_blocks"
branch_labels = None
depends_on = None

SAME_TERMS = 75.0
NEAR_SPELLINGS = 1


# 0009's fill (read the stored keys a chunk at a time, write their hashed blocks), given this
# revision's blocks.
_EVERY_PAIR = import_module("workbench.db.migrations.versions.0009_claim_blocks")


def upgrade() -> None:
    op.execute("DELETE FROM claim_block")
    _EVERY_PAIR._fill(_blocks)


def _prefix(terms: list[str], shared: int) -> list[str]:
    at_least = math.ceil(SAME_TERMS * len(terms) / 100)
    length = len(terms) - at_least + shared + NEAR_SPELLINGS
    return sorted(terms, key=lambda term: (-len(term), term))[:length]


def _pairs(terms: list[str]) -> set[str]:
    ordered = sorted(terms)
    return {f"{a}|{b}" for i, a in enumerate(ordered) for b in ordered[i + 1 :]}


def _blocks(stored: str) -> set[str]:
    """`ClaimKey.blocks` of a stored key, as this revision defines them (a migration keeps its
    own copy: later code may change, what this revision wrote may not)."""
    actors, _negated, terms, _numbers = json.loads(stored)
    pairs = _pairs(_prefix(terms, 2))
    found = {f"{actor}|{t}" for actor in actors for t in _prefix(terms, 1)} | pairs
    if len(terms) == 1:
        found.add(terms[0])
    if not actors:
        found.update(f"~{pair}" for pair in pairs)
        if len(terms) == 1:
            found.add(f"~{terms[0]}")
    return found


def downgrade() -> None:
    """Back to 0009's rows: every pair of terms."""
    op.execute("DELETE FROM claim_block")
    _EVERY_PAIR._fill()
