"""schema.org ClaimReview JSON-LD, one object per statement with a verdict.

The status of a statement is read as the verdict on its proposition (the extractor stores a
denial's proposition in its asserted form: "North Korea supplied shells", not "… did not"). The
`itemReviewed` Claim's author is the actor who *asserts* the proposition: for a denying or
questioning statement, the asserting actor of the same claim group in the same source, else no
author at all. An actor who denies a claim is never exported as its author.

`url` (required) is `organisation_url#statement-<key>` when the config sets `organisation_url`,
else the source's URL with that fragment; when neither is an http(s) URL the review has no `url`
and the CLI says how many.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TextIO
from urllib.parse import urlsplit, urlunsplit

from sqlmodel import Session

from workbench.export.common import ExportOptions, iso, short
from workbench.export.json import dumps as _dumps
from workbench.services.reporting import ExportedStatement, SourceGroup, claim_positions
from workbench.services.reporting import iter_source_groups as _groups
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


def review_url(options: ExportOptions, source_url: str | None, key: str) -> str | None:
    for base in (options.organisation_url, source_url):
        safe = _safe_url(base) if base else None
        if safe:
            return f"{_without_fragment(safe)}#statement-{key}"
    return None


def _author(name: str | None, kind: str | None) -> dict[str, str] | None:
    if not name or kind == "unnamed" or name.startswith("("):
        return None
    return {"@type": "Person" if kind == "person" else "Organization", "name": _name(name, 200)}


def _claim_author(
    item: ExportedStatement, asserters: dict[int, tuple[str | None, str | None]]
) -> dict[str, str] | None:
    row = item.row
    if row.stance == "asserts":
        return _author(row.actor, row.actor_kind)
    name, kind = asserters.get(row.claim_group, (None, None))
    return _author(name, kind)


def _decided_on(item: ExportedStatement) -> str | None:
    events = [h for h in item.history if h.field == "status" and h.new == item.row.status]
    stamp = events[-1].at if events else item.row.updated_at
    return stamp[:10] if stamp else None  # the UTC day of an ISO timestamp


def claim_review(
    group: SourceGroup,
    item: ExportedStatement,
    options: ExportOptions,
    asserters: dict[int, tuple[str | None, str | None]],
) -> dict[str, Any]:
    row, source = item.row, group.source
    value, name = RATINGS[row.status]
    claim: dict[str, Any] = {"@type": "Claim"}
    if author := _claim_author(item, asserters):
        claim["author"] = author
    if source.published:
        claim["datePublished"] = iso(source.published)
    if source_url := _safe_url(source.url) if source.url else None:
        work: dict[str, Any] = {"@type": "CreativeWork", "url": source_url}
        if source.title:
            work["headline"] = _name(source.title, 200)
        if source.published:
            work["datePublished"] = iso(source.published)
        claim["appearance"] = [work]
        claim["firstAppearance"] = work
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": short(row.proposition or row.content, CLAIM_MAX),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": name,
        },
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": _name(options.organisation, 200)},
    }
    if org_url := _safe_url(options.organisation_url) if options.organisation_url else None:
        review["author"]["url"] = org_url
    if url := review_url(options, source.url, row.key):
        review["url"] = url
    if decided := _decided_on(item):
        review["datePublished"] = decided
    return review


def _asserters(session: Session, group: SourceGroup) -> dict[int, tuple[str | None, str | None]]:
    found: dict[int, tuple[str | None, str | None]] = {}
    claims = group.positions
    if claims is None:
        claims = claim_positions(session, group.source.id)
    for number, positions in claims.items():
        for position in positions:
            if position.stance == "asserts" and position.actor:
                found[number] = (position.actor, position.actor_kind)
                break
    return found


def write_claimreview(session: Session, out: TextIO, options: ExportOptions) -> int:
    """Write a JSON array of ClaimReview objects; returns how many lack a `url`."""
    asked = options.include_unverified or "unverified" in options.scope.statements.statuses
    statuses = ("confirmed", "disputed") + (("unverified",) if asked else ())
    missing_url = 0
    first = True
    out.write("[")
    for group in _groups(session, options.scope, history=True, positions=True):
        asserters: dict[int, tuple[str | None, str | None]] | None = None
        for item in group.statements:
            if item.row.status not in statuses:
                continue
            if asserters is None:
                asserters = _asserters(session, group)
            review = claim_review(group, item, options, asserters)
            missing_url += "url" not in review
            out.write(("\n" if first else ",\n") + dumps(review))
            first = False
    out.write("\n]\n" if not first else "]\n")
    return missing_url
