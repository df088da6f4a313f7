"""Opening a link where no browser may open: over SSH, in a container, on a bare console.

`App.open_url` hands the link to the local browser when there is one and silently does nothing
when there is none, so the link is also shown in a toast and copied to the terminal's clipboard
(OSC 52, which most terminals honour even across SSH): the analyst can always paste it.
"""

from __future__ import annotations

from textual.app import App

from workbench.tui.format import visible


def open_link(app: App[object], url: str) -> None:
    """Open `url` in a browser if one opens here, and in any case show it and copy it."""
    app.open_url(url)
    app.copy_to_clipboard(url)
    app.notify(
        f"{visible(url)}\ncopied to the clipboard (and opened in a browser if one opens here)",
        title="Link",
        timeout=10,
    )
