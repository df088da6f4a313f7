"""What a verdict does on a shared database: overrides are asked for, second review is kept.

`SetStatus` is handled here rather than in `changes` because a verdict is more than a field
write once several analysts share a database:

- **Overriding is never silent.** Replacing a verdict another analyst set needs
  `override=True` and a note saying why (the CLI's `--override --note`, the TUI's question);
  otherwise `OverrideNeeded` names who set it, when and why.
- **Second review** (the per-database `second-review` setting): the first verdict on a
  statement waits for a second analyst. The same verdict from someone else makes it final
  ("agreed"); a different one is recorded beside it, leaves the statement as it was and waits
  for an adjudicator ("disputed"): a third analyst, never one of the two, whose verdict needs
  a reason and ends it ("decided"). Either of the two may still come round to the other's
  verdict ("agreed"). Changing a final verdict is an override and starts a new round.

The rounds live in `second_review` (who said what); every verdict, agreeing or not, is also a
history event, so agreement (`workbench stats`) is measured on second opinions too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, update
from sqlmodel import Session, col, select

from workbench.db.models import ChangeEvent, SecondReview, utc_now
from workbench.db.views import ReviewView, StatementRow
from workbench.errors import InvalidInput, StaleEdit
from workbench.services import statement_writes
from workbench.services.changes import Applied, SetStatus, handles
from workbench.services.history import record_change
from workbench.services.settings import second_review_on
from workbench.services.statement_writes import Raced
from workbench.services.statements import get_statement_row
from workbench.verdicts import verdict_in_words

PENDING, AGREED, DISPUTED, DECIDED = "pending", "agreed", "disputed", "decided"
FINAL = (AGREED, DECIDED)
# How many of a statement's latest status events to read to find who holds its verdict: a run
# of agreements longer than this is treated as if it began with the oldest one read.
STANDING_LOOKBACK = 50


class OverrideNeeded(InvalidInput):
    """The verdict would replace another analyst's: say so (and why) to go ahead."""

    def __init__(
        self,
        message: str,
        *,
        standing: StandingVerdict | None,
        action: str = "replace",
        between: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(
            message,
            where="verdict",
            hint=f"to {action} it give --override --note REASON; nothing was changed",
        )
        self.standing = standing
        self.between = between  # the two who disagree, when this decides a second review


@dataclass(frozen=True)
class StandingVerdict:
    """Who set the statement's current verdict, when and why, and who agreed with it since."""

    status: str
    analyst: str
    at: datetime
    note: str
    agreed_by: tuple[str, ...] = ()

    @property
    def holders(self) -> tuple[str, ...]:
        return (self.analyst, *self.agreed_by)

    def describe(self) -> str:
        when = self.at.strftime("%Y-%m-%d %H:%M UTC")
        why = f' ("{self.note}")' if self.note else ""
        also = f", agreed by {', '.join(self.agreed_by)}" if self.agreed_by else ""
        return f"{self.analyst} set it {self.status} on {when}{why}{also}"


def standing_verdict(session: Session, row: StatementRow) -> StandingVerdict | None:
    """The events that set and then agreed with the current status (None while unverified)."""
    if row.status == "unverified":
        return None
    recent = session.execute(
        select(ChangeEvent.analyst, ChangeEvent.at, ChangeEvent.note, ChangeEvent.new)
        .where(col(ChangeEvent.statement_id) == row.id, col(ChangeEvent.field) == "status")
        # In the order things happened: an imported event keeps its moment but gets a later id.
        .order_by(col(ChangeEvent.at).desc(), col(ChangeEvent.id).desc())
        .limit(STANDING_LOOKBACK)
    ).all()
    run = []
    for event in recent:
        if event[3] != row.status:
            break
        run.append(event)
    if not run:  # set by an import without history, or before history was kept
        return StandingVerdict(row.status, row.updated_by, row.updated_at, "")
    first = run[-1]
    agreed = tuple(dict.fromkeys(e[0] for e in reversed(run[:-1]) if e[0] != first[0]))
    return StandingVerdict(row.status, first[0], first[1], first[2] or "", agreed)


def review_round(session: Session, statement_id: int) -> SecondReview | None:
    return session.exec(
        select(SecondReview).where(col(SecondReview.statement_id) == statement_id)
    ).first()


def review_view(session: Session, statement_id: int) -> ReviewView | None:
    found = review_round(session, statement_id)
    if found is None:
        return None
    return ReviewView(
        found.state,
        found.first_analyst,
        found.first_verdict,
        found.second_analyst,
        found.second_verdict,
        found.decided_by,
        found.decided_reason,
    )


def _refuse_override(row: StatementRow, standing: StandingVerdict, wanted: str) -> None:
    raise OverrideNeeded(
        f"statement {row.id}: {standing.describe()}; marking it {wanted} would replace that",
        standing=standing,
    )


def _wants_override(c: SetStatus) -> bool:
    if c.override and not c.note.strip():
        raise InvalidInput(
            "an override needs a reason", where="--note", hint="say why with --note REASON"
        )
    return c.override


@handles(SetStatus)
def _set_status(session: Session, c: SetStatus, analyst: str, seen: int | None) -> Applied:
    before = get_statement_row(session, c.statement_id)
    if seen is not None and before.version != seen:
        raise StaleEdit.of(
            "statement", before.id, by=before.updated_by, now=before.version, seen=seen
        )
    override = _wants_override(c)
    standing = standing_verdict(session, before)
    if second_review_on(session):
        outcome = _second_review(session, before, c, analyst, standing, override, seen)
        if outcome is not None:
            return outcome
    elif _replaces(standing, c.status, analyst) and not override:
        _refuse_override(before, standing, c.status)  # type: ignore[arg-type]
    return _write(
        session,
        before,
        c,
        analyst,
        seen,
        replaced=standing if _replaces(standing, c.status, analyst) else None,
    )


def _replaces(standing: StandingVerdict | None, status: str, analyst: str) -> bool:
    """Would this verdict replace one that another analyst set or agreed with?"""
    if standing is None or standing.status == status:
        return False
    return any(holder != analyst for holder in standing.holders)


def _write(
    session: Session,
    before: StatementRow,
    c: SetStatus,
    analyst: str,
    seen: int | None,
    *,
    replaced: StandingVerdict | None = None,
    suffix: str = "",
) -> Applied:
    row = statement_writes.write_status(
        session, before, status=c.status, analyst=analyst, seen_version=seen, note=c.note
    )
    undo = SetStatus(c.statement_id, before.status)
    words = verdict_in_words(row.stance, row.status, row.actor)
    said = f"#{row.id} {row.status} — {words}"
    parts = []
    if replaced is not None:
        parts.append(f"overrode {replaced.status} by {', '.join(replaced.holders)}")
    remark = "; ".join([*parts, suffix] if suffix else parts)
    return Applied(c, (row,), before, undo, row.version, said, remark=remark)


def _second_review(
    session: Session,
    before: StatementRow,
    c: SetStatus,
    analyst: str,
    standing: StandingVerdict | None,
    override: bool,
    seen: int | None,
) -> Applied | None:
    """Route a verdict through the four-eyes rules; None when it is an ordinary write."""
    current = review_round(session, before.id)
    state = current.state if current else None
    if state == DISPUTED:
        return _adjudicate(session, before, c, analyst, current, override, seen)  # type: ignore[arg-type]
    if state == PENDING and current is not None:
        if analyst == current.first_analyst:
            return _revise_first(session, before, c, analyst, seen)
        if c.status == current.first_verdict:
            return _second(session, before, c, analyst, seen, current.first_analyst)
        return _second_opinion(session, before, c, analyst, current)
    # No open round: a first verdict, or a change to a final (or pre-review) one.
    if c.status == "unverified" and standing is None:
        return None
    if _replaces(standing, c.status, analyst):
        if not override:
            _refuse_override(before, standing, c.status)  # type: ignore[arg-type]
    elif standing is not None and standing.status == c.status:
        if current is not None:  # already final: restating it changes nothing
            return _write(session, before, c, analyst, seen, suffix="final")
        if analyst not in standing.holders:  # a verdict from before review was on, seconded
            _open_round(session, before.id, standing.analyst, c.status, standing.at)
            return _second(session, before, c, analyst, seen, standing.analyst)
    session.execute(delete(SecondReview).where(col(SecondReview.statement_id) == before.id))
    suffix = ""
    if c.status != "unverified":
        _open_round(session, before.id, analyst, c.status, utc_now())
        suffix = "waits for a second analyst"
    return _write(
        session,
        before,
        c,
        analyst,
        seen,
        replaced=standing if _replaces(standing, c.status, analyst) else None,
        suffix=suffix,
    )


def _second(
    session: Session, before: StatementRow, c: SetStatus, analyst: str, seen: int | None, first: str
) -> Applied:
    """A second analyst gives the same verdict as the first: final."""
    _update_round(
        session,
        before.id,
        PENDING,
        state=AGREED,
        second_analyst=analyst,
        second_verdict=c.status,
        second_note=c.note,
        second_at=utc_now(),
    )
    return _write(session, before, c, analyst, seen, suffix=f"agreed with {first}: final")


def _revise_first(
    session: Session, before: StatementRow, c: SetStatus, analyst: str, seen: int | None
) -> Applied:
    """The author changes their own pending verdict: the round follows (or closes)."""
    if c.status == "unverified":
        session.execute(delete(SecondReview).where(col(SecondReview.statement_id) == before.id))
        return _write(session, before, c, analyst, seen)
    _update_round(session, before.id, PENDING, first_verdict=c.status, first_at=utc_now())
    return _write(session, before, c, analyst, seen, suffix="waits for a second analyst")


def _second_opinion(
    session: Session, before: StatementRow, c: SetStatus, analyst: str, current: SecondReview
) -> Applied:
    """A second analyst disagrees: kept beside the first verdict, the statement unchanged."""
    _update_round(
        session,
        before.id,
        PENDING,
        state=DISPUTED,
        second_analyst=analyst,
        second_verdict=c.status,
        second_note=c.note,
        second_at=utc_now(),
    )
    record_change(
        session,
        analyst=analyst,
        entity="statement",
        entity_id=before.id,
        statement_id=before.id,
        field="second_opinion",
        old=current.first_verdict,
        new=c.status,
        note=c.note,
    )
    said = f"#{before.id} {before.status}: {current.first_analyst}'s verdict stands for now"
    remark = (
        f"you said {c.status}, {current.first_analyst} said {current.first_verdict}: "
        "it waits for an adjudicator (`workbench reviews`)"
    )
    return Applied(c, (before,), before, None, None, said, remark=remark)


def _adjudicate(
    session: Session,
    before: StatementRow,
    c: SetStatus,
    analyst: str,
    current: SecondReview,
    override: bool,
    seen: int | None,
) -> Applied:
    conceded = (
        analyst == current.first_analyst
        and c.status == current.second_verdict
        or analyst == current.second_analyst
        and c.status == current.first_verdict
    )
    if conceded:  # one of the two comes round to the other's verdict: agreement, final
        side = "first_verdict" if analyst == current.first_analyst else "second_verdict"
        _update_round(session, before.id, DISPUTED, state=AGREED, **{side: c.status})
        return _write(session, before, c, analyst, seen, suffix="agreed: final")
    if analyst in (current.first_analyst, current.second_analyst):
        _refuse_party(before.id, current, analyst)
    if not override:
        raise OverrideNeeded(
            f"statement {before.id} is disputed: {current.first_analyst} said "
            f"{current.first_verdict}, {current.second_analyst} said {current.second_verdict}; "
            f"marking it {c.status} decides it",
            standing=standing_verdict(session, before),
            action="decide",
            between=(current.first_analyst, current.second_analyst or ""),
        )
    _update_round(
        session,
        before.id,
        DISPUTED,
        state=DECIDED,
        decided_by=analyst,
        decided_verdict=c.status,
        decided_reason=c.note,
        decided_at=utc_now(),
    )
    return _write(session, before, c, analyst, seen, suffix="decided: final")


def _refuse_party(statement_id: int, current: SecondReview, analyst: str) -> None:
    """One of the two who disagree may come round to the other's verdict, never decide it:
    four eyes means a third pair settles a disagreement, with or without --override."""
    if analyst == current.first_analyst:
        other, theirs = current.second_analyst, current.second_verdict
    else:
        other, theirs = current.first_analyst, current.first_verdict
    raise InvalidInput(
        f"statement {statement_id} is disputed between {current.first_analyst} "
        f"({current.first_verdict}) and {current.second_analyst} ({current.second_verdict}): "
        "a third analyst decides it",
        where="verdict",
        hint=f"you can come round to {other}'s verdict, {theirs}; nothing was changed",
    )


def _open_round(
    session: Session, statement_id: int, analyst: str, verdict: str, at: datetime
) -> None:
    session.execute(
        insert(SecondReview).values(
            statement_id=statement_id,
            state=PENDING,
            first_analyst=analyst,
            first_verdict=verdict,
            first_at=at,
        )
    )


def _update_round(session: Session, statement_id: int, expect: str, **values: object) -> None:
    """Move a round on only from the state it was read in: two second reviewers at once
    cannot both win (the loser is retried, or refused when they named a version)."""
    result = session.execute(
        update(SecondReview)
        .where(col(SecondReview.statement_id) == statement_id, col(SecondReview.state) == expect)
        .values(**values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise Raced(
            f"the review of statement {statement_id} changed meanwhile",
            where="statement",
            hint="reload it and decide again; nothing was overwritten",
        )
