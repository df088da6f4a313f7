"""Several analysts writing verdicts at once: nothing lost, nothing twice, history replays.

    python benchmarks/team_load.py                    # 8 processes x 500 changes, both engines
    python benchmarks/team_load.py --engine postgres  # PostgreSQL only (a fresh schema)
    python benchmarks/team_load.py --processes 4 --changes 25 --statements 200 --json

Each process is an analyst writing random verdicts through the typed change path, as
`workbench verdict` does. A third of the changes name the version the analyst read a moment
earlier (`--expect-version`): those lose to a colleague now and then and are refused, as they
must be. Every change carries a unique note, so afterwards the history can be checked against
what each process was told: every accepted change is in it exactly once, no refused change is,
each statement's status equals the last status its history gives it, and the audit chain
verifies. Prints throughput and write latency (p50/p99) per engine; with `--json`, one JSON
object per engine (what tests/core/test_load_contract.py reads). Exit 1 if any check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NAMES = ["Mara Ellison", "Tomas Berg", "Ines Okafor", "Li Wen", "Paul Adeyemi", "Sara Kim"]
VERBS = ["said", "told reporters", "claimed", "denied"]


def corpus(path: Path, statements: int) -> None:
    """Articles of 20 attributed sentences each, written as JSONL for `workbench ingest`."""
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for article in range(statements // 20 + 1):
            sentences = [
                f"{rng.choice(NAMES)} {rng.choice(VERBS)} that berth {article * 20 + n} "
                f"at the port of Allard was closed on day {n} of the strike."
                for n in range(20)
            ]
            record = {
                "text": " ".join(sentences),
                "title": f"Port report {article}",
                "url": f"https://example.org/port/{article}",
                "outlet": "Example Wire",
            }
            out.write(json.dumps(record) + "\n")


def prepare(engine: str, workdir: Path, statements: int, pg_url: str) -> tuple[str, list[int]]:
    """A database holding at least `statements` statements; (its --db target, their ids)."""
    from workbench.cli import main
    from workbench.db.engine import Database

    if engine == "sqlite":
        target = str(workdir / "load.db")
    else:
        schema = f"load_{uuid.uuid4().hex[:10]}"
        admin = sa.create_engine(pg_url)
        with admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        admin.dispose()
        target = f"{pg_url}?options=-csearch_path%3D{schema}"
    path = workdir / "corpus.jsonl"
    corpus(path, statements)
    try:
        with contextlib.redirect_stdout(sys.stderr):  # stdout is the figures' (--json)
            main(["--db", target, "--analyst", "loader", "ingest", str(path)])
    except SystemExit as done:
        if done.code not in (0, None):
            raise
    db = Database.open(target)
    with db.reader() as session:
        ids = list(
            session.execute(
                sa.text("SELECT id FROM statement ORDER BY id LIMIT :n"), {"n": statements}
            ).scalars()
        )
    db.dispose()
    return target, ids


def worker(target: str, name: str, ids: list[int], changes: int, seed: int, out: Any) -> None:
    """One analyst: `changes` random verdicts; reports (tag, accepted, seconds) for each."""
    from workbench.db.engine import Database
    from workbench.errors import StaleEdit
    from workbench.services.changes import SetStatus, apply_change
    from workbench.services.statements import get_statement_row

    rng = random.Random(seed)
    db = Database.open(target)
    results = []
    stamps = [time.time()]  # first and last write: throughput without process start-up
    for number in range(changes):
        statement_id = rng.choice(ids)
        status = rng.choice(("confirmed", "disputed", "unverified"))
        tag = f"{name}-{number}"
        expected = None
        if number % 3 == 0:  # the analyst looked at it a moment ago
            with db.reader() as session:
                expected = get_statement_row(session, statement_id).version
            time.sleep(rng.random() / 500)
        change = SetStatus(statement_id, status, tag, override=True)
        started = time.perf_counter()
        try:
            with db.transaction() as session:
                apply_change(session, change, analyst=name, expected_version=expected)
            accepted = True
        except StaleEdit:
            accepted = False
        results.append((tag, accepted, time.perf_counter() - started))
        stamps.append(time.time())
    db.dispose()
    out.put((name, results, None, (stamps[0], stamps[-1])))


def _run_worker(target: str, name: str, ids: list[int], changes: int, seed: int, out: Any) -> None:
    try:
        worker(target, name, ids, changes, seed, out)
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which fails the run
        out.put((name, [], f"{type(error).__name__}: {error}", None))


def check(target: str, results: list[tuple[str, bool, float]]) -> dict[str, Any]:
    """The history against what the processes were told."""
    from workbench.db import audit
    from workbench.db.engine import Database

    db = Database.open(target)
    with db.reader() as session:
        events = session.execute(
            sa.text(
                "SELECT id, statement_id, field, new, note FROM change_event "
                "WHERE analyst LIKE 'analyst-%' ORDER BY id"
            )
        ).all()
        statuses = dict(session.execute(sa.text("SELECT id, status FROM statement")).all())
        history_status = dict(
            session.execute(
                sa.text(
                    "SELECT statement_id, new FROM change_event e WHERE field = 'status' AND id = "
                    "(SELECT max(id) FROM change_event WHERE field = 'status' "
                    "AND statement_id = e.statement_id)"
                )
            ).all()
        )
        count, finding = audit.verify(session.connection())
    db.dispose()
    seen: dict[str, int] = {}
    for _id, _sid, field, new, note in events:
        tag = new if field == "note" else note
        seen[tag] = seen.get(tag, 0) + 1
    accepted = {tag for tag, ok, _s in results if ok}
    refused = {tag for tag, ok, _s in results if not ok}
    once = all(seen.get(tag, 0) == 1 for tag in accepted)
    replay = all(
        history_status.get(sid, "unverified") == status for sid, status in statuses.items()
    )
    return {
        "accepted": len(accepted),
        "refused": len(refused),
        "every_accepted_once": once,
        "no_refused_recorded": not any(seen.get(tag) for tag in refused),
        "extra_events": sum(n for tag, n in seen.items() if tag not in accepted),
        "state_equals_replay": replay,
        "audit_events": count,
        "audit_ok": finding is None,
    }


def run(engine: str, processes: int, changes: int, statements: int, pg_url: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        target, ids = prepare(engine, Path(folder), statements, pg_url)
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        procs = [
            context.Process(
                target=_run_worker,
                args=(target, f"analyst-{n}", ids, changes, 1000 + n, queue),
            )
            for n in range(processes)
        ]
        for proc in procs:
            proc.start()
        reports = [queue.get(timeout=600) for _ in procs]
        for proc in procs:
            proc.join()
        spans = [span for *_rest, span in reports if span]
        wall = max(end for _s, end in spans) - min(start for start, _e in spans) if spans else 0.0
        errors = [error for _name, _r, error, _span in reports if error]
        results = [item for _name, found, _e, _span in reports for item in found]
        figures = check(target, results)
        latencies = sorted(seconds for _t, _ok, seconds in results)
        if engine == "postgres":
            _drop_schema(target, pg_url)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "engine": engine,
        "processes": processes,
        "changes_each": changes,
        "statements": len(ids),
        "unhandled_errors": errors,
        "wall_s": round(wall, 2),
        "accepted_per_s": round(figures["accepted"] / wall, 1) if wall else 0.0,
        "write_p50_ms": round(quantiles[49] * 1000, 2),
        "write_p99_ms": round(quantiles[98] * 1000, 2),
        **figures,
    }


def _drop_schema(target: str, pg_url: str) -> None:
    schema = target.rsplit("%3D", 1)[1]
    admin = sa.create_engine(pg_url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()


def passed(figures: dict[str, Any]) -> bool:
    return (
        not figures["unhandled_errors"]
        and figures["every_accepted_once"]
        and figures["no_refused_recorded"]
        and figures["extra_events"] == 0
        and figures["state_equals_replay"]
        and figures["audit_ok"]
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--changes", type=int, default=500)
    parser.add_argument("--statements", type=int, default=1000)
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--json", action="store_true", help="one JSON object per engine")
    args = parser.parse_args()
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    ok = True
    for engine in engines:
        figures = run(engine, args.processes, args.changes, args.statements, args.postgres_url)
        ok = ok and passed(figures)
        if args.json:
            print(json.dumps(figures))
            continue
        print(
            f"{engine:>8}: {figures['processes']} x {figures['changes_each']} changes on "
            f"{figures['statements']} statements in {figures['wall_s']} s: "
            f"{figures['accepted']} accepted ({figures['accepted_per_s']}/s), "
            f"{figures['refused']} refused as stale; write p50 {figures['write_p50_ms']} ms, "
            f"p99 {figures['write_p99_ms']} ms"
        )
        print(
            f"          every accepted change in history once: {figures['every_accepted_once']}; "
            f"refused ones absent: {figures['no_refused_recorded']}; state = replay: "
            f"{figures['state_equals_replay']}; audit: {figures['audit_events']} events, "
            f"intact {figures['audit_ok']}; unhandled errors: {len(figures['unhandled_errors'])}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
