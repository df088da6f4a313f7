"""Bulk insertion of the statements an import brings that this database does not hold yet.

New statements are the bulk of most imports and need no decisions (nothing here to match or
disagree with), so they skip the ORM: one driver-level executemany per table, a source at a time.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from workbench.db.bulk import bulk_insert
from workbench.db.models import ChangeEvent, Evidence, Statement

CHUNK = 500  # keys per IN (...) lookup
# Built once: building a query costs more than running one of these.
_IDS = select(Statement.key, Statement.id).where(
    col(Statement.key).in_(bindparam("keys", expanding=True))
)
_EVIDENCE_IDS = select(Evidence.statement_id, Evidence.url, Evidence.relation, Evidence.id).where(
    col(Evidence.statement_id).in_(bindparam("ids", expanding=True))
)


def event_entity_id(
    event_entity: str,
    ref: Any,
    *,
    entity: str,
    entity_id: int,
    evidence_ids: dict[tuple[str, str], int] | None,
) -> int:
    """The local id an incoming event is about: the evidence link its `evidence` reference
    (url, relation) names, else `entity_id` when it is about `entity` itself, else 0."""
    if event_entity == "evidence" and isinstance(ref, dict) and evidence_ids:
        return evidence_ids.get((ref.get("url"), ref.get("relation")), 0)
    return entity_id if event_entity == entity else 0


class NewStatements:
    """Statements not yet in this database, inserted a source at a time.

    One driver-level executemany per table (`bulk_insert`) instead of an INSERT, a flush and a
    duplicate check per row: a 100,000-statement file goes in in seconds. Ids are read back by
    key (statements) and by (statement, url, relation) (evidence) for the rows that point at them.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._clear()

    def _clear(self) -> None:
        self.statements: list[dict[str, Any]] = []
        self.evidence: list[list[dict[str, Any]]] = []
        self.history: list[list[tuple[dict[str, Any], Any]]] = []

    def add(
        self,
        values: dict[str, Any],
        evidence: list[dict[str, Any]],
        history: list[tuple[dict[str, Any], Any]],
    ) -> None:
        self.statements.append(values)
        self.evidence.append(evidence)
        self.history.append(history)

    def insert(self) -> tuple[int, int, int]:
        """Insert what is waiting; returns how many statements, evidence links and events."""
        connection = self.session.connection()
        bulk_insert(connection, Statement.__table__, self.statements)  # type: ignore[arg-type]
        ids = self._ids([values["key"] for values in self.statements])
        evidence = [
            {"statement_id": ids[values["key"]], **row}
            for values, rows in zip(self.statements, self.evidence, strict=True)
            for row in rows
        ]
        bulk_insert(connection, Evidence.__table__, evidence)  # type: ignore[arg-type]
        links = self._evidence_ids(sorted({row["statement_id"] for row in evidence}))
        events = []
        for values, rows in zip(self.statements, self.history, strict=True):
            statement_id = ids[values["key"]]
            for row, ref in rows:
                entity_id = event_entity_id(
                    row["entity"],
                    ref,
                    entity="statement",
                    entity_id=statement_id,
                    evidence_ids=links.get(statement_id),
                )
                events.append({**row, "entity_id": entity_id, "statement_id": statement_id})
        bulk_insert(connection, ChangeEvent.__table__, events)  # type: ignore[arg-type]
        counts = (len(self.statements), len(evidence), len(events))
        self._clear()
        return counts

    def _ids(self, keys: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        connection = self.session.connection()
        for start in range(0, len(keys), CHUNK):
            found.update(connection.execute(_IDS, {"keys": keys[start : start + CHUNK]}).all())
        return found

    def _evidence_ids(self, statement_ids: list[int]) -> dict[int, dict[tuple[str, str], int]]:
        found: dict[int, dict[tuple[str, str], int]] = {}
        connection = self.session.connection()
        for start in range(0, len(statement_ids), CHUNK):
            chunk = {"ids": statement_ids[start : start + CHUNK]}
            for statement_id, url, relation, evidence_id in connection.execute(
                _EVIDENCE_IDS, chunk
            ):
                found.setdefault(statement_id, {})[(url, relation)] = evidence_id
        return found
