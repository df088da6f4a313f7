"""Exports: one module per format, all reading through services in flat-memory batches.

`write_export` is the one entry point (the CLI and the TUI call it); each format module is
imported only when asked for, so `workbench --help` stays fast.
"""

from __future__ import annotations

from typing import TextIO

from sqlmodel import Session

from workbench.export.common import ExportOptions

FORMATS = ("md", "html", "json", "csv", "claimreview")


def write_export(session: Session, fmt: str, out: TextIO, options: ExportOptions) -> list[str]:
    """Write one export to `out`; returns notices for the user (never part of the output)."""
    notices: list[str] = []
    if fmt == "md":
        from workbench.export.markdown import write_markdown

        write_markdown(session, out, options)
    elif fmt == "html":
        from workbench.export.html import write_html

        write_html(session, out, options)
    elif fmt == "json":
        from workbench.export.json import write_json

        write_json(session, out, options)
    elif fmt == "csv":
        from workbench.export.csv import write_csv

        write_csv(session, out, options)
    elif fmt == "claimreview":
        from workbench.export.claimreview import write_claimreview

        notices.extend(write_claimreview(session, out, options).notices())
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return notices


__all__ = ["FORMATS", "ExportOptions", "write_export"]
