"""Shared fixtures: isolated config, real SQLite files in tmp dirs, a real PostgreSQL schema."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.db.engine import Database
from workbench.db.schema import upgrade_to_head

POSTGRES_URL = os.environ.get(
    "WORKBENCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A developer's own config, database or analyst must never decide what a test asserts."""
    config = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    monkeypatch.setenv("WORKBENCH_ANALYST", "tester")
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.chdir(tmp_path)
    return config


def _postgres_available() -> str | None:
    """None if the server answers, else the reason to skip."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install '.[postgres]')"
    plain = POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(plain, connect_timeout=2):
            return None
    except psycopg.OperationalError as error:
        return f"no PostgreSQL server at {plain}: {str(error).splitlines()[0]}"


_PG_SKIP_REASON: list[str | None] = []


def postgres_skip_reason() -> str | None:
    if not _PG_SKIP_REASON:
        _PG_SKIP_REASON.append(_postgres_available())
    return _PG_SKIP_REASON[0]


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated SQLite file in a tmp dir."""
    db = Database.open(str(tmp_path / "workbench.db"))
    upgrade_to_head(db)
    yield db
    db.dispose()


@pytest.fixture
def postgres_db() -> Iterator[Database]:
    """A fresh schema on the real PostgreSQL server, dropped afterwards."""
    reason = postgres_skip_reason()
    if reason:
        pytest.skip(reason)
    import sqlalchemy as sa

    schema = f"wb_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in POSTGRES_URL else "?"
    db = Database.open(f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}")
    try:
        upgrade_to_head(db)
        yield db
    finally:
        db.dispose()
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """The same test on SQLite and on PostgreSQL (skipped with a reason when no server)."""
    return request.getfixturevalue(f"{request.param}_db")


SAMPLES = Path(__file__).parent.parent / "workbench" / "samples"


@pytest.fixture
def demo_db(sqlite_db: Database) -> Database:
    """The bundled sample articles ingested into a fresh SQLite database."""
    from workbench.config import Settings
    from workbench.ingest.metadata import Metadata
    from workbench.services.ingesting import ingest_paths

    ingest_paths(
        sqlite_db,
        [SAMPLES],
        metadata=Metadata(),
        input_format="auto",
        analyst="tester",
        settings=Settings(),
    )
    return sqlite_db
