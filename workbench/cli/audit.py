"""`workbench audit`: the history's hash chain, its head and its check."""

from __future__ import annotations

import click

from workbench.cli.context import AppContext


@click.group()
def audit() -> None:
    """The tamper-evident history: every change sealed into a hash chain."""


@audit.command("head")
@click.pass_obj
def audit_head(app: AppContext) -> None:
    """Print the chain's head: write it down or publish it; `verify --head` checks against it."""
    from workbench.db.audit import head

    db = app.open_db(write=False)
    with db.reader() as session:
        count, digest = head(session.connection())
    click.echo(f"{digest} {count}")


@audit.command("verify")
@click.option(
    "--head", "expected", default=None, metavar="HASH", help="A head written down earlier."
)
@click.pass_obj
def audit_verify(app: AppContext, expected: str | None) -> None:
    """Walk the chain; name the first event that does not match (exit 1), else count them."""
    from workbench.db.audit import verify, walk

    db = app.open_db(write=False)
    with db.reader() as session:
        connection = session.connection()
        count, finding = verify(connection)
        known = expected is None or any(
            stored == expected.strip().lower() for *_, stored, _event in walk(connection)
        )
    if finding is not None:
        where = f"event {finding.event_id}" if finding.event_id is not None else "the chain"
        click.echo(
            f"audit: {where} (seal {finding.seq}): {finding.problem}; "
            f"{count} events before it verify",
            err=True,
        )
        raise SystemExit(1)
    if not known:
        click.echo(
            f"audit: the head {expected} is not in this chain: history was rewritten since "
            "it was written down (or it belongs to another database)",
            err=True,
        )
        raise SystemExit(1)
    click.echo(f"audit: {count} events verify")


def register(group: click.Group) -> None:
    group.add_command(audit)
