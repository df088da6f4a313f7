"""Issue 14 item 2: a full disk (a real 512 kB tmpfs, mounted when the tests run as root) and a
damaged database file are one `error:` line each, never a traceback, and nothing is changed."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.conftest import Outcome, run_cli


def _one_error(outcome: Outcome, *needles: str) -> None:
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.err, outcome.err
    assert len(outcome.error_lines) == 1 and outcome.err.count("\n") == 1, outcome.err
    for needle in needles:
        assert needle in outcome.error_lines[0], outcome.err


@pytest.fixture
def damaged(cli_db: Path) -> Path:
    """Every page after the first (the header and schema) overwritten with junk."""
    with cli_db.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xde\xad\xbe\xef" * ((cli_db.stat().st_size - 4096) // 4))
    return cli_db


@pytest.mark.parametrize(
    "command",
    [
        ("statements",),
        ("statements", "--format", "jsonl"),
        ("show", "2"),
        ("verdict", "2", "confirmed"),
        ("export", "--format", "json"),
    ],
)
def test_a_damaged_database_is_one_line(damaged: Path, command: tuple) -> None:
    before = damaged.read_bytes()
    _one_error(run_cli(*command), "damaged", "backup")
    assert damaged.read_bytes() == before


@pytest.fixture
def full_disk(tmp_path: Path, cli_db: Path) -> Iterator[Path]:
    """The database on a 512 kB tmpfs filled to the last byte."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        target = mount / "workbench.db"
        shutil.copyfile(cli_db, target)
        with (mount / "filler").open("wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError:
                pass
        yield target
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize("command", [("verdict", "2", "confirmed"), ("statements",)])
def test_a_full_disk_is_one_line(full_disk: Path, command: tuple) -> None:
    before = full_disk.read_bytes()
    _one_error(run_cli("--db", str(full_disk), *command), "cannot write to the disk", "df")
    assert full_disk.read_bytes() == before


@pytest.fixture
def quietly_damaged(cli_db: Path) -> Path:
    """One page that ingest never touches (the evidence table's) overwritten: SQLite alone
    would not notice, and an ingest appended next to it used to report success."""
    import sqlite3

    connection = sqlite3.connect(cli_db)
    (page,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'evidence'"
    ).fetchone()
    (size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    with cli_db.open("r+b") as handle:
        handle.seek(size * (page - 1))
        handle.write(b"\xde\xad\xbe\xef" * (size // 4))
    return cli_db


def test_ingest_and_import_refuse_a_damaged_file_before_writing(
    quietly_damaged: Path, tmp_path: Path
) -> None:
    article = tmp_path / "new.txt"
    article.write_text('"The pier is closed," said Mara Ellison on Monday.\n', encoding="utf-8")
    exported = tmp_path / "work.json"
    clean = tmp_path / "clean.db"
    assert run_cli("--db", str(clean), "ingest", str(article)).code == 0
    assert run_cli("--db", str(clean), "export", "--format", "json", "-o", str(exported)).code == 0
    before = quietly_damaged.read_bytes()
    for command in (("ingest", str(article)), ("import", str(exported))):
        outcome = run_cli("--db", str(quietly_damaged), *command)
        _one_error(outcome, "the database file is damaged", "restore it from a backup")
        assert quietly_damaged.read_bytes() == before
