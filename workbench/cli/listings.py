"""`workbench sources` and `workbench actors`: what is in the database."""

from __future__ import annotations

import click

from workbench.cli.context import AppContext
from workbench.cli.output import cell, console, write_jsonl
from workbench.cli.params import COUNT

# A table is for reading: past a few hundred rows it scrolls out of sight, and Rich takes about
# half a millisecond a row to lay it out (20,000 sources took 11 s). Scripts use --format jsonl.
TABLE_PAGE = 500


@click.command()
@click.option(
    "--format", "output", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.option(
    "--after",
    "after_id",
    type=COUNT,
    default=0,
    help="Only sources with a larger id (the next page starts after the last id shown).",
)
@click.option(
    "--limit",
    type=COUNT,
    default=None,
    help=f"At most this many (a table shows {TABLE_PAGE} unless told; 0 means no limit).",
)
@click.pass_obj
def sources(app: AppContext, output: str, after_id: int, limit: int | None) -> None:
    """List sources with their statement counts per status, in id order."""
    from dataclasses import fields

    from rich.table import Table

    from workbench.services.sources import count_sources, list_sources

    if limit is None and output == "table":
        limit = TABLE_PAGE
    db = app.open_db(write=False)
    with db.reader() as session:
        # One row more than asked tells whether there is a next page without counting them all.
        rows = list_sources(session, after_id=after_id, limit=limit + 1 if limit else None)
        more = bool(limit) and len(rows) > limit
        total = count_sources(session, after_id=after_id) if more else None
    rows = rows[:limit] if more else rows
    if output == "jsonl":
        # Field by field, not dataclasses.asdict: that deep-copies every value (2.4 s at 20,000).
        names = [f.name for f in fields(rows[0])] if rows else []
        write_jsonl({name: getattr(r, name) for name in names} for r in rows)
        return
    out = console()
    shown = f"{len(rows)} sources" if total is None else f"{len(rows)} of {total:,} sources"
    table = Table(title=shown, title_justify="left")
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
    if total is not None:
        click.echo(
            f"more: workbench sources --after {rows[-1].id}"
            " (or --limit 0 for all, --format jsonl for scripts)"
        )


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
