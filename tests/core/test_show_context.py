"""Issue 11 item 17 (CLI): `show` prints the paragraph before, which resolves "She said …"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services.article_context import context_paragraphs, paragraph_spans

ARTICLE = (
    "Bridge Dispute\n\n"
    "Mara Ellison runs the county roads office. She took the job in March.\n\n"
    "She said the old bridge was unsafe for trucks.\n\n"
    "The council said repairs would start next year.\n"
)


def _show(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    main(["show", *args])
    return capsys.readouterr().out


def test_show_prints_the_paragraph_before_and_context_sets_how_many(
    ingest_text: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    ingest_text(ARTICLE)
    capsys.readouterr()
    main(["statements", "--format", "csv", "--actor", "Mara Ellison"])
    statement_id = capsys.readouterr().out.splitlines()[1].split(",")[0]

    out = _show(capsys, statement_id)
    assert "  Mara Ellison runs the county roads office." in out
    assert "▶ She said the old bridge was unsafe for trucks." in out
    assert "Bridge Dispute\n" not in out.split("context", 1)[1]

    wider = _show(capsys, statement_id, "--context", "2")
    assert "  Bridge Dispute" in wider.split("context", 1)[1]
    narrow = _show(capsys, statement_id, "--context", "0")
    assert "Mara Ellison runs" not in narrow


def test_context_paragraphs_at_the_start_and_across_blank_lines_with_spaces() -> None:
    text = "First one.\n \n\nSecond one.\n\t\nThird one."
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "First one.",
        "Second one.",
        "Third one.",
    ]
    third = text.index("Third")
    assert [text[s:e] for s, e in context_paragraphs(text, third, len(text), 5)] == [
        "First one.",
        "Second one.",
        "Third one.",
    ]
    assert [text[s:e] for s, e in context_paragraphs(text, 0, 5, 1)] == ["First one."]
