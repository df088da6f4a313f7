"""The only place an engine is made: SQLite tuning, transactions, and opening errors.

SQLite needs care to give several processes "wait, don't fail, don't lose updates":
- WAL so readers never block the writer, `busy_timeout` so a writer waits for the lock;
- write transactions start with `BEGIN IMMEDIATE`: a deferred BEGIN that later upgrades to a write
  skips the busy handler and fails at once (or, without any BEGIN, silently loses updates).
SQLAlchemy's documented recipe: take transaction control away from the sqlite3 driver
(`isolation_level = None`) and emit BEGIN ourselves in the `begin` event.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, inspect, text
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from workbench.db.audit import lock_history, seal_history
from workbench.db.dialect import catch_up_search_index
from workbench.errors import DatabaseProblem, ReadOnlyDatabase, SchemaMismatch

BUSY_TIMEOUT_MS = 10_000
# SQLite's own defaults, and what a bulk ingest uses instead (see Database.transaction).
DEFAULT_WAL_PAGES, BULK_WAL_PAGES = 1_000, 10_000  # wal_autocheckpoint: 4 MB, 40 MB of WAL
DEFAULT_CACHE_KB, BULK_CACHE_KB = 2_000, 64_000  # page cache per connection
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_url(target: str) -> bool:
    """`--db` takes a file path or a SQLAlchemy URL."""
    return "://" in target


def normalise_url(url: str) -> str:
    """A bare `postgresql://` means psycopg2 to SQLAlchemy; we ship psycopg 3."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _file_is_read_only(path: Path) -> bool:
    """Honour the file's write bits even for root, so "chmod a-w" always means read-only;
    a file on a read-only mount is read-only too."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or _on_read_only_mount(path)


def _on_read_only_mount(path: Path) -> bool:
    """A read-only filesystem: SQLite cannot even create the WAL's shared-memory file there."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _check_sqlite_file(path: Path) -> None:
    """Turn the ways a path can be wrong into one clear line before SQLite says something vague."""
    if not path.parent.exists():
        raise DatabaseProblem(
            f"folder {path.parent} does not exist",
            where=str(path),
            hint="create the folder or give another --db path",
        )
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():  # a dangling link: SQLite would create a file at its target
            raise DatabaseProblem("is a broken symbolic link", where=str(path)) from None
        return  # a new database, made on the first write
    except OSError as error:  # a symlink loop, a path through a file, no permission
        raise DatabaseProblem(f"cannot use this path: {error.strerror}", where=str(path)) from None
    if stat.S_ISDIR(mode):
        raise DatabaseProblem("is a folder, not a database file", where=str(path))
    if not stat.S_ISREG(mode):  # /dev/null, a FIFO, a socket: SQLite needs a real file
        raise DatabaseProblem(
            "is not a regular file (a device, pipe or socket)",
            where=str(path),
            hint="give the path of a database file",
        )
    if path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                raise DatabaseProblem(
                    "is not a workbench database (not a SQLite file)",
                    where=str(path),
                    hint="give the path of a database made by `workbench init`",
                )


@dataclass(frozen=True)
class Database:
    """An open database: the engine, where it is, and whether it may be written."""

    engine: Engine
    location: str  # the path or URL (password hidden) for messages and the status line
    read_only: bool = False

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @classmethod
    def open(cls, target: str) -> Database:
        """Open a SQLite path or a SQLAlchemy URL. Creates nothing until the first write."""
        if is_url(target):
            url = normalise_url(target)
            if url.startswith("sqlite:///"):
                return cls._open_sqlite(Path(url.removeprefix("sqlite:///")))
            try:
                engine = create_engine(url, pool_pre_ping=True)
            except (exc.ArgumentError, exc.NoSuchModuleError, ImportError) as error:
                raise DatabaseProblem(f"cannot use database URL: {error}", where="--db") from None
            return cls(engine, engine.url.render_as_string(hide_password=True))
        return cls._open_sqlite(Path(target))

    @classmethod
    def _open_sqlite(cls, path: Path) -> Database:
        path = path.expanduser()
        _check_sqlite_file(path)
        read_only = _file_is_read_only(path)
        file = _SqliteFile(path.resolve(), read_only)

        # NullPool would reconnect on every session (pragmas each time); a QueuePool keeps a
        # few tuned connections for the TUI's worker threads. It must be asked for: with a
        # bare "sqlite://" URL SQLAlchemy assumes :memory: and picks SingletonThreadPool, which
        # closes other threads' connections once more than 5 threads read (a crash under load).
        engine = create_engine(
            "sqlite://",
            creator=file.connect,
            poolclass=QueuePool,
            pool_size=5,
            max_overflow=20,
            pool_use_lifo=True,  # the most recently used connection has the warmest page cache
        )
        event.listen(engine, "connect", _tune_sqlite_connection(read_only))
        event.listen(engine, "begin", _begin_sqlite(file))
        event.listen(engine, "checkin", _untune_on_checkin)
        return cls(engine, str(path), read_only)

    @contextmanager
    def transaction(self, *, bulk: bool = False) -> Iterator[Session]:
        """One unit of work for writes: commit if the block finishes, roll back if it raises.

        `bulk` is for ingest batches of thousands of rows. On SQLite the WAL may then grow to
        BULK_WAL_PAGES before it is copied back into the database file, so one large
        checkpoint replaces many small ones that rewrite the same index pages, and the page
        cache holds the indexes that random statement keys touch. Measured over 200,000
        statements, final checkpoint included: 45,000 → 53,000 statements/s. Other
        transactions keep SQLite's defaults: a verdict never pays for a large checkpoint, and
        the TUI's pooled connections do not each grow a 64 MB cache.
        """
        if self.read_only:
            raise ReadOnlyDatabase(
                "the database is read-only: nothing was changed",
                where=self.location,
                hint="reads still work; make the file writable to record changes",
            )
        with translate_errors(self.location), Session(self.engine) as session, session.begin():
            lock_history(session.connection())
            if bulk and self.dialect == "sqlite":
                _tune_for_bulk(session)
            yield session
            catch_up_search_index(session.connection())
            seal_history(session.connection())

    @property
    def read_engine(self) -> Engine:
        """The engine for reads: a deferred BEGIN on SQLite, so a read never waits for a writer."""
        return self.engine.execution_options(workbench_read=True)

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A short read-only unit of work (deferred BEGIN on SQLite: never takes the write lock)."""
        with translate_errors(self.location), Session(self.read_engine) as session, session.begin():
            yield session

    def refuse_if_damaged(self) -> None:
        """Before a bulk write (ingest, import): a damaged file is refused, not written into.

        SQLite notices damage only on the pages a statement touches, so an ingest that appends
        rows next to a damaged page would report success. `PRAGMA quick_check` reads every
        page: 0.4 s at 100,000 statements, 3.6 s at a million (78 MB and 780 MB files), small
        beside the bulk write it guards; single verdicts are not checked this way.
        """
        if self.dialect != "sqlite":
            return
        with translate_errors(self.location), self.read_engine.connect() as connection:
            found = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check(3)")]
        if found != ["ok"]:
            raise DatabaseProblem(
                f"the database file is damaged ({found[0]}): nothing was written",
                where=self.location,
                hint="restore it from a backup; `sqlite3 FILE .recover` saves what is readable",
            )

    def with_role_privileges(self) -> Database:
        """This database, marked read-only when the PostgreSQL role may not write.

        A viewer role (docs/team.md) then gets the review screen's read-only mode and a
        one-line refusal before any write is sent, instead of a permission error mid-way.
        One catalogue query; SQLite files already know from their permissions.
        """
        if self.dialect != "postgresql" or self.read_only:
            return self
        query = text(
            "SELECT to_regclass('statement') IS NULL OR ("
            "has_table_privilege(to_regclass('statement'), 'UPDATE') AND "
            "has_table_privilege(to_regclass('change_event'), 'INSERT'))"
        )
        with translate_errors(self.location), self.read_engine.connect() as connection:
            may_write = bool(connection.execute(query).scalar())
        return self if may_write else replace(self, read_only=True)

    def dispose(self) -> None:
        self.engine.dispose()

    def has_tables(self) -> bool:
        with translate_errors(self.location), self.read_engine.connect() as connection:
            return bool(inspect(connection).get_table_names())


def _tune_for_bulk(session: Session) -> None:
    """Bulk settings for this connection until it returns to the pool."""
    proxied = session.connection().connection
    _set_cache_and_wal(proxied.dbapi_connection, BULK_CACHE_KB, BULK_WAL_PAGES)
    proxied.info["bulk"] = True


def _untune_on_checkin(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    """Back to the defaults on check-in, before any other session can have the connection."""
    if record.info.pop("bulk", False) and dbapi_connection is not None:
        _set_cache_and_wal(dbapi_connection, DEFAULT_CACHE_KB, DEFAULT_WAL_PAGES)


def _set_cache_and_wal(dbapi_connection: Any, cache_kb: int, wal_pages: int) -> None:
    dbapi_connection.execute(f"PRAGMA cache_size = -{int(cache_kb)}")
    dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {int(wal_pages)}")


def _tune_sqlite_connection(read_only: bool) -> Any:
    def tune(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        """SQLite forgets these per connection, so set them on every new one."""
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see module doc)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")  # otherwise foreign keys are decorative
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only and _may_switch_to_wal(cursor):
            cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
            cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; much faster commits
        cursor.close()

    return tune


def _may_switch_to_wal(cursor: sqlite3.Cursor) -> bool:
    """WAL for a new or workbench database; never rewrite another program's file header.

    Switching the journal mode is a write to the file, and a file that turns out not to be ours
    must be left exactly as it was (the schema check refuses it a moment later).
    """
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return True
    tables = {row[0] for row in cursor.execute("SELECT name FROM sqlite_master")}
    return not tables or "alembic_version" in tables


class _SqliteFile:
    """The database file, held to the one that was opened.

    Once the file exists, connections open it with `mode=rw`, so a file deleted while the TUI
    runs is never silently re-created empty; and each write transaction first checks the path
    still names the same file, so a verdict is never written into a deleted (or replaced) file
    and then reported as saved.
    """

    def __init__(self, path: Path, read_only: bool) -> None:
        self.path, self.read_only = path, read_only
        self.identity: tuple[int, int] | None = self._identity()

    def _identity(self) -> tuple[int, int] | None:
        try:
            found = self.path.stat()
        except FileNotFoundError:
            return None
        return found.st_dev, found.st_ino

    def connect(self) -> sqlite3.Connection:
        mode = "ro" if self.read_only else ("rw" if self.identity else "rwc")
        # On a read-only mount nothing can change the file, and a WAL database could not be
        # opened at all (its -shm file cannot be made): `immutable` reads it without locks.
        immutable = "&immutable=1" if self.read_only and _on_read_only_mount(self.path) else ""
        connection = sqlite3.connect(
            f"file:{self.path}?mode={mode}{immutable}",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
        )
        if self.identity is None:
            self.identity = self._identity()  # created by this first connection
        return connection

    def check_unchanged(self) -> None:
        if self.identity is not None and self._identity() != self.identity:
            raise DatabaseProblem(
                "the database file was deleted or replaced while open: nothing was written",
                where=str(self.path),
                hint="restore the file, or restart workbench to use the new one",
            )


def _begin_sqlite(file: _SqliteFile) -> Any:
    def begin(connection: Any) -> None:
        """Writes take the lock up front so concurrent writers queue instead of failing."""
        if connection.get_execution_options().get("workbench_read"):
            connection.exec_driver_sql("BEGIN")
        else:
            file.check_unchanged()
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return begin


@contextmanager
def translate_errors(location: str) -> Iterator[None]:
    """Database failures the user can act on become one-line errors; others stay bugs."""
    try:
        yield
    except exc.OperationalError as error:
        message = str(error.orig).lower()
        if "readonly" in message or "read-only" in message:
            raise ReadOnlyDatabase(
                "the database is read-only: nothing was changed",
                where=location,
                hint="reads still work; make the file writable to record changes",
            ) from None
        if "disk is full" in message or "disk i/o error" in message:
            # SQLITE_FULL, or SQLITE_IOERR when not even the WAL's shared memory fits: SQLite
            # rolled the transaction back.
            raise DatabaseProblem(
                f"cannot write to the disk ({error.orig}): nothing was changed",
                where=location,
                hint="free some space (see `df`) and try again",
            ) from None
        if "locked" in message or "busy" in message:
            raise DatabaseProblem(
                "the database stayed locked by another writer; nothing was changed",
                where=location,
                hint="try again in a moment",
            ) from None
        if "unable to open" in message:
            raise DatabaseProblem(
                "cannot open the database file (was it moved or deleted?)", where=location
            ) from None
        if "no such table" in message:
            raise SchemaMismatch(
                "the database has no workbench tables", where=location, hint="run `workbench init`"
            ) from None
        if "could not connect" in message or "connection" in message:
            raise DatabaseProblem(f"cannot connect: {error.orig}", where=location) from None
        raise
    except exc.ProgrammingError as error:
        if getattr(error.orig, "sqlstate", None) == "42501":  # PostgreSQL insufficient_privilege
            raise ReadOnlyDatabase(
                "this database role may only read: nothing was changed",
                where=location,
                hint="reads, searches and exports work; ask the server's owner for an analyst "
                "role to record changes, see docs/team.md",
            ) from None
        raise
    except exc.DatabaseError as error:
        if "malformed" in str(error.orig).lower():  # SQLITE_CORRUPT
            raise DatabaseProblem(
                "the database file is damaged (database disk image is malformed)",
                where=location,
                hint="restore it from a backup; `sqlite3 FILE .recover` saves what is readable",
            ) from None
        if "not a database" in str(error.orig).lower():
            raise DatabaseProblem(
                "is not a workbench database (not a SQLite file)", where=location
            ) from None
        raise


def current_revision(db: Database) -> str | None:
    """The Alembic revision stamped in the database, or None for an empty database."""
    with translate_errors(db.location), db.read_engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
