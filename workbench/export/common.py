"""What every export format shares: UTC timestamps, inert text, and the options of one export."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from workbench.invisible import show_invisible
from workbench.services.reporting import ExportScope
from workbench.urls import MAX_URL_LENGTH, safe_http_url

# Links this plain come back from `safe_http_url` exactly as they are: a lower-case http(s) scheme,
# a host of letters, digits, dots and hyphens, and a path of unreserved characters; no port, user,
# query, fragment, space or control character. Everything else is parsed by `safe_http_url`.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/%-]*)?")


@dataclass(frozen=True)
class ExportOptions:
    """One export: what it covers and who publishes it."""

    scope: ExportScope = ExportScope()
    organisation: str = "Workbench fact-check desk"
    organisation_url: str = ""
    include_unverified: bool = False  # ClaimReview only: also export statements without verdict


def http_url(url: str | None) -> str | None:
    """`safe_http_url` without parsing the plain links most evidence has (a test checks that
    both agree): parsing costs more than the rest of a CSV row."""
    if not url:
        return None
    if len(url) <= MAX_URL_LENGTH and _PLAIN_URL.fullmatch(url):
        return url
    return safe_http_url(url)


def utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def iso(value: datetime | date | str | None) -> str | None:
    """One spelling for every timestamp, so two exports of one database are byte-identical.

    Text is taken as already spelled: the export walk reads timestamps as this same ISO text
    (`workbench.services.reporting.stamp_reader`).
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        stamped = utc(value)
        assert stamped is not None
        return stamped.isoformat(timespec="microseconds")
    return value.isoformat()


def one_line(text: str | None) -> str:
    """Inert text on one line: invisible characters shown, whitespace runs collapsed."""
    if not text:
        return ""
    if text.isascii() and text.isprintable() and "  " not in text:  # no tab, newline, control
        return text.strip(" ")
    return " ".join(show_invisible(text).split())


def short(text: str | None, width: int) -> str:
    cleaned = one_line(text)
    return cleaned if len(cleaned) <= width else cleaned[: width - 1].rstrip() + "…"


def when(value: str | None) -> str:
    """A timestamp (UTC ISO text, as the export walk reads it) as a reader wants it: minutes,
    UTC, stated. Reports for people use this; JSON and CSV keep the full ISO text."""
    return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M UTC") if value else ""
