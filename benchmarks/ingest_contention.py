"""An analyst's verdicts beside a corpus ingest: claims linked in one transaction vs in batches.

A database holding a few articles is copied twice; into each, the rest of the corpus is ingested
while another process applies a verdict every 50 ms (one transaction each, SQLite's 10 s busy
timeout) and times each. The first run links the corpus's claims inside one write transaction
(as ingest did before), the second decides them outside any transaction and writes them in
short batches (`ingesting._link_claims`). Prints the ingest time and the verdict waits of both,
and their ratios.

    python benchmarks/ingest_contention.py                    # a synthetic 2 MB corpus
    python benchmarks/ingest_contention.py --corpus news.jsonl
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus_ingest import write_corpus  # noqa: E402

from workbench.config import Settings  # noqa: E402
from workbench.db.engine import Database  # noqa: E402
from workbench.db.schema import upgrade_to_head  # noqa: E402
from workbench.errors import WorkbenchError  # noqa: E402
from workbench.ingest.metadata import Metadata  # noqa: E402
from workbench.services import ingesting  # noqa: E402
from workbench.services.review import set_status  # noqa: E402


def analyst(path: str, stop: Any, out: Any) -> None:
    """Verdicts on the seeded statements until told to stop; (when, wait) of each, failures."""
    db = Database.open(path)
    waits: list[tuple[float, float]] = []
    failed = number = 0
    while not stop.is_set():
        started = time.perf_counter()
        try:
            with db.transaction() as session:
                status = "confirmed" if number % 2 else "disputed"
                set_status(session, statement_id=1 + number % 500, status=status, analyst="bo")
        except WorkbenchError:
            failed += 1
        waits.append((started, time.perf_counter() - started))
        number += 1
        time.sleep(0.05)
    out.put((waits, failed))


def ingest(path: Path, corpus: Path) -> None:
    db = Database.open(str(path))
    upgrade_to_head(db)
    ingesting.ingest_paths(
        db,
        [corpus],
        metadata=Metadata(),
        input_format="auto",
        analyst="ingest",
        settings=Settings(database=str(path)),
    )
    db.dispose()


def run(label: str, seeded: Path, corpus: Path, batched: bool) -> dict[str, float]:
    path = seeded.with_name(f"{label}.db")
    shutil.copy(seeded, path)
    ingesting.LINK_IN_BATCHES_FROM = 1 if batched else sys.maxsize
    stop, out = multiprocessing.Event(), multiprocessing.Queue()
    process = multiprocessing.Process(target=analyst, args=(str(path), stop, out))
    process.start()
    time.sleep(1)
    started = time.perf_counter()
    ingest(path, corpus)
    took = time.perf_counter() - started
    stop.set()
    timed, failed = out.get()
    process.join()
    # Only the verdicts asked while the ingest ran (not the warm-up second before it).
    ended = started + took
    waits = sorted(wait for at, wait in timed if started <= at <= ended) or [0.0]
    figures = {
        "ingest_s": took,
        "verdicts": len(waits),  # during the ingest
        "failed": failed,
        "longest_s": waits[-1],
        "p99_s": waits[int(len(waits) * 0.99)],
        "median_ms": statistics.median(waits) * 1000,
    }
    print(
        f"{label:>16}: ingest {took:.1f} s; {len(waits)} verdicts, {failed} failed at the busy "
        f"timeout; longest wait {waits[-1]:.2f} s, p99 {figures['p99_s']:.3f} s, "
        f"median {figures['median_ms']:.1f} ms"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, help="a JSONL corpus (default: synthetic)")
    parser.add_argument("--megabytes", type=float, default=2.0, help="of the synthetic corpus")
    parser.add_argument("--seed-articles", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus = args.corpus
        if corpus is None:
            corpus = folder / "corpus.jsonl"
            write_corpus(corpus, args.megabytes)
        lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / "seed.jsonl").write_text("".join(lines[: args.seed_articles]), "utf-8")
        (folder / "rest.jsonl").write_text("".join(lines[args.seed_articles :]), "utf-8")
        seeded = folder / "seeded.db"
        ingest(seeded, folder / "seed.jsonl")
        before = run("one transaction", seeded, folder / "rest.jsonl", batched=False)
        after = run("batched", seeded, folder / "rest.jsonl", batched=True)
    print(
        f"batched / one transaction: ingest {after['ingest_s'] / before['ingest_s']:.2f}, "
        f"longest wait {after['longest_s'] / before['longest_s']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
