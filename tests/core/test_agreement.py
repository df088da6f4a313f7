"""Agreement between analysts: textbook figures, and the history read as each one's last verdict."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from core.conftest import Outcome
from workbench.services.agreement import cohen_kappa, krippendorff_alpha

Run = Callable[..., Outcome]


def test_cohens_kappa_of_the_textbook_example() -> None:
    """Two readers, 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15: po 0.7, pe 0.5."""
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None  # chance agreement is certain
    assert cohen_kappa([], []) is None


def test_krippendorffs_alpha_by_hand() -> None:
    """Units (a,a) (a,b) (b,b) (b,b): coincidences o_aa 2, o_ab = o_ba 1, o_bb 4; n_a 3, n_b 5;
    alpha = 1 - 7 * 2 / (3 * 5 * 2) = 8/15."""
    assert krippendorff_alpha([["a", "a"], ["a", "b"], ["b", "b"], ["b", "b"]]) == pytest.approx(
        8 / 15
    )
    assert krippendorff_alpha([["a", "a"], ["b", "b"]]) == pytest.approx(1.0)
    assert krippendorff_alpha([["a"]]) is None


def test_stats_reads_each_analysts_last_verdict_including_agreement(run: Run, cli_db: Path) -> None:
    for analyst, statement, verdict in (
        ("ana", "1", "confirmed"),
        ("bo", "1", "confirmed"),  # agrees: the row is unchanged, the agreement recorded
        ("ana", "2", "disputed"),
        ("bo", "2", "confirmed"),
        ("bo", "3", "disputed"),
    ):
        extra = (
            ("--override", "--note", "bo disagrees") if (analyst, statement) == ("bo", "2") else ()
        )
        assert run("--analyst", analyst, "verdict", statement, verdict, *extra).code == 0
    outcome = run("stats", "--format", "json")
    record = json.loads(outcome.out)
    (pair,) = record["agreement"]
    assert pair["analysts"] == ["ana", "bo"] and pair["items"] == 2
    # items 1 (c, c) and 2 (d, c): po 0.5, pe (1*2 + 1*0)/4 = 0.5, kappa 0
    assert pair["kappa"] == pytest.approx(0.0)
    judged = {a["analyst"]: a["judged"] for a in record["progress"]["analysts"]}
    assert judged == {"ana": 2, "bo": 3}
    table = run("stats")
    assert "Cohen's kappa" in table.out and "Krippendorff's alpha" in table.out
