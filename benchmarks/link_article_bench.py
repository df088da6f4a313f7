"""Linking one new article into a large database: blocks read from `claim_block` against every
claim's key loaded first (the way ingest linked before schema 0009).

    .venv/bin/python benchmarks/make_db.py bench-out/100k.db --statements 100000 --sources 2000
    .venv/bin/python benchmarks/link_article_bench.py bench-out/100k.db [--runs 3]

The database from `make_db.py` has no claims yet: they are linked first, once, and committed
(timed: what `workbench init` does on a database from before claims), or with `--seed` grouped
by exact key (minutes instead of hours at a million statements). Then, `--runs` times,
each sample article is stored and linked in a transaction that is rolled back, so every run
sees the same database: once reading only the blocks its statements probe (today's ingest),
once loading every claim's key and scanning for unclaimed statements (before). Prints the
median of each, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlmodel import Session

from workbench.db.engine import Database
from workbench.db.models import Claim, ClaimMember, Statement
from workbench.extract import extract
from workbench.ingest.document import Document
from workbench.services import claims
from workbench.services.claims import link_unclaimed, linked_through
from workbench.services.storing import ingest_document

SAMPLES = Path(__file__).resolve().parent.parent / "workbench" / "samples"


def count(session: Session, what: object) -> int:
    return session.execute(select(func.count()).select_from(what)).scalar() or 0  # type: ignore[arg-type]


def link_everything(db: Database) -> None:
    with Session(db.engine) as session:
        statements, linked = count(session, Statement), count(session, ClaimMember)
    if linked >= statements * 0.9:
        return
    start = time.perf_counter()
    with db.transaction() as session:

        def said(done: int, total: int) -> None:
            print(f"  linked {done:,} of {total:,} ({time.perf_counter() - start:.0f} s)")

        summary = link_unclaimed(session, analyst="bench", progress=said)
    took = time.perf_counter() - start
    print(f"linking every statement first: {summary.line()} in {took:.1f} s")


def seed_claims(db: Database) -> None:
    """Claims without linking: statements grouped by their exact claim key (one pass, no
    candidates decided), for a database too large to link in the time at hand. The index then
    has the size and block crowding of a linked one, which is what one article's linking costs."""
    with Session(db.engine) as session:
        if count(session, ClaimMember):
            return
    start = time.perf_counter()
    with db.transaction() as session:
        names = claims.names_in(session)
        by_key: dict[str, int] = {}
        members: list[dict[str, object]] = []
        started: list[tuple[int, claims.ClaimKey]] = []
        query = select(Statement.id, Statement.proposition, Statement.content).order_by(
            Statement.id
        )
        for statement_id, proposition, content in session.execute(query):
            text = proposition or content
            key = claims.claim_key(text, names)
            stored = claims.encode_key(key)
            claim_id = by_key.get(stored)
            if claim_id is None:
                claim_id = claims.new_claim(session, text, key, "bench", indexed=False)
                by_key[stored] = claim_id
                started.append((claim_id, key))
            members.append(
                {"statement_id": statement_id, "claim_id": claim_id, "pinned": False,
                 "score": None, "reason": "bench"}
            )  # fmt: skip
            if len(members) >= 20_000:
                session.execute(insert(ClaimMember), members)
                claims.index_claims(session, started)
                members, started = [], []
        if members:  # an empty list would insert one row of defaults
            session.execute(insert(ClaimMember), members)
        claims.index_claims(session, started)
    took = time.perf_counter() - start
    print(f"seeded {len(by_key):,} claims by exact key in {took:.0f} s")


def add_claims(db: Database, count: int) -> None:
    """Claims of `claims_bench.py`'s synthetic propositions (countries, acts, numbers), grouped
    by exact key, without statements: a claim index as large and varied as news would give,
    beside the crowded but small one of `make_db.py`'s sentences."""
    from claims_bench import synthetic

    start = time.perf_counter()
    with db.transaction() as session:
        names = claims.names_in(session)
        seen: set[str] = set()
        started: list[tuple[int, claims.ClaimKey]] = []
        for text in synthetic(count, seed=11):
            key = claims.claim_key(text, names)
            stored = claims.encode_key(key)
            if stored in seen:
                continue
            seen.add(stored)
            started.append((claims.new_claim(session, text, key, "bench", indexed=False), key))
            if len(started) >= 20_000:
                claims.index_claims(session, started)
                started = []
        claims.index_claims(session, started)
    took = time.perf_counter() - start
    print(f"added {len(seen):,} synthetic claims in {took:.0f} s")


def one_article(db: Database, text: str, *, stored: bool) -> tuple[float, float, int]:
    """(store ms, link ms, statements) for one article, rolled back afterwards."""
    claims.CLAIMS_PER_STATEMENT_TO_LOAD = 20 if stored else 10**12
    with Session(db.engine) as session:
        session.begin()
        try:
            start = time.perf_counter()
            found = extract(text)
            ingest_document(session, Document(text=text, title="bench"), found, analyst="bench")
            stored_at = time.perf_counter()
            after = linked_through(session) if stored else None
            summary = link_unclaimed(session, analyst="bench", after_id=after)
            linked_at = time.perf_counter()
        finally:
            session.rollback()
    return (stored_at - start) * 1000, (linked_at - stored_at) * 1000, summary.statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--add-claims", type=int, default=0, help="synthetic propositions to add as claims"
    )
    parser.add_argument(
        "--seed", action="store_true", help="group by exact key instead of linking (1M)"
    )
    args = parser.parse_args()
    db = Database.open(args.database)
    if args.seed:
        seed_claims(db)
    if args.add_claims:
        add_claims(db, args.add_claims)
    link_everything(db)
    with Session(db.engine) as session:
        statements, claim_count = count(session, Statement), count(session, Claim)
    print(f"{args.database}: {statements:,} statements, {claim_count:,} claims")
    articles = sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.md")])
    for stored in (True, False):
        store_ms: list[float] = []
        link_ms: list[float] = []
        linked = 0
        for _ in range(args.runs):
            for path in articles:
                store, link, number = one_article(
                    db, path.read_text(encoding="utf-8"), stored=stored
                )
                store_ms.append(store)
                link_ms.append(link)
                linked = max(linked, number)
        how = "blocks read from claim_block" if stored else "every key loaded (before 0009)"
        print(
            f"  {how}: link median {statistics.median(link_ms):,.0f} ms "
            f"(max {max(link_ms):,.0f}), store median {statistics.median(store_ms):,.0f} ms; "
            f"{len(link_ms)} articles of up to {linked} statements"
        )
    db.dispose()


if __name__ == "__main__":
    main()
