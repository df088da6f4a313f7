"""SIGKILL at random points of a bulk ingest, a verdict loop and an import; then check the file.

    python benchmarks/kill_points.py                    # 50 kills in each of the three
    python benchmarks/kill_points.py --kills 5 --articles 60 --json

After every kill: `PRAGMA integrity_check` and `foreign_key_check` clean, the full-text index
consistent, the audit chain verifies, and no source is half-ingested (each holds exactly the
statements a run without kills gives it). Verdicts: every verdict the loop reported committed
is in the history exactly once (and none twice). After the last kill the same command is run
to the end, and the result must equal a run that was never killed: no source, statement or
history event twice. Prints a summary per operation (one JSON object each with `--json`, which
tests/core/test_kill_recovery.py reads); exit 1 if any check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

WORKBENCH = [sys.executable, "-m", "workbench"]
NAMES = ["Mara Ellison", "Tomas Berg", "Ines Okafor", "Li Wen", "Paul Adeyemi"]
# A verdict loop that says which verdicts committed, one line each, flushed at once.
VERDICT_LOOP = """
import random, sys
from workbench.db.engine import Database
from workbench.services.changes import SetStatus, apply_change
db = Database.open(sys.argv[1])
rng = random.Random(int(sys.argv[2]))
ids = [int(i) for i in sys.argv[3].split(",")]
print("ready", flush=True)  # start-up (imports, opening the file) is not a kill point
for number in range(100000):
    tag = f"{sys.argv[2]}-{number}"
    change = SetStatus(rng.choice(ids), rng.choice(("confirmed", "disputed")), tag, override=True)
    with db.transaction() as session:
        apply_change(session, change, analyst="looper")
    print(tag, flush=True)
"""


def workbench(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*WORKBENCH, "--db", str(db), "--analyst", "runner", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def corpus(path: Path, articles: int) -> None:
    rng = random.Random(11)
    with path.open("w", encoding="utf-8") as out:
        for number in range(articles):
            text = " ".join(
                f"{rng.choice(NAMES)} said that pier {number}-{n} was shut on day {n}."
                for n in range(25)
            )
            record = {"text": text, "title": f"Pier report {number}", "outlet": "Example Wire"}
            out.write(json.dumps(record) + "\n")


def _has_schema(db: Path) -> bool:
    """A kill before the schema was created leaves no file, or an empty database (opening it
    set WAL mode; the schema is created in one transaction): nothing was written, nothing to
    check; the rerun creates it."""
    if not db.exists():
        return False
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    finally:
        connection.close()


def file_checks(db: Path) -> dict[str, Any]:
    """What must hold of the file whatever moment the process died at."""
    connection = sqlite3.connect(db)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if not {"source", "statement", "alembic_version"} <= tables:
            return {
                "integrity": f"a partial schema: {sorted(tables)}",
                "foreign_keys_ok": True,
                "fts": "ok",
                "audit_ok": True,
                "per_source": {},
            }
        broken_refs = connection.execute("PRAGMA foreign_key_check").fetchall()
        try:
            connection.execute("INSERT INTO statement_fts(statement_fts) VALUES('integrity-check')")
            fts = "ok"
        except sqlite3.DatabaseError as error:
            fts = str(error)
        per_source = dict(
            connection.execute(
                "SELECT s.sha256, count(t.id) FROM source s "
                "LEFT JOIN statement t ON t.source_id = s.id GROUP BY s.id"
            ).fetchall()
        )
    finally:
        connection.close()
    audit = workbench(db, "audit", "verify")
    return {
        "integrity": integrity,
        "foreign_keys_ok": not broken_refs,
        "fts": fts,
        "audit_ok": audit.returncode == 0,
        "per_source": per_source,
    }


def _sound(found: dict[str, Any], reference: dict[str, int]) -> list[str]:
    problems = []
    if found["integrity"] != "ok":
        problems.append(f"integrity: {found['integrity']}")
    if not found["foreign_keys_ok"]:
        problems.append("broken references")
    if found["fts"] != "ok":
        problems.append(f"full-text index: {found['fts']}")
    if not found["audit_ok"]:
        problems.append("audit chain does not verify")
    half = [sha for sha, n in found["per_source"].items() if reference.get(sha) != n]
    if half:
        problems.append(f"{len(half)} sources with a different statement count than a clean run")
    return problems


def kill_after(
    command: list[str], delay: float, after_line: str | None = None
) -> subprocess.Popen[str]:
    """SIGKILL `command` `delay` seconds after it starts, or after it prints `after_line`.

    Waiting for the line keeps a loaded machine's slow start-up from eating the whole delay.
    """
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    if after_line is not None:
        assert process.stdout is not None
        while (line := process.stdout.readline()) and line.strip() != after_line:
            pass
    time.sleep(delay)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return process


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    ran = subprocess.run(command, capture_output=True, text=True, check=False)
    if ran.returncode != 0:
        raise SystemExit(f"{' '.join(command[2:])} failed ({ran.returncode}): {ran.stderr}")
    return time.perf_counter() - started


def counts(db: Path) -> dict[str, Any]:
    connection = sqlite3.connect(db)
    try:
        return {
            "sources": connection.execute("SELECT count(*) FROM source").fetchone()[0],
            "statements": connection.execute("SELECT count(*) FROM statement").fetchone()[0],
            "events": connection.execute("SELECT count(*) FROM change_event").fetchone()[0],
            "evidence": connection.execute("SELECT count(*) FROM evidence").fetchone()[0],
            "statuses": dict(
                connection.execute("SELECT status, count(*) FROM statement GROUP BY status")
            ),
        }
    finally:
        connection.close()


def ingest_kills(folder: Path, kills: int, articles: int, rng: random.Random) -> dict[str, Any]:
    data = folder / "corpus.jsonl"
    corpus(data, articles)
    reference_db = folder / "reference.db"
    duration = timed([*WORKBENCH, "--db", str(reference_db), "ingest", str(data)])
    reference = file_checks(reference_db)["per_source"]
    db = folder / "killed.db"
    problems: list[str] = []
    for _ in range(kills):
        kill_after([*WORKBENCH, "--db", str(db), "ingest", str(data)], rng.uniform(0.2, duration))
        if _has_schema(db):
            problems += _sound(file_checks(db), reference)
    workbench(db, "ingest", str(data))  # the rerun completes what the kills cut short
    final = file_checks(db)
    problems += _sound(final, reference)
    if final["per_source"] != reference:
        problems.append("after the rerun the sources differ from a run never killed")
    same = counts(db)["statements"] == counts(reference_db)["statements"]
    return _report("ingest", kills, duration, problems, rerun_equals_clean=same)


def verdict_kills(folder: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    db = folder / "killed.db"  # the ingested database of the ingest round
    connection = sqlite3.connect(db)
    ids = [str(r[0]) for r in connection.execute("SELECT id FROM statement LIMIT 200")]
    connection.close()
    reference = file_checks(db)["per_source"]
    script = folder / "verdicts.py"
    script.write_text(VERDICT_LOOP, encoding="utf-8")
    problems: list[str] = []
    committed: list[str] = []
    for round_number in range(kills):
        process = kill_after(
            [sys.executable, str(script), str(db), str(round_number), ",".join(ids)],
            rng.uniform(0.05, 1.0),
            after_line="ready",
        )
        assert process.stdout is not None
        committed += process.stdout.read().split()
        problems += _sound(file_checks(db), reference)
    connection = sqlite3.connect(db)
    recorded: dict[str, int] = {}
    # A verdict equal to the status already there is kept as its note (a history event too).
    for (tag,) in connection.execute(
        "SELECT CASE field WHEN 'note' THEN new ELSE note END FROM change_event "
        "WHERE analyst = 'looper' AND field IN ('status', 'note')"
    ):
        recorded[tag] = recorded.get(tag, 0) + 1
    connection.close()
    lost = [tag for tag in committed if recorded.get(tag) != 1]
    twice = [tag for tag, n in recorded.items() if n > 1]
    if lost:
        problems.append(f"{len(lost)} committed verdicts not in the history exactly once")
    if twice:
        problems.append(f"{len(twice)} verdicts in the history twice")
    return _report("verdicts", kills, None, problems, committed=len(committed))


def import_kills(folder: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    source = folder / "killed.db"  # ingested and judged by the rounds before
    exported = folder / "work.json"
    made = workbench(source, "export", "--format", "json", "-o", str(exported))
    if made.returncode != 0:
        raise SystemExit(f"export of the killed database failed: {made.stderr}")
    clean = folder / "import-clean.db"
    duration = timed([*WORKBENCH, "--db", str(clean), "import", str(exported)])
    reference = file_checks(clean)["per_source"]
    db = folder / "import-killed.db"
    problems: list[str] = []
    for _ in range(kills):
        kill_after(
            [*WORKBENCH, "--db", str(db), "import", str(exported)], rng.uniform(0.2, duration)
        )
        if _has_schema(db):
            problems += _sound(file_checks(db), reference)
    workbench(db, "import", str(exported))
    problems += _sound(file_checks(db), reference)
    killed, never = counts(db), counts(clean)
    same = {k: v for k, v in killed.items() if k != "events"} == {
        k: v for k, v in never.items() if k != "events"
    }
    if not same:
        problems.append(f"after the rerun: {killed} against a clean import's {never}")
    return _report("import", kills, duration, problems, rerun_equals_clean=same)


def _report(
    name: str, kills: int, duration: float | None, problems: list[str], **extra: Any
) -> dict[str, Any]:
    return {
        "operation": name,
        "kills": kills,
        "clean_run_s": None if duration is None else round(duration, 2),
        "problems": problems,
        **extra,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--articles", type=int, default=400, help="articles of 25 statements")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        reports = [
            ingest_kills(folder, args.kills, args.articles, rng),
            verdict_kills(folder, args.kills, rng),
            import_kills(folder, args.kills, rng),
        ]
    for report in reports:
        if args.json:
            print(json.dumps(report))
        else:
            verdict = "all checks hold" if not report["problems"] else "; ".join(report["problems"])
            extra = {k: v for k, v in report.items() if k not in ("operation", "problems")}
            print(f"{report['operation']:>8}: {verdict}  {extra}")
    return 0 if all(not r["problems"] for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
