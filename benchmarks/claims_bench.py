"""Claims across sources: how well statements are grouped, and how fast, against all pairs.

    .venv/bin/python benchmarks/claims_bench.py [--sizes 10000,100000] [--all-pairs 2000]

Quality: every pair of `data/claims/linking_set.jsonl` (propositions written for this, labelled
with the claim each states; paraphrases, aliases and metonyms, and hard negatives: negation,
swapped roles, another action, another number or day) is judged by `same_claim`, and the
propositions are grouped as ingest groups them; precision and recall of "same claim" are
printed for both.

Speed: synthetic propositions (actors from the bundled country list, a few hundred acts, some
numbers and negations, each claim said one to five ways) grouped by the blocking index that
`link_unclaimed` uses, at each size; beside it, all pairs scored with rapidfuzz's
`token_set_ratio` on a sample (one core), extrapolated to each size as n²/2 pairs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from pathlib import Path

from rapidfuzz import fuzz

from workbench.extract.lexicon import load_lexicon
from workbench.services.claim_keys import claim_key, name_table, same_claim
from workbench.services.claims import ClaimIndex

ROOT = Path(__file__).resolve().parent.parent
LINKING_SET = ROOT / "data" / "claims" / "linking_set.jsonl"

VERBS = [
    ("supplied", "sent", "provided", "shipped"), ("attacked", "struck", "bombed"),
    ("helped", "aided", "assisted"), ("sanctioned",), ("threatened",), ("blockaded",),
    ("recognised",), ("invaded",), ("funded", "financed"), ("accused",), ("hacked",),
    ("spied on",), ("trained",), ("armed",), ("expelled",), ("bought oil from",),
]  # fmt: skip
OBJECTS = [
    "arms", "drones", "troops", "oil", "grain", "money", "fighters", "missiles", "tanks",
    "diplomats", "hackers", "advisers", "fuel", "food aid", "vaccines", "journalists",
    "gold", "software", "uranium", "satellites", "ships", "aircraft", "medicine", "loans",
]  # fmt: skip
PLACES = ["in the north", "at the border", "near the coast", "in the capital", ""]


def quality() -> None:
    names = name_table(load_lexicon().places, [])
    records = [json.loads(line) for line in LINKING_SET.read_text(encoding="utf-8").splitlines()]
    keys = [claim_key(r["proposition"], names) for r in records]
    pairs = list(itertools.combinations(range(len(records)), 2))
    tp = fp = fn = 0
    for i, j in pairs:
        truth = records[i]["claim"] == records[j]["claim"]
        said = same_claim(keys[i], keys[j]).same
        tp += truth and said
        fp += said and not truth
        fn += truth and not said
    print(
        f"linking set: {len(records)} propositions, {len(pairs)} pairs, "
        f"{sum(records[i]['claim'] == records[j]['claim'] for i, j in pairs)} same-claim"
    )
    print(
        f"  pair decisions: precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f}"
    )
    index = ClaimIndex()
    grouped: list[int] = []
    for number, key in enumerate(keys):
        match = index.best(key)
        if match is None:
            index.add(number, key)
            grouped.append(number)
        else:
            grouped.append(match[0])
    tp = fp = fn = 0
    for i, j in pairs:
        truth = records[i]["claim"] == records[j]["claim"]
        said = grouped[i] == grouped[j]
        tp += truth and said
        fp += said and not truth
        fn += truth and not said
    print(
        f"  grouping as ingest does: precision {tp / max(1, tp + fp):.3f} "
        f"recall {tp / max(1, tp + fn):.3f}, {len(set(grouped))} claims "
        f"(labelled: {len({r['claim'] for r in records})})"
    )
    for i, j in pairs:
        truth = records[i]["claim"] == records[j]["claim"]
        if truth != (grouped[i] == grouped[j]):
            kind = "missed" if truth else "merged"
            print(f"    {kind}: {records[i]['proposition']!r} / {records[j]['proposition']!r}")


def synthetic(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    countries = sorted({c for c, how in load_lexicon().places.values() if how == "country"})
    capitals = {}
    for name, (country, how) in load_lexicon().places.items():
        if how == "capital":
            capitals.setdefault(country, name)
    out: list[str] = []
    while len(out) < count:
        a, b = rng.sample(countries, 2)
        verbs = rng.choice(VERBS)
        thing = rng.choice(OBJECTS)
        place = rng.choice(PLACES)
        number = f" {rng.randint(2, 900)} " if rng.random() < 0.3 else " "
        negated = rng.random() < 0.1
        for _ in range(rng.randint(1, 5)):
            subject = capitals.get(a, a) if rng.random() < 0.3 else a
            verb = rng.choice(verbs)
            text = f"{subject} {'did not ' if negated else ''}{verb}{number}{thing} to {b} {place}"
            out.append(text.strip() + ".")
    return out[:count]


def speed(sizes: list[int], sample: int) -> None:
    names = name_table(load_lexicon().places, [])
    texts = synthetic(max(sizes))
    for size in sizes:
        start = time.perf_counter()
        index = ClaimIndex()
        claims = 0
        for number, text in enumerate(texts[:size]):
            key = claim_key(text, names)
            if index.best(key) is None:
                index.add(number, key)
                claims += 1
        took = time.perf_counter() - start
        print(
            f"  blocking index: {size:>9,} statements in {took:7.2f} s "
            f"({size / took:,.0f}/s), {claims:,} claims"
        )
    start = time.perf_counter()
    chosen = texts[:sample]
    for number, left in enumerate(chosen):
        for right in chosen[number + 1 :]:
            fuzz.token_set_ratio(left, right)
    took = time.perf_counter() - start
    rate = sample * (sample - 1) / 2 / took
    print(
        f"  all pairs (rapidfuzz token_set_ratio, one core): {sample:,} statements, "
        f"{sample * (sample - 1) // 2:,} pairs in {took:.2f} s = {rate / 1e6:.2f} M pairs/s"
    )
    for size in sizes:
        pairs = size * (size - 1) / 2
        print(
            f"    all pairs at {size:>9,}: {pairs / 1e6:,.0f} M pairs ≈ {pairs / rate:,.0f} s "
            "(scores only; deciding each pair costs more)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--all-pairs", type=int, default=2000, help="sample for cdist")
    args = parser.parse_args()
    quality()
    print("speed:")
    speed([int(s) for s in args.sizes.split(",")], args.all_pairs)


if __name__ == "__main__":
    main()
