"""`workbench import`: take over another database's work from its JSON export, never duplicating it.

Rows are matched by their stable keys: sources by the sha256 of their text, statements by `key`,
actors by name, evidence by (statement, url, relation), history events by (statement, at, analyst,
field, new). So importing the same file twice changes nothing the second time, and an import
stopped half-way is completed by running it again. The caller owns the transactions:
`import_export` runs a whole import in the caller's one; `workbench import` runs
`importing.import_in_batches`, which hands the `Importer` a new one for each batch.

This module matches the file's rows; the other jobs have their own modules: `import_reader`
reads the file a record at a time (memory stays flat however large it is), `import_validation`
checks the records' fields, `import_writes` bulk-inserts the statements that are new here, and
`import_merge` decides about verdicts on statements both databases hold (take it, or record a
conflict) and resolves merges.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, insert
from sqlmodel import Session, col, select

from workbench.db.models import (
    Actor,
    ActorAlias,
    ChangeEvent,
    Evidence,
    Source,
    Statement,
    utc_now,
)
from workbench.errors import InvalidInput
from workbench.services.actors import alias_key
from workbench.services.import_fields import reconcile_fields
from workbench.services.import_merge import decided_here_since, reconcile_status, resolve_merges
from workbench.services.import_reader import ExportFile
from workbench.services.import_validation import (
    FORMAT_VERSION,
    Fields,
    event_key,
    evidence_rows,
    history_rows,
    source_values,
    statement_values,
)
from workbench.services.import_writes import CHUNK, NewStatements, event_entity_id
from workbench.services.storing import text_sha256

__all__ = ["FORMAT_VERSION", "ExportFile", "ImportSummary", "Importer", "import_export"]


@dataclass
class ImportSummary:
    """What an import did, for the closing line."""

    sources_added: int = 0
    sources_matched: int = 0
    statements_added: int = 0
    statements_matched: int = 0
    verdicts_taken: int = 0
    conflicts: int = 0
    evidence_added: int = 0
    history_added: int = 0
    actors_added: int = 0

    def line(self) -> str:
        return (
            f"sources: {self.sources_added} added, {self.sources_matched} matched; "
            f"statements: {self.statements_added} added, {self.statements_matched} matched; "
            f"{self.verdicts_taken} verdicts taken, {self.conflicts} conflicts recorded; "
            f"{self.evidence_added} evidence links, {self.history_added} history events "
            f"and {self.actors_added} actors added"
        )


class Importer:
    """One import's state: the actors and keys already matched, the new statements waiting
    for their source's bulk insert (`NewStatements`), and the merges to resolve at the end."""

    def __init__(self, session: Session, origin: str) -> None:
        self.session, self.origin = session, origin
        self.summary = ImportSummary()
        self.actors: dict[str, int] = {}
        self.merges: list[tuple[str, str, str]] = []  # (statement key, merged-into key, field path)
        self.new = NewStatements(session)
        self.known_actors: dict[str, int] | None = None
        self.alias_keys: set[str] = set()
        self.local: dict[str, tuple[int, str, int]] = {}  # this source's keys found here
        self.seen: set[str] = set()  # this source's keys read so far

    def use(self, session: Session) -> None:
        """Go on in another transaction (a batched import opens one per batch). What is cached
        stays true: only rows committed before, by this import or by others, are kept."""
        self.session = self.new.session = session

    # actors ---------------------------------------------------------------------------------
    def actor_id(
        self,
        name: str,
        kind: str = "person",
        affiliation: str | None = None,
        *,
        name_alias: bool = True,
    ) -> int:
        """The local actor of this name, created if missing (with its name as an alias, as
        ingest does, unless the file lists the actor's aliases itself)."""
        if name in self.actors:
            return self.actors[name]
        found = self._known_actors().get(name)
        if found is None:  # another writer may have added it since the actors were read
            found = self.session.exec(select(Actor.id).where(col(Actor.name) == name)).first()
        if found is None:
            values = {"name": name, "kind": kind, "affiliation": affiliation}
            values |= {"version": 1, "created_at": utc_now()}
            found = self.session.connection().execute(_INSERT_ACTOR, values).inserted_primary_key[0]  # type: ignore[index]
            self.summary.actors_added += 1
            if name_alias:
                self._alias(found, name)
        self.actors[name] = found
        return found

    def _actor_name(self, actor_id: int | None) -> str | None:
        found = self.session.get(Actor, actor_id) if actor_id is not None else None
        return found.name if found is not None else None

    def _known_actors(self) -> dict[str, int]:
        """Actors and alias keys already here, read once (not one query per name in the file)."""
        if self.known_actors is None:
            connection = self.session.connection()
            self.known_actors = dict(connection.execute(select(Actor.name, Actor.id)).all())
            self.alias_keys = set(connection.execute(select(ActorAlias.alias_key)).scalars())
        return self.known_actors

    def _alias(self, actor_id: int, alias: str) -> None:
        key = alias_key(alias)
        self._known_actors()
        if key and key not in self.alias_keys and not self._alias_taken(key):
            values = {"actor_id": actor_id, "alias": alias, "alias_key": key}
            self.session.connection().execute(_INSERT_ALIAS, values)
            self.alias_keys.add(key)

    def _alias_taken(self, key: str) -> bool:
        """Added by another writer since the alias keys were read?"""
        query = select(ActorAlias.id).where(col(ActorAlias.alias_key) == key)
        return self.session.exec(query).first() is not None

    def import_actor(self, record: Fields) -> int:
        name = record.text("name")
        actor_id = self.actor_id(
            name, record.text("kind"), record.text("affiliation", optional=True), name_alias=False
        )
        for alias in record.strings("aliases"):
            self._alias(actor_id, alias)
        return 1

    # sources --------------------------------------------------------------------------------
    def import_source(self, record: Fields) -> int:
        """Import one source with its statements, evidence and history; returns how many
        statements it holds (the work it was, for sizing batches)."""
        text = record.text("text")
        sha = record.text("sha256")
        if text_sha256(text) != sha:
            raise InvalidInput(
                f"field {record.path}.sha256: does not match the source text", where=self.origin
            )
        statements = record.items("statements")
        found = self.session.exec(select(Source.id).where(col(Source.sha256) == sha)).first()
        if found is None:
            found = self._add_source(record)
            self.summary.sources_added += 1
        else:
            self.summary.sources_matched += 1
        self.import_history(
            record.items("history"), entity="source", entity_id=found, statement_id=None
        )
        self.local, self.seen = self._local_statements(statements), set()
        for statement in statements:
            self.import_statement(statement, found, len(text))
        self._insert_new()
        return len(statements)

    def _local_statements(self, records: list[Fields]) -> dict[str, tuple[int, str, int]]:
        """(id, status, source id) here of the file's statement keys, a few queries per source
        instead of one per statement (keys that fail their check are left to fail later)."""
        keys = [key for r in records if isinstance(key := r.data.get("key"), str)]
        found: dict[str, tuple[int, str, int]] = {}
        connection = self.session.connection()
        for start in range(0, len(keys), CHUNK):
            for key, *local in connection.execute(_LOCAL, {"keys": keys[start : start + CHUNK]}):
                found[key] = tuple(local)  # type: ignore[assignment]
        return found

    def _insert_new(self) -> None:
        """Insert the statements waiting in `self.new` with their evidence and history."""
        if self.new.statements:
            self.session.flush()  # what the ORM holds (the source, its history) goes in first
            added = self.new.insert()
            self.summary.statements_added += added[0]
            self.summary.evidence_added += added[1]
            self.summary.history_added += added[2]

    def _add_source(self, record: Fields) -> int:
        previous_sha = record.text("previous", optional=True)
        previous = None
        if previous_sha:
            previous = self.session.exec(
                select(Source.id).where(col(Source.sha256) == previous_sha)
            ).first()
        values = source_values(record, previous_id=previous)
        inserted = self.session.connection().execute(_INSERT_SOURCE, values)
        return int(inserted.inserted_primary_key[0])  # type: ignore[index]

    # statements -----------------------------------------------------------------------------
    def import_statement(self, record: Fields, source_id: int, length: int) -> None:
        values = statement_values(record, source_id, length)
        actor = values.pop("actor")
        values["actor_id"] = self.actor_id(actor) if actor else None
        key, status = values["key"], values["status"]
        updated_at, updated_by = values["updated_at"], values["updated_by"]
        evidence = record.items("evidence")
        history = record.items("history")
        if key in self.seen:  # the file holds this key twice: the second one matches the first
            self._insert_new()
            self.local.update(self._local_statements([record]))
        self.seen.add(key)
        local = self.local.get(key)
        if local is None:
            if merged := record.text("merged_into", optional=True):
                self.merges.append((key, merged, f"{record.path}.merged_into"))
            self.new.add(values, evidence_rows(evidence, set()), history_rows(history, set()))
            return
        statement_id, local_status, local_source = local
        if local_source != source_id:
            raise InvalidInput(
                f"field {record.path}.key: belongs to another source here", where=self.origin
            )
        self.summary.statements_matched += 1
        conflicts, skipped = reconcile_fields(
            self.session,
            statement_id,
            values,
            {event.text("field") for event in history},
            actor_name=self._actor_name,
            analyst=updated_by,
            at=updated_at,
            origin=self.origin,
        )
        self.summary.conflicts += conflicts
        if merged := record.text("merged_into", optional=True):
            self.merges.append((key, merged, f"{record.path}.merged_into"))
        evidence_ids = self._evidence(evidence, statement_id)
        # Asked before the file's history comes in (its events are no decision made here), and
        # only where the answer counts: an unverified statement offered a verdict.
        offered = local_status == "unverified" and status not in ("unverified", local_status)
        decided_here = offered and decided_here_since(self.session, statement_id, updated_at)
        self.import_history(  # first: the verdict below is then taken with its own event
            [event for event in history if event.text("field") not in skipped],
            entity="statement",
            entity_id=statement_id,
            statement_id=statement_id,
            evidence_ids=evidence_ids,
        )
        outcome = reconcile_status(
            self.session,
            statement_id,
            local_status,
            status,
            updated_by,
            updated_at,
            origin=self.origin,
            decided_here=decided_here,
        )
        if outcome == "taken":
            self.summary.verdicts_taken += 1
        elif outcome == "conflict":
            self.summary.conflicts += 1

    # evidence and history -------------------------------------------------------------------
    def _evidence(self, records: list[Fields], statement_id: int) -> dict[tuple[str, str], int]:
        """Add a matched statement's evidence links that are not here yet; returns the ids of
        all its links by (url, relation), for the history events that point at them."""
        rows = self.session.exec(
            select(Evidence.id, Evidence.url, Evidence.relation).where(
                col(Evidence.statement_id) == statement_id
            )
        ).all()
        known = {(url, relation): evidence_id for evidence_id, url, relation in rows}
        for row in evidence_rows(records, set(known)):
            evidence = Evidence(statement_id=statement_id, **row)
            self.session.add(evidence)
            self.session.flush()
            assert evidence.id is not None
            known[(row["url"], row["relation"])] = evidence.id
            self.summary.evidence_added += 1
        return known

    def import_event(self, record: Fields) -> int:
        """One event of the file's own history (about an actor, say), unless it is here."""
        actor = record.text("actor", optional=True)
        entity_id = self.actor_id(actor) if actor else 0
        self.import_history(
            [record], entity=record.text("entity"), entity_id=entity_id, statement_id=None
        )
        return 1

    def import_history(
        self,
        records: list[Fields],
        *,
        entity: str,
        entity_id: int,
        statement_id: int | None,
        evidence_ids: dict[tuple[str, str], int] | None = None,
    ) -> None:
        """Add the events about something already here that it does not hold yet."""
        if not records:
            return
        condition = (
            col(ChangeEvent.statement_id) == statement_id
            if statement_id is not None
            else (col(ChangeEvent.entity) == entity) & (col(ChangeEvent.entity_id) == entity_id)
        )
        seen = {
            event_key(at, analyst, field, new)
            for at, analyst, field, new in self.session.exec(
                select(
                    ChangeEvent.at, ChangeEvent.analyst, ChangeEvent.field, ChangeEvent.new
                ).where(condition)
            ).all()
        }
        for row, ref in history_rows(records, seen):
            about = event_entity_id(
                row["entity"], ref, entity=entity, entity_id=entity_id, evidence_ids=evidence_ids
            )
            self.session.add(ChangeEvent(**row, entity_id=about, statement_id=statement_id))
            self.summary.history_added += 1


# Built once: building a query costs more than running one of these.
_INSERT_ACTOR = insert(Actor)
_INSERT_ALIAS = insert(ActorAlias)
_INSERT_SOURCE = insert(Source)
_LOCAL = select(Statement.key, Statement.id, Statement.status, Statement.source_id).where(
    col(Statement.key).in_(bindparam("keys", expanding=True))
)


def import_export(session: Session, export: ExportFile) -> ImportSummary:
    """Merge a checked export file (`ExportFile.check`) into this database, in the caller's
    transaction: a record that fails its checks raises, and the caller's rollback undoes
    everything written before it."""
    origin = export.origin
    importer = Importer(session, origin)
    for actor in export.records("actors"):
        importer.import_actor(actor)
    for source in export.records("sources"):
        importer.import_source(source)
    resolve_merges(session, importer.merges, origin)
    for event in export.records("history"):
        importer.import_event(event)
    return importer.summary
