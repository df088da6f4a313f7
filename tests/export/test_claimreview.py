"""ClaimReview JSON-LD: Google's required fields, and never a denier as the claim's author."""

from __future__ import annotations

import json
from typing import Any

from workbench.db.engine import Database
from workbench.services.statements import StatementFilter, list_statements

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
    if "author" in claim:
        assert claim["author"]["@type"] in ("Person", "Organization") and claim["author"]["name"]


def test_one_review_per_verdict_with_every_required_field(reviewed_db: Database) -> None:
    found = reviews(reviewed_db, organisation_url=ORG_URL, organisation="Desk")
    assert len(found) == 3
    for review in found:
        assert_valid(review)
        assert review["url"].startswith(ORG_URL + "#statement-")
        assert review["author"]["name"] == "Desk"
    assert {r["reviewRating"]["alternateName"] for r in found} == {"Confirmed", "Disputed"}


def test_unverified_only_when_asked(reviewed_db: Database) -> None:
    everything = reviews(reviewed_db, organisation_url=ORG_URL, include_unverified=True)
    assert len(everything) > 3
    assert {r["reviewRating"]["ratingValue"] for r in everything} == {1, 2, 3}


def test_a_denier_is_never_the_author(reviewed_db: Database) -> None:
    with reviewed_db.reader() as session:
        rows = list_statements(session, StatementFilter(stances=("denies",)), limit=1000)
        asserters = {
            (r.source_id, r.claim_group): r.actor
            for r in list_statements(session, StatementFilter(stances=("asserts",)), limit=1000)
        }
    deniers = {r.actor for r in rows}
    denial = next(r for r in rows if r.status == "disputed")
    found = reviews(reviewed_db, organisation_url=ORG_URL)
    by_url = {r["url"].rsplit("-", 1)[1]: r for r in found}
    review = by_url[denial.key]
    author = review["itemReviewed"].get("author")
    expected = asserters.get((denial.source_id, denial.claim_group))
    assert (author or {}).get("name") == expected
    for r in found:
        assert r["itemReviewed"].get("author", {}).get("name") not in deniers - set(
            asserters.values()
        )


def test_without_organisation_url_the_source_url_carries_the_fragment(
    reviewed_db: Database,
) -> None:
    for review in reviews(reviewed_db):
        claim = review["itemReviewed"]
        if "url" in review:
            assert review["url"].split("#")[0] == claim["firstAppearance"]["url"].split("#")[0]
        else:
            assert "appearance" not in claim  # no http(s) source URL: nothing to point at


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
    assert len(hostile) == 3
    for review in hostile:  # neither the organisation URL nor the source URL is http(s)
        assert "url" not in review and "appearance" not in review["itemReviewed"]
    assert all(len(r["claimReviewed"]) <= 200 for r in found)


def test_deterministic(hostile_db: Database) -> None:
    assert export_text(hostile_db, "claimreview") == export_text(hostile_db, "claimreview")
