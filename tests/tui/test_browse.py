"""The TUI's search pages give exactly the service's rows, on every plan browse can pick."""

from __future__ import annotations

import pytest

from workbench.services import browse
from workbench.services.statements import StatementFilter, last_statements, list_statements

SEARCHES = ["ceasefire", "port", "the", "denied river", '"far too low"', "zzz", "Lopez talks"]


@pytest.mark.parametrize("dense", [browse.DENSE, 1])
def test_pages_match_the_service(review_db, monkeypatch, dense):
    monkeypatch.setattr(browse, "DENSE", dense)  # 1: every term counts as common
    for words in SEARCHES:
        for flt in (
            StatementFilter(search=words),
            StatementFilter(search=words, stances=("denies",)),
        ):
            with review_db.reader() as session:
                expected = [r.id for r in list_statements(session, flt, limit=3)]
                assert [r.id for r in browse.list_page(session, flt, limit=3)] == expected
                after = expected[0] if expected else 0
                expected = [r.id for r in list_statements(session, flt, after_id=after, limit=3)]
                got = browse.list_page(session, flt, after_id=after, limit=3)
                assert [r.id for r in got] == expected
                expected = [r.id for r in last_statements(session, flt, limit=2)]
                assert [r.id for r in browse.last_page(session, flt, limit=2)] == expected


def test_counts_stop_when_no_longer_wanted(review_db, monkeypatch):
    monkeypatch.setattr(browse, "PROGRESS_STEPS", 1)
    with review_db.reader() as session:
        counts, unverified = browse.interruptible_counts(
            session, StatementFilter(), should_stop=lambda: False
        )
    assert counts["unverified"] == unverified == 9
    with pytest.raises(browse.Interrupted), review_db.reader() as session:
        browse.interruptible_counts(
            session, StatementFilter(statuses=("confirmed",)), should_stop=lambda: True
        )
