"""The typed change path: one function applies every kind of change, on both engines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from core.conftest import ARTICLE, Outcome
from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.errors import InvalidInput, StaleEdit
from workbench.extract import extract
from workbench.ingest.document import Document
from workbench.services import changes, verdict_rules
from workbench.services.changes import (
    AddEvidence,
    AddNote,
    Applied,
    Change,
    Correct,
    Dismiss,
    Merge,
    RemoveEvidence,
    SetStatus,
    Split,
    apply_change,
)
from workbench.services.evidence import evidence_for
from workbench.services.history import statement_history
from workbench.services.statements import get_statement_row, list_statements
from workbench.services.storing import ingest_document

Run = Callable[..., Outcome]


def _apply(db: Database, change: Change, expected: int | None = None, who: str = "bo") -> Applied:
    with db.transaction() as session:
        return apply_change(session, change, analyst=who, expected_version=expected)


def _row(db: Database, statement_id: int) -> StatementRow:
    with db.reader() as session:
        return get_statement_row(session, statement_id)


def _events(db: Database, statement_id: int) -> list[tuple[str, str | None, str | None]]:
    with db.reader() as session:
        return [(e.field, e.old, e.new) for e in statement_history(session, statement_id)]


def test_every_kind_of_change_has_a_handler() -> None:
    kinds = {SetStatus, AddNote, AddEvidence, RemoveEvidence, Correct, Dismiss, Split, Merge}
    assert kinds <= set(changes._HANDLERS)


def test_an_unknown_change_is_a_bug_not_user_input(db: Database) -> None:
    with pytest.raises(TypeError), db.transaction() as session:
        apply_change(session, "status", analyst="bo")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("make", "undoes"),
    [
        (lambda sid: SetStatus(sid, "confirmed"), "status"),
        (lambda sid: Correct(sid, stance="questions", proposition="Other."), "stance"),
        (lambda sid: Dismiss(sid), "dismissed"),
    ],
)
def test_undo_puts_the_statement_back_and_is_itself_in_the_history(
    db: Database, rows: dict[str, StatementRow], make: Callable[[int], Change], undoes: str
) -> None:
    union = rows["union"]
    applied = _apply(db, make(union.id), expected=union.version)
    assert applied.before == union and applied.rows[0].version == union.version + 1
    assert applied.undo is not None and applied.undo_version == union.version + 1
    _apply(db, applied.undo, expected=applied.undo_version)
    after = _row(db, union.id)
    restored = ("status", "stance", "proposition", "dismissed", "content")
    assert [getattr(after, f) for f in restored] == [getattr(union, f) for f in restored]
    fields = [field for field, _old, _new in _events(db, union.id)]
    assert fields.count(undoes) == 2  # the change and its undo, each once


def test_evidence_undo_removes_the_link_it_added(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    applied = _apply(db, AddEvidence(union.id, "https://example.org/a", relation="refutes"))
    assert applied.undo == RemoveEvidence(union.id, applied.created_id or 0)
    _apply(db, applied.undo)
    with db.reader() as session:
        assert evidence_for(session, union.id) == []
    assert [new for field, _old, new in _events(db, union.id) if field == "evidence"] == [
        "refutes: https://example.org/a",
        None,
    ]


@pytest.mark.parametrize(
    "make",
    [
        lambda row: SetStatus(row.id, "disputed"),
        lambda row: AddNote(row.id, "checked"),
        lambda row: AddEvidence(row.id, "https://example.org/b"),
        lambda row: Correct(row.id, speaker="The dockers' union"),
        lambda row: Dismiss(row.id),
        lambda row: Split(row.id, row.content_start + 9),
    ],
)
def test_a_change_to_a_version_the_analyst_did_not_see_is_refused_and_writes_nothing(
    db: Database, rows: dict[str, StatementRow], make: Callable[[StatementRow], Change]
) -> None:
    union = rows["union"]
    _apply(db, SetStatus(union.id, "confirmed"), who="ana")  # version 1 -> 2 under bo's feet
    events = _events(db, union.id)
    with pytest.raises(StaleEdit) as refused:
        _apply(db, make(union), expected=union.version)
    assert "was changed by ana (now version 2; you saw 1)" in refused.value.one_line()
    assert _events(db, union.id) == events
    assert _row(db, union.id).version == 2


def test_a_merge_checks_the_version_of_the_statement_kept(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union, company = rows["union"], rows["company"]
    _apply(db, AddNote(union.id, "seen"))  # a note does not move the version
    _apply(db, SetStatus(union.id, "disputed"), who="ana")
    with pytest.raises(StaleEdit):
        _apply(db, Merge(union.id, company.id), expected=union.version)
    merged = _apply(db, Merge(union.id, company.id), expected=union.version + 1)
    assert merged.rows[0].content_end == company.content_end
    assert _row(db, company.id).merged_into_id == union.id


def test_bad_input_is_refused_before_anything_is_written(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    for change in (
        SetStatus(union.id, "true"),
        AddNote(union.id, "  "),
        Correct(union.id, actor=""),
    ):
        with pytest.raises(InvalidInput):
            _apply(db, change)
    assert _events(db, union.id) == [] and _row(db, union.id) == union


@pytest.mark.postgres
def test_a_verdict_without_a_version_survives_a_concurrent_commit(
    postgres_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """READ COMMITTED lets another analyst commit between our read and our compare-and-swap.
    A verdict that named no version was contested by nobody: it must land, not be refused."""
    with postgres_db.transaction() as session:
        ingest_document(
            session, Document(text=ARTICLE, title="Harbour"), extract(ARTICLE), analyst="ana"
        )
    with postgres_db.reader() as session:
        union = next(r for r in list_statements(session) if r.actor == "union")
    real_read = verdict_rules.get_statement_row
    raced = {"done": False}

    def read_then_lose_the_race(session: sa.orm.Session, statement_id: int) -> StatementRow:
        row = real_read(session, statement_id)
        if not raced["done"]:
            raced["done"] = True
            with postgres_db.engine.begin() as other:  # another analyst's connection
                other.execute(
                    sa.text("UPDATE statement SET version = version + 1 WHERE id = :id"),
                    {"id": statement_id},
                )
        return row

    monkeypatch.setattr(verdict_rules, "get_statement_row", read_then_lose_the_race)
    applied = _apply(postgres_db, SetStatus(union.id, "confirmed"))
    assert raced["done"] and applied.rows[0].status == "confirmed"
    assert applied.rows[0].version == union.version + 2
    assert [f for f, _o, _n in _events(postgres_db, union.id)] == ["status"]  # written once


def _cli_statement(run: Run, cli_db: Path) -> dict[str, object]:
    import json

    outcome = run("--db", str(cli_db), "statements", "--format", "jsonl")
    return json.loads(outcome.out.splitlines()[0])


@pytest.mark.parametrize(
    "command",
    [
        ("verdict", "{id}", "confirmed", "--override", "--note", "a second look"),
        ("note", "{id}", "checked"),
        ("evidence", "add", "{id}", "https://example.org/c"),
        ("correct", "{id}", "--stance", "questions"),
        ("dismiss", "{id}"),
    ],
)
def test_cli_expect_version_refuses_a_change_made_since(
    run: Run, cli_db: Path, command: tuple[str, ...]
) -> None:
    record = _cli_statement(run, cli_db)
    sid, version = str(record["id"]), int(str(record["version"]))
    args = [part.format(id=sid) for part in command]
    assert run("--db", str(cli_db), "--analyst", "ana", "verdict", sid, "disputed").code == 0
    refused = run("--db", str(cli_db), *args, "--expect-version", str(version))
    assert refused.code != 0 and len(refused.error_lines) == 1
    assert f"was changed by ana (now version {version + 1}; you saw {version})" in refused.err
    accepted = run("--db", str(cli_db), *args, "--expect-version", str(version + 1))
    assert accepted.code == 0, accepted.err


def test_cli_merge_expects_the_version_of_the_statement_kept(run: Run, cli_db: Path) -> None:
    db = Database.open(str(cli_db))
    try:
        with db.reader() as session:
            first, second = list_statements(session)[:2]
    finally:
        db.dispose()
    stale = run(
        "--db", str(cli_db), "merge", str(first.id), str(second.id), "--expect-version", "9"
    )
    assert stale.code != 0 and "you saw 9" in stale.err
