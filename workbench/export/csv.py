"""CSV: one row per statement for spreadsheets (RFC 4180 via the csv module, UTF-8, a header row).

A cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return)
gets a leading apostrophe; invisible control and direction-override characters are shown as
[U+XXXX] so a cell cannot pretend to say something else.
"""

from __future__ import annotations

import csv
from typing import TextIO

from sqlmodel import Session

from workbench.export.common import ExportOptions, iso, show_invisible
from workbench.services.reporting import ExportedStatement, SourceGroup, iter_source_groups
from workbench.urls import safe_http_url

COLUMNS = (
    "id", "key", "source_id", "source_sha256", "source_title", "source_url", "outlet",
    "published", "actor", "speaker", "cue", "stance", "content", "proposition", "sentence",
    "claim_group", "status", "updated_by", "updated_at", "evidence", "dismissed",
)  # fmt: skip

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """A cell as text that no spreadsheet evaluates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return str(value)
    if value.isascii() and value.isprintable():
        return "'" + value if value.startswith(_FORMULA_STARTS) else value
    prefix = "'" if value.startswith(_FORMULA_STARTS) else ""
    return prefix + show_invisible(value.replace("\r\n", "\n").replace("\r", "\n"))


def _cells(group: SourceGroup, item: ExportedStatement) -> list[object]:
    row, source = item.row, group.source
    links = (safe_http_url(e.url) for e in item.evidence)
    return [
        row.id,
        row.key,
        source.id,
        source.sha256,
        source.title,
        source.url,
        source.outlet,
        iso(source.published),
        row.actor,
        row.speaker,
        row.cue,
        row.stance,
        row.content,
        row.proposition,
        group.text[row.sentence_start : row.sentence_end],
        row.claim_group,
        row.status,
        row.updated_by,
        iso(row.updated_at),
        " ".join(link for link in links if link),
        row.dismissed,
    ]


def write_csv(session: Session, out: TextIO, options: ExportOptions) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for group in iter_source_groups(session, options.scope, evidence=True):
        for item in group.statements:
            writer.writerow([neutralise(cell) for cell in _cells(group, item)])
