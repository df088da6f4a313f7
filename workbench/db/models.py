"""Every table of the workbench database, in one module (as the SQLModel docs recommend).

No `from __future__ import annotations` here: SQLModel reads the annotations at class creation.
Design rules that the team-review and linking work relies on:
- every row an analyst edits carries an integer `version` (compare-and-swap, no lost update);
- statements and sources have stable keys derived from content, so two databases can exchange work;
- enumerations are short strings, never native PostgreSQL ENUMs (no enum migrations);
- times are UTC and timezone-aware;
- `change_event` is insert-only history, written in the same transaction as the change.
"""

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.vocabulary import ACTOR_KINDS, RELATIONS, STANCES, STATUSES

# Must be set before the first table: stable constraint names let Alembic batch-alter SQLite tables.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

__all__ = ["ACTOR_KINDS", "RELATIONS", "STANCES", "STATUSES"]  # re-exported: the vocabulary


def utc_now() -> datetime:
    """The one clock of the data layer (UTC, timezone-aware)."""
    return datetime.now(UTC)


class UTCDateTime(sa.TypeDecorator):  # type: ignore[type-arg]
    """`DateTime(timezone=True)` that reads back timezone-aware UTC on every engine.

    SQLite stores no offset: without this, values written aware come back naive there (and
    aware on PostgreSQL), and comparing the two raises TypeError. Aware values are converted to
    UTC before they are stored, so an offset is never silently dropped.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            return value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def _utc_column() -> UTCDateTime:
    return UTCDateTime()


class Source(SQLModel, table=True):
    """One ingested article, with its exact text. Re-ingesting the same text is a no-op."""

    __tablename__ = "source"

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(sa_type=sa.String(64), unique=True)  # of the text: the stable key
    title: str = Field(default="")
    url: str | None = Field(default=None, index=True)
    outlet: str | None = Field(default=None)
    author: str | None = Field(default=None)
    published: date | None = Field(default=None, index=True)
    text: str = Field(sa_type=sa.Text)
    format: str = Field(sa_type=sa.String(16))  # text | md | html | jsonl
    origin: str | None = Field(default=None)  # the file it came from, as given
    revision: int = Field(default=1)  # 2, 3… for a later text at the same URL
    previous_id: int | None = Field(default=None, foreign_key="source.id")
    ingested_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())
    ingested_by: str = Field(default="")


class Actor(SQLModel, table=True):
    """Who speaks: a person, country, organisation, group, an unnamed source or an outlet."""

    __tablename__ = "actor"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: str = Field(default="person", sa_type=sa.String(16))
    affiliation: str | None = Field(default=None)
    # An analyst merged this actor into another: its statements and aliases moved there, and
    # later ingests of its name resolve to that actor. The row stays for history and undo.
    merged_into_id: int | None = Field(default=None, foreign_key="actor.id")
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())


class ActorAlias(SQLModel, table=True):
    """Another name for an actor ("US", "Washington" for United States), matched case-free."""

    __tablename__ = "actor_alias"

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", index=True, ondelete="CASCADE")
    alias: str
    alias_key: str = Field(unique=True)  # casefolded alias: one actor per spelling
    # The analyst who placed the alias by a merge or split: ingest then resolves this spelling
    # to its actor before anything the extractor guessed (the decision is reapplied).
    decided_by: str | None = Field(default=None)


class Statement(SQLModel, table=True):
    """Who asserts, denies or questions what, with exact offsets into the source text."""

    __tablename__ = "statement"
    __table_args__ = (
        sa.Index("ix_statement_status_id", "status", "id"),
        # Counts per status of live statements (the TUI's status bar) as an index-only scan.
        sa.Index("ix_statement_dismissed_status", "dismissed", "status"),
        sa.Index("ix_statement_source_id_id", "source_id", "id"),
        sa.Index("ix_statement_actor_id_id", "actor_id", "id"),
        # The live statements in id order (every list page): without it, a planner with no
        # statistics reads all live statements through the (dismissed, status) index and sorts.
        sa.Index("ix_statement_dismissed_id", "dismissed", "id"),
        # One source's counts per status (the detail pane on every cursor move), index-only.
        sa.Index("ix_statement_source_dismissed_status", "source_id", "dismissed", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_type=sa.String(40), unique=True)  # from source hash, spans and actor
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE")
    sentence_start: int
    sentence_end: int
    speaker: str | None = Field(default=None)  # as written in the text
    speaker_start: int | None = Field(default=None)
    speaker_end: int | None = Field(default=None)
    actor_id: int | None = Field(default=None, foreign_key="actor.id")
    cue: str | None = Field(default=None)
    cue_start: int | None = Field(default=None)
    cue_end: int | None = Field(default=None)
    stance: str = Field(default="asserts", sa_type=sa.String(16))
    content: str = Field(sa_type=sa.Text)
    content_start: int
    content_end: int
    proposition: str = Field(default="", sa_type=sa.Text)
    claim_group: int = Field(default=0)  # statements of one source about one proposition
    rule: str = Field(default="", sa_type=sa.String(64))
    confidence: float = Field(default=1.0)
    origin: str = Field(default="extracted", sa_type=sa.String(16))  # extracted | split | manual
    status: str = Field(default="unverified", sa_type=sa.String(16))
    dismissed: bool = Field(default=False)  # not checkable, or merged into another statement
    merged_into_id: int | None = Field(default=None, foreign_key="statement.id")
    version: int = Field(default=1)  # compare-and-swap token for concurrent analysts
    created_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())
    updated_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())
    updated_by: str = Field(default="")


class Evidence(SQLModel, table=True):
    """A link an analyst attached to a statement: what supports or refutes it."""

    __tablename__ = "evidence"

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="statement.id", index=True, ondelete="CASCADE")
    url: str  # http(s) only, checked by the service before it gets here
    title: str = Field(default="")
    relation: str = Field(default="supports", sa_type=sa.String(16))
    excerpt: str = Field(default="", sa_type=sa.Text)
    removed: bool = Field(default=False)
    version: int = Field(default=1)
    added_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())
    added_by: str = Field(default="")


class ChangeEvent(SQLModel, table=True):
    """Append-only history: one row per changed field. Database triggers refuse UPDATE/DELETE."""

    __tablename__ = "change_event"
    __table_args__ = (sa.Index("ix_change_event_statement_id_id", "statement_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now, sa_type=_utc_column(), index=True)
    analyst: str = Field(index=True)
    entity: str = Field(sa_type=sa.String(16))  # statement | evidence | source | actor
    entity_id: int
    statement_id: int | None = Field(default=None)  # no FK: history outlives what it describes
    field: str = Field(sa_type=sa.String(32))  # status, evidence, note, speaker, content, …
    old: str | None = Field(default=None, sa_type=sa.Text)
    new: str | None = Field(default=None, sa_type=sa.Text)
    note: str = Field(default="", sa_type=sa.Text)


class Conflict(SQLModel, table=True):
    """Two analysts (or two databases) disagree about a statement: kept for review, not overwritten.

    Written by `workbench import` when an incoming status differs from the local one, and by team
    review when an edit loses a compare-and-swap race; resolved by an analyst's decision.
    """

    __tablename__ = "conflict"

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="statement.id", index=True, ondelete="CASCADE")
    field: str = Field(sa_type=sa.String(32))  # status, content, …
    local_value: str | None = Field(default=None, sa_type=sa.Text)
    incoming_value: str | None = Field(default=None, sa_type=sa.Text)
    incoming_analyst: str = Field(default="")
    incoming_at: datetime | None = Field(default=None, sa_type=_utc_column())
    origin: str = Field(default="")  # the import file or database it came from
    created_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())
    resolved_at: datetime | None = Field(default=None, sa_type=_utc_column())
    resolved_by: str | None = Field(default=None)
    resolution: str | None = Field(default=None, sa_type=sa.Text)  # the value chosen
    version: int = Field(default=1)


class Claim(SQLModel, table=True):
    """One proposition across every source that carried it, with a verdict on the proposition.

    A statement's status judges what its speaker says; the claim's verdict judges the
    proposition itself (see docs/claims.md). `key` is the proposition with actor names
    canonicalised and function words dropped: what statements are matched on.
    """

    __tablename__ = "claim"

    id: int | None = Field(default=None, primary_key=True)
    proposition: str = Field(sa_type=sa.Text)
    key: str = Field(default="", sa_type=sa.Text)
    verdict: str = Field(default="unverified", sa_type=sa.String(16))
    rationale: str = Field(default="", sa_type=sa.Text)
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())
    updated_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())
    updated_by: str = Field(default="")


class ClaimMember(SQLModel, table=True):
    """A statement's claim. A separate table, so adding claims to a large database rewrites no
    statement row; `pinned` marks an analyst's link, which a rebuild never moves."""

    __tablename__ = "claim_member"
    __table_args__ = (
        sa.Index("ix_claim_member_claim_id_statement_id", "claim_id", "statement_id"),
    )

    statement_id: int = Field(foreign_key="statement.id", primary_key=True, ondelete="CASCADE")
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE")
    pinned: bool = Field(default=False)
    # Why the statement is in this claim: the term score of the match (None where it started
    # the claim or an analyst placed it) and the decision's reason; a low score is a suggestion.
    score: float | None = Field(default=None)
    reason: str = Field(default="", sa_type=sa.Text, sa_column_kwargs={"server_default": ""})


class ClaimBlock(SQLModel, table=True):
    """Where a claim's key is indexed for linking (`ClaimKey.blocks`), one row per block: a new
    statement looks up only the claims under its own blocks instead of loading every claim's
    key. `block` is a 64-bit hash of the block's text (a collision only adds a candidate, which
    `same_claim` then decides). Kept in step by every change to a claim's key."""

    __tablename__ = "claim_block"
    __table_args__ = (
        sa.Index("ix_claim_block_claim_id", "claim_id"),
        {"sqlite_with_rowid": False},  # the primary key is the table: one b-tree, not two
    )

    block: int = Field(
        sa_type=sa.BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    claim_id: int = Field(
        foreign_key="claim.id",
        primary_key=True,
        ondelete="CASCADE",
        sa_column_kwargs={"autoincrement": False},
    )


class AuditSeal(SQLModel, table=True):
    """One link of the history's hash chain (workbench/db/audit.py): event `event_id`, sealed
    as the `seq`-th, with the SHA-256 of the previous link and the event's content."""

    __tablename__ = "audit_seal"

    seq: int = Field(primary_key=True)
    event_id: int = Field(unique=True)
    hash: str = Field(sa_type=sa.String(64))


class Assignment(SQLModel, table=True):
    """Who holds a statement for review (the work split); one holder at most, history in events."""

    __tablename__ = "assignment"

    statement_id: int = Field(foreign_key="statement.id", primary_key=True, ondelete="CASCADE")
    analyst: str = Field(sa_type=sa.String(64), index=True)
    assigned_by: str = Field(default="")
    assigned_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())


class Setting(SQLModel, table=True):
    """A per-database setting shared by every analyst of the database (e.g. second review)."""

    __tablename__ = "setting"

    key: str = Field(sa_type=sa.String(64), primary_key=True)
    value: str = Field(default="")
    set_by: str = Field(default="")
    set_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())


class Presence(SQLModel, table=True):
    """One running TUI: who it is, which statement it shows, when it last said so.

    A heartbeat row per session (not per analyst: one analyst may have two terminals open);
    rows silent for a minute are treated as gone and cleared by the next heartbeat.
    """

    __tablename__ = "presence"

    session: str = Field(sa_type=sa.String(36), primary_key=True)
    analyst: str = Field(sa_type=sa.String(64))
    statement_id: int | None = Field(default=None)
    seen_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column(), index=True)


class SecondReview(SQLModel, table=True):
    """Four-eyes state of one statement's verdict while second review is on.

    `state` is pending (first verdict awaits a second analyst), agreed (final), disputed (the
    second analyst disagrees: waits for an adjudicator) or decided (adjudicated, final). The
    verdicts themselves stay in `statement.status` and the history; this row says who gave which.
    """

    __tablename__ = "second_review"

    statement_id: int = Field(foreign_key="statement.id", primary_key=True, ondelete="CASCADE")
    state: str = Field(sa_type=sa.String(16), index=True)
    first_analyst: str = Field(default="")
    first_verdict: str = Field(sa_type=sa.String(16))
    first_at: datetime = Field(default_factory=utc_now, sa_type=_utc_column())
    second_analyst: str | None = Field(default=None)
    second_verdict: str | None = Field(default=None, sa_type=sa.String(16))
    second_note: str | None = Field(default=None)
    second_at: datetime | None = Field(default=None, sa_type=_utc_column())
    decided_by: str | None = Field(default=None)
    decided_verdict: str | None = Field(default=None, sa_type=sa.String(16))
    decided_reason: str | None = Field(default=None)
    decided_at: datetime | None = Field(default=None, sa_type=_utc_column())
