"""Issue 11 item 13: running `workbench demo` again keeps the practice work of the last one."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from workbench.cli import main


def _status(path: Path, statement_id: int) -> str:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT status FROM statement WHERE id = ?", (statement_id,))
        return str(row.fetchone()[0])


def test_demo_again_keeps_earlier_work_in_a_backup_and_says_where(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["demo", "--print"])
    first = capsys.readouterr().err
    target = Path(re.search(r"demo database (\S+):", first).group(1))  # type: ignore[union-attr]
    assert "kept" not in first  # nothing to keep the first time
    main(["--db", str(target), "verdict", "1", "confirmed", "--note", "practice"])
    capsys.readouterr()

    main(["demo", "--print"])
    err = capsys.readouterr().err
    kept = re.search(r"your earlier demo work is kept in (\S+) ", err)
    assert kept, err
    backup = Path(kept.group(1))
    assert backup.parent == target.parent and backup != target
    assert _status(backup, 1) == "confirmed"  # the practice verdict survived
    assert _status(target, 1) == "unverified"  # and the demo is fresh again

    main(["demo", "--print"])  # an untouched demo is simply rebuilt: no second backup
    assert "kept" not in capsys.readouterr().err
    assert len(list(target.parent.glob("demo-*.db"))) == 1
