"""schema.org ClaimReview JSON-LD: one review per claim, rated by the claim's verdict.

A claim is one proposition across every source that carried it (`services.claims`). Its
verdict judges the proposition; where an analyst set none, the verdict its statements agree on
(a confirmed denial implies "Disputed"). `claimReviewed` is the proposition, the
`itemReviewed` Claim's `author` the actors who assert it (never one who only denies it), its
`appearance` every source with an http(s) URL, the earliest as `firstAppearance`. An
inconsistent claim (its verdicts contradict) is never published: the export counts it instead.

`url` is `organisation_url#claim-<id>`, the organisation's own page. Without one the review has
no `url` (never the article's: the review is not the article) and the CLI warns on stderr.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TextIO
from urllib.parse import urlsplit, urlunsplit

from sqlmodel import Session

from workbench.export.common import ExportOptions, iso, short
from workbench.export.json import dumps as _dumps
from workbench.services.claims import ClaimStatement, ClaimView, list_claims
from workbench.urls import safe_http_url

RATINGS = {
    "confirmed": (3, "Confirmed"),
    "unverified": (2, "Unverified"),
    "disputed": (1, "Disputed"),
}
WORST, BEST = 1, 3
CLAIM_MAX = 200  # claimReviewed is a short statement of the claim


_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})

# The same few source and organisation links and names recur in every review of a source (and
# of the export): checked and shortened once each, not once per statement.
_safe_url = lru_cache(maxsize=1024)(safe_http_url)
_name = lru_cache(maxsize=4096)(short)


def dumps(record: object) -> str:
    """JSON that is also safe inside <script type="application/ld+json">, where it is meant to
    go: a `</script>` in a claim cannot end the element (same value, escaped)."""
    return _dumps(record).translate(_HTML_SAFE)


def _without_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def review_url(options: ExportOptions, claim_id: int) -> str | None:
    safe = _safe_url(options.organisation_url) if options.organisation_url else None
    return f"{_without_fragment(safe)}#claim-{claim_id}" if safe else None


def _author(name: str | None, kind: str | None) -> dict[str, str] | None:
    if not name or kind == "unnamed" or name.startswith("("):
        return None
    return {"@type": "Person" if kind == "person" else "Organization", "name": _name(name, 200)}


def _appearances(view: ClaimView) -> list[dict[str, Any]]:
    """Each source once, earliest published first (undated last, then by id)."""
    seen: dict[int, ClaimStatement] = {}
    for statement in view.live:
        seen.setdefault(statement.source_id, statement)
    ordered = sorted(seen.values(), key=lambda s: (s.published is None, s.published, s.source_id))
    works = []
    for statement in ordered:
        url = _safe_url(statement.source_url) if statement.source_url else None
        if not url:
            continue
        work: dict[str, Any] = {"@type": "CreativeWork", "url": url}
        if statement.source_title:
            work["headline"] = _name(statement.source_title, 200)
        if statement.published:
            work["datePublished"] = iso(statement.published)
        works.append(work)
    return works


def claim_review(view: ClaimView, options: ExportOptions) -> dict[str, Any]:
    verdict = view.effective_verdict
    value, name = RATINGS[verdict]
    claim: dict[str, Any] = {"@type": "Claim"}
    authors = [a for s in view.asserters if (a := _author(s.actor, s.actor_kind))]
    if authors:
        claim["author"] = authors[0] if len(authors) == 1 else authors
    if works := _appearances(view):
        claim["appearance"] = works
        claim["firstAppearance"] = works[0]
        if "datePublished" in works[0]:
            claim["datePublished"] = works[0]["datePublished"]
    rating: dict[str, Any] = {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST,
        "worstRating": WORST,
        "alternateName": name,
    }
    if view.rationale:
        rating["ratingExplanation"] = short(view.rationale, 1000)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": short(view.proposition, CLAIM_MAX),
        "reviewRating": rating,
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": _name(options.organisation, 200)},
    }
    if org_url := _safe_url(options.organisation_url) if options.organisation_url else None:
        review["author"]["url"] = org_url
    if url := review_url(options, view.id):
        review["url"] = url
    return review


@dataclass
class ReviewCounts:
    """What the CLI warns about after a ClaimReview export."""

    written: int = 0
    without_url: int = 0
    inconsistent: int = 0

    def notices(self) -> list[str]:
        found = []
        if self.without_url:
            found.append(
                f"{self.without_url} reviews have no url: set organisation_url in the config "
                "file (the review's page on your site; an article's URL is not used)"
            )
        if self.inconsistent:
            found.append(
                f"{self.inconsistent} inconsistent claims were not exported: their verdicts "
                "contradict (`workbench claims --inconsistent`)"
            )
        return found


def _in_scope(view: ClaimView, options: ExportOptions) -> bool:
    sources = options.scope.statements.source_ids
    return not sources or any(s.source_id in sources for s in view.live)


def write_claimreview(session: Session, out: TextIO, options: ExportOptions) -> ReviewCounts:
    """Write a JSON array of ClaimReview objects, one per claim with a verdict."""
    counts = ReviewCounts()
    first = True
    out.write("[")
    for view in sorted(list_claims(session), key=lambda v: v.id):
        if not _in_scope(view, options):
            continue
        if view.inconsistent:
            counts.inconsistent += 1
            continue
        if view.effective_verdict == "unverified" and not options.include_unverified:
            continue
        review = claim_review(view, options)
        counts.written += 1
        counts.without_url += "url" not in review
        out.write(("\n" if first else ",\n") + dumps(review))
        first = False
    out.write("\n]\n" if not first else "]\n")
    return counts
