"""The one typed path for every change an analyst makes, used by the TUI, the CLI and import.

A change is a frozen dataclass naming what to do (`SetStatus`, `AddNote`, `AddEvidence`,
`RemoveEvidence`, `Correct`, `Dismiss`, `Split`, `Merge`). `apply_change` runs it inside the
caller's transaction: it reads the statement once, checks the version the analyst saw, writes
the change and its history, and returns an `Applied` with the rows to redraw and the change that
would undo it. The faces only build changes and show results; none of them writes on its own,
so none can skip the version check or the history.

Adding a kind of change (claim verdicts, links, assignments, second review…):

1. declare a frozen dataclass with the fields an analyst gives, the statement (or other row)
   id first;
2. write a handler `(session, change, analyst, expected_version) -> Applied` that reads its row
   once, refuses a stale `expected_version` with `StaleEdit`, writes through
   `history.record_change`, and returns the undo (or None when the history is the only way
   back, as for splits and merges);
3. register it with `@handles(TheChange)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlmodel import Session

from workbench.db.views import StatementRow
from workbench.errors import InvalidInput, NotFound, StaleEdit
from workbench.services import evidence, statement_writes
from workbench.services.statement_writes import Raced
from workbench.services.statements import get_statement_row

# A write that named no version can lose a race on PostgreSQL (READ COMMITTED lets another
# analyst commit between our read and our compare-and-swap). Nobody contested it, so it is
# read again and retried; a handful of tries is plenty even for 8 writers on one row.
RACE_RETRIES = 8


@dataclass(frozen=True)
class SetStatus:
    """A verdict on what the speaker says: confirmed, disputed or unverified."""

    statement_id: int
    status: str
    note: str = ""
    # Replace a verdict another analyst set (needs a note saying why): see verdict_rules.
    override: bool = False


@dataclass(frozen=True)
class AddNote:
    statement_id: int
    text: str


@dataclass(frozen=True)
class AddEvidence:
    statement_id: int
    url: str
    title: str = ""
    relation: str = "supports"
    excerpt: str = ""


@dataclass(frozen=True)
class RemoveEvidence:
    statement_id: int
    evidence_id: int
    note: str = ""


@dataclass(frozen=True)
class EditEvidence:
    """Change a link's URL, title, relation or excerpt; a field left None is kept."""

    statement_id: int
    evidence_id: int
    url: str | None = None
    title: str | None = None
    relation: str | None = None
    excerpt: str | None = None
    evidence_version: int | None = None  # the link's version the analyst saw


@dataclass(frozen=True)
class Correct:
    """Fix the extraction; a field left None is kept as it is."""

    statement_id: int
    speaker: str | None = None
    actor: str | None = None
    content: str | None = None
    proposition: str | None = None
    stance: str | None = None
    note: str = ""
    actor_kind: str | None = None  # these two change the actor itself (all its statements)
    affiliation: str | None = None


@dataclass(frozen=True)
class Dismiss:
    """Set a statement aside as not checkable, or bring it back (`dismissed=False`)."""

    statement_id: int
    dismissed: bool = True
    note: str = ""


@dataclass(frozen=True)
class Split:
    """Cut the content at a source-text offset; the second part becomes a new statement."""

    statement_id: int
    at: int
    note: str = ""


@dataclass(frozen=True)
class Merge:
    """Fold statement `merge_id` into `statement_id` (the one kept)."""

    statement_id: int
    merge_id: int
    merge_version: int | None = None
    note: str = ""


Change = (
    SetStatus
    | AddNote
    | AddEvidence
    | RemoveEvidence
    | EditEvidence
    | Correct
    | Dismiss
    | Split
    | Merge
)


@dataclass(frozen=True)
class Applied:
    """What a change did: the rows to redraw, the statement as it was, and how to undo it."""

    change: Any  # a Change, or a kind registered elsewhere (claim_changes)
    rows: tuple[StatementRow, ...]
    before: StatementRow | None  # None for changes to something else than one statement
    undo: Any | None
    undo_version: int | None  # the version the undo expects (the one this change committed)
    message: str
    created_id: int | None = None  # a row the change made: the new evidence, a split's half
    # What else the analyst must be told: an override, an agreement, a second-review round.
    remark: str = ""


C = TypeVar("C")
Handler = Callable[[Session, Any, str, "int | None"], Applied]
_HANDLERS: dict[type, Handler] = {}


def handles(kind: type[C]) -> Callable[[Callable[[Session, C, str, int | None], Applied]], Any]:
    """Register the handler of one kind of change."""

    def register(handler: Callable[[Session, C, str, int | None], Applied]) -> Any:
        _HANDLERS[kind] = handler
        return handler

    return register


def apply_change(
    session: Session, change: Any, *, analyst: str, expected_version: int | None = None
) -> Applied:
    """Apply one change in the caller's transaction; StaleEdit if the row moved past
    `expected_version` (the version the analyst saw). Without a version it is applied to the
    row as it is, retried if another writer commits in between."""
    handler = _HANDLERS.get(type(change)) or _registered(type(change))
    if handler is None:
        raise TypeError(f"no handler for {type(change).__name__}")  # a bug, not user input
    if expected_version is not None:
        return handler(session, change, analyst, expected_version)
    for attempt in range(RACE_RETRIES):
        try:
            with session.begin_nested():  # a lost race rolls back only this try
                return handler(session, change, analyst, None)
        except Raced:
            if attempt == RACE_RETRIES - 1:
                raise
    raise AssertionError("unreachable")


# Kinds of change defined next to their domain (verdicts, claims, settings, the work split)
# register themselves when imported. They import this module, so they are loaded on first use
# rather than at the end of this one: no import cycle, whichever module a program imports first.
REGISTERING_MODULES = (
    "verdict_rules",
    "claim_changes",
    "settings",
    "assignments",
    "actor_changes",
)


def _registered(kind: type) -> Handler | None:
    from importlib import import_module

    for name in REGISTERING_MODULES:
        import_module(f"workbench.services.{name}")
    return _HANDLERS.get(kind)


def check_seen(row: StatementRow, expected_version: int | None, *, hint: str = "") -> None:
    """For changes that do not bump the statement's version (notes, evidence, assignments)."""
    if expected_version is not None and row.version != expected_version:
        extra = {"hint": hint} if hint else {}
        by, now = row.updated_by, row.version
        raise StaleEdit.of("statement", row.id, by=by, now=now, seen=expected_version, **extra)


@handles(AddNote)
def _add_note(session: Session, c: AddNote, analyst: str, seen: int | None) -> Applied:
    row = get_statement_row(session, c.statement_id)
    check_seen(row, seen)
    statement_writes.write_note(session, row, text=c.text, analyst=analyst)
    return Applied(c, (row,), row, None, None, "note added")


@handles(AddEvidence)
def _add_evidence(session: Session, c: AddEvidence, analyst: str, seen: int | None) -> Applied:
    row = get_statement_row(session, c.statement_id)
    check_seen(row, seen)
    view = evidence.add_evidence(
        session,
        statement_id=c.statement_id,
        url=c.url,
        analyst=analyst,
        title=c.title,
        relation=c.relation,
        excerpt=c.excerpt,
    )
    undo = RemoveEvidence(c.statement_id, view.id)
    message = f"evidence added ({view.relation})"
    return Applied(c, (row,), row, undo, None, message, created_id=view.id)


@handles(RemoveEvidence)
def _remove_evidence(
    session: Session, c: RemoveEvidence, analyst: str, seen: int | None
) -> Applied:
    row = get_statement_row(session, c.statement_id)
    check_seen(row, seen)
    evidence.remove_evidence(session, evidence_id=c.evidence_id, analyst=analyst, note=c.note)
    return Applied(c, (row,), row, None, None, "evidence removed")


@handles(EditEvidence)
def _edit_evidence(session: Session, c: EditEvidence, analyst: str, seen: int | None) -> Applied:
    row = get_statement_row(session, c.statement_id)
    check_seen(row, seen)
    link = evidence.statement_of(session, c.evidence_id)
    if link is None:
        raise NotFound(f"no evidence with id {c.evidence_id}", where="evidence")
    if link != c.statement_id:
        raise InvalidInput(
            f"evidence {c.evidence_id} is not on statement {c.statement_id}", where="evidence"
        )
    view, old = evidence.edit_evidence(
        session,
        evidence_id=c.evidence_id,
        analyst=analyst,
        seen_version=c.evidence_version,
        url=c.url,
        title=c.title,
        relation=c.relation,
        excerpt=c.excerpt,
    )
    if not old:
        return Applied(c, (row,), row, None, None, f"evidence {view.id}: unchanged")
    undo = EditEvidence(c.statement_id, c.evidence_id, evidence_version=view.version, **old)
    return Applied(c, (row,), row, undo, None, f"evidence {view.id} changed: {', '.join(old)}")


@handles(Correct)
def _correct(session: Session, c: Correct, analyst: str, seen: int | None) -> Applied:
    before = get_statement_row(session, c.statement_id)
    row = statement_writes.write_correction(
        session,
        before,
        analyst=analyst,
        seen_version=seen,
        speaker=c.speaker,
        actor=c.actor,
        content=c.content,
        proposition=c.proposition,
        stance=c.stance,
        note=c.note,
        actor_kind=c.actor_kind,
        affiliation=c.affiliation,
    )
    old = {
        "speaker": before.speaker or "",
        "actor": before.actor,
        "content": before.content,
        "proposition": before.proposition,
        "stance": before.stance,
    }
    given: dict[str, Any] = {name: old[name] for name in old if getattr(c, name) is not None}
    if row.proposition != before.proposition:  # new content rebuilt it: undo that too
        given["proposition"] = before.proposition
    undo = Correct(c.statement_id, **given) if row.version != before.version else None
    return Applied(c, (row,), before, undo, row.version, f"#{row.id} corrected")


@handles(Dismiss)
def _dismiss(session: Session, c: Dismiss, analyst: str, seen: int | None) -> Applied:
    before = get_statement_row(session, c.statement_id)
    row = statement_writes.write_dismissal(
        session, before, analyst=analyst, seen_version=seen, note=c.note, dismissed=c.dismissed
    )
    undo = Dismiss(c.statement_id, not row.dismissed)
    word = "dismissed" if row.dismissed else "restored"
    return Applied(c, (row,), before, undo, row.version, f"#{row.id} {word}")


@handles(Split)
def _split(session: Session, c: Split, analyst: str, seen: int | None) -> Applied:
    before = get_statement_row(session, c.statement_id)
    first, second = statement_writes.write_split(
        session, before, at=c.at, analyst=analyst, seen_version=seen, note=c.note
    )
    message = f"#{first.id} split; new #{second.id}"
    return Applied(c, (first, second), before, None, None, message, created_id=second.id)


@handles(Merge)
def _merge(session: Session, c: Merge, analyst: str, seen: int | None) -> Applied:
    keep = get_statement_row(session, c.statement_id)
    other = get_statement_row(session, c.merge_id)
    row = statement_writes.write_merge(
        session,
        keep,
        other,
        analyst=analyst,
        keep_version=seen,
        merge_version=c.merge_version,
        note=c.note,
    )
    return Applied(c, (row,), keep, None, None, f"#{c.merge_id} merged into #{row.id}")
