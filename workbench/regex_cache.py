"""Compiled regular expressions kept between runs, so that a start-up need not compile them.

Python compiles a regular expression in Python code (``re._parser``, ``re._compiler``): the
~90 patterns that `workbench extract` needs for one article, the lexicon's 6,000-character
cue finder among them, took about 22 ms of a 120 ms start. What compiling produces is a list
of integers, the program that the C matcher ``_sre`` runs, and it depends only on the
pattern, its flags and the Python build. ``_sre.compile`` turns such a list into a pattern
object in microseconds (0.6 ms for all 90). So the programs are kept in one file in the
user's cache folder, named by the Python build, and a pattern not yet in the file is compiled
by ``re`` as usual and added to the file when the process exits.

Nothing here can change what a pattern matches:

* a program is stored only if the pattern rebuilt from it equals ``re``'s own
  (``Pattern.__eq__`` compares the programs), so a Python whose compiler works differently
  stores nothing and just compiles;
* ``_sre.compile`` validates every program it is given, and a file that cannot be read, or a
  program it refuses, only means compiling as usual;
* the file is as trusted as the bytecode cache beside the package: the user's own.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # CPython's matcher and compiler; another Python just compiles every time
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - CPython has them
    _sre = None

# Every start-up reads the whole file, so it is kept small: past this many bytes of programs
# the ones used longest ago go (a lexicon edited many times leaves a 40 kB cue finder for each
# version; the engine's own 300 patterns take about 60 kB). A process keeps at most
# MAX_PROGRAMS new ones for the file.
MAX_STORE_BYTES = 600_000
MAX_PROGRAMS = 5_000

# (source or recipe, flags, whether it is a recipe): see `compile_cached`, `compile_written`.
Key = tuple[str, int, bool]
# What ``_sre.compile`` is given: pattern, flags, code, groups, groupindex and indexgroup.
# The code, a list of 32-bit integers, is kept as their bytes: reading 300 programs as lists
# of int objects cost more than compiling a few of them.
Program = tuple[str, int, bytes, int, dict[str, int], tuple[str | None, ...]]
FORMAT = 3  # in the file name: a file written in another layout is never read

_stored: dict[Key, Program] | None = None  # read from the file on first use
_added: dict[Key, Program] = {}  # compiled by this process, written at exit
_used: set[Key] = set()  # read from the file by this process: kept first when the file is full
_file: Path | None = None


def compile_cached(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the stored program when there is one."""
    return _compile((source, int(flags), False), lambda: source)


def compile_written(
    recipe: str, write_source: Callable[[], str], flags: int = 0
) -> re.Pattern[str]:
    """``re.compile(write_source(), flags)``, looked up by `recipe` so that a stored pattern
    need not be written out first.

    For a pattern that costs more to write than to look up: the lexicon's cue finder is 6,000
    characters written from its 1,000 head words (5 ms). `recipe` must say everything the
    source is written from (the words themselves, not a hash of them), since two patterns with
    one recipe would be one stored program.
    """
    return _compile((recipe, int(flags), True), write_source)


def _compile(key: Key, write_source: Callable[[], str]) -> re.Pattern[str]:
    stored = _stored if _stored is not None else _read_store()
    program = stored.get(key)
    if program is not None:
        try:
            _used.add(key)
            return _rebuild(program)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            del stored[key]  # refused by the matcher's validation: compile it again below
    source, flags = write_source(), key[1]
    pattern = re.compile(source, flags)
    if _sre is not None and len(_added) < MAX_PROGRAMS:
        _remember(key, source, pattern)
    return pattern


def _remember(key: Key, source: str, pattern: re.Pattern[str]) -> None:
    """Keep the program behind ``pattern`` for the file, if rebuilding it gives ``pattern``."""
    flags = key[1]
    try:
        parsed = _parser.parse(source, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        names: list[str | None] = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            names[index] = name
        program: Program = (
            source,
            int(flags | parsed.state.flags),
            memoryview(array("I", code)).tobytes(),
            parsed.state.groups - 1,
            dict(parsed.state.groupdict),
            tuple(names),
        )
        if _rebuild(program) != pattern:
            return  # this Python builds patterns some other way: compile, store nothing
    except Exception:  # noqa: BLE001 - a Python whose compiler internals differ: store nothing
        return
    if not _added:
        atexit.register(_write_store)
    _added[key] = program


def _rebuild(program: Program) -> re.Pattern[str]:
    source, flags, code, groups, groupindex, indexgroup = program
    code_list = memoryview(code).cast("I").tolist()
    pattern: re.Pattern[str] = _sre.compile(
        source, flags, code_list, groups, groupindex, indexgroup
    )
    return pattern


def _read_store() -> dict[Key, Program]:
    global _stored, _file
    _stored = {}
    if _sre is None:
        return _stored
    from workbench.user_dirs import user_cache_dir

    build = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}".encode()
    _file = Path(user_cache_dir()) / f"regex-{FORMAT}-{zlib.crc32(build):08x}.marshal"
    _stored = _load(_file)
    return _stored


def _load(path: Path) -> dict[Key, Program]:
    try:
        loaded: Any = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}  # no file yet, or a damaged one: compile, and write it again at exit
    return loaded if isinstance(loaded, dict) else {}


def _write_store() -> None:
    """Add this process's programs to the file, atomically; a read-only cache is no error.

    The file's order is the order of last use (by a process that wrote): what this process
    used and compiled goes last, and the first ones go while the file is over its size.
    """
    if not _added or _file is None:
        return
    merged = _load(_file)  # with what other processes added meanwhile
    for key in _used & merged.keys():
        merged[key] = merged.pop(key)
    merged.update(_added)
    try:
        size = sum(_size(program) for program in merged.values())
    except (TypeError, IndexError):  # a damaged file: start it again
        merged, size = dict(_added), sum(_size(program) for program in _added.values())
    for key in list(merged):
        if size <= MAX_STORE_BYTES:
            break
        size -= _size(merged.pop(key))
    try:
        _file.parent.mkdir(parents=True, exist_ok=True)
        partial = _file.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(merged))
        os.replace(partial, _file)
    except (OSError, ValueError):
        return


def _size(program: Program) -> int:
    return len(program[0]) + len(program[2])
