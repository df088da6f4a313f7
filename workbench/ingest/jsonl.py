"""JSONL: one article per line, {"text", "title", "url", "outlet", "published", "author"}.

The whole file is checked before anything is written: a malformed line names its number and
nothing from that file reaches the database.
"""

from __future__ import annotations

import json

from workbench.errors import InvalidInput
from workbench.ingest.decoding import normalise_newlines
from workbench.ingest.document import Document
from workbench.ingest.metadata import optional_text, parse_date, parse_url

KNOWN_FIELDS = {"text", "title", "url", "outlet", "published", "author", "id"}


def jsonl_documents(content: str, *, origin: str, notice: str | None) -> list[Document]:
    documents = []
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InvalidInput(
                f"line {number} is not valid JSON ({error.msg})",
                where=origin,
                hint="fix that line; nothing from this file was ingested",
            ) from None
        except RecursionError:  # "[[[[…": the parser's own stack runs out
            raise InvalidInput(
                f"line {number} is nested too deeply to be an article",
                where=origin,
                hint="fix that line; nothing from this file was ingested",
            ) from None
        if not isinstance(record, dict):
            raise InvalidInput(f"line {number} is not a JSON object", where=origin)
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InvalidInput(
                f'line {number} has no "text" string',
                where=origin,
                hint='every line needs the article text in "text"',
            )
        documents.append(
            Document(
                text=normalise_newlines(text).strip(),
                title=optional_text(record.get("title"), where=f"{where} title") or "",
                url=parse_url(record.get("url"), where=f"{where} url"),
                outlet=optional_text(record.get("outlet"), where=f"{where} outlet"),
                author=optional_text(record.get("author"), where=f"{where} author"),
                published=parse_date(record.get("published"), where=f"{where} published"),
                format="jsonl",
                origin=where,
                notice=notice,
            )
        )
    if not documents:
        raise InvalidInput("file has no articles", where=origin)
    return documents
