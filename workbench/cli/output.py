"""Output for people (Rich tables) and for programs (JSONL, CSV), from the same rows."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from workbench.invisible import escape_json_text
from workbench.vocabulary import STATUS_MARKS


def json_default(value: object) -> object:
    from datetime import date, datetime  # here: `workbench extract` never needs it

    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_jsonl(records: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line on standard output (whatever `sys.stdout` is right now)."""
    encode = json.JSONEncoder(ensure_ascii=False, default=json_default).encode  # built once
    write = sys.stdout.write
    for record in records:
        write(escape_json_text(encode(record)) + "\n")


def write_csv(records: Iterable[dict[str, Any]], columns: Sequence[str]) -> None:
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _csv_cell(record.get(k)) for k in columns})


def _csv_cell(value: object) -> str:
    """A cell spelled as `workbench export --format csv` spells it, so the two CSVs agree.

    Timestamps are ISO 8601 UTC with a `T`, booleans `true`/`false`, and text is neutralised
    against spreadsheet formulas with invisible characters shown (`workbench.export.csv`).
    """
    from datetime import date, datetime

    from workbench.export.common import iso
    from workbench.export.csv import neutralise

    if isinstance(value, datetime | date):
        return iso(value) or ""
    return neutralise(value)


def console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def shorten(text: str | None, width: int) -> str:
    """One line of at most `width` characters; invisible characters shown as [U+XXXX]."""
    if not text:
        return ""
    from workbench.invisible import show_invisible

    text = " ".join(show_invisible(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cell(text: str | None, width: int = 10_000) -> Any:
    """A table cell of stored text: shortened, and never read as Rich markup (an article
    holding "[/]" would otherwise crash the table, and "[bold]" restyle it)."""
    from rich.text import Text

    return Text(shorten(text, width))


STATUS_STYLE = {"confirmed": "green", "disputed": "red", "unverified": "yellow"}


def status_label(status: str) -> str:
    return f"[{STATUS_STYLE.get(status, '')}]{STATUS_MARKS.get(status, ' ')} {status}[/]"


def status_symbol(status: str) -> str:
    """The status as one coloured symbol: still readable on a monochrome terminal."""
    return f"[{STATUS_STYLE.get(status, '')}]{STATUS_MARKS.get(status, ' ')}[/]"
