"""How each change to a statement is written: the mechanics behind `services.changes`.

Every function here takes the row as `apply_change` read it (once), writes a compare-and-swap
on `statement.version` plus its history events in the caller's transaction, and returns the row
as it now is. Nothing outside `services.changes` calls these: the typed change path is the only
door, so a new face (CLI, TUI, import) cannot skip the version check or the history.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import insert, select, update
from sqlmodel import Session, col

from workbench.db.models import ChangeEvent, Statement, utc_now
from workbench.db.views import StatementRow
from workbench.errors import InvalidInput, StaleEdit
from workbench.services.history import record_change
from workbench.services.statements import get_statement_row
from workbench.vocabulary import STANCES, STATUSES


class Raced(StaleEdit):
    """The row moved between our read and our write although the analyst named no version:
    `apply_change` reads it again and retries instead of refusing a change nobody contested."""


def change_row(
    session: Session,
    row: StatementRow,
    seen_version: int | None,
    analyst: str,
    **values: Any,
) -> StatementRow:
    """Apply `values` only if the row is still at the version the analyst saw.

    Returns the row as it now is, without reading it back.
    """
    expected = row.version if seen_version is None else seen_version
    now = utc_now()
    result = session.execute(
        update(Statement)
        .where(col(Statement.id) == row.id, col(Statement.version) == expected)
        .values(**values, version=expected + 1, updated_at=now, updated_by=analyst)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        # Name the version the row is at now (not the one read before): it is what to reload.
        now_at = session.execute(
            select(col(Statement.version), col(Statement.updated_by)).where(
                col(Statement.id) == row.id
            )
        ).first()
        version, by = (now_at[0], now_at[1]) if now_at else (row.version, row.updated_by)
        error = Raced if seen_version is None else StaleEdit
        raise error.of("statement", row.id, by=by, now=version, seen=expected)
    shown = {k: v for k, v in values.items() if k in StatementRow.__dataclass_fields__}
    return replace(row, **shown, version=expected + 1, updated_at=now, updated_by=analyst)


def write_status(
    session: Session,
    row: StatementRow,
    *,
    status: str,
    analyst: str,
    seen_version: int | None = None,
    note: str = "",
) -> StatementRow:
    """Mark a statement confirmed, disputed or unverified."""
    if status not in STATUSES:
        raise InvalidInput(
            f"unknown status '{status}'", where="status", hint=f"use one of {', '.join(STATUSES)}"
        )
    statement_id = row.id
    if row.status == status and seen_version in (None, row.version):
        if status != "unverified" and _last_verdict_by(session, row.id, analyst) != status:
            # Another analyst reaching the same verdict is agreement, and agreement is measured
            # from the history: recorded (old = new), the row itself unchanged.
            record_change(
                session,
                analyst=analyst,
                entity="statement",
                entity_id=row.id,
                statement_id=row.id,
                field="status",
                old=status,
                new=status,
                note=note,
            )
        elif note:
            write_note(session, row, text=note, analyst=analyst)
        return row
    changed = change_row(session, row, seen_version, analyst, status=status)
    record_change(
        session,
        analyst=analyst,
        entity="statement",
        entity_id=statement_id,
        statement_id=statement_id,
        field="status",
        old=row.status,
        new=status,
        note=note,
    )
    return changed


def _last_verdict_by(session: Session, statement_id: int, analyst: str) -> str | None:
    """The last status this analyst set on the statement, from its history."""
    return session.execute(
        select(col(ChangeEvent.new))
        .where(
            col(ChangeEvent.statement_id) == statement_id,
            col(ChangeEvent.field) == "status",
            col(ChangeEvent.analyst) == analyst,
        )
        .order_by(col(ChangeEvent.at).desc(), col(ChangeEvent.id).desc())  # as standing_verdict
        .limit(1)
    ).scalar()


def write_note(session: Session, row: StatementRow, *, text: str, analyst: str) -> None:
    """Notes are history events: they are never edited or lost."""
    if not text.strip():
        raise InvalidInput("the note is empty", where="note")
    record_change(
        session,
        analyst=analyst,
        entity="statement",
        entity_id=row.id,
        statement_id=row.id,
        field="note",
        new=text.strip(),
    )


def _record_fields(
    session: Session,
    analyst: str,
    row: StatementRow,
    changes: dict[str, tuple[Any, Any]],
    note: str,
) -> None:
    for field_name, (old, new) in changes.items():
        record_change(
            session,
            analyst=analyst,
            entity="statement",
            entity_id=row.id,
            statement_id=row.id,
            field=field_name,
            old=old,
            new=new,
            note=note,
        )


def write_correction(
    session: Session,
    row: StatementRow,
    *,
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
    """Fix what the extractor got wrong: who spoke, the resolved actor, the claim, its stance.

    Content edited to a substring of the source text keeps exact offsets and rebuilds the
    proposition (unless one is given); other text is kept as the analyst's wording in
    `proposition`, so the article offsets stay true. `actor_kind`/`affiliation` fix the actor.
    """
    from workbench.services.actor_details import (
        check_kind,
        resolve_corrected_actor,
        set_actor_details,
    )
    from workbench.services.propositions import proposition_for

    statement_id = row.id
    check_kind(actor_kind)
    for name, given in (("actor", actor), ("content", content), ("proposition", proposition)):
        if given is not None and not given.strip():
            raise InvalidInput(
                f"the {name} cannot be empty",
                where=name,
                hint="leave it out to keep it; dismiss a statement that is not checkable",
            )
    values: dict[str, Any] = {}
    changes: dict[str, tuple[Any, Any]] = {}
    if speaker is not None and speaker.strip() != (row.speaker or ""):
        values["speaker"] = speaker.strip() or None
        changes["speaker"] = (row.speaker, values["speaker"])
    if actor is not None and actor.strip() != row.actor:
        name = actor.strip()
        values["actor_id"], new_kind = resolve_corrected_actor(
            session, name, old_kind=row.actor_kind, kind=actor_kind
        )
        changes["actor"] = (row.actor, name)
        if new_kind != row.actor_kind:
            changes["actor_kind"] = (row.actor_kind, new_kind)
    if stance is not None and stance != row.stance:
        if stance not in STANCES:
            raise InvalidInput(f"unknown stance '{stance}'", where="stance")
        values["stance"] = stance
        changes["stance"] = (row.stance, stance)
    if content is not None and content.strip() != row.content:
        content_values = _content_values(session, row, content.strip())
        values.update(content_values)
        if "content" in content_values:
            changes["content"] = (row.content, content.strip())
            if proposition is None:  # the old proposition would still be what is exported
                values["proposition"] = proposition_for(content.strip(), row)
                changes["proposition"] = (row.proposition, values["proposition"])
        else:  # not words of the article: recorded as what it became, the proposition
            changes["proposition"] = (row.proposition, content.strip())
    if proposition is not None and proposition.strip() != row.proposition:
        values["proposition"] = proposition.strip()
        changes["proposition"] = (row.proposition, values["proposition"])
    if values:
        change_row(session, row, seen_version, analyst, **values)
        _record_fields(session, analyst, row, changes, note)
    if actor_kind is not None or affiliation is not None:
        actor_id = values.get("actor_id", row.actor_id)
        if actor_id is not None:
            set_actor_details(
                session,
                actor_id=actor_id,
                statement_id=statement_id,
                analyst=analyst,
                kind=actor_kind,
                affiliation=affiliation,
                note=note,
            )
    changed = values or actor_kind is not None or affiliation is not None
    return get_statement_row(session, statement_id) if changed else row


def _content_values(session: Session, row: StatementRow, content: str) -> dict[str, Any]:
    from workbench.services.sources import source_text

    text = source_text(session, row.source_id)
    found = text.find(content, row.sentence_start)
    if found < 0:
        found = text.find(content)
    if found >= 0:
        return {"content": content, "content_start": found, "content_end": found + len(content)}
    return {"proposition": content}


def _refuse_merged(row: StatementRow, action: str) -> None:
    """A merged statement lives on as part of another: it is never edited on its own again
    (restored, split or merged, it would show its text twice, or merge in a cycle)."""
    if row.merged_into_id is not None:
        raise InvalidInput(
            f"statement {row.id} is already merged into {row.merged_into_id}",
            where=action,
            hint=f"its text is part of statement {row.merged_into_id} now",
        )


def write_dismissal(
    session: Session,
    row: StatementRow,
    *,
    analyst: str,
    seen_version: int | None = None,
    note: str = "",
    dismissed: bool = True,
) -> StatementRow:
    """Set a statement aside as not checkable (or bring it back with dismissed=False)."""
    statement_id = row.id
    if row.dismissed == dismissed:
        return row
    if not dismissed:
        _refuse_merged(row, "restore")
    change_row(session, row, seen_version, analyst, dismissed=dismissed)
    record_change(
        session,
        analyst=analyst,
        entity="statement",
        entity_id=statement_id,
        statement_id=statement_id,
        field="dismissed",
        old=str(row.dismissed).lower(),
        new=str(dismissed).lower(),
        note=note,
    )
    return get_statement_row(session, statement_id)


def write_split(
    session: Session,
    row: StatementRow,
    *,
    at: int,
    analyst: str,
    seen_version: int | None = None,
    note: str = "",
) -> tuple[StatementRow, StatementRow]:
    """Cut a statement's content in two at a source-text offset; the second half is a new row."""
    statement_id = row.id
    _refuse_merged(row, "split")
    if row.dismissed:  # its second half would come back as a live statement
        raise InvalidInput(
            f"statement {row.id} is dismissed",
            where="split",
            hint=f"restore it first (`workbench dismiss {row.id} --restore`)",
        )
    if not row.content_start < at < row.content_end:
        raise InvalidInput(
            f"split point {at} is not inside the content ({row.content_start}-{row.content_end})",
            where="split",
        )
    from workbench.services.propositions import proposition_for, word_start

    at = row.content_start + word_start(row.content, at - row.content_start)  # never mid-word
    from workbench.services.sources import source_text

    text = source_text(session, row.source_id)
    first_end = _trim_end(text, row.content_start, at)
    second_start = _trim_start(text, at, row.content_end)
    if first_end <= row.content_start or second_start >= row.content_end:
        raise InvalidInput("one side of the split would be empty", where="split")
    first, second = text[row.content_start : first_end], text[second_start : row.content_end]
    change_row(
        session,
        row,
        seen_version,
        analyst,
        content=first,
        content_end=first_end,
        proposition=proposition_for(first, row),
    )
    now = utc_now()
    result = session.execute(
        insert(Statement).values(
            key=_split_key(session, row.key, second_start),
            source_id=row.source_id,
            sentence_start=row.sentence_start,
            sentence_end=row.sentence_end,
            speaker=row.speaker,
            speaker_start=row.speaker_start,
            speaker_end=row.speaker_end,
            actor_id=row.actor_id,
            cue=row.cue,
            cue_start=row.cue_start,
            cue_end=row.cue_end,
            stance=row.stance,
            content=second,
            content_start=second_start,
            content_end=row.content_end,
            proposition=proposition_for(second, row),
            claim_group=row.claim_group,
            rule=row.rule,
            confidence=row.confidence,
            origin="split",
            status=row.status,
            created_at=now,
            updated_at=now,
            updated_by=analyst,
        )
    )
    new_id = result.inserted_primary_key[0]  # type: ignore[attr-defined]
    _record_fields(session, analyst, row, {"content": (row.content, first)}, note or "split")
    record_change(
        session,
        analyst=analyst,
        entity="statement",
        entity_id=new_id,
        statement_id=new_id,
        field="split",
        old=str(row.id),
        new=second,
        note=note,
    )
    return get_statement_row(session, statement_id), get_statement_row(session, new_id)


def _split_key(session: Session, key: str, second_start: int) -> str:
    """Deterministic (two databases splitting alike agree), and unique even when the same
    statement is split at the same point again after a merge."""
    base = f"{key[:20]}-s{second_start}"
    candidate, number = base, 1
    while session.execute(select(col(Statement.id)).where(col(Statement.key) == candidate)).first():
        number += 1
        candidate = f"{base}-{number}"
    return candidate[:40]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    return end


def _trim_start(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " \t\n,;:":
        start += 1
    return start


def write_merge(
    session: Session,
    keep: StatementRow,
    other: StatementRow,
    *,
    analyst: str,
    keep_version: int | None = None,
    merge_version: int | None = None,
    note: str = "",
) -> StatementRow:
    """Fold one statement into another of the same source: the content spans both."""
    keep_id, merge_id = keep.id, other.id
    if keep_id == merge_id:
        raise InvalidInput("cannot merge a statement with itself", where="merge")
    for row in (keep, other):  # merging again, or into a merged one, would make a cycle
        _refuse_merged(row, "merge")
    if keep.source_id != other.source_id:
        raise InvalidInput("only statements of the same source can be merged", where="merge")
    from workbench.services.propositions import proposition_for
    from workbench.services.sources import source_text

    text = source_text(session, keep.source_id)
    start = min(keep.content_start, other.content_start)
    end = max(keep.content_end, other.content_end)
    change_row(
        session,
        keep,
        keep_version,
        analyst,
        content=text[start:end],
        content_start=start,
        content_end=end,
        proposition=proposition_for(text[start:end], keep),
        sentence_start=min(keep.sentence_start, other.sentence_start),
        sentence_end=max(keep.sentence_end, other.sentence_end),
    )
    change_row(session, other, merge_version, analyst, dismissed=True, merged_into_id=keep_id)
    _record_fields(session, analyst, keep, {"content": (keep.content, text[start:end])}, note)
    record_change(
        session,
        analyst=analyst,
        entity="statement",
        entity_id=merge_id,
        statement_id=merge_id,
        field="merged_into",
        new=str(keep_id),
        note=note,
    )
    return get_statement_row(session, keep_id)
