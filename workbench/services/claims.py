"""Claims across sources: grouping statements that state one proposition, and reading them.

Grouping is incremental: `link_unclaimed` takes every live statement that has no claim yet
(a new ingest, an upgraded database) and joins it to the best matching claim, or starts a new
one. Candidates come from blocking (a claim is compared only if it shares an actor or a term),
never from all pairs; `claim_keys.same_claim` decides, with its guards. An analyst's link or
unlink is `pinned` and never moved by a rebuild.

The verdict model (docs/claims.md): a statement's status judges what its speaker says, so a
confirmed assertion and a disputed denial both read "the proposition holds", a confirmed denial
and a disputed assertion "it does not". A claim whose readings (its own verdict included)
disagree is inconsistent: flagged, listed, never exported as a rating.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, delete, func, insert, select, update
from sqlmodel import Session, col

from workbench.db.models import (
    Actor,
    ActorAlias,
    Claim,
    ClaimMember,
    Source,
    Statement,
    utc_now,
)
from workbench.db.views import ClaimStatement, ClaimView
from workbench.errors import InvalidInput, NotFound
from workbench.services.claim_index import (
    ClaimIndex,
    StoredClaimIndex,
    block_rows,
    decode_key,
    encode_key,
    index_claims,
    unindex_claims,
)
from workbench.services.claim_keys import ClaimKey, NameTable, claim_key, name_table
from workbench.verdicts import is_inconsistent, reading, status_for, verdict_in_words

__all__ = [
    "ClaimIndex",
    "ClaimKey",
    "StoredClaimIndex",
    "block_rows",
    "decode_key",
    "encode_key",
    "index_claims",
    "unindex_claims",
    "ClaimStatement",
    "ClaimView",
    "is_inconsistent",
    "reading",
    "status_for",
    "verdict_in_words",
]

CHUNK = 5_000
# A linking run reads the claims under its statements' blocks from `claim_block`, a block at a
# time, unless it links more than one statement per this many claims (a rebuild, a large
# ingest): then reading every key at once is cheaper (docs/linking.md "Speed").
CLAIMS_PER_STATEMENT_TO_LOAD = 20


def names_in(session: Session) -> NameTable:
    """The lexicon's places and seats of government plus every actor alias in the database."""
    from workbench.extract.lexicon import load_lexicon

    aliases = session.execute(
        select(ActorAlias.alias, Actor.name).join(Actor, col(Actor.id) == ActorAlias.actor_id)
    ).all()
    return name_table(load_lexicon().places, [(a, n) for a, n in aliases])


def rename_key_actor(session: Session, old: str, new: str) -> int:
    """After an actor merge, claims keyed under the merged actor's name are keyed under the
    survivor's: a new statement naming either (both now resolve to the survivor) finds them.
    Returns how many claims were re-keyed."""
    from dataclasses import replace

    query = select(col(Claim.id), col(Claim.key)).where(
        col(Claim.key).contains(json.dumps(old), autoescape=True)
    )
    changed = 0
    for claim_id, stored in session.execute(query).all():
        key = decode_key(stored)
        if old not in key.actors:
            continue
        actors = tuple(dict.fromkeys(new if actor == old else actor for actor in key.actors))
        renamed = replace(key, actors=actors)
        session.execute(
            update(Claim).where(col(Claim.id) == claim_id).values(key=encode_key(renamed))
        )
        unindex_claims(session, [claim_id])
        index_claims(session, [(claim_id, renamed)])
        changed += 1
    return changed


@dataclass(frozen=True)
class LinkSummary:
    statements: int
    joined: int  # statements that joined an existing claim
    created: int  # claims started

    def line(self) -> str:
        return (
            f"claims: {self.statements} statements linked "
            f"({self.joined} to existing claims, {self.created} new claims)"
        )


# A link made with a term score under this line is a suggestion: `claims show` marks it, the
# analyst accepts it (`claims link`, which pins it) or rejects it (`claims unlink`). Matches
# start at claim_keys.SAME_TERMS (75); from 90 up, at most one term in ten differs.
SUGGEST_BELOW = 90.0
STARTED = "started the claim"
BY_ANALYST = "analyst"

UNCLAIMED = (
    select(col(Statement.id), col(Statement.proposition), col(Statement.content))
    .outerjoin(ClaimMember, col(ClaimMember.statement_id) == Statement.id)
    .where(col(ClaimMember.statement_id).is_(None), col(Statement.dismissed).is_(False))
    .order_by(col(Statement.id))
)


def linked_through(session: Session) -> int:
    """The highest statement id in a claim: statements are linked in id order, so a new
    article's statements are above it (the primary key finds them without a scan)."""
    return session.execute(select(func.max(ClaimMember.statement_id))).scalar() or 0


def link_unclaimed(
    session: Session,
    *,
    analyst: str,
    progress: Callable[[int, int], None] | None = None,
    after_id: int | None = None,
) -> LinkSummary:
    """Join every live statement without a claim to its claim, or start one.

    `after_id` limits it to statements with a higher id (ingest gives `linked_through`: a scan
    of every statement for the few without a claim would cost more than linking them).
    `progress(done, total)` is called every `CHUNK` statements: grouping a million statements
    takes minutes (an upgraded database), and a silent terminal looks hung.
    """
    query = UNCLAIMED if after_id is None else UNCLAIMED.where(col(Statement.id) > after_id)
    rows = session.execute(query).all()
    if not rows:
        return LinkSummary(0, 0, 0)
    names = names_in(session)
    enough = len(rows) * CLAIMS_PER_STATEMENT_TO_LOAD  # counted up to here, never all of them
    some = select(col(Claim.id)).limit(enough + 1).subquery()
    claims = session.execute(select(func.count()).select_from(some)).scalar() or 0
    index: ClaimIndex | StoredClaimIndex = (
        ClaimIndex.load(session) if enough > claims else StoredClaimIndex(session)
    )
    joined = created = 0
    members: list[dict[str, object]] = []
    started: list[tuple[int, ClaimKey]] = []
    keyed: Iterable[tuple[int, str, ClaimKey]] = (
        (statement_id, text, claim_key(text, names))
        for statement_id, text in ((r[0], r[1] or r[2]) for r in rows)
    )
    if isinstance(index, StoredClaimIndex):  # a few statements: every block they probe at once
        keyed = list(keyed)
        index.prefetch(block for _s, _t, key in keyed for block in key.probes)
    for statement_id, text, key in keyed:
        match = index.best(key)
        score: float | None = None
        if match is None:
            claim_id, reason = new_claim(session, text, key, analyst, indexed=False), STARTED
            index.add(claim_id, key)
            started.append((claim_id, key))
            created += 1
        else:
            claim_id, score, reason = match
            joined += 1
        members.append(member_row(statement_id, claim_id, score, reason))
        if len(members) >= CHUNK:
            session.execute(insert(ClaimMember), members)
            index_claims(session, started)
            members, started = [], []
            if progress is not None:
                progress(joined + created, len(rows))
    if members:
        session.execute(insert(ClaimMember), members)
    index_claims(session, started)
    return LinkSummary(len(rows), joined, created)


def claim_row(proposition: str, key: ClaimKey, analyst: str, now: datetime) -> dict[str, object]:
    """The row of a claim a linking run starts (unverified, version 1)."""
    return {
        "proposition": proposition,
        "key": encode_key(key),
        "verdict": "unverified",
        "rationale": "",
        "version": 1,
        "created_at": now,
        "updated_at": now,
        "updated_by": analyst,
    }


def member_row(
    statement_id: int, claim_id: int, score: float | None, reason: str
) -> dict[str, object]:
    """The row of a statement's membership in a claim as linking decided it (not pinned)."""
    return {
        "statement_id": statement_id,
        "claim_id": claim_id,
        "pinned": False,
        "score": score,
        "reason": reason,
    }


_NEW_CLAIM = insert(Claim.__table__)  # type: ignore[attr-defined]


def new_claim(
    session: Session, proposition: str, key: ClaimKey, analyst: str, *, indexed: bool = True
) -> int:
    """Start a claim for a proposition no claim states yet; its id. Its blocks are written
    unless `indexed` is False (a linking run writes them in bulk)."""
    values = claim_row(proposition, key, analyst, utc_now())
    # One compiled INSERT for every claim (values() would build and compile a new one each time).
    claim_id: int = session.connection().execute(_NEW_CLAIM, values).inserted_primary_key[0]
    if indexed:
        index_claims(session, [(claim_id, key)])
    return claim_id


def rebuild_claims(session: Session, *, analyst: str) -> LinkSummary:
    """Regroup every statement an analyst has not pinned. Empty claims go unless an analyst
    touched them (version > 1: a verdict, link or merge), so a merge can still be undone."""
    session.execute(delete(ClaimMember).where(col(ClaimMember.pinned).is_(False)))
    in_use = select(ClaimMember.claim_id)
    session.execute(  # their claim_block rows go with them (ON DELETE CASCADE)
        delete(Claim).where(
            col(Claim.id).not_in(in_use),
            col(Claim.verdict) == "unverified",
            col(Claim.rationale) == "",
            col(Claim.version) == 1,
        )
    )
    return link_unclaimed(session, analyst=analyst)


# -- reading -----------------------------------------------------------------------------------


_MEMBERS = (
    select(
        col(ClaimMember.claim_id),
        col(Statement.id),
        col(Statement.source_id),
        col(Source.title),
        col(Source.outlet),
        col(Source.published),
        col(Source.url),
        col(Actor.name),
        col(Actor.kind),
        col(Statement.stance),
        col(Statement.status),
        col(Statement.dismissed),
        col(ClaimMember.pinned),
        col(ClaimMember.score),
        col(ClaimMember.reason),
    )
    .join(Statement, col(Statement.id) == ClaimMember.statement_id)
    .join(Source, col(Source.id) == Statement.source_id)
    .outerjoin(Actor, col(Actor.id) == Statement.actor_id)
)


def _views(session: Session, claims: Sequence[Claim]) -> list[ClaimView]:
    ids = [c.id for c in claims]
    members: dict[int, list[ClaimStatement]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        query = _MEMBERS.where(col(ClaimMember.claim_id).in_(ids[start : start + 500]))
        rows = session.connection().execute(query.order_by(col(Statement.id)))  # Core: no ORM
        for claim_id, *fields in rows:
            members[claim_id].append(ClaimStatement(*fields))
    return [
        ClaimView(
            id=c.id or 0,
            proposition=c.proposition,
            verdict=c.verdict,
            rationale=c.rationale,
            version=c.version,
            updated_by=c.updated_by,
            statements=tuple(members[c.id or 0]),
        )
        for c in claims
    ]


def get_claim(session: Session, claim_id: int) -> ClaimView:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(
            f"no claim with id {claim_id}", where="claim", hint="list ids with `workbench claims`"
        )
    return _views(session, [claim])[0]


def claim_of_statement(session: Session, statement_id: int) -> ClaimView | None:
    claim_id = session.execute(
        select(col(ClaimMember.claim_id)).where(col(ClaimMember.statement_id) == statement_id)
    ).scalar()
    return None if claim_id is None else get_claim(session, claim_id)


def list_claims(
    session: Session, *, inconsistent: bool = False, multi_source: bool = False
) -> list[ClaimView]:
    """Every claim with its statements, most carried first."""
    return list(iter_claims(session, inconsistent=inconsistent, multi_source=multi_source))


# Per claim: sources and live statements carrying it, and how many of those have a verdict.
_CARRIED = (
    select(
        col(ClaimMember.claim_id),
        func.count(func.distinct(Statement.source_id)),
        func.count(),
        func.sum(case((col(Statement.status) != "unverified", 1), else_=0)),
    )
    .join(Statement, col(Statement.id) == ClaimMember.statement_id)
    .where(col(Statement.dismissed).is_(False))
    .group_by(col(ClaimMember.claim_id))
)
VIEWS_PER_READ = 500


def iter_claims(
    session: Session, *, inconsistent: bool = False, multi_source: bool = False
) -> Iterator[ClaimView]:
    """Claims with live statements, most carried first, built VIEWS_PER_READ at a time.

    The order comes from one aggregate over the memberships; only then are claims and their
    statements read, a chunk at a time. Building every view first took 55 s and 1.8 GB at a
    million statements for `workbench claims --inconsistent`, which can only ever list claims
    with two readings (two judged statements, or one and a claim verdict)."""
    carried = _CARRIED
    if multi_source:
        carried = carried.having(func.count(func.distinct(Statement.source_id)) > 1)
    rows = session.execute(carried)
    order = [(-sources, -live, claim_id, judged) for claim_id, sources, live, judged in rows]
    if inconsistent:
        decided = set(session.scalars(select(Claim.id).where(col(Claim.verdict) != "unverified")))
        order = [o for o in order if o[3] >= 2 or (o[3] == 1 and o[2] in decided)]
    order.sort()
    for start in range(0, len(order), VIEWS_PER_READ):
        ids = [o[2] for o in order[start : start + VIEWS_PER_READ]]
        by_id = {c.id: c for c in session.scalars(select(Claim).where(col(Claim.id).in_(ids)))}
        for view in _views(session, [by_id[i] for i in ids if i in by_id]):
            if view.live and (view.inconsistent or not inconsistent):
                yield view


def link_label(statement: ClaimStatement) -> str:
    """Why a statement is in its claim, and whether the link is only a suggestion."""
    reason = statement.reason or "linked before links were scored"
    if statement.score is None:
        return reason
    label = f"score {statement.score:.0f}, {reason}"
    if statement.pinned or statement.score >= SUGGEST_BELOW:
        return label
    return f"suggested: {label}; accept with `claims link`, reject with `claims unlink`"


def check_verdict(verdict: str) -> str:
    from workbench.vocabulary import STATUSES

    if verdict not in STATUSES:
        raise InvalidInput(
            f"unknown verdict '{verdict}'",
            where="verdict",
            hint=f"use one of {', '.join(STATUSES)}",
        )
    return verdict


def bump_claim(
    session: Session, claim: Claim, expected: int | None, analyst: str, **values: object
) -> int:
    """Compare-and-set on the claim's version, as for statements; returns the new version."""
    from workbench.errors import StaleEdit

    seen = claim.version if expected is None else expected
    result = session.execute(
        update(Claim)
        .where(col(Claim.id) == claim.id, col(Claim.version) == seen)
        .values(**values, version=seen + 1, updated_at=utc_now(), updated_by=analyst)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(claim)
        raise StaleEdit.of(
            "claim", claim.id or 0, by=claim.updated_by, now=claim.version, seen=seen
        )
    return seen + 1
