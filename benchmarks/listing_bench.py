"""Rows per second of `workbench statements --format jsonl` against `export --format json`.

    python benchmarks/listing_bench.py /tmp/1k.db /tmp/100k.db /tmp/1m.db

Both run as the user runs them (the installed `workbench` next to this Python, output to a file
in tmp), in the same run, so the ratio holds on a loaded machine. The export is the baseline the
listing must at least match (issue 11).
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORKBENCH = str(Path(sys.executable).with_name("workbench"))


def timed(args: list[str], out: Path) -> float:
    started = time.perf_counter()
    with out.open("wb") as sink:
        subprocess.run([WORKBENCH, *args], stdout=sink, check=True)
    return time.perf_counter() - started


def exported_statements(database: str) -> int:
    """The export writes every statement, dismissed ones too (their sources carry them)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM statement").fetchone()[0])
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("databases", nargs="+")
    args = parser.parse_args()
    print(f"{'database':>12}{'rows':>10}{'jsonl rows/s':>14}{'export rows/s':>15}{'ratio':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for database in args.databases:
            listing, export = Path(folder, "s.jsonl"), Path(folder, "e.json")
            listing_s = timed(["--db", database, "statements", "--format", "jsonl"], listing)
            export_s = timed(
                ["--db", database, "export", "--format", "json", "--output", str(export)], export
            )
            rows = sum(1 for _ in listing.open("rb"))
            exported = exported_statements(database)
            jsonl_rate, export_rate = rows / listing_s, exported / export_s
            print(
                f"{Path(database).name:>12}{rows:>10,}{jsonl_rate:>14,.0f}{export_rate:>15,.0f}"
                f"{jsonl_rate / export_rate:>8.2f}"
            )


if __name__ == "__main__":
    main()
