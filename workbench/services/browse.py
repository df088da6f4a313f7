"""Pages of statements for an interactive list, fast under a full-text search at scale.

`statements.list_statements` is right for most filters. With a search on SQLite, though, its
`id IN (fts) OR source_id IN (titles)` condition makes the planner collect *every* match through
both indexes and sort them before LIMIT: ~1 s for a common word on a million statements. When a
search matches many rows, walking the statement table in id order and testing each row against
the two (materialised once) match lists finds a page within a few thousand rows instead. When it
matches few rows, the service's own plan is the fast one, so this module only picks the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from workbench.db import dialect
from workbench.db.models import Source, Statement
from workbench.db.views import StatementRow
from workbench.errors import WorkbenchError
from workbench.services import statements
from workbench.services.statements import StatementFilter

# SQLite VM steps between "still wanted?" checks of a count: ~ms apart, and rare enough not to
# fight the event loop for the GIL.
PROGRESS_STEPS = 1_000_000
DENSE = 5_000  # FTS hits above which a term is common: walk ids rather than sort its matches
TITLE_LIST_MAX = 5_000  # more title matches than this: keep the subquery instead of a list
# Every source title, casefolded, by (engine, highest source id). Scanning titles in SQL reads
# the whole source table, texts included (~45 ms at 20,000 sources) for every search; reading
# them once and matching in memory costs ~2 ms a term. A new source changes the key.
_titles_cache: dict[tuple[int, int], list[tuple[int, str]]] = {}


def _fts_query(term: str) -> str:
    return '"' + term.replace('"', "") + '"*'  # the same quoting as dialect.search_clause


def _hits(session: Session, term: str) -> int:
    """FTS hits of one term, counted only up to DENSE (cheap for common words)."""
    query = sa.text(
        "SELECT count(*) FROM (SELECT rowid FROM statement_fts "
        "WHERE statement_fts MATCH :q LIMIT :n)"
    )
    return int(session.execute(query, {"q": _fts_query(term), "n": DENSE}).scalar_one())


def _search_clause(session: Session, terms: list[str]) -> Any:
    """Every term in the content, speaker, proposition or source title, planned for speed.

    The rarest term, if it is rare, stays indexable and drives the query (few rows to sort);
    every other term is a per-row test ("+ 0" hides the column from the planner), so SQLite
    walks statements in id order and stops at the page size instead of sorting every match.
    """
    hits = [_hits(session, term) for term in terms]
    driver = min(range(len(terms)), key=hits.__getitem__) if min(hits) < DENSE else None
    clauses = []
    for number, term in enumerate(terms):
        name = f"search_term_{number}"  # one name per term, or every clause would get one value
        fts = sa.text(f"SELECT rowid FROM statement_fts WHERE statement_fts MATCH :{name}")
        fts = fts.bindparams(sa.bindparam(name, _fts_query(term)))
        titles = _title_sources(session, term)
        if number == driver:
            clauses.append(sa.or_(col(Statement.id).in_(fts), col(Statement.source_id).in_(titles)))
        else:
            clauses.append(
                sa.or_((col(Statement.id) + 0).in_(fts), (col(Statement.source_id) + 0).in_(titles))
            )
    return sa.and_(*clauses)


def _title_sources(session: Session, term: str) -> Any:
    """Ids of sources whose title contains `term` (a list, or a subquery when very many)."""
    highest = session.execute(sa.select(sa.func.max(Source.id))).scalar() or 0
    key = (id(session.get_bind().pool), highest)  # the pool: one per database, shared by options
    if key not in _titles_cache:
        _titles_cache.clear()
        rows = session.execute(sa.select(Source.id, Source.title)).all()
        _titles_cache[key] = [(source_id, (title or "").casefold()) for source_id, title in rows]
    needle = term.casefold()
    found = [source_id for source_id, title in _titles_cache[key] if needle in title]
    if len(found) > TITLE_LIST_MAX:
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return sa.select(Source.id).where(col(Source.title).ilike(pattern, escape="\\"))
    return found or [-1]


def _search_plan(session: Session, flt: StatementFilter) -> tuple[list[Any], bool]:
    """(conditions, planned): the filter's conditions with the search planned here."""
    terms = dialect.parse_search(flt.search)
    if not terms or session.get_bind().dialect.name != "sqlite":
        return [], False
    plain = statements._conditions(session, replace(flt, search=""))
    return [*plain, _search_clause(session, terms)], True


def list_page(
    session: Session,
    flt: StatementFilter,
    *,
    after_id: int | None = None,
    before_id: int | None = None,
    offset: int | None = None,
    limit: int = 200,
) -> list[StatementRow]:
    """Like `statements.list_statements`, with the fast plan for common search words."""
    conditions, dense = _search_plan(session, flt)
    if not dense:
        return statements.list_statements(
            session, flt, after_id=after_id, before_id=before_id, offset=offset, limit=limit
        )
    if before_id is not None:
        conditions.append(col(Statement.id) < before_id)
        query = statements._row_query(conditions).order_by(col(Statement.id).desc()).limit(limit)
        return [StatementRow(*r) for r in reversed(session.execute(query).all())]
    if after_id is not None:
        conditions.append(col(Statement.id) > after_id)
    query = statements._row_query(conditions).order_by(col(Statement.id)).limit(limit)
    if offset:
        query = query.offset(offset)
    return [StatementRow(*r) for r in session.execute(query).all()]


def last_page(session: Session, flt: StatementFilter, *, limit: int) -> list[StatementRow]:
    conditions, dense = _search_plan(session, flt)
    if not dense:
        return statements.last_statements(session, flt, limit=limit)
    query = statements._row_query(conditions).order_by(col(Statement.id).desc()).limit(limit)
    return [StatementRow(*r) for r in reversed(session.execute(query).all())]


class Interrupted(WorkbenchError):
    """A read was given up because its answer is no longer wanted (a newer filter came in)."""


def interruptible_counts(
    session: Session,
    flt: StatementFilter,
    *,
    should_stop: Callable[[], bool],
    with_total_unverified: bool = True,
) -> tuple[dict[str, int], int | None]:
    """Counts per status under `flt`, and (if asked) unverified in the whole database.

    A full count of a million rows takes a second; when the analyst has moved on to another
    filter, SQLite's progress handler stops it within a few milliseconds (Interrupted) instead
    of letting it hold a thread and a core.
    """
    raw = session.connection().connection.driver_connection
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        raw.set_progress_handler(lambda: 1 if should_stop() else 0, PROGRESS_STEPS)
    try:
        counts = statements.status_counts(session, flt)
        if flt == StatementFilter():
            return counts, counts["unverified"]
        if not with_total_unverified:
            return counts, None
        everything = StatementFilter(statuses=("unverified",))
        return counts, statements.count_statements(session, everything)
    except sa.exc.OperationalError as error:
        if "interrupted" in str(error.orig).lower():
            raise Interrupted("count given up: a newer filter replaced it") from None
        raise
    finally:
        if sqlite:
            raw.set_progress_handler(None, 0)


def warm_titles(session: Session) -> None:
    """Read the source titles now (at start-up, in a worker), not at the first search."""
    if session.get_bind().dialect.name == "sqlite":
        _title_sources(session, "")
