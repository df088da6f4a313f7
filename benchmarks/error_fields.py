"""Issue 10's error classes 3, 4, 7 and 8 counted on field-level sets (see error_classes.py).

A set is a directory like data/gold (``articles/<name>.txt`` and ``annotations.jsonl``). Gold
statements and predictions are matched per article exactly as gold_eval.py matches them
(``match_pairs``), and a matched pair's fields are right or wrong by ``right_fields``. Words
are compared after gold_eval's ``norm`` (lower case, no punctuation). A pair falls in at most
one sub-kind of a class, the first whose test it passes, in the order listed.

``found``: gold statements matched (context for the other counts).

Class 3, propositions. ``c3.wrong``: matched pairs whose proposition is wrong, split into

* ``c3.frame_left``: the predicted proposition holds the predicted cue's words and the gold one
  does not, or opens with one to three words and "that" and the gold one does not ("X reported
  …", "Accusations that … are false");
* ``c3.pronoun_left``: it has more third-person pronouns (``PRONOUNS``) than the gold one;
* ``c3.quote_pronoun_replaced``: the predicted content holds a quote mark, the predicted
  proposition has fewer pronouns (``ALL_PRONOUNS``) than that content, and it holds a word
  found in neither the content nor the gold proposition (a pronoun inside the quote replaced,
  and by the wrong words);
* ``c3.not_sentence``: fewer than three words, or no word that could be a finite verb: an
  auxiliary, modal or copula (``VERBISH``, contractions as ``norm`` leaves them: "isn") or a
  word ending in -ed or -s ("North Korea a
  fabrication."; a crude test, which counts plural nouns as verbs and so errs towards
  "sentence");
* ``c3.runs_on``: at least three words longer than the gold and holding 70% of its words;
* ``c3.stops_short``: at least three words shorter, and 70% of its words are in the gold;
* ``c3.other``: the rest (another wording or another claim).

Class 4, actors. ``c4.wrong``: matched pairs whose actor is wrong, split into

* ``c4.date_in_speaker``: the predicted speaker or actor holds a weekday, a month, "today",
  "yesterday" or "tonight" ("India on Friday");
* ``c4.coordinated``: the predicted actor holds " and " or a comma and the gold one does not;
* ``c4.country_missed``: the gold actor is a country and the predicted kind is not;
* ``c4.org_as_person``: the gold actor is an organisation and the predicted kind is person;
* ``c4.role_noun``: the gold actor is named (person, organisation or country) and the gold
  speaker opens with a determiner or possessive and a lower-case word ("the ministry", "her
  office"): a role noun not remembered, or remembered as the wrong name;
* ``c4.pronoun``: the gold speaker is a pronoun (resolved to the wrong actor: "he" to a woman);
* ``c4.other_kind``: the kinds differ otherwise;
* ``c4.other``: the rest.

Class 7, denials. ``c7.gold_denials``: gold statements of stance "denies".

* ``c7.denial_wrong``: gold denials not matched, or matched with a stance other than
  "denies" or with a wrong proposition (the headline count of the class, with the last two);
* ``c7.missed``: gold denials not matched;
* ``c7.read_as_assert``: matched gold denials predicted as "asserts" (lexical rebuttals);
* ``c7.wrong_claim``: matched gold denials predicted as "denies" whose proposition is wrong
  (linked to another claim than the accusation);
* ``c7.false_denial``: matched gold assertions predicted as "denies";
* ``c7.accuser_denies``: predictions of stance "denies" whose actor is the actor of a gold
  assertion in the article whose proposition is similar (gold_eval ``similar`` at least
  ``MATCH_AT``) while no gold denial of the article has that actor: the accuser is listed
  among the deniers ("both governments").

Class 8, layout. Articles whose name starts with "interview-" or "transcript-" are Q&A, with
"liveblog-" live blogs. For each: ``c8.<layout>_gold``, its gold statements;
``c8.<layout>_missed``, not matched; ``c8.<layout>_wrong_speaker``, matched with the speaker
span wrong; ``c8.<layout>_wrong_actor``, matched with the speaker right and the actor wrong.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gold_eval import MATCH_AT, _actor, match_pairs, norm, right_fields, similar

Record = dict[str, Any]  # a JSON record: a gold attribution or statement, a prediction


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one string (long word lists read better that way)."""
    return frozenset(words.split())


PRONOUNS = _wordset("he she it they him her them his hers its their theirs")
ALL_PRONOUNS = PRONOUNS | _wordset("i we you me us my our your")
VERBISH = _wordset(
    "is are was were be been being am has have had do does did will would can "
    "could may might must should shall won isn aren wasn weren don doesn didn"
)
_DATE = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|"
    r"january|february|march|april|june|july|august|september|october|november|december)\b"
)
_FRAME = re.compile(r"^(?:\w+ ){1,3}that\b")
_ROLE = re.compile(r"^(?:the|a|an|its|his|her|their)\s+[a-z]")
_QUOTES = frozenset('"“”')
LAYOUTS = (("qa", ("interview-", "transcript-")), ("liveblog", ("liveblog-",)))


def _count(words: list[str], vocabulary: frozenset[str]) -> int:
    return sum(1 for w in words if w in vocabulary)


def _share(part: list[str], whole: list[str]) -> float:
    return sum(1 for w in part if w in set(whole)) / len(part) if part else 0.0


def proposition_kind(g: Record, p: Record) -> str:
    """The class 3 sub-kind of a matched pair whose proposition is wrong."""
    pred, gold = norm(str(p.get("proposition"))), norm(str(g.get("proposition")))
    pw, gw = pred.split(), gold.split()
    cue = norm(str(p.get("cue") or ""))
    if (cue and f" {cue} " in f" {pred} " and f" {cue} " not in f" {gold} ") or (
        _FRAME.match(pred) and not _FRAME.match(gold)
    ):
        return "c3.frame_left"
    if _count(pw, PRONOUNS) > _count(gw, PRONOUNS):
        return "c3.pronoun_left"
    content = str(p.get("content") or "")
    cw = norm(content).split()
    quoted = any(c in _QUOTES for c in content)
    inserted = set(pw) - set(cw) - set(gw)  # words put in that neither quote nor gold has
    if quoted and _count(pw, ALL_PRONOUNS) < _count(cw, ALL_PRONOUNS) and inserted:
        return "c3.quote_pronoun_replaced"
    if len(pw) < 3 or not any(w in VERBISH or w.endswith(("ed", "s")) for w in pw):
        return "c3.not_sentence"
    if len(pw) >= len(gw) + 3 and _share(gw, pw) >= 0.7:
        return "c3.runs_on"
    if len(pw) <= len(gw) - 3 and _share(pw, gw) >= 0.7:
        return "c3.stops_short"
    return "c3.other"


def actor_kind(g: Record, p: Record) -> str:
    """The class 4 sub-kind of a matched pair whose actor is wrong."""
    if _DATE.search(norm(str(p.get("speaker") or "")) + " " + norm(str(p.get("actor") or ""))):
        return "c4.date_in_speaker"
    pred_actor, gold_actor = str(p.get("actor") or ""), str(g.get("actor") or "")
    if any(x in pred_actor for x in (" and ", ",")) and not any(
        x in gold_actor for x in (" and ", ",")
    ):
        return "c4.coordinated"
    gkind, pkind = g.get("actor_kind"), p.get("actor_kind")
    if gkind == "country" and pkind != "country":
        return "c4.country_missed"
    if gkind == "organisation" and pkind == "person":
        return "c4.org_as_person"
    speaker = str(g.get("speaker") or "")
    named = gkind in ("person", "organisation", "country")
    if named and _ROLE.match(speaker.lower()) and _ROLE.match(speaker[:1].lower() + speaker[1:]):
        return "c4.role_noun"
    if norm(speaker) in PRONOUNS | {"i", "we"}:
        return "c4.pronoun"
    if gkind != pkind:
        return "c4.other_kind"
    return "c4.other"


def _accuser_denials(gold: list[Record], preds: list[Record]) -> int:
    deniers = {_actor(str(g.get("actor"))) for g in gold if g.get("stance") == "denies"}
    count = 0
    for p in preds:
        actor = _actor(str(p.get("actor")))
        if p.get("stance") != "denies" or actor in deniers:
            continue
        if any(
            g.get("stance") == "asserts"
            and _actor(str(g.get("actor"))) == actor
            and similar(str(g.get("proposition")), str(p.get("proposition"))) >= MATCH_AT
            for g in gold
        ):
            count += 1
    return count


def count_article(name: str, gold: list[Record], preds: list[Record]) -> Counter[str]:
    """Every class 3, 4, 7 and 8 counter for one article (the module docstring defines them)."""
    counts: Counter[str] = Counter()
    layout = next((key for key, prefixes in LAYOUTS if name.startswith(prefixes)), None)
    matched = dict(match_pairs(gold, preds))
    counts["gold"] += len(gold)
    counts["found"] += len(matched)
    for gi, g in enumerate(gold):
        denial = g.get("stance") == "denies"
        counts["c7.gold_denials"] += int(denial)
        if layout:
            counts[f"c8.{layout}_gold"] += 1
        if gi not in matched:
            counts["c7.missed"] += int(denial)
            counts["c7.denial_wrong"] += int(denial)
            if layout:
                counts[f"c8.{layout}_missed"] += 1
            continue
        p = preds[matched[gi]]
        right = right_fields(g, p)
        if not right["proposition"]:
            counts["c3.wrong"] += 1
            counts[proposition_kind(g, p)] += 1
        if not right["actor"]:
            counts["c4.wrong"] += 1
            counts[actor_kind(g, p)] += 1
        if denial and (p.get("stance") != "denies" or not right["proposition"]):
            counts["c7.denial_wrong"] += 1
        if denial and p.get("stance") == "asserts":
            counts["c7.read_as_assert"] += 1
        elif denial and p.get("stance") == "denies" and not right["proposition"]:
            counts["c7.wrong_claim"] += 1
        elif g.get("stance") == "asserts" and p.get("stance") == "denies":
            counts["c7.false_denial"] += 1
        if layout and not right["speaker"]:
            counts[f"c8.{layout}_wrong_speaker"] += 1
        elif layout and not right["actor"]:
            counts[f"c8.{layout}_wrong_actor"] += 1
    counts["c7.accuser_denies"] += _accuser_denials(gold, preds)
    return counts


def count_set(gold_dir: Path, predict: Callable[[str], list[Record]]) -> Counter[str]:
    """Class 3, 4, 7 and 8 counters summed over the articles of one field-level set."""
    by_article: dict[str, list[Record]] = defaultdict(list)
    with (gold_dir / "annotations.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                by_article[record["article"]].append(record)
    total: Counter[str] = Counter()
    for name in sorted(by_article):
        text = (gold_dir / "articles" / name).read_text(encoding="utf-8")
        total.update(count_article(name, by_article[name], predict(text)))
    return total
