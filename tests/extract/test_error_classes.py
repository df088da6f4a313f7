"""benchmarks/error_classes.py's counters on our own sentences, with hand-made predictions.

The counters are fed fixed predictions rather than the engine's, so what each one should count
is known in advance and does not move when the extraction rules change.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import error_fields  # noqa: E402
import error_polnear  # noqa: E402

TEXT = (
    "PORT TIMES:\n"
    "The mayor said the bridge will reopen in June and the tolls will rise. "
    "Officials voiced doubts. There is news that the ferry will stop.\n"
    "According to the council, the harbour master said the cranes are idle."
)


def _span(text: str, part: str) -> tuple[int, int]:
    """The first occurrence of ``part`` (the fixture's spans are written to be first)."""
    start = text.index(part)
    return start, start + len(part)


def _gold(source: str | None, cue: str, content: str) -> dict[str, object]:
    record: dict[str, object] = {"implicit_source": source is None}
    for role, part in (("source", source), ("cue", cue), ("content", content)):
        start, end = _span(TEXT, part) if part else (None, None)
        record.update({role: part, f"{role}_start": start, f"{role}_end": end})
    return record


def _pred(speaker: str, cue: str, content: str) -> dict[str, object]:
    record: dict[str, object] = {}
    for role, part in (("speaker", speaker), ("cue", cue), ("content", content)):
        start, end = _span(TEXT, part)
        record.update({role: part, f"{role}_start": start, f"{role}_end": end})
    return record


def test_polnear_counters_classify_as_defined() -> None:
    doc = {
        "text": TEXT,
        "attributions": [
            _gold("The mayor", "said", "the bridge will reopen in June"),
            _gold("Officials", "voiced", "doubts"),
            _gold(None, "news", "the ferry will stop"),
            _gold("the council", "According to", "the harbour master said the cranes are idle"),
        ],
    }
    preds = [
        _pred("The mayor", "said", "the bridge will reopen in June and the tolls will rise"),
        _pred("PORT TIMES", ":", "The mayor said"),
        _pred("the council", "According to", "the harbour master said the cranes are idle"),
    ]
    counts = error_polnear.count_article(doc, preds, known=frozenset({"said"}))
    assert counts["c1.gold_cues"] == 4 and counts["c1.missed"] == 2
    assert counts["c1.unknown"] == 1  # "voiced": not in the lexicon given
    assert counts["c1.nominal"] == 1  # "news that"
    assert counts["c2.cue_matched"] == 2
    assert (counts["c2.exact"], counts["c2.runs_on"], counts["c2.stops_short"]) == (1, 1, 0)
    assert (counts["c5.pred_speakers"], counts["c5.spurious"], counts["c5.label"]) == (3, 1, 1)
    assert (counts["c6.carriers"], counts["c6.outer_only"], counts["c6.inner_kept"]) == (1, 1, 0)


def _statement(speaker: str, actor: str, kind: str, cue: str, stance: str, prop: str) -> dict:
    return {
        "speaker": speaker,
        "actor": actor,
        "actor_kind": kind,
        "cue": cue,
        "stance": stance,
        "proposition": prop,
        "content": prop,
    }


def test_field_counters_classify_as_defined() -> None:
    arms = "Norway sold arms to the rebels."
    gold = [
        _statement(
            "The ministry",
            "Ministry of Ports",
            "organisation",
            "said",
            "asserts",
            "The Ministry of Ports will close the ferry.",
        ),
        _statement("Norway", "Norway", "country", "denied", "denies", arms),
        _statement("Lund", "Eva Lund", "person", "said", "asserts", "Harbour fees will double."),
        _statement("Sweden", "Sweden", "country", "said", "asserts", arms),
    ]
    preds = [
        _statement(
            "The ministry", "ministry", "unnamed", "said", "asserts", "It will close the ferry."
        ),
        _statement("Norway", "Norway", "country", "denied", "asserts", arms),
        _statement("Sweden", "Sweden", "country", "denied", "denies", arms),
    ]
    counts = error_fields.count_article("interview-harbour.txt", gold, preds)
    assert (counts["gold"], counts["found"]) == (4, 3)
    assert (counts["c3.wrong"], counts["c3.pronoun_left"]) == (1, 1)
    assert (counts["c4.wrong"], counts["c4.role_noun"]) == (1, 1)
    assert (counts["c7.gold_denials"], counts["c7.read_as_assert"]) == (1, 1)
    assert (counts["c7.false_denial"], counts["c7.accuser_denies"]) == (1, 1)
    assert (counts["c8.qa_gold"], counts["c8.qa_missed"]) == (4, 1)


def test_proposition_without_a_verb_is_not_a_sentence() -> None:
    gold = {"proposition": "The harbour report is a fabrication."}
    pred = {"proposition": "Harbour master a fabrication.", "cue": "calling", "content": "it"}
    assert error_fields.proposition_kind(gold, pred) == "c3.not_sentence"


def test_pronoun_replaced_inside_a_quote_by_the_wrong_name() -> None:
    gold = {"proposition": "Maria Holm will not resign."}
    pred = {
        "proposition": "Anna Berg will not resign.",
        "cue": "said",
        "content": "“She will not resign”",
    }
    assert error_fields.proposition_kind(gold, pred) == "c3.quote_pronoun_replaced"
