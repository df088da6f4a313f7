"""`workbench review`: the review TUI.

Textual is imported inside the command, so `workbench --help` stays fast.
"""

from __future__ import annotations

import os
import sys

import click

from workbench.cli.context import AppContext
from workbench.errors import InvalidInput


def has_terminal() -> bool:
    """Textual reads keys from stdin and draws on stdout: without a terminal on both it would
    write escape codes into a file (or a pipe) and wait for keys that never come. Served to a
    browser (`workbench serve`), the pipes carry Textual's web protocol instead."""
    if os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver"):
        return True
    return sys.stdin.isatty() and sys.stdout.isatty()


@click.command()
@click.pass_obj
def review(app: AppContext) -> None:
    """Open the review screen on the database (also: `workbench` with no command)."""
    from workbench.config import check_keymap_ids
    from workbench.tui.app import binding_ids

    check_keymap_ids(app.settings, binding_ids())  # a typo in [keymap] first: it is in no terminal
    if not has_terminal():
        raise InvalidInput(
            "the review screen needs a terminal (standard input and output are not one)",
            where="review",
            hint="for text output use `workbench statements` or `workbench export`",
        )
    db = app.open_db(write=False)  # a read-only file or role opens the read-only screen
    from workbench.tui.app import WorkbenchApp

    WorkbenchApp(db=db, settings=app.settings).run()


def register(group: click.Group) -> None:
    group.add_command(review)
