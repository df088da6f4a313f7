"""What every reader produces: one article's exact text and its metadata."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # an annotation only: datetime is loaded when a date is parsed
    from datetime import date


@dataclass(frozen=True)
class Document:
    """An article ready to store. `text` is exactly what statement offsets will point into."""

    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    format: str = "text"  # text | md | html | jsonl
    origin: str | None = None  # the file (and line, for JSONL) it came from
    notice: str | None = None  # something the user should know, e.g. "decoded as cp1252"
