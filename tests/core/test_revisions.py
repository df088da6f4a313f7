"""Issue 11 item 16: a new revision of an article keeps the work on its unchanged statements,
marks changed ones for re-check, and `diff` shows the changed sentences."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from workbench.cli import main
from workbench.db.engine import Database

URL = "https://news.example/roads"
FIRST = (
    "Mara Ellison runs the roads office.\n\nShe said the old bridge was unsafe for trucks.\n\n"
    "The council said repairs would start next year.\n\nA spokesman said the budget was fixed."
)
SECOND = FIRST.replace("next year", "in two years")


def _record(text: str) -> str:
    return json.dumps({"url": URL, "title": "Roads", "text": text}) + "\n"


def _rows(capsys: pytest.CaptureFixture[str], source: int) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    main(["statements", "--format", "jsonl", "--source", str(source)])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {str(r["content"]): r for r in rows}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    main(list(args))
    return capsys.readouterr().out


def test_revision_carries_verdicts_evidence_and_notes_and_marks_changed_sentences(
    ingest_text: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    ingest_text(_record(FIRST), "first.jsonl")
    old = _rows(capsys, 1)
    bridge = str(old["the old bridge was unsafe for trucks"]["id"])
    repairs = str(old["repairs would start next year"]["id"])
    main(["verdict", bridge, "confirmed"])
    main(["evidence", "add", bridge, "https://example.org/inspection"])
    main(["note", bridge, "site visit on Monday"])
    main(["verdict", repairs, "disputed"])

    ingest_text(_record(SECOND), "second.jsonl")
    new = _rows(capsys, 2)
    carried = new["the old bridge was unsafe for trucks"]
    assert carried["status"] == "confirmed"
    changed = new["repairs would start in two years"]
    assert changed["status"] == "unverified"  # the sentence changed: decide again
    assert new["the budget was fixed"]["status"] == "unverified"  # nothing to carry

    shown = _run(capsys, "show", str(carried["id"]))
    assert "revision 2 of source 1" in shown
    assert "https://example.org/inspection" in shown
    assert "site visit on Monday" in shown
    assert f"carried over from statement {bridge}" in shown  # the history says why

    diff = _run(capsys, "diff", "2")
    assert "- The council said repairs would start next year." in diff
    assert "+ The council said repairs would start in two years." in diff
    assert "Mara Ellison runs" not in diff  # unchanged sentences are not listed
    assert f"to re-check (sentence changed under a verdict): {changed['id']}" in diff
    assert "(r2 of 1)" in _run(capsys, "sources")


def test_diff_of_a_first_revision_says_there_is_nothing_to_compare(
    ingest_text: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    ingest_text(_record(FIRST), "first.jsonl")
    assert "no earlier revision" in _run(capsys, "diff", "1")


@pytest.mark.parametrize("batched", [True, False])
def test_carry_over_on_both_engines_in_the_ingest_transaction(db: Database, batched: bool) -> None:
    """Stored together or one by one, each engine carries a verdict onto the unchanged statement."""
    from workbench.extract import extract
    from workbench.ingest.document import Document
    from workbench.services.review import set_status
    from workbench.services.storing import ingest_batch

    def item(text: str) -> tuple[Document, list[object]]:
        return Document(text=text, title="Roads", url=URL), extract(text)

    with db.transaction() as session:
        first = ingest_batch(session, [item(FIRST)], analyst="ana")[0]
        ids = session.connection().execute(
            sa.text("SELECT id, content FROM statement WHERE source_id = :s"),
            {"s": first.source_id},  # type: ignore[union-attr]
        )
        bridge = next(i for i, c in ids if c.startswith("the old bridge"))
        set_status(session, statement_id=bridge, status="disputed", analyst="ana")
    items = [item(SECOND)] + ([item(FIRST + "\n\nA later paragraph.")] if not batched else [])
    with db.transaction() as session:
        report = ingest_batch(session, items, analyst="bo")[0]
    assert report.carried == 1 and report.revision_of == first.source_id  # type: ignore[union-attr]
    with db.reader() as session:
        carried = session.connection().execute(
            sa.text(
                "SELECT status FROM statement WHERE source_id = :s AND content LIKE 'the old%'"
            ),
            {"s": report.source_id},  # type: ignore[union-attr]
        )
        assert [status for (status,) in carried] == ["disputed"]
