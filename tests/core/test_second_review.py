"""Overrides are asked for, and second review (four-eyes) keeps who said what, on both engines."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from core.conftest import Outcome
from workbench.db import audit
from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.errors import InvalidInput
from workbench.services.agreement import last_verdicts
from workbench.services.changes import SetStatus, apply_change
from workbench.services.history import statement_history
from workbench.services.second_review import get_round, list_rounds
from workbench.services.settings import ChangeSetting, second_review_on
from workbench.services.statements import get_statement_row
from workbench.services.verdict_rules import OverrideNeeded

Run = Callable[..., Outcome]


def _verdict(db: Database, sid: int, status: str, analyst: str, **extra: object) -> str:
    with db.transaction() as session:
        applied = apply_change(session, SetStatus(sid, status, **extra), analyst=analyst)  # type: ignore[arg-type]
    return applied.remark


def _status(db: Database, sid: int) -> str:
    with db.reader() as session:
        return get_statement_row(session, sid).status


def _review_on(db: Database) -> None:
    with db.transaction() as session:
        apply_change(session, ChangeSetting("second-review", "on"), analyst="lead")


def test_replacing_a_colleagues_verdict_is_refused_unless_overridden_with_a_reason(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    sid = rows["union"].id
    _verdict(db, sid, "disputed", "ana", note="the minutes say otherwise")
    with pytest.raises(OverrideNeeded) as refused:
        _verdict(db, sid, "confirmed", "bob")
    line = refused.value.one_line()
    assert "ana set it disputed" in line and "the minutes say otherwise" in line
    assert "--override --note REASON" in line
    with pytest.raises(InvalidInput, match="an override needs a reason"):
        _verdict(db, sid, "confirmed", "bob", override=True)
    assert _status(db, sid) == "disputed"  # nothing changed by either refusal
    remark = _verdict(db, sid, "confirmed", "bob", override=True, note="new footage")
    assert remark == "overrode disputed by ana"
    assert _status(db, sid) == "confirmed"
    with db.reader() as session:
        last = statement_history(session, sid)[-1]
    assert (last.analyst, last.field, last.note) == ("bob", "status", "new footage")
    # the analyst's own verdict, and an agreement, need no override
    _verdict(db, sid, "unverified", "bob")
    _verdict(db, sid, "confirmed", "ana")
    _verdict(db, sid, "confirmed", "bob")  # agrees with ana
    with pytest.raises(OverrideNeeded, match="agreed by bob"):
        _verdict(db, sid, "disputed", "bob")  # ana holds it too: still an override


def test_second_review_agreement_makes_a_verdict_final(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    sid = rows["union"].id
    _review_on(db)
    with db.reader() as session:
        assert second_review_on(session)
    assert _verdict(db, sid, "confirmed", "ana") == "waits for a second analyst"
    with db.reader() as session:
        (waiting,) = list_rounds(session)
    assert waiting.state == "pending" and waiting.waits_for("bob") and not waiting.waits_for("ana")
    assert _verdict(db, sid, "confirmed", "bob") == "agreed with ana: final"
    with db.reader() as session:
        assert list_rounds(session) == []
        assert get_round(session, sid).state == "agreed"  # type: ignore[union-attr]
        assert last_verdicts(session) == {"ana": {sid: "confirmed"}, "bob": {sid: "confirmed"}}
    with pytest.raises(OverrideNeeded):  # a final verdict is changed only on purpose
        _verdict(db, sid, "disputed", "cleo")
    remark = _verdict(db, sid, "disputed", "cleo", override=True, note="retracted by the agency")
    assert remark == "overrode confirmed by ana, bob; waits for a second analyst"
    with db.reader() as session:
        assert get_round(session, sid).first.analyst == "cleo"  # type: ignore[union-attr]


def test_a_disagreement_waits_for_an_adjudicator_with_both_cases_side_by_side(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    sid = rows["union"].id
    _review_on(db)
    _verdict(db, sid, "confirmed", "ana", note="matches the transcript")
    with db.transaction() as session:
        from workbench.services.changes import AddEvidence

        apply_change(session, AddEvidence(sid, "https://example.org/transcript"), analyst="ana")
    remark = _verdict(db, sid, "disputed", "bob", note="the transcript was edited")
    assert "it waits for an adjudicator" in remark
    assert _status(db, sid) == "confirmed"  # the first verdict stands until decided
    with db.reader() as session:
        (found,) = list_rounds(session)
    assert found.state == "disputed" and found.second is not None
    assert (found.first.analyst, found.first.verdict, found.first.note) == (
        "ana",
        "confirmed",
        "matches the transcript",
    )
    assert found.first.evidence == (("supports", "https://example.org/transcript", ""),)
    assert (found.second.analyst, found.second.verdict, found.second.note) == (
        "bob",
        "disputed",
        "the transcript was edited",
    )
    with db.reader() as session:  # bob's dissent counts for agreement too
        assert last_verdicts(session)["bob"] == {sid: "disputed"}
    with pytest.raises(OverrideNeeded, match="decides it"):
        _verdict(db, sid, "disputed", "cleo")
    assert _verdict(db, sid, "disputed", "cleo", override=True, note="full recording") == (
        "decided: final"
    )
    with db.reader() as session:
        decided = get_round(session, sid)
        count, finding = audit.verify(session.connection())
    assert decided is not None and decided.state == "decided"
    assert (decided.decided_by, decided.decided_verdict, decided.decided_reason) == (
        "cleo",
        "disputed",
        "full recording",
    )
    assert _status(db, sid) == "disputed" and finding is None and count > 0


def test_the_author_cannot_second_their_own_verdict_and_can_concede(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    sid = rows["union"].id
    _review_on(db)
    _verdict(db, sid, "confirmed", "ana")
    assert _verdict(db, sid, "confirmed", "ana") == "waits for a second analyst"
    _verdict(db, sid, "disputed", "bob")
    assert _verdict(db, sid, "disputed", "ana") == "agreed: final"  # ana comes round
    with db.reader() as session:
        found = get_round(session, sid)
    assert found is not None and found.state == "agreed"
    assert (found.first.verdict, found.second.verdict) == ("disputed", "disputed")  # type: ignore[union-attr]


def test_cli_override_reviews_and_settings(run: Run, cli_db: object) -> None:
    assert run("--analyst", "lead", "settings", "set", "second-review", "maybe").code == 2
    assert run("settings", "set", "colour", "on").error_lines == [
        "error: settings: unknown setting 'colour' (known: second-review)"
    ]
    assert run("--analyst", "lead", "settings", "set", "second-review", "on").code == 0
    assert "on" in run("settings").out
    assert "waits for a second analyst" in run("--analyst", "ana", "verdict", "1", "confirmed").out
    dissent = run("--analyst", "bob", "verdict", "1", "disputed", "--note", "edited clip")
    assert dissent.code == 0 and "waits for an adjudicator" in dissent.out
    (record,) = [json.loads(line) for line in run("reviews", "--format", "jsonl").out.splitlines()]
    assert record["state"] == "disputed" and record["first"]["analyst"] == "ana"
    assert record["second"] == {
        "analyst": "bob",
        "verdict": "disputed",
        "at": record["second"]["at"],
        "note": "edited clip",
        "evidence": [],
        "notes": [],
    }
    shown = run("reviews", "show", "1")
    assert "edited clip" in shown.out and "decide with" in shown.out
    assert "Second review: 1 round " in run("--analyst", "ana", "reviews", "--mine").out
    refused = run("--analyst", "cleo", "verdict", "1", "disputed")
    assert refused.code == 2 and len(refused.error_lines) == 1 and "decides it" in refused.err
    decided = run("--analyst", "cleo", "verdict", "1", "disputed", "--override", "--note", "raw")
    assert decided.code == 0 and "decided: final" in decided.out
    assert run("reviews", "show", "99").error_lines == [
        "error: reviews: statement 99 has no second review (list the rounds with "
        "`workbench reviews`)"
    ]
    assert run("audit", "verify").code == 0
