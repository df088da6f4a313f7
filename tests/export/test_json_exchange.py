"""JSON export and `import`: full fidelity, byte-identical round trips, no duplicates, conflicts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlmodel import col, func, select

from workbench.db.engine import Database
from workbench.db.models import ChangeEvent, Conflict, Evidence, Source, Statement
from workbench.db.schema import upgrade_to_head
from workbench.errors import InvalidInput
from workbench.services.exchange import ExportFile, ImportSummary, import_export
from workbench.services.review import set_status
from workbench.services.statements import StatementFilter, list_statements

from .conftest import RLO, export_text, scope

TABLES = (Source, Statement, Evidence, ChangeEvent, Conflict)


def fresh_db(tmp_path: Path, name: str) -> Database:
    db = Database.open(str(tmp_path / name))
    upgrade_to_head(db)
    return db


def load(db: Database, text: str, origin: str = "colleague.json") -> ImportSummary:
    """Import `text` as `workbench import` does: checked whole, then read a record at a time."""
    export = ExportFile.check(io.BytesIO(text.encode("utf-8")), origin)
    with db.transaction() as session:
        return import_export(session, export)


def counts(db: Database) -> dict[str, int]:
    with db.reader() as session:
        return {
            t.__tablename__: session.exec(select(func.count()).select_from(t)).one()  # type: ignore[attr-defined]
            for t in TABLES
        }


def full(db: Database) -> str:
    return export_text(db, "json", scope=scope(include_dismissed=True))


def test_json_has_everything_with_a_format_version(reviewed_db: Database) -> None:
    document = json.loads(full(reviewed_db))
    assert document["format_version"] == 1
    assert {"name", "kind", "aliases"} <= set(document["actors"][0])
    source = document["sources"][0]
    assert len(source["sha256"]) == 64 and source["text"] and source["history"]
    statements = [s for src in document["sources"] for s in src["statements"]]
    decided = [s for s in statements if s["status"] != "unverified"]
    assert len(decided) == 3
    with_evidence = [s for s in statements if s["evidence"]]
    assert with_evidence[0]["evidence"][0]["url"] == "https://example.org/report"
    fields = {h["field"] for s in statements for h in s["history"]}
    assert {"status", "evidence", "note"} <= fields
    first = statements[0]
    assert source["text"][first["content_start"] : first["content_end"]] == first["content"]


def test_two_exports_are_byte_identical(hostile_db: Database) -> None:
    assert full(hostile_db) == full(hostile_db)


def test_round_trip_into_an_empty_database_is_byte_identical(
    importable_hostile_db: Database, tmp_path: Path
) -> None:
    first = full(importable_hostile_db)
    other = fresh_db(tmp_path, "other.db")
    summary = load(other, first)
    assert summary.statements_added == counts(importable_hostile_db)["statement"]
    assert full(other) == first


def test_control_characters_from_an_older_database_are_named_not_imported(
    hostile_db: Database, tmp_path: Path
) -> None:
    other = fresh_db(tmp_path, "other.db")
    with pytest.raises(InvalidInput, match=r"sources\[\d+\]\.text: expected text without control"):
        load(other, full(hostile_db), origin="old.json")
    assert counts(other)["statement"] == 0


def test_round_trip_on_both_engines(reviewed_db: Database, db: Database) -> None:
    first = full(reviewed_db)
    load(db, first)
    assert full(db) == first


def test_importing_twice_duplicates_nothing(reviewed_db: Database, tmp_path: Path) -> None:
    text = full(reviewed_db)
    other = fresh_db(tmp_path, "other.db")
    load(other, text)
    before = counts(other)
    again = load(other, text)
    assert counts(other) == before
    assert (again.sources_added, again.statements_added, again.history_added) == (0, 0, 0)
    assert again.statements_matched == before["statement"]
    assert (again.evidence_added, again.conflicts, again.verdicts_taken) == (0, 0, 0)
    # and importing into the database the file came from changes nothing either
    original = counts(reviewed_db)
    load(reviewed_db, text)
    assert counts(reviewed_db) == original


def _two_databases(reviewed_db: Database, tmp_path: Path) -> tuple[Database, Database]:
    """A colleague's copy of the same work, to diverge from."""
    colleague = fresh_db(tmp_path, "colleague.db")
    load(colleague, full(reviewed_db))
    return reviewed_db, colleague


def test_unverified_here_takes_the_incoming_verdict(reviewed_db: Database, tmp_path: Path) -> None:
    local, colleague = _two_databases(reviewed_db, tmp_path)
    with colleague.reader() as session:
        target = list_statements(session, StatementFilter(statuses=("unverified",)), limit=1)[0]
    with colleague.transaction() as session:
        set_status(session, statement_id=target.id, status="confirmed", analyst="cleo")
    summary = load(local, full(colleague), origin="cleo.json")
    assert (summary.verdicts_taken, summary.conflicts) == (1, 0)
    with local.reader() as session:
        row = session.exec(select(Statement).where(col(Statement.key) == target.key)).one()
        assert (row.status, row.updated_by) == ("confirmed", "cleo")
        session.expunge(row)
        events = session.exec(
            select(ChangeEvent.field, ChangeEvent.new, ChangeEvent.analyst).where(
                col(ChangeEvent.statement_id) == row.id
            )
        ).all()
    # cleo's own event comes with the file: the verdict is in the history once, as she set it
    assert events.count(("status", "confirmed", "cleo")) == 1
    assert load(local, full(colleague)).verdicts_taken == 0  # once only


def test_disagreeing_verdicts_become_a_conflict_never_an_overwrite(
    reviewed_db: Database, tmp_path: Path
) -> None:
    local, colleague = _two_databases(reviewed_db, tmp_path)
    with colleague.reader() as session:
        target = list_statements(session, StatementFilter(statuses=("confirmed",)), limit=1)[0]
    with colleague.transaction() as session:
        set_status(
            session,
            statement_id=target.id,
            status="disputed",
            analyst="cleo",
            override=True,
            note="cleo disagrees",
        )
    summary = load(local, full(colleague), origin="cleo.json")
    assert summary.conflicts == 1
    with local.reader() as session:
        row = session.exec(select(Statement).where(col(Statement.key) == target.key)).one()
        conflict = session.exec(select(Conflict)).one()
        session.expunge_all()
    assert row.status == "confirmed"
    assert (conflict.statement_id, conflict.field) == (row.id, "status")
    assert (conflict.local_value, conflict.incoming_value) == ("confirmed", "disputed")
    assert (conflict.incoming_analyst, conflict.origin) == ("cleo", "cleo.json")
    assert conflict.incoming_at is not None
    assert load(local, full(colleague)).conflicts == 0  # the same disagreement is not re-recorded


def test_a_local_decision_after_the_incoming_one_is_a_conflict(
    reviewed_db: Database, tmp_path: Path
) -> None:
    local, colleague = _two_databases(reviewed_db, tmp_path)
    with colleague.reader() as session:
        target = list_statements(session, StatementFilter(statuses=("unverified",)), limit=1)[0]
    with colleague.transaction() as session:
        set_status(session, statement_id=target.id, status="confirmed", analyst="cleo")
    incoming = full(colleague)
    with local.transaction() as session:  # an analyst here decides, then takes it back
        set_status(session, statement_id=target.id, status="disputed", analyst="ana")
        set_status(session, statement_id=target.id, status="unverified", analyst="ana")
    summary = load(local, incoming)
    assert (summary.verdicts_taken, summary.conflicts) == (0, 1)


def test_a_newer_format_is_refused(reviewed_db: Database) -> None:
    document = json.loads(full(reviewed_db))
    document["format_version"] = 99
    with pytest.raises(InvalidInput, match="newer workbench") as caught:
        load(reviewed_db, json.dumps(document), origin="future.json")
    assert caught.value.where == "future.json"


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("sources", 0, "statements", 1, "status"), "maybe", "sources[0].statements[1].status"),
        (("sources", 0, "statements", 0, "key"), None, "sources[0].statements[0].key"),
        (("sources", 0, "sha256"), "0" * 64, "sources[0].sha256"),
        (("sources", 0, "statements", 0, "content_end"), 10**9, "content_start"),
        (("actors", 0, "aliases"), "x", "actors[0].aliases"),
        (("sources", 1, "ingested_at"), "yesterday", "sources[1].ingested_at"),
        (("sources", 0, "statements", 0, "version"), 10**30, "sources[0].statements[0].version"),
        (("sources", 0, "statements", 0, "confidence"), float("nan"), "statements[0].confidence"),
        # The control characters ingest and typed text refuse (PostgreSQL refuses NUL).
        (("sources", 0, "statements", 0, "proposition"), "a\x00b", "statements[0].proposition"),
        (("sources", 1, "title"), "Title \x1b[2J", "sources[1].title"),
    ],
)
def test_a_malformed_file_is_one_line_naming_file_and_field(
    reviewed_db: Database, tmp_path: Path, path: tuple[object, ...], value: object, field: str
) -> None:
    document = json.loads(full(reviewed_db))
    node = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    other = fresh_db(tmp_path, "other.db")
    with pytest.raises(InvalidInput) as caught:
        load(other, json.dumps(document), origin="bad.json")
    line = caught.value.one_line()
    assert line.startswith("bad.json: ") and field in line and "\n" not in line
    assert counts(other)["statement"] == 0  # one transaction: nothing half-imported


def test_an_incoming_script_link_is_refused(reviewed_db: Database, tmp_path: Path) -> None:
    document = json.loads(full(reviewed_db))
    statement = next(s for src in document["sources"] for s in src["statements"] if s["evidence"])
    statement["evidence"][0]["url"] = "javascript:alert(1)"
    with pytest.raises(InvalidInput, match=r"evidence\[0\]\.url: expected an http"):
        load(fresh_db(tmp_path, "other.db"), json.dumps(document))


def test_hostile_text_survives_exactly_but_direction_overrides_are_escaped(
    hostile_db: Database,
) -> None:
    text = full(hostile_db)
    assert RLO[0] not in text and "\\u202e" in text
    document = json.loads(text)
    hostile = document["sources"][-1]
    assert RLO in hostile["title"]
    # links that never passed validation are not exported at all
    urls = [e["url"] for s in hostile["statements"] for e in s["evidence"]]
    assert urls == []
