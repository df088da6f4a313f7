"""The top line: which database, which analyst, how many still unverified, the last save."""

from __future__ import annotations

from textual.widgets import Static


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; color: $text; padding: 0 1; }
    StatusLine.-read-only { background: $error; color: $text; text-style: bold; }
    """

    def __init__(self, location: str, analyst: str, read_only: bool, *, id: str | None = None):
        super().__init__("", id=id, markup=False)
        self.location, self.analyst, self.read_only = location, analyst, read_only
        self.unverified: int | None = None
        self.message = ""
        self.others = ""  # who else is working here now
        self.set_class(read_only, "-read-only")

    def on_mount(self) -> None:
        self._draw()

    def set_unverified(self, count: int | None) -> None:
        self.unverified = count
        self._draw()

    def set_others(self, others: str) -> None:
        if others != self.others:
            self.others = others
            self._draw()

    def say(self, message: str) -> None:
        self.message = message
        self._draw()

    def _draw(self) -> None:
        unverified = "counting…" if self.unverified is None else f"{self.unverified:,} unverified"
        parts = [f"workbench · {self.location}", f"analyst {self.analyst}", unverified]
        if self.read_only:
            parts.insert(0, "READ-ONLY: changes are disabled")
        if self.others:
            parts.append(f"also here: {self.others}")
        if self.message:
            parts.append(self.message)
        self.update(" │ ".join(parts), layout=False)  # one fixed line: no relayout
