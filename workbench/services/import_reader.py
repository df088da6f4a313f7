"""A JSON document read piece by piece, so memory stays flat however large the file.

`workbench import` must not hold a whole export in memory (`json.load` of a 100,000-statement
file peaked above 500 MB). `JsonReader` walks the outer structure itself (the top-level object,
and one list at a time inside it) and hands each element to the standard library's decoder
(`raw_decode`, in C), so every value is exactly what `json.load` would have made of it: same
numbers, same strings, same duplicate-key rule, same encodings (UTF-8 with or without a BOM,
UTF-16, UTF-32). A syntax error is reported as `json.load` reports it, message, line and column,
with its line numbers counted across the whole file.
"""

from __future__ import annotations

import codecs
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from workbench.errors import InvalidInput
from workbench.services.import_validation import Fields, check_document

CHUNK = 1 << 20  # bytes per read; a value longer than this is read in doubling steps
_WHITESPACE = re.compile(r"[ \t\n\r]*")  # what the json module skips between tokens
_DECODER = json.JSONDecoder()
# A decode that ends or fails this close to the end of what has been read may only lack the rest
# of its value (a number, `true`, a `\u` escape cut in two): read more before trusting it.
_MARGIN = 16


@contextmanager
def seekable(handle: IO[bytes], origin: str) -> Iterator[IO[bytes]]:
    """The file itself, or a temporary copy when it cannot be read twice (a pipe): the import
    checks the whole file before it opens the database, then reads it again to import it."""
    if handle.seekable():
        yield handle
        return
    with tempfile.TemporaryFile() as copy:
        try:
            shutil.copyfileobj(handle, copy, CHUNK)
        except OSError as error:
            raise InvalidInput(f"cannot read: {error.strerror}", where=origin) from None
        copy.seek(0)
        yield copy


class JsonReader:
    """A cursor over one JSON document in a binary file, from its first byte.

    Containers are entered with `members()` (an object's keys) and `elements()` (a list); every
    other value, and each element of a list, is decoded whole with `value()`. Whoever iterates
    `members()` must consume each key's value (`value()`, `elements()` or `skip()`) before asking
    for the next key.
    """

    def __init__(self, handle: IO[bytes], origin: str, *, chunk: int = CHUNK) -> None:
        self.handle, self.origin, self.chunk = handle, origin, chunk
        self.handle.seek(0)
        first = self._read(max(chunk, 4))  # json.detect_encoding looks at four bytes
        # json.loads(bytes) decodes by these rules, keeping lone surrogates ("surrogatepass").
        encoding = json.detect_encoding(first)
        self.decoder = codecs.getincrementaldecoder(encoding)("surrogatepass")
        self.buffer, self.pos, self.eof = "", 0, False
        self.base = 0  # characters dropped from the front of `buffer` so far
        self.lines = 0  # newlines among them
        self.line_start = 0  # where the line holding `base` starts (for column numbers)
        self._append(first)

    # reading ------------------------------------------------------------------------------
    def _read(self, size: int) -> bytes:
        try:
            return self.handle.read(size)
        except OSError as error:
            raise InvalidInput(f"cannot read: {error.strerror}", where=self.origin) from None

    def _append(self, data: bytes) -> None:
        try:
            self.buffer += self.decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            raise InvalidInput("not UTF-8 text", where=self.origin) from None
        self.eof = not data

    def _more(self) -> None:
        """Drop what has been consumed and read the next piece (at least as much as is left, so
        one long value takes a few reads, not one per chunk)."""
        consumed = self.pos
        if consumed:
            newline = self.buffer.rfind("\n", 0, consumed)
            if newline >= 0:
                self.lines += self.buffer.count("\n", 0, consumed)
                self.line_start = self.base + newline + 1
            self.base += consumed
            self.buffer, self.pos = self.buffer[consumed:], 0
        self._append(self._read(max(self.chunk, len(self.buffer))))

    def _skip_whitespace(self) -> None:
        while True:
            self.pos = _WHITESPACE.match(self.buffer, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buffer) or self.eof:
                return
            self._more()

    def peek(self) -> str:
        """The next character that is not whitespace, or "" at the end of the file."""
        self._skip_whitespace()
        return self.buffer[self.pos : self.pos + 1]

    # errors -------------------------------------------------------------------------------
    def error(self, message: str, at: int | None = None) -> InvalidInput:
        """A syntax error at `at` (an index into the buffer), worded as `json.load` words it."""
        at = self.pos if at is None else at
        newline = self.buffer.rfind("\n", 0, at)
        line = self.lines + self.buffer.count("\n", 0, at) + 1
        column = at - newline if newline >= 0 else self.base + at - self.line_start + 1
        return InvalidInput(
            f"not valid JSON: {message} (line {line}, column {column})", where=self.origin
        )

    # values -------------------------------------------------------------------------------
    def value(self) -> Any:
        """Decode the next value whole."""
        self._skip_whitespace()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                if not self.eof and (
                    error.pos >= len(self.buffer) - _MARGIN
                    or error.msg.startswith("Unterminated string")  # reached the end read
                ):
                    self._more()
                    continue
                raise self.error(error.msg, error.pos) from None
            if not self.eof and end > len(self.buffer) - _MARGIN:  # "0." may be "0.5": read on
                self._more()
                continue
            self.pos = end
            return value

    def _expect(self, character: str, message: str) -> None:
        if self.peek() != character:
            raise self.error(message)
        self.pos += 1

    def members(self) -> Iterator[str]:
        """The keys of the object that comes next, its value left for the caller to read."""
        self._expect("{", "Expecting value")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            if self.peek() != '"':
                raise self.error("Expecting property name enclosed in double quotes")
            key = self.value()
            self._expect(":", "Expecting ':' delimiter")
            yield key
            following = self.peek()
            self.pos += 1
            if following == "}":
                return
            if following != ",":
                raise self.error("Expecting ',' delimiter", self.pos - 1)

    def elements(self) -> Iterator[Any]:
        """The elements of the list that comes next, each decoded whole, one at a time."""
        self._expect("[", "Expecting value")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            following = self.peek()
            self.pos += 1
            if following == "]":
                return
            if following != ",":
                raise self.error("Expecting ',' delimiter", self.pos - 1)

    def skip(self) -> None:
        """Read past the next value, a list or an object one member at a time."""
        following = self.peek()
        if following == "[":
            for _ in self.elements():
                pass
        elif following == "{":
            for _ in self.members():
                self.value()
        else:
            self.value()

    def finish(self) -> None:
        """Refuse anything after the document but whitespace, as `json.load` does."""
        if self.peek() != "":
            raise self.error("Extra data")


class ExportFile:
    """An export file for `workbench import`, read twice and never held whole.

    `check` reads it once before the database is opened, as `json.load` used to: a file cut
    short, not JSON, not an object or of a newer format is refused before anything is written
    (or a database is created). `records` then hands out the elements of one top-level list at
    a time, in the order the import needs them (actors, sources, history). A file written by
    `workbench export` has them in that order and is read once more; a file whose keys were
    reordered (by `jq -S`, say) is read from the start again for each list that came too early.
    As with `json.load`, the last of two members with the same name counts.
    """

    def __init__(self, handle: IO[bytes], origin: str, *, chunk: int = CHUNK) -> None:
        self.handle, self.origin, self.chunk = handle, origin, chunk
        self.top_keys: list[str] = []  # top-level keys in file order
        self._reader: JsonReader | None = None
        self._keys: Iterator[str] = iter(())
        self._at = -1  # index in `top_keys` of the key read last in this reading

    @classmethod
    def check(cls, handle: IO[bytes], origin: str, *, chunk: int = CHUNK) -> ExportFile:
        """The whole file must be one JSON object of a format version this workbench reads."""
        export = cls(handle, origin, chunk=chunk)
        reader = JsonReader(handle, origin, chunk=chunk)
        top: dict[str, object] = {}
        if reader.peek() != "{":
            reader.skip()
            reader.finish()
            check_document(None, origin)  # raises: not an object
        for key in reader.members():
            export.top_keys.append(key)
            if key == "format_version":
                top[key] = reader.value()
            else:
                reader.skip()
        reader.finish()
        check_document(top, origin)
        return export

    def records(self, name: str) -> Iterator[Fields]:
        """The elements of the top-level list `name`, one at a time, as `name[i]`."""
        if name not in self.top_keys:
            raise InvalidInput(f"field {name}: missing", where=self.origin)
        reader = self._goto(len(self.top_keys) - 1 - self.top_keys[::-1].index(name))
        if reader.peek() != "[":
            raise InvalidInput(f"field {name}: expected a list", where=self.origin)
        for index, item in enumerate(reader.elements()):
            yield Fields(item, f"{name}[{index}]", self.origin)

    def _goto(self, index: int) -> JsonReader:
        """A reader at the value of the `index`th top-level key, from the start if need be."""
        if self._reader is None or self._at >= index:
            self._reader = JsonReader(self.handle, self.origin, chunk=self.chunk)
            self._keys, self._at = self._reader.members(), -1
        while self._at < index:
            next(self._keys)
            self._at += 1
            if self._at < index:
                self._reader.skip()
        return self._reader
