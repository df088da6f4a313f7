"""What other analysts changed since the screen last looked: a watermark and the events after it.

A review screen in team use must follow every change to the rows and counts it shows, made by
anyone, within seconds. Re-reading the page and recounting every poll would cost a full count
per tick at a million statements; instead the screen polls `latest_change` (the newest
`change_event` id: a primary-key lookup) and, only when it moved, reads the few events after
it. From their old values and the statements' current state it derives how the counts moved,
re-reads just the changed rows it holds and the changed sources' counts. When the events cannot
say how the counts moved (a field that a filter reads was edited, an import, a flood of
changes), `recount` asks the caller for a full count instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace

from sqlmodel import Session, col, func, select

from workbench.db.models import ChangeEvent, Statement
from workbench.db.views import StatementRow
from workbench.services.assignments import with_holders
from workbench.services.sources import source_status_counts
from workbench.services.statements import (
    StatementFilter,
    statement_conditions,
    statement_row_query,
)

MAX_EVENTS = 500  # more than this since the last look (an import): recount instead
# Fields whose change never moves a statement in or out of a filter.
NEUTRAL = frozenset({"note", "evidence", "conflict", "proposition", "cue"})
# Fields whose events carry the state the counts are made of.
STATE = frozenset({"status", "dismissed", "merged_into", "split"})


@dataclass(frozen=True)
class Changes:
    """Everything after watermark `since` up to `until`, as the screen needs it."""

    since: int
    until: int
    rows: tuple[StatementRow, ...] = ()  # current rows of changed statements the screen holds
    changed_ids: frozenset[int] = frozenset()
    counts_delta: dict[str, int] = field(default_factory=dict)
    unverified_delta: int = 0
    source_counts: dict[int, dict[str, int]] = field(default_factory=dict)
    recount: bool = False  # the deltas are unknown: count again
    analysts: dict[int, str] = field(default_factory=dict)  # statement id -> last changed by


@dataclass
class _Before:
    """A statement's state before the first event after the watermark (None: as it is now)."""

    status: str | None = None
    dismissed: bool | None = None
    created: bool = False
    fields: set[str] = field(default_factory=set)


def latest_change(session: Session) -> int:
    """The newest history event id (0 for none): moves on every change anyone makes."""
    return session.exec(select(func.max(ChangeEvent.id))).one() or 0


def read_changes(
    session: Session,
    flt: StatementFilter,
    since: int,
    held_ids: Collection[int],
    visible_ids: Iterable[int] = (),
) -> Changes:
    """The changes after `since` (call it in one read transaction, as `ReviewStore` does)."""
    until = latest_change(session)
    if until <= since:
        return Changes(since, until)
    events = session.exec(
        select(
            ChangeEvent.id,
            ChangeEvent.statement_id,
            ChangeEvent.field,
            ChangeEvent.old,
            ChangeEvent.analyst,
        )
        .where(col(ChangeEvent.id) > since, col(ChangeEvent.id) <= until)
        .order_by(col(ChangeEvent.id))
        .limit(MAX_EVENTS + 1)
    ).all()
    if len(events) > MAX_EVENTS or any(e.statement_id is None for e in events):
        # Too many to follow one by one, or a change to a source or actor: recount, and re-read
        # what is on screen.
        rows = _rows(session, set(visible_ids))
        return Changes(since, until, rows=rows, changed_ids=frozenset(visible_ids), recount=True)
    before: dict[int, _Before] = {}
    analysts: dict[int, str] = {}
    for event in events:
        state = before.setdefault(event.statement_id, _Before())
        _note_before(state, event.field, event.old)
        analysts[event.statement_id] = event.analyst
    changed = set(before)
    current = {r.id: r for r in _rows(session, changed)}
    recount = any(_affects_filter(flt, state.fields) for state in before.values())
    counts_delta: dict[str, int] = {}
    unverified_delta = 0
    if not recount:
        matching = _matching(session, flt, changed)
        for sid, state in before.items():
            row = current.get(sid)
            was = _was(state, row)
            now = None if row is None else (row.status, row.dismissed)
            held = sid in matching or row is None  # a deleted row: as it was
            now_in = now if sid in matching else None
            for status, delta in _moves(flt, was if held else None, now_in):
                counts_delta[status] = counts_delta.get(status, 0) + delta
            unverified_delta += _unverified(now) - _unverified(was)
    sources = {r.source_id for r in current.values()}
    return Changes(
        since,
        until,
        rows=tuple(r for r in current.values() if r.id in held_ids),
        changed_ids=frozenset(changed),
        counts_delta=counts_delta,
        unverified_delta=unverified_delta,
        source_counts={s: source_status_counts(session, s) for s in sorted(sources)},
        recount=recount,
        analysts=analysts,
    )


def _note_before(state: _Before, field_name: str, old: str | None) -> None:
    """Keep the first old value of each state field: the state as of the watermark."""
    state.fields.add(field_name)
    if field_name == "status" and state.status is None:
        state.status = old
    elif field_name == "dismissed" and state.dismissed is None:
        state.dismissed = old == "true"
    elif field_name == "merged_into" and state.dismissed is None:
        state.dismissed = False  # merging sets a live statement aside
    elif field_name == "split" and not (state.fields - {"split"}):
        state.created = True  # the second half of a split did not exist before


def _affects_filter(flt: StatementFilter, fields: set[str]) -> bool:
    """Whether an edit may have moved a statement in or out of the filter's other conditions."""
    if flt.analyst:
        return True  # every change sets "last changed by"
    readable = set(NEUTRAL | STATE)
    if not flt.search:
        readable |= {"content", "speaker"}
    if not flt.actors:
        readable |= {"actor"}
    if not flt.stances:
        readable |= {"stance"}
    return not fields <= readable


def _was(state: _Before, row: StatementRow | None) -> tuple[str, bool] | None:
    if state.created:
        return None
    status = state.status if state.status is not None else (row.status if row else None)
    dismissed = state.dismissed if state.dismissed is not None else (row.dismissed if row else None)
    if status is None or dismissed is None:
        return None
    return status, dismissed


def _moves(
    flt: StatementFilter, was: tuple[str, bool] | None, now: tuple[str, bool] | None
) -> list[tuple[str, int]]:
    def counted(state: tuple[str, bool] | None) -> bool:
        if state is None:
            return False
        status, dismissed = state
        return (not flt.statuses or status in flt.statuses) and (
            flt.include_dismissed or not dismissed
        )

    moves = []
    if counted(was):
        assert was is not None
        moves.append((was[0], -1))
    if counted(now):
        assert now is not None
        moves.append((now[0], 1))
    return moves


def _unverified(state: tuple[str, bool] | None) -> int:
    return int(state is not None and state == ("unverified", False))


def _rows(session: Session, ids: set[int]) -> tuple[StatementRow, ...]:
    if not ids:
        return ()
    query = statement_row_query([col(Statement.id).in_(sorted(ids))])
    rows = [StatementRow(*r) for r in session.execute(query)]
    return tuple(with_holders(session, rows))  # an assignment changes the holder, not the row


def _matching(session: Session, flt: StatementFilter, ids: set[int]) -> set[int]:
    """Which of `ids` meet the filter's conditions other than status and dismissal."""
    rest = replace(flt, statuses=(), include_dismissed=True)
    conditions = [*statement_conditions(session, rest), col(Statement.id).in_(sorted(ids))]
    return set(session.exec(select(Statement.id).where(*conditions)))
