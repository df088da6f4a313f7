"""Issue 14 item 5: a database on a read-only mount (a real read-only bind mount, made when the
tests run as root) reads, and every write is refused in one line. A chmod'ed file is a different
case (tests/core/test_database_paths.py): here the write bits are on and SQLite cannot even
create the WAL's shared-memory file."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.conftest import run_cli


@pytest.fixture
def read_only_copy(tmp_path: Path, cli_db: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("a bind mount needs root")
    source, mount = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    mount.mkdir()
    shutil.copyfile(cli_db, source / "workbench.db")
    steps = (
        ["mount", "--bind", str(source), str(mount)],
        ["mount", "-o", "remount,bind,ro", str(mount)],
    )
    for step in steps:
        done = subprocess.run(step, capture_output=True)
        if done.returncode != 0:
            subprocess.run(["umount", "-l", str(mount)], check=False)
            pytest.skip(f"cannot make a read-only mount: {done.stderr.decode().strip()}")
    try:
        yield mount / "workbench.db"
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_reads_work_on_a_read_only_mount(read_only_copy: Path) -> None:
    for command in (("statements",), ("show", "2"), ("actors",), ("sources",)):
        outcome = run_cli("--db", str(read_only_copy), *command)
        assert outcome.code == 0 and outcome.err == "", (command, outcome)
    assert "the offer was too low" in run_cli("--db", str(read_only_copy), "statements").out


@pytest.mark.parametrize(
    "command", [("verdict", "2", "confirmed"), ("note", "2", "checked"), ("dismiss", "2")]
)
def test_writes_on_a_read_only_mount_are_one_line(read_only_copy: Path, command: tuple) -> None:
    outcome = run_cli("--db", str(read_only_copy), *command)
    assert outcome.code == 2 and "Traceback" not in outcome.err, outcome
    assert outcome.err.count("\n") == 1 and "read-only" in outcome.error_lines[0], outcome.err
