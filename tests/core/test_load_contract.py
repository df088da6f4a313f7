"""Several analyst processes writing verdicts at once (benchmarks/team_load.py, small sizes):
every accepted change in the history exactly once, refused ones absent, state = replay of the
history, the audit chain intact, no unhandled lock or serialization error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import POSTGRES_URL, postgres_skip_reason

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "team_load.py"


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_concurrent_analysts_lose_nothing_and_record_nothing_twice(engine: str) -> None:
    if engine == "postgres" and (reason := postgres_skip_reason()):
        pytest.skip(reason)
    ran = subprocess.run(
        [sys.executable, str(SCRIPT), "--engine", engine, "--json"]
        + ["--processes", "4", "--changes", "30", "--statements", "60"]
        + ["--postgres-url", POSTGRES_URL],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    figures = json.loads(ran.stdout.strip().splitlines()[-1])
    assert figures["unhandled_errors"] == []
    assert figures["accepted"] + figures["refused"] == 4 * 30
    assert figures["accepted"] > 0
    assert figures["every_accepted_once"] and figures["no_refused_recorded"]
    assert figures["extra_events"] == 0
    assert figures["state_equals_replay"] and figures["audit_ok"]
    assert ran.returncode == 0, ran.stderr
