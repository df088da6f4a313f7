"""Shared steps for Pilot tests: settle the workers, read rows back through the services."""

from __future__ import annotations

from contextlib import suppress

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from workbench.db.engine import Database
from workbench.db.views import StatementDetail, StatementRow
from workbench.services.statements import get_statement, get_statement_row


async def settle(pilot: Pilot) -> None:
    """Let workers finish and their messages land (which may start more workers)."""
    for _ in range(4):
        with suppress(WorkerCancelled):  # an exclusive read superseded by a newer one
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def row(db: Database, statement_id: int) -> StatementRow:
    with db.reader() as session:
        return get_statement_row(session, statement_id)


def detail(db: Database, statement_id: int) -> StatementDetail:
    with db.reader() as session:
        return get_statement(session, statement_id)


def notices(pilot: Pilot) -> list[str]:
    """The toast messages shown so far."""
    return [n.message for n in pilot.app._notifications]  # noqa: SLF001


def text_of(pilot: Pilot, selector: str) -> str:
    """The plain text a Static shows."""
    content = pilot.app.screen.query_one(selector).content
    return getattr(content, "plain", str(content))
