"""`w`: the whole article of the highlighted statement, scrollable, the statement marked.

The article pane shows the statement's paragraph and the one before; some claims only make
sense with the whole story (who "the ministry" is, what "this" refers to three paragraphs up).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.db.views import StatementDetail
from workbench.tui.widgets.article_view import article_content


class ArticleScreen(ModalScreen[None]):
    BINDINGS = [
        Binding(
            "escape,w,q",
            "close",
            "Close article",
            id="article-close",
            tooltip="Back to the review screen",
        ),
    ]
    DEFAULT_CSS = """
    ArticleScreen { align: center middle; }
    ArticleScreen > VerticalScroll {
        width: 100; max-width: 100%; height: 90%; border: thick $primary; background: $panel;
        padding: 0 1;
    }
    """

    def __init__(self, detail: StatementDetail) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="whole-article") as scroll:
            scroll.border_title = f"Whole article · #{self.detail.row.id} marked · escape closes"
            yield Static(article_content(self.detail, (0, len(self.detail.text))), id="whole-text")

    def on_mount(self) -> None:
        # Open at the statement: the lines of text before it, less a few for context.
        before = self.detail.text[: self.detail.row.sentence_start]
        line = before.count("\n") + len(before) // max(20, self.size.width - 6)
        self.query_one("#whole-article").scroll_to(y=max(0, line - 3), animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
