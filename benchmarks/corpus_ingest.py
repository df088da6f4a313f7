"""Ingest a large JSONL corpus with the real command, timed from outside as a whole CLI run.

Writes a synthetic corpus of about --megabytes MB (articles of 25 attributed sentences, the
same generator as make_db.py), then runs `workbench --db NEW.db ingest corpus.jsonl` with
default settings and prints the wall time, MB/s, articles/s, statements stored and the peak
memory of the ingest process. The issue's baseline: a 73 MB corpus was refused ("over the
20.0 MB limit"); JSONL now streams a line at a time, so memory should stay flat with size
(compare --megabytes 7 with 73 in the same run: the ratio is printed).

    python benchmarks/corpus_ingest.py                      # 7 MB then 73 MB
    python benchmarks/corpus_ingest.py --megabytes 73 --keep bench-out/corpus73.jsonl
    python benchmarks/corpus_ingest.py --corpus news.jsonl  # your own corpus, timed alone

The synthetic articles draw on small vocabularies, so their propositions meet far more
candidate claims than real news does: linking makes them slower per MB than real text.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_db import OUTLETS, make_actors, make_source  # noqa: E402

PER_SOURCE = 25


def write_corpus(path: Path, megabytes: float, seed: int = 11) -> int:
    """A JSONL corpus of about `megabytes` MB; returns the number of articles."""
    rng = random.Random(seed)
    actors = make_actors(rng, 2000)
    target = int(megabytes * 1_000_000)
    written = articles = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            title, text, spans = make_source(rng, articles, PER_SOURCE, len(actors))
            for _start, actor, *_rest in spans:
                text = text.replace("{speaker}", actors[actor][2], 1)
            record = {
                "text": text,
                "title": title,
                "url": f"https://news.example/{articles}",
                "outlet": rng.choice(OUTLETS),
                "published": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            articles += 1
    return articles


def timed_ingest(db: Path, corpus: Path) -> dict[str, float]:
    """One `workbench ingest` run: wall seconds and the child's peak resident memory (MB)."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(db), "ingest", str(corpus)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    connection = sqlite3.connect(db)
    try:
        statements = connection.execute("SELECT count(*) FROM statement").fetchone()[0]
        sources = connection.execute("SELECT count(*) FROM source").fetchone()[0]
    finally:
        connection.close()
    # ru_maxrss of children is the largest child so far: the runs go smallest first.
    return {
        "seconds": seconds,
        "peak_mb": peak_kb / 1024,
        "statements": statements,
        "sources": sources,
    }


def _line(size: float, articles: float, run: dict[str, float]) -> str:
    return (
        f"{size:6.1f} MB, {articles:,.0f} articles: {run['seconds']:.1f} s "
        f"({size / run['seconds']:.2f} MB/s, {articles / run['seconds']:.0f} articles/s), "
        f"{run['statements']:,.0f} statements in {run['sources']:,.0f} sources, "
        f"peak memory {run['peak_mb']:.0f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--megabytes", type=float, nargs="+", default=[7.0, 73.0])
    parser.add_argument("--keep", type=Path, help="write the (last) corpus here and keep it")
    parser.add_argument("--corpus", type=Path, help="time this JSONL corpus instead")
    args = parser.parse_args()
    if args.corpus:
        with tempfile.TemporaryDirectory() as name:
            run = timed_ingest(Path(name) / "ingest.db", args.corpus)
        size = args.corpus.stat().st_size / 1_000_000
        print(_line(size, run["sources"], run))
        return 0
    results = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for megabytes in sorted(args.megabytes):
            corpus = args.keep or folder / f"corpus-{megabytes:g}.jsonl"
            articles = write_corpus(corpus, megabytes)
            size = corpus.stat().st_size / 1_000_000
            run = timed_ingest(folder / f"ingest-{megabytes:g}.db", corpus)
            results.append((size, articles, run))
            print(_line(size, articles, run))
    if len(results) > 1:
        (small, _, first), (large, _, last) = results[0], results[-1]
        print(
            f"{large / small:.1f}x the size: {last['seconds'] / first['seconds']:.1f}x the time, "
            f"{last['peak_mb'] / first['peak_mb']:.2f}x the peak memory"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
