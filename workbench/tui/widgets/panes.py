"""Scrolling read-only panes (article, detail) with their own, id-carrying keys."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll


class ReadingPane(VerticalScroll, inherit_bindings=False):
    """A focusable scroll pane; the keys repeat VerticalScroll's, with ids for the keymap."""

    BINDINGS = [
        Binding(
            "down,j",
            "scroll_down",
            "Scroll down",
            id="pane-scroll-down",
            show=False,
            tooltip="Scroll the focused pane down",
        ),
        Binding(
            "up,k",
            "scroll_up",
            "Scroll up",
            id="pane-scroll-up",
            show=False,
            tooltip="Scroll the focused pane up",
        ),
        Binding(
            "pagedown",
            "page_down",
            "Page down",
            id="pane-page-down",
            show=False,
            tooltip="Scroll the focused pane a page down",
        ),
        Binding(
            "pageup",
            "page_up",
            "Page up",
            id="pane-page-up",
            show=False,
            tooltip="Scroll the focused pane a page up",
        ),
        Binding(
            "home,g",
            "scroll_home",
            "Top",
            id="pane-top",
            show=False,
            tooltip="Scroll the focused pane to the top",
        ),
        Binding(
            "end,G",
            "scroll_end",
            "Bottom",
            id="pane-bottom",
            show=False,
            tooltip="Scroll the focused pane to the bottom",
        ),
    ]
