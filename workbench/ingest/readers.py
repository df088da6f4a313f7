"""Paths to Documents: pick the reader by format, expand folders, apply the user's metadata."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from workbench.errors import InvalidInput
from workbench.ingest.decoding import (
    find_control_character,
    normalise_newlines,
    read_text_file,
)
from workbench.ingest.document import Document
from workbench.ingest.metadata import Metadata

FORMATS = ("auto", "text", "md", "html", "jsonl")
_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given, and the known-format files inside folders (recursively, sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _BY_SUFFIX
            )
            if not found:
                raise InvalidInput(
                    "folder holds no .txt, .md, .html or .jsonl files", where=str(path)
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def detect_format(path: Path, requested: str) -> str:
    if requested != "auto":
        return requested
    return _BY_SUFFIX.get(path.suffix.lower(), "text")


def read_documents(
    path: Path, *, format: str = "auto", max_bytes: int, metadata: Metadata | None = None
) -> Iterable[Document]:
    """Every Document in one file. Raises InvalidInput naming the file; never half-reads.

    A JSONL file is checked whole, then streamed (the limit is per article); other files are
    one article each and read whole under the limit.
    """
    if format not in FORMATS:
        raise InvalidInput(f"unknown format '{format}'", where="--format", hint=", ".join(FORMATS))
    if detect_format(path, format) == "jsonl":
        return _jsonl_file(path, max_bytes, metadata or Metadata())
    raw_text, notice = read_text_file(path, max_bytes=max_bytes)
    return parse_documents(
        raw_text,
        kind=detect_format(path, format),
        origin=str(path),
        notice=notice,
        metadata=metadata,
    )


def _jsonl_file(path: Path, max_bytes: int, metadata: Metadata) -> Iterator[Document]:
    """Read twice, a line at a time: first every article is checked (a bad line names its
    number and nothing from the file is ingested), then they are handed out one by one. A 73 MB
    wire corpus used to be refused whole by the per-file limit."""
    from workbench.ingest.jsonl import iter_file_documents

    def documents() -> Iterator[Document]:
        for document in iter_file_documents(path, max_bytes=max_bytes):
            yield _checked(apply_metadata(document, metadata))

    if sum(1 for _ in documents()) == 0:  # the checking pass reads every line
        raise InvalidInput("file has no articles", where=str(path))
    return documents()


def parse_documents(
    raw_text: str,
    *,
    kind: str,
    origin: str,
    notice: str | None = None,
    metadata: Metadata | None = None,
) -> list[Document]:
    """Decoded text (a file's, or standard input's) to Documents by format."""
    if kind == "jsonl":
        from workbench.ingest.jsonl import jsonl_documents

        documents = jsonl_documents(raw_text, origin=origin, notice=notice)
    else:
        text = normalise_newlines(raw_text)
        if kind == "html":
            from workbench.ingest.html import html_document

            documents = [html_document(text, origin=origin, notice=notice)]
        elif kind == "md":
            from workbench.ingest.markdown import markdown_document

            documents = [markdown_document(text, origin=origin, notice=notice)]
        else:
            from workbench.ingest.text import text_document

            documents = [text_document(text.strip(), origin=origin, notice=notice)]
    return [_checked(apply_metadata(document, metadata or Metadata())) for document in documents]


def _checked(document: Document) -> Document:
    """What every reader hands on: some text, and no control characters in any field.

    Markdown can be all front matter; JSON escapes and HTML entities can spell characters
    (NUL, ESC) that PostgreSQL refuses or that would reach the analyst's terminal.
    """
    where = document.origin or "input"
    if not document.text.strip():
        raise InvalidInput("has no article text", where=where, hint="nothing to ingest")
    for name in ("text", "title", "outlet", "author"):
        value = getattr(document, name)
        found = find_control_character(value) if value else None
        if found is not None:
            code, line, column = found
            place = f" at line {line}, column {column}" if name == "text" else ""
            raise InvalidInput(
                f"{name} contains a control character ({code}){place}",
                where=where,
                hint="remove it: text cannot hold control characters",
            )
    return document


def apply_metadata(document: Document, metadata: Metadata) -> Document:
    """Values the user gave win over what the file says."""
    return replace(
        document,
        title=metadata.title or document.title,
        url=metadata.url or document.url,
        outlet=metadata.outlet or document.outlet,
        author=metadata.author or document.author,
        published=metadata.published or document.published,
    )


def iter_documents(
    paths: Sequence[Path], *, format: str, max_bytes: int, metadata: Metadata
) -> Iterator[tuple[Path, Iterable[Document] | InvalidInput]]:
    """Each file's documents, or the error that file raised (bulk ingest goes on past it)."""
    for path in expand_paths(paths):
        try:
            yield path, read_documents(path, format=format, max_bytes=max_bytes, metadata=metadata)
        except InvalidInput as error:
            yield path, error
