"""A new revision of an article (same URL, changed text) keeps the work done on the old one.

Statements whose sentence, content and actor are unchanged take over the old statement's
verdict, dismissal, evidence and notes, each recorded in the new statement's history; a
statement whose sentence changed, where the old one had a verdict, is left unverified with a
"recheck" event naming the old sentence. Runs inside the ingest's transaction, so a revision
never lands without its carried-over work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from workbench.db.models import ChangeEvent, Evidence, Source, Statement, utc_now
from workbench.db.views import IngestReport
from workbench.errors import WorkbenchError
from workbench.services.history import record_change

_S: sa.Table = Statement.__table__  # type: ignore[attr-defined]
_E: sa.Table = Evidence.__table__  # type: ignore[attr-defined]
_C: sa.Table = ChangeEvent.__table__  # type: ignore[attr-defined]
_COLUMNS = (
    _S.c.id, _S.c.sentence_start, _S.c.sentence_end, _S.c.content, _S.c.actor_id, _S.c.cue,
    _S.c.stance, _S.c.status, _S.c.dismissed, _S.c.proposition, _S.c.merged_into_id,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CarryOver:
    """What a revision kept from the one before it."""

    carried: int = 0  # statements that took over a verdict, dismissal, evidence or notes
    recheck: int = 0  # statements whose sentence changed under an old verdict


def _said(text: str, row: Any) -> tuple[str, str, int | None, str | None]:
    sentence = " ".join(text[row.sentence_start : row.sentence_end].split())
    return sentence, " ".join(row.content.split()), row.actor_id, row.cue


def _rows(session: Session, source_id: int) -> list[Any]:
    query = sa.select(*_COLUMNS).where(_S.c.source_id == source_id).order_by(_S.c.id)
    return list(session.connection().execute(query))


def _work_of(session: Session, source_id: int) -> tuple[dict[int, list[str]], dict[int, list[Any]]]:
    """Notes and live evidence of every statement of a source, in two queries (not 2 per row)."""
    ids = sa.select(_S.c.id).where(_S.c.source_id == source_id)
    notes: dict[int, list[str]] = {}
    query = (
        sa.select(_C.c.statement_id, _C.c.new)
        .where(_C.c.statement_id.in_(ids), _C.c.field == "note")
        .order_by(_C.c.id)
    )
    for statement_id, note in session.connection().execute(query):
        if note:
            notes.setdefault(statement_id, []).append(str(note))
    evidence: dict[int, list[Any]] = {}
    live = sa.select(_E).where(_E.c.statement_id.in_(ids), _E.c.removed.is_(False))
    for item in session.connection().execute(live.order_by(_E.c.id)):
        evidence.setdefault(item.statement_id, []).append(item)
    return notes, evidence


def carry_over(session: Session, *, source_id: int, previous_id: int, analyst: str) -> CarryOver:
    """Carry the previous revision's work onto the unchanged statements of `source_id`."""
    old_source, new_source = session.get(Source, previous_id), session.get(Source, source_id)
    if old_source is None or new_source is None:
        return CarryOver()
    old_rows = [r for r in _rows(session, previous_id) if r.merged_into_id is None]
    by_said: dict[tuple[str, str, int | None, str | None], Any] = {}
    for row in old_rows:
        by_said.setdefault(_said(old_source.text, row), row)
    new_rows = _rows(session, source_id)
    new_sentences = {_said(new_source.text, r)[0] for r in new_rows}
    decided = [  # old statements with a verdict whose sentence is gone: re-check candidates
        (said, row)
        for said, row in ((_said(old_source.text, r), r) for r in old_rows)
        if (row.status != "unverified" or row.dismissed) and said[0] not in new_sentences
    ]
    carried = recheck = 0
    notes, evidence = _work_of(session, previous_id)
    for row in new_rows:
        said = _said(new_source.text, row)
        old = by_said.pop(said, None)
        if old is not None:
            work = (notes.get(old.id, []), evidence.get(old.id, []))
            carried += _take_over(session, row, old, analyst, old_source.revision, work)
            continue
        changed = _changed_counterpart(decided, said)
        if changed is not None:
            recheck += 1
            _event(
                session,
                analyst,
                row.id,
                field="recheck",
                old=changed[0],
                new=said[0],
                note=f"sentence changed since revision {old_source.revision} "
                f"(statement {changed[1]} was {changed[2]}): decide again",
            )
    return CarryOver(carried, recheck)


def _changed_counterpart(
    decided: list[tuple[tuple[str, str, int | None, str | None], Any]],
    said: tuple[str, str, int | None, str | None],
) -> tuple[str, int, str] | None:
    """The old statement this one revises: same actor and cue, a sentence gone from the new
    text and most like this one, with a verdict or dismissal worth deciding again."""
    from rapidfuzz import fuzz

    best: tuple[float, tuple[str, int, str]] | None = None
    for old_said, row in decided:
        if old_said[2:] != said[2:]:
            continue
        score = fuzz.ratio(old_said[0], said[0])
        status = "dismissed" if row.dismissed else row.status
        if score >= 60 and (best is None or score > best[0]):
            best = (score, (old_said[0], row.id, status))
    return best[1] if best else None


def _take_over(
    session: Session,
    row: Any,
    old: Any,
    analyst: str,
    revision: int,
    work: tuple[list[str], list[Any]],
) -> int:
    """Copy verdict, dismissal, proposition, evidence and notes; 1 if there was any work."""
    notes, evidence = work
    worked = old.status != "unverified" or old.dismissed or notes or evidence
    if not worked:
        return 0
    why = f"carried over from statement {old.id} (revision {revision}, sentence unchanged)"
    values: dict[str, Any] = {"updated_at": utc_now(), "updated_by": analyst}
    for name in ("status", "dismissed", "proposition"):
        if getattr(old, name) != getattr(row, name):
            values[name] = getattr(old, name)
            pair = (getattr(row, name), getattr(old, name))
            shown = [str(v).lower() if name == "dismissed" else v for v in pair]
            _event(session, analyst, row.id, field=name, old=shown[0], new=shown[1], note=why)
    session.connection().execute(
        sa.update(_S).where(_S.c.id == row.id).values(**values, version=_S.c.version + 1)
    )
    for item in evidence:
        copied = {c: getattr(item, c) for c in ("url", "title", "relation", "excerpt", "added_by")}
        inserted = session.connection().execute(
            sa.insert(_E).values(**copied, statement_id=row.id, version=1, added_at=utc_now())
        )
        _event(
            session,
            analyst,
            row.id,
            entity="evidence",
            entity_id=inserted.inserted_primary_key[0],  # type: ignore[index]
            field="evidence",
            new=f"{item.relation}: {item.url}",
            note=why,
        )
    for note in notes:
        _event(session, analyst, row.id, field="note", new=note, note=why)
    return 1


def _event(
    session: Session,
    analyst: str,
    statement_id: int,
    *,
    field: str,
    new: object,
    note: str,
    old: object = None,
    entity: str = "statement",
    entity_id: int | None = None,
) -> None:
    """One history event on a statement of the new revision."""
    record_change(
        session,
        analyst=analyst,
        entity=entity,
        entity_id=statement_id if entity_id is None else entity_id,
        statement_id=statement_id,
        field=field,
        old=old,
        new=new,
        note=note,
    )


def carry_over_revisions(
    session: Session, results: list[IngestReport | WorkbenchError], analyst: str
) -> list[IngestReport | WorkbenchError]:
    """Carry work onto every new revision a batch stored; the reports say what was kept."""
    from dataclasses import replace

    out: list[IngestReport | WorkbenchError] = []
    for result in results:
        if isinstance(result, IngestReport) and result.revision_of is not None:
            kept = carry_over(
                session, source_id=result.source_id, previous_id=result.revision_of, analyst=analyst
            )
            result = replace(result, carried=kept.carried, recheck=kept.recheck)
        out.append(result)
    return out


@dataclass(frozen=True, slots=True)
class RevisionDiff:
    """The sentences one revision changed against the one before it."""

    source_id: int
    revision: int
    previous_id: int | None
    lines: tuple[tuple[str, str], ...]  # ("-", old sentence) / ("+", new sentence)
    recheck: tuple[int, ...]  # statements marked for re-check
    carried: tuple[int, ...]  # statements that kept the old revision's work


def revision_diff(session: Session, source_id: int) -> RevisionDiff:
    """Changed sentences (difflib over the sentence lists) and the statements they affect."""
    import difflib

    from workbench.errors import InvalidInput
    from workbench.extract.sentences import split_sentences

    source = session.get(Source, source_id)
    if source is None:
        raise InvalidInput(
            f"no source with id {source_id}", where="source", hint="see `workbench sources`"
        )
    previous = session.get(Source, source.previous_id) if source.previous_id else None
    if previous is None:
        return RevisionDiff(source_id, source.revision, None, (), (), ())

    def sentences(text: str) -> list[str]:
        return [" ".join(text[s:e].split()) for s, e in split_sentences(text)]

    old, new = sentences(previous.text), sentences(source.text)
    lines: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            lines += [("-", s) for s in old[a1:a2]] + [("+", s) for s in new[b1:b2]]
    ids = sa.select(_S.c.id).where(_S.c.source_id == source_id)
    marked = sa.select(_C.c.statement_id, _C.c.field, _C.c.note).where(
        _C.c.statement_id.in_(ids), _C.c.field.in_(("recheck", "status", "dismissed", "note"))
    )
    recheck: set[int] = set()
    carried: set[int] = set()
    for statement_id, field, note in session.connection().execute(marked):
        if field == "recheck":
            recheck.add(statement_id)
        elif note.startswith("carried over from statement"):
            carried.add(statement_id)
    return RevisionDiff(
        source_id, source.revision, previous.id, tuple(lines), tuple(sorted(recheck)),
        tuple(sorted(carried)),
    )  # fmt: skip
