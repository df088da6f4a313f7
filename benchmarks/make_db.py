"""Build a large synthetic review database fast: `python benchmarks/make_db.py OUT.db`.

Defaults: 1,000,000 statements over 20,000 sources (50 per source), ~2,000 actors, varied
synthetic sentences with exact offsets, a realistic mix of statuses, analysts and stances.
Rows go in through SQLAlchemy Core bulk inserts of the real models, a few hundred sources per
transaction (the FTS5 index is kept up by the schema's own triggers), after the same
migrations users run. Deterministic for a given --seed.

    python benchmarks/make_db.py bench-out/1m.db
    python benchmarks/make_db.py bench-out/1k.db --statements 1000 --sources 20
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from workbench.db.engine import Database
from workbench.db.models import Actor, ActorAlias, Source, Statement
from workbench.db.schema import upgrade_to_head
from workbench.services.actors import alias_key

FIRST = [
    "Ana",
    "Boris",
    "Chen",
    "Dara",
    "Elif",
    "Femi",
    "Greta",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Marek",
    "Nadia",
    "Omar",
    "Priya",
    "Rui",
    "Sara",
    "Tomas",
    "Yuki",
]
LAST = [
    "Lopez",
    "Ivanov",
    "Wei",
    "Okafor",
    "Schmidt",
    "Tanaka",
    "Silva",
    "Haddad",
    "Novak",
    "Moreau",
    "Kowalski",
    "Mensah",
    "Larsen",
    "Rossi",
    "Khan",
    "Dubois",
    "Park",
    "Costa",
]
ROLES = ["Minister", "Senator", "Mayor", "Spokesperson", "General", "Professor", "Director"]
ORGS = [
    "Ministry of Energy",
    "Port Authority",
    "Dock Union",
    "Health Agency",
    "River Council",
    "Central Bank",
    "Farmers Guild",
    "Teachers Union",
    "Coast Guard",
    "Grain Board",
    "Election Commission",
    "Transit Authority",
    "Water Board",
    "Chamber of Commerce",
]
COUNTRIES = [
    "Northland",
    "Southmark",
    "Eastvale",
    "Westport",
    "Highmoor",
    "Lowfield",
    "Redcliff",
    "Blue Coast",
    "Stonebridge",
    "Greenhaven",
]
CUES = [
    ("said", "asserts"),
    ("claimed", "asserts"),
    ("warned", "asserts"),
    ("announced", "asserts"),
    ("insisted", "asserts"),
    ("denied", "denies"),
    ("rejected claims", "denies"),
    ("questioned whether", "questions"),
    ("doubted", "questions"),
    ("told reporters", "asserts"),
]
SUBJECTS = [
    "grain exports",
    "the ceasefire",
    "fuel prices",
    "the river level",
    "vaccine supplies",
    "the harbour strike",
    "unemployment",
    "the new bridge",
    "border crossings",
    "school funding",
    "the election count",
    "rail traffic",
    "hospital waiting lists",
    "the levee repairs",
    "food aid",
    "power outages",
    "the budget deficit",
    "wheat harvests",
]
VERBS = [
    "rose by",
    "fell by",
    "doubled within",
    "stalled for",
    "recovered after",
    "collapsed within",
    "were delayed by",
    "grew by",
    "dropped by",
    "were cut by",
]
AMOUNTS = [
    "ten percent",
    "a third",
    "half",
    "two weeks",
    "three months",
    "40,000 tonnes",
    "12 million",
    "nearly a year",
    "six days",
    "a quarter",
]
PLACES = [
    "in the capital",
    "along the coast",
    "in the northern provinces",
    "at Port Allard",
    "in the valley",
    "across the border",
    "in the south",
    "in rural districts",
]
TIMES = [
    "last year",
    "this spring",
    "since May",
    "in recent weeks",
    "before the summit",
    "over the winter",
    "since the vote",
    "this quarter",
]
OUTLETS = [
    "Northern Herald",
    "Coastal Times",
    "Valley Post",
    "Example Wire",
    "Daily Ledger",
    "Morning Star",
    "Evening Courier",
    "Capital Observer",
]
ANALYSTS = ["ana", "bo", "chen", "dara", "eli"]


def make_actors(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(name, kind, speaker as written) for `count` distinct actors."""
    actors: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for org in ORGS:
        actors.append((org, "organisation", f"The {org}"))
    for country in COUNTRIES:
        actors.append((country, "country", f"{country} officials"))
    while len(actors) < count:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if len(actors) > 300:
            name += f" {len(actors)}"  # past the name combinations: numbered namesakes
        if name in seen:
            continue
        seen.add(name)
        actors.append((name, "person", f"{rng.choice(ROLES)} {name}"))
    return actors


def make_source(rng: random.Random, number: int, per_source: int, actor_count: int):  # type: ignore[no-untyped-def]
    """One article text and its statements' spans."""
    subject, verb, amount = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(AMOUNTS)
    title = f"{subject.capitalize()} {verb} {amount} ({number})"
    text = title + "\n\n"
    spans = []
    for index in range(per_source):
        actor = rng.randrange(actor_count)
        cue, stance = rng.choice(CUES)
        claim = (
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(AMOUNTS)} "
            f"{rng.choice(PLACES)} {rng.choice(TIMES)}"
        )
        spans.append((len(text), actor, cue, stance, claim))
        text += "{speaker} " + f"{cue} {claim}." + ("\n\n" if index % 4 == 3 else " ")
    return title, text, spans


def build(path: Path | str, statements: int, sources: int, seed: int, batch: int) -> None:
    """Write the database at `path` (a new SQLite file, replacing one there) or at a PostgreSQL
    URL (an empty database you created: `createdb -h 127.0.0.1 bench`)."""
    if isinstance(path, Path):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database.open(str(path))
    upgrade_to_head(db)
    rng = random.Random(seed)
    per_source = max(1, statements // sources)
    actors = make_actors(rng, max(30, min(2000, statements // 50)))
    epoch = datetime(2025, 1, 1, tzinfo=UTC)
    with db.transaction() as session:
        session.execute(
            insert(Actor),
            [
                {"id": i + 1, "name": n, "kind": k, "version": 1, "created_at": epoch}
                for i, (n, k, _) in enumerate(actors)
            ],
        )
        session.execute(
            insert(ActorAlias),
            [
                {"actor_id": i + 1, "alias": n, "alias_key": alias_key(n)}
                for i, (n, _, _) in enumerate(actors)
            ],
        )
    statement_id = 0
    started = time.perf_counter()
    for first in range(0, sources, batch):
        source_rows, statement_rows = [], []
        for number in range(first, min(sources, first + batch)):
            title, template, spans = make_source(rng, number, per_source, len(actors))
            # Fill in speakers while tracking the offsets they shift.
            text, shift, placed = "", 0, []
            pieces = template.split("{speaker}")
            text = pieces[0]
            for (_start, actor, cue, stance, claim), rest in zip(spans, pieces[1:], strict=True):
                speaker = actors[actor][2]
                sentence_start = len(text)
                text += speaker + rest
                cue_start = sentence_start + len(speaker) + 1
                content_start = cue_start + len(cue) + 1
                placed.append(
                    (sentence_start, speaker, actor, cue, stance, claim, cue_start, content_start)
                )
                shift += len(speaker)
            sha = hashlib.sha256(text.encode()).hexdigest()
            source_id = number + 1
            when = epoch + timedelta(minutes=number * 7)
            source_rows.append(
                {
                    "id": source_id,
                    "sha256": sha,
                    "title": title,
                    "url": f"https://news.example/{source_id}",
                    "outlet": rng.choice(OUTLETS),
                    "author": None,
                    "published": date(2025, 1, 1) + timedelta(days=number % 300),
                    "text": text,
                    "format": "text",
                    "origin": f"synthetic/{source_id}.txt",
                    "revision": 1,
                    "previous_id": None,
                    "ingested_at": when,
                    "ingested_by": "bench",
                }
            )
            for group, (s0, speaker, actor, cue, stance, claim, c0, k0) in enumerate(placed):
                statement_id += 1
                roll = rng.random()
                status = "unverified" if roll < 0.7 else "confirmed" if roll < 0.88 else "disputed"
                statement_rows.append(
                    {
                        "id": statement_id,
                        "key": f"{sha[:24]}{group:08d}",
                        "source_id": source_id,
                        "sentence_start": s0,
                        "sentence_end": k0 + len(claim) + 1,
                        "speaker": speaker,
                        "speaker_start": s0,
                        "speaker_end": s0 + len(speaker),
                        "actor_id": actor + 1,
                        "cue": cue,
                        "cue_start": c0,
                        "cue_end": c0 + len(cue),
                        "stance": stance,
                        "content": claim,
                        "content_start": k0,
                        "content_end": k0 + len(claim),
                        "proposition": claim,
                        "claim_group": group,
                        "rule": "synthetic",
                        "confidence": 0.9,
                        "origin": "extracted",
                        "status": status,
                        "dismissed": roll > 0.985,
                        "merged_into_id": None,
                        "version": 1 if status == "unverified" else 2,
                        "created_at": when,
                        "updated_at": when,
                        "updated_by": rng.choice(ANALYSTS),
                    }
                )
        with db.transaction() as session:
            session.execute(insert(Source), source_rows)
            session.execute(insert(Statement), statement_rows)
        done = min(sources, first + batch)
        rate = statement_id / (time.perf_counter() - started)
        print(
            f"\r{done:,}/{sources:,} sources, {statement_id:,} statements, {rate:,.0f}/s",
            end="",
            file=sys.stderr,
            flush=True,
        )
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection  # autocommit: no BEGIN around these
        if db.dialect == "sqlite":
            raw.execute("ANALYZE")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:  # rows were written with their ids: move each id sequence past them
            for table in ("actor", "source", "statement"):
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
                )
            connection.exec_driver_sql("ANALYZE")
            connection.commit()
    db.dispose()
    print(
        f"\n{path}: {statement_id:,} statements over {sources:,} sources in "
        f"{time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="a SQLite file, or a postgresql:// URL of an empty database")
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--sources", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=400, help="sources per transaction")
    args = parser.parse_args()
    out = args.out if "://" in args.out else Path(args.out)
    build(out, args.statements, args.sources, args.seed, args.batch)


if __name__ == "__main__":
    main()
