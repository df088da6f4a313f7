"""Keyword shortcuts over `services.changes` for scripts, benchmarks and tests.

Each builds one typed change and applies it through `apply_change`, so a script gets the same
version check and history as the review screen. `seen_version` is the version the analyst was
looking at: a concurrent edit by someone else then raises StaleEdit instead of overwriting.
"""

from __future__ import annotations

from sqlmodel import Session

from workbench.db.views import StatementRow
from workbench.services.changes import (
    AddNote,
    Correct,
    Dismiss,
    Merge,
    SetStatus,
    Split,
    apply_change,
)


def set_status(
    session: Session,
    *,
    statement_id: int,
    status: str,
    analyst: str,
    seen_version: int | None = None,
    note: str = "",
    override: bool = False,
) -> StatementRow:
    """Mark a statement confirmed, disputed or unverified (`override`: see verdict_rules)."""
    change = SetStatus(statement_id, status, note, override=override)
    return apply_change(session, change, analyst=analyst, expected_version=seen_version).rows[0]


def add_note(session: Session, *, statement_id: int, text: str, analyst: str) -> None:
    """Notes are history events: they are never edited or lost."""
    apply_change(session, AddNote(statement_id, text), analyst=analyst)


def correct_statement(
    session: Session,
    *,
    statement_id: int,
    analyst: str,
    seen_version: int | None = None,
    speaker: str | None = None,
    actor: str | None = None,
    content: str | None = None,
    proposition: str | None = None,
    stance: str | None = None,
    note: str = "",
    actor_kind: str | None = None,
    affiliation: str | None = None,
) -> StatementRow:
    """Fix what the extractor got wrong: who spoke, the resolved actor, the claim, its stance."""
    change = Correct(
        statement_id, speaker, actor, content, proposition, stance, note, actor_kind, affiliation
    )
    return apply_change(session, change, analyst=analyst, expected_version=seen_version).rows[0]


def dismiss_statement(
    session: Session,
    *,
    statement_id: int,
    analyst: str,
    seen_version: int | None = None,
    note: str = "",
    dismissed: bool = True,
) -> StatementRow:
    """Set a statement aside as not checkable (or bring it back with dismissed=False)."""
    change = Dismiss(statement_id, dismissed, note)
    return apply_change(session, change, analyst=analyst, expected_version=seen_version).rows[0]


def split_statement(
    session: Session,
    *,
    statement_id: int,
    at: int,
    analyst: str,
    seen_version: int | None = None,
    note: str = "",
) -> tuple[StatementRow, StatementRow]:
    """Cut a statement's content in two at a source-text offset; the second half is a new row."""
    change = Split(statement_id, at, note)
    first, second = apply_change(
        session, change, analyst=analyst, expected_version=seen_version
    ).rows
    return first, second


def merge_statements(
    session: Session,
    *,
    keep_id: int,
    merge_id: int,
    analyst: str,
    keep_version: int | None = None,
    merge_version: int | None = None,
    note: str = "",
) -> StatementRow:
    """Fold one statement into another of the same source: the content spans both."""
    change = Merge(keep_id, merge_id, merge_version, note)
    return apply_change(session, change, analyst=analyst, expected_version=keep_version).rows[0]
