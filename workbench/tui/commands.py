"""The command palette offers every key's action by name, generated from the bindings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

# Palette titles follow "area: action"; the area is the class that owns the binding.
AREAS = {
    "ReviewScreen": "review",
    "StatementList": "list",
    "SourceList": "sources",
    "WorkbenchApp": "app",
}


def palette_entries(screen: DOMNode) -> Iterator[tuple[str, str, DOMNode]]:
    """(title, action, node to run it on) for the screen's, its list's and the app's bindings."""
    nodes: list[DOMNode] = [screen]
    for name in ("#statements", "#sources"):
        nodes.extend(screen.query(name))
    nodes.append(screen.app)
    seen: set[str] = set()
    for node in nodes:
        area = AREAS.get(type(node).__name__, type(node).__name__)
        for binding in type(node).BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.id in seen or binding.action in ("command_palette", "app.focus_next"):
                continue
            seen.add(binding.id or binding.action)
            yield f"{area}: {binding.description}", binding.action, node


class ScreenActions(Provider):
    """Every binding of the review screen, its lists and the app, by name."""

    def _entries(self) -> Iterator[tuple[str, str, DOMNode, str]]:
        for title, action, node in palette_entries(self.screen):
            help_text = next(
                (
                    b.tooltip
                    for b in type(node).BINDINGS
                    if isinstance(b, Binding) and b.action == action
                ),
                "",
            )
            yield title, action, node, help_text

    async def discover(self) -> Hits:
        for title, action, node, help_text in self._entries():
            yield DiscoveryHit(title, partial(node.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, node, help_text in self._entries():
            if (score := matcher.match(title)) > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(node.run_action, action),
                    help=help_text,
                )
