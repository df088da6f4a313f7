"""Whether two databases of the same statements group them into the same claims.

    .venv/bin/python benchmarks/compare_grouping.py BEFORE.db AFTER.db

For checking that a linking change keeps its links: ingest one corpus with each version and
compare. Claim ids may differ between the two; what is compared is, for each statement, the set
of statements that share its claim. Prints the claims and `claim_block` rows of each, how many
statements have a different set of claim-mates, and a few of them.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections import defaultdict


def grouping(path: str) -> dict[int, frozenset[int]]:
    """Each statement's claim-mates (itself included)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        members: dict[int, set[int]] = defaultdict(set)
        claim_of = dict(db.execute("SELECT statement_id, claim_id FROM claim_member"))
    for statement, claim in claim_of.items():
        members[claim].add(statement)
    return {s: frozenset(members[c]) for s, c in claim_of.items()}


def counts(path: str) -> tuple[int, int]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        claims = db.execute("SELECT count(*) FROM claim").fetchone()[0]
        blocks = db.execute("SELECT count(*) FROM claim_block").fetchone()[0]
    return claims, blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    args = parser.parse_args()
    for label, path in (("before", args.before), ("after", args.after)):
        claims, blocks = counts(path)
        per_claim = blocks / max(claims, 1)
        print(f"{label}: {claims:,} claims, {blocks:,} claim_block rows ({per_claim:.1f} a claim)")
    before, after = grouping(args.before), grouping(args.after)
    differ = sorted(s for s in before.keys() | after.keys() if before.get(s) != after.get(s))
    print(f"statements grouped differently: {len(differ):,} of {len(before | after):,}")
    for statement in differ[:10]:
        was, now = sorted(before.get(statement, ())), sorted(after.get(statement, ()))
        print(f"  #{statement}: {was} -> {now}")


if __name__ == "__main__":
    main()
