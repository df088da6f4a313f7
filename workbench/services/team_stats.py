"""Team progress and agreement, read from the statements and the history.

Agreement takes each analyst's *last* verdict per statement from the history, not the statement's
current status: the current status only holds whoever wrote last, which hides every
disagreement a desk most needs to see. A verdict set back to "unverified" is a withdrawal,
not a judgement, and counts for no one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import func, select
from sqlmodel import Session, col

from workbench.agreement import cohen_kappa, krippendorff_alpha_nominal
from workbench.db.models import ChangeEvent, Source, Statement


@dataclass(frozen=True)
class AnalystProgress:
    """How many statements an analyst holds a verdict on, per verdict."""

    analyst: str
    judged: int
    confirmed: int
    disputed: int


@dataclass(frozen=True)
class SourceProgress:
    """One source's live statements and how many have a verdict."""

    source_id: int
    title: str
    statements: int
    confirmed: int
    disputed: int

    @property
    def done(self) -> int:
        return self.confirmed + self.disputed


@dataclass(frozen=True)
class PairAgreement:
    """Cohen's kappa for two analysts over the statements both judged (None: undefined)."""

    analysts: tuple[str, str]
    items: int
    agreed: int
    kappa: float | None


@dataclass(frozen=True)
class TeamStats:
    analysts: list[AnalystProgress]
    sources: list[SourceProgress]
    agreement: list[PairAgreement]
    alpha: float | None  # Krippendorff's alpha (nominal) across all analysts
    alpha_items: int  # statements judged by two analysts or more


def last_verdicts(session: Session) -> dict[int, dict[str, str]]:
    """statement id -> analyst -> that analyst's last verdict on it (withdrawals removed)."""
    query = (
        select(col(ChangeEvent.statement_id), col(ChangeEvent.analyst), col(ChangeEvent.new))
        .where(col(ChangeEvent.entity) == "statement", col(ChangeEvent.field) == "status")
        .order_by(col(ChangeEvent.id))
    )
    verdicts: dict[int, dict[str, str]] = defaultdict(dict)
    for statement_id, analyst, new in session.connection().execute(query):
        if statement_id is None:
            continue
        by_analyst = verdicts[statement_id]
        if new in (None, "unverified"):
            by_analyst.pop(analyst, None)
        else:
            by_analyst[analyst] = new
    return {k: v for k, v in verdicts.items() if v}


def _analysts(verdicts: dict[int, dict[str, str]]) -> list[AnalystProgress]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for by_analyst in verdicts.values():
        for analyst, verdict in by_analyst.items():
            counts[analyst][verdict] += 1
    return [
        AnalystProgress(
            analyst=name,
            judged=sum(c.values()),
            confirmed=c["confirmed"],
            disputed=c["disputed"],
        )
        for name, c in sorted(counts.items())
    ]


def _sources(session: Session) -> list[SourceProgress]:
    query = (
        select(col(Source.id), col(Source.title), col(Statement.status), func.count())
        .join(Statement, col(Statement.source_id) == col(Source.id))
        .where(col(Statement.dismissed).is_(False))
        .group_by(col(Source.id), col(Source.title), col(Statement.status))
        .order_by(col(Source.id))
    )
    rows: dict[int, tuple[str, Counter[str]]] = {}
    for source_id, title, status, count in session.connection().execute(query):
        if source_id is None:  # never: a primary key; keeps the types honest
            continue
        rows.setdefault(source_id, (title, Counter()))[1][status] += count
    return [
        SourceProgress(
            source_id=source_id,
            title=title,
            statements=sum(c.values()),
            confirmed=c["confirmed"],
            disputed=c["disputed"],
        )
        for source_id, (title, c) in rows.items()
    ]


def _pairs(verdicts: dict[int, dict[str, str]]) -> list[PairAgreement]:
    shared: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for by_analyst in verdicts.values():
        for a, b in combinations(sorted(by_analyst), 2):
            shared[(a, b)].append((by_analyst[a], by_analyst[b]))
    return [
        PairAgreement(
            analysts=pair,
            items=len(labels),
            agreed=sum(1 for x, y in labels if x == y),
            kappa=cohen_kappa(labels),
        )
        for pair, labels in sorted(shared.items())
    ]


def team_stats(session: Session) -> TeamStats:
    """Progress per analyst and source, pairwise kappa and overall alpha, in one read."""
    verdicts = last_verdicts(session)
    return TeamStats(
        analysts=_analysts(verdicts),
        sources=_sources(session),
        agreement=_pairs(verdicts),
        alpha=krippendorff_alpha_nominal(verdicts.values()),
        alpha_items=sum(1 for v in verdicts.values() if len(v) > 1),
    )
