"""Helpers for the core suite: run the real CLI entry point, build small articles, dump databases.

Every sample is written here, into tmp dirs: a fresh clone has no /work/shared, and a test must
never depend on a developer's files.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings
from workbench.db.engine import Database
from workbench.db.schema import upgrade_to_head
from workbench.db.views import StatementRow
from workbench.extract import extract
from workbench.ingest.document import Document
from workbench.ingest.metadata import Metadata
from workbench.services.ingesting import ingest_paths
from workbench.services.statements import list_statements
from workbench.services.storing import ingest_document

ARTICLE = (
    "Harbour Talks Stall\n\n"
    "The union said the offer was too low. "
    "The company denied that it had refused to negotiate. "
    "Port officials questioned whether the strike was legal.\n\n"
    "Mayor Ana Ruiz said the harbour would reopen on Monday."
)
# The seed story told twice, by two outlets in different words: one claim across sources.
ACCUSATION = (
    "Arms Accusation\n\n"
    "The United States has accused North Korea of providing arms to Russia, "
    "but both countries deny the claims.\n"
)
FOLLOW_UP = (
    "Munitions Row\n\n"
    "Washington says Pyongyang sent munitions to Moscow. "
    "North Korea denied supplying arms to Russia.\n"
)
SECOND_ARTICLE = (
    "Bridge Repairs Delayed\n\n"
    "The minister said the bridge is safe. "
    "Engineers denied that the inspection had been completed."
)


@dataclass(frozen=True)
class Outcome:
    """What a user sees: the exit code, standard output and standard error."""

    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error:")]


def ingest_linked(db: Database, text: str, title: str) -> None:
    """Store one article and link its statements to claims, as `workbench ingest` does."""
    from workbench.services.claims import link_unclaimed, linked_through

    with db.transaction() as session:
        ingest_document(session, Document(text=text, title=title), extract(text), analyst="ana")
        link_unclaimed(session, analyst="ana", after_id=linked_through(session))


def downgrade(db: Database, revision: str) -> None:
    """Take the schema down to `revision` with Alembic (committed), as an older release left it."""
    from alembic import command
    from alembic.config import Config

    from workbench.db.schema import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        connection.commit()


def run_cli(*args: str, input: str | bytes | None = None) -> Outcome:
    """Run `workbench.cli.main` (the console script's code path) with captured streams."""
    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
    return Outcome(code, out.getvalue().decode(), err.getvalue().decode())


@pytest.fixture
def run() -> Callable[..., Outcome]:
    return run_cli


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database with ARTICLE ingested, built once per worker and copied per test."""
    folder = tmp_path_factory.mktemp("template")
    (folder / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    db = Database.open(str(folder / "template.db"))
    try:
        upgrade_to_head(db)
        ingest_paths(
            db,
            [folder / "harbour.txt"],
            metadata=Metadata(),
            input_format="auto",
            analyst="tester",
            settings=Settings(),
        )
    finally:
        db.dispose()
    return folder / "template.db"


@pytest.fixture
def cli_db(tmp_path: Path, _template_db: Path) -> Path:
    """`./workbench.db` (the default database in the test's cwd) holding ARTICLE's statements."""
    target = tmp_path / "workbench.db"
    shutil.copyfile(_template_db, target)
    return target


def file_digest(path: Path) -> str:
    """The database file and its WAL, byte for byte."""
    digest = hashlib.sha256()
    for part in (path, Path(f"{path}-wal")):
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def dump_sqlite(path: Path) -> list[str]:
    """Schema and every row of every table, as SQL text (read-only connection)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def db_state(path: Path) -> tuple[str, list[str]]:
    """Hash first (a dump must not be what changes the file), then the full dump."""
    return file_digest(path), dump_sqlite(path)


def statement_ids(path: Path) -> list[int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in connection.execute("SELECT id FROM statement ORDER BY id")]
    finally:
        connection.close()


@pytest.fixture
def rows(db: Database) -> dict[str, StatementRow]:
    """ARTICLE ingested; its statements by actor name."""
    with db.transaction() as session:
        ingest_document(
            session, Document(text=ARTICLE, title="Harbour"), extract(ARTICLE), analyst="ana"
        )
    with db.reader() as session:
        found = list_statements(session)
    return {row.actor or "": row for row in found}


@pytest.fixture
def ingest_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Path]:
    """Write an article and ingest it into ./workbench.db the way a user does (CLI `main`)."""
    from workbench.cli import main

    def ingest(text: str, name: str = "article.txt", *extra: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        main(["ingest", str(path), *extra])
        capsys.readouterr()
        return path

    return ingest
