"""Settings: command-line options over environment variables over the TOML config file.

The config file lives in the user's config directory (platformdirs' rules), or wherever
`WORKBENCH_CONFIG` points. A broken file is a one-line error naming the file and line.
"""

from __future__ import annotations

import getpass
import math
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import ConfigError, InvalidInput
from workbench.invisible import REFUSED_IN_NAMES, character_class

DEFAULT_DB = "workbench.db"
DEFAULT_MAX_FILE_MB = 20.0
MAX_CONFIG_BYTES = 1_000_000

_KNOWN_KEYS: dict[str, type | tuple[type, ...]] = {
    "database": str,
    "analyst": str,
    "organisation": str,
    "organisation_url": str,
    "max_file_mb": (int, float),
    "advance_after_verdict": bool,
    "lexicons": list,
    "keymap": dict,
}


@dataclass(frozen=True)
class Settings:
    """Everything a command needs to know before it touches the database."""

    database: str = DEFAULT_DB
    analyst: str = ""
    organisation: str = "Workbench fact-check desk"
    organisation_url: str = ""
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    advance_after_verdict: bool = True
    lexicons: tuple[str, ...] = ()
    keymap: dict[str, str] = field(default_factory=dict)
    config_path: Path | None = None


def config_path() -> Path:
    """`WORKBENCH_CONFIG` if set, else `<user config dir>/workbench/config.toml`."""
    if override := os.environ.get("WORKBENCH_CONFIG"):
        return Path(override)
    from workbench.user_dirs import user_config_dir

    return Path(user_config_dir()) / "config.toml"


def read_config_file(path: Path) -> dict[str, Any]:
    """Parse and check the config file; a missing file means defaults."""
    try:
        with path.open("rb") as handle:  # at most the limit: WORKBENCH_CONFIG=/dev/zero never ends
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"cannot read config file: {error.strerror}", where=str(path)) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(
            "config file is over 1 MB: not a config file",
            where=str(path),
            hint="check WORKBENCH_CONFIG",
        )
    import tomllib  # here, not at the top: most runs have no config file (3 ms of imports)

    try:
        source = raw.decode("utf-8")
        data = tomllib.loads(source)
    except UnicodeDecodeError:
        raise ConfigError("config file is not UTF-8 text", where=str(path)) from None
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already says "(at line N, column M)".
        raise ConfigError(
            f"invalid TOML: {error}", where=str(path), hint="fix the file or delete it"
        ) from None
    for key, value in data.items():
        where = _where(path, source, key)
        expected = _KNOWN_KEYS.get(key)
        if expected is None:
            raise ConfigError(
                f"unknown setting '{key}'",
                where=where,
                hint=f"known settings: {', '.join(sorted(_KNOWN_KEYS))}",
            )
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            wanted = _TYPE_WORDS.get(key, "another type")
            raise ConfigError(
                f"setting '{key}' must be {wanted}, not {type(value).__name__}", where=where
            )
    keymap = data.get("keymap", {})
    if not all(isinstance(v, str) for v in keymap.values()):
        raise ConfigError(
            "every [keymap] value must be a string of keys", where=_where(path, source, "keymap")
        )
    if not all(isinstance(p, str) for p in data.get("lexicons", [])):
        raise ConfigError(
            "setting 'lexicons' must be a list of paths (strings)",
            where=_where(path, source, "lexicons"),
        )
    limit = data.get("max_file_mb", DEFAULT_MAX_FILE_MB)
    if not (math.isfinite(limit) and limit > 0):  # nan, inf and 0 pass the type check
        raise ConfigError(
            f"setting 'max_file_mb' must be a positive number of megabytes, not {limit}",
            where=_where(path, source, "max_file_mb"),
        )
    return data


_TYPE_WORDS = {
    "database": "a string (a path or URL)",
    "analyst": "a string",
    "organisation": "a string",
    "organisation_url": "a string",
    "max_file_mb": "a number",
    "advance_after_verdict": "true or false",
    "lexicons": "a list of paths",
    "keymap": "a table of strings",
}


def _where(path: Path, source: str, key: str) -> str:
    """`file:line` of a top-level key or `[table]`, so the message points at what to fix."""
    pattern = re.compile(rf"""^\s*(?:\[\s*{re.escape(key)}\s*\]|["']?{re.escape(key)}["']?\s*=)""")
    for number, line in enumerate(source.splitlines(), start=1):
        if pattern.match(line):
            return f"{path}: line {number}"
    return str(path)


def check_keymap_ids(settings: Settings, known: Collection[str]) -> None:
    """Refuse a [keymap] id that names no binding: ignored, a typo leaves the key unmapped and
    the analyst wondering why. The TUI passes the ids it has (Textual is not imported here)."""
    unknown = sorted(set(settings.keymap) - set(known))
    if not unknown:
        return
    path = settings.config_path
    try:
        source = path.read_text(encoding="utf-8") if path is not None else ""
    except OSError:
        source = ""
    where = _where(path, source, unknown[0]) if path is not None else "[keymap]"
    raise ConfigError(
        f"unknown keymap id '{unknown[0]}'",
        where=where,
        hint=f"known ids: {', '.join(sorted(known))} (see docs/keys.md)",
    )


def default_analyst() -> str:
    """The OS login name: every write records who made it, even without configuration."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def _analyst(option: str | None, data: dict[str, Any], path: Path) -> str:
    """The first name given, trimmed. It is stored with every change and shown to the whole
    team, so a control character (an ESC that recolours their terminals) is refused."""
    for where, value in (
        ("--analyst", option),
        ("WORKBENCH_ANALYST", os.environ.get("WORKBENCH_ANALYST")),
        (str(path), data.get("analyst")),
    ):
        if value and value.strip():
            if character_class(REFUSED_IN_NAMES).search(value):  # shown on the team's terminals
                kind = ConfigError if where == str(path) else InvalidInput
                raise kind(
                    "the analyst name contains a control or text-direction character",
                    where=where,
                    hint="retype it",
                )
            return value.strip()
    return default_analyst()


def load_settings(*, database: str | None = None, analyst: str | None = None) -> Settings:
    """Options given on the command line win, then the environment, then the config file."""
    path = config_path()
    data = read_config_file(path)
    return Settings(
        database=database or os.environ.get("WORKBENCH_DB") or data.get("database") or DEFAULT_DB,
        analyst=_analyst(analyst, data, path),
        organisation=data.get("organisation", Settings.organisation),
        organisation_url=data.get("organisation_url", ""),
        max_file_mb=float(data.get("max_file_mb", DEFAULT_MAX_FILE_MB)),
        advance_after_verdict=data.get("advance_after_verdict", True),
        lexicons=tuple(str(p) for p in data.get("lexicons", [])),
        keymap=dict(data.get("keymap", {})),
        config_path=path,
    )
