"""`workbench init`: create or upgrade the database."""

from __future__ import annotations

import click

from workbench.cli.context import AppContext


@click.command()
@click.pass_obj
def init(app: AppContext) -> None:
    """Create the database, or upgrade an older one (a backup is made first)."""
    from workbench.db.engine import Database
    from workbench.db.schema import upgrade_to_head

    db = Database.open(app.settings.database)
    try:
        before, after = upgrade_to_head(db)
    finally:
        db.dispose()
    if before is None:
        click.echo(f"created database {db.location} (schema {after})")
    elif before == after:
        click.echo(f"database {db.location} is up to date (schema {after})")
    else:
        click.echo(f"upgraded database {db.location} from schema {before} to {after}")


def register(group: click.Group) -> None:
    group.add_command(init)
