"""`workbench import`: take over another database's work from its JSON export, never duplicating it.

Rows are matched by their stable keys: sources by the sha256 of their text, statements by `key`,
actors by name, evidence by (statement, url, relation), history events by (statement, at, analyst,
field, new). So importing the same file twice changes nothing the second time.

Verdicts: a statement still unverified here takes the incoming verdict (with a history event in
the incoming analyst's name, noted "imported from …"). When both databases hold a verdict and they
differ, or an analyst here set the status after the incoming decision, the disagreement is kept as
a `Conflict` row for review; the local value is never overwritten. An incoming "unverified" never
replaces a local verdict. The caller owns the transaction: the whole import commits or nothing does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import bindparam, insert
from sqlmodel import Session, col, select

from workbench.db.bulk import bulk_insert
from workbench.db.models import (
    RELATIONS,
    STANCES,
    STATUSES,
    Actor,
    ActorAlias,
    ChangeEvent,
    Conflict,
    Evidence,
    Source,
    Statement,
    utc_now,
)
from workbench.errors import InvalidInput
from workbench.services.actors import alias_key
from workbench.services.review import set_status
from workbench.services.sources import text_sha256
from workbench.urls import safe_http_url

FORMAT_VERSION = (
    1  # the newest export format this workbench reads (workbench.export.json writes it)
)


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


class _Fields:
    """Typed access to one JSON object; a wrong field is one InvalidInput naming file and field."""

    def __init__(self, data: object, path: str, origin: str) -> None:
        if not isinstance(data, dict):
            raise InvalidInput(f"{path or 'the document'}: expected a JSON object", where=origin)
        self.data, self.path, self.origin = data, path, origin

    def _name(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def _fail(self, name: str, expected: str) -> InvalidInput:
        return InvalidInput(f"field {self._name(name)}: expected {expected}", where=self.origin)

    def get(
        self, name: str, kind: type | tuple[type, ...], expected: str, *, optional: bool
    ) -> Any:
        if name not in self.data:
            if optional:
                return None
            raise InvalidInput(f"field {self._name(name)}: missing", where=self.origin)
        value = self.data[name]
        if value is None and optional:
            return None
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
            raise self._fail(name, expected)
        return value

    def text(self, name: str, *, optional: bool = False) -> str:
        return self.get(name, str, "a string", optional=optional)  # type: ignore[no-any-return]

    def integer(self, name: str, *, optional: bool = False) -> int:
        return self.get(name, int, "an integer", optional=optional)  # type: ignore[no-any-return]

    def number(self, name: str) -> float:
        return float(self.get(name, (int, float), "a number", optional=False))

    def flag(self, name: str) -> bool:
        return self.get(name, bool, "true or false", optional=False)  # type: ignore[no-any-return]

    def items(self, name: str) -> list[_Fields]:
        value = self.get(name, list, "a list", optional=False)
        return [
            _Fields(item, f"{self._name(name)}[{i}]", self.origin) for i, item in enumerate(value)
        ]

    def strings(self, name: str) -> list[str]:
        value = self.get(name, list, "a list of strings", optional=False)
        if not all(isinstance(item, str) for item in value):
            raise self._fail(name, "a list of strings")
        return list(value)

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        value = self.text(name)
        if value not in choices:
            raise self._fail(name, "one of " + ", ".join(choices))
        return value

    def moment(self, name: str, *, optional: bool = False) -> datetime | None:
        value = self.text(name, optional=optional)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self._fail(name, "an ISO 8601 timestamp") from None
        if parsed.tzinfo is None:
            raise self._fail(name, "a timestamp with a time zone")
        return parsed

    def day(self, name: str) -> date | None:
        value = self.text(name, optional=True)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self._fail(name, "an ISO 8601 date") from None

    def url(self, name: str, *, optional: bool = False) -> str | None:
        value = self.text(name, optional=optional)
        if value is None:
            return None
        checked = safe_http_url(value)
        if checked is None:
            raise self._fail(name, "an http(s) URL")
        return checked


def _utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _key(at: datetime | None, analyst: str, field: str, new: str | None) -> tuple[Any, ...]:
    return (_utc(at), analyst, field, new)


class _Importer:
    def __init__(self, session: Session, origin: str) -> None:
        self.session, self.origin = session, origin
        self.summary = ImportSummary()
        self.actors: dict[str, int] = {}
        self.merges: list[tuple[str, str, str]] = []  # (statement key, merged-into key, field path)
        self.new = _NewStatements(session)
        self.known_actors: dict[str, int] | None = None
        self.alias_keys: set[str] = set()
        self.local: dict[str, tuple[int, str, int]] = {}  # this source's keys found here
        self.seen: set[str] = set()  # this source's keys read so far

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
        if found is None:
            values = {"name": name, "kind": kind, "affiliation": affiliation}
            values |= {"version": 1, "created_at": utc_now()}
            found = self.session.connection().execute(_INSERT_ACTOR, values).inserted_primary_key[0]  # type: ignore[index]
            self.summary.actors_added += 1
            if name_alias:
                self._alias(found, name)
        self.actors[name] = found
        return found

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
        if key and key not in self.alias_keys:
            values = {"actor_id": actor_id, "alias": alias, "alias_key": key}
            self.session.connection().execute(_INSERT_ALIAS, values)
            self.alias_keys.add(key)

    def import_actor(self, record: _Fields) -> None:
        name = record.text("name")
        actor_id = self.actor_id(
            name, record.text("kind"), record.text("affiliation", optional=True), name_alias=False
        )
        for alias in record.strings("aliases"):
            self._alias(actor_id, alias)

    # sources --------------------------------------------------------------------------------
    def import_source(self, record: _Fields) -> None:
        text = record.text("text")
        sha = record.text("sha256")
        if text_sha256(text) != sha:
            raise InvalidInput(
                f"field {record.path}.sha256: does not match the source text", where=self.origin
            )
        statements = record.items("statements")
        found = self.session.exec(select(Source.id).where(col(Source.sha256) == sha)).first()
        if found is None:
            found = self._add_source(record, text, sha)
            self.summary.sources_added += 1
        else:
            self.summary.sources_matched += 1
        self._history(record.items("history"), entity="source", entity_id=found, statement_id=None)
        self.local, self.seen = self._local_statements(statements), set()
        for statement in statements:
            self.import_statement(statement, found, len(text))
        self._insert_new()

    def _local_statements(self, records: list[_Fields]) -> dict[str, tuple[int, str, int]]:
        """(id, status, source id) here of the file's statement keys, a few queries per source
        instead of one per statement (keys that fail their check are left to fail later)."""
        keys = [key for r in records if isinstance(key := r.data.get("key"), str)]
        found: dict[str, tuple[int, str, int]] = {}
        connection = self.session.connection()
        for start in range(0, len(keys), _CHUNK):
            for key, *local in connection.execute(_LOCAL, {"keys": keys[start : start + _CHUNK]}):
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

    def _add_source(self, record: _Fields, text: str, sha: str) -> int:
        previous_sha = record.text("previous", optional=True)
        previous = None
        if previous_sha:
            previous = self.session.exec(
                select(Source.id).where(col(Source.sha256) == previous_sha)
            ).first()
        values = {
            "sha256": sha,
            "title": record.text("title"),
            "url": record.text("url", optional=True),
            "outlet": record.text("outlet", optional=True),
            "author": record.text("author", optional=True),
            "published": record.day("published"),
            "text": text,
            "format": record.text("format"),
            "origin": record.text("origin", optional=True),
            "revision": record.integer("revision"),
            "previous_id": previous,
            "ingested_at": record.moment("ingested_at"),
            "ingested_by": record.text("ingested_by"),
        }
        inserted = self.session.connection().execute(_INSERT_SOURCE, values)
        return int(inserted.inserted_primary_key[0])  # type: ignore[index]

    # statements -----------------------------------------------------------------------------
    def _offsets(self, record: _Fields, length: int) -> dict[str, int | None]:
        values: dict[str, int | None] = {}
        for span in ("sentence", "content", "speaker", "cue"):
            optional = span in ("speaker", "cue")
            start = record.integer(f"{span}_start", optional=optional)
            end = record.integer(f"{span}_end", optional=optional)
            if (start is None) != (end is None) or (
                start is not None and end is not None and not 0 <= start <= end <= length
            ):
                raise InvalidInput(
                    f"field {record.path}.{span}_start: span outside the source text",
                    where=self.origin,
                )
            values[f"{span}_start"], values[f"{span}_end"] = start, end
        return values

    def import_statement(self, record: _Fields, source_id: int, length: int) -> None:
        key = record.text("key")
        status = record.choice("status", STATUSES)
        updated_at = record.moment("updated_at")
        updated_by = record.text("updated_by")
        actor = record.text("actor", optional=True)
        values: dict[str, Any] = {
            "key": key,
            "source_id": source_id,
            **self._offsets(record, length),
            "speaker": record.text("speaker", optional=True),
            "actor_id": self.actor_id(actor) if actor else None,
            "cue": record.text("cue", optional=True),
            "stance": record.choice("stance", STANCES),
            "content": record.text("content"),
            "proposition": record.text("proposition"),
            "claim_group": record.integer("claim_group"),
            "rule": record.text("rule"),
            "confidence": record.number("confidence"),
            "origin": record.text("origin"),
            "status": status,
            "dismissed": record.flag("dismissed"),
            "version": record.integer("version"),
            "created_at": updated_at,
            "updated_at": updated_at,
            "updated_by": updated_by,
        }
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
            self.new.add(values, _new_evidence(evidence), _new_history(history))
            return
        statement_id, local_status, local_source = local
        if local_source != source_id:
            raise InvalidInput(
                f"field {record.path}.key: belongs to another source here", where=self.origin
            )
        self.summary.statements_matched += 1
        self._reconcile(statement_id, local_status, status, updated_by, updated_at)
        if merged := record.text("merged_into", optional=True):
            self.merges.append((key, merged, f"{record.path}.merged_into"))
        evidence_ids = self._evidence(evidence, statement_id)
        self._history(
            history,
            entity="statement",
            entity_id=statement_id,
            statement_id=statement_id,
            evidence_ids=evidence_ids,
        )

    def _reconcile(
        self, statement_id: int, local: str, incoming: str, analyst: str, at: datetime | None
    ) -> None:
        if incoming == local or incoming == "unverified":
            return
        if local == "unverified" and not self._decided_here_since(statement_id, at):
            set_status(
                self.session,
                statement_id=statement_id,
                status=incoming,
                analyst=analyst or "import",
                note=f"imported from {self.origin}",
            )
            self.summary.verdicts_taken += 1
            return
        self._conflict(statement_id, local, incoming, analyst, at)

    def _decided_here_since(self, statement_id: int, at: datetime | None) -> bool:
        """Did an analyst here set the status (say, back to unverified) after the incoming one?"""
        events = self.session.exec(
            select(ChangeEvent.at).where(
                col(ChangeEvent.statement_id) == statement_id, col(ChangeEvent.field) == "status"
            )
        ).all()
        incoming = _utc(at)
        return any(incoming is None or (_utc(e) or incoming) > incoming for e in events)

    def _conflict(
        self, statement_id: int, local: str, incoming: str, analyst: str, at: datetime | None
    ) -> None:
        existing = self.session.exec(
            select(Conflict.incoming_at).where(
                col(Conflict.statement_id) == statement_id,
                col(Conflict.field) == "status",
                col(Conflict.incoming_value) == incoming,
                col(Conflict.incoming_analyst) == analyst,
                col(Conflict.resolved_at).is_(None),
            )
        ).all()
        if any(_utc(seen) == _utc(at) for seen in existing):
            return  # the same disagreement is already waiting for review
        self.session.add(
            Conflict(
                statement_id=statement_id,
                field="status",
                local_value=local,
                incoming_value=incoming,
                incoming_analyst=analyst,
                incoming_at=at,
                origin=self.origin,
                created_at=utc_now(),
            )
        )
        self.summary.conflicts += 1

    # evidence and history -------------------------------------------------------------------
    def _evidence(self, records: list[_Fields], statement_id: int) -> dict[tuple[str, str], int]:
        rows = self.session.exec(
            select(Evidence.id, Evidence.url, Evidence.relation).where(
                col(Evidence.statement_id) == statement_id
            )
        ).all()
        known = {(url, relation): evidence_id for evidence_id, url, relation in rows}
        for record in records:
            url = record.url("url")
            assert url is not None
            relation = record.choice("relation", RELATIONS)
            if (url, relation) in known:
                continue
            evidence = Evidence(
                statement_id=statement_id,
                url=url,
                relation=relation,
                title=record.text("title"),
                excerpt=record.text("excerpt"),
                removed=record.flag("removed"),
                version=record.integer("version"),
                added_at=record.moment("added_at"),
                added_by=record.text("added_by"),
            )
            self.session.add(evidence)
            self.session.flush()
            assert evidence.id is not None
            known[(url, relation)] = evidence.id
            self.summary.evidence_added += 1
        return known

    def _history(
        self,
        records: list[_Fields],
        *,
        entity: str,
        entity_id: int,
        statement_id: int | None,
        evidence_ids: dict[tuple[str, str], int] | None = None,
    ) -> None:
        if not records:
            return
        condition = (
            col(ChangeEvent.statement_id) == statement_id
            if statement_id is not None
            else (col(ChangeEvent.entity) == entity) & (col(ChangeEvent.entity_id) == entity_id)
        )
        seen = {
            _key(at, analyst, field, new)
            for at, analyst, field, new in self.session.exec(
                select(
                    ChangeEvent.at, ChangeEvent.analyst, ChangeEvent.field, ChangeEvent.new
                ).where(condition)
            ).all()
        }
        for record in records:
            at = record.moment("at")
            analyst, field = record.text("analyst"), record.text("field")
            new = record.text("new", optional=True)
            if _key(at, analyst, field, new) in seen:
                continue
            seen.add(_key(at, analyst, field, new))
            event_entity = record.text("entity")
            event_entity_id = entity_id if event_entity == entity else 0
            ref = record.data.get("evidence")
            if event_entity == "evidence" and isinstance(ref, dict) and evidence_ids:
                event_entity_id = evidence_ids.get((ref.get("url"), ref.get("relation")), 0)
            self.session.add(
                ChangeEvent(
                    at=at,
                    analyst=analyst,
                    entity=event_entity,
                    entity_id=event_entity_id,
                    statement_id=statement_id,
                    field=field,
                    old=record.text("old", optional=True),
                    new=new,
                    note=record.text("note"),
                )
            )
            self.summary.history_added += 1

    def resolve_merges(self) -> None:
        for statement_key, key, path in self.merges:
            target = self.session.exec(
                select(Statement.id).where(col(Statement.key) == key)
            ).first()
            if target is None:
                raise InvalidInput(f"field {path}: no statement with that key", where=self.origin)
            statement = self.session.exec(
                select(Statement).where(col(Statement.key) == statement_key)
            ).one()
            if statement.merged_into_id is None:
                statement.merged_into_id = target
                self.session.add(statement)
        self.session.flush()


_CHUNK = 500  # keys per IN (...) lookup
# Built once: building a query costs more than running one of these.
_INSERT_ACTOR = insert(Actor)
_INSERT_ALIAS = insert(ActorAlias)
_INSERT_SOURCE = insert(Source)
_LOCAL = select(Statement.key, Statement.id, Statement.status, Statement.source_id).where(
    col(Statement.key).in_(bindparam("keys", expanding=True))
)
_IDS = select(Statement.key, Statement.id).where(
    col(Statement.key).in_(bindparam("keys", expanding=True))
)
_EVIDENCE_IDS = select(Evidence.statement_id, Evidence.url, Evidence.relation, Evidence.id).where(
    col(Evidence.statement_id).in_(bindparam("ids", expanding=True))
)


def _new_evidence(records: list[_Fields]) -> list[dict[str, Any]]:
    """A new statement's evidence rows, checked in the order `_Importer._evidence` checks them
    (so a bad file fails on the same field), repeats of (url, relation) left out."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for record in records:
        url = record.url("url")
        assert url is not None
        relation = record.choice("relation", RELATIONS)
        if (url, relation) in seen:
            continue
        seen.add((url, relation))
        rows.append(
            {
                "url": url,
                "relation": relation,
                "title": record.text("title"),
                "excerpt": record.text("excerpt"),
                "removed": record.flag("removed"),
                "version": record.integer("version"),
                "added_at": record.moment("added_at"),
                "added_by": record.text("added_by"),
            }
        )
    return rows


def _new_history(records: list[_Fields]) -> list[tuple[dict[str, Any], Any]]:
    """A new statement's history rows (and evidence references), checked in
    `_Importer._history`'s order, repeats left out."""
    rows: list[tuple[dict[str, Any], Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for record in records:
        at = record.moment("at")
        analyst, field = record.text("analyst"), record.text("field")
        new = record.text("new", optional=True)
        if _key(at, analyst, field, new) in seen:
            continue
        seen.add(_key(at, analyst, field, new))
        entity = record.text("entity")
        row = {"at": at, "analyst": analyst, "entity": entity, "field": field}
        row |= {"old": record.text("old", optional=True), "new": new, "note": record.text("note")}
        rows.append((row, record.data.get("evidence")))
    return rows


class _NewStatements:
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
                entity_id = statement_id if row["entity"] == "statement" else 0
                known = links.get(statement_id)
                if row["entity"] == "evidence" and isinstance(ref, dict) and known:
                    entity_id = known.get((ref.get("url"), ref.get("relation")), 0)
                events.append({**row, "entity_id": entity_id, "statement_id": statement_id})
        bulk_insert(connection, ChangeEvent.__table__, events)  # type: ignore[arg-type]
        counts = (len(self.statements), len(evidence), len(events))
        self._clear()
        return counts

    def _ids(self, keys: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        connection = self.session.connection()
        for start in range(0, len(keys), _CHUNK):
            found.update(connection.execute(_IDS, {"keys": keys[start : start + _CHUNK]}).all())
        return found

    def _evidence_ids(self, statement_ids: list[int]) -> dict[int, dict[tuple[str, str], int]]:
        found: dict[int, dict[tuple[str, str], int]] = {}
        connection = self.session.connection()
        for start in range(0, len(statement_ids), _CHUNK):
            chunk = {"ids": statement_ids[start : start + _CHUNK]}
            for statement_id, url, relation, evidence_id in connection.execute(
                _EVIDENCE_IDS, chunk
            ):
                found.setdefault(statement_id, {})[(url, relation)] = evidence_id
        return found


def check_document(data: object, origin: str) -> _Fields:
    """The top of an export document, its format version checked."""
    document = _Fields(data, "", origin)
    version = document.integer("format_version")
    if version > FORMAT_VERSION:
        raise InvalidInput(
            f"written by a newer workbench (format_version {version}; this one reads up to "
            f"{FORMAT_VERSION})",
            where=origin,
            hint="upgrade workbench to import it",
        )
    if version < 1:
        raise InvalidInput(f"field format_version: unknown version {version}", where=origin)
    return document


def import_document(session: Session, data: object, *, origin: str) -> ImportSummary:
    """Merge an export document into this database (in the caller's transaction)."""
    document = check_document(data, origin)
    importer = _Importer(session, origin)
    for actor in document.items("actors"):
        importer.import_actor(actor)
    for source in document.items("sources"):
        importer.import_source(source)
    importer.resolve_merges()
    for event in document.items("history"):
        actor = event.text("actor", optional=True)
        entity_id = importer.actor_id(actor) if actor else 0
        importer._history(
            [event], entity=event.text("entity"), entity_id=entity_id, statement_id=None
        )
    return importer.summary
