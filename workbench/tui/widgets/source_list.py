"""The sources list: title, outlet, date, counts per status; paged in near the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import on, work
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from workbench.db.views import SourceRow
from workbench.errors import WorkbenchError
from workbench.tui.failures import report_worker_error
from workbench.tui.format import STATUS_MARKS, visible

SourceLoader = Callable[[int, int], list[SourceRow]]
PAGE = 200


def source_prompt(source: SourceRow) -> Content:
    counts = " ".join(
        f"{STATUS_MARKS[s]}{source.counts.get(s, 0)}"
        for s in ("unverified", "confirmed", "disputed")
    )
    byline = " · ".join(p for p in (source.outlet, str(source.published or "")) if p)
    title = visible(source.title or "(untitled)").replace("\n", " ")
    shown = visible(f"{byline}  {counts}".strip()).replace("\n", " ")
    # The id first: the filter form and `--source` take it.
    return Content.assemble(
        (f"#{source.id} ", "$text-muted"), (title, "bold"), "\n", (shown, "$text-muted")
    )


class SourceList(OptionList, inherit_bindings=False):
    """Sources in id order; enter filters the statement list to the highlighted one."""

    BINDINGS = [
        Binding(
            "down,j",
            "cursor_down",
            "Down",
            id="source-down",
            show=False,
            tooltip="Move to the next source",
        ),
        Binding(
            "up,k",
            "cursor_up",
            "Up",
            id="source-up",
            show=False,
            tooltip="Move to the previous source",
        ),
        Binding(
            "pagedown",
            "page_down",
            "Page down",
            id="source-page-down",
            show=False,
            tooltip="Move one screenful down the sources",
        ),
        Binding(
            "pageup",
            "page_up",
            "Page up",
            id="source-page-up",
            show=False,
            tooltip="Move one screenful up the sources",
        ),
        Binding(
            "home,g",
            "first",
            "First",
            id="source-first",
            show=False,
            tooltip="Move to the first source",
        ),
        Binding(
            "end,G",
            "last",
            "Last",
            id="source-last",
            show=False,
            tooltip="Move to the last loaded source",
        ),
        Binding(
            "enter",
            "select",
            "Show source",
            id="source-select",
            tooltip="Show only the highlighted source's statements",
        ),
    ]

    class Loaded(Message):
        def __init__(self, sources: list[SourceRow], generation: int) -> None:
            super().__init__()
            self.sources, self.generation = sources, generation

    def __init__(self, loader: SourceLoader, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.loader = loader
        self._last_id = 0
        self._exhausted = False
        self._loading = False
        self._generation = 0
        self._shown: dict[int, SourceRow] = {}

    def on_mount(self) -> None:
        self._more()

    @on(Worker.StateChanged)
    def _report_worker_error(self, event: Worker.StateChanged) -> None:
        report_worker_error(self, event)  # the message does not bubble to the App

    def reload(self) -> None:
        self._generation += 1
        self.clear_options()
        self._shown.clear()
        self._last_id, self._exhausted, self._loading = 0, False, False
        self._more()

    def _more(self) -> None:
        if not self._exhausted and not self._loading:
            self._loading = True
            self._load(self._last_id, self._generation)

    @work(thread=True, exit_on_error=False, group="source-pages")
    def _load(self, after_id: int, generation: int) -> None:
        try:
            sources = self.loader(after_id, PAGE)
        except WorkbenchError as error:
            self.app.notify(error.one_line(), title="Cannot read sources", severity="error")
            return
        self.post_message(self.Loaded(sources, generation))

    @on(Loaded)
    def _add_page(self, message: Loaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(message.sources) < PAGE
        if message.sources:
            self._last_id = message.sources[-1].id
            self._shown.update((s.id, s) for s in message.sources)
            self.add_options(Option(source_prompt(s), id=str(s.id)) for s in message.sources)
            if self.highlighted is None:
                self.highlighted = 0

    def set_counts(self, source_id: int, counts: dict[str, int]) -> None:
        """Someone changed the source's statements: show its counts as read now."""
        source = self._shown.get(source_id)
        if source is not None and source.counts != counts:
            self._shown[source_id] = source = replace(source, counts=counts)
            self.replace_option_prompt(str(source_id), source_prompt(source))

    @on(OptionList.OptionHighlighted)
    def _near_end(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= self.option_count - 20:
            self._more()
