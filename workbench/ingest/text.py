"""Plain text: the title is the first line when it looks like a headline."""

from __future__ import annotations

from workbench.ingest.document import Document


def guess_title(text: str) -> str:
    first = text.lstrip().split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 else ""


def text_document(text: str, *, origin: str, notice: str | None) -> Document:
    return Document(text=text, title=guess_title(text), format="text", origin=origin, notice=notice)
