"""`workbench diff SOURCE`: what a new revision of an article changed, and what to re-check."""

from __future__ import annotations

import click

from workbench.cli.context import AppContext
from workbench.cli.params import ROW_ID


@click.command()
@click.argument("source_id", type=ROW_ID)
@click.pass_obj
def diff(app: AppContext, source_id: int) -> None:
    """Sentences a revision changed against the previous one, and the statements affected."""
    from workbench.invisible import show_invisible
    from workbench.services.revisions import revision_diff

    db = app.open_db(write=False)
    with db.reader() as session:
        found = revision_diff(session, source_id)
    if found.previous_id is None:
        click.echo(f"source {source_id} is revision {found.revision}: no earlier revision")
        return
    click.echo(
        f"source {source_id} (revision {found.revision}) against source {found.previous_id} "
        f"(revision {found.revision - 1}): {len(found.lines)} changed sentence line(s)"
    )
    for mark, sentence in found.lines:
        click.echo(show_invisible(f"{mark} {sentence}"))
    ids = ", ".join(map(str, found.recheck)) or "none"
    click.echo(f"to re-check (sentence changed under a verdict): {ids}")
    click.echo(f"kept the earlier verdicts/notes/evidence: {len(found.carried)} statement(s)")


def register(group: click.Group) -> None:
    group.add_command(diff)
