"""The blocking index that finds candidate claims for a statement, and its table.

A claim's key is indexed under its blocks (`ClaimKey.blocks`: an actor with a term, a pair of
terms); a new statement's key probes some of them (`ClaimKey.probes`) and the claims sharing
the most are decided by `claim_keys.same_claim`. Two readings of one index: `ClaimIndex` holds
every key in memory (a rebuild, a large ingest), `StoredClaimIndex` reads the `claim_block`
rows of the probed blocks only (an article into a large database; docs/linking.md "Speed").
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlmodel import Session, col

from workbench.db.bulk import bulk_insert
from workbench.db.models import Claim, ClaimBlock
from workbench.services.claim_keys import ClaimKey, same_claim

# A block shared by more claims than this says little about a match; the key's other blocks
# still find the candidates.
COMMON_BLOCK = 500
# At most this many candidates (those sharing the most blocks) are decided per statement.
CANDIDATES = 40


def encode_key(key: ClaimKey) -> str:
    return json.dumps([list(key.actors), key.negated, list(key.terms), list(key.numbers)])


def decode_key(stored: str) -> ClaimKey:
    actors, negated, terms, numbers = json.loads(stored)
    return ClaimKey(tuple(actors), bool(negated), tuple(terms), tuple(numbers))


def block_hash(block: str) -> int:
    """A block's text as a signed 64-bit integer: rows of two integers keep `claim_block` small."""
    return int.from_bytes(hashlib.blake2b(block.encode(), digest_size=8).digest(), signed=True)


def block_rows(claim_id: int, key: ClaimKey) -> list[tuple[int, int]]:
    """The `claim_block` rows of one claim's key: (block hash, claim id)."""
    return [(hashed, claim_id) for hashed in {block_hash(b) for b in key.blocks}]


def index_claims(session: Session, claims: Iterable[tuple[int, ClaimKey]]) -> None:
    """Write the blocks of claims whose key is new (started, or re-keyed after dropping)."""
    # In block order: the table is a B-tree on (block, claim id), and hashed blocks inserted in
    # arrival order land on a random page each (2.5 times slower for a large ingest).
    rows = sorted(row for claim_id, key in claims for row in block_rows(claim_id, key))
    bulk_insert(session.connection(), ClaimBlock.__table__, rows, ("block", "claim_id"))  # type: ignore[arg-type]


def unindex_claims(session: Session, claim_ids: Sequence[int]) -> None:
    """Take claims out of the blocking index (a merged-away claim, a key about to change)."""
    for start in range(0, len(claim_ids), 500):
        session.execute(
            delete(ClaimBlock).where(col(ClaimBlock.claim_id).in_(claim_ids[start : start + 500]))
        )


def _decide(
    shared: Counter[int], key: ClaimKey, key_of: Callable[[list[int]], dict[int, ClaimKey]]
) -> tuple[int, float, str] | None:
    """The matching claim with the highest score among the candidates sharing most blocks."""
    best: tuple[int, float, str] | None = None
    # A claim that states the same act shares most of the key's blocks: the candidates
    # sharing the most are decided, the long tail sharing one generic pair is not.
    ranked = _most_shared(shared)
    keys = key_of(ranked)
    for claim_id in ranked:
        decision = same_claim(key, keys[claim_id])
        if decision.same and (best is None or decision.score > best[1]):
            best = (claim_id, decision.score, decision.reason)
    return best


def _most_shared(shared: Counter[int]) -> list[int]:
    """The CANDIDATES claims sharing the most blocks, lowest id first among equals.

    The same as sorting every (count, id) pair, without a Python call per candidate: a common
    proposition meets thousands of claims through its blocks (most sharing one), and sorting
    them all was most of a large ingest's linking. The count the cut falls on is found from a
    histogram of the counts; only the few candidates above it are sorted.
    """
    histogram = Counter(shared.values())
    above, cut = 0, 0
    for count in sorted(histogram, reverse=True):
        if above + histogram[count] >= CANDIDATES:
            cut = count
            break
        above += histogram[count]
    top = sorted((c for c, n in shared.items() if n > cut), key=lambda c: (-shared[c], c))
    if cut:
        at_cut = [claim_id for claim_id, n in shared.items() if n == cut]
        top += heapq.nsmallest(CANDIDATES - len(top), at_cut)
    return top


class ClaimIndex:
    """Every claim's key, and which claims share each block, in memory for one linking run."""

    def __init__(self) -> None:
        self.keys: dict[int, ClaimKey] = {}
        self.blocks: dict[str, set[int]] = defaultdict(set)

    @classmethod
    def load(cls, session: Session) -> ClaimIndex:
        index = cls()
        for claim_id, stored in session.execute(select(col(Claim.id), col(Claim.key))):
            index.add(claim_id, decode_key(stored))
        return index

    def add(self, claim_id: int, key: ClaimKey) -> None:
        self.keys[claim_id] = key
        for block in key.blocks:
            self.blocks[block].add(claim_id)

    def remove(self, claim_id: int) -> ClaimKey:
        """Take a claim out of the index; its key."""
        key = self.keys.pop(claim_id)
        for block in key.blocks:
            self.blocks[block].discard(claim_id)
        return key

    def best(self, key: ClaimKey) -> tuple[int, float, str] | None:
        """The matching claim with the highest score, if any."""
        blocks = (self.blocks.get(block, ()) for block in key.probes)
        shared = Counter(chain.from_iterable(b for b in blocks if len(b) <= COMMON_BLOCK))
        return _decide(shared, key, lambda ids: self.keys)


_UNDER_BLOCK = (
    select(col(ClaimBlock.claim_id))
    .where(col(ClaimBlock.block) == bindparam("block"))
    .limit(COMMON_BLOCK + 1)
)


_COMPILED_UNDER: dict[str, Any] = {}


class StoredClaimIndex:
    """The blocking index read from `claim_block`: only the blocks the new statements probe,
    and the keys of the candidates they rank first. Claims started during the run are held in
    memory (`fresh`) until `link_unclaimed` writes their blocks."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.fresh = ClaimIndex()
        self._under: dict[str, frozenset[int]] = {}
        self._keys: dict[int, ClaimKey] = {}

    def add(self, claim_id: int, key: ClaimKey) -> None:
        self.fresh.add(claim_id, key)

    def prefetch(self, blocks: Iterable[str]) -> None:
        """Read the claims under every block the run probes, each capped at COMMON_BLOCK + 1
        rows: one indexed range read per block, through the driver (SQLAlchemy's execute costs
        several times the read itself, and an article probes hundreds of blocks)."""
        wanted = sorted({b for b in blocks if b not in self._under})
        if not wanted:
            return
        connection = self.session.connection()
        dialect = connection.dialect
        compiled = _COMPILED_UNDER.get(dialect.name)
        if compiled is None:
            compiled = _COMPILED_UNDER[dialect.name] = _UNDER_BLOCK.compile(dialect=dialect)
        params = dict(compiled.construct_params({"block": 0}))
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            for block in wanted:
                params["block"] = block_hash(block)
                if compiled.positional:
                    cursor.execute(compiled.string, [params[k] for k in compiled.positiontup])
                else:
                    cursor.execute(compiled.string, params)
                self._under[block] = frozenset(row[0] for row in cursor.fetchall())
        finally:
            cursor.close()

    def _stored(self, block: str) -> frozenset[int]:
        found = self._under.get(block)
        if found is None:
            rows = self.session.connection().execute(_UNDER_BLOCK, {"block": block_hash(block)})
            found = self._under[block] = frozenset(rows.scalars())
        return found

    def _key_of(self, claim_ids: list[int]) -> dict[int, ClaimKey]:
        missing = [i for i in claim_ids if i not in self._keys and i not in self.fresh.keys]
        if missing:
            query = select(col(Claim.id), col(Claim.key)).where(col(Claim.id).in_(missing))
            for claim_id, stored in self.session.execute(query):
                self._keys[claim_id] = decode_key(stored)
        return {i: self.fresh.keys.get(i) or self._keys[i] for i in claim_ids}

    def best(self, key: ClaimKey) -> tuple[int, float, str] | None:
        shared: Counter[int] = Counter()
        for block in key.probes:
            found = self._stored(block) | self.fresh.blocks.get(block, set())
            if len(found) <= COMMON_BLOCK:
                shared.update(found)
        return _decide(shared, key, self._key_of)
