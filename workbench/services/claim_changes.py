"""Changes to claims, on the typed change path: a claim verdict, linking, unlinking and merging.

Registered with `services.changes.handles`, so the CLI and the TUI apply them with
`apply_change` like any statement change: version checked (the claim's), history written,
one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlmodel import Session, col

from workbench.db.models import Claim, ClaimMember
from workbench.errors import InvalidInput, NotFound
from workbench.services.changes import Applied, SetStatus, apply_change, handles
from workbench.services.claims import (
    BY_ANALYST,
    bump_claim,
    check_verdict,
    decode_key,
    index_claims,
    status_for,
    unindex_claims,
)
from workbench.services.history import record_change
from workbench.services.statements import get_statement_row
from workbench.services.verdict_rules import standing_verdict


@dataclass(frozen=True)
class SetClaimVerdict:
    """The verdict on the proposition itself; `apply` also sets each statement's status to
    the matching reading (an assertion takes the verdict, a denial its opposite)."""

    claim_id: int
    verdict: str
    rationale: str = ""
    apply: bool = False


@dataclass(frozen=True)
class LinkToClaim:
    """An analyst's decision: this statement states that claim (kept through rebuilds)."""

    statement_id: int
    claim_id: int


@dataclass(frozen=True)
class UnlinkFromClaim:
    """An analyst's decision: this statement is not its claim's; it gets a claim of its own."""

    statement_id: int


@dataclass(frozen=True)
class MergeClaims:
    """An analyst's decision: claim `claim_id` states the same proposition as `into_id`. Its
    statements move (pinned, so a rebuild keeps them there); `into_id` keeps its verdict. The
    emptied claim stays, with its verdict and history, so the merge can be undone."""

    claim_id: int
    into_id: int


@dataclass(frozen=True)
class UnmergeClaims:
    """The undo of a merge: `statement_ids` go back from `from_id` to `claim_id`."""

    claim_id: int
    from_id: int
    statement_ids: tuple[int, ...]


def _claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(
            f"no claim with id {claim_id}", where="claim", hint="list ids with `workbench claims`"
        )
    return claim


def _history(
    session: Session, analyst: str, claim_id: int, field: str, old: object, new: object, note: str
) -> None:
    record_change(
        session,
        analyst=analyst,
        entity="claim",
        entity_id=claim_id,
        field=field,
        old=old,
        new=new,
        note=note,
    )


@handles(SetClaimVerdict)
def _set_verdict(session: Session, c: SetClaimVerdict, analyst: str, seen: int | None) -> Applied:
    check_verdict(c.verdict)
    claim = _claim(session, c.claim_id)
    before = (claim.verdict, claim.rationale, claim.version)
    if (claim.verdict, claim.rationale) != (c.verdict, c.rationale.strip()) or seen is not None:
        bump_claim(session, claim, seen, analyst, verdict=c.verdict, rationale=c.rationale.strip())
        _history(session, analyst, c.claim_id, "verdict", before[0], c.verdict, c.rationale)
    rows = []
    kept: list[str] = []
    if c.apply:
        members = session.execute(
            select(col(ClaimMember.statement_id))
            .where(col(ClaimMember.claim_id) == c.claim_id)
            .order_by(col(ClaimMember.statement_id))
        ).scalars()
        for statement_id in list(members):
            row = get_statement_row(session, statement_id)
            wanted = status_for(row.stance, c.verdict)
            if row.dismissed or wanted is None or wanted == row.status:
                continue
            standing = standing_verdict(session, row)
            if standing is not None and standing.analyst != analyst:
                kept.append(f"#{row.id} ({standing.analyst})")  # never overridden in passing
                continue
            note = f"from the verdict on claim {c.claim_id}"
            rows.append(
                apply_change(session, SetStatus(row.id, wanted, note), analyst=analyst).rows[0]
            )
    undo = SetClaimVerdict(c.claim_id, before[0], before[1])
    message = f"claim {c.claim_id}: {c.verdict}" + (
        f"; {len(rows)} statements set" if c.apply else ""
    )
    if kept:
        message += (
            f"; left as other analysts judged them: {', '.join(kept)} "
            "(change them with `workbench verdict ID STATUS --override --note REASON`)"
        )
    return Applied(c, tuple(rows), None, undo, before[2] + 1, message)


def _live_row(session: Session, statement_id: int, action: str):  # type: ignore[no-untyped-def]
    row = get_statement_row(session, statement_id)
    if row.dismissed or row.merged_into_id is not None:
        raise InvalidInput(
            f"statement {statement_id} is dismissed or merged",
            where=action,
            hint="restore it first; only live statements belong to claims",
        )
    return row


def _current_claim(session: Session, statement_id: int) -> int | None:
    return session.execute(
        select(col(ClaimMember.claim_id)).where(col(ClaimMember.statement_id) == statement_id)
    ).scalar()


_PLACED = {"pinned": True, "score": None, "reason": BY_ANALYST}


def _move(session: Session, statement_id: int, claim_id: int) -> None:
    if _current_claim(session, statement_id) is None:
        session.execute(
            insert(ClaimMember).values(statement_id=statement_id, claim_id=claim_id, **_PLACED)
        )
    else:
        session.execute(
            update(ClaimMember)
            .where(col(ClaimMember.statement_id) == statement_id)
            .values(claim_id=claim_id, **_PLACED)
        )


@handles(LinkToClaim)
def _link(session: Session, c: LinkToClaim, analyst: str, seen: int | None) -> Applied:
    row = _live_row(session, c.statement_id, "link")
    claim = _claim(session, c.claim_id)
    old = _current_claim(session, c.statement_id)
    if old == c.claim_id:
        return _accept(session, c, analyst, seen, claim, row)
    bump_claim(session, claim, seen, analyst)
    _move(session, c.statement_id, c.claim_id)
    _history(session, analyst, c.claim_id, "statement", old, c.statement_id, "linked")
    undo = LinkToClaim(c.statement_id, old) if old is not None else UnlinkFromClaim(c.statement_id)
    message = f"statement {c.statement_id} linked to claim {c.claim_id}"
    return Applied(c, (row,), row, undo, None, message)


def _accept(  # type: ignore[no-untyped-def]
    session: Session, c: LinkToClaim, analyst: str, seen: int | None, claim: Claim, row
) -> Applied:
    """Linking a statement to the claim grouping put it in accepts that link: it is pinned
    (kept through rebuilds) and no longer a suggestion. Already pinned: nothing to do."""
    member = session.get(ClaimMember, c.statement_id)
    if member is None or member.pinned:
        raise InvalidInput(
            f"statement {c.statement_id} is already in claim {c.claim_id}", where="link"
        )
    score = member.score
    bump_claim(session, claim, seen, analyst)
    session.execute(
        update(ClaimMember)
        .where(col(ClaimMember.statement_id) == c.statement_id)
        .values(pinned=True, reason=f"accepted: {member.reason}")
    )
    shown = "no score" if score is None else f"score {score:.0f}"
    _history(session, analyst, c.claim_id, "statement", None, c.statement_id, f"accepted ({shown})")
    message = f"statement {c.statement_id} accepted in claim {c.claim_id}"
    return Applied(c, (row,), row, None, None, message)


@handles(UnlinkFromClaim)
def _unlink(session: Session, c: UnlinkFromClaim, analyst: str, seen: int | None) -> Applied:
    row = _live_row(session, c.statement_id, "unlink")
    old = _current_claim(session, c.statement_id)
    if old is None:
        raise InvalidInput(f"statement {c.statement_id} is in no claim", where="unlink")
    bump_claim(session, _claim(session, old), seen, analyst)
    from workbench.services.claim_keys import claim_key
    from workbench.services.claims import names_in, new_claim

    text = row.proposition or row.content
    new_id = new_claim(session, text, claim_key(text, names_in(session)), analyst)
    _move(session, c.statement_id, new_id)
    _history(
        session, analyst, old, "statement", c.statement_id, None, f"unlinked to claim {new_id}"
    )
    message = f"statement {c.statement_id} unlinked from claim {old}; now claim {new_id}"
    return Applied(
        c, (row,), row, LinkToClaim(c.statement_id, old), None, message, created_id=new_id
    )


def _members(session: Session, claim_id: int) -> tuple[int, ...]:
    return tuple(
        session.execute(
            select(col(ClaimMember.statement_id))
            .where(col(ClaimMember.claim_id) == claim_id)
            .order_by(col(ClaimMember.statement_id))
        ).scalars()
    )


def _move_all(session: Session, statement_ids: tuple[int, ...], claim_id: int) -> None:
    for start in range(0, len(statement_ids), 500):  # parameter limits on SQLite
        session.execute(
            update(ClaimMember)
            .where(col(ClaimMember.statement_id).in_(statement_ids[start : start + 500]))
            .values(claim_id=claim_id, **_PLACED)
        )


@handles(MergeClaims)
def _merge_claims(session: Session, c: MergeClaims, analyst: str, seen: int | None) -> Applied:
    """`seen` is the version of the claim kept (`into_id`), the one whose meaning changes."""
    if c.claim_id == c.into_id:
        raise InvalidInput(
            f"claim {c.claim_id} cannot be merged into itself",
            where="merge",
            hint="name two different claims: the one to fold in, then the one to keep",
        )
    merged, kept = _claim(session, c.claim_id), _claim(session, c.into_id)
    moved = _members(session, c.claim_id)
    if not moved:
        raise InvalidInput(
            f"claim {c.claim_id} has no statements to merge",
            where="merge",
            hint="list claims with `workbench claims`",
        )
    version = bump_claim(session, kept, seen, analyst)
    bump_claim(session, merged, None, analyst)
    _move_all(session, moved, c.into_id)
    # The emptied claim is kept for the undo, but new statements must find the one kept.
    unindex_claims(session, [c.claim_id])
    ids = ", ".join(str(i) for i in moved)
    _history(session, analyst, c.into_id, "merged", None, c.claim_id, f"statements {ids}")
    _history(session, analyst, c.claim_id, "merged_into", None, c.into_id, f"statements {ids}")
    message = f"claim {c.claim_id} merged into claim {c.into_id} ({len(moved)} statements)"
    if merged.verdict != kept.verdict:
        message += f"; claim {c.into_id} keeps its verdict {kept.verdict}, not {merged.verdict}"
    undo = UnmergeClaims(c.claim_id, c.into_id, moved)
    return Applied(c, (), None, undo, version, message)


@handles(UnmergeClaims)
def _unmerge_claims(session: Session, c: UnmergeClaims, analyst: str, seen: int | None) -> Applied:
    back, source = _claim(session, c.claim_id), _claim(session, c.from_id)
    present = set(_members(session, c.from_id))
    moving = tuple(i for i in c.statement_ids if i in present)
    version = bump_claim(session, source, seen, analyst)
    bump_claim(session, back, None, analyst)
    _move_all(session, moving, c.claim_id)
    unindex_claims(session, [c.claim_id])  # never twice, whatever the index holds now
    index_claims(session, [(c.claim_id, decode_key(back.key))])
    ids = ", ".join(str(i) for i in moving)
    _history(session, analyst, c.from_id, "merged", c.claim_id, None, f"undone: statements {ids}")
    message = f"claim {c.claim_id} taken back out of claim {c.from_id} ({len(moving)} statements)"
    return Applied(c, (), None, MergeClaims(c.claim_id, c.from_id), version, message)
