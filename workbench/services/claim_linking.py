"""Claims linking that never holds the write lock for long: `link_unclaimed` in batches.

`link_unclaimed` decides every statement inside one write transaction. Deciding is CPU work
(a claim key per statement, candidates scored against the claims sharing its blocks): 22,000
imported statements took about 40 s here, all of it with SQLite's write lock held, so an
analyst's verdict meanwhile failed at the 10 s busy timeout. Here each batch of statements is
read and decided outside any write transaction, and a short one writes the outcome: the new
claims and the memberships. The claims the run starts are in the index as soon as they are
decided (under stand-in ids above every real one, so ties break as with real ids), and the
claims other writers started in the meantime are read in before each batch: without other
writers the grouping is exactly `link_unclaimed`'s. A statement another writer linked meanwhile
is left as that writer linked it; one whose chosen claim was deleted meanwhile stays unclaimed
for the next run. An interrupted run leaves whole batches: the next one links the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlmodel import Session, col

from workbench.db.engine import Database
from workbench.db.models import Claim, ClaimMember, Statement, utc_now
from workbench.services.claim_index import ClaimIndex, decode_key, index_claims
from workbench.services.claim_keys import ClaimKey, NameTable, claim_key
from workbench.services.claims import (
    STARTED,
    UNCLAIMED,
    LinkSummary,
    claim_row,
    link_unclaimed,
    linked_through,
    member_row,
    names_in,
)

BATCH = 1_000  # statements decided per batch; their write is a few milliseconds
# A run adding this many statements links them in batches; fewer link in one short transaction
# reading only the blocks they probe (an article's take milliseconds, where loading every
# claim's key first takes seconds in a large database).
LINK_IN_BATCHES_FROM = 5_000
# SQLite's busy handler polls (sleeping up to 100 ms between tries), it does not queue: a
# writer that leaves the lock free this long after a batch lets whoever waits in.
LOCK_FREE_SECONDS = 0.1
STAND_IN = 1 << 60  # ids of claims decided but not yet written: above every real id
_NEWER_CLAIMS = select(col(Claim.id), col(Claim.key)).where(col(Claim.id) > bindparam("after"))
_CLAIMED = select(col(ClaimMember.statement_id)).where(
    col(ClaimMember.statement_id).in_(bindparam("ids", expanding=True))
)
_EXISTING = select(col(Claim.id)).where(col(Claim.id).in_(bindparam("ids", expanding=True)))
_INSERT_CLAIMS = insert(Claim).returning(col(Claim.id), sort_by_parameter_order=True)


@dataclass
class _Plan:
    """One batch's decisions: (statement id, claim id or stand-in, score, reason) and the
    claims to start, by stand-in id."""

    links: list[tuple[int, int, float | None, str]] = field(default_factory=list)
    started: dict[int, tuple[str, ClaimKey]] = field(default_factory=dict)


def link_new_statements(
    db: Database,
    *,
    analyst: str,
    added: int,
    batched_from: int = LINK_IN_BATCHES_FROM,
    batch: int = BATCH,
    between: Callable[[], None] | None = None,
) -> LinkSummary:
    """Link the statements an ingest or import added (those above the last one in a claim):
    from `batched_from` of them in batches outside the write lock, fewer in one transaction."""
    with db.reader() as session:
        after = linked_through(session)
    if added >= batched_from:
        return link_in_batches(db, analyst=analyst, batch=batch, between=between, after_id=after)
    with db.transaction() as session:
        return link_unclaimed(session, analyst=analyst, after_id=after)


def link_in_batches(
    db: Database,
    *,
    analyst: str,
    batch: int = BATCH,
    between: Callable[[], None] | None = None,
    after_id: int = 0,
) -> LinkSummary:
    """Join every live statement above `after_id` without a claim to its claim, or start one,
    a batch at a time; `between` runs after each batch's commit (a pause for other writers)."""
    with db.reader() as session:
        names = names_in(session)
        index = ClaimIndex.load(session)
    newest = max(index.keys, default=0)
    after, total, joined, created = after_id, 0, 0, 0
    while True:
        with db.reader() as session:
            newest = _read_newer_claims(session, index, newest)
            query = UNCLAIMED.where(col(Statement.id) > after).limit(batch)
            rows = session.execute(query).all()
        if not rows:
            return LinkSummary(total, joined, created)
        after = rows[-1][0]
        plan = _decide(rows, index, names)
        with db.transaction() as session:
            links, ids, gone = _write(session, plan, analyst)
        for claim_id in gone:  # deleted by another writer since it was read
            _rename(index, claim_id, None)
        for stand_in in plan.started:
            _rename(index, stand_in, ids.get(stand_in))
        newest = max([newest, *ids.values()])
        total += len(links)
        created += sum(1 for link in links if link[3] == STARTED)
        joined += sum(1 for link in links if link[3] != STARTED)
        if between is not None:
            between()


def let_writers_in(dialect: str, seconds: float = LOCK_FREE_SECONDS) -> None:
    """After a batch's commit, leave the lock free for one busy-handler poll (SQLite only:
    PostgreSQL queues lock waiters in order)."""
    if dialect == "sqlite" and seconds > 0:
        time.sleep(seconds)


def _read_newer_claims(session: Session, index: ClaimIndex, newest: int) -> int:
    """Claims other writers started since the index was read; the newest id now known."""
    for claim_id, stored in session.execute(_NEWER_CLAIMS, {"after": newest}):
        index.add(claim_id, decode_key(stored))
        newest = max(newest, claim_id)
    return newest


def _decide(rows: Sequence[Any], index: ClaimIndex, names: NameTable) -> _Plan:
    """What `link_unclaimed` decides for these statements, with no transaction open."""
    plan = _Plan()
    for statement_id, proposition, content in rows:
        text = proposition or content
        key = claim_key(text, names)
        match = index.best(key)
        if match is None:
            stand_in = STAND_IN + len(plan.started)
            index.add(stand_in, key)
            plan.started[stand_in] = (text, key)
            plan.links.append((statement_id, stand_in, None, STARTED))
        else:
            plan.links.append((statement_id, *match))
    return plan


def _write(
    session: Session, plan: _Plan, analyst: str
) -> tuple[list[tuple[int, int, float | None, str]], dict[int, int], set[int]]:
    """Write the plan's claims and links that still hold; (links written, stand-in -> id,
    chosen claims that no longer exist)."""
    statement_ids = [link[0] for link in plan.links]
    claimed = set(session.execute(_CLAIMED, {"ids": statement_ids}).scalars())
    chosen = {link[1] for link in plan.links if link[1] < STAND_IN}
    existing = set(session.execute(_EXISTING, {"ids": sorted(chosen)}).scalars())
    links = [
        link
        for link in plan.links
        if link[0] not in claimed and (link[1] >= STAND_IN or link[1] in existing)
    ]
    needed = sorted({link[1] for link in links if link[1] >= STAND_IN})
    ids: dict[int, int] = {}
    if needed:
        now = utc_now()
        rows = [claim_row(*plan.started[stand_in], analyst, now) for stand_in in needed]
        inserted = session.execute(_INSERT_CLAIMS, rows).scalars().all()
        ids = dict(zip(needed, inserted, strict=True))
        # The stored blocking index (claim_block) finds them for the next ingest's articles.
        index_claims(session, [(ids[s], plan.started[s][1]) for s in needed])
    members = [
        member_row(statement_id, ids.get(claim_id, claim_id), score, reason)
        for statement_id, claim_id, score, reason in links
    ]
    if members:
        session.execute(insert(ClaimMember), members)
    return links, ids, chosen - existing


def _rename(index: ClaimIndex, stand_in: int, claim_id: int | None) -> None:
    """A claim of the index under its real id, or out of it (a started claim no statement
    kept, a claim deleted meanwhile)."""
    key = index.remove(stand_in)
    if claim_id is not None:
        index.add(claim_id, key)
