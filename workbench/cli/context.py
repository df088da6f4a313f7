"""What every command shares: settings, the analyst, and the database opened once, lazily."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.config import Settings, load_settings
from workbench.errors import DatabaseProblem, ReadOnlyDatabase

if TYPE_CHECKING:  # SQLAlchemy is imported when a command opens the database, not for --help
    from workbench.db.engine import Database


class AppContext:
    """Built by the `cli` group; commands ask it for the database when they need one."""

    def __init__(self, *, database: str | None, analyst: str | None) -> None:
        self._database_option = database
        self._analyst_option = analyst
        self._db: Database | None = None

    def use_database(self, database: str) -> None:
        """`--db` given after the command name wins over the one before it."""
        self._database_option = database
        self.__dict__.pop("settings", None)

    def use_analyst(self, analyst: str) -> None:
        """`--analyst` given after the command name wins over the one before it."""
        self._analyst_option = analyst
        self.__dict__.pop("settings", None)

    @cached_property
    def settings(self) -> Settings:
        return load_settings(database=self._database_option, analyst=self._analyst_option)

    @property
    def analyst(self) -> str:
        return self.settings.analyst

    def open_db(self, *, write: bool, create: bool = False, bulk: bool = False) -> Database:
        """The database, schema-checked; a missing one is refused unless `create` is set.

        Only `init`, `ingest`, `demo` and `import` create a database: a mistyped --db on
        `verdict` or the review screen must not leave an empty file behind and then say "no
        statement 12".
        """
        from workbench.db.engine import Database, is_url
        from workbench.db.schema import check_schema, upgrade_to_head

        if self._db is not None:
            return self._db
        target = self.settings.database
        path = Path(target).expanduser()
        # exists() follows links: a broken link or a loop is Database.open's to explain.
        if not is_url(target) and not create and not path.exists() and not path.is_symlink():
            raise DatabaseProblem(
                "no database here yet",
                where=target,
                hint="run `workbench init` or `workbench ingest FILE`, or check --db",
            )
        db = Database.open(target)
        self._db = db
        if not is_url(target):
            _warn_if_network_share(target)
        if create and write and not db.read_only and not db.has_tables():
            upgrade_to_head(db)
        elif bulk and write:
            db.refuse_if_damaged()  # an ingest or import never writes into a damaged file
        check_schema(db)
        db = db.with_role_privileges()  # a SELECT-only PostgreSQL role opens read-only
        self._db = db
        if write and db.read_only and db.dialect == "postgresql":
            raise ReadOnlyDatabase(
                "this database role may only read: nothing was changed",
                where=db.location,
                hint="ask the desk lead for an analyst role (docs/team.md)",
            )
        return db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


def _warn_if_network_share(path: str) -> None:
    """One warning line on stderr when a SQLite file sits on NFS/SMB: it can corrupt there."""
    import click

    from workbench.db.network_fs import network_filesystem

    kind = network_filesystem(path)
    if kind is not None:
        click.echo(
            f"warning: {path} is on a network filesystem ({kind}); SQLite can corrupt there "
            "when several people use it: put the team on PostgreSQL (see docs/team.md)",
            err=True,
        )
