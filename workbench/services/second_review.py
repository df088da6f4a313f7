"""The second-review queue: rounds that wait, each analyst's side of them, for a face to show.

Writes happen in `verdict_rules` (a second opinion or an adjudication is a verdict); this module
only reads. A side is what one analyst said about one statement: the verdict, its note, and the
evidence and notes they attached, so an adjudicator sees both cases side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from workbench.db.models import ChangeEvent, Evidence, SecondReview
from workbench.db.views import StatementRow
from workbench.errors import InvalidInput
from workbench.services.statements import get_statement_row
from workbench.services.verdict_rules import DECIDED, DISPUTED, FINAL, PENDING

STATES = (PENDING, DISPUTED, *FINAL)
OPEN = (PENDING, DISPUTED)


@dataclass(frozen=True)
class Side:
    """One analyst's case: their verdict and why, and what they attached."""

    analyst: str
    verdict: str
    at: datetime | None
    note: str
    evidence: tuple[tuple[str, str, str], ...]  # (relation, url, title)
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Round:
    statement: StatementRow
    state: str
    first: Side
    second: Side | None
    decided_by: str | None
    decided_verdict: str | None
    decided_reason: str | None

    def waits_for(self, analyst: str) -> bool:
        """Can this analyst move the round on? The author cannot second their own verdict."""
        if self.state == PENDING:
            return analyst != self.first.analyst
        return self.state == DISPUTED


def list_rounds(
    session: Session, *, states: tuple[str, ...] = OPEN, limit: int = 200
) -> list[Round]:
    """Rounds in these states, oldest first verdict first (the queue's order)."""
    for state in states:
        if state not in STATES:
            raise InvalidInput(
                f"unknown review state '{state}'", where="--state", hint=f"use {', '.join(STATES)}"
            )
    found = session.exec(
        select(SecondReview)
        .where(col(SecondReview.state).in_(states))
        .order_by(col(SecondReview.first_at), col(SecondReview.statement_id))
        .limit(limit)
    ).all()
    return [_round(session, review) for review in found]


def get_round(session: Session, statement_id: int) -> Round | None:
    review = session.get(SecondReview, statement_id)
    return _round(session, review) if review is not None else None


def _round(session: Session, review: SecondReview) -> Round:
    row = get_statement_row(session, review.statement_id)
    first = _side(session, row.id, review.first_analyst, review.first_verdict, review.first_at)
    second = None
    if review.second_analyst and review.second_verdict:
        second = _side(
            session,
            row.id,
            review.second_analyst,
            review.second_verdict,
            review.second_at,
            note=review.second_note or "",
        )
    return Round(
        row,
        review.state,
        first,
        second,
        review.decided_by,
        review.decided_verdict if review.state == DECIDED else None,
        review.decided_reason,
    )


def _side(
    session: Session,
    statement_id: int,
    analyst: str,
    verdict: str,
    at: datetime | None,
    note: str | None = None,
) -> Side:
    events = session.exec(
        select(ChangeEvent)
        .where(col(ChangeEvent.statement_id) == statement_id, col(ChangeEvent.analyst) == analyst)
        .order_by(col(ChangeEvent.id))
    ).all()
    if note is None:  # the note of their last verdict
        notes_of_verdicts = [e.note for e in events if e.field == "status" and e.new == verdict]
        note = notes_of_verdicts[-1] if notes_of_verdicts else ""
    notes = tuple(e.new or "" for e in events if e.field == "note")
    links = session.exec(
        select(Evidence)
        .where(
            col(Evidence.statement_id) == statement_id,
            col(Evidence.added_by) == analyst,
            col(Evidence.removed).is_(False),
        )
        .order_by(col(Evidence.id))
    ).all()
    evidence = tuple((e.relation, e.url, e.title) for e in links)
    return Side(analyst, verdict, at, note, evidence, notes)
