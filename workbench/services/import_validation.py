"""Reading an incoming export file: typed, checked fields, and the rows they become.

Everything `workbench import` learns from the file goes through `Fields`, so a wrong value fails
as one `InvalidInput` naming the file and the field's path (`sources[3].statements[0].key`),
before anything is decided about it. The row builders check a record's fields in one fixed
order, so a bad file fails on the same field whether its statement is new or already here.
"""

from __future__ import annotations

import math
import sys
from datetime import UTC, date, datetime
from typing import Any

from workbench.db.models import RELATIONS, STANCES, STATUSES
from workbench.errors import InvalidInput
from workbench.ingest.decoding import find_control_character
from workbench.urls import safe_http_url

FORMAT_VERSION = (
    1  # the newest export format this workbench reads (workbench.export.json writes it)
)
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1  # INTEGER columns (32 bits on PostgreSQL)
_FLOAT_MAX = sys.float_info.max


class Fields:
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
        value = self.get(name, str, "a string", optional=optional)
        if value is not None:
            self._no_control_characters(name, value)
        return value  # type: ignore[no-any-return]

    def _no_control_characters(self, name: str, value: str) -> None:
        """The rule ingest and typed text follow: PostgreSQL refuses NUL, and an ESC sequence
        would reach the terminal of everyone who reads the statement or its history."""
        found = find_control_character(value)
        if found is not None:
            code, line, column = found
            raise self._fail(
                name, f"text without control characters ({code} at line {line}, column {column})"
            )

    def integer(self, name: str, *, optional: bool = False) -> int:
        value = self.get(name, int, "an integer", optional=optional)
        if value is not None and not _INT_MIN <= value <= _INT_MAX:  # or a traceback at INSERT
            raise self._fail(name, f"an integer from {_INT_MIN} to {_INT_MAX}")
        return value  # type: ignore[no-any-return]

    def number(self, name: str) -> float:
        given = self.get(name, (int, float), "a number", optional=False)
        value = float(given) if -_FLOAT_MAX <= given <= _FLOAT_MAX else math.inf
        if not math.isfinite(value):  # json reads NaN, Infinity, 1e999; no column holds them
            raise self._fail(name, "a finite number")
        return value

    def flag(self, name: str) -> bool:
        return self.get(name, bool, "true or false", optional=False)  # type: ignore[no-any-return]

    def items(self, name: str) -> list[Fields]:
        value = self.get(name, list, "a list", optional=False)
        return [
            Fields(item, f"{self._name(name)}[{i}]", self.origin) for i, item in enumerate(value)
        ]

    def strings(self, name: str) -> list[str]:
        value = self.get(name, list, "a list of strings", optional=False)
        if not all(isinstance(item, str) for item in value):
            raise self._fail(name, "a list of strings")
        for item in value:
            self._no_control_characters(name, item)
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


def check_document(data: object, origin: str) -> Fields:
    """The top of an export document, its format version checked."""
    document = Fields(data, "", origin)
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


def utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def event_key(at: datetime | None, analyst: str, field: str, new: str | None) -> tuple[Any, ...]:
    """What makes two history events the same one, whichever database wrote them."""
    return (utc(at), analyst, field, new)


def evidence_rows(records: list[Fields], seen: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """Evidence rows (without `statement_id`) of the records whose (url, relation) is not in
    `seen`; `seen` gains each one taken. A repeat is skipped before its other fields are read."""
    rows: list[dict[str, Any]] = []
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


def history_rows(
    records: list[Fields], seen: set[tuple[Any, ...]]
) -> list[tuple[dict[str, Any], Any]]:
    """History rows (without `entity_id` and `statement_id`) with each one's evidence reference,
    for the records whose `event_key` is not in `seen`; `seen` gains each one taken."""
    rows: list[tuple[dict[str, Any], Any]] = []
    for record in records:
        at = record.moment("at")
        analyst, field = record.text("analyst"), record.text("field")
        new = record.text("new", optional=True)
        if event_key(at, analyst, field, new) in seen:
            continue
        seen.add(event_key(at, analyst, field, new))
        entity = record.text("entity")
        row = {"at": at, "analyst": analyst, "entity": entity, "field": field}
        row |= {"old": record.text("old", optional=True), "new": new, "note": record.text("note")}
        rows.append((row, record.data.get("evidence")))
    return rows


def source_values(record: Fields, *, previous_id: int | None = None) -> dict[str, Any]:
    """A new source's row from its record (the text and hash checked by the caller)."""
    return {
        "sha256": record.text("sha256"),
        "title": record.text("title"),
        "url": record.text("url", optional=True),
        "outlet": record.text("outlet", optional=True),
        "author": record.text("author", optional=True),
        "published": record.day("published"),
        "text": record.text("text"),
        "format": record.text("format"),
        "origin": record.text("origin", optional=True),
        "revision": record.integer("revision"),
        "previous_id": previous_id,
        "ingested_at": record.moment("ingested_at"),
        "ingested_by": record.text("ingested_by"),
    }


def _offsets(record: Fields, length: int) -> dict[str, int | None]:
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
                where=record.origin,
            )
        values[f"{span}_start"], values[f"{span}_end"] = start, end
    return values


def statement_values(record: Fields, source_id: int, length: int) -> dict[str, Any]:
    """A statement's row from its record; `actor` holds the actor's name (or None), for the
    caller to replace with a local id. Its evidence and history lists are checked to be lists."""
    key, status = record.text("key"), record.choice("status", STATUSES)
    updated_at = record.moment("updated_at")
    values: dict[str, Any] = {
        "key": key,
        "status": status,
        "created_at": updated_at,
        "updated_at": updated_at,
        "updated_by": record.text("updated_by"),
        "actor": record.text("actor", optional=True),
        "source_id": source_id,
        **_offsets(record, length),
        "speaker": record.text("speaker", optional=True),
        "cue": record.text("cue", optional=True),
        "stance": record.choice("stance", STANCES),
        "content": record.text("content"),
        "proposition": record.text("proposition"),
        "claim_group": record.integer("claim_group"),
        "rule": record.text("rule"),
        "confidence": record.number("confidence"),
        "origin": record.text("origin"),
        "dismissed": record.flag("dismissed"),
        "version": record.integer("version"),
    }
    record.items("evidence")
    record.items("history")
    return values
