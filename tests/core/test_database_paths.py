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


def test_a_database_deleted_while_open_is_neither_written_nor_recreated(tmp_path: Path) -> None:
    """A verdict written into the deleted file would be reported as saved, then lost."""
    from workbench.db.engine import Database
    from workbench.db.schema import upgrade_to_head
    from workbench.errors import DatabaseProblem
    from workbench.extract import extract
    from workbench.ingest.document import Document
    from workbench.services.review import set_status
    from workbench.services.storing import ingest_document

    path = tmp_path / "team.db"
    db = Database.open(str(path))
    try:
        upgrade_to_head(db)
        text = "Harbour Talks\n\nThe union said the offer was too low."
        with db.transaction() as session:
            ingest_document(session, Document(text=text), extract(text), analyst="ana")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        gone = pytest.raises(DatabaseProblem, match="deleted or replaced while open")
        with gone, db.transaction() as session:
            set_status(session, statement_id=1, status="confirmed", analyst="ana")
        db.dispose()  # every pooled connection gone: the next one must not create a new file
        with pytest.raises(DatabaseProblem, match="moved or deleted"), db.reader() as session:
            session.connection()
        assert not path.exists()
    finally:
        db.dispose()
