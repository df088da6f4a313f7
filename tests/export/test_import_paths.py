"""Import into a database that holds the same statements: no event twice, history in time
order, and a colleague's corrections and dismissals travel, or become conflicts (issues 11, 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.config import Settings
from workbench.db.engine import Database
from workbench.db.schema import upgrade_to_head
from workbench.ingest.metadata import Metadata
from workbench.services.changes import Correct, Dismiss, apply_change
from workbench.services.conflicts import resolve_conflict
from workbench.services.history import statement_history
from workbench.services.ingesting import ingest_paths
from workbench.services.reporting import list_conflicts
from workbench.services.review import add_note, set_status
from workbench.services.statements import StatementFilter, get_statement_row, list_statements

from .conftest import export_text, scope
from .test_json_exchange import load

SAMPLES = Path(__file__).parents[2] / "workbench" / "samples"


def _ingested(tmp_path: Path, name: str) -> Database:
    db = Database.open(str(tmp_path / name))
    upgrade_to_head(db)
    ingest_paths(
        db,
        [SAMPLES / "arms-accusation.txt"],
        metadata=Metadata(),
        input_format="auto",
        analyst="ingest",
        settings=Settings(database="x"),
    )
    return db


def _by_key(db: Database) -> dict[str, int]:
    with db.reader() as session:
        every = StatementFilter(include_dismissed=True)
        return {r.key: r.id for r in list_statements(session, every, limit=1000)}


def _same(there: Database, here: Database, statement_id: int) -> int:
    with there.reader() as session:
        key = get_statement_row(session, statement_id).key
    return _by_key(here)[key]


def _history(db: Database, statement_id: int) -> list[tuple[str, str, str | None]]:
    with db.reader() as session:
        return [(e.analyst, e.field, e.new) for e in statement_history(session, statement_id)]


def test_verdicts_into_a_database_that_ingested_the_same_text_are_recorded_once(
    tmp_path: Path,
) -> None:
    colleague, here = _ingested(tmp_path, "a.db"), _ingested(tmp_path, "b.db")
    ids = sorted(_by_key(colleague).values())[:3]
    with colleague.transaction() as session:
        for sid in ids:
            set_status(session, statement_id=sid, status="confirmed", analyst="ana", note="seen")
    with here.transaction() as session:  # later here than the verdicts over there
        for sid in ids:
            add_note(
                session, statement_id=_same(colleague, here, sid), text="ask ana", analyst="bo"
            )
    exported = export_text(colleague, "json", scope=scope(include_dismissed=True))
    first = load(here, exported)
    assert first.verdicts_taken == 3 and first.conflicts == 0
    for sid in ids:
        local = _same(colleague, here, sid)
        with here.reader() as session:
            assert get_statement_row(session, local).status == "confirmed"
            history = statement_history(session, local)
        statuses = [e for e in history if e.field == "status"]
        assert [(e.analyst, e.new, e.note) for e in statuses] == [("ana", "confirmed", "seen")]
        moments = [e.at for e in history]
        assert moments == sorted(moments)  # shown in the order things happened
        assert [e.field for e in history] == ["status", "note"]
    again = load(here, exported)
    assert (again.verdicts_taken, again.history_added, again.conflicts) == (0, 0, 0)


def test_a_colleagues_correction_and_dismissal_travel_with_their_history(tmp_path: Path) -> None:
    colleague, here = _ingested(tmp_path, "a.db"), _ingested(tmp_path, "b.db")
    first, second = sorted(_by_key(colleague).values())[:2]
    with colleague.transaction() as session:
        apply_change(session, Correct(first, actor="Pentagon", stance="questions"), analyst="ana")
        apply_change(session, Dismiss(second, note="a headline"), analyst="ana")
    load(here, export_text(colleague, "json", scope=scope(include_dismissed=True)))
    corrected, dismissed = _same(colleague, here, first), _same(colleague, here, second)
    with here.reader() as session:
        row = get_statement_row(session, corrected)
        assert (row.actor, row.stance) == ("Pentagon", "questions")
        assert get_statement_row(session, dismissed).dismissed
    assert ("ana", "actor", "Pentagon") in _history(here, corrected)
    assert ("ana", "dismissed", "true") in _history(here, dismissed)


def test_a_field_changed_on_both_sides_is_a_conflict_and_the_history_agrees_with_the_data(
    tmp_path: Path,
) -> None:
    colleague, here = _ingested(tmp_path, "a.db"), _ingested(tmp_path, "b.db")
    sid = sorted(_by_key(colleague).values())[0]
    local = _same(colleague, here, sid)
    with colleague.transaction() as session:
        apply_change(session, Correct(sid, actor="Pentagon"), analyst="ana")
    with here.transaction() as session:
        apply_change(session, Correct(local, actor="White House"), analyst="bo")
    summary = load(here, export_text(colleague, "json", scope=scope(include_dismissed=True)))
    assert summary.conflicts == 1
    with here.reader() as session:
        assert get_statement_row(session, local).actor == "White House"
        (conflict,) = list_conflicts(session)
    assert (conflict.field, conflict.local_value, conflict.incoming_value) == (
        "actor",
        "White House",
        "Pentagon",
    )
    assert ("ana", "actor", "Pentagon") not in _history(here, local)  # not until it is taken
    with here.transaction() as session:
        resolve_conflict(session, conflict_id=conflict.id, keep="incoming", analyst="lead")
    with here.reader() as session:
        assert get_statement_row(session, local).actor == "Pentagon"
    assert ("lead", "actor", "Pentagon") in _history(here, local)


@pytest.mark.parametrize("field", ["stance", "dismissed"])
def test_unchanged_over_there_means_the_local_correction_stands(tmp_path: Path, field: str) -> None:
    colleague, here = _ingested(tmp_path, "a.db"), _ingested(tmp_path, "b.db")
    sid = sorted(_by_key(colleague).values())[0]
    local = _same(colleague, here, sid)
    change = Correct(local, stance="questions") if field == "stance" else Dismiss(local)
    with here.transaction() as session:
        apply_change(session, change, analyst="bo")
    summary = load(here, export_text(colleague, "json", scope=scope(include_dismissed=True)))
    assert summary.conflicts == 0
    with here.reader() as session:
        row = get_statement_row(session, local)
    assert (row.stance == "questions") if field == "stance" else row.dismissed


def test_who_set_a_verdict_first_is_read_in_time_order_after_an_import(tmp_path: Path) -> None:
    """ana confirmed it over there before bo did here: her event arrives with a later id, but
    the standing verdict is read in the order things happened."""
    from workbench.services.verdict_rules import standing_verdict

    colleague, here = _ingested(tmp_path, "a.db"), _ingested(tmp_path, "b.db")
    sid = sorted(_by_key(colleague).values())[0]
    local = _same(colleague, here, sid)
    with colleague.transaction() as session:
        set_status(session, statement_id=sid, status="confirmed", analyst="ana", note="two sources")
    with here.transaction() as session:
        set_status(session, statement_id=local, status="confirmed", analyst="bo", note="agree")
    load(here, export_text(colleague, "json", scope=scope(include_dismissed=True)))
    with here.reader() as session:
        row = get_statement_row(session, local)
        standing = standing_verdict(session, row)
        assert standing is not None
    assert (standing.analyst, standing.note, standing.agreed_by) == ("ana", "two sources", ("bo",))
