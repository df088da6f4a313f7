"""`workbench sources` and `workbench actors`: what is in the database."""

from __future__ import annotations

import click

from workbench.cli.context import AppContext
from workbench.cli.output import cell, console, write_jsonl


@click.command()
@click.option(
    "--format", "output", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.pass_obj
def sources(app: AppContext, output: str) -> None:
    """List sources with their statement counts per status."""
    from dataclasses import asdict

    from rich.table import Table

    from workbench.services.sources import list_sources

    db = app.open_db(write=False)
    with db.reader() as session:
        rows = list_sources(session)
    if output == "jsonl":
        write_jsonl(asdict(r) for r in rows)
        return
    out = console()
    table = Table(title=f"{len(rows)} sources", title_justify="left")
    # Ids, dates and counts keep their width (filters take the ids); only title and outlet
    # shrink. Rich would squeeze every no-wrap column alike, the id column to nothing at 80
    # columns, so the two text columns get what the fixed ones leave.
    id_width = max([2, *(len(str(r.id)) for r in rows)])
    fixed = ("published", "unverified", "confirmed", "disputed")
    borders = 3 * 7 + 1
    spare = max(16, out.width - borders - id_width - sum(max(len(n), 10) for n in fixed))
    table.add_column("id", no_wrap=True, min_width=id_width, justify="right")
    table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=spare * 3 // 4)
    table.add_column("outlet", overflow="ellipsis", no_wrap=True, max_width=spare - spare * 3 // 4)
    for name in fixed:
        table.add_column(name, no_wrap=True, min_width=len(name))
    for r in rows:
        table.add_row(
            str(r.id),
            cell(
                r.title
                if r.previous_id is None
                else f"(r{r.revision} of {r.previous_id}) {r.title}",
                50,
            ),
            cell(r.outlet, 20),
            str(r.published or ""),
            *(str(r.counts.get(s, 0)) for s in ("unverified", "confirmed", "disputed")),
        )
    out.print(table)


@click.group(invoke_without_command=True)
@click.option(
    "--format", "output", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.pass_context
def actors(ctx: click.Context, output: str) -> None:
    """List actors, their aliases and how many statements each speaks.

    With a subcommand, record an analyst's decision about an actor: merge, split, set.
    """
    if ctx.invoked_subcommand is not None:
        return
    from rich.table import Table

    from workbench.services.actors import list_actors
    from workbench.vocabulary import STANCES

    app: AppContext = ctx.obj
    db = app.open_db(write=False)
    with db.reader() as session:
        views = list_actors(session)
    if output == "jsonl":
        write_jsonl(
            {
                "id": v.id,
                "name": v.name,
                "kind": v.kind,
                "affiliation": v.affiliation,
                "aliases": list(v.aliases),
                "counts": {stance: v.stances.get(stance, 0) for stance in STANCES},
            }
            for v in views
        )
        return
    table = Table(title=f"{len(views)} actors", title_justify="left")
    for name in ("id", "name", "kind", "affiliation", "aliases", "statements"):
        table.add_column(name)
    for v in views:
        table.add_row(
            str(v.id),
            cell(v.name),
            cell(v.kind),
            cell(v.affiliation),
            cell(", ".join(a for a in v.aliases if a != v.name)),
            str(v.statement_count),
        )
    console().print(table)


def register(group: click.Group) -> None:
    from workbench.cli.actor_decisions import register_decisions

    register_decisions(actors)
    group.add_command(sources)
    group.add_command(actors)
