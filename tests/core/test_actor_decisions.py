"""Issue 9: analysts merge and split actors and set their kind and affiliation; the decisions are
kept (history, alias table) and reapplied on later ingests. Bad input changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, func, select

from core.conftest import ACCUSATION, Outcome, db_state, ingest_linked, run_cli
from workbench.db.engine import Database
from workbench.db.models import Actor, ActorAlias, ChangeEvent, Statement
from workbench.errors import InvalidInput, NotFound, WorkbenchError
from workbench.services.actor_changes import (
    MergeActor,
    MergeActorOf,
    SetActorDetails,
    SplitActor,
)
from workbench.services.actors import list_actors
from workbench.services.changes import apply_change
from workbench.services.claims import list_claims
from workbench.services.reporting import ExportScope, summarise

CITY = (
    "Capital Notes\n\n"
    "Washington says Pyongyang sent munitions to Moscow. "
    "Russia denied that it had received any weapons. North Korea denied the report.\n"
)
LATER = (
    "Later Report\n\n"
    "Russia denied buying shells from Pyongyang. "
    "Washington said the port would reopen in May.\n"
)


def actor_id(db: Database, name: str) -> int:
    with db.reader() as session:
        found = session.exec(select(Actor.id).where(col(Actor.name) == name)).one()
    assert found is not None
    return found


def speakers(db: Database, name: str) -> list[str | None]:
    """The speakers (as written) of the statements whose actor is `name`."""
    with db.reader() as session:
        query = (
            select(Statement.speaker)
            .join(Actor, col(Actor.id) == col(Statement.actor_id))
            .where(col(Actor.name) == name)
            .order_by(col(Statement.id))
        )
        return list(session.exec(query))


def apply(db: Database, change: object, analyst: str = "ana") -> str:
    with db.transaction() as session:
        return apply_change(session, change, analyst=analyst).message


def snapshot(db: Database) -> tuple[list[tuple[object, ...]], ...]:
    """Actors, aliases, statements' actors and history: what a refused change must not touch."""
    with db.reader() as session:
        return (
            [
                tuple(r)
                for r in session.execute(
                    select(
                        Actor.id, Actor.name, Actor.kind, Actor.merged_into_id, Actor.version
                    ).order_by(col(Actor.id))
                )
            ],
            [tuple(r) for r in session.execute(select(ActorAlias.alias_key, ActorAlias.actor_id))],
            [tuple(r) for r in session.execute(select(Statement.id, Statement.actor_id))],
            [(session.exec(select(func.count()).select_from(ChangeEvent)).one(),)],
        )


def test_merge_counts_statements_under_the_survivor_everywhere(db: Database) -> None:
    ingest_linked(db, ACCUSATION, "Accusation")
    russia, korea = actor_id(db, "Russia"), actor_id(db, "North Korea")
    message = apply(db, MergeActor(russia, korea, note="same bloc in this story"))
    assert f"actor {russia} (Russia) merged into actor {korea} (North Korea)" in message

    with db.reader() as session:
        views = {v.name: v for v in list_actors(session)}
        assert "Russia" not in views  # merged: its statements and spellings are the survivor's
        assert views["North Korea"].statement_count == 2
        assert "Russia" in views["North Korea"].aliases
        per_actor = dict(summarise(session, ExportScope()).per_actor)
        assert "Russia" not in per_actor and sum(per_actor["North Korea"].values()) == 2
        positions = [v.positions() for v in list_claims(session)]
        assert all("Russia" not in names for p in positions for names in p.values())
        assert any(p.get("denies") == ["North Korea"] for p in positions)
        events = session.execute(
            select(
                ChangeEvent.entity_id, ChangeEvent.field, ChangeEvent.analyst, ChangeEvent.note
            ).where(col(ChangeEvent.entity) == "actor")
        ).all()
    assert {tuple(e) for e in events} == {
        (russia, "merged_into", "ana", "same bloc in this story"),
        (korea, "merged", "ana", "same bloc in this story"),
    }


def test_a_later_ingest_of_a_merged_name_goes_to_the_survivor(db: Database) -> None:
    ingest_linked(db, CITY, "City")
    russia = actor_id(db, "Russia")
    us = actor_id(db, "United States")
    # The analyst decides: in this desk's corpus "Russia" statements are the US's (a test of
    # the mechanism, not of geopolitics).
    apply(db, MergeActor(russia, us))
    ingest_linked(db, LATER, "Later")
    assert speakers(db, "Russia") == []
    assert speakers(db, "United States").count("Russia") == 2
    with db.reader() as session:
        alias = session.execute(
            select(ActorAlias.actor_id, ActorAlias.decided_by).where(
                col(ActorAlias.alias_key) == "russia"
            )
        ).one()
    assert tuple(alias) == (us, "ana")


def test_split_moves_a_spelling_and_later_ingests_follow_it(db: Database) -> None:
    ingest_linked(db, CITY, "City")
    us = actor_id(db, "United States")
    assert "Washington" in speakers(db, "United States")
    message = apply(db, SplitActor(us, ("washington",), note="the city, not the country"))
    assert "new actor" in message and "1 statements moved" in message
    assert speakers(db, "Washington") == ["Washington"]
    ingest_linked(
        db, LATER, "Later"
    )  # the extractor reads "Washington" as the US: the analyst wins
    assert speakers(db, "Washington") == ["Washington", "Washington"]
    assert "Washington" not in speakers(db, "United States")


def test_merge_then_undo_brings_the_actor_back(db: Database) -> None:
    ingest_linked(db, CITY, "City")
    russia, us = actor_id(db, "Russia"), actor_id(db, "United States")
    with db.transaction() as session:
        applied = apply_change(session, MergeActor(russia, us), analyst="ana")
    assert isinstance(applied.undo, SplitActor)
    message = apply(db, applied.undo)
    assert "merged before, back" in message
    assert speakers(db, "Russia") == ["Russia"]
    with db.reader() as session:
        assert {v.name for v in list_actors(session)} >= {"Russia", "United States"}


def test_set_kind_and_affiliation_with_undo(db: Database) -> None:
    ingest_linked(db, CITY, "City")
    us = actor_id(db, "United States")
    with db.transaction() as session:
        applied = apply_change(
            session, SetActorDetails(us, kind="organisation", affiliation="NATO"), analyst="bo"
        )
    assert applied.message.endswith("kind organisation, affiliation NATO")
    with db.reader() as session:
        actor = session.get(Actor, us)
        assert actor is not None and (actor.kind, actor.affiliation) == ("organisation", "NATO")
    apply(db, applied.undo)
    with db.reader() as session:
        actor = session.get(Actor, us)
        assert actor is not None and (actor.kind, actor.affiliation) == ("country", None)


def test_merge_from_a_statement_by_name(db: Database) -> None:
    ingest_linked(db, CITY, "City")
    with db.reader() as session:
        statement_id = session.exec(
            select(Statement.id).where(col(Statement.speaker) == "Russia")
        ).one()
    assert statement_id is not None
    with db.transaction() as session:
        applied = apply_change(
            session, MergeActorOf(statement_id, "washington"), analyst="ana", expected_version=1
        )
    assert applied.rows[0].actor == "United States"


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda ids: MergeActor(ids["Russia"], ids["Russia"]), InvalidInput, "into itself"),
        (lambda ids: MergeActor(ids["United States"], ids["Russia"]), InvalidInput, "cycle"),
        (lambda ids: MergeActor(ids["Russia"], ids["North Korea"]), InvalidInput, "already"),
        (lambda ids: MergeActor(9999, ids["Russia"]), NotFound, "no actor with id 9999"),
        (lambda ids: MergeActor(ids["North Korea"], 9999), NotFound, "no actor with id 9999"),
        (lambda ids: SplitActor(ids["North Korea"], ("Nowhere",)), InvalidInput, "not a spell"),
        (lambda ids: SplitActor(ids["Russia"], ("Russia",)), InvalidInput, "merged into"),
        (lambda ids: SetActorDetails(ids["Russia"], kind="country"), InvalidInput, "merged"),
        (lambda ids: SetActorDetails(ids["North Korea"], kind="planet"), InvalidInput, "kind"),
    ],
)
def test_bad_input_changes_nothing(
    db: Database, change: object, error: type[WorkbenchError], message: str
) -> None:
    ingest_linked(db, CITY, "City")
    names = ("Russia", "United States", "North Korea")
    ids = {name: actor_id(db, name) for name in names}
    apply(db, MergeActor(ids["Russia"], ids["United States"]))
    before = snapshot(db)
    with pytest.raises(error, match=message), db.transaction() as session:
        apply_change(session, change(ids), analyst="ana")  # type: ignore[operator]
    assert snapshot(db) == before


# -- the CLI -----------------------------------------------------------------------------------


@pytest.fixture
def city_db(tmp_path: Path) -> Path:
    path = tmp_path / "city.txt"
    path.write_text(CITY, encoding="utf-8")
    assert run_cli("ingest", str(path)).code == 0
    return tmp_path / "workbench.db"


def ids_by_name() -> dict[str, int]:
    import json

    out = run_cli("actors", "--format", "jsonl").out
    return {r["name"]: r["id"] for r in map(json.loads, out.splitlines())}


def test_cli_merge_split_and_set(city_db: Path) -> None:
    ids = ids_by_name()
    outcome = run_cli("actors", "merge", str(ids["Russia"]), str(ids["North Korea"]))
    assert outcome.code == 0 and "merged into" in outcome.out
    assert "Russia" not in ids_by_name()
    outcome = run_cli("actors", "split", str(ids["United States"]), "Washington")
    assert outcome.code == 0 and "new actor" in outcome.out
    washington = ids_by_name()["Washington"]
    outcome = run_cli("actors", "set", str(washington), "--kind", "person", "--affiliation", "x")
    assert outcome.code == 0 and "kind person" in outcome.out
    table = run_cli("actors").out
    assert "Washington" in table and "person" in table
    history = run_cli("history", "1").code  # the plain commands still work beside the group
    assert history == 0


@pytest.mark.parametrize(
    "args",
    [
        ("merge", "{Russia}", "{Russia}"),
        ("merge", "{Russia}", "999"),
        ("merge", "999", "{Russia}"),
        ("merge", "{United States}", "{Russia}", "--then-cycle"),
        ("split", "{Russia}", "Nobody"),
        ("set", "999", "--kind", "person"),
        ("set", "{Russia}"),
        ("merge", "abc", "1"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2_and_changes_nothing(
    city_db: Path, args: tuple[str, ...]
) -> None:
    ids = ids_by_name()
    if "--then-cycle" in args:
        assert run_cli("actors", "merge", str(ids["Russia"]), str(ids["United States"])).code == 0
        args = args[:-1]
    given = [a.format(**ids) if a.startswith("{") else a for a in args]
    before = db_state(city_db)
    outcome: Outcome = run_cli("actors", *given)
    assert outcome.code == 2, outcome
    assert len(outcome.error_lines) == 1 and len(outcome.err.strip().splitlines()) == 1
    assert db_state(city_db) == before


def test_crossed_merges_at_once_make_no_cycle(postgres_db: Database) -> None:
    """Two analysts merge A into B and B into A at the same moment: one merge wins, the other
    is refused as a cycle once the first commits (no deadlock, no actor merged into itself)."""
    import threading
    import time

    db = postgres_db
    ingest_linked(db, CITY, "City")
    a, b = actor_id(db, "Russia"), actor_id(db, "United States")
    first_written = threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        with db.transaction() as session:
            apply_change(session, MergeActor(a, b), analyst="ana")
            first_written.set()
            time.sleep(0.5)  # hold the rows while the second merge runs into them

    def second() -> None:
        first_written.wait()
        try:
            with db.transaction() as session:
                apply_change(session, MergeActor(b, a), analyst="bo")
        except WorkbenchError as error:
            outcome["error"] = error

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert isinstance(outcome.get("error"), InvalidInput)
    assert "cycle" in str(outcome["error"])
    with db.reader() as session:
        merged = dict(session.execute(select(Actor.id, Actor.merged_into_id)).all())  # type: ignore[arg-type]
    assert (merged[a], merged[b]) == (b, None)


@pytest.mark.parametrize("spelling", ["it", "The", "Not", "When"])
def test_a_function_word_is_never_stored_as_an_alias(db: Database, spelling: str) -> None:
    """Extraction errors name actors "it" or "The" (a sentence opener taken for a speaker):
    the actor row stays as extracted, but no such alias is kept to match later text by."""
    from workbench.services.actors import ActorResolver

    with db.transaction() as session:
        resolver = ActorResolver(session)
        junk = resolver.actor_id(spelling, kind="person", affiliation=None, alias=spelling)
        named = resolver.actor_id("Vin Weber", kind="person", affiliation=None, alias="Weber")
        aliases = session.exec(select(ActorAlias.actor_id, ActorAlias.alias)).all()
    assert sorted(aliases) == [(named, "Vin Weber"), (named, "Weber")]
    assert junk != named
