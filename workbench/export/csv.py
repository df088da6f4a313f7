"""CSV: one row per statement for spreadsheets (RFC 4180 via the csv module, UTF-8, a header row).

A cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return)
gets a leading apostrophe; invisible control and direction-override characters are shown as
[U+XXXX] so a cell cannot pretend to say something else.

Speed: the source's cells are made once per source, and a row whose text is all plain printable
ASCII (nearly all of them) only needs the formula check on each cell; anything else takes the
full `neutralise`. Rows are written a source at a time.
"""

from __future__ import annotations

import csv
from typing import TextIO

from sqlmodel import Session

from workbench.export.common import ExportOptions, http_url, iso, show_invisible
from workbench.services.reporting import ExportedStatement, SourceGroup, iter_source_groups

COLUMNS = (
    "id", "key", "source_id", "source_sha256", "source_title", "source_url", "outlet",
    "published", "actor", "speaker", "cue", "stance", "content", "proposition", "sentence",
    "claim_group", "status", "updated_by", "updated_at", "evidence", "dismissed",
)  # fmt: skip

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(_FORMULA_STARTS)


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


def _neutralised(texts: list[str]) -> list[str]:
    """`neutralise` on each of a row's text cells, deciding the common case once per row."""
    joined = "".join(texts)
    if joined.isascii() and joined.isprintable():  # so is every part: no tab, no CR, no control
        return ["'" + text if text[:1] in _FORMULA_FIRST else text for text in texts]
    return [neutralise(text) for text in texts]


def _source_cells(group: SourceGroup) -> list[str]:
    source = group.source
    cells = (source.id, source.sha256, source.title, source.url, source.outlet)
    return [neutralise(cell) for cell in (*cells, iso(source.published))]


def _row(group: SourceGroup, source_cells: list[str], item: ExportedStatement) -> list[str]:
    row = item.row
    links = (http_url(e.url) for e in item.evidence)
    key, actor, speaker, cue, stance, content, proposition, sentence, *rest = _neutralised(
        [
            row.key,
            row.actor or "",
            row.speaker or "",
            row.cue or "",
            row.stance,
            row.content,
            row.proposition,
            group.text[row.sentence_start : row.sentence_end],
            row.status,
            row.updated_by or "",
            row.updated_at or "",
            " ".join(link for link in links if link) if item.evidence else "",
        ]
    )
    status, updated_by, updated_at, evidence = rest
    return [
        str(row.id),
        key,
        *source_cells,
        actor,
        speaker,
        cue,
        stance,
        content,
        proposition,
        sentence,
        str(row.claim_group),
        status,
        updated_by,
        updated_at,
        evidence,
        "true" if row.dismissed else "false",
    ]


def write_csv(session: Session, out: TextIO, options: ExportOptions) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for group in iter_source_groups(session, options.scope, evidence=True):
        source_cells = _source_cells(group)
        writer.writerows([_row(group, source_cells, item) for item in group.statements])
