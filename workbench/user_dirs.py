"""The user's config and cache folders for workbench, as platformdirs names them.

Importing platformdirs costs `workbench extract` about 7 ms of its start-up (its Unix module
loads ``tempfile``, ``shutil`` and ``random`` for a runtime folder we never ask for), and every
run needs two folders: the config file's and the lexicon cache's. On Linux with an absolute
``HOME`` the answer is two lines of the XDG base directory rules, written out here;
everywhere else (macOS, Windows, Android, an odd ``HOME``) platformdirs answers, so the
folders never differ from what platformdirs says (tests/core/test_user_dirs.py compares them).
"""

from __future__ import annotations

import os
import posixpath
import sys

APP = "workbench"


def user_config_dir() -> str:
    """``platformdirs.user_config_dir("workbench")``."""
    if (found := _xdg("XDG_CONFIG_HOME", "~/.config")) is not None:
        return found
    from platformdirs import user_config_dir as platform_config_dir

    return platform_config_dir(APP)


def user_cache_dir() -> str:
    """``platformdirs.user_cache_dir("workbench")``."""
    if (found := _xdg("XDG_CACHE_HOME", "~/.cache")) is not None:
        return found
    from platformdirs import user_cache_dir as platform_cache_dir

    return platform_cache_dir(APP)


def _xdg(variable: str, default: str) -> str | None:
    """The XDG folder on plain Linux, or None where platformdirs has more rules to apply.

    The rules (platformdirs' ``Unix`` class): an absolute ``$XDG_…_HOME`` wins, anything else
    in it is ignored, and the default is under an absolute ``HOME``.
    """
    if sys.platform != "linux" or _maybe_android():
        return None
    base = os.environ.get(variable, "")
    if posixpath.isabs(base):
        return posixpath.join(base, APP)
    home = os.environ.get("HOME", "")
    if not posixpath.isabs(home):
        return None  # no HOME, or a relative one: platformdirs asks the password database
    return posixpath.join(posixpath.expanduser(default), APP)


def _maybe_android() -> bool:
    """Android also says "linux"; platformdirs then looks for the app's folder itself."""
    return hasattr(sys, "getandroidapilevel") or (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )
