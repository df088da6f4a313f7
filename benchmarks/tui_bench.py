"""Drive the review TUI headless and print how fast it answers, on one or more databases.

    python benchmarks/make_db.py bench-out/1m.db
    python benchmarks/make_db.py bench-out/1k.db --statements 1000 --sources 20
    python benchmarks/tui_bench.py bench-out/1m.db bench-out/1k.db

Every figure is "key press (or filter change) to the next paint that shows the result": the
statement list records the perf_counter of each paint of its cursor row, so nothing after the
paint (Pilot's own bookkeeping) is counted. "verdict" is key press to the commit returning in the
write worker. `--terminal` first times the real program from outside in tmux
(benchmarks/tui_terminal.py): first paint with start-up, and `j` to the changed screen.
The first database named is compared with the last (ratio column). Writes verdicts
into the database it measures (use a copy if that matters).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

SEARCHES = [
    "harbour",
    "ceasefire",
    "levee repairs",
    "grain",
    "Okafor",
    "bridge",
    "outages",
    '"fuel prices"',
    "vaccine",
    "budget",
]


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB, from /proc."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, amount, _ = line.split()
            values[key] = int(amount) / 1024
    return values.get("VmRSS:", 0.0), values.get("VmHWM:", 0.0)


async def until(condition: Callable[[], bool], timeout: float = 20.0, state=None) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the screen never showed the result: {state() if state else ''}")
        await asyncio.sleep(0.0005)


async def measure(path: str, repeat: int) -> dict[str, list[float]]:
    from workbench.config import Settings
    from workbench.db.engine import Database
    from workbench.db.schema import check_schema
    from workbench.services.statements import StatementFilter
    from workbench.tui.app import WorkbenchApp

    started = time.perf_counter()
    db = Database.open(path)
    check_schema(db)
    app = WorkbenchApp(db, Settings(database=path, analyst="bench"))
    figures: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await until(lambda: screen.statements.painted[2] != -1)
        figures["first paint"] = [screen.statements.painted[3] - started]
        await until(lambda: bool(screen.counts))
        figures["counts shown"] = [time.perf_counter() - started]
        lst = screen.statements

        async def timed_key(name: str, key: str, times: int) -> None:
            for _ in range(times):
                before = time.perf_counter()
                await pilot.press(key)
                await until(lambda b=before: lst.painted[1] == lst.cursor and lst.painted[3] > b)
                figures.setdefault(name, []).append(lst.painted[3] - before)

        await timed_key("cursor j", "j", repeat)
        await timed_key("cursor k", "k", repeat // 2)
        await timed_key("page down", "pagedown", repeat)
        await timed_key("page up", "pageup", repeat // 2)
        await timed_key("end", "end", 1)
        await timed_key("home", "home", 1)

        async def timed_filter(name: str, flt: StatementFilter) -> None:
            before = time.perf_counter()
            generation = lst.generation + 1
            screen.apply_filter(flt)
            await until(
                lambda: lst.painted[0] == generation or screen.query_one("#empty").display,
                state=lambda: (
                    lst.painted,
                    lst.generation,
                    lst.cursor,
                    lst.window.total,
                    len(lst.window.rows),
                    lst._inflight,
                    list(app.workers),
                ),
            )
            done = lst.painted[3] if lst.painted[0] == generation else time.perf_counter()
            figures.setdefault(name, []).append(done - before)

        for status in ("disputed", "confirmed", "unverified") * max(1, repeat // 6):
            await timed_filter("filter status", StatementFilter(statuses=(status,)))
        for actor in ("Port Authority", "Northland", "Dock Union") * max(1, repeat // 6):
            await timed_filter("filter actor", StatementFilter(actors=(actor,)))
        for words in SEARCHES[: max(3, repeat // 3)]:
            await pilot.press("slash", "ctrl+u", *words)  # typing is not part of the figure
            before = time.perf_counter()
            generation = lst.generation + 1
            await pilot.press("enter")
            await until(
                lambda g=generation: lst.painted[0] == g or screen.query_one("#empty").display
            )
            done = lst.painted[3] if lst.painted[0] == generation else time.perf_counter()
            figures.setdefault("search", []).append(done - before)
        await pilot.press("escape")  # one key clears the filter and the search
        await until(lambda: lst.painted[2] != -1 and not screen.filter.search)

        for index in range(repeat):
            before = time.perf_counter()
            await pilot.press("cdu"[index % 3])
            await until(
                lambda b=before: screen.last_commit is not None and screen.last_commit[1] > b
            )
            figures.setdefault("verdict to commit", []).append(screen.last_commit[1] - before)
        await app.workers.wait_for_complete()
        current, peak = rss_mb()
        figures["memory MB (rss, peak)"] = [current, peak]
    return figures  # asyncio.run joins the worker threads; the process exit closes the db


def summary(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def run_one(path: str, repeat: int) -> dict[str, list[float]]:
    return asyncio.run(measure(path, repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the review TUI headless.")
    parser.add_argument("databases", nargs="+")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--terminal",
        action="store_true",
        help="also time the real program in tmux (first paint, j key to screen): tui_terminal.py",
    )
    args = parser.parse_args()
    import subprocess

    if args.terminal:
        # In-process figures time the list widget; the analyst waits for the whole screen.
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("tui_terminal.py")), *args.databases],
            check=True,
        )

    results = {}
    for path in args.databases:
        # One fresh process per database: start-up and memory must not carry over.
        output = subprocess.run(
            [sys.executable, __file__, "--worker", path, str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results[path] = eval(output)  # noqa: S307 - our own repr from the --worker run
    names = list(results[args.databases[0]])
    first, last = args.databases[0], args.databases[-1]
    header = (
        f"{'operation':<24}"
        + "".join(f"{Path(p).name + ' median':>16}{'p95':>9}" for p in args.databases)
        + (f"{'ratio':>8}" if len(args.databases) > 1 else "")
    )
    print(header)
    for name in names:
        line = f"{name:<24}"
        for path in args.databases:
            if name.startswith("memory"):
                rss, peak = results[path][name]
                line += f"{rss:>16.0f}{peak:>9.0f}"
            else:
                median, p95 = summary(results[path][name])
                line += f"{median * 1000:>14.1f}ms{p95 * 1000:>7.1f}ms"
        if len(args.databases) > 1:
            a = summary(results[first][name])[0]
            b = summary(results[last][name])[0]
            line += f"{a / b:>8.1f}" if b else ""
        print(line)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        sys.path.insert(0, os.fspath(Path(__file__).parents[1]))
        print(repr(run_one(sys.argv[2], int(sys.argv[3]))))
    else:
        main()
