"""Export and import speed and memory over a synthetic database, one subprocess per run.

    .venv/bin/python benchmarks/export_bench.py                 # 100,000 statements
    .venv/bin/python benchmarks/export_bench.py --statements 20000,100000   # is memory flat?
    .venv/bin/python benchmarks/export_bench.py --runs 3        # median of three runs each

The database comes from benchmarks/make_db.py (statements, sources, actors, statuses), plus one
evidence link and one status event per decided statement and a note on every tenth, added here
with Core bulk inserts. Each export runs in its own process so its peak RSS (VmHWM) is its own;
"base MB" is the same process after importing everything, before exporting. Targets per
format at 100k statements: under 10 s and under 200 MB. CPU seconds are the fairer figure on a
shared machine: wall time counts the time other processes held the CPU.

After the exports, `import` reads the JSON export back into an empty database, as `workbench
import` does (a first pass that checks the whole file, then one transaction that reads it again a
record at a time); "export s" is then the import.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
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


IMPORT_CHILD = r"""
import sys, time
from workbench.db.engine import Database
from workbench.db.schema import upgrade_to_head
from workbench.services.exchange import ExportFile, import_export
source, database = sys.argv[1:3]


def high_water_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024


baseline = high_water_mb()
db = Database.open(database)
upgrade_to_head(db)
start, cpu = time.perf_counter(), time.process_time()
with open(source, "rb") as handle:
    export = ExportFile.check(handle, source)
    with db.transaction() as session:
        import_export(session, export)
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


def measure(arguments: list[str]) -> tuple[float, float, float, float, float]:
    """(seconds, CPU s, wall s, peak MB, baseline MB) of one child script in its own process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", *arguments], stdout=subprocess.PIPE, env=env)
    assert child.stdout is not None
    output = child.stdout.read().decode()
    if child.wait() != 0:
        sys.exit(f"{arguments[1:]} failed")
    wall = time.perf_counter() - started
    seconds, cpu, peak, baseline = (float(part) for part in output.split())
    return seconds, cpu, wall, peak, baseline


def median_of(
    runs: int, arguments: list[str], before_each: Callable[[], None] = lambda: None
) -> tuple[float, ...]:
    """Each figure's median over `runs` runs (the machine is shared: one run can be unlucky)."""
    results = []
    for _ in range(runs):
        before_each()
        results.append(measure(arguments))
    return tuple(statistics.median(column) for column in zip(*results, strict=True))


def report(size: int, name: str, figures: tuple[float, ...], output: Path) -> None:
    seconds, cpu, wall, peak, base = figures
    size_mb = output.stat().st_size / 1e6
    print(f"{size:>10} {name:<12} {seconds:>9.2f} {cpu:>6.2f} {wall:>7.2f} {peak:>8.0f} "
          f"{base:>8.0f} {size_mb:>9.1f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", default="100000", help="comma-separated sizes")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--runs", type=int, default=1, help="report the median of this many")
    parser.add_argument("--no-import", action="store_true", help="skip the import timing")
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
        formats = args.formats.split(",")
        for fmt in formats:
            target = args.workdir / f"export-{size}.{fmt}"
            figures = median_of(args.runs, [CHILD, str(database), fmt, str(target)])
            report(size, fmt, figures, target)
        if not args.no_import and "json" in formats:
            exported = args.workdir / f"export-{size}.json"
            imported = args.workdir / f"import-{size}.db"

            def empty_database(imported: Path = imported) -> None:
                for stale in imported.parent.glob(imported.name + "*"):  # and -wal, -shm
                    stale.unlink()

            arguments = [IMPORT_CHILD, str(exported), str(imported)]
            figures = median_of(args.runs, arguments, before_each=empty_database)
            report(size, "import", figures, exported)


if __name__ == "__main__":
    main()
