"""Everything that differs between SQLite and PostgreSQL, in one module.

- History guards: triggers that refuse UPDATE and DELETE on `change_event` (both engines).
- Full-text search: SQLite FTS5 over statement content, speaker and proposition. Updates and
  deletes are mirrored by triggers; new rows are indexed in one INSERT … SELECT at the end of each
  write transaction (`catch_up_search_index`), because a per-row insert trigger made bulk ingest
  five times slower (measured: 19k vs 106k rows/s). PostgreSQL falls back to ILIKE until the
  team-review work adds a tsvector index. Callers only ever use `search_clause()`.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from workbench.errors import InvalidInput

# A row inserted in the current transaction is not indexed until `catch_up_search_index` runs
# at commit. Sending FTS5 a 'delete' for a row it never indexed corrupts the index ("database
# disk image is malformed"), and indexing it early would move the catch-up watermark past older
# unindexed rows: so the update and delete triggers only touch rows already in the index.
_INDEXED = "EXISTS (SELECT 1 FROM statement_fts_docsize WHERE id = old.id)"

_SQLITE_EXTRAS = [
    "CREATE TRIGGER change_event_no_update BEFORE UPDATE ON change_event "
    "BEGIN SELECT RAISE(ABORT, 'change_event is append-only'); END",
    "CREATE TRIGGER change_event_no_delete BEFORE DELETE ON change_event "
    "BEGIN SELECT RAISE(ABORT, 'change_event is append-only'); END",
    "CREATE VIRTUAL TABLE statement_fts USING fts5("
    "content, speaker, proposition, content='statement', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER statement_fts_delete AFTER DELETE ON statement "
    f"WHEN {_INDEXED} BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, content, speaker, proposition) "
    "VALUES ('delete', old.id, old.content, old.speaker, old.proposition); END",
    "CREATE TRIGGER statement_fts_update AFTER UPDATE OF content, speaker, proposition "
    f"ON statement WHEN {_INDEXED} BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, content, speaker, proposition) "
    "VALUES ('delete', old.id, old.content, old.speaker, old.proposition); "
    "INSERT INTO statement_fts(rowid, content, speaker, proposition) "
    "VALUES (new.id, new.content, new.speaker, new.proposition); END",
]

_POSTGRES_EXTRAS = [
    "CREATE FUNCTION change_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'change_event is append-only'; END $$",
    "CREATE TRIGGER change_event_no_update BEFORE UPDATE OR DELETE ON change_event "
    "FOR EACH ROW EXECUTE FUNCTION change_event_append_only()",
    # Row triggers do not fire for TRUNCATE, which would otherwise empty the history at once.
    "CREATE TRIGGER change_event_no_truncate BEFORE TRUNCATE ON change_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION change_event_append_only()",
]

_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS statement_fts_update",
    "DROP TRIGGER IF EXISTS statement_fts_delete",
    "DROP TABLE IF EXISTS statement_fts",
    "DROP TRIGGER IF EXISTS change_event_no_delete",
    "DROP TRIGGER IF EXISTS change_event_no_update",
]
_POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS change_event_no_truncate ON change_event",
    "DROP TRIGGER IF EXISTS change_event_no_update ON change_event",
    "DROP FUNCTION IF EXISTS change_event_append_only()",
]


def install_extras(connection: Connection) -> None:
    """Called by the initial migration after the tables exist."""
    ddl = _SQLITE_EXTRAS if connection.dialect.name == "sqlite" else _POSTGRES_EXTRAS
    for statement in ddl:
        connection.exec_driver_sql(statement)


_CATCH_UP = (
    "INSERT INTO statement_fts(rowid, content, speaker, proposition) "
    "SELECT id, content, speaker, proposition FROM statement "
    "WHERE id > (SELECT coalesce(max(id), 0) FROM statement_fts_docsize)"
)


def catch_up_search_index(connection: Connection) -> None:
    """Index statements added since the last write (SQLite); called before every commit.

    Statement ids only grow, and `statement_fts_docsize` (an FTS5 shadow table) holds one row per
    indexed statement, so the newest indexed id is the watermark. Costs two index lookups when
    nothing is new.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(_CATCH_UP)


# Statements added in one run past which the planner's statistics are refreshed, and the size
# below which they always are (ANALYZE costs about 0.4 s per million statements, 20 ms at
# 50,000): a database grown by many small ingests still has statistics from when it was small.
STATISTICS_AFTER = 5_000
SMALL_DATABASE = 50_000


def refresh_statistics(connection: Connection, *, added: int | None = None) -> None:
    """Give the query planner fresh statistics after a bulk write (ingest, import, upgrade).

    With `added`, only when that many statements came in or the database is still small.
    """
    if added is not None and added < STATISTICS_AFTER:
        newest = connection.exec_driver_sql("SELECT max(id) FROM statement").scalar() or 0
        if newest >= SMALL_DATABASE:
            return
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("ANALYZE")
    else:
        for table in ("statement", "change_event", "source", "actor"):
            connection.exec_driver_sql(f"ANALYZE {table}")


def drop_extras(connection: Connection) -> None:
    ddl = _SQLITE_DROP if connection.dialect.name == "sqlite" else _POSTGRES_DROP
    for statement in ddl:
        connection.exec_driver_sql(statement)


_TERM = re.compile(r'"([^"]*)"|(\S+)')
MAX_SEARCH_TERMS = 64


def parse_search(query: str) -> list[str]:
    """Split user search text into words and "quoted phrases"; every term must match.

    Raises InvalidInput (shown as a message, never a crash) for an unbalanced quote.
    """
    if query.count('"') % 2:
        raise InvalidInput("unbalanced quote in search", where="search", hint='close the "phrase"')
    terms: list[str] = []
    for match in _TERM.finditer(query):
        term = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
        words = re.findall(r"\w+", term)
        if words and " ".join(words) not in terms:
            terms.append(" ".join(words))
    if not terms and query.strip():
        raise InvalidInput("search has no words to look for", where="search")
    if len(terms) > MAX_SEARCH_TERMS:  # each term is a clause: SQLite caps the expression depth
        raise InvalidInput(
            f"search has {len(terms)} words and phrases; at most {MAX_SEARCH_TERMS} are allowed",
            where="search",
            hint='quote a passage to search for it as one "phrase"',
        )
    return terms


def search_clause(dialect: str, terms: list[str], statement: Any, source: Any) -> Any:
    """A WHERE clause: every term appears in the content, speaker, proposition or source title."""
    clauses = []
    for number, term in enumerate(terms):
        title_match = statement.source_id.in_(
            sa.select(source.id).where(source.title.ilike(f"%{_escape_like(term)}%", escape="\\"))
        )
        if dialect == "sqlite":
            # Quoted, so user text is never FTS5 syntax; "*" makes the last word a prefix.
            fts_query = '"' + term.replace('"', "") + '"*'
            # One parameter name per term: text() clauses sharing ":q" would all get one value,
            # and "offer bridge" would quietly search for "bridge" twice.
            name = f"fts_term_{number}"
            text_match = statement.id.in_(
                sa.text(
                    f"SELECT rowid FROM statement_fts WHERE statement_fts MATCH :{name}"
                ).bindparams(sa.bindparam(name, fts_query))
            )
        else:
            pattern = f"%{_escape_like(term)}%"
            text_match = sa.or_(
                statement.content.ilike(pattern, escape="\\"),
                statement.speaker.ilike(pattern, escape="\\"),
                statement.proposition.ilike(pattern, escape="\\"),
            )
        clauses.append(sa.or_(text_match, title_match))
    return sa.and_(*clauses)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
