"""Field-level scores on hand-annotated articles (data/gold/): is each statement found, and are
its speaker, actor, stance and proposition right?

Usage:
    python benchmarks/gold_eval.py [GOLD_DIR]      (default: data/gold)

GOLD_DIR holds ``articles/<name>.txt`` and ``annotations.jsonl``: one JSON object per expected
statement, {"article", "speaker" (as written, or null for the outlet's own voice), "actor",
"actor_kind", "cue" (or null), "stance", "proposition"}.

Method (docs/extraction-rounds/01-crashes-cost-accusation-denial.md, "Field-level gold"):

* The engine runs on each article. Within an article, every (gold, predicted) pair gets a
  match score: 0.6 × proposition similarity (against the better of the predicted proposition
  and content) + 0.2 × speaker similarity (1 when both are the outlet's voice) + 0.2 when the
  cues are the same word. Pairs scoring at least ``MATCH_AT`` are matched one-to-one, best
  first; a matched gold statement is "found".
* Similarity is rapidfuzz ``fuzz.ratio`` (0–1) on normalised text: lower case, quote marks
  and punctuation removed, white space collapsed.
* Fields of a matched pair: speaker span right when the normalised strings are equal; actor
  when equal ignoring case and a leading "the"; stance when equal; proposition when the
  normalised similarity is at least ``PROPOSITION_AT`` (a rewording of a word or two, not a
  different claim); "every field" when all four are right.
* Recall divides by the gold statements; precision by the scored predictions. Outlet-voice
  predictions (every sentence nobody is said to have said) count only when they match a gold
  outlet statement, since the gold lists checkable claims, not every sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.extract import extract, load_lexicon  # noqa: E402

MATCH_AT = 0.55
PROPOSITION_AT = 0.85
FIELDS = ("found", "speaker", "actor", "stance", "proposition", "all")
_PUNCT = re.compile(r"[^\w\s]")


def norm(value: str | None) -> str:
    """Lower case, no punctuation or quote marks, single spaces."""
    return " ".join(_PUNCT.sub(" ", (value or "").lower()).split())


def similar(a: str | None, b: str | None) -> float:
    return fuzz.ratio(norm(a), norm(b)) / 100.0


def _actor(value: str | None) -> str:
    text = norm(value)
    return text[4:] if text.startswith("the ") else text


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    right: dict[str, int] | None = None

    def __post_init__(self) -> None:
        self.right = dict.fromkeys(FIELDS, 0)

    def table(self) -> list[tuple[str, float, float]]:
        assert self.right is not None
        return [
            (
                field,
                100.0 * self.right[field] / self.predicted if self.predicted else 0.0,
                100.0 * self.right[field] / self.gold if self.gold else 0.0,
            )
            for field in FIELDS
        ]


def _pair_score(gold: dict[str, object], pred: dict[str, object]) -> float:
    prop = max(
        similar(str(gold["proposition"]), str(pred["proposition"])),
        similar(str(gold["proposition"]), str(pred["content"])),
    )
    g_speaker, p_speaker = gold.get("speaker"), pred.get("speaker")
    if g_speaker is None and p_speaker is None:
        speaker = 1.0
    elif g_speaker is None or p_speaker is None:
        speaker = 0.0
    else:
        speaker = similar(str(g_speaker), str(p_speaker))
    cue = 1.0 if gold.get("cue") and norm(str(gold["cue"])) == norm(str(pred.get("cue"))) else 0.0
    return 0.6 * prop + 0.2 * speaker + 0.2 * cue


def match_pairs(
    gold: list[dict[str, object]], preds: list[dict[str, object]]
) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs scoring at least ``MATCH_AT``, one-to-one, best first.

    Shared with benchmarks/error_classes.py, so that its counts rest on the same matching.
    """
    pairs = sorted(
        ((_pair_score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for value, gi, pi in pairs:
        if value < MATCH_AT or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gi, pi))
    return matched


def right_fields(g: dict[str, object], p: dict[str, object]) -> dict[str, bool]:
    """Which fields of a matched (gold, predicted) pair are right, as the module docstring says."""
    right = {
        "found": True,
        "speaker": norm(g.get("speaker")) == norm(p.get("speaker")),  # type: ignore[arg-type]
        "actor": _actor(str(g.get("actor"))) == _actor(str(p.get("actor")))
        or (g.get("actor_kind") == "outlet" and p.get("actor_kind") == "outlet"),
        "stance": g.get("stance") == p.get("stance"),
        "proposition": similar(str(g["proposition"]), str(p["proposition"])) >= PROPOSITION_AT,
    }
    right["all"] = all(right.values())
    return right


def score_article(gold: list[dict[str, object]], text: str, scores: Scores) -> None:
    """Match one article's predictions to its gold statements and count right fields."""
    assert scores.right is not None
    preds = [s.to_json() for s in extract(text, lexicon=load_lexicon())]
    used_p: set[int] = set()
    for gi, pi in match_pairs(gold, preds):
        used_p.add(pi)
        for field, ok in right_fields(gold[gi], preds[pi]).items():
            scores.right[field] += int(ok)
    scores.gold += len(gold)
    scores.predicted += sum(
        1 for pi, p in enumerate(preds) if p.get("actor_kind") != "outlet" or pi in used_p
    )


def evaluate(gold_dir: Path) -> tuple[Scores, int]:
    by_article: dict[str, list[dict[str, object]]] = defaultdict(list)
    with (gold_dir / "annotations.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                by_article[record["article"]].append(record)
    scores = Scores()
    for name in sorted(by_article):
        text = (gold_dir / "articles" / name).read_text(encoding="utf-8")
        score_article(by_article[name], text, scores)
    return scores, len(by_article)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", type=Path, nargs="?", default=Path("data/gold"))
    args = parser.parse_args()
    scores, articles = evaluate(args.gold_dir)
    print(
        f"articles: {articles}, gold statements: {scores.gold}, scored predictions: "
        f"{scores.predicted}  (match >= {MATCH_AT}, proposition >= {PROPOSITION_AT})"
    )
    print(f"{'field':<12} {'precision':>9} {'recall':>7}")
    for field, precision, recall in scores.table():
        print(f"{field:<12} {precision:9.1f} {recall:7.1f}")


if __name__ == "__main__":
    main()
