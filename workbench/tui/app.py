"""WorkbenchApp: wiring only. The database and settings come in; the review screen does the work."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.worker import Worker

from workbench.config import Settings
from workbench.db.engine import Database
from workbench.tui.failures import report_worker_error
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

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Toasts quote values (a URL, an analyst's name, a search): never parse them as markup,
        where "[/]" would fail to render and "[@click=...]" would run an action."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_show_help(self) -> None:
        from workbench.tui.keys import key_entries
        from workbench.tui.modals.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            entries = key_entries(bound_classes(), self.keymap_overrides)
            self.push_screen(HelpScreen(entries))

    @on(Worker.StateChanged)
    def _report_worker_error(self, event: Worker.StateChanged) -> None:
        report_worker_error(self, event)


def bound_classes() -> list[tuple[str, type]]:
    """The classes that declare bindings, with the area name shown in help and docs."""
    from workbench.tui.modals.article import ArticleScreen
    from workbench.tui.modals.base import FormModal, FormSelect
    from workbench.tui.modals.choice import ConfirmModal, LinkPicker
    from workbench.tui.modals.help import HelpScreen
    from workbench.tui.screens.claim import ClaimScreen
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
        ("choices in forms", FormSelect),
        ("confirm dialog", ConfirmModal),
        ("link picker", LinkPicker),
        ("help", HelpScreen),
        ("claim view", ClaimScreen),
        ("whole article", ArticleScreen),
    ]


def binding_ids() -> set[str]:
    """Every binding id a [keymap] table may name."""
    from workbench.tui.keys import key_entries

    return {entry.id for entry in key_entries(bound_classes()) if entry.id}
