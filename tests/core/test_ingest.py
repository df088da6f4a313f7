"""Ingest: every format, folders, JSONL metadata, duplicates, revisions, stable keys, bulk."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from core.conftest import ARTICLE, SECOND_ARTICLE, Outcome
from workbench.config import Settings
from workbench.db.engine import Database
from workbench.ingest.metadata import Metadata
from workbench.services.ingesting import ingest_paths
from workbench.services.sources import list_sources
from workbench.services.statements import iter_statements

Run = Callable[..., Outcome]

PAGE = """<!doctype html>
<html lang="en"><head>
<title>Levee Report Finds Delays | Valley Ledger</title>
<meta property="og:title" content="Levee Report Finds Delays">
<meta property="og:site_name" content="Valley Ledger">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<meta property="og:url" content="https://valley-ledger.example/levee-report">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Levee Report Finds Delays</h1>
<p>The county engineer said repairs to the levee were delayed for three years.</p>
<p>The contractor denied that it had missed any deadline set by the county.</p>
<p>Residents questioned whether the new wall would hold in a flood.</p>
</article>
<footer>Copyright Valley Ledger. Subscribe now.</footer>
</body></html>
"""

MARKDOWN = """---
layout: post
---
# Port Strike Enters Second Week

The **union** said the [offer](https://example.org/offer) was too low.

- The company denied that it had refused to negotiate.
"""


def sources(db_path: Path) -> list[dict[str, object]]:
    db = Database.open(str(db_path))
    try:
        with db.reader() as session:
            return [
                {"id": s.id, "title": s.title, "url": s.url, "outlet": s.outlet, "author": s.author,
                 "published": s.published, "format": s.format, "revision": s.revision,
                 "previous_id": s.previous_id, "statements": s.statement_count}
                for s in list_sources(session)
            ]  # fmt: skip
    finally:
        db.dispose()


def keys(db: Database) -> list[str]:
    with db.reader() as session:
        return [row.key for row in iter_statements(session)]


def test_txt_ingest_takes_the_first_line_as_title(run: Run, article: Path, tmp_path: Path) -> None:
    outcome = run("ingest", str(article))
    assert outcome.code == 0, outcome
    (source,) = sources(tmp_path / "workbench.db")
    assert outcome.out.strip() == (
        f"1 source added, {source['statements']} statements, "
        "0 skipped as already ingested, 0 errors"
    )
    assert (source["title"], source["format"]) == ("Harbour Talks Stall", "text")
    assert int(source["statements"]) >= 4  # type: ignore[call-overload]


def test_markdown_ingest_stores_prose_not_syntax(run: Run, tmp_path: Path) -> None:
    (tmp_path / "strike.md").write_text(MARKDOWN, encoding="utf-8")
    assert run("ingest", "strike.md").code == 0
    (source,) = sources(tmp_path / "workbench.db")
    assert (source["title"], source["format"]) == ("Port Strike Enters Second Week", "md")
    listed = [json.loads(line) for line in run("statements", "--format", "jsonl").out.splitlines()]
    assert "the offer was too low" in {r["content"] for r in listed}
    shown = run("show", str(listed[0]["id"])).out
    assert "**" not in shown and "](https" not in shown and "layout:" not in shown


def test_html_ingest_reads_title_and_metadata_from_the_page(run: Run, tmp_path: Path) -> None:
    (tmp_path / "levee.html").write_text(PAGE, encoding="utf-8")
    assert run("ingest", "levee.html").code == 0
    (source,) = sources(tmp_path / "workbench.db")
    assert source["title"] == "Levee Report Finds Delays"
    assert source["outlet"] == "Valley Ledger"
    assert source["author"] == "Dana Whitfield"
    assert source["published"] == date(2024, 3, 5)
    assert source["format"] == "html"
    listed = [json.loads(line) for line in run("statements", "--format", "jsonl").out.splitlines()]
    text = " ".join(r["content"] for r in listed)
    assert "repairs to the levee were delayed" in text
    assert "Subscribe" not in text and "Home" not in text


def test_options_override_what_the_file_says(run: Run, tmp_path: Path) -> None:
    (tmp_path / "levee.html").write_text(PAGE, encoding="utf-8")
    outcome = run(
        "ingest", "levee.html", "--outlet", "Wire Desk", "--published", "2024-04-01",
        "--url", "https://wire.example/levee", "--title", "Levee", "--author", "Ed",
    )  # fmt: skip
    assert outcome.code == 0, outcome
    (source,) = sources(tmp_path / "workbench.db")
    assert (source["outlet"], source["published"], source["url"]) == (
        "Wire Desk", date(2024, 4, 1), "https://wire.example/levee"
    )  # fmt: skip
    assert (source["title"], source["author"]) == ("Levee", "Ed")


def test_url_and_title_options_refuse_several_files(
    run: Run, tmp_path: Path, article: Path
) -> None:
    (tmp_path / "b.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    outcome = run("ingest", str(article), "b.txt", "--url", "https://x.example/a")
    assert outcome.code == 2 and "--url" in outcome.error_lines[0]
    assert not (tmp_path / "workbench.db").exists()


def test_folder_ingest_is_recursive_and_skips_unknown_files(run: Run, tmp_path: Path) -> None:
    (tmp_path / "in" / "deeper" / "deepest").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "deeper" / "b.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "in" / "deeper" / "deepest" / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "in" / "deeper" / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    outcome = run("ingest", "in")
    assert outcome.code == 0, outcome
    assert outcome.out.strip().startswith("3 sources added")
    assert {s["format"] for s in sources(tmp_path / "workbench.db")} == {"text", "md", "html"}


def test_jsonl_ingest_keeps_each_lines_metadata(run: Run, tmp_path: Path) -> None:
    records = [
        {"text": ARTICLE, "title": "Harbour", "url": "https://a.example/1", "outlet": "Wire",
         "published": "2024-02-01", "author": "Kim"},
        {"text": SECOND_ARTICLE, "title": "Bridge", "published": "2024-02-02T10:00:00Z"},
    ]  # fmt: skip
    (tmp_path / "wire.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8"
    )
    outcome = run("ingest", "wire.jsonl")
    assert outcome.code == 0, outcome
    first, second = sources(tmp_path / "workbench.db")
    assert (first["title"], first["url"], first["outlet"], first["author"], first["published"]) == (
        "Harbour", "https://a.example/1", "Wire", "Kim", date(2024, 2, 1)
    )  # fmt: skip
    assert (second["title"], second["published"], second["format"]) == (
        "Bridge",
        date(2024, 2, 2),
        "jsonl",
    )


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ('{"title": "no text"}', '"text"'),
        ('["a list"]', "not a JSON object"),
        ('{"text": "The mayor said so.", "url": "javascript:alert(1)"}', "url"),
        ('{"text": "The mayor said so.", "published": "last week"}', "published"),
        ('{"text": "The mayor said so.", "title": 42}', "title"),
    ],
)
def test_jsonl_bad_record_names_its_line(run: Run, tmp_path: Path, line: str, needle: str) -> None:
    good = json.dumps({"text": ARTICLE})
    (tmp_path / "wire.jsonl").write_text(f"{good}\n{line}\n", encoding="utf-8")
    outcome = run("ingest", "wire.jsonl")
    assert outcome.code == 2 and len(outcome.error_lines) == 1, outcome
    line_named = outcome.error_lines[0]
    assert "wire.jsonl:2" in line_named or "wire.jsonl: line 2" in line_named
    assert needle in outcome.error_lines[0]
    assert not (tmp_path / "workbench.db").exists()


def test_reingesting_identical_text_is_a_no_op_that_says_so(
    run: Run, article: Path, tmp_path: Path
) -> None:
    run("ingest", str(article))
    db_before = sources(tmp_path / "workbench.db")
    again = run("ingest", str(article))
    assert again.code == 0
    assert "already ingested as source 1, skipped" in again.err
    assert (
        again.out.strip()
        == "0 sources added, 0 statements, 1 skipped as already ingested, 0 errors"
    )
    assert sources(tmp_path / "workbench.db") == db_before
    copy = tmp_path / "copy.txt"  # same text under another name is the same source
    copy.write_text(ARTICLE, encoding="utf-8")
    assert "already ingested" in run("ingest", str(copy)).err


def test_same_url_with_new_text_is_a_linked_revision(run: Run, tmp_path: Path) -> None:
    (tmp_path / "v1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "v2.txt").write_text(ARTICLE + " Talks resume on Friday.", encoding="utf-8")
    (tmp_path / "v3.txt").write_text(ARTICLE + " Talks resume on Saturday.", encoding="utf-8")
    url = "https://news.example/harbour"
    assert run("ingest", "v1.txt", "--url", url).code == 0
    second = run("ingest", "v2.txt", "--url", url)
    assert "new revision of source 1" in second.err
    assert "1 new revision of known URLs" in second.out
    run("ingest", "v3.txt", "--url", url)
    rows = sources(tmp_path / "workbench.db")
    assert [(s["revision"], s["previous_id"]) for s in rows] == [(1, None), (2, 1), (3, 2)]
    assert {s["url"] for s in rows} == {url}


def test_statement_keys_are_identical_across_databases(db: Database, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    other = Database.open(str(tmp_path / "other.db"))
    try:
        from workbench.db.schema import upgrade_to_head

        upgrade_to_head(other)
        for target, order in ((db, ["a.txt", "b.txt"]), (other, ["b.txt", "a.txt"])):
            ingest_paths(
                target,
                [tmp_path / name for name in order],
                metadata=Metadata(),
                input_format="auto",
                analyst="tester",
                settings=Settings(),
            )
        assert sorted(keys(db)) == sorted(keys(other))
        assert len(set(keys(db))) == len(keys(db)) > 0
    finally:
        other.dispose()


def test_bulk_ingest_with_one_bad_file_keeps_the_good_ones(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.bin.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "c.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    outcome = run("ingest", "batch")
    assert outcome.code == 1, outcome
    assert outcome.error_lines == [
        "error: batch/b.bin.txt: looks like a binary file, not text "
        "(give .txt, .md, .html or .jsonl)"
    ]
    stored = sources(tmp_path / "workbench.db")
    assert [s["title"] for s in stored] == ["Harbour Talks Stall", "Bridge Repairs Delayed"]
    total = sum(int(s["statements"]) for s in stored)  # type: ignore[call-overload]
    assert outcome.out.strip() == (
        f"2 sources added, {total} statements, 0 skipped as already ingested, 1 error"
    )


def test_bulk_ingest_where_every_file_is_bad_exits_2(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00")
    outcome = run("ingest", "a.txt", "b.txt", "missing.txt")
    assert outcome.code == 2
    assert len(outcome.error_lines) == 3
    assert outcome.out.strip().endswith("3 errors")
    assert not (tmp_path / "workbench.db").exists()


def test_an_empty_folder_is_an_error(run: Run, tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.docx").write_bytes(b"PK")
    outcome = run("ingest", "nothing")
    assert outcome.code == 2 and "no .txt, .md, .html or .jsonl" in outcome.error_lines[0]


def test_crlf_text_is_stored_with_newlines_so_offsets_hold(run: Run, tmp_path: Path) -> None:
    (tmp_path / "win.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert run("ingest", "win.txt").code == 0
    (tmp_path / "unix.txt").write_text(ARTICLE, encoding="utf-8")
    assert "already ingested" in run("ingest", "unix.txt").err
    listed = [json.loads(line) for line in run("statements", "--format", "jsonl").out.splitlines()]
    assert {r["content"] for r in listed} >= {"the offer was too low"}


def test_url_option_refuses_a_jsonl_file_of_many_articles(run: Run, tmp_path: Path) -> None:
    lines = [json.dumps({"text": ARTICLE}), json.dumps({"text": SECOND_ARTICLE})]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines), encoding="utf-8")
    outcome = run("ingest", "wire.jsonl", "--url", "https://a.example/one")
    assert outcome.code == 2 and "--url" in outcome.error_lines[0]
    assert not (tmp_path / "workbench.db").exists()
