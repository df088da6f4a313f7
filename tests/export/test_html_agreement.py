"""The HTML report carries the same agreement figures as `workbench stats`, escaped."""

from __future__ import annotations

import lxml.html

from export.conftest import export_text
from workbench.db.engine import Database
from workbench.services.review import set_status
from workbench.services.statements import list_statements

MARKUP_NAME = "<b>eve</b>"


def _rows(tree: lxml.html.HtmlElement, table: str) -> list[list[str]]:
    cells = tree.xpath(f"//section[@class='agreement']//table[@class='{table}']/tbody/tr")
    return [[td.text_content() for td in row.xpath("td")] for row in cells]


def test_report_shows_kappa_per_pair_and_alpha(demo_db: Database) -> None:
    with demo_db.reader() as session:
        ids = [row.id for row in list_statements(session, limit=4)]
    # ana and eve on four statements: (c,c) (c,d) (d,d) (d,d) -> po 3/4, pe 1/2, kappa 0.5.
    plan = [("confirmed", "confirmed"), ("confirmed", "disputed"), ("disputed", "disputed")]
    plan.append(("disputed", "disputed"))
    with demo_db.transaction() as session:
        for statement_id, (first, second) in zip(ids, plan, strict=True):
            set_status(session, statement_id=statement_id, status=first, analyst="ana")
            set_status(
                session,
                statement_id=statement_id,
                status="unverified",
                analyst="lead",
                override=True,
                note="a second look",
            )
            set_status(session, statement_id=statement_id, status=second, analyst=MARKUP_NAME)
    text = export_text(demo_db, "html")
    tree = lxml.html.document_fromstring(text)
    assert _rows(tree, "pairs") == [[f"{MARKUP_NAME} / ana", "4", "0.500"]]
    assert sorted(row[0] for row in _rows(tree, "progress")) == [MARKUP_NAME, "ana"]
    assert "&lt;b&gt;eve&lt;/b&gt;" in text and "<b>eve" not in text
    # alpha over the same units: coincidences cc 2, cd 1, dc 1, dd 4; nc 3, nd 5, n 8;
    # 1 - (8 - 1) * 2 / (2 * 3 * 5) = 0.533.
    assert "alpha (nominal) across all analysts: 0.533 over 4 statements" in tree.text_content()


def test_report_without_shared_verdicts_has_no_agreement_section(demo_db: Database) -> None:
    tree = lxml.html.document_fromstring(export_text(demo_db, "html"))
    assert not tree.xpath("//section[@class='agreement']")
