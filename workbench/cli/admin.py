"""`workbench init`: create or upgrade the database."""

from __future__ import annotations

import click

from workbench.cli.context import AppContext


@click.command()
@click.pass_obj
def init(app: AppContext) -> None:
    """Create the database, or upgrade an older one (a backup is made first)."""
    from workbench.db.dialect import refresh_statistics
    from workbench.db.engine import Database
    from workbench.db.schema import upgrade_to_head
    from workbench.services.claims import link_unclaimed

    db = Database.open(app.settings.database)
    linked = None
    try:
        before, after = upgrade_to_head(db)
        if before is not None and before != after:
            # An older database gains claims (schema 0002): its statements are grouped now.
            with db.transaction() as session:
                linked = link_unclaimed(session, analyst=app.analyst, progress=_say_progress)
                refresh_statistics(session.connection())  # new indexes need statistics
    finally:
        db.dispose()
    if before is None:
        click.echo(f"created database {db.location} (schema {after})")
    elif before == after:
        click.echo(f"database {db.location} is up to date (schema {after})")
    else:
        click.echo(f"upgraded database {db.location} from schema {before} to {after}")
        if linked is not None and linked.statements:
            click.echo(linked.line())


def _say_progress(done: int, total: int) -> None:
    """One stderr line per step: linking a million statements into claims takes minutes."""
    click.echo(f"claims: {done:,} of {total:,} statements linked", err=True)


def register(group: click.Group) -> None:
    group.add_command(init)
