"""Dialogs that collect a change: evidence, note, correction, split point.

Each returns the change's arguments as a dict and can be reopened with those arguments and the
reason the write was refused, so a refused change never loses what the analyst typed.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from workbench.db.views import StatementRow
from workbench.errors import InvalidInput
from workbench.services.propositions import word_start
from workbench.tui.format import visible
from workbench.tui.modals.base import FormModal, FormSelect
from workbench.urls import require_http_url
from workbench.vocabulary import RELATIONS, STANCES

Values = dict[str, Any]


class RowForm(FormModal[Values]):
    """A form about one statement, optionally refilled after a refused write."""

    def __init__(self, row: StatementRow, values: Values | None = None, error: str = "") -> None:
        super().__init__(error=error)
        self.row = row
        self.values: Values = dict(values or {})


class EvidenceForm(RowForm):
    """URL (http/https only), title, relation."""

    def compose(self) -> ComposeResult:
        values = self.values
        with Vertical(classes="form"):
            yield Label(
                visible(f"Evidence for #{self.row.id}: {self.row.content[:60]}"),
                classes="form-title",
                markup=False,
            )
            yield Input(values.get("url", ""), placeholder="https://…", id="evidence-url")
            yield Input(
                values.get("title", ""), placeholder="title (optional)", id="evidence-title"
            )
            yield Input(
                values.get("excerpt", ""),
                placeholder="excerpt: the passage of the page that matters (optional)",
                id="evidence-excerpt",
            )
            yield FormSelect(
                [(r, r) for r in RELATIONS],
                value=values.get("relation", "supports"),
                allow_blank=False,
                id="evidence-relation",
            )
            yield Static("", classes="form-error", markup=False)
            yield Static("enter saves · escape cancels", classes="form-hint")

    def check(self) -> Values | None:
        url = self.query_one("#evidence-url", Input).value.strip()
        try:
            require_http_url(url, where="url")
        except InvalidInput as error:  # says which: not http(s), no host, or too long
            self.show_error(error.one_line())
            self.query_one("#evidence-url", Input).focus()
            return None
        return {
            "url": url,
            "title": self.query_one("#evidence-title", Input).value.strip(),
            "excerpt": self.query_one("#evidence-excerpt", Input).value.strip(),
            "relation": str(self.query_one("#evidence-relation", Select).value),
        }


class NoteForm(RowForm):
    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(f"Note on #{self.row.id} (kept in its history)", classes="form-title")
            yield Input(
                self.values.get("text", ""),
                placeholder="what you found, what to check next…",
                id="note-text",
            )
            yield Static("", classes="form-error", markup=False)
            yield Static("enter saves · escape cancels", classes="form-hint")

    def check(self) -> Values | None:
        text = self.query_one("#note-text", Input).value.strip()
        if not text:
            self.show_error("The note is empty.")
            return None
        return {"text": text}


class OverrideForm(RowForm):
    """Asked before a verdict replaces another analyst's, or decides a disputed second review:
    it shows who set what, when and why, and takes the reason, which goes into the history.
    Deciding is worded as such, so the adjudicator knows whose disagreement they settle."""

    def __init__(
        self,
        row: StatementRow,
        status: str,
        refusal: str,
        between: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(row)
        self.status, self.refusal, self.between = status, refusal, between

    def compose(self) -> ComposeResult:
        if self.between:
            first, second = self.between
            title = (
                f"Decide the disagreement between {first} and {second}: "
                f"mark #{self.row.id} {self.status}?"
            )
            ask, hint = "why you decide it so", "enter decides it · escape leaves it open"
        else:
            title = f"Mark #{self.row.id} {self.status}?"
            ask, hint = "why you replace it", "enter replaces it · escape keeps it as it is"
        with Vertical(classes="form"):
            yield Label(visible(title), classes="form-title", markup=False, id="override-title")
            yield Static(visible(self.refusal), markup=False, id="override-standing")
            yield Input(placeholder=f"{ask} (kept in the history)", id="override-why")
            yield Static("", classes="form-error", markup=False)
            yield Static(hint, classes="form-hint")

    def check(self) -> Values | None:
        why = self.query_one("#override-why", Input).value.strip()
        if not why:
            self.show_error("Say why: an override is never silent.")
            return None
        return {"note": why}


class EditForm(RowForm):
    """Correct the extraction; only changed fields are returned."""

    def compose(self) -> ComposeResult:
        row = self.row
        shown = {
            "speaker": row.speaker or "",
            "actor": row.actor or "",
            "content": row.content,
            "proposition": row.proposition,
            "stance": row.stance,
        } | self.values
        with Vertical(classes="form"):
            yield Label(f"Edit #{row.id}", classes="form-title")
            yield Label("Speaker (as written)")
            yield Input(shown["speaker"], id="edit-speaker")
            yield Label("Actor (who it is)")
            yield Input(shown["actor"], id="edit-actor")
            yield Label("Content (a span of the article keeps its place in the text)")
            yield Input(shown["content"], id="edit-content")
            yield Label("Proposition (the checkable claim)")
            yield Input(shown["proposition"], id="edit-proposition")
            yield FormSelect(
                [(s, s) for s in STANCES],
                value=shown["stance"],
                allow_blank=False,
                id="edit-stance",
            )
            yield Static("", classes="form-error", markup=False)
            yield Static("enter saves · escape cancels", classes="form-hint")

    def check(self) -> Values | None:
        row = self.row
        old = {
            "speaker": row.speaker or "",
            "actor": row.actor or "",
            "content": row.content,
            "proposition": row.proposition,
        }
        changes: Values = {}
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


class ActorMergeForm(RowForm):
    """The actor the statement's actor is: merged into it, for every statement and ingest."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(
                visible(f"Merge actor {self.row.actor or '(none)'} (#{self.row.id}'s) into:"),
                classes="form-title",
                markup=False,
            )
            yield Input(
                self.values.get("into", ""),
                placeholder="the actor to keep: a name, a spelling or an id",
                id="actor-into",
            )
            yield Static("", classes="form-error", markup=False)
            yield Static(
                "enter merges: all its statements and later ingests · escape cancels",
                classes="form-hint",
            )

    def check(self) -> Values | None:
        into = self.query_one("#actor-into", Input).value.strip()
        if not into:
            self.show_error("Type the actor to merge into.")
            return None
        return {"into": into}


def split_index(content: str, words: str) -> int | None:
    """Where `words` start a word of `content` after its first character, else None: typing
    "as" must not cut "w|as", and a word that also opens the content is found further on."""
    index = content.find(words, 1) if words else -1
    while index > 0:
        if word_start(content, index) == index:  # the rule `workbench split` follows too
            return index
        index = content.find(words, index + 1)
    return None


class SplitForm(RowForm):
    """Where the second statement starts: typed as the words it begins with."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(f"Split #{self.row.id} in two", classes="form-title")
            yield Static(visible(self.row.content), markup=False)
            yield Label("The second statement starts with:")
            yield Input(
                self.values.get("words", ""),
                placeholder="the first words of the second part",
                id="split-at",
            )
            yield Static("", classes="form-error", markup=False)
            yield Static("enter splits · escape cancels", classes="form-hint")

    def check(self) -> Values | None:
        words = self.query_one("#split-at", Input).value.strip()
        index = split_index(self.row.content, words)
        if index is None:
            self.show_error(
                "Type words from inside the content, after its first word, "
                "starting at the beginning of a word."
            )
            return None
        return {"at": self.row.content_start + index, "words": words}
