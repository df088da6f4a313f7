"""Bytes to text, with the checks every format shares: size, binary, empty, encoding."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from workbench.errors import InvalidInput
from workbench.invisible import REFUSED_IN_TEXT, character_class

_CHUNK = 1 << 20
# C0 control characters other than tab, newline, form feed and carriage return: PostgreSQL refuses
# NUL in text, and the others (ESC above all) would reach the analyst's terminal from `show`.
_CONTROL = character_class(REFUSED_IN_TEXT)


def read_text_file(path: Path, *, max_bytes: int) -> tuple[str, str | None]:
    """The file's text and a notice when it was not UTF-8. Raises InvalidInput, never OSError."""
    where = str(path)
    try:
        with path.open("rb") as handle:
            raw = read_limited(handle, max_bytes=max_bytes, where=where)
    except FileNotFoundError:
        raise InvalidInput("no such file", where=where, hint="check the path") from None
    except OSError as error:
        raise InvalidInput(f"cannot read: {error.strerror}", where=where) from None
    return decode(raw, where=where)


def read_limited(handle: BinaryIO, *, max_bytes: int, where: str) -> bytes:
    """At most `max_bytes`, else InvalidInput. A pipe or a device (/dev/zero) has no size to
    check first and may never end, so it is read in chunks and never past the limit."""
    try:
        size = os.fstat(handle.fileno()).st_size
    except (OSError, ValueError, AttributeError):
        size = 0
    if size > max_bytes:
        raise _too_big(size, max_bytes, where)
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = handle.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise _too_big(None, max_bytes, where)
    return b"".join(chunks)


def _too_big(size: int | None, max_bytes: int, where: str) -> InvalidInput:
    shown = f"file is {format_size(size)}, over" if size is not None else "file is over"
    return InvalidInput(
        f"{shown} the {format_size(max_bytes)} limit",
        where=where,
        hint="split it, or raise max_file_mb in the config file",
    )


def format_size(size: float) -> str:
    """Bytes for people: "2.7 kB", "31.5 MB" (a small configured limit must not read "0 MB")."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{int(size)} bytes"


def decode(raw: bytes, *, where: str) -> tuple[str, str | None]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM: Notepad's "Unicode"
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InvalidInput(
                "starts like UTF-16 but does not decode as it",
                where=where,
                hint="re-save the file as UTF-8",
            ) from None
        if not text.strip():
            raise InvalidInput("file is empty", where=where, hint="nothing to ingest")
        return check_control_characters(text, where=where), "not UTF-8: decoded as UTF-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        raise InvalidInput("file is empty", where=where, hint="nothing to ingest")
    if b"\x00" in raw[:8192]:
        raise InvalidInput(
            "looks like a binary file, not text",
            where=where,
            hint="give .txt, .md, .html or .jsonl",
        )
    try:
        return check_control_characters(raw.decode("utf-8"), where=where), None
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise InvalidInput(
            f"not valid UTF-8 (byte {utf8_error.start}) and not Windows-1252 either",
            where=where,
            hint="re-save the file as UTF-8",
        ) from None
    if _CONTROL.search(text):
        raise InvalidInput("looks like a binary file, not text", where=where)
    return text, "not UTF-8: decoded as Windows-1252 (cp1252)"


def check_control_characters(text: str, *, where: str) -> str:
    """`text` unchanged, or InvalidInput naming the first control character and its line."""
    found = find_control_character(text)
    if found is None:
        return text
    code, line, column = found
    if 0xD800 <= int(code[2:], 16) <= 0xDFFF:
        raise InvalidInput(
            f"contains an invalid character ({code}, not UTF-8) at line {line}, column {column}",
            where=where,
            hint="retype it in UTF-8",
        )
    raise InvalidInput(
        f"contains a control character ({code}) at line {line}, column {column}",
        where=where,
        hint="remove it: text cannot hold control characters",
    )


def find_control_character(text: str) -> tuple[str, int, int] | None:
    """The first control character as ("U+001B", line, column), or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    position = found.start()
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    return f"U+{ord(found.group()):04X}", line, column


def normalise_newlines(text: str) -> str:
    """Offsets must mean the same on every platform: store \\n line ends only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
