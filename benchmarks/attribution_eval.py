"""Score the extraction engine on attribution-annotated articles (PolNeAR-style JSONL).

Usage:
    python benchmarks/attribution_eval.py ARTICLES.jsonl [--scorer PATH] [--predictions-out FILE]

Prints precision / recall / F1 for source, cue and content spans (exact and partial) and for
whole relations, using our own implementation of the documented metric:

* exact: spans equal after trimming white space, quote marks and end punctuation from both
  ends and a leading "that " (annotators include the complementiser in content);
* partial: token Jaccard >= 0.5 (tokens are identified by their character offsets);
* relation: cues overlap, contents match partially, sources match partially (or neither has
  a source);
* matching is one-to-one and greedy; identical (speaker, cue, content) predictions count once
  (a group speaker yields one statement per member); outlet-voice statements (no cue) are not
  scored; predictions whose cue starts inside an annotator "Discard" span are ignored.

With a reference scorer (``--scorer``, by default ``../shared/eval/attribution/score.py``
beside the repository when it exists) the predictions are also written out and the reference
scorer is run on them, so that the two implementations can be compared line by line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.extract import extract  # noqa: E402
from workbench.extract.lexicon import load_lexicon  # noqa: E402

TRIM = frozenset(" \t\r\n\"'“”‘’«»,.;:!?()[]—–-")
Span = tuple[int, int]
ROLES = (("source", "speaker"), ("cue", "cue"), ("content", "content"))
# The rows of every table, in the reference scorer's order.
MEASURES = (
    *("source_exact", "source_partial", "cue_exact", "cue_partial"),
    *("content_exact", "content_partial", "relation"),
)
SPEECH_CUES = frozenset(
    {
        *("said", "says", "say", "saying", "told", "tells", "tell", "wrote", "writes"),
        *("asked", "asks", "added", "adding", "noted", "notes", "stated", "reported"),
        *("announced", "claimed", "explained"),
    }
)


def normalise(text: str, span: Span) -> Span:
    """Trim quotes, white space and end punctuation, then a leading "that "."""
    start, end = span
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    if text[start : start + 5].lower() == "that ":
        start += 5
        while start < end and text[start] in TRIM:
            start += 1
    return start, end


def token_set(text: str, span: Span) -> frozenset[Span]:
    """Tokens (word runs and single symbols) of a span, identified by their offsets."""
    out = []
    start, end = span
    pos = start
    while pos < end:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        if ch.isalnum() or ch == "_":
            stop = pos + 1
            while stop < end and (text[stop].isalnum() or text[stop] == "_"):
                stop += 1
        else:
            stop = pos + 1
        if not all(c in TRIM for c in text[pos:stop]):
            out.append((pos, stop))
        pos = stop
    return frozenset(out)


def jaccard(a: frozenset[Span], b: frozenset[Span]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def greedy(pairs: list[tuple[float, int, int]]) -> int:
    """One-to-one greedy matching, best score first (ties broken by index, as the reference)."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def match_spans(text: str, preds: list[Span], golds: list[Span], exact: bool) -> int:
    if exact:
        left: dict[Span, int] = defaultdict(int)
        for g in golds:
            left[normalise(text, g)] += 1
        hits = 0
        for p in preds:
            key = normalise(text, p)
            if left[key] > 0:
                left[key] -= 1
                hits += 1
        return hits
    gold_tokens = [token_set(text, g) for g in golds]
    pairs = []
    for i, p in enumerate(preds):
        pt = token_set(text, p)
        for j, gt in enumerate(gold_tokens):
            score = jaccard(pt, gt)
            if score >= 0.5:
                pairs.append((score, i, j))
    return greedy(pairs)


def span_of(record: dict[str, object], role: str) -> Span | None:
    start, end = record.get(f"{role}_start"), record.get(f"{role}_end")
    if not isinstance(start, int) or not isinstance(end, int) or end <= start:
        return None
    return start, end


def relation_hits(text: str, preds: list[dict], golds: list[dict]) -> int:
    pairs = []
    for i, p in enumerate(preds):
        pc, pt, ps = span_of(p, "cue"), span_of(p, "content"), span_of(p, "speaker")
        for j, g in enumerate(golds):
            gc, gt, gs = span_of(g, "cue"), span_of(g, "content"), span_of(g, "source")
            if not (pc and gc and pc[0] < gc[1] and gc[0] < pc[1]) or not (pt and gt):
                continue
            score = jaccard(token_set(text, pt), token_set(text, gt))
            if score < 0.5:
                continue
            if ps and gs:
                if jaccard(token_set(text, ps), token_set(text, gs)) < 0.5:
                    continue
            elif ps or gs:
                continue
            pairs.append((score, i, j))
    return greedy(pairs)


def scored_predictions(doc: dict, preds: Iterable[dict]) -> list[dict]:
    """Drop outlet-voice and discarded predictions and collapse identical span triples."""
    discard = [tuple(x) for x in doc.get("meta", {}).get("discard_spans", [])]
    seen: set[tuple[Span | None, ...]] = set()
    kept = []
    for p in preds:
        cue = span_of(p, "cue")
        if cue is None or any(s <= cue[0] < e for s, e in discard):
            continue
        key = tuple(span_of(p, r) for r in ("speaker", "cue", "content"))
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


def evaluate(docs: list[dict], predict: Callable[[dict], list[dict]], subset=None) -> dict:
    """Totals [hits, predicted, gold] per metric over all documents."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for doc in docs:
        text = doc["text"]
        golds = doc["attributions"]
        preds = scored_predictions(doc, predict(doc))
        if subset is not None:
            golds = [g for g in golds if subset(text, span_of(g, "cue"))]
            preds = [p for p in preds if subset(text, span_of(p, "cue"))]
        for role, prole in ROLES:
            gs = [s for s in (span_of(g, role) for g in golds) if s]
            ps = [s for s in (span_of(p, prole) for p in preds) if s]
            for mode in ("exact", "partial"):
                t = totals[f"{role}_{mode}"]
                t[0] += match_spans(text, ps, gs, mode == "exact")
                t[1] += len(ps)
                t[2] += len(gs)
        t = totals["relation"]
        t[0] += relation_hits(text, preds, golds)
        t[1] += len(preds)
        t[2] += len(golds)
    return dict(totals)


def prf(hits: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = hits / npred if npred else 0.0
    r = hits / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def print_table(title: str, totals: dict[str, list[int]]) -> None:
    print(title)
    print(f"{'':18}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for key in MEASURES:
        hits, npred, ngold = totals.get(key, [0, 0, 0])
        p, r, f = prf(hits, npred, ngold)
        print(f"{key:18}{p:7.1f}{r:7.1f}{f:7.1f}{npred:7d}{ngold:7d}")


def speech_cue(text: str, cue: Span | None) -> bool:
    """Cue is a plain speech verb, "according to" or a colon (the corpus's commonest cues)."""
    if cue is None:
        return False
    words = text[cue[0] : cue[1]].lower().replace(":", " : ").split()
    if not words:
        return False
    return words[-1] in SPEECH_CUES or words[-1] == ":" or words[-2:] == ["according", "to"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path)
    default_scorer = Path(__file__).resolve().parents[2] / "shared/eval/attribution/score.py"
    parser.add_argument(
        "--scorer",
        type=lambda value: Path(value) if value else None,
        default=default_scorer if default_scorer.exists() else None,
        help="reference scorer to cross-check with ('' to skip)",
    )
    parser.add_argument("--predictions-out", type=Path, help="write predictions JSONL here")
    args = parser.parse_args()

    docs = [json.loads(line) for line in args.articles.open(encoding="utf-8") if line.strip()]
    lexicon = load_lexicon()
    cache: dict[str, list[dict]] = {}

    def predict(doc: dict) -> list[dict]:
        if doc["id"] not in cache:
            cache[doc["id"]] = [
                {"doc_id": doc["id"], **s.to_json()} for s in extract(doc["text"], lexicon=lexicon)
            ]
        return cache[doc["id"]]

    print_table(f"All attributions ({len(docs)} articles)", evaluate(docs, predict))
    print()
    print_table(
        "Speech-verb subset (cue is said/says/told/according to/…)",
        evaluate(docs, predict, subset=speech_cue),
    )

    out = args.predictions_out
    if args.scorer is None and out is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = out or Path(tmp) / "predictions.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for doc in docs:
                for p in predict(doc):
                    handle.write(json.dumps(p, ensure_ascii=False) + "\n")
        if args.scorer is not None:
            print(f"\nReference scorer ({args.scorer}):")
            result = subprocess.run(
                [sys.executable, str(args.scorer), str(args.articles), str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
            print(result.stdout + result.stderr, end="")


if __name__ == "__main__":
    main()
