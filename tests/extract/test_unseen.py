"""Unseen-style articles (court, corporate denial, health, sports, Q&A, liveblog, wire,
fact check, politics): each expected (actor, stance, proposition) is produced. Articles in
``unseen_articles.py`` (first batch), ``unseen_articles_2.py`` and ``unseen_articles_3.py``
(each written after the previous batch's rules, before any rule for it).

Rows the engine does not get yet are listed in ``NOT_YET`` and expected to fail (strictly: a
row that starts passing must be taken off the list).
"""

from __future__ import annotations

import pytest

from workbench.extract import extract

from . import unseen_articles, unseen_articles_2, unseen_articles_3

ARTICLES = {
    **unseen_articles.ARTICLES,
    **unseen_articles_2.ARTICLES,
    **unseen_articles_3.ARTICLES,
}

NOT_YET: set[str] = {
    "election-0",
    "election-1",
    "celebrity-2",
}

CASES = [
    pytest.param(
        text,
        row,
        id=f"{name}-{n}",
        marks=[pytest.mark.xfail(strict=True)] if f"{name}-{n}" in NOT_YET else [],
    )
    for name, (text, rows) in ARTICLES.items()
    for n, row in enumerate(rows)
]


@pytest.mark.parametrize(("text", "row"), CASES)
def test_expected_statement_is_extracted(text: str, row: tuple[str, str, str]) -> None:
    got = [(s.actor, s.stance, s.proposition) for s in extract(text) if s.actor_kind != "outlet"]
    assert row in got


@pytest.mark.parametrize("name", list(ARTICLES))
def test_no_proposition_is_a_bare_reference(name: str) -> None:
    text, _ = ARTICLES[name]
    for s in extract(text):
        assert s.proposition.rstrip(".").lower() not in {"this", "that", "it", "the claims"}
