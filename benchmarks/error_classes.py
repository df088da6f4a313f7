"""Count issue 10's eight error classes for an extraction engine, reproducibly.

Usage:
    python benchmarks/error_classes.py [--json OUT] [--splits train dev] [--sets DIR ...]
    PYTHONPATH=/path/to/old/checkout python benchmarks/error_classes.py --json before.json
    python benchmarks/error_classes.py --markdown before.json now.json

The engine is whichever ``workbench`` package Python imports first, so pointing PYTHONPATH at
an older checkout measures that checkout's engine with today's counters (the script prints
the engine's path and commit). The engine is imported before attribution_eval.py and
gold_eval.py, which put this repository on ``sys.path``: the package already loaded wins.
Only ``extract``, ``load_lexicon``, ``to_json`` and the lexicon's ``cues`` table are used; a
lexicon without ``cues`` leaves every missed cue "unknown".

Classes 1, 2, 5 and 6 are counted on PolNeAR (train and dev articles, with attribution_eval's
span matching): error_polnear.py defines those counters. Classes 3, 4, 7 and 8 are counted on
the field-level sets (data/gold, data/tuning, data/tuning2, with gold_eval's matching):
error_fields.py defines those. Every counter is a count of gold items or predictions, never a
hand-picked example. Run time: a few minutes for the PolNeAR train split on one core.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import workbench  # noqa: I001  (first: the engine on PYTHONPATH must win over this checkout)
from workbench.extract import extract, load_lexicon

sys.path.insert(0, str(Path(__file__).resolve().parent))

import error_fields  # noqa: E402
import error_polnear  # noqa: E402

Record = dict[str, Any]  # a JSON record: a gold attribution or statement, a prediction

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent.parent / "shared/eval/attribution/polnear"
SETS = ("data/gold", "data/tuning", "data/tuning2")

# (key, class, what is counted): the rows of the tables, in the doc's order.
POLNEAR_ROWS = (
    ("c1.gold_cues", "1 missed cues", "gold cues (denominator)"),
    ("c1.missed", "1 missed cues", "gold cues no predicted cue overlaps"),
    ("c1.colon", "1 missed cues", "… a colon cue"),
    ("c1.nominal", "1 missed cues", "… nominal cue (reporting noun / det + noun + that)"),
    ("c1.passive", "1 missed cues", "… implicit passive (no source, a form of be)"),
    ("c1.known", "1 missed cues", "… a cue form the engine's lexicon knows"),
    ("c1.unknown", "1 missed cues", "… no word in the engine's lexicon"),
    ("c2.cue_matched", "2 content boundaries", "cue-matched gold with content (denominator)"),
    ("c2.exact", "2 content boundaries", "… content exact"),
    ("c2.no_content", "2 content boundaries", "… no content token shared"),
    ("c2.next_paragraph", "2 content boundaries", "… gold content runs into the next paragraph"),
    ("c2.multi_part", "2 content boundaries", "… gold content in several pieces"),
    ("c2.runs_on", "2 content boundaries", "… predicted content runs on"),
    ("c2.stops_short", "2 content boundaries", "… predicted content stops short"),
    ("c2.start_differs", "2 content boundaries", "… same end, other start"),
    ("c5.pred_speakers", "5 spurious speakers", "predicted speakers (denominator)"),
    ("c5.spurious", "5 spurious speakers", "predicted speakers overlapping no gold source"),
    ("c5.label", "5 spurious speakers", "… line-initial label before a colon"),
    ("c5.noun_speaker", "5 spurious speakers", "… speaker ends in a reporting noun"),
    ("c5.sourceless", "5 spurious speakers", "… speaker invented for a sourceless gold"),
    ("c5.wrong_speaker", "5 spurious speakers", "… other speaker on a gold cue"),
    ("c5.in_content", "5 spurious speakers", "… nested inside a gold content"),
    ("c5.elsewhere", "5 spurious speakers", "… no attribution there"),
    ("c6.carriers", "6 nested attribution", "gold contents opening 'X said' (denominator)"),
    ("c6.inner_kept", "6 nested attribution", "… inner speaker kept"),
    ("c6.inner_wrong_speaker", "6 nested attribution", "… inner verb, other speaker"),
    ("c6.outer_only", "6 nested attribution", "… inner statement dropped to outer speaker"),
    ("c6.missed", "6 nested attribution", "… neither"),
)
FIELD_ROWS = (
    ("gold", "-", "gold statements (denominator)"),
    ("found", "-", "gold statements matched"),
    ("c3.wrong", "3 propositions", "matched, proposition wrong"),
    ("c3.frame_left", "3 propositions", "… reporting frame left"),
    ("c3.pronoun_left", "3 propositions", "… more pronouns than the gold"),
    ("c3.quote_pronoun_replaced", "3 propositions", "… pronoun replaced inside a quote"),
    ("c3.not_sentence", "3 propositions", "… not a sentence"),
    ("c3.runs_on", "3 propositions", "… runs on"),
    ("c3.stops_short", "3 propositions", "… stops short"),
    ("c3.other", "3 propositions", "… other"),
    ("c4.wrong", "4 actors", "matched, actor wrong"),
    ("c4.date_in_speaker", "4 actors", "… a date in the speaker"),
    ("c4.coordinated", "4 actors", "… coordinated subject kept as one"),
    ("c4.country_missed", "4 actors", "… country not typed as one"),
    ("c4.org_as_person", "4 actors", "… organisation typed as a person"),
    ("c4.role_noun", "4 actors", "… role noun not remembered"),
    ("c4.pronoun", "4 actors", "… pronoun resolved wrongly"),
    ("c4.other_kind", "4 actors", "… other kind confusion"),
    ("c4.other", "4 actors", "… other"),
    ("c7.gold_denials", "7 denials", "gold denials (denominator)"),
    ("c7.denial_wrong", "7 denials", "gold denials missed, not 'denies' or wrong claim"),
    ("c7.missed", "7 denials", "gold denials not matched"),
    ("c7.read_as_assert", "7 denials", "gold denial predicted 'asserts'"),
    ("c7.wrong_claim", "7 denials", "denial linked to the wrong claim"),
    ("c7.false_denial", "7 denials", "gold assertion predicted 'denies'"),
    ("c7.accuser_denies", "7 denials", "accuser listed as a denier"),
    ("c8.qa_gold", "8 layout", "Q&A gold statements (denominator)"),
    ("c8.qa_missed", "8 layout", "… missed"),
    ("c8.qa_wrong_speaker", "8 layout", "… speaker wrong"),
    ("c8.qa_wrong_actor", "8 layout", "… actor wrong (speaker right)"),
    ("c8.liveblog_gold", "8 layout", "liveblog gold statements (denominator)"),
    ("c8.liveblog_missed", "8 layout", "… missed"),
    ("c8.liveblog_wrong_speaker", "8 layout", "… speaker wrong"),
    ("c8.liveblog_wrong_actor", "8 layout", "… actor wrong (speaker right)"),
)

_LAYOUT_KEYS = tuple(
    f"c8.{layout}_{what}"
    for layout in ("qa", "liveblog")
    for what in ("missed", "wrong_speaker", "wrong_actor")
)
# One headline count per class: (class, what, the disjoint counters it sums, PolNeAR or not).
HEADLINES = (
    ("1 missed cues", "gold cues no predicted cue overlaps", ("c1.missed",), True),
    (
        "2 content boundaries",
        "cue matched, content overlapping only in part",
        ("c2.next_paragraph", "c2.multi_part", "c2.runs_on", "c2.stops_short", "c2.start_differs"),
        True,
    ),
    ("3 propositions", "matched statements, proposition wrong", ("c3.wrong",), False),
    ("4 actors", "matched statements, actor wrong", ("c4.wrong",), False),
    (
        "5 spurious speakers",
        "predicted speakers overlapping no gold source",
        ("c5.spurious",),
        True,
    ),
    (
        "6 nested attribution",
        "'X said' opening a gold content, inner speaker not kept",
        ("c6.inner_wrong_speaker", "c6.outer_only", "c6.missed"),
        True,
    ),
    (
        "7 denials",
        "gold denials wrong + false denials + accusers as deniers",
        ("c7.denial_wrong", "c7.false_denial", "c7.accuser_denies"),
        False,
    ),
    ("8 layout", "Q&A and liveblog statements missed or speaker/actor wrong", _LAYOUT_KEYS, False),
)


def engine_description() -> dict[str, str]:
    """Where the measured engine lives and, when it is a git checkout, its commit."""
    where = Path(workbench.__file__).resolve().parent.parent

    def git(*args: str) -> str:
        run = subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=True)
        return run.stdout.strip() or "unknown"

    return {
        "path": str(where),
        "commit": git("rev-parse", "--short", "HEAD"),
        "extract_commit": git("log", "-1", "--format=%h", "--", "workbench/extract"),
    }


def make_predict() -> tuple[Callable[[str], list[Record]], frozenset[str]]:
    """The engine as text -> prediction records, and its cue forms (for class 1)."""
    lexicon = load_lexicon()
    known = frozenset(getattr(lexicon, "cues", {}) or {})

    def predict(text: str) -> list[Record]:
        return [s.to_json() for s in extract(text, lexicon=lexicon)]

    return predict, known


def measure(polnear: Path, splits: list[str], sets: list[Path]) -> dict[str, dict[str, int]]:
    """Every counter for each PolNeAR split and field-level set, keyed by data set name."""
    predict, known = make_predict()
    results: dict[str, dict[str, int]] = {}
    for split in splits:
        path = polnear / f"polnear_{split}_articles.jsonl"
        with path.open(encoding="utf-8") as handle:
            docs = [json.loads(line) for line in handle if line.strip()]
        results[f"polnear/{split}"] = dict(error_polnear.count_split(docs, predict, known))
    for directory in sets:
        results[directory.name] = dict(error_fields.count_set(directory, predict))
    return results


def _cell(before: dict[str, int] | None, now: dict[str, int] | None, key: str) -> str:
    b = "–" if before is None else str(before.get(key, 0))
    n = "–" if now is None else str(now.get(key, 0))
    return f"{b} → {n}"


def markdown(before: Record, now: Record) -> str:
    """The before → now tables of docs/extraction-rounds/error-classes.md."""
    lines = [
        f"Engines: before = checkout `{before['commit']}` (workbench/extract last changed in "
        f"`{before['extract_commit']}`), now = checkout `{now['commit']}` (workbench/extract "
        f"last changed in `{now['extract_commit']}`).",
        "",
    ]
    names = list(now["results"])
    lines.append("| class | headline count | " + " | ".join(names) + " |")
    lines.append("|---|---|" + "---:|" * len(names))
    for klass, what, keys, on_polnear in HEADLINES:
        cells = []
        for name in names:
            if name.startswith("polnear/") != on_polnear:
                cells.append("")
                continue
            b, n = (sum(r["results"].get(name, {}).get(k, 0) for k in keys) for r in (before, now))
            cells.append(f"{b} → {n}")
        lines.append(f"| {klass} | {what} | " + " | ".join(cells) + " |")
    lines.append("")
    for rows, names in (
        (POLNEAR_ROWS, [k for k in now["results"] if k.startswith("polnear/")]),
        (FIELD_ROWS, [k for k in now["results"] if not k.startswith("polnear/")]),
    ):
        if not names:
            continue
        lines.append("| class | counter | key | " + " | ".join(names) + " |")
        lines.append("|---|---|---|" + "---:|" * len(names))
        for key, klass, what in rows:
            cells = [_cell(before["results"].get(n), now["results"].get(n), key) for n in names]
            lines.append(f"| {klass} | {what} | `{key}` | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="PolNeAR JSONL directory")
    parser.add_argument("--splits", nargs="*", default=["train", "dev"])
    parser.add_argument("--sets", nargs="*", type=Path, default=[ROOT / s for s in SETS])
    parser.add_argument("--json", type=Path, help="write engine and counts here")
    parser.add_argument("--markdown", nargs=2, type=Path, metavar=("BEFORE", "NOW"))
    args = parser.parse_args()
    if args.markdown:
        before, now = (json.loads(p.read_text(encoding="utf-8")) for p in args.markdown)
        print(markdown(before, now))
        return
    engine = engine_description()
    print(
        f"engine: {engine['path']} (checkout {engine['commit']}, last change to "
        f"workbench/extract {engine['extract_commit']})",
        file=sys.stderr,
    )
    results = measure(args.polnear, args.splits, args.sets)
    if args.json:
        args.json.write_text(json.dumps({**engine, "results": results}, indent=1) + "\n")
    for name, counts in results.items():
        rows = POLNEAR_ROWS if name.startswith("polnear/") else FIELD_ROWS
        print(f"\n{name}")
        for key, _klass, what in rows:
            print(f"  {key:28} {counts.get(key, 0):6d}  {what}")


if __name__ == "__main__":
    main()
