"""Bytes to text, with the checks every format shares: size, binary, empty, encoding."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import InvalidInput


def read_text_file(path: Path, *, max_bytes: int) -> tuple[str, str | None]:
    """The file's text and a notice when it was not UTF-8. Raises InvalidInput, never OSError."""
    where = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InvalidInput("no such file", where=where, hint="check the path") from None
    except OSError as error:
        raise InvalidInput(f"cannot read: {error.strerror}", where=where) from None
    if size > max_bytes:
        raise InvalidInput(
            f"file is {format_size(size)}, over the {format_size(max_bytes)} limit",
            where=where,
            hint="split it, or raise max_file_mb in the config file",
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"cannot read: {error.strerror}", where=where) from None
    return decode(raw, where=where)


def format_size(size: float) -> str:
    """Bytes for people: "2.7 kB", "31.5 MB" (a small configured limit must not read "0 MB")."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{int(size)} bytes"


def decode(raw: bytes, *, where: str) -> tuple[str, str | None]:
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
        return raw.decode("utf-8"), None
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
    if any(ord(c) < 0x20 and c not in "\t\r\n\f" for c in text):
        raise InvalidInput("looks like a binary file, not text", where=where)
    return text, "not UTF-8: decoded as Windows-1252 (cp1252)"


def normalise_newlines(text: str) -> str:
    """Offsets must mean the same on every platform: store \\n line ends only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
