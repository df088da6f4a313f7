"""Reports say when a verdict is not final yet: second review pending or disputed."""

from __future__ import annotations

import json

import lxml.html

from workbench.db.engine import Database
from workbench.services.changes import apply_change
from workbench.services.review import set_status
from workbench.services.settings import ChangeSetting
from workbench.services.statements import list_statements

from .conftest import export_text


def test_reports_mark_verdicts_awaiting_second_review(demo_db: Database) -> None:
    with demo_db.reader() as session:
        rows = list_statements(session, limit=3)
    first, second, third = (row.id for row in rows)
    key = {row.key: row.id for row in rows}
    assert "awaiting" not in export_text(demo_db, "md")  # review off: nothing said
    with demo_db.transaction() as session:
        apply_change(session, ChangeSetting("second-review", "on"), analyst="lead")
        set_status(session, statement_id=first, status="confirmed", analyst="ana")
        set_status(session, statement_id=second, status="disputed", analyst="ana")
        set_status(session, statement_id=second, status="disputed", analyst="bob")
        set_status(session, statement_id=third, status="confirmed", analyst="ana")
        set_status(session, statement_id=third, status="disputed", analyst="bob")
    document = json.loads(export_text(demo_db, "json"))
    reviews = {
        key.get(s["key"]): s["review"] for src in document["sources"] for s in src["statements"]
    }
    assert (reviews[first], reviews[second], reviews[third]) == ("pending", "agreed", "disputed")
    markdown = export_text(demo_db, "md")
    assert markdown.count("- Second review: awaiting a second analyst (not final)") == 1
    assert markdown.count("- Second review: analysts disagree: awaiting an adjudicator") == 1
    tree = lxml.html.document_fromstring(export_text(demo_db, "html"))
    marks = [e.text_content() for e in tree.xpath("//span[@class='review']")]
    assert sorted(marks) == [
        "(analysts disagree: awaiting an adjudicator; not final)",
        "(awaiting a second analyst; not final)",
    ]
