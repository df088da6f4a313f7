"""`workbench import` of files larger than one read: flat memory, still all-or-nothing.

The files are built here, in tmp dirs, by copying the reviewed samples' sources under new texts
(so new hashes and keys): a few megabytes, several reads of the import's reader.
"""

from __future__ import annotations

import copy
import io
import json
import os
import threading
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from workbench.db.engine import Database
from workbench.errors import InvalidInput
from workbench.services.exchange import ExportFile, import_export
from workbench.services.import_reader import CHUNK
from workbench.services.storing import text_sha256

from .conftest import export_text, scope
from .test_cli import one_error, run
from .test_json_exchange import counts, fresh_db, full


def many_sources(db: Database, copies: int) -> dict[str, Any]:
    """The database's full export with each source repeated `copies` times, each copy a new
    source (its text, hash and statement keys changed) with the same work on it."""
    document = json.loads(export_text(db, "json", scope=scope(include_dismissed=True)))
    sources = []
    for number in range(copies):
        for original in document["sources"]:
            source = copy.deepcopy(original)
            source["text"] += f"\n\n(copy {number})"
            source["sha256"] = text_sha256(source["text"])
            source["previous"] = None
            for statement in source["statements"]:
                statement["key"] = f"{statement['key']}-{number}"
                if statement["merged_into"]:
                    statement["merged_into"] = f"{statement['merged_into']}-{number}"
            sources.append(source)
    document["sources"] = sources
    return document


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.fixture
def large(reviewed_db: Database) -> dict[str, Any]:
    """About 7,000 statements in a file of several reads."""
    return many_sources(reviewed_db, 100)


def test_a_large_file_imports_whole(large: dict[str, Any], tmp_path: Path) -> None:
    path = write(tmp_path / "large.json", large)
    assert path.stat().st_size > 3 * CHUNK
    outcome = run("--db", str(tmp_path / "other.db"), "import", str(path))
    assert outcome.code == 0, outcome
    statements = sum(len(source["statements"]) for source in large["sources"])
    assert f"statements: {statements} added, 0 matched" in outcome.out


def test_a_bad_record_near_the_end_writes_nothing_and_names_it(
    large: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "other.db"
    fresh_db(tmp_path, "other.db").dispose()
    before = target.read_bytes()
    last = len(large["sources"]) - 1
    large["sources"][last]["statements"][-1]["status"] = "maybe"
    position = len(large["sources"][last]["statements"]) - 1
    path = write(tmp_path / "bad.json", large)
    line = one_error(run("--db", str(target), "import", str(path)))
    assert line.startswith(f"error: {path}: field sources[{last}].statements[{position}].status:")
    assert "expected one of unverified, confirmed, disputed" in line
    assert target.read_bytes() == before  # the rolled-back transaction left no trace


def test_a_bad_record_near_the_end_writes_nothing_on_either_engine(
    reviewed_db: Database, db: Database
) -> None:
    document = many_sources(reviewed_db, 20)
    document["sources"][-1]["statements"][-1]["evidence"] = [{"url": "javascript:alert(1)"}]
    before = counts(db)
    export = ExportFile.check(io.BytesIO(json.dumps(document).encode()), "bad.json")
    bad = r"statements\[\d+\]\.evidence\[0\]\.url"
    with pytest.raises(InvalidInput, match=bad), db.transaction() as session:
        import_export(session, export)
    assert counts(db) == before


def test_a_file_cut_short_is_one_line_and_creates_no_database(
    large: dict[str, Any], tmp_path: Path
) -> None:
    data = json.dumps(large, indent=1).encode()
    cut = data[: len(data) * 2 // 3]
    path = tmp_path / "cut.json"
    path.write_bytes(cut)
    target = tmp_path / "never.db"
    line = one_error(run("--db", str(target), "import", str(path)))
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(cut)
    error = caught.value  # the words and place `json.load` gave, counted over the whole file
    assert line == (
        f"error: {path}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
    )
    assert not target.exists()  # checked before the database was opened


def test_a_file_with_reordered_keys_imports_the_same(reviewed_db: Database, tmp_path: Path) -> None:
    """`jq -S` sorts the keys: actors, format_version, history, …, sources; text after
    statements. The import still takes actors first and history last."""
    first = full(reviewed_db)
    path = tmp_path / "sorted.json"
    path.write_text(json.dumps(json.loads(first), sort_keys=True), encoding="utf-8")
    other = tmp_path / "other.db"
    assert run("--db", str(other), "import", str(path)).code == 0
    assert run("--db", str(other), "export", "--format", "json").out == first


def test_a_file_from_a_pipe_imports(reviewed_db: Database, tmp_path: Path) -> None:
    first = full(reviewed_db)
    fifo = tmp_path / "work.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as out:
            out.write(first)

    writer = threading.Thread(target=feed)
    writer.start()
    other = tmp_path / "other.db"
    outcome = run("--db", str(other), "import", str(fifo))
    writer.join()
    assert outcome.code == 0, outcome
    assert run("--db", str(other), "export", "--format", "json").out == first


def test_memory_does_not_grow_with_the_file(large: dict[str, Any], tmp_path: Path) -> None:
    """What Python allocates at the peak hardly moves for a file five times larger (5.6 MB
    more of it) and stays far below the file's size: `json.load` alone allocated about five
    times the file."""
    peaks = []
    for number, sources in enumerate((12, 120, 600)):  # the first warms the caches up
        path = write(tmp_path / f"{sources}.json", {**large, "sources": large["sources"][:sources]})
        db = fresh_db(tmp_path, f"target{number}.db")
        tracemalloc.start()
        with path.open("rb") as handle:
            export = ExportFile.check(handle, str(path), chunk=1 << 16)
            with db.transaction() as session:
                import_export(session, export)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        db.dispose()
    assert peaks[2] < peaks[1] + 2**20
    assert peaks[2] < path.stat().st_size / 3
