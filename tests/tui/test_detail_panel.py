"""The detail pane's wording for the outlet's own voice (unattributed text)."""

from __future__ import annotations

from workbench.db.engine import Database
from workbench.services.statements import StatementFilter, list_statements
from workbench.tui.widgets.detail_panel import detail_content

from .helpers import detail


def _actor_line(db: Database, statement_id: int) -> str:
    text = detail_content(detail(db, statement_id)).plain
    return next(line for line in text.splitlines() if line.startswith("Actor: "))


def test_the_outlets_own_voice_is_said_in_words(demo_db: Database) -> None:
    with demo_db.reader() as session:
        rows = list_statements(session, StatementFilter(), limit=500)
    unnamed = next(r for r in rows if r.actor == "(outlet)")
    named = next(r for r in rows if r.actor_kind == "outlet" and r.actor != "(outlet)")
    person = next(r for r in rows if r.actor_kind == "person")
    assert _actor_line(demo_db, unnamed.id).startswith("Actor: the outlet, in its own voice")
    assert _actor_line(demo_db, named.id).startswith(f"Actor: {named.actor}, in its own voice")
    assert _actor_line(demo_db, person.id).startswith(f"Actor: {person.actor} (person)")
