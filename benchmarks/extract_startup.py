"""Process start-up of `workbench extract` on one article, against a bare interpreter.

Usage:
    python benchmarks/extract_startup.py [FILE] [--runs 7] [--no-bytecode]

Runs ``python -c pass`` and ``python -m workbench extract FILE`` (default: the arms-accusation
sample) alternately as fresh processes and prints the best of N wall-clock times of each and
their ratio. The best run is the least disturbed by other work on a shared machine; both are
measured in the same run so that the ratio holds across machines. CPU time (user + system, from
``getrusage``) is printed too: it moves less than wall time when other work shares the cores.
Modules load from cached bytecode, as in an installed copy, unless ``--no-bytecode`` (the
setting ``PYTHONDONTWRITEBYTECODE=1`` of some shells and containers, under which every run
compiles the package's source again).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "file", nargs="?", type=Path, default=ROOT / "workbench/samples/arms-accusation.txt"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="compile every module from source each run (PYTHONDONTWRITEBYTECODE=1)",
    )
    args = parser.parse_args()
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as prefix:
        if args.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)  # a prefix may hold bytecode written earlier
        else:  # as an installed package runs: bytecode cached (here outside the tree)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = prefix
        _measure(args.file, args.runs, env)
    print("bytecode:", "compiled from source each run" if args.no_bytecode else "cached")


def _measure(file: Path, runs: int, env: dict[str, str]) -> None:
    bare = [sys.executable, "-c", "pass"]
    extract = [sys.executable, "-m", "workbench", "extract", str(file)]
    _once(extract, env)  # warm the file cache and any compiled caches
    times: dict[str, list[tuple[float, float]]] = {"bare": [], "extract": []}
    for _ in range(runs):
        times["bare"].append(_once(bare, env))
        times["extract"].append(_once(extract, env))
    for column, label in ((0, "wall"), (1, "CPU")):
        best_bare = min(t[column] for t in times["bare"]) * 1000
        best_extract = min(t[column] for t in times["extract"]) * 1000
        print(
            f"{label:>4}, best of {runs}: python -c pass {best_bare:6.1f} ms, "
            f"workbench extract {best_extract:6.1f} ms, ratio {best_extract / best_bare:.2f}, "
            f"above bare {best_extract - best_bare:.1f} ms"
        )


if __name__ == "__main__":
    main()
