"""`?`: every key, grouped by where it works, as remapped by the config's [keymap]."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.tui.keys import KeyEntry


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 100; max-width: 100%; height: 90%; border: thick $primary; background: $panel;
        padding: 0 1;
    }
    """
    BINDINGS = [
        Binding(
            "escape,question_mark,q",
            "close",
            "Close help",
            id="help-close",
            tooltip="Back to the review screen",
        ),
    ]

    def __init__(self, entries: Iterable[KeyEntry]) -> None:
        super().__init__()
        self.entries = list(entries)

    def compose(self) -> ComposeResult:
        parts: list[Content | str | tuple[str, str]] = [
            ("Keys", "bold"),
            (
                "  (remap any of them by id in the [keymap] table of the config "
                "file; ctrl+p finds every action by name)",
                "$text-muted",
            ),
            "\n",
        ]
        for area, entries in groupby(self.entries, key=lambda e: e.area):
            parts += ["\n", (area, "bold underline"), "\n"]
            for entry in entries:
                keys = entry.keys.replace("question_mark", "?").replace("slash", "/")
                parts += [
                    (f"  {keys:<18}", "bold $accent"),
                    f"{entry.description:<18}",
                    (f"{entry.tooltip}  ", ""),
                    (f"[{entry.id}]", "$text-muted"),
                    "\n",
                ]
        with VerticalScroll():
            yield Static(Content.assemble(*parts), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
