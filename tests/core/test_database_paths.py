"""`--db` paths that are not database files: one clear line, nothing created anywhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.conftest import Outcome, run_cli


def _one_error(outcome: Outcome, needle: str) -> None:
    assert outcome.code != 0 and "Traceback" not in outcome.err, outcome
    assert len(outcome.error_lines) == 1 and needle in outcome.error_lines[0], outcome.err


@pytest.mark.parametrize("command", [["init"], ["statements"], ["ingest", "a.txt"]])
def test_a_device_is_not_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("The mayor said the bridge was safe.", encoding="utf-8")
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    for target in ("/dev/null", str(fifo)):
        _one_error(run_cli("--db", target, *command), "not a regular file")
    assert not Path("/dev/null-journal").exists()


@pytest.mark.parametrize("command", [["statements"], ["ingest", "a.txt"]])
def test_a_symlink_loop_or_a_broken_link_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("The mayor said the bridge was safe.", encoding="utf-8")
    (tmp_path / "one.db").symlink_to("two.db")
    (tmp_path / "two.db").symlink_to("one.db")
    (tmp_path / "broken.db").symlink_to(tmp_path / "gone" / "x.db")
    _one_error(run_cli("--db", "one.db", *command), "symbolic links")
    _one_error(run_cli("--db", "broken.db", *command), "broken symbolic link")
    assert not (tmp_path / "gone").exists()
