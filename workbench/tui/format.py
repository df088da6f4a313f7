"""How values look on screen: status marks that survive monochrome, times, cell-fitted text."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len, set_cell_size

from workbench.db.views import StatementRow
from workbench.invisible import CONTROL, INVISIBLE
from workbench.vocabulary import STATUS_MARKS

# A symbol and a word per status: colour helps, but the mark alone must tell them apart.
DISMISSED_MARK = "–"
STANCE_MARKS = {"asserts": "asserts", "denies": "denies", "questions": "questions"}


def status_label(row: StatementRow) -> str:
    if row.dismissed:
        return f"{DISMISSED_MARK} dismissed"
    return f"{STATUS_MARKS.get(row.status, '?')} {row.status}"


def status_style_name(row: StatementRow) -> str:
    return "dismissed" if row.dismissed else row.status


def counts_line(counts: dict[str, int]) -> str:
    """`○ 66 unverified · ✓ 3 confirmed · ✗ 1 disputed`."""
    order = ("unverified", "confirmed", "disputed")
    return " · ".join(f"{STATUS_MARKS[s]} {counts.get(s, 0):,} {s}" for s in order)


def _visible_table() -> dict[int, str]:
    """One visible character for each character that would steer the terminal instead of being
    shown (`workbench.invisible`): C0 controls as their control pictures, DEL as ␡, C1 controls
    and reordering characters as �; a tab becomes a space. One for one, so offsets stay true."""
    table = dict.fromkeys(INVISIBLE, "\ufffd")
    table |= {code: chr(0x2400 + code) for code in CONTROL if code < 0x20}  # ␀ … ␟
    table |= {0x7F: "␡", 0x09: " "}
    return table


_VISIBLE = _visible_table()


def visible(text: str) -> str:
    """`text` safe to put on the terminal, one character for one (article offsets stay true)."""
    if text.isascii() and text.isprintable():
        return text  # the common case, decided in C
    return text.translate(_VISIBLE)


def fit(text: str | None, width: int) -> str:
    """Exactly `width` cells of visible text: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    text = visible(text or "").replace("\n", " ")
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def when(moment: datetime | None) -> str:
    """Times are stored in UTC; show them in UTC with minutes, the same on every machine."""
    if moment is None:
        return ""
    return moment.strftime("%Y-%m-%d %H:%M")


def columns(width: int, held: bool = False) -> list[tuple[str, int]]:
    """Column names and widths for a list this wide; narrow terminals drop cue and source.
    `held` adds who holds each row, once the work is split (no empty column before that)."""
    holder = [("held", 8)] if held else []
    if width >= 100:
        fixed = [("status", 12), ("speaker", 18), ("stance", 9), ("cue", 10), *holder]
        source = 22
        content = max(10, width - sum(w for _, w in fixed) - source - len(fixed) - 1)
        return [*fixed, ("claim", content), ("source", source)]
    fixed = [("status", 12), ("speaker", 14), ("stance", 9), *holder]
    content = max(10, width - sum(w for _, w in fixed) - len(fixed))
    return [*fixed, ("claim", content)]


def cell(row: StatementRow, name: str) -> str:
    if name == "status":
        return status_label(row)
    if name == "speaker":
        speaker = row.speaker or row.actor or ""
        if row.actor and row.speaker and row.actor != row.speaker:
            return f"{row.speaker} ({row.actor})"
        return speaker
    if name == "source":
        return row.source_title
    if name == "held":  # who holds it for review (the work split)
        return row.holder or ""
    if name == "claim":  # the proposition: the content fragment may read "the claims"
        return row.proposition or row.content
    value = getattr(row, name)
    return "" if value is None else str(value)
