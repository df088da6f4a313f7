"""Second review: a disagreement between two analysts is decided by a third, never by either of
them (service on both engines, the CLI, and the review screen's dialog)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tui.helpers import notices, settle, text_of

from core.conftest import Outcome
from workbench.config import Settings
from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.errors import InvalidInput
from workbench.services.changes import SetStatus, apply_change
from workbench.services.second_review import get_round
from workbench.services.settings import ChangeSetting
from workbench.services.statements import get_statement_row
from workbench.services.verdict_rules import OverrideNeeded

Run = Callable[..., Outcome]
THIRD = "a third analyst decides it"


def _as(db: Database, change: object, analyst: str) -> str:
    with db.transaction() as session:
        return apply_change(session, change, analyst=analyst).remark  # type: ignore[arg-type]


def _disagree(db: Database, sid: int) -> None:
    """Second review on; ana says confirmed, bob says disputed: the round waits."""
    _as(db, ChangeSetting("second-review", "on"), "lead")
    _as(db, SetStatus(sid, "confirmed", "matches the transcript"), "ana")
    _as(db, SetStatus(sid, "disputed", "the clip was edited"), "bob")


def _state(db: Database, sid: int) -> tuple[str, str]:
    with db.reader() as session:
        found = get_round(session, sid)
        assert found is not None
        return get_statement_row(session, sid).status, found.state


def test_neither_party_decides_their_own_disagreement(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    sid = rows["union"].id
    _disagree(db, sid)
    attempts = [
        ("ana", "confirmed", True),  # insisting on her own verdict, with a reason
        ("bob", "disputed", True),
        ("ana", "unverified", True),  # a third verdict is no way round it
        ("bob", "unverified", False),
    ]
    for analyst, status, override in attempts:
        note = "I am sure" if override else ""
        with pytest.raises(InvalidInput, match=THIRD) as refused:
            _as(db, SetStatus(sid, status, note, override=override), analyst)
        assert not isinstance(refused.value, OverrideNeeded)  # no dialog offers a way round
        assert _state(db, sid) == ("confirmed", "disputed")
    line = refused.value.one_line()
    assert line == (
        f"verdict: statement {sid} is disputed between ana (confirmed) and bob (disputed): "
        f"{THIRD} (you can come round to ana's verdict, confirmed; nothing was changed)"
    )
    with pytest.raises(OverrideNeeded, match="decides it") as asked:  # a third analyst is asked
        _as(db, SetStatus(sid, "disputed"), "cleo")
    assert asked.value.between == ("ana", "bob")
    assert _as(db, SetStatus(sid, "disputed", "raw footage", override=True), "cleo") == (
        "decided: final"
    )
    assert _state(db, sid) == ("disputed", "decided")


def test_a_party_may_still_come_round_to_the_other_verdict(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    sid = rows["union"].id
    _disagree(db, sid)
    assert _as(db, SetStatus(sid, "confirmed"), "bob") == "agreed: final"
    assert _state(db, sid) == ("confirmed", "agreed")


def test_cli_refuses_a_party_in_one_line_and_a_third_analyst_decides(
    run: Run, cli_db: Path
) -> None:
    assert run("--analyst", "lead", "settings", "set", "second-review", "on").code == 0
    assert run("--analyst", "ana", "verdict", "1", "confirmed").code == 0
    assert run("--analyst", "bob", "verdict", "1", "disputed", "--note", "edited").code == 0
    assert "a third analyst, not ana or bob, may decide" in run("reviews", "show", "1").out
    insisted = run(
        "--analyst", "ana", "verdict", "1", "confirmed", "--override", "--note", "I am sure"
    )
    assert insisted.code == 2 and len(insisted.error_lines) == 1
    assert THIRD in insisted.err and "Traceback" not in insisted.err
    decided = run("--analyst", "cleo", "verdict", "1", "disputed", "--override", "--note", "raw")
    assert decided.code == 0 and "decided: final" in decided.out
    assert run("audit", "verify").code == 0


async def test_review_screen_refuses_a_party_and_asks_a_third_to_decide(cli_db: Path) -> None:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.modals.forms import OverrideForm

    db = Database.open(str(cli_db))
    try:
        _disagree(db, 1)

        def app_as(analyst: str) -> WorkbenchApp:
            settings = Settings(database=str(cli_db), analyst=analyst)
            return WorkbenchApp(db, settings, poll_seconds=0, count_delay=0)

        party = app_as("ana")
        async with party.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert party.screen.statements.current.id == 1
            await pilot.press("c")  # her own verdict again: not hers to decide
            await settle(pilot)
            assert not isinstance(party.screen, OverrideForm)
            assert any(THIRD in notice for notice in notices(pilot))
        assert _state(db, 1) == ("confirmed", "disputed")

        third = app_as("cleo")
        async with third.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("d")
            await settle(pilot)
            assert isinstance(third.screen, OverrideForm)
            assert text_of(pilot, "#override-title") == (
                "Decide the disagreement between ana and bob: mark #1 disputed?"
            )
            assert "ana said confirmed, bob said disputed" in text_of(pilot, "#override-standing")
            await pilot.press(*"raw footage", "enter")
            await settle(pilot)
        assert _state(db, 1) == ("disputed", "decided")
    finally:
        db.dispose()
