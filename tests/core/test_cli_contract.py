"""The CLI's machine-readable contract: JSONL and CSV fields, exact spans, stdin, show, history."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from core.conftest import ARTICLE, Outcome
from workbench.db.engine import Database

Run = Callable[..., Outcome]

STATEMENT_KEYS = {
    "id", "source_id", "speaker", "actor", "cue", "stance", "content", "proposition", "status",
    "version", "sentence_start", "sentence_end", "speaker_start", "speaker_end", "cue_start",
    "cue_end", "content_start", "content_end",
}  # fmt: skip
EXTRACT_KEYS = {
    "path", "speaker", "speaker_start", "speaker_end", "actor", "cue", "cue_start", "cue_end",
    "stance", "content", "content_start", "content_end", "proposition", "rule", "confidence",
}  # fmt: skip


def jsonl(outcome: Outcome) -> list[dict[str, object]]:
    assert outcome.code == 0, outcome
    return [json.loads(line) for line in outcome.out.splitlines()]


def _check_spans(record: dict[str, object], text: str) -> None:
    for field in ("speaker", "cue", "content"):
        start, end = record[f"{field}_start"], record[f"{field}_end"]
        if record[field] is None:
            assert start is None and end is None
        else:
            assert isinstance(start, int) and isinstance(end, int)
            assert text[start:end] == record[field], (field, record)


def test_statements_jsonl_has_one_object_per_statement_with_exact_offsets(
    run: Run, cli_db: Path
) -> None:
    records = jsonl(run("statements", "--format", "jsonl"))
    assert len(records) >= 4
    for record in records:
        assert set(record) >= STATEMENT_KEYS, STATEMENT_KEYS - set(record)
        assert record["status"] == "unverified" and record["version"] == 1
        _check_spans(record, ARTICLE)
        sentence = ARTICLE[record["sentence_start"] : record["sentence_end"]]  # type: ignore[misc]
        assert str(record["content"]) in sentence
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)  # type: ignore[type-var]


def test_statements_limit_and_filters_through_the_cli(run: Run, cli_db: Path) -> None:
    assert len(jsonl(run("statements", "--format", "jsonl", "--limit", "2"))) == 2
    denied = jsonl(run("statements", "--format", "jsonl", "--stance", "denies"))
    assert {r["stance"] for r in denied} == {"denies"}
    run("verdict", "2", "confirmed")
    confirmed = jsonl(run("statements", "--format", "jsonl", "--status", "confirmed"))
    assert [r["id"] for r in confirmed] == [2]
    found = jsonl(run("statements", "--format", "jsonl", "--search", '"too low"'))
    assert [r["content"] for r in found] == ["the offer was too low"]


def test_statements_csv_parses_to_the_same_rows(run: Run, cli_db: Path) -> None:
    records = jsonl(run("statements", "--format", "jsonl"))
    outcome = run("statements", "--format", "csv")
    assert outcome.code == 0
    rows = list(csv.DictReader(io.StringIO(outcome.out)))
    assert len(rows) == len(records)
    assert set(rows[0]) >= STATEMENT_KEYS
    for row, record in zip(rows, records, strict=True):
        assert int(row["id"]) == record["id"]
        assert row["content"] == record["content"]
        assert row["speaker"] == (record["speaker"] or "")


def test_statements_csv_spells_stamps_and_flags_as_the_export_csv_does(
    run: Run, cli_db: Path, tmp_path: Path
) -> None:
    run("verdict", "2", "confirmed")
    rows = list(csv.DictReader(io.StringIO(run("statements", "--format", "csv").out)))
    decided = next(row for row in rows if row["id"] == "2")
    assert decided["dismissed"] == "false"
    assert "T" in decided["updated_at"] and " " not in decided["updated_at"]
    run("export", "--format", "csv", "-o", str(tmp_path / "e.csv"))
    exported = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert decided["updated_at"] in {row["updated_at"] for row in exported}


def test_csv_neutralises_spreadsheet_formulas(run: Run, tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("=HYPERLINK(evil) said the offer was low.", encoding="utf-8")
    run("ingest", "f.txt")
    rows = list(csv.DictReader(io.StringIO(run("statements", "--format", "csv").out)))
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


def test_history_jsonl_has_one_object_per_event(run: Run, cli_db: Path) -> None:
    run("verdict", "2", "disputed", "--note", "figures differ", "--evidence", "https://a.example/r")
    run("--analyst", "bo", "note", "2", "asked the union")
    events = jsonl(run("history", "2", "--format", "jsonl"))
    for event in events:
        assert {"at", "analyst", "field", "old", "new", "note"} <= set(event)
        assert str(event["at"]).endswith("+00:00")
    assert [(e["field"], e["old"], e["new"], e["analyst"], e["note"]) for e in events] == [
        ("status", "unverified", "disputed", "tester", "figures differ"),
        ("evidence", None, "refutes: https://a.example/r", "tester", ""),
        ("note", None, "asked the union", "bo", ""),
    ]
    table = run("history", "2")
    assert (
        table.code == 0 and "unverified → disputed" in table.out and "asked the union" in table.out
    )


def test_show_prints_the_sentence_evidence_and_history(run: Run, cli_db: Path) -> None:
    run("verdict", "2", "confirmed", "--evidence", "https://example.org/pay")
    run("note", "2", "union leaflet agrees")
    outcome = run("show", "2")
    assert outcome.code == 0, outcome
    assert "The union said the offer was too low." in outcome.out
    assert "https://example.org/pay" in outcome.out
    assert "unverified → confirmed" in outcome.out
    assert "union leaflet agrees" in outcome.out


def test_verdict_evidence_and_correction_commands_round_trip(run: Run, cli_db: Path) -> None:
    assert run("verdict", "2", "confirmed").out.strip() == "statement 2: confirmed (version 2)"
    added = run("evidence", "add", "2", "https://example.org/x", "--relation", "context")
    assert added.out.strip().endswith("added to statement 2 (context)")
    assert run("correct", "2", "--stance", "denies").out.splitlines() == [
        "statement 2: version 3",
        "  stance: asserts → denies",
    ]
    assert run("dismiss", "3").out.strip() == "statement 3: dismissed"
    assert run("dismiss", "3", "--restore").out.strip() == "statement 3: restored"
    record = next(r for r in jsonl(run("statements", "--format", "jsonl")) if r["id"] == 2)
    at = int(record["content_start"]) + len("the offer")  # type: ignore[call-overload]
    split = run("split", "2", str(at))
    assert split.code == 0, split
    new_id = int(split.out.split()[-1])
    merged = run("merge", "2", str(new_id))
    assert merged.out.strip() == f"statement {new_id} merged into 2"
    fields = [e["field"] for e in jsonl(run("history", "2", "--format", "jsonl"))]
    assert fields == ["status", "evidence", "stance", "content", "content"]


def test_extract_jsonl_spans_index_the_text(run: Run, article: Path) -> None:
    records = jsonl(run("extract", str(article)))
    assert len(records) >= 4
    for record in records:
        assert set(record) >= EXTRACT_KEYS, EXTRACT_KEYS - set(record)
        assert record["path"] == str(article)
        _check_spans(record, ARTICLE)


def test_extract_reads_standard_input(run: Run) -> None:
    text = "The mayor said taxes rose. Police denied that the report was true."
    records = jsonl(run("extract", "-", input=text.encode("utf-8")))
    assert {r["path"] for r in records} == {"-"}
    for record in records:
        _check_spans(record, text)
    assert {r["stance"] for r in records} >= {"asserts", "denies"}


def test_extract_stdin_in_cp1252_says_so(run: Run) -> None:
    outcome = run("extract", "-", input="The mayor said caf\u00e9s close.".encode("cp1252"))
    assert outcome.code == 0 and "caf\u00e9s" in outcome.out
    assert outcome.err == "-: not UTF-8: decoded as Windows-1252 (cp1252)\n"


def test_extract_table_and_errors(run: Run, article: Path, tmp_path: Path) -> None:
    table = run("extract", str(article), "--format", "table")
    assert table.code == 0 and "union" in table.out
    missing = run("extract", "nowhere.txt")
    assert missing.code == 2 and missing.error_lines == [
        "error: nowhere.txt: no such file (check the path)"
    ]
    assert not (tmp_path / "workbench.db").exists()


def test_sources_jsonl(run: Run, cli_db: Path) -> None:
    (source,) = jsonl(run("sources", "--format", "jsonl"))
    assert source["title"] == "Harbour Talks Stall"
    assert sum(source["counts"].values()) >= 4  # type: ignore[union-attr]


def test_actors_lists_aliases(run: Run, cli_db: Path) -> None:
    outcome = run("actors")
    assert outcome.code == 0 and "Ana Ruiz" in outcome.out


def test_actors_jsonl_has_aliases_and_counts_per_stance(run: Run, cli_db: Path) -> None:
    records = [json.loads(line) for line in run("actors", "--format", "jsonl").out.splitlines()]
    assert all(
        set(r) == {"id", "name", "kind", "affiliation", "aliases", "counts"} for r in records
    )
    company = next(r for r in records if r["name"] == "company")
    assert company["counts"] == {"asserts": 0, "denies": 1, "questions": 0}
    assert isinstance(company["aliases"], list)


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_lists_the_commands(run: Run, flag: str) -> None:
    outcome = run(flag)
    assert outcome.code == 0
    for command in (
        "ingest",
        "statements",
        "show",
        "verdict",
        "history",
        "extract",
        "init",
        "demo",
    ):
        assert command in outcome.out


def test_demo_print_builds_the_sample_database(run: Run, tmp_path: Path) -> None:
    outcome = run("--db", str(tmp_path / "demo.db"), "demo", "--print")
    assert outcome.code == 0, outcome
    assert "sources" in outcome.err and "statements" in outcome.err
    assert "statements: all statements" in outcome.out
    again = run("--db", str(tmp_path / "demo.db"), "demo", "--print")  # rebuilt, not doubled
    assert again.err == outcome.err
    assert "backup" not in again.err  # setting the disclaimers aside is not an analyst's work


def test_the_demo_shows_a_claim_across_two_sources_not_the_disclaimers(
    run: Run, tmp_path: Path
) -> None:
    db = str(tmp_path / "demo.db")
    assert run("--db", db, "demo", "--print").code == 0
    across = [
        json.loads(line)
        for line in run("--db", db, "claims", "--across", "--format", "jsonl").out.splitlines()
    ]
    assert [c["proposition"] for c in across] == [
        "North Korea supplied artillery shells to Russia."
    ]
    stances = {(s["actor"], s["stance"]) for s in across[0]["statements"]}
    assert stances == {
        ("United States", "asserts"), ("North Korea", "denies"), ("Russia", "denies")
    }  # fmt: skip
    assert across[0]["sources"] == 2
    listed = run("--db", db, "statements", "--search", '"fictional sample"', "--format", "jsonl")
    assert listed.out == ""  # dismissed: out of the analyst's way


def test_the_cli_works_on_postgresql(run: Run, postgres_db: Database, article: Path) -> None:
    url = postgres_db.engine.url.render_as_string(hide_password=False)
    assert run("--db", url, "ingest", str(article)).code == 0
    records = jsonl(run("--db", url, "statements", "--format", "jsonl", "--search", "offer"))
    assert [r["content"] for r in records] == ["the offer was too low"]
    target = str(records[0]["id"])
    assert run("--db", url, "verdict", target, "confirmed", "--note", "ok").code == 0
    bad = run("--db", url, "evidence", "add", target, "javascript:alert(1)")
    assert bad.code == 2 and len(bad.error_lines) == 1
    events = jsonl(run("--db", url, "history", target, "--format", "jsonl"))
    assert [(e["field"], e["new"], e["note"]) for e in events] == [("status", "confirmed", "ok")]
    assert run("--db", url, "init").out.startswith("database ")


def test_demo_refuses_to_replace_an_analysts_database(run: Run, cli_db: Path) -> None:
    run("verdict", "2", "confirmed")
    before = cli_db.read_bytes()
    outcome = run("--db", str(cli_db), "demo", "--print")
    assert outcome.code == 2
    assert "would replace it" in outcome.error_lines[0]
    assert cli_db.read_bytes() == before


def test_history_line_says_removed_instead_of_none() -> None:
    from datetime import UTC, datetime

    from workbench.cli.statements import _history_line
    from workbench.db.views import HistoryEntry

    removal = HistoryEntry(
        id=1, at=datetime(2026, 1, 2, 3, 4, tzinfo=UTC), analyst="ana", entity="evidence",
        entity_id=7, statement_id=2, field="evidence", old="supports: https://a.example/r",
        new=None, note="",
    )  # fmt: skip
    line = _history_line(removal)
    assert "None" not in line
    assert line == "2026-01-02 03:04 ana: evidence removed supports: https://a.example/r"


def test_sources_table_keeps_its_id_column_at_80_columns(
    run: Run, cli_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = run("sources").out.splitlines()
    header = next(line for line in lines if "title" in line)
    assert header.split("┃")[1].strip() == "id"
    assert all(len(line) <= 80 for line in lines)
    first_row = next(line for line in lines if line.startswith("│"))
    assert first_row.split("│")[1].strip() == "1"
