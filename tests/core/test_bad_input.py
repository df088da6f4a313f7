"""Bad input gets one clear `error:` line, a non-zero exit, no traceback, and loses nothing.

Each case runs the real entry point (`workbench.cli.main`) against a database that already holds
an article, and compares a hash of the file and a dump of every table before and after.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from core.conftest import Outcome, db_state, run_cli, statement_ids

Setup = Callable[[Path], list[str]]


def _assert_one_error(outcome: Outcome, *needles: str) -> str:
    assert outcome.code != 0, outcome
    assert "Traceback" not in outcome.err
    assert len(outcome.error_lines) == 1, outcome.err
    line = outcome.error_lines[0]
    for needle in needles:
        assert needle.lower() in line.lower(), line
    return line


def _file(name: str, content: bytes) -> Setup:
    def setup(tmp: Path) -> list[str]:
        (tmp / name).write_bytes(content)
        return ["ingest", name]

    return setup


def _oversized(tmp: Path) -> list[str]:
    (tmp / "config").mkdir(exist_ok=True)
    (tmp / "config" / "config.toml").write_text("max_file_mb = 0.001\n", encoding="utf-8")
    (tmp / "long.txt").write_text("The mayor said taxes rose. " * 100, encoding="utf-8")
    return ["ingest", "long.txt"]


def _bad_jsonl(tmp: Path) -> list[str]:
    lines = [
        '{"text": "The mayor said taxes rose.", "title": "Taxes"}',
        '{"text": "Police denied the report.", "url": "https://example.org/p"}',
        '{"text": "The minister said", ',
    ]
    (tmp / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["ingest", "wire.jsonl"]


def _bad_config(tmp: Path) -> list[str]:
    (tmp / "config").mkdir(exist_ok=True)
    (tmp / "config" / "config.toml").write_text('analyst = "ana"\ndatabase = \n', encoding="utf-8")
    return ["statements"]


CASES: dict[str, tuple[Setup, tuple[str, ...]]] = {
    "missing file": (lambda tmp: ["ingest", "nowhere.txt"], ("nowhere.txt", "no such file")),
    "binary file": (
        _file("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("photo.txt", "binary"),
    ),
    "empty file": (_file("empty.txt", b""), ("empty.txt", "empty")),
    "whitespace-only file": (_file("blank.md", b"  \n\n\t\n"), ("blank.md", "empty")),
    "file over the size limit": (_oversized, ("long.txt", "limit", "max_file_mb")),
    "neither UTF-8 nor cp1252": (
        _file("mixed.txt", b"The mayor said \x81\x8d\x8f\x90 taxes rose."),
        ("mixed.txt", "UTF-8", "re-save"),
    ),
    "malformed JSONL line": (_bad_jsonl, ("wire.jsonl", "line 3", "nothing from this file")),
    "unknown statement id (show)": (lambda tmp: ["show", "999"], ("statement", "999")),
    "unknown statement id (verdict)": (
        lambda tmp: ["verdict", "999", "confirmed"],
        ("statement", "999"),
    ),
    "unknown statement id (note)": (lambda tmp: ["note", "999", "why"], ("999",)),
    "unknown statement id (history)": (lambda tmp: ["history", "999"], ("999",)),
    "unknown statement id (evidence)": (
        lambda tmp: ["evidence", "add", "999", "https://example.org/x"],
        ("999",),
    ),
    "unknown statement id (dismiss)": (lambda tmp: ["dismiss", "999"], ("999",)),
    "invalid status": (lambda tmp: ["verdict", "2", "maybe"], ("status", "maybe", "confirmed")),
    "invalid status filter": (lambda tmp: ["statements", "--status", "done"], ("--status",)),
    "invalid evidence relation": (
        lambda tmp: ["evidence", "add", "2", "https://example.org", "--relation", "likes"],
        ("relation", "likes"),
    ),
    "empty note": (lambda tmp: ["note", "2", "   "], ("note", "empty")),
    "search syntax error": (
        lambda tmp: ["statements", "--search", '"unbalanced phrase'],
        ("search", "quote"),
    ),
    "broken config file": (_bad_config, ("config.toml", "line 2")),
    "bad --published date": (
        lambda tmp: ["ingest", "harbour.txt", "--published", "yesterday"],
        ("--published", "YYYY-MM-DD"),
    ),
    "bad --url": (
        lambda tmp: ["ingest", "harbour.txt", "--url", "javascript:alert(1)"],
        ("--url", "http"),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_error_line_and_changes_nothing(
    case: str, cli_db: Path, article: Path, tmp_path: Path
) -> None:
    setup, needles = CASES[case]
    args = setup(tmp_path)
    before = db_state(cli_db)
    outcome = run_cli(*args)
    _assert_one_error(outcome, *needles)
    assert outcome.code == 2
    assert db_state(cli_db) == before


BAD_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<b>x</b>",
    "https://user@evil.example",
    "https://trusted.org:pw@evil.example/",
    "https://example.org:99999/",
    "http://",
    "garbage",
    "",
]


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("command", ["evidence", "verdict"])
def test_evidence_url_that_is_not_http_is_refused_and_nothing_is_written(
    url: str, command: str, cli_db: Path
) -> None:
    before = db_state(cli_db)
    if command == "evidence":
        outcome = run_cli("evidence", "add", "2", url)
    else:  # the status change in the same transaction must roll back with the bad link
        outcome = run_cli("verdict", "2", "disputed", "--evidence", url)
    _assert_one_error(outcome, "evidence url", "http")
    assert db_state(cli_db) == before


def test_cp1252_file_ingests_with_a_notice(run: Callable[..., Outcome], tmp_path: Path) -> None:
    (tmp_path / "smart.txt").write_bytes(
        "The mayor said the \u201coffer\u201d was fair \u2013 and caf\u00e9s stay open.".encode(
            "cp1252"
        )
    )
    outcome = run("ingest", "smart.txt")
    assert outcome.code == 0, outcome
    assert "smart.txt: not UTF-8: decoded as Windows-1252 (cp1252)" in outcome.err
    shown = run("statements", "--format", "jsonl")
    assert "\u201coffer\u201d" in shown.out and "caf\u00e9s" in shown.out


def test_size_limit_message_is_readable_for_small_limits(tmp_path: Path) -> None:
    _oversized(tmp_path)
    line = _assert_one_error(run_cli("ingest", "long.txt"), "long.txt")
    assert "0.0 MB" not in line and "0 MB limit" not in line
    assert "2.7 kB" in line and "1.0 kB limit" in line


def test_malformed_jsonl_writes_no_line_of_that_file(cli_db: Path, tmp_path: Path) -> None:
    _bad_jsonl(tmp_path)
    before = db_state(cli_db)
    outcome = run_cli("ingest", "wire.jsonl")
    assert "line 3" in outcome.error_lines[0]
    assert db_state(cli_db) == before


def test_bad_file_does_not_create_a_database(tmp_path: Path) -> None:
    for args in (["ingest", "nowhere.txt"], ["statements"], ["show", "1"]):
        outcome = run_cli(*args)
        assert outcome.code == 2 and len(outcome.error_lines) == 1, outcome
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run_cli("ingest", "empty.txt").code == 2
    assert not (tmp_path / "workbench.db").exists()


def test_database_in_a_missing_folder(article: Path, tmp_path: Path) -> None:
    for args in (["ingest", str(article)], ["statements"], ["init"]):
        line = _assert_one_error(run_cli("--db", "no/such/folder/w.db", *args), "no/such/folder")
        assert "does not exist" in line or "no database" in line
    assert not (tmp_path / "no").exists()


def test_read_only_database_refuses_writes_and_still_reads(cli_db: Path, article: Path) -> None:
    os.chmod(cli_db, 0o444)
    try:
        before = db_state(cli_db)
        for args in (
            ["verdict", "2", "confirmed"],
            ["note", "2", "checked"],
            ["evidence", "add", "2", "https://example.org/a"],
            ["dismiss", "2"],
            ["ingest", str(article.with_name("other.txt"))],
        ):
            if args[0] == "ingest":
                Path(args[1]).write_text("The minister said the bridge is safe.", encoding="utf-8")
            line = _assert_one_error(run_cli(*args), "read-only")
            assert "workbench.db" in line
        assert db_state(cli_db) == before
        listed = run_cli("statements", "--format", "jsonl")
        assert listed.code == 0 and listed.out.count("\n") == len(statement_ids(cli_db))
        assert run_cli("show", "2").code == 0
        assert run_cli("history", "2").code == 0
    finally:
        os.chmod(cli_db, 0o644)


@pytest.mark.parametrize(
    "content", [b"hello, I am a text file\n", b"\x00" * 4096, b"SQLite format 2\x00" + b"x" * 100]
)
def test_a_file_that_is_not_a_database(content: bytes, tmp_path: Path, article: Path) -> None:
    target = tmp_path / "notes.db"
    target.write_bytes(content)
    for args in (["statements"], ["ingest", str(article)], ["init"], ["verdict", "1", "confirmed"]):
        _assert_one_error(
            run_cli("--db", str(target), *args), "notes.db", "not a workbench database"
        )
    assert target.read_bytes() == content


def test_a_sqlite_database_of_another_program_is_left_alone(tmp_path: Path, article: Path) -> None:
    target = tmp_path / "other.db"
    connection = sqlite3.connect(target)
    connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO recipes (name) VALUES ('soup')")
    connection.commit()
    connection.close()
    before = db_state(target)
    for args in (["statements"], ["ingest", str(article)], ["init"]):
        _assert_one_error(
            run_cli("--db", str(target), *args), "other.db", "not a workbench database"
        )
    assert db_state(target) == before


def _stamp(path: Path, revision: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.commit()
    connection.close()


def test_a_database_from_a_newer_workbench_is_refused(cli_db: Path, article: Path) -> None:
    _stamp(cli_db, "9f3a1b2c_future")
    before = db_state(cli_db)
    for args in (
        ["statements"],
        ["show", "2"],
        ["verdict", "2", "confirmed"],
        ["ingest", str(article)],
        ["init"],
    ):
        _assert_one_error(run_cli(*args), "newer workbench", "9f3a1b2c_future", "untouched")
    assert db_state(cli_db) == before


def test_an_older_schema_says_to_run_init(cli_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.db import schema

    monkeypatch.setattr(schema, "KNOWN_REVISIONS", (*schema.KNOWN_REVISIONS, "9999"))
    monkeypatch.setattr(schema, "HEAD_REVISION", "9999")
    before = db_state(cli_db)
    for args in (["statements"], ["verdict", "2", "confirmed"]):
        _assert_one_error(run_cli(*args), "older", "workbench init")
    assert db_state(cli_db) == before


def test_an_uninitialised_database_says_to_run_init(tmp_path: Path) -> None:
    (tmp_path / "blank.db").write_bytes(b"")
    _assert_one_error(run_cli("--db", "blank.db", "statements"), "blank.db", "workbench init")


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ('analyst = "ana"\ndatabase = \n', ("line 2",)),
        ('analyst = "ana"\n\ncolour = "blue"\n', ("line 3", "colour", "known settings")),
        ('analyst = "ana"\nmax_file_mb = "big"\n', ("line 2", "max_file_mb", "number")),
        ("advance_after_verdict = 1\n", ("line 1", "advance_after_verdict", "true or false")),
        (b"analyst = '\xff'\n", ("UTF-8",)),
    ],
)
def test_broken_config_file_names_file_and_line(
    content: str | bytes, needles: tuple[str, ...], isolated_config: Path, cli_db: Path
) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        isolated_config.write_bytes(content)
    else:
        isolated_config.write_text(content, encoding="utf-8")
    line = _assert_one_error(run_cli("statements"), str(isolated_config), *needles)
    assert line.startswith(f"error: {isolated_config}")
