"""The exporters' fast paths give exactly what the slow, general code gives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from markupsafe import escape
from sqlalchemy.dialects import sqlite

from workbench.export.common import http_url, iso
from workbench.export.html import escape_text
from workbench.services.reporting import stamp_reader
from workbench.urls import safe_http_url

from .conftest import HOSTILE, HOSTILE_URLS

URLS = (
    *HOSTILE_URLS,
    "https://example.org/report",
    "http://example.org",
    "https://example.org/",
    "HTTPS://example.org/a",
    "https://Example.ORG/Mixed/Case",
    "https://example.org:8443/port",
    "https://example.org:99999/bad-port",
    "https://example.org/a?b=c#d",
    "https://example.org/a#",
    "https://example.org/a?",
    "https://example.org//double//slash",
    "https://example.org/%41%zz",
    "https://user@example.org/",
    "https:///no-host",
    "https://./dot",
    "https://exa mple.org/",
    "https://example.org/\u202eevil",
    "https://example.org/ünïcode",
    "ftp://example.org/file",
    "https://" + "a" * 3000,
    "",
)


@pytest.mark.parametrize("url", URLS)
def test_http_url_agrees_with_safe_http_url(url: str) -> None:
    assert http_url(url) == safe_http_url(url)


@pytest.mark.parametrize(
    "stored",
    [
        "2026-05-01 12:00:00.000000",
        "2026-05-01 12:00:00.123456",
        "2026-05-01 12:00:00",
        "2026-05-01 12:00:00.5",
        "0999-01-02 03:04:05.000006",
    ],
)
def test_sqlite_text_is_spelled_like_the_datetime(stored: str) -> None:
    """SQLite's stored text, re-punctuated, equals the column type's datetime in ISO form."""
    from workbench.db.models import UTCDateTime

    dialect = sqlite.dialect()
    convert = UTCDateTime()._cached_result_processor(dialect, None)
    assert stamp_reader(dialect)(stored) == iso(convert(stored))


def test_datetimes_are_spelled_in_utc() -> None:
    spell = stamp_reader(sqlite.dialect())
    moment = datetime(2026, 5, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    assert spell(moment) == "2026-05-01T12:00:00.000000+00:00" == iso(moment)
    assert spell(datetime(2026, 5, 1, 12)) == iso(datetime(2026, 5, 1, 12, tzinfo=UTC))
    assert spell(None) is None


@pytest.mark.parametrize("text", [*HOSTILE, "plain", "", "a & b < c > d 'e' \"f\"", "&amp;"])
def test_escape_text_is_what_autoescape_writes(text: str) -> None:
    assert escape_text(text) == str(escape(text))
