"""Every key of the TUI in one table: for the help screen, docs/keys.md and its test.

Which classes declare bindings is the app's to say (`tui.app.bound_classes`): this module
imports nothing of the TUI, so the help screen can use it without an import circle.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class KeyEntry:
    area: str
    keys: str
    description: str
    id: str
    tooltip: str


def key_entries(
    bound: Sequence[tuple[str, type]], keymap: Mapping[str, str] | None = None
) -> Iterator[KeyEntry]:
    """Each binding of the `bound` (area, class) pairs with the keys it has now (the config's
    [keymap] wins over the default)."""
    keymap = keymap or {}
    for area, cls in bound:
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                keys = keymap.get(binding.id or "", binding.key)
                yield KeyEntry(area, keys, binding.description, binding.id or "", binding.tooltip)
