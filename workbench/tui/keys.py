"""Every key of the TUI in one table: for the help screen, docs/keys.md and its test."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class KeyEntry:
    area: str
    keys: str
    description: str
    id: str
    tooltip: str


def bound_classes() -> list[tuple[str, type]]:
    """The classes that declare bindings, with the area name shown in help and docs."""
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.modals.article import ArticleScreen
    from workbench.tui.modals.base import FormModal
    from workbench.tui.modals.choice import ConfirmModal, LinkPicker
    from workbench.tui.modals.help import HelpScreen
    from workbench.tui.screens.review import ReviewScreen
    from workbench.tui.widgets.panes import ReadingPane
    from workbench.tui.widgets.source_list import SourceList
    from workbench.tui.widgets.statement_list import StatementList

    return [
        ("app", WorkbenchApp),
        ("review", ReviewScreen),
        ("statement list", StatementList),
        ("sources list", SourceList),
        ("article and detail panes", ReadingPane),
        ("forms", FormModal),
        ("confirm dialog", ConfirmModal),
        ("link picker", LinkPicker),
        ("help", HelpScreen),
        ("whole article", ArticleScreen),
    ]


def key_entries(keymap: Mapping[str, str] | None = None) -> Iterator[KeyEntry]:
    """Each binding with the keys it has now (the config's [keymap] wins over the default)."""
    keymap = keymap or {}
    for area, cls in bound_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                keys = keymap.get(binding.id or "", binding.key)
                yield KeyEntry(area, keys, binding.description, binding.id or "", binding.tooltip)
