"""The shared shape of a dialog: a titled box, an error line, escape to cancel."""

from __future__ import annotations

from typing import Any, TypeVar

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

T = TypeVar("T")


class FormModal(ModalScreen[T]):
    """Enter in any field submits (after `check`); escape cancels with None."""

    DEFAULT_CSS = """
    FormModal { align: center middle; }
    FormModal > .form {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $panel; padding: 0 1;
    }
    FormModal .form-title { text-style: bold; margin-bottom: 1; }
    FormModal .form-error { color: $error; text-style: bold; height: auto; }
    FormModal .form-hint { color: $text-muted; }
    FormModal Input, FormModal Select { margin-bottom: 0; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form-cancel", tooltip="Close without saving"),
    ]

    def __init__(self, *, error: str = "") -> None:
        super().__init__()
        self.error = error  # why the last try was refused (the form reopens with its text)

    def on_mount(self) -> None:
        if self.error:
            self.show_error(self.error)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str) -> None:
        self.query_one(".form-error", Static).update(message)

    def check(self) -> Any:
        """The dismiss value, or None after `show_error` to keep the form open."""
        raise NotImplementedError

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        value = self.check()
        if value is not None:
            self.dismiss(value)


class FormSelect(Select[T]):
    """A choice in a form: enter saves the form, as in every other field (space, up and down
    open the list). Textual's Select opens its list on enter, so an analyst who chose a
    relation and pressed enter found the list open again instead of the evidence saved."""

    BINDINGS = [
        Binding(
            "down,space,up",
            "show_overlay",
            "Show choices",
            id="choice-open",
            show=False,
            tooltip="Open the list of choices",
        ),
        Binding(
            "enter",
            "screen.submit",
            "Save",
            id="choice-save",
            show=False,
            tooltip="Save the form with the choice shown",
        ),
    ]
