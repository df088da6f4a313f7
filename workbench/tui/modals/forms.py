"""Dialogs that collect a change: evidence, note, correction, split point."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from workbench.db.models import RELATIONS, STANCES
from workbench.db.views import StatementRow
from workbench.tui.modals.base import FormModal
from workbench.urls import safe_http_url

URL_HELP = "Not an http(s) link: give a full link that starts with http:// or https://"


class EvidenceForm(FormModal[dict[str, str]]):
    """URL (http/https only), title, relation."""

    def __init__(self, row: StatementRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(
                f"Evidence for #{self.row.id}: {self.row.content[:60]}", classes="form-title"
            )
            yield Input(placeholder="https://…", id="evidence-url")
            yield Input(placeholder="title (optional)", id="evidence-title")
            yield Select(
                [(r, r) for r in RELATIONS],
                value="supports",
                allow_blank=False,
                id="evidence-relation",
            )
            yield Static("", classes="form-error")
            yield Static("enter saves · escape cancels", classes="form-hint")

    def check(self) -> dict[str, str] | None:
        url = self.query_one("#evidence-url", Input).value.strip()
        if safe_http_url(url) is None:
            self.show_error(URL_HELP)
            self.query_one("#evidence-url", Input).focus()
            return None
        return {
            "url": url,
            "title": self.query_one("#evidence-title", Input).value.strip(),
            "relation": str(self.query_one("#evidence-relation", Select).value),
        }


class NoteForm(FormModal[str]):
    def __init__(self, row: StatementRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(f"Note on #{self.row.id} (kept in its history)", classes="form-title")
            yield Input(placeholder="what you found, what to check next…", id="note-text")
            yield Static("", classes="form-error")
            yield Static("enter saves · escape cancels", classes="form-hint")

    def check(self) -> str | None:
        text = self.query_one("#note-text", Input).value.strip()
        if not text:
            self.show_error("The note is empty.")
            return None
        return text


class EditForm(FormModal[dict[str, Any]]):
    """Correct the extraction; only changed fields are returned."""

    def __init__(self, row: StatementRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        row = self.row
        with Vertical(classes="form"):
            yield Label(f"Edit #{row.id}", classes="form-title")
            yield Label("Speaker (as written)")
            yield Input(row.speaker or "", id="edit-speaker")
            yield Label("Actor (who it is)")
            yield Input(row.actor or "", id="edit-actor")
            yield Label("Content (a span of the article keeps its place in the text)")
            yield Input(row.content, id="edit-content")
            yield Label("Proposition (the checkable claim)")
            yield Input(row.proposition, id="edit-proposition")
            yield Select(
                [(s, s) for s in STANCES], value=row.stance, allow_blank=False, id="edit-stance"
            )
            yield Static("", classes="form-error")
            yield Static("enter saves · escape cancels", classes="form-hint")

    def check(self) -> dict[str, Any] | None:
        row = self.row
        old = {
            "speaker": row.speaker or "",
            "actor": row.actor or "",
            "content": row.content,
            "proposition": row.proposition,
        }
        changes: dict[str, Any] = {}
        for name, before in old.items():
            value = self.query_one(f"#edit-{name}", Input).value.strip()
            if value != before:
                changes[name] = value
        if "content" in changes and not changes["content"]:
            self.show_error("The content cannot be empty.")
            return None
        stance = str(self.query_one("#edit-stance", Select).value)
        if stance != row.stance:
            changes["stance"] = stance
        if not changes:
            self.show_error("Nothing changed.")
            return None
        return changes


class SplitForm(FormModal[int]):
    """Where the second statement starts: typed as the words it begins with."""

    def __init__(self, row: StatementRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(f"Split #{self.row.id} in two", classes="form-title")
            yield Static(self.row.content)
            yield Label("The second statement starts with:")
            yield Input(placeholder="the first words of the second part", id="split-at")
            yield Static("", classes="form-error")
            yield Static("enter splits · escape cancels", classes="form-hint")

    def check(self) -> int | None:
        words = self.query_one("#split-at", Input).value.strip()
        index = self.row.content.find(words) if words else -1
        if index <= 0:
            self.show_error("Type words from inside the content, after its first word.")
            return None
        return self.row.content_start + index
