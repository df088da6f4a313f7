"""Is a SQLite file on a network share? Told from /proc/self/mountinfo where Linux offers it.

SQLite's WAL mode needs shared memory and working POSIX locks between every process that opens
the file; NFS, SMB/CIFS and FUSE network mounts give neither reliably, and two analysts on a
shared folder can corrupt the database (SQLite's "SQLite Over a Network" page). A team belongs
on PostgreSQL; this module only lets the CLI say so before it is too late.
"""

from __future__ import annotations

import os
from pathlib import Path

NETWORK_TYPES = ("nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ceph")
MOUNTINFO = Path("/proc/self/mountinfo")


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash in octal (`\\040`)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def mount_types(mountinfo: str) -> list[tuple[str, str]]:
    """(mount point, filesystem type) for each line of a mountinfo text."""
    mounts = []
    for line in mountinfo.splitlines():
        fields = line.split(" ")
        if "-" not in fields or len(fields) < 5:
            continue
        after = fields[fields.index("-") + 1 :]
        if after:
            mounts.append((_unescape(fields[4]), after[0]))
    return mounts


def filesystem_type(path: str, mountinfo: str) -> str | None:
    """The type of the filesystem holding `path` (the deepest mount point above it)."""
    target = os.path.realpath(path)
    best: tuple[int, str] | None = None
    for point, kind in mount_types(mountinfo):
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), kind)
    return None if best is None else best[1]


def network_filesystem(path: str) -> str | None:
    """The network filesystem type under a database file, or None (local, or cannot tell)."""
    try:
        mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None  # not Linux, or /proc hidden: nothing to say
    kind = filesystem_type(path, mountinfo)
    if kind is None:
        return None
    return kind if kind in NETWORK_TYPES or kind.startswith("nfs") else None
