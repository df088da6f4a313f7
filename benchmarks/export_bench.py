"""Export speed and memory: each format over a synthetic database, one subprocess per format.

    .venv/bin/python benchmarks/export_bench.py                 # 100,000 statements
    .venv/bin/python benchmarks/export_bench.py --statements 20000,100000   # is memory flat?

The database comes from benchmarks/make_db.py (statements, sources, actors, statuses), plus one
evidence link and one status event per decided statement and a note on every tenth, added here
with Core bulk inserts. Each export runs in its own process so its peak RSS (VmHWM) is its own;
"base MB" is the same process after importing everything, before exporting. Targets per
format at 100k statements: under 10 s and under 200 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("json", "csv", "md", "html", "claimreview")

CHILD = r"""
import sys, time
from workbench.db.engine import Database
from workbench.export import ExportOptions, write_export
from workbench.services.reporting import ExportScope
from workbench.services.statements import StatementFilter
import workbench.export.html, workbench.export.json, workbench.export.csv
import workbench.export.markdown, workbench.export.claimreview
database, fmt, target = sys.argv[1:4]


def high_water_mb():
    # VmHWM starts afresh at exec; ru_maxrss would include the parent's memory before exec.
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024


baseline = high_water_mb()
db = Database.open(database)
options = ExportOptions(
    scope=ExportScope(StatementFilter(include_dismissed=fmt == "json")),
    organisation_url="https://factcheck.example/reviews",
)
start, cpu = time.perf_counter(), time.process_time()
with db.reader() as session, open(target, "w", encoding="utf-8", newline="") as out:
    write_export(session, fmt, out, options)
print(time.perf_counter() - start, time.process_time() - cpu, high_water_mb(), baseline)
"""


def build(path: Path, statements: int) -> None:
    sources = max(statements // 50, 1)
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_db.py"), str(path),
         "--statements", str(statements), "--sources", str(sources)],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    add_work(path)


def add_work(path: Path) -> None:
    """Evidence and history for the decided statements, as analysts would have left them."""
    from sqlalchemy import insert, select

    from workbench.db.engine import Database
    from workbench.db.models import ChangeEvent, Evidence, Statement

    db = Database.open(str(path))
    at = datetime(2026, 5, 1, 12, tzinfo=UTC)
    with db.transaction() as session:
        decided = session.execute(
            select(Statement.id, Statement.status, Statement.updated_by).where(
                Statement.status != "unverified"  # type: ignore[arg-type]
            )
        ).all()
        evidence = [
            {"statement_id": sid, "url": f"https://evidence.example/{sid}", "title": f"R{sid}",
             "relation": "supports" if status == "confirmed" else "refutes", "excerpt": "",
             "added_at": at, "added_by": by or "ana", "version": 1, "removed": False}
            for sid, status, by in decided
        ]  # fmt: skip
        events = [
            {"at": at, "analyst": by or "ana", "entity": "statement", "entity_id": sid,
             "statement_id": sid, "field": "status", "old": "unverified", "new": status,
             "note": "checked against the report" if sid % 10 == 0 else ""}
            for sid, status, by in decided
        ]  # fmt: skip
        for chunk in range(0, len(evidence), 5000):
            session.execute(insert(Evidence), evidence[chunk : chunk + 5000])
            session.execute(insert(ChangeEvent), events[chunk : chunk + 5000])
    db.dispose()


def measure(database: Path, fmt: str, target: Path) -> tuple[float, float, float, float, float]:
    """(export s, export CPU s, wall s, peak MB, baseline MB) of one export in its own process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(database), fmt, str(target)],
        stdout=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    output = child.stdout.read().decode()
    if child.wait() != 0:
        sys.exit(f"{fmt} export failed")
    wall = time.perf_counter() - started
    seconds, cpu, peak, baseline = (float(part) for part in output.split())
    return seconds, cpu, wall, peak, baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", default="100000", help="comma-separated sizes")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench-out")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'statements':>10} {'format':<12} {'export s':>9} {'CPU s':>6} {'wall s':>7} "
          f"{'peak MB':>8} {'base MB':>8} {'output MB':>9}")  # fmt: skip
    for size in (int(s) for s in args.statements.split(",")):
        database = args.workdir / f"export-{size}.db"
        if not database.exists():
            started = time.perf_counter()
            build(database, size)
            print(f"(built {database} in {time.perf_counter() - started:.1f} s)")
        for fmt in args.formats.split(","):
            target = args.workdir / f"export-{size}.{fmt}"
            seconds, cpu, wall, peak, base = measure(database, fmt, target)
            size_mb = target.stat().st_size / 1e6
            print(f"{size:>10} {fmt:<12} {seconds:>9.2f} {cpu:>6.2f} {wall:>7.2f} {peak:>8.0f} "
                  f"{base:>8.0f} {size_mb:>9.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
