"""The desk's day from the command line, on SQLite and on PostgreSQL: a lead splits a case, two
analysts judge and second-review each other, an adjudicator settles a disagreement, agreement
is measured, and the audit chain verifies until someone rewrites history."""

from __future__ import annotations

import json
from collections.abc import Callable

import sqlalchemy as sa

from core.conftest import run_cli
from workbench.db.engine import Database

SAMPLES = ("arms-accusation.txt", "port-strike.md")


def _target(db: Database) -> str:
    return (
        db.engine.url.render_as_string(hide_password=False)
        if db.dialect != "sqlite"
        else (db.location)
    )


def test_split_second_review_agreement_and_audit(db: Database) -> None:
    from pathlib import Path

    samples = Path(__file__).parents[2] / "workbench" / "samples"
    target = _target(db)

    def as_(analyst: str) -> Callable[..., object]:
        def run(*args: str):  # type: ignore[no-untyped-def]
            outcome = run_cli("--db", target, "--analyst", analyst, *args)
            assert outcome.code == 0, outcome.err
            return outcome

        return run

    lead, ana, bob, cleo = as_("lead"), as_("ana"), as_("bob"), as_("cleo")
    lead("ingest", *(str(samples / name) for name in SAMPLES))
    lead("settings", "set", "second-review", "on")
    lead("assign", "--source", "1", "--to", "ana")
    lead("assign", "--source", "2", "--to", "bob")
    queue = lambda who: [  # noqa: E731
        json.loads(line)["id"]
        for line in lead("statements", "--assigned-to", who, "--format", "jsonl").out.splitlines()
    ]
    ana_ids, bob_ids = queue("ana"), queue("bob")
    assert ana_ids and bob_ids and not set(ana_ids) & set(bob_ids)
    for number, sid in enumerate(ana_ids[:3]):
        ana("verdict", str(sid), "disputed" if number == 0 else "confirmed")
    for sid in bob_ids[:2]:
        bob("verdict", str(sid), "confirmed")
    # each seconds the other: bob agrees with two of ana's, disagrees with her first
    bob("verdict", str(ana_ids[1]), "confirmed")
    bob("verdict", str(ana_ids[2]), "confirmed")
    dissent = bob("verdict", str(ana_ids[0]), "confirmed", "--note", "the ship was seen")
    assert "waits for an adjudicator" in dissent.out
    ana("verdict", str(bob_ids[0]), "confirmed")
    open_rounds = [
        json.loads(line) for line in cleo("reviews", "--format", "jsonl").out.splitlines()
    ]
    assert {(r["statement_id"], r["state"]) for r in open_rounds} == {
        (ana_ids[0], "disputed"),
        (bob_ids[1], "pending"),
    }
    cleo("verdict", str(ana_ids[0]), "confirmed", "--override", "--note", "port log")
    stats = json.loads(cleo("stats", "--format", "json").out)
    (pair,) = [p for p in stats["agreement"] if p["analysts"] == ["ana", "bob"]]
    assert pair["items"] == 4  # three of ana's seconded by bob, one of bob's by ana
    assert cleo("audit", "verify").out.strip().endswith("events verify")
    with db.engine.begin() as connection:  # rewrite one event, triggers or not
        if db.dialect == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER IF EXISTS change_event_no_update")
            connection.exec_driver_sql(
                "UPDATE change_event SET new = 'disputed' WHERE id = "
                "(SELECT max(id) FROM change_event WHERE field = 'status')"
            )
        else:
            connection.execute(sa.text("ALTER TABLE change_event DISABLE TRIGGER ALL"))
            connection.execute(
                sa.text(
                    "UPDATE change_event SET new = 'disputed' WHERE id = "
                    "(SELECT max(id) FROM change_event WHERE field = 'status')"
                )
            )
            connection.execute(sa.text("ALTER TABLE change_event ENABLE TRIGGER ALL"))
    tampered = run_cli("--db", target, "audit", "verify")
    assert tampered.code == 1 and "changed after it was sealed" in tampered.err
