"""The rows of a virtual list that the database pages in: which rows are known, which to fetch.

Pure Python (no Textual, no database) so the paging rules are unit-tested on their own. Positions
are 0-based indexes into the filtered statement list; a million-row list keeps only a few thousand
rows around the cursor, fetched by keyset (`after`/`before` a known id) whenever a neighbour is
known, and by offset only for jumps where none is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from workbench.db.views import StatementRow

FetchKind = Literal["after", "before", "offset", "around", "last"]
PAGE = 200
KEEP = 4000  # rows kept in memory; beyond that the ones farthest from the cursor go


@dataclass(frozen=True)
class Fetch:
    """One page to read. `position` is where the first row goes (for `before`, `last` and
    `around`: see `RowWindow.put`). `anchor_id` is the known neighbour (or the target id)."""

    kind: FetchKind
    position: int
    limit: int = PAGE
    anchor_id: int | None = None


class RowWindow:
    """Known rows by position, plus the total once the database has counted it."""

    def __init__(self) -> None:
        self.rows: dict[int, StatementRow] = {}
        self.positions: dict[int, int] = {}  # statement id -> position
        self.total: int | None = None
        self.any_held = False  # a loaded row is held by someone: show the "held" column

    def clear(self) -> None:
        self.rows.clear()
        self.positions.clear()
        self.total = None
        self.any_held = False

    @property
    def extent(self) -> int:
        """How many lines the list should have: the total, or what is known plus one to fetch."""
        if self.total is not None:
            return self.total
        if not self.rows:
            return 1
        return max(self.rows) + 2

    def get(self, position: int) -> StatementRow | None:
        return self.rows.get(position)

    def position_of(self, statement_id: int) -> int | None:
        return self.positions.get(statement_id)

    def row_of(self, statement_id: int) -> StatementRow | None:
        position = self.positions.get(statement_id)
        return None if position is None else self.rows.get(position)

    def _place(self, position: int, row: StatementRow) -> None:
        old = self.rows.get(position)
        if old is not None and self.positions.get(old.id) == position:
            del self.positions[old.id]
        previous = self.positions.get(row.id)
        if previous is not None and previous != position:
            self.rows.pop(previous, None)
        self.rows[position] = row
        self.positions[row.id] = position
        self.any_held = self.any_held or bool(row.holder)

    def put(self, fetch: Fetch, rows: list[StatementRow], anchor_index: int = 0) -> None:
        """Store a fetched page where it belongs; a short forward page reveals the total."""
        if fetch.kind == "before":
            start = max(0, fetch.position - len(rows))
        elif fetch.kind == "last":
            start = max(0, (self.total or len(rows)) - len(rows))
        elif fetch.kind == "around":
            start = max(0, fetch.position - anchor_index)
        else:
            start = fetch.position
        for offset, row in enumerate(rows):
            self._place(start + offset, row)
        if fetch.kind in ("after", "offset") and len(rows) < fetch.limit and self.total is None:
            self.total = start + len(rows)

    def replace(self, row: StatementRow) -> int | None:
        """A row changed (a verdict, an edit): update it in place if it is loaded."""
        position = self.positions.get(row.id)
        if position is not None:
            shown = self.rows.get(position)
            if row.holder is None and shown is not None:  # a write's row: holder not read
                row = replace(row, holder=shown.holder)
            self.rows[position] = row
            self.any_held = self.any_held or bool(row.holder)
        return position

    def plan(self, start: int, end: int) -> Fetch | None:
        """The fetch that fills the first gap in [start, end), preferring keyset over offset."""
        end = min(end, self.extent)
        start = max(0, start)
        missing = [p for p in range(start, end) if p not in self.rows]
        if not missing:
            return None
        first, last = missing[0], missing[-1]
        if first == 0:
            return Fetch("after", 0, max(PAGE, last + 1))
        if (before := self.rows.get(first - 1)) is not None:
            return Fetch("after", first, max(PAGE, last + 1 - first), before.id)
        if (after := self.rows.get(last + 1)) is not None:
            return Fetch("before", last + 1, max(PAGE, last + 1 - first), after.id)
        return Fetch("offset", first, max(PAGE, last + 1 - first))

    def evict(self, centre: int) -> None:
        """Forget the rows farthest from `centre` once more than KEEP are held."""
        if len(self.rows) <= KEEP:
            return
        keep = sorted(self.rows, key=lambda p: abs(p - centre))[: KEEP // 2]
        kept = set(keep)
        for position in [p for p in self.rows if p not in kept]:
            row = self.rows.pop(position)
            if self.positions.get(row.id) == position:
                del self.positions[row.id]

    def next_unverified(self, position: int, limit: int = 1000) -> int | None:
        """The next loaded unverified row after `position`, if the rows up to it are loaded."""
        for candidate in range(position + 1, position + 1 + limit):
            row = self.rows.get(candidate)
            if row is None:
                return None
            if row.status == "unverified" and not row.dismissed:
                return candidate
        return None
