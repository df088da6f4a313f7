"""The filter dialog: status, stance, actor, source, analyst and search together."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Select, Static

from workbench.errors import InvalidInput
from workbench.services.statements import StatementFilter
from workbench.tui.modals.base import FormModal
from workbench.vocabulary import STANCES, STATUSES


class FilterForm(FormModal[StatementFilter]):
    def __init__(self, current: StatementFilter) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        flt = self.current
        with Vertical(classes="form"):
            yield Label("Filter statements (empty means any)", classes="form-title")
            yield Select(
                [(s, s) for s in STATUSES],
                value=flt.statuses[0] if flt.statuses else Select.NULL,
                prompt="any status",
                id="filter-status",
            )
            yield Select(
                [(s, s) for s in STANCES],
                value=flt.stances[0] if flt.stances else Select.NULL,
                prompt="any stance",
                id="filter-stance",
            )
            yield Input(", ".join(flt.actors), placeholder="actor name or alias", id="filter-actor")
            yield Input(
                ", ".join(map(str, flt.source_ids)), placeholder="source id", id="filter-source"
            )
            yield Input(
                flt.analyst or "", placeholder="last changed by analyst", id="filter-analyst"
            )
            yield Input(flt.search, placeholder='search words or "a phrase"', id="filter-search")
            # Dismissed statements are hidden by default; this finds one again (x restores it).
            yield Checkbox(
                "include dismissed statements", flt.include_dismissed, id="filter-dismissed"
            )
            yield Static("", classes="form-error")
            yield Static("enter applies · escape cancels", classes="form-hint")

    def check(self) -> StatementFilter | None:
        def text(name: str) -> str:
            return self.query_one(f"#filter-{name}", Input).value.strip()

        status = self.query_one("#filter-status", Select).value
        stance = self.query_one("#filter-stance", Select).value
        sources = [s.strip() for s in text("source").split(",") if s.strip()]
        # isdigit() alone lets "²" through (int() refuses it); SQLite stops at 2**63.
        if not all(s.isascii() and s.isdigit() and len(s) <= 18 for s in sources):
            self.show_error("Source must be a number (the id in the sources list).")
            return None
        try:
            return replace(
                self.current,
                statuses=(str(status),) if status != Select.NULL else (),
                stances=(str(stance),) if stance != Select.NULL else (),
                actors=tuple(a.strip() for a in text("actor").split(",") if a.strip()),
                source_ids=tuple(int(s) for s in sources),
                analyst=text("analyst") or None,
                search=text("search"),
                include_dismissed=self.query_one("#filter-dismissed", Checkbox).value,
            )
        except InvalidInput as error:
            self.show_error(error.one_line())
            return None
