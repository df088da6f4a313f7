"""Who else is working in this database now, and on which statement (a heartbeat per TUI).

Each running review screen writes one row under its own session id every few seconds; a row
silent for `EXPIRY` is someone who left (or whose terminal died) and is swept by the next
heartbeat of anyone. Presence is not history: nothing here is an analyst's decision, so it is
kept out of `change_event` and the audit chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from workbench.db.models import Presence, utc_now

EXPIRY = timedelta(minutes=1)


@dataclass(frozen=True)
class Present:
    analyst: str
    statement_id: int | None


def beat(session: Session, session_id: str, analyst: str, statement_id: int | None) -> None:
    """Say "still here, looking at this statement", and sweep the silent."""
    connection = session.connection()
    now = utc_now()
    connection.execute(delete(Presence).where(col(Presence.seen_at) < now - EXPIRY))
    connection.execute(delete(Presence).where(col(Presence.session) == session_id))
    connection.execute(
        insert(Presence).values(
            session=session_id, analyst=analyst, statement_id=statement_id, seen_at=now
        )
    )


def leave(session: Session, session_id: str) -> None:
    session.connection().execute(delete(Presence).where(col(Presence.session) == session_id))


def others(session: Session, session_id: str, analyst: str = "") -> list[Present]:
    """Every other analyst heard from within the last minute, once each, with the statement
    of their latest heartbeat (an analyst with two terminals is one colleague)."""
    rows = session.execute(
        select(col(Presence.analyst), col(Presence.statement_id))
        .where(
            col(Presence.session) != session_id,
            col(Presence.analyst) != analyst,
            col(Presence.seen_at) >= utc_now() - EXPIRY,
        )
        .order_by(col(Presence.seen_at))
    ).all()
    latest = {name: statement_id for name, statement_id in rows}  # the last one wins
    return [Present(name, latest[name]) for name in sorted(latest)]
