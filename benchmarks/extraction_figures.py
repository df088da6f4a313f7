"""Every extraction figure docs/extraction.md quotes, in one run, as Markdown tables.

Usage:
    python benchmarks/extraction_figures.py [--polnear DIR] [--sets data/gold data/tuning …]

Why one script: the figures in the docs come from two scorers (`attribution_eval.py` for
PolNeAR spans, `gold_eval.py` for our field-level sets) over several splits, and copying
them by hand from six runs is how a table ends up mixing two engines. This prints F1 per
PolNeAR measure for the train and dev splits side by side (the same numbers as
`attribution_eval.py` and the reference scorer), then precision / recall per field for each
field-level set, all from the engine of this checkout.

Held-out sets (`data/gold`, `data/gold2`) are measured here, never read: the script prints
only aggregates. Do not tune on what it prints for them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution_eval import MEASURES, prf  # noqa: E402
from attribution_eval import evaluate as evaluate_spans  # noqa: E402
from gold_eval import evaluate as evaluate_fields  # noqa: E402

from workbench.extract import extract, load_lexicon  # noqa: E402

SPLITS = ("train", "dev")


def polnear_table(polnear_dir: Path) -> list[str]:
    """F1 per measure and split, as Markdown rows."""
    lexicon = load_lexicon()
    columns: dict[str, dict[str, list[int]]] = {}
    for split in SPLITS:
        path = polnear_dir / f"polnear_{split}_articles.jsonl"
        docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]

        def predict(doc: dict) -> list[dict]:
            return [
                {"doc_id": doc["id"], **s.to_json()} for s in extract(doc["text"], lexicon=lexicon)
            ]

        columns[split] = evaluate_spans(docs, predict)
    rows = ["| measure | " + " | ".join(f"{s} F1" for s in SPLITS) + " |"]
    rows.append("|---|" + "---:|" * len(SPLITS))
    for measure in MEASURES:
        cells = [f"{prf(*columns[split][measure])[2]:.1f}" for split in SPLITS]
        rows.append(f"| {measure.replace('_', ' ')} | " + " | ".join(cells) + " |")
    return rows


def field_table(sets: list[Path]) -> list[str]:
    """Precision / recall per field and set, as Markdown rows."""
    results = [(path, *evaluate_fields(path)) for path in sets]
    fields = [field for field, _, _ in results[0][1].table()]
    header = "| field | " + " | ".join(f"{p.name} P / R" for p, _, _ in results) + " |"
    rows = [header, "|---|" + "---:|" * len(results)]
    counts = [f"{articles} / {scores.gold}" for _, scores, articles in results]
    rows.append("| articles / statements | " + " | ".join(counts) + " |")
    tables = [dict((f, (p, r)) for f, p, r in scores.table()) for _, scores, _ in results]
    for field in fields:
        cells = [f"{t[field][0]:.1f} / {t[field][1]:.1f}" for t in tables]
        rows.append(f"| {field} | " + " | ".join(cells) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_polnear = Path(__file__).resolve().parents[2] / "shared/eval/attribution/polnear"
    parser.add_argument("--polnear", type=Path, default=default_polnear)
    parser.add_argument(
        "--sets",
        type=Path,
        nargs="*",
        default=[Path("data", name) for name in ("gold", "tuning", "tuning2", "tuning3")],
    )
    args = parser.parse_args()
    if args.polnear.is_dir():
        print("\n".join(polnear_table(args.polnear)), end="\n\n")
    else:
        print(f"{args.polnear}: no PolNeAR folder here, PolNeAR figures skipped (--polnear DIR)")
    if args.sets:
        print("\n".join(field_table(args.sets)))


if __name__ == "__main__":
    main()
