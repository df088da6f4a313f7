"""`workbench review`: the review TUI.

Textual is imported inside the command, so `workbench --help` stays fast.
"""

from __future__ import annotations

import click

from workbench.cli.context import AppContext


@click.command()
@click.pass_obj
def review(app: AppContext) -> None:
    """Open the review screen on the database (also: `workbench` with no command)."""
    db = app.open_db(write=True)
    from workbench.tui.app import WorkbenchApp

    WorkbenchApp(db=db, settings=app.settings).run()


def register(group: click.Group) -> None:
    group.add_command(review)
