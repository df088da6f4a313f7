"""`workbench assign`: split the work, giving statements (by id or by filter) to an analyst."""

from __future__ import annotations

import click

from workbench.cli.context import AppContext
from workbench.cli.params import ROW_ID
from workbench.errors import InvalidInput


@click.command()
@click.option("--id", "statement_ids", multiple=True, type=ROW_ID, help="Statement id.")
@click.option("--source", "source_ids", multiple=True, type=ROW_ID, help="Source id (repeatable).")
@click.option("--actor", "actors", multiple=True, help="Actor name or alias (repeatable).")
@click.option(
    "--claim", "claim_ids", multiple=True, type=ROW_ID, help="Every live statement of a claim."
)
@click.option("--status", "statuses", multiple=True, help="unverified, confirmed or disputed.")
@click.option("--stance", "stances", multiple=True, help="asserts, denies or questions.")
@click.option("--search", default="", help="Words that must all appear.")
@click.option("--to", "to", metavar="ANALYST", help="The analyst who will hold them.")
@click.option("--unassign", is_flag=True, help="Release them: nobody holds them.")
@click.pass_obj
def assign(
    app: AppContext,
    statement_ids: tuple[int, ...],
    source_ids: tuple[int, ...],
    actors: tuple[str, ...],
    claim_ids: tuple[int, ...],
    statuses: tuple[str, ...],
    stances: tuple[str, ...],
    search: str,
    to: str | None,
    unassign: bool,
) -> None:
    """Give the matching live statements to ANALYST (--to), or release them (--unassign).

    Each assignment is a history event; `workbench statements --assigned-to NAME` lists a queue.
    """
    from workbench.services.assignments import Assign
    from workbench.services.changes import apply_change
    from workbench.services.claims import get_claim
    from workbench.services.statements import StatementFilter, iter_statements

    if (to is None) == (not unassign):
        raise InvalidInput(
            "say who gets them or release them", where="--to", hint="give --to NAME or --unassign"
        )
    if not (statement_ids or source_ids or actors or claim_ids or statuses or stances or search):
        raise InvalidInput(
            "no statements chosen",
            where="assign",
            hint="choose with --id, --source, --actor, --claim, --status, --stance or --search",
        )
    flt = StatementFilter(
        statuses=statuses, source_ids=source_ids, actors=actors, stances=stances, search=search
    )
    db = app.open_db(write=True)
    changed = 0
    with db.transaction() as session:
        if claim_ids:  # a claim's statements span sources: whoever verifies the claim
            claimed = {s.id for c in claim_ids for s in get_claim(session, c).live}
            wanted = set(statement_ids) | claimed
            if flt != StatementFilter():
                wanted &= {row.id for row in iter_statements(session, flt)}
            ids = sorted(wanted)
        elif statement_ids and flt == StatementFilter():
            ids = sorted(set(statement_ids))  # a missing id is refused by the change itself
        else:
            ids = [row.id for row in iter_statements(session, flt)]
            if statement_ids:
                ids = [i for i in ids if i in set(statement_ids)]
        for statement_id in ids:
            applied = apply_change(session, Assign(statement_id, to), analyst=app.analyst)
            changed += applied.undo is not None
    said = f"assigned to {to}" if to else "released"
    click.echo(f"{changed} statements {said} ({len(ids) - changed} already were)")


def register(group: click.Group) -> None:
    group.add_command(assign)
