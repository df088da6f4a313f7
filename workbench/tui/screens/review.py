"""The review screen: statements, sources, article context and detail, driven by the keyboard.

Reading lives here (filters, counts, detail, polling for other analysts' changes); the changes
an analyst makes live in `ReviewWrites`. Every database call runs in a thread worker through
`ReviewStore` or the write queue (`tui/writes.py`); handlers only touch widgets.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.worker import get_current_worker

from workbench.config import Settings
from workbench.db.engine import Database
from workbench.db.views import StatementDetail, StatementRow
from workbench.errors import InvalidInput, WorkbenchError
from workbench.services.browse import Interrupted
from workbench.services.presence import Present
from workbench.services.statements import StatementFilter
from workbench.tui.commands import ScreenActions
from workbench.tui.format import counts_line, visible
from workbench.tui.modals.filter_form import FilterForm
from workbench.tui.screens.review_feed import ReviewFeed
from workbench.tui.screens.review_keys import REVIEW_BINDINGS
from workbench.tui.store import ReviewStore
from workbench.tui.widgets.article_view import LEGEND, ArticleView
from workbench.tui.widgets.detail_panel import DetailPanel
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.source_list import SourceList
from workbench.tui.widgets.statement_list import StatementList
from workbench.tui.widgets.status_line import StatusLine

EMPTY_DATABASE = """No statements yet: this database is empty.

Ingest articles from the command line, then come back:

  workbench ingest FILE     one article (.txt .md .html .jsonl)
  workbench ingest FOLDER/  every article in a folder
  workbench demo            a demo database of sample articles

Press q to quit."""
NO_MATCH = "No statement matches {filter}.\n\nPress escape to clear the filter, / to search again."
# The search bar stays docked under the list (it shows the search in force); its hint says
# how to open it until it is open, then how to apply or leave it.
SEARCH_IDLE = '/ to search: words or "a phrase"'
# The heartbeat runs every few polls: presence is a minute-scale fact, not a per-key one.
PRESENCE_EVERY_POLLS = 2.5
SEARCH_OPEN = 'search words or "a phrase" · enter applies · escape closes'


class ReviewScreen(ReviewFeed):
    """The analyst's main room."""

    CSS_PATH = "review.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = REVIEW_BINDINGS

    class Counted(Message):
        def __init__(
            self, generation: int, counts: dict[str, int], unverified: int | None, watermark: int
        ) -> None:
            super().__init__()
            self.generation, self.counts, self.unverified = generation, counts, unverified
            self.watermark = watermark  # the history id the counts are true at

    class PresenceRead(Message):
        def __init__(self, others: tuple[Present, ...]) -> None:
            super().__init__()
            self.others = others

    class DetailLoaded(Message):
        def __init__(self, detail: StatementDetail) -> None:
            super().__init__()
            self.detail = detail

    class RowChanged(Message):
        """Someone (another analyst, another process) changed the row on screen."""

        def __init__(self, row: StatementRow) -> None:
            super().__init__()
            self.row = row

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
        self.analyst = settings.analyst
        self.store = ReviewStore(db, settings.analyst)
        self.filter = StatementFilter()
        self.counts: dict[str, int] = {}
        self.unverified_total: int | None = None
        self.detail: StatementDetail | None = None
        self.poll_seconds = poll_seconds
        self.count_delay = count_delay
        self.init_writes()

    def compose(self) -> ComposeResult:
        yield StatusLine(self.db.location, self.analyst, self.db.read_only, id="status-line")
        with Horizontal(id="top"):
            yield SourceList(self.store.sources, id="sources")
            with Vertical(id="statements-pane"):
                yield StatementList(self.store.page, id="statements")
                yield Static("", id="empty", markup=False)
                yield Input(placeholder=SEARCH_IDLE, id="search")
        with Horizontal(id="bottom"):
            yield ArticleView(id="article")
            yield DetailPanel(id="detail")
        yield KeyBar([*self.app.BINDINGS, *self.BINDINGS], id="keys")  # type: ignore[list-item]

    @property
    def statements(self) -> StatementList:
        return self.query_one("#statements", StatementList)

    def on_mount(self) -> None:
        self.query_one("#search", Input).can_focus = False
        self.query_one("#sources").border_title = "Sources"
        self.query_one("#article").border_title = "Article"
        self.query_one("#article").border_subtitle = LEGEND
        self.query_one("#detail").border_title = "Detail"
        self.statements.focus()
        self.apply_filter(self.filter)
        if self.poll_seconds > 0:
            self.set_interval(self.poll_seconds, self._poll)
            self.set_interval(self.poll_seconds * PRESENCE_EVERY_POLLS, self._heartbeat)
            self._heartbeat()

    # -- presence: who else is working here -------------------------------------------------

    def _heartbeat(self) -> None:
        current = self.statements.current
        self._beat(current.id if current else None)

    @work(thread=True, exclusive=True, group="presence", exit_on_error=False)
    def _beat(self, statement_id: int | None) -> None:
        try:
            found = self.store.heartbeat(statement_id)
        except WorkbenchError:
            return  # presence is a courtesy: a failed beat never disturbs the review
        self.post_message(self.PresenceRead(tuple(found)))

    @on(PresenceRead)
    def _show_presence(self, message: PresenceRead) -> None:
        names = [
            f"{p.analyst} #{p.statement_id}" if p.statement_id else p.analyst
            for p in message.others
        ]
        self.query_one(StatusLine).set_others(visible(", ".join(names)))

    def on_unmount(self) -> None:
        if self.poll_seconds > 0:
            with suppress(WorkbenchError):
                self.store.leave()  # the others stop seeing us at once, not after a minute

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")

    # -- filters and counts ---------------------------------------------------------------

    def apply_filter(self, flt: StatementFilter, *, keep_id: int | None = None) -> None:
        self.filter = flt
        self.counts = {}
        position = self.statements.cursor
        self.statements.show(flt, keep_id=keep_id, position=position)
        self._draw_title()  # counting starts when the first page is on screen (FirstPage)

    @on(StatementList.FirstPage)
    def _start_count(self, message: StatementList.FirstPage) -> None:
        # Counting a million rows takes a core for a second: start it once the first page is
        # on screen, so on a busy machine it never delays that paint.
        if self.count_delay <= 0:
            self._count_if_current(message.generation)
        else:
            self.set_timer(self.count_delay, partial(self._count_if_current, message.generation))

    def _count_if_current(self, generation: int) -> None:
        if generation == self.statements.generation:
            self._count(generation, self.filter)

    def _draw_title(self) -> None:
        pane = self.query_one("#statements-pane")
        total = sum(self.counts.values()) if self.counts else None
        number = "…" if total is None else f"{total:,}"
        # Content, not markup: a search for "[/]" is text to show, not a tag to parse.
        pane.border_title = Content(f"Statements ({number}) · {visible(self.filter.describe())}")
        pane.border_subtitle = counts_line(self.counts) if self.counts else "counting…"

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def _count(self, generation: int, flt: StatementFilter) -> None:
        worker = get_current_worker()
        if worker.is_cancelled:
            return  # a newer filter came in while this waited for a thread
        try:
            counts, unverified, watermark = self.store.counts(
                flt, lambda: worker.is_cancelled, with_total=self.unverified_total is None
            )
        except Interrupted:
            return
        except WorkbenchError as error:
            self.app.notify(error.one_line(), title="Cannot count", severity="error")
            return
        self.post_message(self.Counted(generation, counts, unverified, watermark))

    @on(Counted)
    def _show_counts(self, message: Counted) -> None:
        if message.generation != self.statements.generation:
            return
        self.counts = dict(message.counts)
        self.feed_watermark = message.watermark  # changes after it arrive as deltas
        if message.unverified is not None:
            self.unverified_total = message.unverified
        total = sum(self.counts.values())
        self.statements.set_total(message.generation, total)
        self.query_one(StatusLine).set_unverified(self.unverified_total)
        self._draw_title()
        empty = self.query_one("#empty", Static)
        if total == 0:
            everything = self.filter == StatementFilter()
            described = visible(self.filter.describe())
            empty.update(EMPTY_DATABASE if everything else NO_MATCH.format(filter=described))
            self.query_one("#article", ArticleView).clear()
            self.query_one("#detail", DetailPanel).clear()
        empty.display = total == 0
        self.statements.display = total > 0

    def action_filter(self) -> None:
        def chosen(flt: StatementFilter | None) -> None:
            if flt is not None:
                self.apply_filter(flt)

        self.app.push_screen(FilterForm(self.filter), chosen)

    def action_filter_actor(self) -> None:
        row = self.statements.current
        if row is None or not row.actor:
            self.notify("The highlighted statement has no actor to filter by.")
            return
        self.apply_filter(replace(self.filter, actors=(row.actor,)))

    def action_my_queue(self) -> None:
        """Three steps: what I still have to decide, then all I hold, then everyone's."""
        flt = replace(self.filter, review_for=None)  # one queue at a time: M leaves R
        if flt.assigned_to != self.analyst:
            self.apply_filter(replace(flt, assigned_to=self.analyst, statuses=("unverified",)))
            self.notify("Your queue: what you hold and have not decided. M again: all you hold.")
        elif flt.statuses == ("unverified",):
            self.apply_filter(replace(flt, statuses=()))
        else:
            self.apply_filter(replace(flt, assigned_to=None))

    def action_review_queue(self) -> None:
        """The rounds waiting for me, instead of my queue: a verdict to second has already been
        given, so my queue's "not decided" on top of it would always show an empty list."""
        if self.filter.review_for == self.analyst:
            self.apply_filter(replace(self.filter, review_for=None))
            return
        flt = self.filter
        if flt.assigned_to == self.analyst:  # R leaves M, and the status M chose with it
            statuses = () if flt.statuses == ("unverified",) else flt.statuses
            flt = replace(flt, assigned_to=None, statuses=statuses)
        self.apply_filter(replace(flt, review_for=self.analyst))
        self.notify("Second review: c, d or u seconds a verdict, or decides a disputed one.")

    def action_clear_filter(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            self._close_search()
        elif self.marked_id is not None:
            self.unmark()
        elif self.filter != self.filter.cleared():
            self.apply_filter(self.filter.cleared())

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = self.filter.search
        search.placeholder = SEARCH_OPEN
        search.can_focus = True
        search.focus()

    def _close_search(self) -> None:
        self.statements.focus()
        search = self.query_one("#search", Input)
        search.can_focus = False  # not a stop for tab
        search.placeholder = SEARCH_IDLE

    @on(Input.Submitted, "#search")
    def _run_search(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            flt = replace(self.filter, search=event.value.strip())
        except InvalidInput as error:
            self.notify(error.one_line(), title="Search", severity="error")
            return
        self._close_search()
        self.apply_filter(flt)

    @on(OptionList.OptionSelected, "#sources")
    def _show_source(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.apply_filter(replace(self.filter, source_ids=(int(event.option.id),)))
            self.statements.focus()

    def action_toggle_sources(self) -> None:
        self.toggle_class("-show-sources" if self.has_class("-narrow") else "-hide-sources")

    def action_show_claim(self) -> None:
        """Hook for the claim view (workbench/tui/screens/claim.py)."""
        from workbench.tui.screens.claim import open_claim

        open_claim(self)

    def action_reload(self) -> None:
        self.unverified_total = None  # recount the whole database too
        current = self.statements.current
        self.apply_filter(self.filter, keep_id=current.id if current else None)
        self.query_one(SourceList).reload()

    # -- the highlighted statement --------------------------------------------------------

    @on(StatementList.Highlighted)
    def _highlighted(self, message: StatementList.Highlighted) -> None:
        self._load_detail(message.row.id)

    def action_show_article(self) -> None:
        from workbench.tui.modals.article import ArticleScreen

        current, detail = self.statements.current, self.detail
        if current is None or detail is None or detail.row.id != current.id:
            self.notify("Highlight a statement first (its article is still loading).")
            return
        self.app.push_screen(ArticleScreen(detail))

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def _load_detail(self, statement_id: int) -> None:
        try:
            detail = self.store.detail(statement_id)
        except WorkbenchError as error:
            self.app.notify(error.one_line(), title="Cannot read statement", severity="error")
            return
        self.post_message(self.DetailLoaded(detail))

    @on(DetailLoaded)
    def _show_detail(self, message: DetailLoaded) -> None:
        current = self.statements.current
        if current is None or current.id != message.detail.row.id:
            return
        self.detail = message.detail
        if message.detail.row.version > current.version:
            self.statements.replace_row(message.detail.row)
        self.query_one("#article", ArticleView).show(message.detail)
        self.query_one("#detail", DetailPanel).show(message.detail)

    def _poll(self) -> None:
        self.check_changes()

    def row_changed(self, row: StatementRow) -> None:
        self.post_message(self.RowChanged(row))  # from a worker thread: a message is safe

    @on(RowChanged)
    def _show_change(self, message: RowChanged) -> None:
        row = message.row
        shown = self.statements.window.row_of(row.id)
        if self.writing(row.id) or shown is None or shown.version >= row.version:
            return
        self.statements.replace_row(row)
        self.notify(f"#{row.id} was changed by {row.updated_by}", title="Updated")
