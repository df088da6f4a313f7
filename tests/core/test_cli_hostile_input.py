"""Hostile but realistic input found by hand: each case was a traceback, a vague or multi-line
error, a partial write or a wrong result. Every failure must be one `error:` line, a non-zero exit,
and the database exactly as it was.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from core.conftest import Outcome, db_state, run_cli


def _one_error(outcome: Outcome, *needles: str) -> str:
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.err, outcome.err
    assert outcome.err.count("\n") == 1 and len(outcome.error_lines) == 1, outcome.err
    line = outcome.error_lines[0]
    for needle in needles:
        assert needle.lower() in line.lower(), line
    return line


def _config(tmp: Path, text: str) -> None:
    (tmp / "config").mkdir(exist_ok=True)
    (tmp / "config" / "config.toml").write_text(text, encoding="utf-8")


# Paths -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_an_empty_path_is_refused_not_read_as_the_current_folder(
    command: str, cli_db: Path, article: Path
) -> None:
    before = db_state(cli_db)
    outcome = run_cli(command, "")
    _one_error(outcome, "empty path")
    assert outcome.out == ""
    assert db_state(cli_db) == before


def _feed_fifo(path: Path, data: bytes) -> threading.Thread:
    def write() -> None:
        try:
            with path.open("wb") as pipe:
                pipe.write(data)
        except BrokenPipeError:
            pass

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_a_pipe_is_read_no_further_than_the_size_limit(cli_db: Path, tmp_path: Path) -> None:
    """A pipe or device has no size to check first: /dev/zero used to be read until memory ran
    out. The limit now holds however the bytes arrive."""
    _config(tmp_path, "max_file_mb = 0.001\n")
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    writer = _feed_fifo(fifo, b"The mayor said taxes rose. " * 200)
    before = db_state(cli_db)
    _one_error(run_cli("ingest", str(fifo)), "feed.txt", "1.0 kB limit")
    writer.join(timeout=10)
    assert db_state(cli_db) == before


def test_a_pipe_under_the_limit_still_ingests(cli_db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    writer = _feed_fifo(fifo, b"The minister said the bridge is safe.")
    outcome = run_cli("ingest", str(fifo))
    writer.join(timeout=10)
    assert outcome.code == 0, outcome
    assert outcome.out.startswith("1 source added")


# Text that cannot be stored faithfully ------------------------------------------------------------


def test_a_nul_byte_after_the_first_8_kb_is_refused_with_its_line(
    cli_db: Path, tmp_path: Path
) -> None:
    """PostgreSQL refuses NUL in text: it was a traceback there and stored silently in SQLite."""
    (tmp_path / "late.txt").write_bytes(
        b"The mayor said taxes rose.\n" * 400 + b"Police denied \x00 it.\n"
    )
    before = db_state(cli_db)
    _one_error(run_cli("ingest", "late.txt"), "late.txt", "U+0000", "line 401")
    assert db_state(cli_db) == before


@pytest.mark.parametrize(
    ("record", "needles"),
    [
        ({"text": "The mayor said taxes\u0000 rose."}, ("text", "U+0000", "column 21")),
        ({"text": "The mayor said taxes rose.", "title": "a\u001b[31mred"}, ("title", "U+001B")),
        ({"text": "The mayor said x.", "outlet": "Ledger\u0000"}, ("outlet", "U+0000")),
    ],
)
def test_control_characters_in_jsonl_fields_are_refused(
    record: dict[str, str], needles: tuple[str, ...], cli_db: Path, tmp_path: Path
) -> None:
    good = {"text": "The governor said the port is open."}
    (tmp_path / "wire.jsonl").write_text(
        json.dumps(good) + "\n" + json.dumps(record) + "\n", encoding="utf-8"
    )
    before = db_state(cli_db)
    _one_error(run_cli("ingest", "wire.jsonl"), "wire.jsonl:2", *needles)
    assert db_state(cli_db) == before


def test_a_deeply_nested_jsonl_line_is_an_error_not_a_recursion_crash(
    cli_db: Path, tmp_path: Path
) -> None:
    (tmp_path / "deep.jsonl").write_text("[" * 100_000 + "\n", encoding="utf-8")
    before = db_state(cli_db)
    _one_error(run_cli("ingest", "deep.jsonl"), "deep.jsonl", "line 1")
    _one_error(run_cli("extract", "deep.jsonl"), "deep.jsonl", "line 1")
    assert db_state(cli_db) == before


def test_markdown_with_only_front_matter_stores_no_empty_source(
    cli_db: Path, tmp_path: Path
) -> None:
    (tmp_path / "stub.md").write_text("---\ntitle: Only a title\n---\n", encoding="utf-8")
    before = db_state(cli_db)
    _one_error(run_cli("ingest", "stub.md"), "stub.md", "no article text")
    assert db_state(cli_db) == before


def test_a_utf16_file_with_a_bom_is_read_not_called_binary(tmp_path: Path) -> None:
    """What Windows Notepad saves as "Unicode"."""
    (tmp_path / "notepad.txt").write_bytes(
        "The mayor said the caf\u00e9 stays open.".encode("utf-16")
    )
    outcome = run_cli("extract", "notepad.txt")
    assert outcome.code == 0, outcome
    assert "notepad.txt: not UTF-8: decoded as UTF-16" in outcome.err
    assert json.loads(outcome.out.splitlines()[0])["content"] == "the caf\u00e9 stays open"


def test_extract_from_stdin_honours_input_format(tmp_path: Path) -> None:
    line = json.dumps({"text": "The mayor said taxes rose.", "title": "Taxes"})
    outcome = run_cli("extract", "-", "--input-format", "jsonl", input=line + "\n")
    assert outcome.code == 0, outcome
    records = [json.loads(r) for r in outcome.out.splitlines()]
    assert [r["content"] for r in records] == ["taxes rose"]


def test_standard_input_named_twice_is_refused_before_reading() -> None:
    outcome = run_cli("extract", "-", "-", input="The mayor said taxes rose.\n")
    assert outcome.code == 2 and outcome.out == ""
    assert outcome.error_lines == ['error: PATHS: "-" (standard input) can be read only once']


# Ids and numbers ---------------------------------------------------------------------------------

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "args",
    [
        ["show", HUGE],
        ["verdict", HUGE, "confirmed"],
        ["note", HUGE, "why"],
        ["history", HUGE],
        ["merge", "2", HUGE],
        ["statements", "--source", HUGE],
        ["export", "--format", "json", "--source", HUGE],
        ["resolve", HUGE, "here"],
        ["show", "3000000000"],  # past PostgreSQL's 32-bit id column
        ["statements", "--limit", "-1"],
    ],
)
def test_ids_and_limits_out_of_range_are_one_error_line(args: list[str], cli_db: Path) -> None:
    before = db_state(cli_db)
    _one_error(run_cli(*args))
    assert db_state(cli_db) == before


def test_a_limit_past_any_count_means_no_limit(cli_db: Path) -> None:
    outcome = run_cli("statements", "--limit", HUGE, "--format", "jsonl")
    assert outcome.code == 0, outcome
    assert len(outcome.out.splitlines()) == 6


def test_click_usage_errors_are_one_error_line_too(cli_db: Path) -> None:
    line = _one_error(run_cli("show", "abc"), "'abc' is not a valid integer")
    assert "workbench show --help" in line


# Config ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ("max_file_mb = nan\n", ("max_file_mb", "positive")),
        ("max_file_mb = inf\n", ("max_file_mb", "positive")),
        ("max_file_mb = -1\n", ("max_file_mb", "positive")),
        ("max_file_mb = 0\n", ("max_file_mb", "positive")),
        ("lexicons = [1, 2]\n", ("lexicons", "list of paths")),
    ],
)
def test_config_values_of_the_right_type_but_unusable(
    content: str, needles: tuple[str, ...], cli_db: Path, article: Path, tmp_path: Path
) -> None:
    _config(tmp_path, content)
    before = db_state(cli_db)
    for args in (["extract", str(article)], ["ingest", str(article)]):
        _one_error(run_cli(*args), "config.toml", "line 1", *needles)
    assert db_state(cli_db) == before


def test_a_config_path_that_never_ends_is_read_no_further_than_1_mb(
    isolated_config: Path, cli_db: Path
) -> None:
    """WORKBENCH_CONFIG=/dev/zero was read until memory ran out; a pipe stands in for it."""
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(isolated_config)
    writer = _feed_fifo(isolated_config, b"#" * 2_000_001)  # one valid, endless TOML comment
    _one_error(run_cli("statements"), str(isolated_config), "over 1 MB")
    writer.join(timeout=10)


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["note", "2", "look \x1b[2J here"], "note"),
        (["verdict", "2", "disputed", "--note", "odd\x07"], "note"),
        (["correct", "2", "--speaker", "bad\x1bname"], "speaker"),
        (["correct", "2", "--proposition", "a\x1b[31m claim"], "proposition"),
        (
            ["evidence", "add", "2", "https://example.org/a", "--title", "t\x1b]0;x"],
            "evidence title",
        ),
    ],
)
def test_typed_text_with_a_terminal_escape_is_refused(
    args: list[str], where: str, cli_db: Path
) -> None:
    """`show` prints notes and corrections as stored: an ESC would reach every reader's terminal."""
    before = db_state(cli_db)
    _one_error(run_cli(*args), f"{where}: contains a control character")
    assert db_state(cli_db) == before
    assert run_cli("note", "2", "two lines\n\tand a tab").code == 0  # layout characters are fine


def test_show_prints_stored_control_characters_as_markers(cli_db: Path) -> None:
    """A database from before the input checks may hold them: `show` must not pass them on."""
    connection = sqlite3.connect(cli_db)
    with connection:
        connection.execute(
            "INSERT INTO change_event (at, analyst, entity, entity_id, statement_id, field, new, "
            "note) VALUES ('2026-01-01 00:00:00.000000', 'old', 'statement', 2, 2, 'note', "
            "?, '')",
            ("look \x1b[2J here \u202eevil",),
        )
    connection.close()
    outcome = run_cli("show", "2")
    assert outcome.code == 0, outcome
    assert "\x1b" not in outcome.out and "\u202e" not in outcome.out
    assert "look [U+001B][2J here [U+202E]evil" in outcome.out


@pytest.mark.parametrize("name", ["ana\x1b[2J", "ana\x9b2J", "\u202eana", "ana\tbo"])
def test_an_analyst_name_with_a_terminal_escape_is_refused(cli_db: Path, name: str) -> None:
    """The name is stored with every change and printed by `history` on the team's terminals;
    a C1 CSI (U+009B) or a direction override (U+202E) is as bad as an ESC."""
    before = db_state(cli_db)
    _one_error(run_cli("--analyst", name, "note", "2", "hi"), "--analyst", "control")
    assert db_state(cli_db) == before


@pytest.mark.parametrize("text", ["a C1 \x9b2J escape", "a DEL \x7f here"])
def test_a_note_with_a_c1_or_del_character_is_refused(cli_db: Path, text: str) -> None:
    """One control-character list (workbench/invisible.py) for ingest, typed text and names."""
    before = db_state(cli_db)
    _one_error(run_cli("note", "2", text), "note: contains a control character")
    assert db_state(cli_db) == before


# Links and search --------------------------------------------------------------------------------


def test_an_over_long_evidence_link_says_it_is_too_long(cli_db: Path) -> None:
    before = db_state(cli_db)
    url = "https://example.org/" + "a" * 3000
    line = _one_error(run_cli("evidence", "add", "2", url), "evidence url", "2048")
    assert "not an http(s) link" not in line
    assert len(line) < 300
    assert db_state(cli_db) == before


def test_a_search_of_a_thousand_words_is_an_error_not_a_crash(cli_db: Path) -> None:
    words = " ".join(f"w{i}" for i in range(1000))
    _one_error(run_cli("statements", "--search", words), "search", "words")


# Corrections -------------------------------------------------------------------------------------


def _merged_into(path: Path) -> dict[int, int | None]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT id, merged_into_id FROM statement")
        return dict(rows.fetchall())
    finally:
        connection.close()


def test_merging_a_statement_twice_or_into_a_merged_one_is_refused(cli_db: Path) -> None:
    """Merging 3 into 2 and then 2 into 3 left both dismissed, each merged into the other."""
    assert run_cli("merge", "2", "3").code == 0
    before = db_state(cli_db)
    _one_error(run_cli("merge", "2", "3"), "statement 3", "already merged into 2")
    _one_error(run_cli("merge", "3", "2"), "statement 3", "already merged into 2")
    _one_error(run_cli("merge", "4", "3"), "statement 3", "already merged into 2")
    assert db_state(cli_db) == before
    assert _merged_into(cli_db)[2] is None


def test_a_merged_statement_is_not_split_or_restored_on_its_own(cli_db: Path) -> None:
    """Split, it came back as a live statement whose text statement 2 already holds."""
    assert run_cli("merge", "2", "3").code == 0
    before = db_state(cli_db)
    _one_error(run_cli("split", "3", "90"), "split", "already merged into 2")
    _one_error(run_cli("dismiss", "3", "--restore"), "restore", "already merged into 2")
    assert db_state(cli_db) == before


def test_a_dismissed_statement_is_not_split(cli_db: Path) -> None:
    """Its second half would be a new row, not dismissed: a live copy of set-aside text."""
    assert run_cli("dismiss", "3").code == 0
    before = db_state(cli_db)
    _one_error(run_cli("split", "3", "90"), "split", "statement 3 is dismissed", "--restore")
    assert db_state(cli_db) == before


def test_correct_with_nothing_to_change_says_so(cli_db: Path) -> None:
    before = db_state(cli_db)
    _one_error(run_cli("correct", "2"), "nothing to correct", "--content")
    assert db_state(cli_db) == before


@pytest.mark.parametrize("option", ["--proposition", "--content", "--actor"])
def test_correct_to_an_empty_value_is_refused(option: str, cli_db: Path) -> None:
    before = db_state(cli_db)
    _one_error(run_cli("correct", "2", option, "   "), option.lstrip("-"), "empty")
    assert db_state(cli_db) == before


# Export ------------------------------------------------------------------------------------------


def test_export_to_an_empty_path_is_refused(cli_db: Path, tmp_path: Path) -> None:
    _one_error(run_cli("export", "--format", "md", "-o", ""), "--output", "empty")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_file_gets_the_usual_permissions(cli_db: Path, tmp_path: Path) -> None:
    """The temporary file that becomes the report is private (0600): a report on a shared
    drive or web folder must get the permissions any new file gets (umask)."""
    old = os.umask(0o022)
    try:
        assert run_cli("export", "--format", "md", "-o", "report.md").code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.md").stat().st_mode) == 0o644


def test_export_over_an_existing_file_keeps_its_permissions(cli_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o664)
    assert run_cli("export", "--format", "csv", "-o", "report.csv").code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_text(encoding="utf-8").startswith("id,")


def test_export_to_a_pipe_writes_into_it_instead_of_replacing_it(
    cli_db: Path, tmp_path: Path
) -> None:
    """`-o /dev/stdout` or a named pipe: renaming a temporary file over it replaced the pipe
    (or, as root, a device such as /dev/null) with a regular file."""
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    outcome = run_cli("export", "--format", "csv", "-o", str(fifo))
    reader.join(timeout=10)
    assert outcome.code == 0, outcome
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(b"id,")


# Evidence ----------------------------------------------------------------------------------------


def _evidence_urls(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in connection.execute("SELECT url FROM evidence ORDER BY id")]
    finally:
        connection.close()


def test_the_same_evidence_link_is_attached_once(cli_db: Path) -> None:
    """It was stored (and listed in every report) once per time it was given."""
    url = "https://example.org/report"
    done = run_cli("verdict", "2", "disputed", "--evidence", url, "--evidence", url)
    assert done.code == 0, done
    assert _evidence_urls(cli_db) == [url]
    before = db_state(cli_db)
    _one_error(run_cli("evidence", "add", "2", url), "already has this link", "evidence 1")
    _one_error(run_cli("verdict", "2", "confirmed", "--evidence", url), "already has this link")
    assert db_state(cli_db) == before
    assert run_cli("evidence", "add", "3", url).code == 0  # another statement may cite it


def test_export_since_an_impossible_date_names_the_date(cli_db: Path) -> None:
    """It said "'2024-02-30' does not match the format '%Y-%m-%d'", which it does."""
    _one_error(
        run_cli("export", "--format", "csv", "--since", "2024-02-30"), "--since", "2024-02-30"
    )
    line = _one_error(run_cli("export", "--format", "csv", "--since", "yesterday"), "YYYY-MM-DD")
    assert "%Y" not in line


# Tables for people -------------------------------------------------------------------------------


def test_document_text_in_tables_is_text_not_rich_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article holding "[/]" crashed `workbench statements`; "[bold]" restyled the table."""
    monkeypatch.chdir(tmp_path)
    text = "Bridge [/] Report\n\nThe [bold]mayor[/bold] said the [/] bridge was safe.\n"
    (tmp_path / "odd.txt").write_text(text, encoding="utf-8")
    assert run_cli("ingest", "odd.txt").code == 0
    for args in (
        ["statements"],
        ["statements", "--search", "bridge [x]"],
        ["sources"],
        ["actors"],
        ["extract", "odd.txt", "--format", "table"],
    ):
        outcome = run_cli(*args)
        assert outcome.code == 0 and "Traceback" not in outcome.err, (args, outcome)
        assert "[/]" in outcome.out or "[x]" in outcome.out or args == ["actors"], outcome.out


def test_extract_reports_a_bad_file_in_one_line_and_processes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The mayor said taxes rose.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("[" * 100_000 + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "The port, which\u00a0said that fees rose, shut.", encoding="utf-8"
    )
    outcome = run_cli("extract", *(str(tmp_path / n) for n in ("a.txt", "b.jsonl", "c.txt")))
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.err
    assert len(outcome.error_lines) == 1 and "b.jsonl" in outcome.error_lines[0]
    paths = [json.loads(r)["path"] for r in outcome.out.splitlines()]
    assert any(p.endswith("a.txt") for p in paths) and any(p.endswith("c.txt") for p in paths)


def test_extract_engine_failure_on_one_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in the engine on one file no longer drops every later file of the batch."""
    import workbench.extract as engine

    real = engine.extract

    def flaky(text: str, **kwargs: object) -> object:
        if "boom" in text:
            raise IndexError("string index out of range")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "extract", flaky)
    (tmp_path / "a.txt").write_text("The mayor said boom.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The mayor said taxes rose.", encoding="utf-8")
    outcome = run_cli("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert outcome.code == 2 and "Traceback" not in outcome.err
    assert len(outcome.error_lines) == 1 and "a.txt" in outcome.error_lines[0]
    assert "IndexError" in outcome.error_lines[0]
    assert [json.loads(r)["content"] for r in outcome.out.splitlines()] == ["taxes rose"]


# Issue 14: stored text is text, escapes are shown, ids are ASCII ---------------------------------


def _store(cli_db: Path, sql: str, *values: object) -> None:
    connection = sqlite3.connect(cli_db)
    with connection:
        connection.execute(sql, values)
    connection.close()


def test_stored_text_that_looks_like_rich_markup_is_printed_as_text(cli_db: Path) -> None:
    """An imported actor kind of "[/]" crashed `workbench actors` on every run."""
    _store(cli_db, "UPDATE actor SET kind = '[/]' WHERE id = 1")
    _store(cli_db, "UPDATE actor SET name = '[link=https://evil.example]x[/link]' WHERE id = 2")
    outcome = run_cli("actors")
    assert outcome.code == 0, outcome.err
    assert "[/]" in outcome.out and "[link=" in outcome.out  # shown, not made a hidden link


def test_an_id_in_other_digits_is_refused(cli_db: Path) -> None:
    """int("١٢") is 12: `verdict ١٢ confirmed` changed statement 12."""
    before = db_state(cli_db)
    _one_error(run_cli("verdict", "\u0661", "confirmed"), "ASCII digits")
    assert db_state(cli_db) == before


def test_a_lone_surrogate_is_one_error_line(cli_db: Path, tmp_path: Path) -> None:
    before = db_state(cli_db)
    _one_error(run_cli("note", "2", "caf\udce9"), "note", "not UTF-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Officials said \\ud800 it."}\n', encoding="utf-8")
    _one_error(run_cli("ingest", str(bad)), "bad.jsonl")
    assert db_state(cli_db) == before


def test_file_names_with_escapes_are_shown_not_obeyed(cli_db: Path, tmp_path: Path) -> None:
    outcome = run_cli("ingest", str(tmp_path / "gone\x1b[2J.txt"))
    assert "\x1b" not in outcome.err and "[U+001B][2J" in outcome.err


def test_jsonl_output_escapes_del_c1_and_direction_overrides(cli_db: Path) -> None:
    _store(cli_db, "UPDATE statement SET proposition = ? WHERE id = 2", "a\x7fb\x9bc\u202ed")
    outcome = run_cli("statements", "--format", "jsonl")
    assert not any(ch in outcome.out for ch in "\x7f\x9b\u202e")
    assert "a\\u007fb\\u009bc\\u202ed" in outcome.out
    assert any(
        json.loads(line)["proposition"] == "a\x7fb\x9bc\u202ed" for line in outcome.out.splitlines()
    )


@pytest.mark.parametrize("url", ["https://example.org/\u202egpj.exe", "https://example.org/a\x7f"])
def test_a_link_holding_a_direction_override_or_del_is_refused(cli_db: Path, url: str) -> None:
    before = db_state(cli_db)
    _one_error(run_cli("evidence", "add", "2", url), "evidence url")
    assert db_state(cli_db) == before
