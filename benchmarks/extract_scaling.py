"""Extraction time in one long sentence must grow linearly: doubling the input at most ~2.5×.

Usage:
    python benchmarks/extract_scaling.py [--units 16000]

Two run-on sentences that were quadratic (issue 10): "according to X," repeated (each a new
nested source whose content ran to the sentence end) and "the minister's claim that" repeated
(each a nominal cue scanning to the sentence end). Each is timed at UNITS/2 and UNITS
repetitions (CPU time, best of three) and the ratio printed; exit status 1 if a ratio > 2.5.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.extract import extract, load_lexicon  # noqa: E402

UNITS = ("according to X, ", "the minister's claim that ")


def _best(text: str) -> float:
    lexicon = load_lexicon()
    times = []
    for _ in range(3):
        begin = time.process_time()
        extract(text, lexicon=lexicon)
        times.append(time.process_time() - begin)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=16_000)
    args = parser.parse_args()
    extract("The mayor said taxes rose.")  # warm-up: lexicon load and regex compilation
    worst = 0.0
    for unit in UNITS:
        half = _best(unit * (args.units // 2) + "taxes rose.")
        full = _best(unit * args.units + "taxes rose.")
        ratio = full / max(half, 1e-3)
        worst = max(worst, ratio)
        size = len(unit * args.units) / 1000
        print(
            f"{unit!r:32} ×{args.units // 2:>6}: {half:6.3f} s   ×{args.units:>6} "
            f"({size:,.0f} kB): {full:6.3f} s   ratio {ratio:4.2f}"
        )
    print("linear" if worst <= 2.5 else "NOT linear (ratio > 2.5)")
    raise SystemExit(0 if worst <= 2.5 else 1)


if __name__ == "__main__":
    main()
