"""ClaimReview JSON-LD: one review per claim, Google's required fields, never a denier as author."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from core.conftest import ACCUSATION, FOLLOW_UP, Outcome, run_cli

from workbench.db.engine import Database
from workbench.services.claims import list_claims

from .conftest import export_text

ORG_URL = "https://factcheck.example/reviews"


def reviews(db: Database, **options: object) -> list[dict[str, Any]]:
    return json.loads(export_text(db, "claimreview", **options))  # type: ignore[no-any-return]


def assert_valid(review: dict[str, Any]) -> None:
    """Required and recommended fields as Google documents them for ClaimReview."""
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and 0 < len(review["claimReviewed"]) <= 200
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"] in ("Confirmed", "Disputed", "Unverified")
    assert 1 <= rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert review["url"].startswith("https://")
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    for work in [*claim.get("appearance", []), claim.get("firstAppearance", {"url": "https://"})]:
        assert work["url"].startswith(("http://", "https://"))
    authors = claim.get("author", [])
    for author in authors if isinstance(authors, list) else [authors]:
        assert author["@type"] in ("Person", "Organization") and author["name"]


def test_one_review_per_claim_with_a_verdict(reviewed_db: Database) -> None:
    found = reviews(reviewed_db, organisation_url=ORG_URL, organisation="Desk")
    with reviewed_db.reader() as session:
        rated = [
            c
            for c in list_claims(session)
            if c.effective_verdict != "unverified" and not c.inconsistent
        ]
    assert len(found) == len(rated) > 0
    assert sorted(r["url"] for r in found) == sorted(f"{ORG_URL}#claim-{c.id}" for c in rated)
    for review in found:
        assert_valid(review)
        assert review["author"]["name"] == "Desk"


def test_unverified_only_when_asked(reviewed_db: Database) -> None:
    everything = reviews(reviewed_db, organisation_url=ORG_URL, include_unverified=True)
    assert len(everything) > len(reviews(reviewed_db, organisation_url=ORG_URL))
    assert {r["reviewRating"]["ratingValue"] for r in everything} == {1, 2, 3}


@pytest.fixture
def arms_db(tmp_path: Path) -> Path:
    """The seed story in two outlets, with URLs and dates: one claim carried twice."""
    db = tmp_path / "arms.db"
    for name, text, url, day in (
        ("a.txt", ACCUSATION, "https://news.example/a", "2026-03-02"),
        ("b.txt", FOLLOW_UP, "https://wire.example/b", "2026-03-01"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        args = ("--db", str(db), "ingest", str(tmp_path / name), "--url", url)
        assert run_cli(*args, "--published", day).code == 0
    return db


def _arms(path: Path) -> tuple[Database, int, list[Any]]:
    db = Database.open(str(path))
    with db.reader() as session:
        (claim,) = [c for c in list_claims(session) if "arms" in c.proposition]
    return db, claim.id, list(claim.live)


def test_the_claim_is_by_its_accuser_appears_in_both_sources_and_a_denial_rates_it(
    arms_db: Path,
) -> None:
    db, claim_id, statements = _arms(arms_db)
    denial = next(s for s in statements if s.stance == "denies")
    assert run_cli("--db", str(arms_db), "verdict", str(denial.id), "confirmed").code == 0
    (review,) = [r for r in reviews(db, organisation_url=ORG_URL) if "arms" in r["claimReviewed"]]
    assert_valid(review)
    claim = review["itemReviewed"]
    assert claim["author"] == {"@type": "Organization", "name": "United States"}  # not a denier
    assert [w["url"] for w in claim["appearance"]] == [
        "https://wire.example/b",  # published first
        "https://news.example/a",
    ]
    assert claim["firstAppearance"]["url"] == "https://wire.example/b"
    assert review["reviewRating"]["alternateName"] == "Disputed"  # the denial holds
    assert review["url"] == f"{ORG_URL}#claim-{claim_id}"


def test_an_inconsistent_claim_is_not_published_and_the_export_says_so(
    arms_db: Path, tmp_path: Path
) -> None:
    _db, claim_id, statements = _arms(arms_db)
    accusation = next(s for s in statements if s.stance == "asserts")
    denial = next(s for s in statements if s.stance == "denies")
    for statement in (accusation, denial):
        assert run_cli("--db", str(arms_db), "verdict", str(statement.id), "confirmed").code == 0
    out = tmp_path / "reviews.json"
    outcome: Outcome = run_cli(
        "--db", str(arms_db), "export", "--format", "claimreview", "-o", str(out)
    )
    assert outcome.code == 0, outcome.err
    assert not any("arms" in r["claimReviewed"] for r in json.loads(out.read_text()))
    assert "1 inconsistent claims were not exported" in outcome.err
    assert "reviews have no url" not in outcome.err or "organisation_url" in outcome.err


def test_without_organisation_url_no_review_borrows_the_articles_url(arms_db: Path) -> None:
    db, _claim_id, statements = _arms(arms_db)
    assert run_cli("--db", str(arms_db), "verdict", str(statements[0].id), "confirmed").code == 0
    found = reviews(db)
    assert found and all("url" not in r for r in found)


def _urls(node: object) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "url"] + [
            u for v in node.values() for u in _urls(v)
        ]
    if isinstance(node, list):
        return [u for v in node for u in _urls(v)]
    return []


def test_hostile_urls_and_names_stay_inert(hostile_db: Database) -> None:
    text = export_text(
        hostile_db, "claimreview", organisation_url="javascript:alert(1)", include_unverified=True
    )
    assert "\u202e" not in text  # direction overrides are shown, not obeyed
    assert "<" not in text  # safe to paste into <script type="application/ld+json">
    found = json.loads(text)
    assert all(url.startswith(("http://", "https://")) for url in _urls(found))
    hostile = [r for r in found if r["claimReviewed"].startswith(("<script>", "[click]"))]
    assert len(hostile) == 2  # two claims: the first two statements state one proposition
    for review in hostile:  # neither the organisation URL nor the source URL is http(s)
        assert "url" not in review and "appearance" not in review["itemReviewed"]
    assert all(len(r["claimReviewed"]) <= 200 for r in found)


def test_deterministic(hostile_db: Database) -> None:
    assert export_text(hostile_db, "claimreview") == export_text(hostile_db, "claimreview")


Run = Callable[..., Outcome]


def _report_after_a_confirmed_denial(arms_db: Path, out: Path) -> tuple[int, Any, str]:
    """North Korea's denial confirmed, then the report written to `out` (format by suffix)."""
    _db, claim_id, statements = _arms(arms_db)
    denial = next(s for s in statements if s.stance == "denies")
    assert run_cli("--db", str(arms_db), "verdict", str(denial.id), "confirmed").code == 0
    fmt = out.suffix.lstrip(".")
    assert run_cli("--db", str(arms_db), "export", "--format", fmt, "-o", str(out)).code == 0
    return claim_id, denial, out.read_text(encoding="utf-8")


def test_the_html_report_shows_the_claim_across_sources(arms_db: Path, tmp_path: Path) -> None:
    claim_id, _denial, html = _report_after_a_confirmed_denial(arms_db, tmp_path / "report.html")
    section = html[html.index(f'id="claim-{claim_id}"') :]
    section = section[: section.index("</article>")]
    assert "<td>asserts</td><td>United States</td>" in section
    assert "<td>denies</td><td>North Korea, Russia</td>" in section
    assert "disputed</strong> (implied by its statements)" in section
    assert "North Korea&#39;s denial holds: the claim is false" in section
    wire = section.index("https://wire.example/b")
    assert wire < section.index("https://news.example/a")
    assert "<em>first</em>" in section[wire : section.index("https://news.example/a")]


def test_the_markdown_report_shows_the_claim_and_says_each_verdict_in_words(
    arms_db: Path, tmp_path: Path
) -> None:
    claim_id, denial, text = _report_after_a_confirmed_denial(arms_db, tmp_path / "report.md")
    section = text[text.index(f"### Claim {claim_id}: ") : text.index("## Sources")]
    assert "Verdict: **disputed** (implied by its statements)" in section
    assert "| asserts | United States |" in section
    assert "| denies | North Korea, Russia |" in section
    wire, news = section.index("https://wire.example/b"), section.index("https://news.example/a")
    assert wire < news and "*first*" in section[wire:news]
    words = "North Korea's denial holds: the claim is false"
    assert f"North Korea denies: confirmed ({words})" in section
    statement = text[text.index(f"#### Statement {denial.id}: ") :]
    assert statement.split("\n\n")[2].count("North Korea's denial holds: the claim is false") == 1
