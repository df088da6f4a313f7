"""Issue 11 item 16: a new revision of an article keeps the work on its unchanged statements,
marks changed ones for re-check, and `diff` shows the changed sentences."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.cli import main

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
