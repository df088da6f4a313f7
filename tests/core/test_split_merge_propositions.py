"""Issue 11 item 7: split and merge leave propositions an analyst can check, and never cut words."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services.propositions import word_start
from workbench.tui.modals.forms import split_index

ARTICLE = (
    "Roads\n\n"
    '"The old bridge is unsafe for trucks, and the county will close it in May," said Mara '
    "Ellison, who leads the roads office. She said repairs would cost millions.\n"
)


def _rows(capsys: pytest.CaptureFixture[str]) -> dict[int, dict[str, object]]:
    capsys.readouterr()
    main(["statements", "--format", "jsonl", "--include-dismissed"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {int(r["id"]): r for r in rows}


def test_split_of_a_quote_builds_propositions_and_merge_restores_it(
    ingest_text: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    ingest_text(ARTICLE)
    quote = next(r for r in _rows(capsys).values() if "bridge" in str(r["content"]))
    original = quote["proposition"]
    inside_the = ARTICLE.index("and the county") + 6  # "th|e": inside a word

    main(["split", str(quote["id"]), str(inside_the)])
    out = capsys.readouterr().out
    assert "before “the county will close" in out
    rows = _rows(capsys)
    second = max(rows)
    assert rows[second]["content"] == 'the county will close it in May,"'  # not 'e county'
    assert rows[int(quote["id"])]["proposition"] == "The old bridge is unsafe for trucks."
    assert rows[second]["proposition"] == "The county will close it in May."

    main(["merge", str(quote["id"]), str(second)])
    assert _rows(capsys)[int(quote["id"])]["proposition"] == original


def test_cli_offset_and_tui_words_follow_one_word_boundary_rule() -> None:
    content = '"The old bridge is unsafe'
    assert word_start(content, content.index("ridge")) == content.index("bridge")
    assert word_start(content, 2) == content.index("old")  # the first word stays whole
    assert split_index(content, "he") is None  # "t|he" is inside a word
    assert split_index(content, "The") is None  # the first word cannot start the second part
    assert split_index(content, "bridge") == content.index("bridge")
