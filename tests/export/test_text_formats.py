"""CSV and Markdown: complete, deterministic, and inert whatever the database holds."""

from __future__ import annotations

import csv
import io
import re

import lxml.html
from markdown_it import MarkdownIt

from workbench.db.engine import Database
from workbench.export.csv import COLUMNS, neutralise
from workbench.services.statements import StatementFilter, count_statements

from .conftest import FORMULA, HOSTILE_URLS, LONG, RLO, SCRIPT, export_text, scope


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_a_header_and_one_row_per_statement(reviewed_db: Database) -> None:
    text = export_text(reviewed_db, "csv")
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    rows = _rows(text)
    with reviewed_db.reader() as session:
        assert len(rows) == count_statements(session, StatementFilter())
    confirmed = [r for r in rows if r["status"] == "confirmed"]
    assert confirmed[0]["evidence"] == "https://example.org/report"
    assert all(r["sentence"] for r in rows)
    assert text == export_text(reviewed_db, "csv")


def test_csv_filters_by_status(reviewed_db: Database) -> None:
    rows = _rows(export_text(reviewed_db, "csv", scope=scope(statuses=("disputed",))))
    assert {r["status"] for r in rows} == {"disputed"} and len(rows) == 2


def test_csv_cells_never_start_a_formula(hostile_db: Database) -> None:
    rows = _rows(export_text(hostile_db, "csv"))
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
            assert RLO[0] not in value and "\x00" not in value and "\x07" not in value
    hostile = [r for r in rows if r["key"].startswith("hostile")]
    assert len(hostile) == 3 and {r["outlet"] for r in hostile} == {"'" + FORMULA}
    assert any(r["actor"].endswith(FORMULA) and "[U+202E]" in r["actor"] for r in hostile)
    assert all(not any(url in r["evidence"] for url in HOSTILE_URLS) for r in rows)
    assert any(len(r["proposition"]) > len(LONG) for r in rows)  # nothing truncated


def test_neutralise() -> None:
    assert neutralise("=1+2") == "'=1+2"
    assert neutralise("-3") == "'-3"
    assert neutralise("\tx") == "'\tx"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise(-3) == "-3"  # numbers stay numbers
    assert neutralise(None) == "" and neutralise(True) == "true"
    assert neutralise("a\r\nb") == "a\nb"


def _render(markdown: str) -> lxml.html.HtmlElement:
    """What a wiki that allows raw HTML would show: the harshest reading of the report."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return lxml.html.fromstring(f"<div>{html}</div>")


def test_markdown_has_a_summary_then_each_source(reviewed_db: Database) -> None:
    text = export_text(reviewed_db, "md")
    assert text.index("## Summary") < text.index("### Per source") < text.index("## Sources")
    tree = _render(text)
    # three summary tables, then one stance table per claim carried by several sources
    assert len(tree.findall(".//table")) == 3 + text.count("\n### Claim ")
    assert tree.xpath("//a[@href='https://example.org/report']")
    assert tree.findall(".//blockquote")
    assert re.search(r"Decided: confirmed by ana on \d{4}-\d\d-\d\d \d\d:\d\d UTC\n", text)
    # Times for people: to the minute, UTC stated (JSON and CSV keep full ISO text).
    assert re.search(r"- Note \(bo, \d{4}-\d\d-\d\d \d\d:\d\d UTC\): second source needed", text)
    assert text == export_text(reviewed_db, "md")


def test_markdown_is_inert(hostile_db: Database) -> None:
    text = export_text(hostile_db, "md")
    tree = _render(text)
    assert not tree.xpath("//script | //img | //iframe | //b")
    assert not [a for el in tree.iter() for a in el.attrib if a.lower().startswith("on")]
    for href in tree.xpath("//a/@href"):
        assert href.startswith(("https://", "http://")), href
    assert SCRIPT in tree.text_content()  # shown as text, not dropped
    assert RLO[0] not in text and "\\[U+202E\\]" in text
    assert "link omitted" in text
    for table in tree.findall(".//table"):  # no value breaks out of its cell
        widths = {len(row.xpath("./td | ./th")) for row in table.iter("tr")}
        assert len(widths) == 1
