"""The work split: assignments on the typed path, queues, history and the audit chain."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from core.conftest import Outcome
from workbench.db import audit
from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.errors import StaleEdit, WorkbenchError
from workbench.services.assignments import Assign, holder, holders
from workbench.services.changes import SetStatus, apply_change
from workbench.services.history import statement_history
from workbench.services.statements import StatementFilter, list_statements

Run = Callable[..., Outcome]


def test_assign_release_and_undo_are_history_and_keep_the_version(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    with db.transaction() as session:
        applied = apply_change(session, Assign(union.id, "ana"), analyst="lead")
    with db.transaction() as session:
        assert holder(session, union.id) == "ana"
        apply_change(session, applied.undo, analyst="lead")
        assert holder(session, union.id) is None
        apply_change(session, Assign(union.id, "bob"), analyst="lead")
    with db.reader() as session:
        queue = list_statements(session, StatementFilter(assigned_to="bob"))
        assert [r.id for r in queue] == [union.id]
        assert queue[0].version == union.version  # holding a statement does not change it
        assert holders(session, [r.id for r in rows.values()]) == {union.id: "bob"}
        events = [e for e in statement_history(session, union.id) if e.field == "assigned"]
        count, finding = audit.verify(session.connection())
    assert [(e.old, e.new) for e in events] == [(None, "ana"), ("ana", None), (None, "bob")]
    assert finding is None and count > 0


def test_assign_with_a_stale_version_is_refused(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    with db.transaction() as session:
        apply_change(session, SetStatus(union.id, "confirmed"), analyst="ana")
    with pytest.raises(StaleEdit), db.transaction() as session:
        apply_change(session, Assign(union.id, "bob"), analyst="lead", expected_version=1)
    with db.reader() as session:
        assert holder(session, union.id) is None


def test_cli_assign_by_filter_and_queue(run: Run, cli_db: Path) -> None:
    done = run("--analyst", "lead", "assign", "--source", "1", "--to", "ana")
    assert done.code == 0 and done.out.startswith("6 statements assigned to ana")
    assert run("assign", "--id", "2", "--to", "bob").code == 0
    queue = run("statements", "--assigned-to", "bob", "--format", "jsonl")
    assert [line.count('"id": 2,') for line in queue.out.splitlines()] == [1]
    ana = run("statements", "--assigned-to", "ana", "--format", "jsonl")
    assert len(ana.out.splitlines()) == 5
    released = run("assign", "--source", "1", "--unassign")
    assert released.out.startswith("6 statements released")
    assert run("statements", "--assigned-to", "ana", "--format", "jsonl").out == ""
    assert run("audit", "verify").code == 0


def test_cli_assign_a_claim_gives_every_live_statement_of_it(run: Run, cli_db: Path) -> None:
    import json

    claims = [json.loads(line) for line in run("claims", "--format", "jsonl").out.splitlines()]
    claim = max(claims, key=lambda c: len(c["statements"]))
    expected = sorted(s["id"] for s in claim["statements"])
    done = run("--analyst", "lead", "assign", "--claim", str(claim["id"]), "--to", "ana")
    assert done.code == 0 and done.out.startswith(f"{len(expected)} statements assigned")
    queue = run("statements", "--assigned-to", "ana", "--format", "jsonl").out.splitlines()
    assert sorted(json.loads(line)["id"] for line in queue) == expected


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (("assign", "--claim", "999", "--to", "ana"), "claim"),
        (("assign", "--source", "1"), "--to"),
        (("assign", "--source", "1", "--to", "ana", "--unassign"), "--to"),
        (("assign", "--to", "ana"), "assign"),
        (("assign", "--id", "2", "--id", "999", "--to", "ana"), "statement"),
    ],
)
def test_cli_assign_refuses_in_one_line_and_writes_nothing(
    run: Run, cli_db: Path, args: tuple[str, ...], where: str
) -> None:
    outcome = run(*args)
    assert outcome.code == 2 and len(outcome.error_lines) == 1, outcome.err
    assert outcome.error_lines[0].startswith(f"error: {where}")
    assert "Traceback" not in outcome.err
    assert run("statements", "--assigned-to", "ana", "--format", "jsonl").out == ""


def test_an_empty_name_is_refused(db: Database, rows: dict[str, StatementRow]) -> None:
    with pytest.raises(WorkbenchError), db.transaction() as session:
        apply_change(session, Assign(rows["union"].id, "  "), analyst="lead")
