"""Evidence can be corrected: URL, title, relation, excerpt; checked, versioned, in history."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.conftest import Outcome
from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.errors import InvalidInput, StaleEdit
from workbench.services.changes import AddEvidence, EditEvidence, apply_change
from workbench.services.evidence import evidence_for
from workbench.services.history import statement_history

Run = Callable[..., Outcome]


def _add(db: Database, sid: int, url: str) -> int:
    with db.transaction() as session:
        applied = apply_change(session, AddEvidence(sid, url, "First"), analyst="ana")
    assert applied.created_id is not None
    return applied.created_id


def test_edit_changes_the_link_records_each_field_and_undoes(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    sid = rows["union"].id
    link = _add(db, sid, "https://example.org/a")
    change = EditEvidence(sid, link, title="Port minutes", relation="refutes", excerpt="no ship")
    with db.transaction() as session:
        applied = apply_change(session, change, analyst="bo")
    with db.reader() as session:
        (view,) = evidence_for(session, sid)
        events = [e for e in statement_history(session, sid) if e.field.startswith("evidence ")]
    assert (view.title, view.relation, view.excerpt, view.version) == (
        "Port minutes",
        "refutes",
        "no ship",
        2,
    )
    assert [(e.field, e.old, e.new) for e in events] == [
        ("evidence title", "First", "Port minutes"),
        ("evidence relation", "supports", "refutes"),
        ("evidence excerpt", "", "no ship"),
    ]
    with db.transaction() as session:
        apply_change(session, applied.undo, analyst="bo")
    with db.reader() as session:
        (view,) = evidence_for(session, sid)
    assert (view.title, view.relation, view.excerpt) == ("First", "supports", "")


def test_bad_edits_are_refused_and_change_nothing(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    sid = rows["union"].id
    link = _add(db, sid, "https://example.org/a")
    _add(db, sid, "https://example.org/b")
    for change, error in (
        (EditEvidence(sid, link, url="javascript:alert(1)"), InvalidInput),
        (EditEvidence(sid, link, url="https://example.org/b"), InvalidInput),  # a duplicate
        (EditEvidence(sid, link, relation="maybe"), InvalidInput),
        (EditEvidence(sid, link, title="x", evidence_version=7), StaleEdit),
        (EditEvidence(sid + 1, link, title="x"), InvalidInput),  # not that statement's link
    ):
        with pytest.raises(error), db.transaction() as session:
            apply_change(session, change, analyst="bo")
    with db.reader() as session:
        first = evidence_for(session, sid)[0]
    assert (first.url, first.title, first.relation, first.version) == (
        "https://example.org/a",
        "First",
        "supports",
        1,
    )


def test_cli_evidence_edit(run: Run, cli_db: object) -> None:
    assert run("evidence", "add", "1", "https://example.org/a").code == 0
    done = run("evidence", "edit", "1", "--relation", "context", "--title", "Minutes")
    assert done.code == 0 and done.out.strip() == "evidence 1 changed: title, relation"
    stale = run("evidence", "edit", "1", "--expect-version", "1", "--title", "Other")
    assert stale.code == 2 and "evidence 1 was changed" in stale.err
    assert run("evidence", "edit", "99", "--title", "x").error_lines == [
        "error: evidence: no evidence with id 99"
    ]
