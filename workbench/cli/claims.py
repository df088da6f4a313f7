"""`workbench claims`: one proposition across sources, with every actor's position on it."""

from __future__ import annotations

from itertools import islice
from typing import Any

import click

from workbench.cli.context import AppContext
from workbench.cli.output import cell, console, status_label, write_jsonl
from workbench.cli.params import COUNT, ROW_ID, expect_version_option
from workbench.vocabulary import STATUSES


def _record(view: Any) -> dict[str, Any]:
    return {
        "id": view.id,
        "proposition": view.proposition,
        "verdict": view.verdict,
        "rationale": view.rationale,
        "version": view.version,
        "inconsistent": view.inconsistent,
        "sources": len(view.sources),
        "statements": [
            {
                "id": s.id,
                "source_id": s.source_id,
                "actor": s.actor,
                "stance": s.stance,
                "status": s.status,
            }
            for s in view.live
        ],
    }


@click.group(invoke_without_command=True)
@click.option("--inconsistent", is_flag=True, help="Only claims whose verdicts contradict.")
@click.option("--across", is_flag=True, help="Only claims carried by more than one source.")
@click.option(
    "--format", "output", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.option("--limit", type=COUNT, default=None, help="At most this many (most carried first).")
@click.pass_context
def claims(
    ctx: click.Context, inconsistent: bool, across: bool, output: str, limit: int | None
) -> None:
    """Claims across sources: each proposition, its verdict, and who asserts or denies it.

    With no subcommand, lists them (most widely carried first).
    """
    if ctx.invoked_subcommand is not None:
        return
    from rich.table import Table

    from workbench.services.claims import iter_claims

    app: AppContext = ctx.obj
    db = app.open_db(write=False)
    with db.reader() as session:
        found = islice(iter_claims(session, inconsistent=inconsistent, multi_source=across), limit)
        if output == "jsonl":  # streamed: a million statements' claims never sit in memory
            write_jsonl(_record(v) for v in found)
            return
        views = list(found)
    table = Table(title=f"{len(views)} claims", title_justify="left")
    table.add_column("id", no_wrap=True, justify="right")
    table.add_column("claim", overflow="fold", ratio=3)
    table.add_column("verdict", no_wrap=True)
    table.add_column("positions", overflow="fold", ratio=2)
    table.add_column("sources", justify="right", no_wrap=True)
    for v in views:
        verdict = status_label(v.verdict) + (
            " [bold red]⚠ inconsistent[/]" if v.inconsistent else ""
        )
        positions = "; ".join(
            f"{stance}: {', '.join(names)}" for stance, names in v.positions().items()
        )
        table.add_row(
            str(v.id), cell(v.proposition, 200), verdict, cell(positions, 200), str(len(v.sources))
        )
    console().print(table)


@claims.command("show")
@click.argument("claim_id", type=ROW_ID)
@click.pass_obj
def show_claim(app: AppContext, claim_id: int) -> None:
    """One claim: the proposition, its verdict, each actor's position and every source."""
    from workbench.cli.output import shorten
    from workbench.services.claims import get_claim, link_label, verdict_in_words

    db = app.open_db(write=False)
    with db.reader() as session:
        view = get_claim(session, claim_id)
    click.echo(f"claim {view.id}: {shorten(view.proposition, 500)}")
    flag = "  (INCONSISTENT: its verdicts contradict; not exported as a rating)"
    click.echo(
        f"verdict: {view.verdict} (version {view.version})" + (flag if view.inconsistent else "")
    )
    if view.rationale:
        click.echo(f"rationale: {shorten(view.rationale, 1000)}")
    for stance, names in view.positions().items():
        click.echo(f"{stance}: {shorten(', '.join(names), 500)}")
    click.echo(f"carried by {len(view.sources)} source(s):")
    for s in view.live:
        where = " · ".join(x for x in (s.outlet, str(s.published or "")) if x)
        words = verdict_in_words(s.stance, s.status, s.actor)
        actor = shorten(s.actor or "(unknown)", 40)
        click.echo(
            f"  #{s.id} [{s.source_id}] {shorten(s.source_title, 60)}"
            + (f" ({shorten(where, 60)})" if where else "")
            + f": {actor} {s.stance}, {s.status} — {shorten(words, 200)}"
            + f"  [{link_label(s)}]"
        )


@claims.command("verdict")
@click.argument("claim_id", type=ROW_ID)
@click.argument("verdict", type=click.Choice(STATUSES))
@click.option("--rationale", default="", help="Why: shown in reports and the ClaimReview.")
@click.option(
    "--apply",
    "apply_",
    is_flag=True,
    help="Also set each statement to the matching reading (a denial gets the opposite).",
)
@expect_version_option("the claim")
@click.pass_obj
def claim_verdict(
    app: AppContext,
    claim_id: int,
    verdict: str,
    rationale: str,
    apply_: bool,
    expect_version: int | None,
) -> None:
    """Record the verdict on a claim's proposition (confirmed: it holds)."""
    from workbench.services.changes import apply_change
    from workbench.services.claim_changes import SetClaimVerdict
    from workbench.services.claims import get_claim

    db = app.open_db(write=True)
    with db.transaction() as session:
        change = SetClaimVerdict(claim_id, verdict, rationale, apply_)
        applied = apply_change(
            session, change, analyst=app.analyst, expected_version=expect_version
        )
        view = get_claim(session, claim_id)
    click.echo(applied.message)
    if view.inconsistent:
        click.echo(
            f"warning: claim {claim_id} is inconsistent: its statements' verdicts contradict "
            "it (see `workbench claims show`; --apply sets them to match)",
            err=True,
        )


def _apply(app: AppContext, change: Any, expect_version: int | None) -> None:
    """One claim change on the typed path, in one transaction; prints what it did."""
    from workbench.services.changes import apply_change

    db = app.open_db(write=True)
    with db.transaction() as session:
        applied = apply_change(
            session, change, analyst=app.analyst, expected_version=expect_version
        )
    click.echo(applied.message)


@claims.command("link")
@click.argument("statement_id", type=ROW_ID)
@click.argument("claim_id", type=ROW_ID)
@expect_version_option("the claim")
@click.pass_obj
def link(app: AppContext, statement_id: int, claim_id: int, expect_version: int | None) -> None:
    """Put a statement in a claim (an analyst's link: kept through `claims rebuild`)."""
    from workbench.services.claim_changes import LinkToClaim

    _apply(app, LinkToClaim(statement_id, claim_id), expect_version)


@claims.command("unlink")
@click.argument("statement_id", type=ROW_ID)
@click.pass_obj
def unlink(app: AppContext, statement_id: int) -> None:
    """Take a statement out of its claim; it gets a claim of its own (kept through rebuilds)."""
    from workbench.services.claim_changes import UnlinkFromClaim

    _apply(app, UnlinkFromClaim(statement_id), None)


@claims.command("merge")
@click.argument("claim_id", type=ROW_ID)
@click.argument("into_id", type=ROW_ID)
@expect_version_option("the claim kept (INTO_ID)")
@click.pass_obj
def merge(app: AppContext, claim_id: int, into_id: int, expect_version: int | None) -> None:
    """Fold claim CLAIM_ID into INTO_ID: its statements move (kept through `claims rebuild`);
    INTO_ID keeps its verdict."""
    from workbench.services.claim_changes import MergeClaims

    _apply(app, MergeClaims(claim_id, into_id), expect_version)


@claims.command("rebuild")
@click.pass_obj
def rebuild(app: AppContext) -> None:
    """Regroup every statement into claims (analysts' links and verdicts are kept)."""
    from workbench.services.claims import rebuild_claims

    db = app.open_db(write=True)
    with db.transaction() as session:
        summary = rebuild_claims(session, analyst=app.analyst)
    click.echo(summary.line())


def register(group: click.Group) -> None:
    group.add_command(claims)
