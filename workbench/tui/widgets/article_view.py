"""The article around the highlighted statement: its paragraph, with who/cue/what marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from workbench.db.views import StatementDetail
from workbench.tui.format import visible, when
from workbench.tui.widgets.panes import ReadingPane

# Distinct in colour and, for monochrome terminals, in text style too.
SPEAKER_STYLE = "bold reverse $primary"
CUE_STYLE = "bold italic $warning"
CONTENT_STYLE = "underline $success"
LEGEND = f"[{SPEAKER_STYLE}]speaker[/] [{CUE_STYLE}]cue[/] [{CONTENT_STYLE}]content[/]"
SENTENCE_STYLE = "on $boost"


def context_bounds(detail: StatementDetail) -> tuple[int, int]:
    """The statement's paragraph and the one before it: that is often where the person a
    pronoun ("she said") stands for is named."""
    start, end = detail.paragraph_bounds()
    if start >= 2:
        previous = detail.text.rfind("\n\n", 0, start - 2)
        start = 0 if previous < 0 else previous + 2
    return start, end


def article_content(detail: StatementDetail, bounds: tuple[int, int] | None = None) -> Content:
    """Title line, then the text within `bounds` (default: the context) with the statement's
    spans styled."""
    row, source = detail.row, detail.source
    start, end = bounds if bounds is not None else context_bounds(detail)
    paragraph = Content(visible(detail.text[start:end]))  # same length: spans stay

    def mark(content: Content, span_start: int | None, span_end: int | None, style: str) -> Content:
        if span_start is None or span_end is None or span_end <= start or span_start >= end:
            return content
        return content.stylize(style, max(0, span_start - start), min(end, span_end) - start)

    paragraph = mark(paragraph, row.sentence_start, row.sentence_end, SENTENCE_STYLE)
    paragraph = mark(paragraph, row.content_start, row.content_end, CONTENT_STYLE)
    paragraph = mark(paragraph, row.speaker_start, row.speaker_end, SPEAKER_STYLE)
    paragraph = mark(paragraph, row.cue_start, row.cue_end, CUE_STYLE)
    byline = " · ".join(p for p in (source.outlet, str(source.published or "")) if p)
    return Content.assemble(
        (f"source #{source.id} ", "$text-muted"),  # the id filters take
        (visible(source.title or "(untitled source)"), "bold"),
        (f"  {visible(byline) or when(source.ingested_at)}", "$text-muted"),
        "\n",
        paragraph,
    )


class ArticleView(ReadingPane):
    """Shows the source paragraph of whatever statement is highlighted."""

    def compose(self) -> ComposeResult:
        yield Static("Highlight a statement to read it in its article.", id="article-text")

    def show(self, detail: StatementDetail) -> None:
        self.query_one("#article-text", Static).update(article_content(detail))
        self.scroll_home(animate=False)

    def clear(self, message: str = "") -> None:
        self.query_one("#article-text", Static).update(message)
