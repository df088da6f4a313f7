"""Count what the engine misses on attribution-annotated articles, to choose the next rule.

Usage:
    python benchmarks/mine_misses.py GOLD_articles.jsonl PREDICTIONS.jsonl [--top N] [--examples K]

PREDICTIONS is the ``--predictions-out`` file of ``attribution_eval.py``. Prints, most frequent
first:

* missed cues: gold cues no predicted cue overlaps, by lower-cased text, with the number of
  times the same text occurs in the articles outside any gold or predicted cue (a precision
  ceiling for adding it: gold / (gold + elsewhere));
* false cues: predicted cues on no gold cue, by text and by rule;
* content boundaries: for predicted and gold cues that overlap, whether the predicted content
  runs on past the gold end or stops short of it, with the first words where they part;
* sources: the same for speaker spans.

Examples (``--examples``) print article text to the terminal only: the gold data may not be
copied into the repository, so never redirect them into it.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

Span = tuple[int, int]
WORD = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")
TRIM = " \t\r\n\"'“”‘’«»,.;:!?()[]—–-"


def read_jsonl(path: Path) -> Iterator[dict[str, object]]:
    """Yield one JSON object a line."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def trimmed(text: str, span: Span) -> Span:
    """The span without surrounding white space, quote marks and end punctuation."""
    start, end = span
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def first_words(text: str, start: int, end: int, count: int = 2) -> str:
    """The first ``count`` words of ``text[start:end]``, lower-cased."""
    found = [m.group().lower() for m in WORD.finditer(text, start, end)]
    return " ".join(found[:count])


def span_of(record: dict[str, object], role: str) -> Span | None:
    """A gold or predicted span, or None when it is missing."""
    start, end = record.get(f"{role}_start"), record.get(f"{role}_end")
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    return None


class Miner:
    """Collects counts over articles; ``report`` prints them."""

    def __init__(self, examples: int) -> None:
        self.examples = examples
        self.missed: Counter[str] = Counter()
        self.missed_examples: dict[str, list[str]] = defaultdict(list)
        self.elsewhere: Counter[str] = Counter()
        self.false_cues: Counter[str] = Counter()
        self.false_rules: Counter[str] = Counter()
        self.false_examples: dict[str, list[str]] = defaultdict(list)
        self.content: Counter[str] = Counter()
        self.run_on: Counter[str] = Counter()
        self.short: Counter[str] = Counter()
        self.start_diff: Counter[str] = Counter()
        self.boundary_examples: dict[str, list[str]] = defaultdict(list)
        self.source: Counter[str] = Counter()
        self.articles: list[tuple[str, list[Span]]] = []

    def add(
        self, text: str, golds: list[dict[str, object]], preds: list[dict[str, object]]
    ) -> None:
        """Count one article."""
        pred_cues = [(span_of(p, "cue"), p) for p in preds if span_of(p, "cue")]
        gold_cues = [(span_of(g, "cue"), g) for g in golds if span_of(g, "cue")]
        covered = [s for s, _ in pred_cues] + [s for s, _ in gold_cues]
        for gspan, gold in gold_cues:
            assert gspan is not None
            hits = [p for s, p in pred_cues if s and overlaps(s, gspan)]
            if not hits:
                key = str(gold["cue"]).lower()
                self.missed[key] += 1
                self._example(self.missed_examples[key], text, gspan)
                continue
            self._compare_content(text, gold, hits[0])
            self._compare_source(text, gold, hits[0])
        for pspan, pred in pred_cues:
            assert pspan is not None
            if not any(overlaps(pspan, g) for g, _ in gold_cues if g):
                key = str(pred.get("cue") or "").lower()
                self.false_cues[key] += 1
                self.false_rules[str(pred.get("rule"))] += 1
                self._example(self.false_examples[key], text, pspan)
        self.articles.append((text.lower(), [c for c in covered if c]))

    def _example(self, bucket: list[str], text: str, span: Span) -> None:
        if len(bucket) < self.examples:
            left = text[max(0, span[0] - 70) : span[0]].replace("\n", " ")
            right = text[span[1] : span[1] + 70].replace("\n", " ")
            bucket.append(f"{left}[[{text[span[0] : span[1]]}]]{right}")

    def _compare_content(self, text: str, gold: dict[str, object], pred: dict[str, object]) -> None:
        gspan, pspan = span_of(gold, "content"), span_of(pred, "content")
        if gspan is None or pspan is None:
            self.content["missing"] += 1
            return
        gs, ge = trimmed(text, gspan)
        ps, pe = trimmed(text, pspan)
        if (gs, ge) == (ps, pe):
            self.content["exact"] += 1
            return
        if not overlaps((gs, ge), (ps, pe)):
            self.content["disjoint"] += 1
            return
        if ps != gs:
            kind = "pred starts earlier" if ps < gs else "pred starts later"
            self.content[kind] += 1
            edge = first_words(text, min(ps, gs), max(ps, gs))
            self.start_diff[f"{kind}: {edge}"] += 1
        if pe > ge:
            self.content["pred runs on"] += 1
            key = first_words(text, ge, pe)
            self.run_on[key] += 1
            self._example(self.boundary_examples["run on: " + key], text, (ge, pe))
        elif pe < ge:
            self.content["pred stops short"] += 1
            key = first_words(text, pe, ge)
            self.short[key] += 1
            self._example(self.boundary_examples["short: " + key], text, (pe, ge))

    def _compare_source(self, text: str, gold: dict[str, object], pred: dict[str, object]) -> None:
        gspan, pspan = span_of(gold, "source"), span_of(pred, "speaker")
        if gspan is None and pspan is None:
            self.source["both none"] += 1
        elif gspan is None:
            self.source["gold none, pred has one"] += 1
        elif pspan is None:
            self.source["pred none, gold has one"] += 1
        elif trimmed(text, gspan) == trimmed(text, pspan):
            self.source["exact"] += 1
        elif overlaps(gspan, pspan):
            self.source["overlap"] += 1
        else:
            self.source["disjoint"] += 1

    def count_elsewhere(self, keys: list[str]) -> None:
        """Count each missed cue text where no gold or predicted cue covers it, in every article."""
        for lowered, covered in self.articles:
            for key in keys:
                if key not in lowered:
                    continue
                for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", lowered):
                    if not any(overlaps((m.start(), m.end()), c) for c in covered):
                        self.elsewhere[key] += 1

    def report(self, top: int) -> None:
        """Print the counts, most frequent first."""
        self.count_elsewhere([key for key, _ in self.missed.most_common(top)])
        print(f"missed gold cues: {sum(self.missed.values())}")
        for key, n in self.missed.most_common(top):
            other = self.elsewhere[key]
            print(f"  {n:5d}  elsewhere {other:5d}  ceiling {n / (n + other):4.0%}  {key}")
            for example in self.missed_examples[key]:
                print(f"         {example}")
        print(f"\nfalse cues: {sum(self.false_cues.values())}; by rule:")
        for key, n in self.false_rules.most_common(top):
            print(f"  {n:5d}  {key}")
        print("by cue:")
        for key, n in self.false_cues.most_common(top):
            print(f"  {n:5d}  {key}")
            for example in self.false_examples[key]:
                print(f"         {example}")
        print("\ncontent, cue matched:", dict(self.content.most_common()))
        for title, counter in (("runs on at", self.run_on), ("stops short at", self.short)):
            print(f"pred {title}:")
            for key, n in counter.most_common(top):
                print(f"  {n:5d}  {key}")
                prefix = "run on: " if counter is self.run_on else "short: "
                for example in self.boundary_examples[prefix + key]:
                    print(f"         {example}")
        print("start differs:")
        for key, n in self.start_diff.most_common(top):
            print(f"  {n:5d}  {key}")
        print("\nsource, cue matched:", dict(self.source.most_common()))


def main() -> None:
    """Read gold and predictions, print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("predictions", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    by_doc: dict[str, list[dict[str, object]]] = defaultdict(list)
    for pred in read_jsonl(args.predictions):
        by_doc[str(pred["doc_id"])].append(pred)
    miner = Miner(args.examples)
    for article in read_jsonl(args.gold):
        attributions = article["attributions"]
        assert isinstance(attributions, list)
        miner.add(str(article["text"]), attributions, by_doc.get(str(article["id"]), []))
    miner.report(args.top)


if __name__ == "__main__":
    main()
