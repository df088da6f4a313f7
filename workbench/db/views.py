"""Read models handed to the CLI, the TUI and the exporters.

Plain frozen dataclasses, never ORM rows: the TUI reads on worker threads and must never trigger
a lazy load, and a million-row list is cheaper as tuples than as ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from workbench.verdicts import is_inconsistent, reading


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
    # Who holds it for review: None when not read (most queries), "" when nobody does.
    holder: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewView:
    """A statement's second review (four-eyes) as the detail panel and `show` tell it."""

    state: str  # pending, disputed, agreed, decided
    first_analyst: str
    first_verdict: str
    second_analyst: str | None
    second_verdict: str | None
    decided_by: str | None
    decided_reason: str | None

    def describe(self) -> str:
        first = f"{self.first_analyst} said {self.first_verdict}"
        if self.state == "pending":
            return f"waits for a second analyst ({first})"
        second = f"{self.second_analyst} said {self.second_verdict}"
        if self.state == "disputed":
            return f"disputed: {first}, {second}; a verdict now decides it (with a reason)"
        if self.state == "decided":
            return f"decided by {self.decided_by}: {self.decided_reason} ({first}, {second})"
        return f"final: {self.first_analyst} and {self.second_analyst} agree"


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
    stances: dict[str, int] = field(default_factory=dict)  # live statements per stance


@dataclass(frozen=True, slots=True)
class StatementDetail:
    """Everything the `show` command and the TUI's detail panel display for one statement."""

    row: StatementRow
    source: SourceRow
    text: str  # the whole source text: every offset in `row` points into it
    evidence: tuple[EvidenceView, ...]
    history: tuple[HistoryEntry, ...]
    claim: ClaimView | None = None  # the claim across sources this statement states
    holder: str | None = None  # the analyst it is assigned to
    review: ReviewView | None = None  # its second review, when there is one

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


@dataclass(frozen=True)
class ClaimStatement:
    """One statement of a claim, with where it appeared."""

    id: int
    source_id: int
    source_title: str
    outlet: str | None
    published: date | None
    source_url: str | None
    actor: str | None
    actor_kind: str | None
    stance: str
    status: str
    dismissed: bool
    pinned: bool = False  # placed by an analyst: kept through rebuilds
    score: float | None = None  # the match's term score; None: started the claim or placed
    reason: str = ""  # why it is in the claim ("same actors and terms", "analyst", ...)


@dataclass(frozen=True)
class ClaimView:
    """A claim with every statement of it (`live` leaves out dismissed ones)."""

    id: int
    proposition: str
    verdict: str
    rationale: str
    version: int
    updated_by: str
    statements: tuple[ClaimStatement, ...]

    @property
    def live(self) -> tuple[ClaimStatement, ...]:
        return tuple(s for s in self.statements if not s.dismissed)

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(s.source_id for s in self.live))

    @property
    def inconsistent(self) -> bool:
        return is_inconsistent(self.verdict, [(s.stance, s.status) for s in self.live])

    @property
    def effective_verdict(self) -> str:
        """The claim's own verdict, or where none is set the one its statements' verdicts
        agree on (a confirmed denial implies "disputed"); unverified when they say nothing."""
        if self.verdict != "unverified" or self.inconsistent:
            return self.verdict
        readings = {reading(s.stance, s.status) for s in self.live} - {None}
        if len(readings) != 1:
            return "unverified"
        return "confirmed" if readings.pop() else "disputed"

    @property
    def asserters(self) -> tuple[ClaimStatement, ...]:
        """One live asserting statement per actor: who the claim is by (never a denier)."""
        seen: dict[str | None, ClaimStatement] = {}
        for s in self.live:
            if s.stance == "asserts":
                seen.setdefault(s.actor, s)
        return tuple(seen.values())

    def positions(self) -> dict[str, list[str]]:
        """Each stance with the actors who take it, in order of first appearance."""
        found: dict[str, list[str]] = {}
        for s in self.live:
            names = found.setdefault(s.stance, [])
            name = s.actor or "(unknown)"
            if name not in names:
                names.append(name)
        return found
