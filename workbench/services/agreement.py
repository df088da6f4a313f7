"""Progress and inter-analyst agreement, from the history.

Each analyst's verdict on a statement is the last status they set in its history (a verdict
set back to "unverified" is withdrawn and does not count). Agreement is measured where two or
more analysts judged the same statements: Cohen's kappa for every pair (with the number of
shared items, since a kappa over five items says little) and Krippendorff's alpha (nominal)
across everyone, which allows any number of analysts per item.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from sqlmodel import Session, col, func, select

from workbench.db.models import ChangeEvent, Claim, Source, Statement

# A verdict, and a second reviewer's dissent (kept beside the verdict it disagrees with).
VERDICT_FIELDS = ("status", "second_opinion")
Verdicts = Mapping[str, Mapping[int, str]]  # analyst -> statement id -> last verdict


def last_verdicts(session: Session) -> dict[str, dict[int, str]]:
    """Each analyst's last verdict per statement, in history order."""
    found: dict[str, dict[int, str]] = defaultdict(dict)
    query = (
        select(ChangeEvent.analyst, ChangeEvent.statement_id, ChangeEvent.new)
        .where(col(ChangeEvent.field).in_(VERDICT_FIELDS), col(ChangeEvent.entity) == "statement")
        .order_by(col(ChangeEvent.id))
    )
    for analyst, statement_id, verdict in session.exec(query):
        if statement_id is None:
            continue
        if verdict in ("confirmed", "disputed"):
            found[analyst][statement_id] = verdict
        else:
            found[analyst].pop(statement_id, None)
    return {analyst: items for analyst, items in found.items() if items}


def cohen_kappa(first: list[str], second: list[str]) -> float | None:
    """Cohen's kappa of two analysts' labels on the same items; None when undefined (no
    items, or both always gave the one same label, where chance agreement is certain)."""
    total = len(first)
    if total == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / total
    left, right = Counter(first), Counter(second)
    expected = sum(left[label] * right[label] for label in left) / (total * total)
    if expected == 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha(units: list[list[str]]) -> float | None:
    """Krippendorff's alpha for nominal data; `units` are the labels each item received
    (items with fewer than two are not pairable and are left out)."""
    coincidences: Counter[tuple[str, str]] = Counter()
    for labels in units:
        m = len(labels)
        if m < 2:
            continue
        for i, a in enumerate(labels):
            for j, b in enumerate(labels):
                if i != j:
                    coincidences[(a, b)] += 1.0 / (m - 1)
    totals: Counter[str] = Counter()
    for (a, _b), weight in coincidences.items():
        totals[a] += weight
    n = sum(totals.values())
    if n <= 1:
        return None
    disagree = sum(w for (a, b), w in coincidences.items() if a != b)
    expected = sum(totals[a] * totals[b] for a in totals for b in totals if a != b)
    if expected == 0:
        return None
    return 1.0 - (n - 1) * disagree / expected


@dataclass(frozen=True)
class PairAgreement:
    analysts: tuple[str, str]
    items: int
    kappa: float | None


@dataclass(frozen=True)
class Stats:
    analysts: list[tuple[str, int]]  # analyst, statements judged (last verdict)
    sources: list[tuple[int, str, int, int]]  # id, title, decided, live statements
    claims: tuple[int, int]  # claims with a verdict, claims
    agreement: list[PairAgreement]
    alpha: float | None
    alpha_items: int


def agreement(verdicts: Verdicts) -> tuple[list[PairAgreement], float | None, int]:
    pairs = []
    for a, b in combinations(sorted(verdicts), 2):
        shared = sorted(set(verdicts[a]) & set(verdicts[b]))
        if shared:
            kappa = cohen_kappa([verdicts[a][i] for i in shared], [verdicts[b][i] for i in shared])
            pairs.append(PairAgreement((a, b), len(shared), kappa))
    units: dict[int, list[str]] = defaultdict(list)
    for items in verdicts.values():
        for statement_id, verdict in items.items():
            units[statement_id].append(verdict)
    pairable = [labels for labels in units.values() if len(labels) >= 2]
    return pairs, krippendorff_alpha(pairable), len(pairable)


def stats(session: Session) -> Stats:
    verdicts = last_verdicts(session)
    per_source = session.exec(
        select(
            Source.id,
            Source.title,
            func.sum(func.cast(col(Statement.status) != "unverified", Statement.id.type)),
            func.count(),
        )
        .join(Statement, col(Statement.source_id) == Source.id)
        .where(col(Statement.dismissed).is_(False))
        .group_by(col(Source.id), col(Source.title))
        .order_by(col(Source.id))
    ).all()
    decided_claims = session.exec(
        select(func.count()).select_from(Claim).where(col(Claim.verdict) != "unverified")
    ).one()
    all_claims = session.exec(select(func.count()).select_from(Claim)).one()
    pairs, alpha, alpha_items = agreement(verdicts)
    return Stats(
        analysts=sorted(((a, len(items)) for a, items in verdicts.items()), key=lambda x: -x[1]),
        sources=[(i, t, int(d or 0), int(n)) for i, t, d, n in per_source],
        claims=(int(decided_claims), int(all_claims)),
        agreement=pairs,
        alpha=alpha,
        alpha_items=alpha_items,
    )
