"""The bundled lexicon is read through a JSON copy in the cache directory (start-up time)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from workbench.extract import lexicon


def _parsed() -> dict[str, object]:
    folder = Path(lexicon.__file__).parent / "lexicons"
    data: dict[str, object] = {}
    for name in lexicon.BUNDLED:
        lexicon._merge(data, tomllib.loads((folder / name).read_text(encoding="utf-8")))
    return data


def test_the_copy_is_written_then_read_and_equals_the_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexicon, "user_cache_dir", lambda: str(tmp_path))
    expected = _parsed()
    first = lexicon._bundled_data()
    copies = list(tmp_path.glob("lexicon-*.json"))
    assert len(copies) == 1
    monkeypatch.setattr(tomllib, "loads", _refuse)  # the second read needs no TOML
    assert lexicon._bundled_data() == first == expected


def test_a_damaged_or_unwritable_copy_falls_back_to_the_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexicon, "user_cache_dir", lambda: str(tmp_path))
    lexicon._bundled_data()
    (copy,) = tmp_path.glob("lexicon-*.json")
    copy.write_text("{not json", encoding="utf-8")
    assert lexicon._bundled_data() == _parsed()
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(lexicon, "user_cache_dir", lambda: str(blocked / "sub"))
    assert lexicon._bundled_data() == _parsed()


def _refuse(_text: str) -> dict[str, object]:
    raise AssertionError("the TOML was parsed although a copy exists")
