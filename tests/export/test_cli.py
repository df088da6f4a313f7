"""`workbench export`, `import` and `conflicts` through the real entry point."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.db.engine import Database
from workbench.services.review import set_status
from workbench.services.statements import StatementFilter, list_statements


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def run(*args: str) -> Outcome:
    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
    return Outcome(code, out.getvalue().decode(), err.getvalue().decode())


def one_error(outcome: Outcome) -> str:
    lines = outcome.err.splitlines()
    assert outcome.code == 2 and len(lines) == 1 and lines[0].startswith("error: "), outcome
    return lines[0]


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "claimreview"])
def test_every_format_goes_to_stdout_or_a_file(reviewed_db: Database, fmt: str) -> None:
    to_stdout = run("export", "--format", fmt)
    assert to_stdout.code == 0, to_stdout
    assert to_stdout.out
    to_file = run("export", "--format", fmt, "-o", f"report.{fmt}")
    assert to_file.code == 0 and to_file.out == ""
    assert Path(f"report.{fmt}").read_bytes().decode("utf-8") == to_stdout.out
    assert not list(Path().glob(".report.*.part"))


def test_filters_reach_the_export(reviewed_db: Database) -> None:
    disputed = run("export", "--format", "csv", "--status", "disputed")
    assert disputed.out.count("\r\n") == 3  # header and two rows
    future = run("export", "--format", "csv", "--since", "2999-01-01")
    assert future.out.count("\r\n") == 1
    with reviewed_db.reader() as session:
        row = list_statements(session, StatementFilter(statuses=("confirmed",)), limit=1)[0]
    by_source = run("export", "--format", "json", "--source", str(row.source_id))
    assert len(json.loads(by_source.out)["sources"]) == 1
    by_analyst = run("export", "--format", "csv", "--analyst", "bo")
    assert by_analyst.out.count("\r\n") == 2
    assert run("export", "--format", "csv", "--actor", row.actor or "").out.count(row.key) == 1


def test_a_bad_status_is_one_line(reviewed_db: Database) -> None:
    assert "--status" in one_error(run("export", "--format", "md", "--status", "maybe"))


def test_hand_the_work_to_a_colleague(reviewed_db: Database, tmp_path: Path) -> None:
    assert run("export", "--format", "json", "-o", "work.json").code == 0
    other = str(tmp_path / "colleague.db")
    first = run("--db", other, "import", "work.json")
    assert first.code == 0, first
    assert "statements:" in first.out and "0 matched" in first.out
    again = run("--db", other, "import", "work.json")
    assert "0 added" in again.out and "0 conflicts recorded" in again.out
    assert run("--db", other, "export", "--format", "json").out == Path("work.json").read_text(
        encoding="utf-8"
    )


def test_a_conflict_is_listed(reviewed_db: Database, tmp_path: Path) -> None:
    run("export", "--format", "json", "-o", "work.json")
    other = str(tmp_path / "colleague.db")
    run("--db", other, "import", "work.json")
    with reviewed_db.reader() as session:
        row = list_statements(session, StatementFilter(statuses=("confirmed",)), limit=1)[0]
    colleague = Database.open(other)
    with colleague.transaction() as session:
        set_status(
            session,
            statement_id=row.id,
            status="disputed",
            analyst="cleo",
            override=True,
            note="cleo disagrees",
        )
    colleague.dispose()
    run("--db", other, "export", "--format", "json", "-o", "theirs.json")
    imported = run("import", "theirs.json")
    assert "1 conflicts recorded" in imported.out and "workbench conflicts" in imported.out
    listed = run("conflicts")
    assert listed.code == 0 and "cleo" in listed.out and "disputed" in listed.out


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "no such file"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not"),
        (b'{"format_version": 1, "actors": [], "sources": [{}], "history": []}', "sources[0]"),
        (b"[]", "JSON object"),
    ],
)
def test_a_bad_import_file_is_one_line(
    reviewed_db: Database, content: bytes | None, needle: str
) -> None:
    if content is not None:
        Path("bad.json").write_bytes(content)
    line = one_error(run("import", "bad.json"))
    assert "bad.json" in line and needle in line
