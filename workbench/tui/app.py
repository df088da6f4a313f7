"""WorkbenchApp: wiring only. The database and settings come in; the review screen does the work."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from workbench.config import Settings
from workbench.db.engine import Database
from workbench.tui.screens.review import ReviewScreen


class WorkbenchApp(App[None]):
    """The review TUI over one database."""

    CSS_PATH = "app.tcss"
    TITLE = "workbench"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", show=False, tooltip="Leave the workbench"),
        Binding(
            "question_mark",
            "show_help",
            "Help",
            id="show-help",
            tooltip="List every key and its id",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            id="command-palette",
            show=False,
            priority=True,
            tooltip="Find any action by name",
        ),
    ]

    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        poll_seconds: float = 2.0,
        count_delay: float = 0.25,
    ) -> None:
        super().__init__()
        self.db, self.settings = db, settings
        self.poll_seconds = poll_seconds
        self.count_delay = count_delay
        self.keymap_overrides = dict(settings.keymap)
        self.set_keymap(self.keymap_overrides)

    def on_mount(self) -> None:
        # Reads that a newer key press superseded still finish their query in their thread;
        # enough threads keep a slow count from delaying the next page.
        asyncio.get_running_loop().set_default_executor(
            ThreadPoolExecutor(max_workers=16, thread_name_prefix="workbench")
        )
        self.push_screen(
            ReviewScreen(
                self.db,
                self.settings,
                poll_seconds=self.poll_seconds,
                count_delay=self.count_delay,
            )
        )
        if self.db.read_only:
            self.notify(
                "This database is read-only: you can read and search, not change.",
                title="Read-only",
                severity="warning",
                timeout=8,
            )

    def action_show_help(self) -> None:
        from workbench.tui.modals.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    @on(Worker.StateChanged)
    def _report_worker_error(self, event: Worker.StateChanged) -> None:
        """An unexpected error in a worker is a bug: say so instead of failing silently."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.log.error(f"worker {event.worker.name} failed", error)
            self.notify(
                f"{type(error).__name__}: {error}",
                title="Unexpected error",
                severity="error",
                timeout=15,
            )
