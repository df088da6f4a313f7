"""Full-fidelity JSON: everything another database needs to take over this one's work.

Written as a stream (one statement per line inside the document), so memory stays flat. Rows are
named by their stable keys, never local ids: sources by the sha256 of their text, statements by
`key`, actors by name, evidence by (statement, url, relation). `workbench import` reads it back.
Bidirectional-override and line-separator characters are written as \\u escapes: the data is
unchanged, but no viewer of the file is tricked by them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from sqlmodel import Session

from workbench.db.views import HistoryEntry, SourceRow
from workbench.export.common import ExportOptions, http_url, iso
from workbench.invisible import escape_json_text
from workbench.services.actors import list_actors
from workbench.services.reporting import (
    EvidenceRecord,
    ExportedStatement,
    HistoryRecord,
    iter_source_groups,
    other_history,
)

FORMAT_VERSION = 1
GENERATOR = "workbench"

_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False)


def dumps(record: object) -> str:
    return escape_json_text(_ENCODER.encode(record))


def _history(
    entry: HistoryEntry | HistoryRecord, evidence: dict[int, tuple[str, str]]
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "at": iso(entry.at),
        "analyst": entry.analyst,
        "entity": entry.entity,
        "field": entry.field,
        "old": entry.old,
        "new": entry.new,
        "note": entry.note,
    }
    if entry.entity == "evidence" and entry.entity_id in evidence:
        url, relation = evidence[entry.entity_id]
        record["evidence"] = {"url": url, "relation": relation}
    return record


def _evidence(view: EvidenceRecord, url: str) -> dict[str, Any]:
    return {
        "url": url,
        "relation": view.relation,
        "title": view.title,
        "excerpt": view.excerpt,
        "removed": view.removed,
        "added_at": iso(view.added_at),
        "added_by": view.added_by,
        "version": view.version,
    }


def statement_record(item: ExportedStatement) -> dict[str, Any]:
    """Evidence whose stored URL is not http(s) never passed the service's check: left out."""
    row = item.row
    links = [(e, url) for e in item.evidence if (url := http_url(e.url))]
    refs = {e.id: (url, e.relation) for e, url in links}
    return {
        "key": row.key,
        "actor": row.actor,
        "speaker": row.speaker,
        "speaker_start": row.speaker_start,
        "speaker_end": row.speaker_end,
        "cue": row.cue,
        "cue_start": row.cue_start,
        "cue_end": row.cue_end,
        "stance": row.stance,
        "content": row.content,
        "content_start": row.content_start,
        "content_end": row.content_end,
        "sentence_start": row.sentence_start,
        "sentence_end": row.sentence_end,
        "proposition": row.proposition,
        "claim_group": row.claim_group,
        "rule": row.rule,
        "confidence": row.confidence,
        "origin": row.origin,
        "status": row.status,
        "review": item.review,
        "dismissed": row.dismissed,
        "merged_into": item.merged_into_key,
        "version": row.version,
        "updated_at": iso(row.updated_at),
        "updated_by": row.updated_by,
        "evidence": [_evidence(e, url) for e, url in links],
        "history": [_history(h, refs) for h in item.history],
    }


def _source_head(
    source: SourceRow, text: str, previous: str | None, history: Sequence[HistoryEntry]
) -> str:
    record = {
        "sha256": source.sha256,
        "title": source.title,
        "url": source.url,
        "outlet": source.outlet,
        "author": source.author,
        "published": iso(source.published),
        "format": source.format,
        "origin": source.origin,
        "revision": source.revision,
        "previous": previous,
        "ingested_at": iso(source.ingested_at),
        "ingested_by": source.ingested_by,
        "text": text,
        "history": [_history(h, {}) for h in history],
    }
    head = dumps(record)
    return head[:-1] + ', "statements": [\n'


def _joined(out: TextIO, lines: Iterable[str], indent: str = "") -> None:
    first = True
    for line in lines:
        out.write(("" if first else ",\n") + indent + line)
        first = False
    if not first:
        out.write("\n")


def write_json(session: Session, out: TextIO, options: ExportOptions) -> None:
    """Stream the export document to `out`."""
    actors = list_actors(session)
    names = {actor.id: actor.name for actor in actors}
    out.write("{\n")
    out.write(f'"format_version": {FORMAT_VERSION},\n"generator": "{GENERATOR}",\n')
    out.write(f'"scope": {dumps(options.scope.describe())},\n')
    out.write('"actors": [\n')
    _joined(
        out,
        (
            dumps(
                {
                    "name": a.name,
                    "kind": a.kind,
                    "affiliation": a.affiliation,
                    "aliases": sorted(a.aliases),
                }
            )
            for a in actors
        ),
    )
    out.write('],\n"sources": [\n')
    first = True
    groups = iter_source_groups(
        session,
        options.scope,
        evidence=True,
        history=True,
        include_removed=True,
        source_history=True,
    )
    for group in groups:
        out.write("" if first else ",\n")
        first = False
        out.write(_source_head(group.source, group.text, group.previous_sha256, group.history))
        _joined(out, (dumps(statement_record(item)) for item in group.statements))
        out.write("]}")
    out.write("\n" if not first else "")
    out.write('],\n"history": [\n')
    events = []
    for entry in other_history(session):
        record = _history(entry, {})
        if entry.entity == "actor" and entry.entity_id in names:
            record["actor"] = names[entry.entity_id]
        events.append(dumps(record))
    _joined(out, events)
    out.write("]\n}\n")
