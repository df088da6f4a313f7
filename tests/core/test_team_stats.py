"""Agreement and progress: textbook figures for the arithmetic, then from history, both engines."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from core.conftest import Outcome
from workbench.agreement import cohen_kappa, krippendorff_alpha_nominal
from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.services.changes import SetStatus, apply_change
from workbench.services.team_stats import team_stats

Run = Callable[..., Outcome]


def test_cohen_kappa_of_the_two_by_two_textbook_table() -> None:
    # 50 items: both yes 20, both no 15, A yes/B no 5, A no/B yes 10.
    # po = 35/50 = 0.7; pe = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_cohen_kappa_perfect_chance_and_undefined() -> None:
    assert cohen_kappa([("a", "a"), ("b", "b")]) == pytest.approx(1.0)
    # po = 0.5, pe = 0.5: no better than chance.
    assert cohen_kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]) == pytest.approx(0.0)
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None  # pe = 1: undefined, not 1


def test_krippendorff_alpha_of_the_four_coder_example_with_missing_values() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal: 0.743.
    coders = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    units = [
        {name: values[i] for name, values in coders.items() if values[i] is not None}
        for i in range(12)
    ]
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.743, abs=5e-4)


def test_krippendorff_alpha_of_the_two_coder_binary_example() -> None:
    # Krippendorff's binary example, ten units, two coders: alpha = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    units = [{"a": x, "b": y} for x, y in zip(a, b, strict=True)]
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.095, abs=5e-4)
    assert krippendorff_alpha_nominal([{"a": 1}]) is None
    assert krippendorff_alpha_nominal([{"a": 1, "b": 1}, {"a": 1, "b": 1}]) is None


def _judge(db: Database, analyst: str, row_id: int, status: str) -> None:
    """An analyst's verdict; a desk lead withdraws the current one first if it is the same."""
    with db.transaction() as session:
        if status != "unverified":
            apply_change(session, SetStatus(row_id, "unverified"), analyst="lead")
        apply_change(session, SetStatus(row_id, status), analyst=analyst)


def test_stats_take_each_analysts_last_verdict_from_history(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    s1, s2, s3, s4 = sorted(row.id for row in rows.values())[:4]
    for analyst, row_id, status in [
        ("ana", s1, "confirmed"),
        ("bob", s1, "confirmed"),
        ("cy", s1, "confirmed"),
        ("ana", s2, "confirmed"),
        ("bob", s2, "confirmed"),
        ("bob", s2, "disputed"),  # bob changes his mind: his last verdict counts
        ("ana", s3, "disputed"),
        ("bob", s3, "disputed"),
        ("cy", s3, "confirmed"),
        ("ana", s4, "disputed"),
        ("bob", s4, "confirmed"),
        ("bob", s4, "unverified"),  # withdrawn: bob holds no verdict on s4
    ]:
        _judge(db, analyst, row_id, status)
    with db.reader() as session:
        stats = team_stats(session)
    by_pair = {p.analysts: p for p in stats.agreement}
    assert set(by_pair) == {("ana", "bob"), ("ana", "cy"), ("bob", "cy")}
    # ana/bob on s1-s3: (c,c) (c,d) (d,d); po = 2/3, pe = (2*1 + 1*2)/9 = 4/9 -> kappa 0.4.
    assert by_pair[("ana", "bob")].items == 3 and by_pair[("ana", "bob")].agreed == 2
    assert by_pair[("ana", "bob")].kappa == pytest.approx(0.4)
    # ana/cy on s1, s3: (c,c) (d,c); po = 1/2, pe = (1*2 + 1*0)/4 = 1/2 -> kappa 0.
    assert by_pair[("ana", "cy")].items == 2
    assert by_pair[("ana", "cy")].kappa == pytest.approx(0.0)
    # Coincidences: cc 3, cd 2, dc 2, dd 1; n = 8, nc = 5, nd = 3 -> 1 - 7*4/30 = 1/15.
    assert stats.alpha == pytest.approx(1 / 15)
    assert stats.alpha_items == 3
    progress = {a.analyst: (a.judged, a.confirmed, a.disputed) for a in stats.analysts}
    assert progress == {"ana": (4, 2, 2), "bob": (3, 1, 2), "cy": (2, 2, 0)}
    (source,) = stats.sources
    assert source.statements == len(rows) and source.done == 3  # s4 was set back to unverified


def test_cli_stats_json_lists_every_pair_with_items_and_kappa(run: Run) -> None:
    assert run("--analyst", "ana", "verdict", "1", "confirmed").code == 0
    assert run("--analyst", "ana", "verdict", "2", "disputed").code == 0
    assert run("--analyst", "lead", "verdict", "1", "unverified").code == 0
    assert run("--analyst", "bob", "verdict", "1", "confirmed").code == 0
    assert run("--analyst", "bob", "verdict", "2", "confirmed").code == 0
    outcome = run("stats", "--format", "json")
    assert outcome.code == 0, outcome.err
    record = json.loads(outcome.out)
    assert record["agreement"] == [
        {"analysts": ["ana", "bob"], "items": 2, "agreed": 1, "kappa": 0.0}
    ]
    table = run("stats")
    assert table.code == 0 and "ana / bob" in table.out and "0.000" in table.out


@pytest.fixture(autouse=True)
def _cli_database(request: pytest.FixtureRequest) -> None:
    if "run" in request.fixturenames:
        request.getfixturevalue("cli_db")
