"""A SQLite file on NFS/SMB is warned about: told from mountinfo, the format Linux writes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from core.conftest import Outcome
from workbench.db import network_fs

Run = Callable[..., Outcome]


def _mountinfo(share: str, kind: str, source: str) -> str:
    share = share.replace(" ", "\\040")
    return (
        "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
        "27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        f"90 27 0:50 / {share} rw,relatime shared:40 - {kind} {source} rw,vers=4.2\n"
    )


def test_the_deepest_mount_point_decides(tmp_path: Path) -> None:
    share = os.path.realpath(tmp_path / "desk share")
    text = _mountinfo(share, "nfs4", "server:/export/desk")
    assert network_fs.filesystem_type(f"{share}/team.db", text) == "nfs4"
    assert network_fs.filesystem_type(f"{share}2/team.db", text) == "ext4"  # a sibling, not in it
    assert network_fs.filesystem_type("/home/ana/team.db", text) == "ext4"


def test_this_machines_tmp_dir_is_not_a_network_share(tmp_path: Path) -> None:
    assert network_fs.network_filesystem(str(tmp_path / "workbench.db")) is None


@pytest.mark.parametrize("kind", ["nfs4", "cifs", "smb3", "fuse.sshfs"])
def test_cli_warns_once_for_a_database_on_a_share(
    run: Run, cli_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text(_mountinfo(os.path.realpath(tmp_path), kind, "//server/desk"))
    monkeypatch.setattr(network_fs, "MOUNTINFO", mountinfo)
    outcome = run("statements", "--limit", "1")
    assert outcome.code == 0
    warnings = [line for line in outcome.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and f"network filesystem ({kind})" in warnings[0]
    assert "PostgreSQL" in warnings[0]


def test_cli_is_quiet_on_a_local_disk(run: Run, cli_db: Path) -> None:
    outcome = run("statements", "--limit", "1")
    assert outcome.code == 0 and "warning:" not in outcome.err
