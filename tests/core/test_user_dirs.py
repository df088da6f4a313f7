"""The config and cache folders are platformdirs' answers, whoever computes them."""

from __future__ import annotations

import platformdirs
import pytest

from workbench import user_dirs

SETTINGS = [
    {"XDG_CONFIG_HOME": "/srv/config", "XDG_CACHE_HOME": "/srv/cache"},
    {"XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": ""},  # set but empty: ignored
    {"XDG_CONFIG_HOME": "relative/config", "XDG_CACHE_HOME": "relative/cache"},  # ignored too
    {"XDG_CONFIG_HOME": None, "XDG_CACHE_HOME": None, "HOME": "/home/ann/"},
    {"XDG_CONFIG_HOME": None, "XDG_CACHE_HOME": None, "HOME": "/"},
    {"XDG_CONFIG_HOME": None, "XDG_CACHE_HOME": None, "HOME": "relative-home"},
    {"XDG_CONFIG_HOME": None, "XDG_CACHE_HOME": None, "HOME": None},
]


@pytest.mark.parametrize("environment", SETTINGS)
def test_folders_match_platformdirs(
    environment: dict[str, str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in environment.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert user_dirs.user_config_dir() == platformdirs.user_config_dir("workbench")
    assert user_dirs.user_cache_dir() == platformdirs.user_cache_dir("workbench")


def test_android_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANDROID_DATA", "/data")
    monkeypatch.setenv("ANDROID_ROOT", "/system")
    assert user_dirs._xdg("XDG_CACHE_HOME", "~/.cache") is None
