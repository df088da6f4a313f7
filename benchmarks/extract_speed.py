"""Extraction throughput: characters per second over a set of articles, in one process.

Usage:
    python benchmarks/extract_speed.py ARTICLES.jsonl [--runs 5]

ARTICLES.jsonl holds one JSON object per line with a "text" field (PolNeAR-style article
files work as is). Each run extracts every article once; the median run is reported, after
one warm-up run that loads and compiles the lexicon. Wall-clock and CPU-time (one core,
``time.process_time``) throughput are both printed, plus the best run's CPU throughput.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.extract import extract, load_lexicon  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    texts = [
        json.loads(line)["text"] for line in args.articles.open(encoding="utf-8") if line.strip()
    ]
    chars = sum(len(t) for t in texts)
    lexicon = load_lexicon()
    for text in texts:  # warm-up
        extract(text, lexicon=lexicon)
    timings = []
    cpu = []
    statements = 0
    for _ in range(max(1, args.runs)):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        statements = sum(len(extract(text, lexicon=lexicon)) for text in texts)
        timings.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - begin_cpu)
    median = statistics.median(timings)
    median_cpu = statistics.median(cpu)
    print(f"articles: {len(texts)}, characters: {chars}, statements: {statements}")
    print(f"runs: {len(timings)}, median: {median:.3f} s wall, {median_cpu:.3f} s CPU")
    print(f"throughput (wall): {chars / median:,.0f} chars/s ({chars / median / 1e6:.2f} MB/s)")
    # CPU time is what one core spends; it is the fairer figure on a shared, loaded machine.
    print(
        f"throughput (CPU):  {chars / median_cpu:,.0f} chars/s "
        f"({chars / median_cpu / 1e6:.2f} MB/s)"
    )
    # Other processes inflate even CPU time (shared caches); the best run is the least disturbed.
    best_cpu = min(cpu)
    print(f"best run (CPU):    {chars / best_cpu:,.0f} chars/s ({chars / best_cpu / 1e6:.2f} MB/s)")


if __name__ == "__main__":
    main()
