"""Markdown is stored as readable prose, with metadata from front matter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbench.errors import InvalidInput
from workbench.ingest.markdown import markdown_to_text
from workbench.ingest.readers import read_documents

ARTICLE = """---
title: "Council Votes to Close Library"
outlet: Riverside Courier
url: https://courier.example/2025/library
published: 2025-06-02
tags: [local, budget]
---

# Council votes to close the **old** library

The council said the [branch](https://courier.example/branch) would close in *July*.

- Residents objected.
"""


def test_front_matter_fills_metadata_and_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "library.md"
    path.write_text(ARTICLE, encoding="utf-8")
    (document,) = read_documents(path, max_bytes=1_000_000)
    assert document.title == "Council Votes to Close Library"
    assert document.outlet == "Riverside Courier"
    assert document.url == "https://courier.example/2025/library"
    assert document.published == date(2025, 6, 2)
    assert "tags" not in document.text and "---" not in document.text
    assert document.text.startswith("Council votes to close the old library")


def test_markup_is_removed_but_words_are_kept() -> None:
    text, title = markdown_to_text(
        "## Heading\n\nA [link](http://x.example) and `code` and **bold**."
    )
    assert title == "Heading"
    assert text == "Heading\n\nA link and code and bold."


def test_a_bad_front_matter_date_names_the_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\npublished: last Tuesday\n---\n\nText here.\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        read_documents(path, max_bytes=1_000_000)
    assert "bad.md front matter date" in caught.value.one_line()
