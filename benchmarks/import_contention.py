"""How long an analyst's verdict waits while `workbench import` runs: one transaction vs batches.

    .venv/bin/python benchmarks/import_contention.py                   # 22,000 statements
    .venv/bin/python benchmarks/import_contention.py --statements 5000 --json

An export of `--statements` statements (benchmarks/make_db.py plus export_bench's evidence and
history, exported with `workbench export --format json`) is imported into a database that
already holds other work (2,000 statements of another seed), while a second process applies
verdicts to that work in a loop, as an analyst at `workbench verdict` would (one verdict per
transaction, 50 ms between them). Each verdict's wait is the time from asking for its
transaction to its commit. Two runs on copies of the same database:

- "one transaction": the import as it was before batching, `import_export` and the claims
  linking in a single transaction (what `workbench import` did up to the parent commit);
- "batched": `workbench import` as it is now (`workbench.services.importing`);
- with `--without-pause`, also "batched, no pause": the same without the gap it leaves after
  each batch, to show what the gap is for.

Prints the import's duration and the longest and p99 verdict wait of each, the verdicts that
failed (SQLite's 10 s busy timeout), and the ratios batched / one transaction. Target: the
longest verdict wait under 1 s. The machine is shared: compare the two runs of one invocation.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from export_bench import build  # noqa: E402  (a sibling script, not a package)

WORKBENCH = [sys.executable, "-m", "workbench"]
THINK = 0.05  # seconds between one analyst's verdicts

# The analyst: verdicts on the work already here, one per transaction; prints one JSON line
# per verdict (when it asked, how long it waited, whether it failed) until stdin closes.
VERDICT_LOOP = r"""
import json, random, sys, threading, time
from workbench.db.engine import Database
from workbench.errors import WorkbenchError
from workbench.services.changes import SetStatus, apply_change
db = Database.open(sys.argv[1])
ids = [int(i) for i in sys.argv[2].split(",")]
think = float(sys.argv[3])
rng = random.Random(3)
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
print("ready", flush=True)
number = 0
while not stop.is_set():
    number += 1
    change = SetStatus(rng.choice(ids), rng.choice(("confirmed", "disputed")), f"v{number}",
                       override=True)
    asked = time.time()
    try:
        with db.transaction() as session:
            apply_change(session, change, analyst="analyst")
        failed = ""
    except WorkbenchError as error:
        failed = error.one_line()
    print(json.dumps({"at": asked, "wait": time.time() - asked, "failed": failed}), flush=True)
    time.sleep(think)
"""

# The import as it was before batching: everything in one transaction (cli/export.py at the
# parent of the batching commit).
ONE_TRANSACTION = r"""
import sys
from workbench.db.dialect import refresh_statistics
from workbench.db.engine import Database
from workbench.services.claims import link_unclaimed
from workbench.services.exchange import ExportFile, import_export
database, exported = sys.argv[1:3]
db = Database.open(database)
db.refuse_if_damaged()
with open(exported, "rb") as handle:
    export = ExportFile.check(handle, exported)
    with db.transaction() as session:
        summary = import_export(session, export)
        link_unclaimed(session, analyst="runner")
        refresh_statistics(session.connection(), added=summary.statements_added)
print(summary.line())
"""


# `workbench import` as it is now, without the gap after each batch (`--without-pause`).
NO_PAUSE = r"""
import sys
from workbench.db.engine import Database
from workbench.services.exchange import ExportFile
from workbench.services.importing import Batches, import_in_batches
database, exported = sys.argv[1:3]
db = Database.open(database)
with open(exported, "rb") as handle:
    export = ExportFile.check(handle, exported)
    print(import_in_batches(db, export, analyst="runner", batches=Batches(pause=0.0)).line())
"""


def prepare(folder: Path, statements: int) -> tuple[Path, Path, list[int]]:
    """(the export file, the database it goes into, ids of that database's statements)."""
    source = folder / "source.db"
    build(source, statements)
    exported = folder / "work.json"
    subprocess.run(
        [*WORKBENCH, "--db", str(source), "export", "--format", "json", "-o", str(exported)],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    base = folder / "base.db"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_db.py"), str(base),
         "--statements", "2000", "--sources", "40", "--seed", "99"],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    import sqlite3

    connection = sqlite3.connect(base)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file alone is the database
    ids = [row[0] for row in connection.execute("SELECT id FROM statement LIMIT 500")]
    connection.close()
    return exported, base, ids


def run(mode: str, folder: Path, exported: Path, base: Path, ids: list[int]) -> dict[str, Any]:
    """One import beside the analyst's verdict loop, on a fresh copy of the base database."""
    database = folder / f"{mode}.db"
    shutil.copyfile(base, database)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    analyst = subprocess.Popen(
        [sys.executable, "-c", VERDICT_LOOP, str(database), ",".join(map(str, ids)), str(THINK)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert analyst.stdout is not None and analyst.stdin is not None
    assert analyst.stdout.readline().strip() == "ready"
    time.sleep(1.0)  # the loop is warm: its first verdicts are not start-up
    if mode == "one transaction":
        command = [sys.executable, "-c", ONE_TRANSACTION, str(database), str(exported)]
    elif mode == "batched, no pause":
        command = [sys.executable, "-c", NO_PAUSE, str(database), str(exported)]
    else:
        command = [*WORKBENCH, "--db", str(database), "--analyst", "runner"]
        command += ["import", str(exported)]
    started = time.time()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    ended = time.time()
    analyst.stdin.close()
    verdicts = [json.loads(line) for line in analyst.stdout]
    analyst.wait()
    during = [v for v in verdicts if started <= v["at"] <= ended]
    waits = sorted(v["wait"] for v in during)
    return {
        "mode": mode,
        "import_s": round(ended - started, 2),
        "verdicts": len(during),
        "failed": sum(1 for v in during if v["failed"]),
        "longest_wait_s": round(waits[-1], 3) if waits else None,
        "p99_wait_s": round(_percentile(waits, 0.99), 3) if waits else None,
        "median_wait_s": round(statistics.median(waits), 4) if waits else None,
    }


def _percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--statements", type=int, default=22_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--without-pause",
        action="store_true",
        help="also run the batched import without its 0.1 s gap after each batch",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        exported, base, ids = prepare(folder, args.statements)
        modes = ["one transaction", "batched"] + ["batched, no pause"] * args.without_pause
        results = [run(mode, folder, exported, base, ids) for mode in modes]
    before, after = results[:2]
    ratios = {
        key: round(after[key] / before[key], 3) if before[key] else None
        for key in ("import_s", "longest_wait_s", "p99_wait_s")
    }
    if args.json:
        print(json.dumps({"statements": args.statements, "runs": results, "ratios": ratios}))
    else:
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
              f"{args.statements} statements imported beside a verdict loop")  # fmt: skip
        print(f"{'mode':<18} {'import s':>9} {'verdicts':>9} {'failed':>7} {'longest s':>10} "
              f"{'p99 s':>7} {'median s':>9}")  # fmt: skip
        for r in results:
            print(f"{r['mode']:<18} {r['import_s']:>9} {r['verdicts']:>9} {r['failed']:>7} "
                  f"{r['longest_wait_s']!s:>10} {r['p99_wait_s']!s:>7} "
                  f"{r['median_wait_s']!s:>9}")  # fmt: skip
        print("batched / one transaction: " + ", ".join(f"{k} {v}" for k, v in ratios.items()))
    return 0 if after["longest_wait_s"] is not None and after["longest_wait_s"] < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
