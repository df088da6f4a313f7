"""Evidence links on statements: what supports, refutes or gives context to a claim."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, col, select

from workbench.db.models import RELATIONS, Evidence, Statement, utc_now
from workbench.db.views import EvidenceView
from workbench.errors import InvalidInput, NotFound, StaleEdit
from workbench.ingest.decoding import check_control_characters
from workbench.services.history import record_change
from workbench.urls import require_http_url


def _view(evidence: Evidence) -> EvidenceView:
    assert evidence.id is not None
    return EvidenceView(
        id=evidence.id,
        statement_id=evidence.statement_id,
        url=evidence.url,
        title=evidence.title,
        relation=evidence.relation,
        excerpt=evidence.excerpt,
        added_by=evidence.added_by,
        added_at=evidence.added_at,
        version=evidence.version,
    )


def check_relation(relation: str) -> str:
    if relation not in RELATIONS:
        raise InvalidInput(
            f"unknown relation '{relation}'",
            where="relation",
            hint=f"use one of {', '.join(RELATIONS)}",
        )
    return relation


def add_evidence(
    session: Session,
    *,
    statement_id: int,
    url: str,
    analyst: str,
    title: str = "",
    relation: str = "supports",
    excerpt: str = "",
) -> EvidenceView:
    """Attach a link (http/https only) and record it in the statement's history."""
    checked_url = require_http_url(url, where="evidence url")
    check_relation(relation)
    check_control_characters(title, where="evidence title")  # see record_change
    check_control_characters(excerpt, where="evidence excerpt")
    if session.get(Statement, statement_id) is None:
        raise NotFound(f"no statement with id {statement_id}", where="statement")
    same = session.exec(
        select(Evidence).where(
            col(Evidence.statement_id) == statement_id,
            col(Evidence.url) == checked_url,
            col(Evidence.removed).is_(False),
        )
    ).first()
    if same is not None:  # the same link twice would be listed twice in every report
        raise InvalidInput(
            f"statement {statement_id} already has this link (evidence {same.id}, {same.relation})",
            where="evidence url",
            hint="nothing was added",
        )
    evidence = Evidence(
        statement_id=statement_id,
        url=checked_url,
        title=title.strip(),
        relation=relation,
        excerpt=excerpt.strip(),
        added_by=analyst,
        added_at=utc_now(),
    )
    session.add(evidence)
    session.flush()
    assert evidence.id is not None
    record_change(
        session,
        analyst=analyst,
        entity="evidence",
        entity_id=evidence.id,
        statement_id=statement_id,
        field="evidence",
        new=f"{relation}: {checked_url}" + (f" ({evidence.title})" if evidence.title else ""),
    )
    return _view(evidence)


def remove_evidence(session: Session, *, evidence_id: int, analyst: str, note: str = "") -> None:
    """Hide a link; the row and the history keep what it was."""
    evidence = session.get(Evidence, evidence_id)
    if evidence is None or evidence.removed:
        raise NotFound(f"no evidence with id {evidence_id}", where="evidence")
    session.execute(
        update(Evidence)
        .where(col(Evidence.id) == evidence_id)
        .values(removed=True, version=col(Evidence.version) + 1)
    )
    record_change(
        session,
        analyst=analyst,
        entity="evidence",
        entity_id=evidence_id,
        statement_id=evidence.statement_id,
        field="evidence",
        old=f"{evidence.relation}: {evidence.url}",
        new=None,
        note=note,
    )


EDITABLE = ("url", "title", "relation", "excerpt")


def edit_evidence(
    session: Session,
    *,
    evidence_id: int,
    analyst: str,
    seen_version: int | None = None,
    **given: str | None,
) -> tuple[EvidenceView, dict[str, str]]:
    """Change a link's URL, title, relation or excerpt (a field given as None is kept).

    Compare-and-set on the link's own version, one history event per changed field. Returns
    the link as it now is and the old values of the fields that changed (for the undo).
    """
    evidence = session.get(Evidence, evidence_id)
    if evidence is None or evidence.removed:
        raise NotFound(f"no evidence with id {evidence_id}", where="evidence")
    wanted = _checked(evidence.statement_id, evidence_id, session, given)
    changed = {k: v for k, v in wanted.items() if v != getattr(evidence, k)}
    if not changed:
        return _view(evidence), {}
    expected = evidence.version if seen_version is None else seen_version
    old = {name: str(getattr(evidence, name)) for name in changed}  # before the ORM syncs it
    result = session.execute(
        update(Evidence)
        .where(col(Evidence.id) == evidence_id, col(Evidence.version) == expected)
        .values(**changed, version=expected + 1)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleEdit.of(
            "evidence", evidence_id, by=evidence.added_by, now=evidence.version, seen=expected
        )
    for name, value in changed.items():
        record_change(
            session,
            analyst=analyst,
            entity="evidence",
            entity_id=evidence_id,
            statement_id=evidence.statement_id,
            field=f"evidence {name}",
            old=old[name],
            new=value,
        )
    session.refresh(evidence)
    return _view(evidence), old


def _checked(
    statement_id: int, evidence_id: int, session: Session, given: dict[str, str | None]
) -> dict[str, str]:
    unknown = set(given) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not an evidence field: {', '.join(sorted(unknown))}")  # a bug
    wanted = {k: v.strip() for k, v in given.items() if v is not None}
    if "url" in wanted:
        wanted["url"] = require_http_url(wanted["url"], where="evidence url")
        same = session.exec(
            select(Evidence.id).where(
                col(Evidence.statement_id) == statement_id,
                col(Evidence.url) == wanted["url"],
                col(Evidence.removed).is_(False),
                col(Evidence.id) != evidence_id,
            )
        ).first()
        if same is not None:
            raise InvalidInput(
                f"statement {statement_id} already has this link (evidence {same})",
                where="evidence url",
                hint="nothing was changed",
            )
    if "relation" in wanted:
        check_relation(wanted["relation"])
    for name in ("title", "excerpt"):
        if name in wanted:
            check_control_characters(wanted[name], where=f"evidence {name}")
    return wanted


def statement_of(session: Session, evidence_id: int) -> int | None:
    found = session.get(Evidence, evidence_id)
    return None if found is None or found.removed else found.statement_id


def evidence_for(session: Session, statement_id: int) -> list[EvidenceView]:
    query = (
        select(Evidence)
        .where(col(Evidence.statement_id) == statement_id, col(Evidence.removed).is_(False))
        .order_by(col(Evidence.id))
    )
    return [_view(e) for e in session.exec(query)]
