"""An analyst settles an imported disagreement; nothing is decided for them."""

from __future__ import annotations

import pytest

from workbench.cli import main
from workbench.db.engine import Database
from workbench.db.models import Conflict
from workbench.errors import InvalidInput, NotFound
from workbench.extract import extract
from workbench.ingest.document import Document
from workbench.services.conflicts import resolve_conflict
from workbench.services.history import statement_history
from workbench.services.review import set_status
from workbench.services.statements import StatementFilter, get_statement_row, list_statements
from workbench.services.storing import ingest_document

TEXT = "Harbour Talks\n\nThe union said the offer was too low."


def _conflicted(db: Database) -> tuple[int, int]:
    """A statement confirmed here, with an incoming "disputed" recorded as a conflict."""
    with db.transaction() as session:
        report = ingest_document(session, Document(text=TEXT), extract(TEXT), analyst="ana")
    with db.transaction() as session:
        flt = StatementFilter(source_ids=(report.source_id,))
        statement_id = list_statements(session, flt, limit=1)[0].id
        set_status(session, statement_id=statement_id, status="confirmed", analyst="ana")
        conflict = Conflict(
            statement_id=statement_id,
            field="status",
            local_value="confirmed",
            incoming_value="disputed",
            incoming_analyst="bo",
            origin="bo.json",
        )
        session.add(conflict)
        session.flush()
        assert conflict.id is not None
        return statement_id, conflict.id


def test_taking_the_incoming_verdict_changes_the_statement_and_closes_the_conflict(
    db: Database,
) -> None:
    statement_id, conflict_id = _conflicted(db)
    with db.transaction() as session:
        assert (
            resolve_conflict(session, conflict_id=conflict_id, keep="incoming", analyst="cy")
            == "disputed"
        )
    with db.reader() as session:
        assert get_statement_row(session, statement_id).status == "disputed"
        conflict = session.get(Conflict, conflict_id)
        assert conflict is not None
        assert (conflict.resolved_by, conflict.resolution) == ("cy", "disputed")
        fields = [e.field for e in statement_history(session, statement_id)]
    assert fields[-2:] == ["status", "conflict"]


def test_keeping_the_local_verdict_leaves_the_statement_alone(db: Database) -> None:
    statement_id, conflict_id = _conflicted(db)
    with db.transaction() as session:
        resolve_conflict(session, conflict_id=conflict_id, keep="here", analyst="cy")
    with db.reader() as session:
        row = get_statement_row(session, statement_id)
        assert (row.status, row.version) == ("confirmed", 2)
        assert session.get(Conflict, conflict_id).resolution == "confirmed"  # type: ignore[union-attr]


def test_a_conflict_is_resolved_once_and_unknown_ids_are_named(db: Database) -> None:
    _, conflict_id = _conflicted(db)
    with db.transaction() as session:
        resolve_conflict(session, conflict_id=conflict_id, keep="here", analyst="cy")
    with pytest.raises(InvalidInput, match="already resolved by cy"), db.transaction() as session:
        resolve_conflict(session, conflict_id=conflict_id, keep="incoming", analyst="dee")
    with pytest.raises(NotFound, match="no conflict with id 999"), db.transaction() as session:
        resolve_conflict(session, conflict_id=999, keep="here", analyst="dee")


def test_resolve_command(sqlite_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    statement_id, conflict_id = _conflicted(sqlite_db)
    target = sqlite_db.location
    main(["--db", target, "resolve", str(conflict_id), "incoming", "--note", "bo had the source"])
    assert f"conflict {conflict_id} resolved: disputed stands" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        main(["--db", target, "resolve", str(conflict_id), "here"])
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith(
        f"error: conflict: conflict {conflict_id} was already resolved"
    )
