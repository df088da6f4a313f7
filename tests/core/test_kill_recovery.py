"""SIGKILL at random points of an ingest, a verdict loop and an import (benchmarks/kill_points.py,
small sizes): the file stays sound after every kill, no source is half-written, every committed
verdict is in the history exactly once, the audit chain verifies, and a rerun completes to the
same result as a run never killed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "kill_points.py"


def test_killed_runs_leave_a_sound_file_and_reruns_complete_without_duplicates() -> None:
    ran = subprocess.run(
        [sys.executable, str(SCRIPT), "--kills", "3", "--articles", "40", "--seed", "3", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    reports = {r["operation"]: r for r in map(json.loads, ran.stdout.strip().splitlines())}
    assert set(reports) == {"ingest", "verdicts", "import"}, ran.stderr
    for name, report in reports.items():
        assert report["problems"] == [], (name, report)
    assert reports["ingest"]["rerun_equals_clean"] and reports["import"]["rerun_equals_clean"]
    assert reports["verdicts"]["committed"] > 0
    assert ran.returncode == 0
