"""Read models handed to the CLI, the TUI and the exporters.

Plain frozen dataclasses, never ORM rows: the TUI reads on worker threads and must never trigger
a lazy load, and a million-row list is cheaper as tuples than as ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One statement as a list shows it: enough to draw a row and to write it back safely."""

    id: int
    key: str
    source_id: int
    source_title: str
    outlet: str | None
    speaker: str | None
    actor: str | None
    actor_id: int | None
    actor_kind: str | None
    cue: str | None
    stance: str
    content: str
    proposition: str
    status: str
    dismissed: bool
    version: int
    updated_by: str
    updated_at: datetime
    sentence_start: int
    sentence_end: int
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None
    content_start: int
    content_end: int
    rule: str
    confidence: float
    claim_group: int
    origin: str
    merged_into_id: int | None


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One source with its statement counts per status (dismissed statements not counted)."""

    id: int
    sha256: str
    title: str
    url: str | None
    outlet: str | None
    author: str | None
    published: date | None
    format: str
    origin: str | None
    revision: int
    previous_id: int | None
    ingested_at: datetime
    ingested_by: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def statement_count(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class EvidenceView:
    id: int
    statement_id: int
    url: str
    title: str
    relation: str
    excerpt: str
    added_by: str
    added_at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One append-only change: who, when, which field, old → new, and the analyst's note."""

    id: int
    at: datetime
    analyst: str
    entity: str
    entity_id: int
    statement_id: int | None
    field: str
    old: str | None
    new: str | None
    note: str


@dataclass(frozen=True, slots=True)
class ActorView:
    id: int
    name: str
    kind: str
    affiliation: str | None
    aliases: tuple[str, ...]
    statement_count: int = 0


@dataclass(frozen=True, slots=True)
class StatementDetail:
    """Everything the `show` command and the TUI's detail panel display for one statement."""

    row: StatementRow
    source: SourceRow
    text: str  # the whole source text: every offset in `row` points into it
    evidence: tuple[EvidenceView, ...]
    history: tuple[HistoryEntry, ...]

    @property
    def sentence(self) -> str:
        return self.text[self.row.sentence_start : self.row.sentence_end]

    @property
    def notes(self) -> tuple[HistoryEntry, ...]:
        return tuple(entry for entry in self.history if entry.field == "note")

    def paragraph_bounds(self) -> tuple[int, int]:
        """The paragraph around the sentence: the context an analyst reads it in."""
        start = self.text.rfind("\n\n", 0, self.row.sentence_start)
        end = self.text.find("\n\n", self.row.sentence_end)
        return (0 if start < 0 else start + 2), (len(self.text) if end < 0 else end)


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one source's ingest did, for the summary line."""

    source_id: int
    title: str
    statements: int
    duplicate: bool = False
    revision_of: int | None = None
    carried: int = 0  # statements of a new revision that kept the old one's work
    recheck: int = 0  # statements of a new revision whose sentence changed under a verdict
