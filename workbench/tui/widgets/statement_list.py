"""The statement list: a virtual list on Textual's Line API that pages rows from the database.

It never holds more than a few thousand rows: `render_line` draws what is known, and every
move asks the `RowWindow` which page is missing; a thread worker reads it through the `loader`
(the screen's store) and posts it back. A DataTable holding every row would take ~10 s to show
100k rows; this paints the first page of a million as fast as it paints ten.
"""

from __future__ import annotations

from collections.abc import Callable
from time import perf_counter

from rich.segment import Segment
from rich.style import Style
from textual import events, on, work
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker

from workbench.db.views import StatementRow
from workbench.errors import WorkbenchError
from workbench.services.statements import StatementFilter
from workbench.tui.failures import report_worker_error
from workbench.tui.format import cell, columns, fit, status_style_name
from workbench.tui.window import PAGE, Fetch, RowWindow

Loader = Callable[[StatementFilter, Fetch], tuple[list[StatementRow], int]]
MARGIN = 60  # rows fetched beyond the visible ones, so j/k never waits for the database


class StatementList(ScrollView, can_focus=True):
    """Statements of the current filter, one per line, with a cursor."""

    DEFAULT_CSS = """
    StatementList { overflow-x: hidden; background: $surface; }
    StatementList > .statement-list--header { text-style: bold; color: $text-muted; }
    StatementList > .statement-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    StatementList > .statement-list--cursor-blurred {
        background: $block-cursor-blurred-background;
    }
    StatementList > .statement-list--confirmed { color: $success; }
    StatementList > .statement-list--disputed { color: $error; }
    StatementList > .statement-list--unverified { color: $warning; }
    StatementList > .statement-list--dismissed { color: $text-disabled; }
    StatementList > .statement-list--loading { color: $text-muted; }
    StatementList > .statement-list--marked { text-style: reverse; }
    """
    COMPONENT_CLASSES = {
        "statement-list--header",
        "statement-list--cursor",
        "statement-list--cursor-blurred",
        "statement-list--confirmed",
        "statement-list--disputed",
        "statement-list--unverified",
        "statement-list--dismissed",
        "statement-list--loading",
        "statement-list--marked",
    }
    BINDINGS = [
        Binding(
            "down,j",
            "cursor_down",
            "Down",
            id="cursor-down",
            show=False,
            tooltip="Move to the next statement",
        ),
        Binding(
            "up,k",
            "cursor_up",
            "Up",
            id="cursor-up",
            show=False,
            tooltip="Move to the previous statement",
        ),
        Binding(
            "pagedown",
            "page_down",
            "Page down",
            id="page-down",
            show=False,
            tooltip="Move one screenful down",
        ),
        Binding(
            "pageup",
            "page_up",
            "Page up",
            id="page-up",
            show=False,
            tooltip="Move one screenful up",
        ),
        Binding(
            "home,g",
            "cursor_home",
            "First",
            id="cursor-home",
            show=False,
            tooltip="Move to the first statement",
        ),
        Binding(
            "end,G",
            "cursor_end",
            "Last",
            id="cursor-end",
            show=False,
            tooltip="Move to the last statement",
        ),
    ]

    class Highlighted(Message):
        """The cursor rests on another statement (or the same one, changed)."""

        def __init__(self, row: StatementRow) -> None:
            super().__init__()
            self.row = row

    class FirstPage(Message):
        """The first page of a new filter is placed: slower reads (counts) may start now."""

        def __init__(self, generation: int) -> None:
            super().__init__()
            self.generation = generation

    class Loaded(Message):
        """A page arrived from the database (posted by the loader worker)."""

        def __init__(
            self, generation: int, fetch: Fetch, rows: list[StatementRow], anchor_index: int
        ) -> None:
            super().__init__()
            self.generation, self.fetch = generation, fetch
            self.rows, self.anchor_index = rows, anchor_index

    def __init__(self, loader: Loader, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.loader = loader
        self.window = RowWindow()
        self.filter = StatementFilter()
        self.cursor = 0
        self.generation = 0
        self.marked_id: int | None = None
        self._inflight: set[tuple[int, Fetch]] = set()
        self._announced: tuple[int, int] | None = None
        self._end_wanted = False
        # (generation, cursor position, statement id, perf_counter) of the last paint of the
        # cursor row: benchmarks and tests read it to time "key press to next paint".
        self.painted: tuple[int, int, int, float] = (-1, -1, -1, 0.0)
        self._style_cache: dict[str, Style] = {}

    @on(Worker.StateChanged)
    def _report_worker_error(self, event: Worker.StateChanged) -> None:
        report_worker_error(self, event)  # the message does not bubble to the App

    # -- what the screen calls -------------------------------------------------------------

    @property
    def current(self) -> StatementRow | None:
        return self.window.get(self.cursor)

    def show(self, flt: StatementFilter, *, keep_id: int | None = None, position: int = 0) -> None:
        """Start over with a filter (or reload it), optionally landing on a known statement."""
        self.generation += 1
        self.filter = flt
        self.window.clear()
        self._inflight.clear()
        self._announced = None
        self._end_wanted = False
        self.cursor = position if keep_id is not None else 0
        self._resize_virtual()
        self.scroll_to(y=max(0, self.cursor - 3), animate=False, immediate=True)
        if keep_id is not None:
            self._fetch(Fetch("around", position, PAGE, keep_id))
        self._request()
        self.refresh()

    def set_total(self, generation: int, total: int) -> None:
        """The count arrived: size the scrollbar, and finish a pending jump to the end."""
        if generation != self.generation:
            return
        self.window.total = total
        self._resize_virtual()
        if self._end_wanted:
            self._end_wanted = False
            self.move_to(total - 1)
        elif self.cursor >= max(total, 1):
            self.move_to(total - 1)
        self.refresh()

    def replace_row(self, row: StatementRow) -> None:
        if self.window.replace(row) is not None:
            if self.window.position_of(row.id) == self.cursor:
                self._announced = None
                self._announce()
            self.refresh()

    def jump_to(self, statement_id: int, position: int | None) -> None:
        """Move the cursor to a statement: at once if loaded, else page it in around `position`."""
        known = self.window.position_of(statement_id)
        if known is not None:
            self.move_to(known)
        elif position is not None:
            self.cursor = position
            self._scroll_to_cursor()
            self._fetch(Fetch("around", position, PAGE, statement_id))
            self.refresh()

    def move_to(self, position: int) -> None:
        position = max(0, min(position, self.window.extent - 1))
        self.cursor = position
        self._scroll_to_cursor()
        self.refresh()
        self._request()
        self._announce()

    # -- keys ------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(1, self._data_height() - 1))

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(1, self._data_height() - 1))

    def action_cursor_home(self) -> None:
        self.move_to(0)

    def action_cursor_end(self) -> None:
        if self.window.total is None:
            self._end_wanted = True  # the count is on its way; jump when it lands
            return
        self.move_to(self.window.total - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1:
            self.move_to(int(self.scroll_offset.y) + offset.y - 1)

    # -- paging ----------------------------------------------------------------------------

    def _data_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top = int(self.scroll_offset.y)
        height = self._data_height()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._request()

    def on_resize(self) -> None:
        self._resize_virtual()
        self._request()

    def _resize_virtual(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.window.extent + 1)

    def _request(self) -> None:
        """Ask for the first missing page around the screen and the cursor."""
        top = int(self.scroll_offset.y)
        start = min(top, self.cursor) - MARGIN
        end = max(top + self._data_height(), self.cursor + 1) + MARGIN
        fetch = self.window.plan(start, end)
        total = self.window.total
        at_end = total is not None and fetch is not None and fetch.position + fetch.limit >= total
        if fetch is not None and total is not None and fetch.kind == "offset" and at_end:
            fetch = Fetch("last", total, total - fetch.position)  # the end: no offset walk
        if fetch is not None:
            self._fetch(fetch)

    def _fetch(self, fetch: Fetch) -> None:
        key = (self.generation, fetch)
        if key not in self._inflight:
            self._inflight.add(key)
            self._load(self.generation, self.filter, fetch)

    @work(thread=True, exit_on_error=False, group="statement-pages")
    def _load(self, generation: int, flt: StatementFilter, fetch: Fetch) -> None:
        try:
            rows, anchor_index = self.loader(flt, fetch)
        except WorkbenchError as error:
            self.app.notify(error.one_line(), title="Cannot read statements", severity="error")
            return
        self.post_message(self.Loaded(generation, fetch, rows, anchor_index))

    @on(Loaded)
    def _place_page(self, message: Loaded) -> None:
        message.stop()
        self._inflight.discard((message.generation, message.fetch))
        if message.generation != self.generation:
            return  # an older filter's page: the analyst has moved on
        first = not self.window.rows
        self.window.put(message.fetch, message.rows, message.anchor_index)
        if first:
            self.post_message(self.FirstPage(self.generation))
        if message.fetch.kind == "around" and message.rows:
            anchor = self.window.position_of(message.fetch.anchor_id or -1)
            if anchor is not None:
                self.cursor = anchor
                self._scroll_to_cursor()
        if self.window.total is not None and self.cursor >= self.window.total:
            self.cursor = max(0, self.window.total - 1)
        self.window.evict(self.cursor)
        self._resize_virtual()
        self.refresh()
        self._announce()
        self._request()

    def _announce(self) -> None:
        row = self.current
        if row is not None and self._announced != (row.id, row.version):
            self._announced = (row.id, row.version)
            self.post_message(self.Highlighted(row))

    # -- drawing ---------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()  # theme or CSS changed

    def _style(self, name: str) -> Style:
        """Component styles, looked up once (rich_style lookups cost ~1 ms a line)."""
        style = self._style_cache.get(name)
        if style is None:
            if name == "base":
                style = self.rich_style
            else:
                style = self.get_component_rich_style(f"statement-list--{name}")
            self._style_cache[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            text = " ".join(fit(name, w) for name, w in columns(width, self.window.any_held))
            return Strip([Segment(fit(text, width), self._style("header"))], width)
        position = int(self.scroll_offset.y) + y - 1
        base = self._style("base")
        if position >= self.window.extent:
            return Strip.blank(width, base)
        row = self.window.get(position)
        if row is None:
            return Strip([Segment(fit("  … loading", width), self._style("loading"))], width)
        if position == self.cursor:
            self.painted = (self.generation, position, row.id, perf_counter())
        return self._row_strip(row, position, width, base)

    def _row_strip(self, row: StatementRow, position: int, width: int, base: Style) -> Strip:
        status = self._style(status_style_name(row))
        overlay = Style()
        if position == self.cursor:
            overlay = self._style("cursor" if self.has_focus else "cursor-blurred")
        segments = []
        for name, cell_width in columns(width, self.window.any_held):
            style = base + status if name == "status" else base
            if name == "status" and row.id == self.marked_id:
                style += self._style("marked")
            segments.append(Segment(fit(cell(row, name), cell_width) + " ", style + overlay))
        return Strip(segments).adjust_cell_length(width, base + overlay)
