"""A few real processes: the exact stderr line and exit code a user's shell sees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.conftest import ARTICLE


def workbench(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_python_m_workbench_help(tmp_path: Path) -> None:
    done = workbench("--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Usage: workbench" in done.stdout and "ingest" in done.stdout
    assert done.stderr == ""


def test_missing_file_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    done = workbench("ingest", "missing.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "error: missing.txt: no such file (check the path)\n"
    assert done.stdout == ""
    assert not (tmp_path / "workbench.db").exists()


def test_bulk_ingest_with_a_bad_file_then_review_commands(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    done = workbench("ingest", "a.txt", "b.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "error: b.txt: file is empty (nothing to ingest)\n"
    assert done.stdout.startswith("1 source added, ")
    assert done.stdout.endswith(", 0 skipped as already ingested, 1 error\n")
    bad = workbench("verdict", "2", "probably", cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr == (
        "error: status: unknown status 'probably' (use one of unverified, confirmed, disputed)\n"
    )


def test_click_usage_errors_keep_clicks_exit_code(tmp_path: Path) -> None:
    done = workbench("verdict", "not-a-number", "confirmed", cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "Invalid value" in done.stderr


def test_help_and_extract_start_without_the_database_layer_or_textual(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from workbench.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('sqlalchemy', 'sqlmodel', 'textual', 'alembic') "
        "if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stderr
