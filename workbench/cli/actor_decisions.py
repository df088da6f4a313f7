"""`workbench actors merge|split|set`: an analyst's decisions about actors, kept for later ingests.

Each builds a typed change (`services.actor_changes`) and applies it in one transaction with its
history; bad input (an unknown id, a merge into itself or into a cycle) is one line, exit 2.
"""

from __future__ import annotations

from typing import Any

import click

from workbench.cli.context import AppContext
from workbench.cli.params import ROW_ID
from workbench.vocabulary import ACTOR_KINDS

NOTE = click.option("--note", default="", help="Why: kept in the history.")


def _apply(app: AppContext, change: Any) -> None:
    from workbench.services.changes import apply_change

    db = app.open_db(write=True)
    with db.transaction() as session:
        applied = apply_change(session, change, analyst=app.analyst)
    click.echo(applied.message)


@click.command("merge")
@click.argument("actor_id", type=ROW_ID)
@click.argument("into_id", type=ROW_ID)
@NOTE
@click.pass_obj
def merge(app: AppContext, actor_id: int, into_id: int, note: str) -> None:
    """Merge actor ACTOR_ID into INTO_ID: its statements and spellings move there, and later
    ingests of its name or spellings resolve to INTO_ID."""
    from workbench.services.actor_changes import MergeActor

    _apply(app, MergeActor(actor_id, into_id, note=note))


@click.command("split")
@click.argument("actor_id", type=ROW_ID)
@click.argument("aliases", nargs=-1, required=True)
@click.option("--name", default=None, help="The actor they go to (default: the first spelling).")
@NOTE
@click.pass_obj
def split(
    app: AppContext, actor_id: int, aliases: tuple[str, ...], name: str | None, note: str
) -> None:
    """Move spellings ALIASES of actor ACTOR_ID to another actor (new, or the one merged before
    under that name): statements whose speaker is written so move too, and later ingests follow."""
    from workbench.services.actor_changes import SplitActor

    _apply(app, SplitActor(actor_id, aliases, name=name, note=note))


@click.command("set")
@click.argument("actor_id", type=ROW_ID)
@click.option("--kind", type=click.Choice(ACTOR_KINDS), default=None, help="What the actor is.")
@click.option("--affiliation", default=None, help='Who it belongs to ("" clears it).')
@NOTE
@click.pass_obj
def set_details(
    app: AppContext, actor_id: int, kind: str | None, affiliation: str | None, note: str
) -> None:
    """Set an actor's kind and/or affiliation (for all its statements)."""
    from workbench.errors import InvalidInput
    from workbench.services.actor_changes import SetActorDetails

    if kind is None and affiliation is None:
        raise InvalidInput(
            "nothing to set", where="actors set", hint="give --kind or --affiliation"
        )
    _apply(app, SetActorDetails(actor_id, kind, affiliation, note=note))


def register_decisions(group: click.Group) -> None:
    for command in (merge, split, set_details):
        group.add_command(command)
