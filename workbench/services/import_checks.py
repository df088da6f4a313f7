"""The whole export file checked before a batched import writes anything.

`workbench import` writes in batches, each committed on its own (`importing`), so a bad record
met while writing would leave the batches before it in the database. Every check the import
makes of the file's content therefore runs first, in one read-only pass: each record's fields,
through the same row builders the import uses (`import_validation`), and what the file and this
database must agree on: a statement key belongs to one source, in the file and here, and a
`merged_into` names a statement one of them holds. The pass keeps the file's statement keys in
memory (a key and a reference to its source's hash each), the one thing that grows with the
file.
"""

from __future__ import annotations

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from workbench.db.models import Source, Statement
from workbench.errors import InvalidInput
from workbench.services.import_reader import ExportFile
from workbench.services.import_validation import (
    Fields,
    evidence_rows,
    history_rows,
    source_values,
    statement_values,
)
from workbench.services.import_writes import CHUNK
from workbench.services.storing import text_sha256

_OWNERS = (
    select(Statement.key, Source.sha256)
    .join(Source, col(Source.id) == Statement.source_id)
    .where(col(Statement.key).in_(bindparam("keys", expanding=True)))
)
_KEYS = select(Statement.key).where(col(Statement.key).in_(bindparam("keys", expanding=True)))


def check_export(session: Session, export: ExportFile) -> None:
    """Raise the import's own `InvalidInput` for the first bad record; write nothing."""
    origin = export.origin
    for actor in export.records("actors"):
        actor.text("name")
        actor.text("kind")
        actor.text("affiliation", optional=True)
        actor.strings("aliases")
    owners: dict[str, str] = {}  # statement key -> the sha256 of its source in the file
    merges: list[tuple[str, str]] = []  # (merged-into key, field path)
    for source in export.records("sources"):
        sha, length, statements = _check_source(source)
        here = _owners_here(session, statements)
        for statement in statements:
            key = statement_values(statement, 0, length)["key"]
            if owners.setdefault(key, sha) != sha:
                raise InvalidInput(
                    f"field {statement.path}.key: belongs to another source in the file",
                    where=origin,
                )
            if here.get(key, sha) != sha:
                raise InvalidInput(
                    f"field {statement.path}.key: belongs to another source here", where=origin
                )
            _check_work(statement)
            if merged := statement.text("merged_into", optional=True):
                merges.append((merged, f"{statement.path}.merged_into"))
    _check_merges(session, merges, owners, origin)
    for event in export.records("history"):
        event.text("actor", optional=True)
        event.text("entity")
        history_rows([event], set())


def _check_source(record: Fields) -> tuple[str, int, list[Fields]]:
    """The source's own fields; its hash, text length and statement records."""
    text = record.text("text")
    sha = record.text("sha256")
    if text_sha256(text) != sha:
        raise InvalidInput(
            f"field {record.path}.sha256: does not match the source text", where=record.origin
        )
    statements = record.items("statements")
    record.text("previous", optional=True)
    source_values(record)
    for event in record.items("history"):
        history_rows([event], set())
    return sha, len(text), statements


def _check_work(statement: Fields) -> None:
    """Every evidence link and history event, each read whole (the import skips the fields
    of a repeat it already holds; a check must not)."""
    for evidence in statement.items("evidence"):
        evidence_rows([evidence], set())
    for event in statement.items("history"):
        history_rows([event], set())


def _owners_here(session: Session, statements: list[Fields]) -> dict[str, str]:
    """The source hash here of each of these statement keys this database holds."""
    keys = [key for s in statements if isinstance(key := s.data.get("key"), str)]
    found: dict[str, str] = {}
    connection = session.connection()
    for start in range(0, len(keys), CHUNK):
        found.update(connection.execute(_OWNERS, {"keys": keys[start : start + CHUNK]}).all())
    return found


def _check_merges(
    session: Session, merges: list[tuple[str, str]], owners: dict[str, str], origin: str
) -> None:
    """A merge names a statement of the file or of this database."""
    missing = [(key, path) for key, path in merges if key not in owners]
    connection = session.connection()
    for start in range(0, len(missing), CHUNK):
        chunk = missing[start : start + CHUNK]
        here = set(connection.execute(_KEYS, {"keys": [key for key, _ in chunk]}).scalars())
        for key, path in chunk:
            if key not in here:
                raise InvalidInput(f"field {path}: no statement with that key", where=origin)
