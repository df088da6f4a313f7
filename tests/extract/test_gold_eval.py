"""benchmarks/gold_eval.py on a tiny gold set of our own (tests/extract/fixtures/gold).

The fixture has three gold statements: one the engine gets entirely right, one whose stance
the annotation gives deliberately as "asserts" (the engine says "denies"), and one that is not
in the article at all. So every field's figures are known in advance.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gold"


def _gold_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_eval", ROOT / "benchmarks" / "gold_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gold_eval"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_field_level_precision_and_recall_on_own_fixture() -> None:
    scores, articles = _gold_eval().evaluate(FIXTURE)
    assert articles == 1 and scores.gold == 3
    assert scores.predicted == 2  # the outlet's own sentence matches no gold: not counted
    table = {field: (round(p, 1), round(r, 1)) for field, p, r in scores.table()}
    assert table["found"] == (100.0, 66.7)
    assert table["speaker"] == (100.0, 66.7)
    assert table["proposition"] == (100.0, 66.7)
    assert table["stance"] == (50.0, 33.3)
    assert table["all"] == (50.0, 33.3)


def test_proposition_similarity_is_normalised() -> None:
    module = _gold_eval()
    assert module.similar("“The cranes are idle.”", "the cranes are idle") == 1.0
    assert module.similar("The cranes are idle.", "The bridge will reopen.") < module.PROPOSITION_AT
