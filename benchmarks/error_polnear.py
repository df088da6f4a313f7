"""Issue 10's error classes 1, 2, 5 and 6 counted on PolNeAR articles (see error_classes.py).

The spans, the trimming and the token overlap are attribution_eval.py's (imported, not copied),
and so is the set of predictions scored: outlet-voice and discarded predictions are dropped and
identical (speaker, cue, content) triples count once (``scored_predictions``). Two spans
*overlap* when they share a character. Every counter below is a count of gold attributions or of
scored predictions; a gold attribution or prediction falls in at most one sub-kind of a class,
the first whose test it passes, in the order listed.

Class 1, missed cues. ``c1.gold_cues``: gold attributions with a cue span. ``c1.missed``: those
whose cue no predicted cue overlaps, split into

* ``c1.colon``: the cue is only punctuation (":");
* ``c1.nominal``: the cue's last word is a reporting noun (``REPORTING_NOUNS``), or follows a
  determiner or possessive (``DETERMINERS``, a word in 's or ’s) and is followed by "that";
* ``c1.passive``: the attribution has no source span and the cue or the two words before it
  hold a form of "be" ("it was reported that", "is expected");
* ``c1.known``: the whole cue or one of its words is a cue form of the measured engine's own
  lexicon (or "according to"): a cue the engine knows, lost to a filter or to sentence shape;
* ``c1.unknown``: the rest, cues with no word in the lexicon.

Class 2, content boundaries. ``c2.cue_matched``: gold attributions with cue and content spans
whose cue a predicted cue overlaps; of the predictions whose cue overlaps it, the one whose
content shares most tokens with the gold content (Jaccard, first on ties) is its pair. Spans are
compared after attribution_eval's ``normalise``. ``c2.exact``: same normalised content.
``c2.no_content``: the pair shares no content token with the gold. The others, partial overlaps:

* ``c2.next_paragraph``: the gold content, from its first piece to its last, holds a line
  break (a quote continued in the next paragraph);
* ``c2.multi_part``: the gold content has two or more pieces (a quote split by its source);
* ``c2.runs_on``: the predicted content ends after the gold one;
* ``c2.stops_short``: it ends before the gold one;
* ``c2.start_differs``: same end, different start.

Class 5, spurious speakers. ``c5.pred_speakers``: scored predictions with a speaker span.
``c5.spurious``: those whose speaker overlaps no gold source span of the article, split into

* ``c5.label``: the speaker opens a line and a colon follows it (datelines, captions,
  transcript labels: "NEW DELHI:", "FILE PHOTO:");
* ``c5.noun_speaker``: the speaker's last word is a reporting noun ("Anti-vaccine claims
  circulate" read as claims saying something);
* ``c5.sourceless``: the predicted cue overlaps the cue of a gold attribution without a source
  (a speaker invented for "it was reported that …");
* ``c5.wrong_speaker``: the predicted cue overlaps a gold cue that has a source (another
  speaker picked on a right cue);
* ``c5.in_content``: the predicted cue lies inside a gold content (a nested attribution, which
  PolNeAR does not annotate);
* ``c5.elsewhere``: the rest (no attribution there).

Class 6, nested attribution. PolNeAR annotates only the outer attribution of "According to AP,
Zakharova said …": its content is "Zakharova said …". ``c6.carriers``: gold attributions whose
content opens with an inner reporting clause, up to eight words without comma, full stop or
semicolon and then a plain speech verb (attribution_eval's ``SPEECH_CUES``). The same for every
engine, so before and after share it. Each carrier is then

* ``c6.inner_kept``: a prediction's cue overlaps the inner verb and its speaker lies inside the
  words before it (the inner speaker kept);
* ``c6.inner_wrong_speaker``: a prediction's cue overlaps the inner verb, another speaker;
* ``c6.outer_only``: no prediction on the inner verb, but one whose speaker overlaps the gold
  (outer) source and whose content overlaps the inner clause: the inner statement is dropped
  to the outer speaker;
* ``c6.missed``: neither.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection
from typing import Any

from attribution_eval import (
    SPEECH_CUES,
    Span,
    jaccard,
    normalise,
    scored_predictions,
    span_of,
    token_set,
)

Record = dict[str, Any]  # a JSON record: a gold attribution or statement, a prediction


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one string (long word lists read better that way)."""
    return frozenset(words.split())


REPORTING_NOUNS = _wordset(
    "news report reports claim claims allegation allegations accusation "
    "accusations question questions rumour rumours rumor rumors statement "
    "statements announcement assertion assertions suggestion suggestions charge "
    "charges speculation belief beliefs fear fears concern concerns hope hopes "
    "warning warnings promise promises pledge pledges argument arguments theory "
    "theories criticism poll polls survey surveys study studies analysis data "
    "estimate estimates forecast forecasts view views idea notion word evidence "
    "insistence denial denials remarks comments testimony"
)
DETERMINERS = _wordset("the a an his her its their our my your this that these those such any no")
_BE = _wordset("is are was were be been being")
_WORD = re.compile(r"[\w’'-]+")
_INNER = re.compile(  # matched at the content's start: pattern.match anchors at ``pos``
    r"[\W_]*((?:[^\s,.;:]+\s+){1,8}?)("
    + "|".join(sorted(SPEECH_CUES, key=len, reverse=True))
    + r")\b"
)


def _overlap(a: Span | None, b: Span | None) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _missed_cue_kind(text: str, gold: Record, cue: Span, known: Collection[str]) -> str:
    words = _words(text[cue[0] : cue[1]])
    if not words:
        return "c1.colon"
    before = _words(text[max(0, cue[0] - 60) : cue[0]])[-2:]
    after = _words(text[cue[1] : cue[1] + 12])[:1]
    previous = (words[:-1] or before)[-1:]
    determined = bool(previous) and (
        previous[0] in DETERMINERS or previous[0].endswith(("’s", "'s"))
    )
    if words[-1] in REPORTING_NOUNS or (determined and after == ["that"]):
        return "c1.nominal"
    if span_of(gold, "source") is None and _BE & {*words, *before}:
        return "c1.passive"
    phrase = " ".join(words)
    if phrase in known or "according to" in phrase or any(w in known for w in words):
        return "c1.known"
    return "c1.unknown"


def _content_kind(text: str, gold: Record, pred: Record) -> str:
    gspan, pspan = span_of(gold, "content"), span_of(pred, "content")
    assert gspan is not None
    if pspan is None or not token_set(text, gspan) & token_set(text, pspan):
        return "c2.no_content"
    (gs, ge), (ps, pe) = normalise(text, gspan), normalise(text, pspan)
    if (gs, ge) == (ps, pe):
        return "c2.exact"
    if "\n" in text[gs:ge]:
        return "c2.next_paragraph"
    if len(gold.get("content_fragments") or []) > 1:
        return "c2.multi_part"
    if pe > ge:
        return "c2.runs_on"
    if pe < ge:
        return "c2.stops_short"
    return "c2.start_differs"


def _spurious_kind(text: str, pred: Record, golds: list[Record]) -> str:
    speaker, cue = span_of(pred, "speaker"), span_of(pred, "cue")
    assert speaker is not None
    line_start = text.rfind("\n", 0, speaker[0]) + 1
    if not text[line_start : speaker[0]].strip() and text[speaker[1] :].lstrip(" \t")[:1] == ":":
        return "c5.label"
    if _words(text[speaker[0] : speaker[1]])[-1:] and (
        _words(text[speaker[0] : speaker[1]])[-1] in REPORTING_NOUNS
    ):
        return "c5.noun_speaker"
    on_cue = [g for g in golds if _overlap(cue, span_of(g, "cue"))]
    if any(span_of(g, "source") is None for g in on_cue):
        return "c5.sourceless"
    if on_cue:
        return "c5.wrong_speaker"
    for g in golds:
        content = span_of(g, "content")
        if cue and content and content[0] <= cue[0] and cue[1] <= content[1]:
            return "c5.in_content"
    return "c5.elsewhere"


def _nested_kind(text: str, gold: Record, preds: list[Record]) -> str | None:
    content = span_of(gold, "content")
    if content is None:
        return None
    match = _INNER.match(text, content[0], content[1])
    if match is None:
        return None
    inner_subject: Span = (match.start(1), match.end(1))
    verb: Span = (match.start(2), match.end(2))
    on_verb = [p for p in preds if _overlap(span_of(p, "cue"), verb)]
    for p in on_verb:
        speaker = span_of(p, "speaker")
        if speaker and inner_subject[0] <= speaker[0] and speaker[1] <= inner_subject[1]:
            return "c6.inner_kept"
    if on_verb:
        return "c6.inner_wrong_speaker"
    rest: Span = (verb[0], content[1])
    for p in preds:
        if _overlap(span_of(p, "speaker"), span_of(gold, "source")) and _overlap(
            span_of(p, "content"), rest
        ):
            return "c6.outer_only"
    return "c6.missed"


def count_article(doc: Record, raw_preds: list[Record], known: Collection[str]) -> Counter[str]:
    """Every class 1, 2, 5 and 6 counter for one article (the module docstring defines them)."""
    text, golds = doc["text"], doc["attributions"]
    preds = scored_predictions(doc, raw_preds)
    counts: Counter[str] = Counter()
    for g in golds:
        cue = span_of(g, "cue")
        if cue is None:
            continue
        counts["c1.gold_cues"] += 1
        on_cue = [p for p in preds if _overlap(span_of(p, "cue"), cue)]
        if not on_cue:
            counts["c1.missed"] += 1
            counts[_missed_cue_kind(text, g, cue, known)] += 1
            continue
        gcontent = span_of(g, "content")
        if gcontent is not None:
            counts["c2.cue_matched"] += 1
            gtokens = token_set(text, gcontent)

            def shared(p: Record, gtokens: frozenset[Span] = gtokens) -> float:
                pcontent = span_of(p, "content")
                return jaccard(gtokens, token_set(text, pcontent)) if pcontent else -1.0

            counts[_content_kind(text, g, max(on_cue, key=shared))] += 1
    for g in golds:
        kind = _nested_kind(text, g, preds)
        if kind:
            counts["c6.carriers"] += 1
            counts[kind] += 1
    sources = [s for s in (span_of(g, "source") for g in golds) if s]
    for p in preds:
        speaker = span_of(p, "speaker")
        if speaker is None:
            continue
        counts["c5.pred_speakers"] += 1
        if not any(_overlap(speaker, s) for s in sources):
            counts["c5.spurious"] += 1
            counts[_spurious_kind(text, p, golds)] += 1
    return counts


def count_split(
    docs: list[Record], predict: Callable[[str], list[Record]], known: Collection[str]
) -> Counter[str]:
    """Class 1, 2, 5 and 6 counters summed over the articles of one split."""
    total: Counter[str] = Counter()
    for doc in docs:
        total.update(count_article(doc, predict(doc["text"]), known))
    return total
