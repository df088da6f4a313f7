"""Time the review screen from outside, as the analyst meets it: a real terminal (tmux, 120x40).

    python benchmarks/tui_terminal.py /tmp/1k.db /tmp/100k.db /tmp/1m.db

For each database: seconds from launching `workbench review` to the first statement row on
screen (start-up and imports included), then `j` presses, each timed from the key to the
screen's text changing (the detail pane shows the new statement: what the analyst waits for;
the list's highlight alone is not text). Figures per database and the ratio of the last to the
first. Needs tmux; drives the program the same way a person would, so it sees every cost the
in-process `tui_bench.py` cannot (start-up, detail loading, rendering, the terminal).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROW = re.compile(r"[○✓✗] (unverified|confirmed|disputed) ")
WORKBENCH = Path(sys.executable).with_name("workbench")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def until_changed(session: str, before: str, limit: float) -> float | None:
    """Seconds until the screen's text differs from `before` (None after `limit`)."""
    started = time.perf_counter()
    while (elapsed := time.perf_counter() - started) < limit:
        if screen(session) != before:
            return elapsed
        time.sleep(0.002)
    return None


def measure(database: str, presses: int) -> dict[str, float | None]:
    session = f"wbbench{int(time.time() * 1000) % 1_000_000}"
    command = f"{WORKBENCH} --db {database} review; sleep 60"
    started = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    try:
        paint = None
        while time.perf_counter() - started < 60:
            if ROW.search(screen(session)):
                paint = time.perf_counter() - started
                break
            time.sleep(0.005)
        if paint is None:
            return {"first paint s": None}
        time.sleep(1.5)  # counts and the first detail settle
        moves = []
        for _ in range(presses):
            before = screen(session)
            tmux("send-keys", "-t", session, "j")
            moves.append(until_changed(session, before, 5.0))
            time.sleep(0.12)  # a person reading, not key repeat
        done = sorted(m * 1000 for m in moves if m is not None)
        p95 = done[min(len(done) - 1, round(0.95 * (len(done) - 1)))] if done else None
        return {
            "first paint s": paint,
            "j p50 ms": statistics.median(done) if done else None,
            "j p95 ms": p95,
            "j timeouts": float(moves.count(None)),
        }
    finally:
        tmux("kill-session", "-t", session)


def report(results: dict[str, dict[str, float | None]]) -> None:
    names = list(results)
    keys = list(next(iter(results.values())))
    print(f"{'':>16}" + "".join(f"{Path(n).name:>14}" for n in names) + f"{'ratio':>8}")
    for key in keys:
        values = [results[n].get(key) for n in names]
        cells = "".join(f"{v:>14.3f}" if v is not None else f"{'-':>14}" for v in values)
        first, last = values[0], values[-1]
        ratio = f"{last / first:>8.2f}" if first and last is not None else f"{'':>8}"
        print(f"{key:>16}{cells}{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("databases", nargs="+")
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args()
    results = {db: measure(db, args.presses) for db in args.databases}
    report(results)


if __name__ == "__main__":
    main()
