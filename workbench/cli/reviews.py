"""`workbench reviews` and `workbench settings`: the four-eyes queue and per-database settings."""

from __future__ import annotations

from typing import Any

import click

from workbench.cli.context import AppContext
from workbench.cli.output import cell, console, status_label, write_jsonl
from workbench.cli.params import ROW_ID


def _side_record(side: Any) -> dict[str, Any] | None:
    if side is None:
        return None
    return {
        "analyst": side.analyst,
        "verdict": side.verdict,
        "at": side.at,
        "note": side.note,
        "evidence": [{"relation": r, "url": u, "title": t} for r, u, t in side.evidence],
        "notes": list(side.notes),
    }


def _record(found: Any) -> dict[str, Any]:
    return {
        "statement_id": found.statement.id,
        "state": found.state,
        "actor": found.statement.actor,
        "stance": found.statement.stance,
        "proposition": found.statement.proposition,
        "status": found.statement.status,
        "first": _side_record(found.first),
        "second": _side_record(found.second),
        "decided_by": found.decided_by,
        "decided_verdict": found.decided_verdict,
        "reason": found.decided_reason,
    }


@click.group(invoke_without_command=True)
@click.option(
    "--state",
    "states",
    multiple=True,
    help="pending, disputed, agreed or decided (repeatable; default: pending and disputed).",
)
@click.option("--mine", is_flag=True, help="Only rounds this analyst can move on.")
@click.option(
    "--format", "output", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.pass_context
def reviews(ctx: click.Context, states: tuple[str, ...], mine: bool, output: str) -> None:
    """Second review: verdicts waiting for a second analyst, and disagreements to decide.

    A second analyst agrees with `workbench verdict ID SAME-VERDICT`; a different verdict is
    kept beside the first and the round waits for an adjudicator, who decides with
    `workbench verdict ID VERDICT --override --note REASON` after `workbench reviews show ID`.
    """
    if ctx.invoked_subcommand is not None:
        return
    from workbench.services.second_review import OPEN, list_rounds

    app: AppContext = ctx.obj
    db = app.open_db(write=False)
    with db.reader() as session:
        found = list_rounds(session, states=states or OPEN)
    if mine:
        found = [r for r in found if r.waits_for(app.analyst)]
    if output == "jsonl":
        write_jsonl(_record(r) for r in found)
        return
    from rich.table import Table

    rounds = "round" if len(found) == 1 else "rounds"
    table = Table(title=f"Second review: {len(found)} {rounds}", title_justify="left")
    for name in ("id", "state", "first", "second", "actor", "proposition"):
        table.add_column(name, overflow="fold" if name == "proposition" else "ellipsis")
    for r in found:
        second = f"{r.second.analyst}: {r.second.verdict}" if r.second else "—"
        table.add_row(
            str(r.statement.id),
            r.state,
            cell(f"{r.first.analyst}: {r.first.verdict}"),
            cell(second),
            cell(r.statement.actor, 24),
            cell(r.statement.proposition, 60),
        )
    console().print(table)


@reviews.command("show")
@click.argument("statement_id", type=ROW_ID)
@click.pass_obj
def show_round(app: AppContext, statement_id: int) -> None:
    """Both analysts' cases side by side: verdict, reason, evidence and notes."""
    from rich.table import Table

    from workbench.errors import NotFound
    from workbench.services.second_review import get_round

    db = app.open_db(write=False)
    with db.reader() as session:
        found = get_round(session, statement_id)
    if found is None:
        raise NotFound(
            f"statement {statement_id} has no second review",
            where="reviews",
            hint="list the rounds with `workbench reviews`",
        )
    out = console()
    row = found.statement
    out.print(cell(f"#{row.id} [{found.state}] {row.actor or row.speaker}: {row.proposition}"))
    table = Table(show_lines=True)
    table.add_column("")
    sides = [s for s in (found.first, found.second) if s is not None]
    for side in sides:
        table.add_column(cell(side.analyst))
    table.add_row("verdict", *(status_label(s.verdict) for s in sides))
    table.add_row("why", *(cell(s.note or "—") for s in sides))
    table.add_row(
        "evidence",
        *(cell("; ".join(f"{r}: {u}" for r, u, _t in s.evidence) or "—") for s in sides),
    )
    table.add_row("notes", *(cell(" | ".join(s.notes) or "—") for s in sides))
    out.print(table)
    if found.decided_by:
        out.print(
            cell(f"decided {found.decided_verdict} by {found.decided_by}: {found.decided_reason}")
        )
    elif found.state == "disputed" and found.second is not None:
        out.print(
            cell(
                f"a third analyst, not {found.first.analyst} or {found.second.analyst}, may "
                f"decide with `workbench verdict {row.id} VERDICT --override --note REASON`"
            ),
            markup=False,
        )


@click.group(invoke_without_command=True)
@click.pass_context
def settings(ctx: click.Context) -> None:
    """Settings of this database, shared by every analyst who opens it."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.table import Table

    from workbench.services.settings import all_settings

    app: AppContext = ctx.obj
    db = app.open_db(write=False)
    with db.reader() as session:
        found = all_settings(session)
    table = Table()
    for name in ("setting", "value", "set by", "what it does"):
        table.add_column(name)
    for key, value, by, about in found:
        table.add_row(key, value, cell(by or "(default)"), about)
    console().print(table)


@settings.command("set")
@click.argument("key")
@click.argument("value")
@click.pass_obj
def set_setting(app: AppContext, key: str, value: str) -> None:
    """Change a setting (e.g. `workbench settings set second-review on`); recorded in history."""
    from workbench.services.changes import apply_change
    from workbench.services.settings import ChangeSetting

    db = app.open_db(write=True)
    with db.transaction() as session:
        applied = apply_change(session, ChangeSetting(key, value), analyst=app.analyst)
    click.echo(applied.message)


def register(group: click.Group) -> None:
    group.add_command(reviews)
    group.add_command(settings)
