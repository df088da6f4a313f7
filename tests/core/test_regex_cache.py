"""Stored regex programs give the very patterns `re.compile` gives, and any doubt compiles."""

from __future__ import annotations

import re
import subprocess
import sys
from array import array
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbench import regex_cache

SAMPLES = Path(__file__).parents[2] / "workbench" / "samples"
ARTICLES = sorted(str(p) for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"})


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in a cache folder of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(regex_cache, "_stored", None)
    monkeypatch.setattr(regex_cache, "_added", {})
    monkeypatch.setattr(regex_cache, "_file", None)
    return tmp_path / "cache" / "workbench"


def _store_file(folder: Path) -> Path:
    (found,) = folder.glob("regex-*.marshal")
    return found


def test_every_stored_program_rebuilds_the_pattern_re_compiles(tmp_path: Path) -> None:
    """Two runs of `workbench extract` (the first stores, the second reads): same output, and
    each stored program equals what `re` compiles (equality compares the programs)."""
    env_cache = tmp_path / "cache"
    runs = [
        subprocess.run(
            [sys.executable, "-m", "workbench", "extract", *ARTICLES],
            capture_output=True,
            text=True,
            check=True,
            env={**_environment(), "XDG_CACHE_HOME": str(env_cache)},
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and '"actor"' in runs[0]
    stored = regex_cache._load(_store_file(env_cache / "workbench"))
    assert len(stored) > 50
    assert any(recipe for _text, _flags, recipe in stored)  # the lexicon's cue finder
    for (_text, flags, _recipe), program in stored.items():
        assert regex_cache._rebuild(program) == re.compile(program[0], flags), program[0]


def test_a_second_compile_reads_the_store(fresh_store: Path) -> None:
    source = r"\b(?P<verb>said|says)\s+(?:that\b)?"
    first = regex_cache.compile_cached(source, re.IGNORECASE)
    regex_cache._write_store()
    regex_cache._stored = None
    regex_cache._added = {}
    again = regex_cache.compile_cached(source, re.IGNORECASE)
    assert again == first == re.compile(source, re.IGNORECASE)
    assert again.groupindex == {"verb": 1}
    assert regex_cache._added == {}  # read, not compiled


def test_a_damaged_file_or_program_means_compiling(fresh_store: Path) -> None:
    fresh_store.mkdir(parents=True)
    regex_cache.compile_cached("x")  # names the file
    regex_cache._file.write_bytes(b"\x00 not marshal data")  # type: ignore[union-attr]
    regex_cache._stored = None
    assert regex_cache.compile_cached(r"a+b") == re.compile(r"a+b")
    # A program the matcher's validation refuses is dropped and the pattern compiled.
    nonsense = array("I", [0, 99, 99]).tobytes()
    regex_cache._stored = {("c+d", 0, False): ("c+d", 32, nonsense, 0, {}, (None,))}
    assert regex_cache.compile_cached("c+d") == re.compile("c+d")


def test_a_program_that_rebuilds_differently_is_never_stored(
    fresh_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = regex_cache._compiler._code
    other = SimpleNamespace(_code=lambda parsed, flags: real(regex_cache._parser.parse("z"), 0))
    monkeypatch.setattr(regex_cache, "_compiler", other)  # re.compile itself is untouched
    assert regex_cache.compile_cached("y+") == re.compile("y+")
    assert regex_cache._added == {}


def _environment() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def test_a_written_pattern_is_found_by_its_recipe(fresh_store: Path) -> None:
    written: list[str] = []

    def write() -> str:
        written.append("once more")
        return r"\b(?:sa(?:id|ys))\b"

    first = regex_cache.compile_written("said says", write)
    regex_cache._write_store()
    regex_cache._stored = None
    again = regex_cache.compile_written("said says", write)
    assert again == first == re.compile(r"\b(?:sa(?:id|ys))\b")
    assert written == ["once more"]  # the second time it was looked up, not written
    assert regex_cache.compile_cached("said says").pattern == "said says"  # a source, not a recipe


def test_the_file_keeps_what_was_used_last(
    fresh_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its size the file drops the programs used longest ago, never this run's."""
    for source in ("old+", "kept+", "older+"):
        regex_cache.compile_cached(source)
    regex_cache._write_store()
    sizes = {key[0]: regex_cache._size(program) for key, program in regex_cache._added.items()}
    monkeypatch.setattr(regex_cache, "_stored", None)
    monkeypatch.setattr(regex_cache, "_added", {})
    regex_cache.compile_cached("kept+")  # read from the file: used by this run
    regex_cache.compile_cached("new+")  # compiled by this run
    room = sizes["older+"] + sizes["kept+"] + sizes["old+"]  # "new+" is as long as "old+"
    monkeypatch.setattr(regex_cache, "MAX_STORE_BYTES", room)
    regex_cache._write_store()
    kept = [key[0] for key in regex_cache._load(_store_file(fresh_store))]
    assert kept == ["older+", "kept+", "new+"]
