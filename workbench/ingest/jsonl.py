"""JSONL: one article per line, {"text", "title", "url", "outlet", "published", "author"}.

The whole file is checked before anything is written: a malformed line names its number and
nothing from that file reaches the database. Files are streamed a line at a time, so the size
limit applies to one article, not to a corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from workbench.errors import InvalidInput
from workbench.ingest.decoding import format_size, normalise_newlines
from workbench.ingest.document import Document
from workbench.ingest.metadata import optional_text, parse_date, parse_url

KNOWN_FIELDS = {"text", "title", "url", "outlet", "published", "author", "id"}


def jsonl_documents(content: str, *, origin: str, notice: str | None) -> list[Document]:
    """Decoded JSONL text (standard input) to Documents, every line checked."""
    documents = [
        _document(line, number, origin, notice)
        for number, line in enumerate(content.split("\n"), start=1)
        if line.strip()
    ]
    if not documents:
        raise InvalidInput("file has no articles", where=origin)
    return documents


def iter_file_documents(path: Path, *, max_bytes: int) -> Iterator[Document]:
    """A JSONL file's Documents, a line at a time: the limit applies to each line (one
    article), not to the file, and memory stays flat however long the corpus."""
    origin = str(path)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InvalidInput("no such file", where=origin, hint="check the path") from None
    except OSError as error:
        raise InvalidInput(f"cannot read: {error.strerror}", where=origin) from None
    with handle:
        for number, raw in enumerate(iter(lambda: handle.readline(max_bytes + 1), b""), start=1):
            if len(raw) > max_bytes:
                raise InvalidInput(
                    f"line {number} is over the {format_size(max_bytes)} limit for one article",
                    where=origin,
                    hint="split it, or raise max_file_mb in the config file",
                )
            if number == 1:
                if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise InvalidInput(
                        "JSONL must be UTF-8 (this file is UTF-16)",
                        where=origin,
                        hint="re-save the file as UTF-8",
                    )
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            line, notice = _decoded(raw, number, origin)
            if line.strip():
                yield _document(line, number, origin, notice)


def _decoded(raw: bytes, number: int, origin: str) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "not UTF-8: decoded as Windows-1252 (cp1252)"
    except UnicodeDecodeError:
        raise InvalidInput(
            f"line {number} is not valid UTF-8 and not Windows-1252 either",
            where=origin,
            hint="re-save the file as UTF-8; nothing from this file was ingested",
        ) from None


def _document(line: str, number: int, origin: str, notice: str | None) -> Document:
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
    return Document(
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
