"""Metadata given on the command line or in JSONL, checked once for every format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.errors import InvalidInput
from workbench.urls import require_http_url

if TYPE_CHECKING:  # datetime is loaded when a date is given (most articles have none)
    from datetime import date


@dataclass(frozen=True)
class Metadata:
    """What the user said about a source; a value here wins over what the file says."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None


def parse_date(value: object, *, where: str) -> date | None:
    """YYYY-MM-DD or an ISO 8601 timestamp; empty means unknown."""
    if value is None or value == "":
        return None
    from datetime import date, datetime

    if not isinstance(value, str):
        raise InvalidInput("published must be a date string like 2024-03-01", where=where)
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InvalidInput(
            f"not a date: {text!r}", where=where, hint="use YYYY-MM-DD, e.g. 2024-03-01"
        ) from None


def parse_url(value: object, *, where: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidInput(
            f"not an http(s) link: {value!r}", where=where, hint="give the article's http(s) URL"
        )
    require_http_url(value, where=where)  # says what is wrong: the scheme, the length…
    return value.strip()


def optional_text(value: object, *, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput("must be a string", where=where)
    return value.strip() or None
