"""A history nobody can rewrite unnoticed: every history event sealed into a hash chain.

Triggers refuse UPDATE and DELETE on `change_event`, but whoever can drop a trigger can rewrite
history. So each event is also sealed: `audit_seal` row n holds SHA-256(hash of row n-1 +
the event's content, canonically serialised). Rewriting an event's text, deleting it or
reordering the chain breaks every hash after it; rewriting the whole chain changes its head,
which `workbench audit head` prints for the desk to write down or publish.

Sealing runs at the end of every write transaction (`Database.transaction`), like the search
index catch-up, so every path that writes history (a verdict, a bulk ingest, an import) is
sealed without knowing about it. Events are sealed in id order after the last sealed one; on
PostgreSQL a transaction-level advisory lock, taken when the write transaction begins, makes
write transactions commit one after another so that ids are handed out in sealing order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, text

GENESIS = "0" * 64
# Any constant: the advisory lock every PostgreSQL write transaction takes (see module doc).
ADVISORY_LOCK = 727_274_001

_EVENT_COLUMNS = "id, at, analyst, entity, entity_id, statement_id, field, old, new, note"
_UNSEALED = text(
    f"SELECT {_EVENT_COLUMNS} FROM change_event WHERE id > :after ORDER BY id LIMIT :limit"
)
_LAST_SEAL = text("SELECT seq, event_id, hash FROM audit_seal ORDER BY seq DESC LIMIT 1")
_INSERT_SEAL = text("INSERT INTO audit_seal (seq, event_id, hash) VALUES (:seq, :event_id, :hash)")
CHUNK = 500  # events per round: memory stays flat however large the transaction


def _stamp(value: object) -> str:
    """One spelling of a timestamp on both engines (SQLite returns naive UTC strings)."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, str):
        return _stamp(datetime.fromisoformat(value))
    return "" if value is None else str(value)


def event_digest(previous: str, row: tuple[object, ...]) -> str:
    """The seal of one event: its content, in a canonical form, chained to the previous seal."""
    event_id, at, analyst, entity, entity_id, statement_id, field, old, new, note = row
    content = json.dumps(
        [event_id, _stamp(at), analyst, entity, entity_id, statement_id, field, old, new, note],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256((previous + content).encode("ascii")).hexdigest()


def lock_history(connection: Connection) -> None:
    """PostgreSQL: serialise write transactions so history ids follow commit order."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})


def seal_history(connection: Connection) -> int:
    """Seal every event written since the last seal; called before every commit. Costs one
    index lookup when nothing is new. Returns how many events were sealed."""
    last = connection.execute(_LAST_SEAL).first()
    seq, after, previous = (last[0], last[1], last[2]) if last else (0, 0, GENESIS)
    sealed = 0
    while True:
        rows = connection.execute(_UNSEALED, {"after": after, "limit": CHUNK}).all()
        if not rows:
            return sealed
        seals = []
        for row in rows:
            previous = event_digest(previous, tuple(row))
            seq += 1
            seals.append({"seq": seq, "event_id": row[0], "hash": previous})
        connection.execute(_INSERT_SEAL, seals)
        after = rows[-1][0]
        sealed += len(rows)


@dataclass(frozen=True)
class Finding:
    """The first place where the chain and the history disagree."""

    seq: int
    event_id: int | None
    problem: str


def walk(connection: Connection) -> Iterator[tuple[int, int, str, tuple[object, ...] | None]]:
    """Each seal in order with its event (None when the event is gone)."""
    columns = ", ".join("e." + column for column in _EVENT_COLUMNS.split(", "))
    seals = connection.execute(
        text(
            f"SELECT s.seq, s.event_id, s.hash, {columns} "
            "FROM audit_seal s LEFT JOIN change_event e ON e.id = s.event_id ORDER BY s.seq"
        )
    )
    for seq, event_id, stored, *event in seals:
        yield seq, event_id, stored, (tuple(event) if event[0] is not None else None)


def verify(connection: Connection) -> tuple[int, Finding | None]:
    """Walk the chain: (events checked, the first finding or None)."""
    previous, count, expected_seq, last_event = GENESIS, 0, 1, 0
    for seq, event_id, stored, event in walk(connection):
        if seq != expected_seq:
            return count, Finding(expected_seq, None, f"seal {expected_seq} is missing")
        if event is None:
            return count, Finding(seq, event_id, "the event was deleted")
        if event_id <= last_event:
            return count, Finding(seq, event_id, "the chain is out of order")
        previous = event_digest(previous, event)
        if previous != stored:
            return count, Finding(seq, event_id, "the event was changed after it was sealed")
        count, expected_seq, last_event = count + 1, seq + 1, event_id
    unsealed = connection.execute(
        text("SELECT min(id) FROM change_event WHERE id > :last"), {"last": last_event}
    ).scalar()
    if unsealed is not None:
        return count, Finding(expected_seq, unsealed, "an event was added without a seal")
    within = connection.execute(
        text("SELECT count(*) FROM change_event WHERE id <= :last"), {"last": last_event}
    ).scalar()
    if within != count:
        return count, Finding(expected_seq, None, "an event was slipped into sealed history")
    return count, None


def head(connection: Connection) -> tuple[int, str]:
    """(number of sealed events, the hash of the last seal)."""
    last = connection.execute(_LAST_SEAL).first()
    return (last[0], last[2]) if last else (0, GENESIS)
