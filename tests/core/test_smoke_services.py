"""The service layer round trip on both engines: ingest, list, verdict, evidence, history."""

from __future__ import annotations

import pytest

from workbench.db.engine import Database
from workbench.errors import StaleEdit
from workbench.extract import extract
from workbench.ingest.document import Document
from workbench.services.evidence import add_evidence
from workbench.services.review import set_status
from workbench.services.statements import StatementFilter, get_statement, list_statements
from workbench.services.storing import ingest_document

TEXT = (
    "Harbour Talks Stall\n\n"
    "The union said the offer was too low. The company denied that it had refused to negotiate."
)


def test_round_trip(db: Database) -> None:
    with db.transaction() as session:
        report = ingest_document(
            session, Document(text=TEXT, title="Harbour"), extract(TEXT), analyst="ana"
        )
    assert report.statements >= 2
    with db.reader() as session:
        rows = list_statements(session, StatementFilter())
    target = rows[1]
    with db.transaction() as session:
        updated = set_status(session, statement_id=target.id, status="disputed", analyst="ana")
        add_evidence(session, statement_id=target.id, url="https://example.org/a", analyst="ana")
    assert (updated.status, updated.version) == ("disputed", 2)
    with db.reader() as session:
        detail = get_statement(session, target.id)
    assert [e.field for e in detail.history] == ["status", "evidence"]
    with pytest.raises(StaleEdit), db.transaction() as session:
        set_status(
            session, statement_id=target.id, status="confirmed", analyst="bo", seen_version=1
        )
    with db.reader() as session:
        assert get_statement(session, target.id).row.status == "disputed"
