"""The import's piecewise JSON reader reads exactly what `json.load` reads, and fails as it does.

Tiny read sizes put a chunk boundary inside every kind of token (numbers, `\\u` escapes, UTF-8
sequences, `true`), where a piecewise reader is most likely to go wrong.
"""

from __future__ import annotations

import io
import json
import os
import re
import threading
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.errors import InvalidInput
from workbench.services.import_reader import ExportFile, JsonReader, seekable

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children),
    max_leaves=12,
)
documents = st.dictionaries(st.text(max_size=8), values, max_size=5)


def rebuild(reader: JsonReader) -> Any:
    """The document as the import walks it: the outer object and lists piecewise."""
    following = reader.peek()
    if following == "{":
        return {key: rebuild(reader) for key in reader.members()}
    if following == "[":
        return list(reader.elements())
    return reader.value()


def read(data: bytes, chunk: int) -> Any:
    reader = JsonReader(io.BytesIO(data), "test.json", chunk=chunk)
    document = rebuild(reader)
    reader.finish()
    return document


def json_error(data: bytes) -> str:
    """The one line `workbench import` printed when `json.load` refused the file."""
    try:
        json.loads(data)
    except json.JSONDecodeError as error:
        return f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
    raise AssertionError("valid JSON")


@settings(max_examples=100, deadline=None)
@given(
    documents,
    st.sampled_from([None, 0, 2]),
    st.booleans(),
    st.sampled_from([1, 2, 3, 7, 64, 1 << 20]),
)
def test_any_document_reads_as_json_load_reads_it(
    document: dict[str, Any], indent: int | None, ascii_only: bool, chunk: int
) -> None:
    data = json.dumps(document, indent=indent, ensure_ascii=ascii_only).encode("utf-8")
    assert read(data, chunk) == json.loads(data)


@settings(max_examples=100, deadline=None)
@given(
    documents,
    st.sampled_from([None, 1]),
    st.integers(min_value=1, max_value=5),
    st.floats(min_value=0, max_value=1, exclude_max=True),
)
def test_a_cut_document_fails_on_the_same_line_and_column(
    document: dict[str, Any], indent: int | None, chunk: int, where: float
) -> None:
    data = json.dumps(document, indent=indent, ensure_ascii=False).encode("utf-8")
    cut = data[: int(len(data) * where)]
    with pytest.raises(InvalidInput) as caught:
        read(cut, chunk)
    try:
        cut.decode("utf-8")
    except UnicodeDecodeError:  # cut inside a character: refused as not UTF-8
        assert caught.value.message == "not UTF-8 text"
        return
    assert caught.value.message == json_error(cut)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "{",
        '{"a" 1}',
        '{"a": 1 "b": 2}',
        '{"a": 1,}',
        "{'a': 1}",
        '{"a": [1 2]}',
        '{"a": [1,\n\n  2,\n  ]}',
        '{"a": tru}',
        '{"a": "\\x"}',
        '{"a": "line\nbreak"}',
        '{"a": 1}\n\n  {"b": 2}',
        '{"a": 01}',
        '{\n  "a": [\n    {"b": 1},\n    {"b": 2,}\n  ]\n}',
    ],
)
def test_syntax_errors_are_worded_and_placed_as_json_load_does(text: str) -> None:
    data = text.encode()
    for chunk in (1, 4, 1 << 20):
        with pytest.raises(InvalidInput) as caught:
            read(data, chunk)
        assert caught.value.message == json_error(data)
        assert caught.value.where == "test.json"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_the_encodings_json_load_accepts_are_accepted(encoding: str) -> None:
    data = json.dumps({"name": "Zoë \U0001f600", "n": [1, 2.5]}, ensure_ascii=False)
    encoded = data.encode(encoding)
    for chunk in (1, 3, 1 << 20):
        assert read(encoded, chunk) == json.loads(encoded)


def test_bytes_that_are_not_text_are_refused() -> None:
    with pytest.raises(InvalidInput, match="not UTF-8 text"):
        read(b'{"a": "caf\xe9"}', 1 << 20)


def test_values_stay_exact_across_reads() -> None:
    document = {"big": 10**40, "float": 0.1 + 0.2, "pair": "\U0001f600", "lone": "\ud83d", "x": "é"}
    data = json.dumps(document).encode()  # the emoji and the lone surrogate as \u escapes
    for chunk in range(1, 12):
        assert read(data, chunk) == document


def export_of(text: str) -> ExportFile:
    return ExportFile.check(io.BytesIO(text.encode()), "x.json")


def names(export: ExportFile, member: str) -> list[object]:
    return [record.data.get("name") for record in export.records(member)]


def test_lists_come_in_the_order_asked_whatever_the_order_in_the_file() -> None:
    export = export_of(
        '{"history": [{"name": "h"}], "sources": [{"name": "s"}], '
        '"actors": [{"name": "a"}], "format_version": 1}'
    )
    assert names(export, "actors") == ["a"]
    assert names(export, "sources") == ["s"]
    assert names(export, "history") == ["h"]


def test_the_last_of_two_members_counts_as_with_json_load() -> None:
    export = export_of(
        '{"format_version": 99, "sources": [{"name": "first"}], "format_version": 1, '
        '"sources": [{"name": "second"}]}'
    )
    assert names(export, "sources") == ["second"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "the document: expected a JSON object"),
        ('{"actors": []}', "field format_version: missing"),
        ('{"format_version": 2}', "newer workbench"),
        ('{"format_version": "1"}', "field format_version: expected an integer"),
        ('{"format_version": 1, "sources": {}}', "field sources: expected a list"),
        ('{"format_version": 1, "sources": null}', "field sources: expected a list"),
        ('{"format_version": 1, "sources": [1]}', "sources[0]: expected a JSON object"),
        ('{"format_version": 1}', "field sources: missing"),
    ],
)
def test_the_document_is_refused_with_the_same_words_as_before(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(message)):
        list(export_of(text).records("sources"))


def test_a_pipe_is_copied_so_it_can_be_read_twice() -> None:
    data = b'{"format_version": 1, "sources": [{"name": "s"}]}'
    read_end, write_end = os.pipe()

    def write() -> None:
        with open(write_end, "wb") as out:
            out.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    with open(read_end, "rb") as pipe, seekable(pipe, "pipe") as handle:
        assert not pipe.seekable()
        export = ExportFile.check(handle, "pipe")
        assert names(export, "sources") == ["s"]
    writer.join()
