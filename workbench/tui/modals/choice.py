"""Small dialogs: yes/no, and picking one evidence link to open."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from workbench.db.views import EvidenceView
from workbench.tui.format import visible

BOX_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80; max-width: 100%; height: auto; max-height: 100%;
    border: thick $primary; background: $panel; padding: 0 1;
}}
"""


class ConfirmModal(ModalScreen[bool]):
    DEFAULT_CSS = BOX_CSS.format(name="ConfirmModal")
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no", tooltip="Do nothing"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(visible(self.question), markup=False)  # it quotes statements
            yield Label("y / enter: yes · n / escape: no")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class LinkPicker(ModalScreen[str]):
    DEFAULT_CSS = BOX_CSS.format(name="LinkPicker")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="links-cancel", tooltip="Open nothing"),
    ]

    def __init__(self, links: tuple[EvidenceView, ...], prompt: str = "Open which link?") -> None:
        super().__init__()
        self.links, self.prompt = links, prompt

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"{self.prompt} (enter chooses, escape cancels)")
            yield OptionList(
                *(
                    Option(Content(visible(f"[{i}] {e.relation}: {e.url}")), id=e.url)
                    for i, e in enumerate(self.links, start=1)
                ),
                id="links",
            )

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
