"""The bottom line of main keys, drawn once from the screen's bindings (as remapped).

Textual's Footer rebuilds one widget per key on every focus change; on this screen that cost
~0.5 s per search on a loaded 2-core machine, so the hint line is a single Static instead. `?`
lists every key and ctrl+p finds every action.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, bindings: list[Binding], *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.bindings = bindings

    def on_mount(self) -> None:
        keymap = getattr(self.app, "keymap_overrides", {})
        parts: list[Content | str | tuple[str, str]] = []
        for binding in self.bindings:
            if not binding.show:
                continue
            keys = keymap.get(binding.id or "", binding.key).split(",")[0]
            shown = self.app.get_key_display(replace(binding, key=keys, key_display=None))
            parts += [(shown, "bold $accent"), f" {binding.description}  "]
        self.update(Content.assemble(*parts))
