"""Correcting the extraction from the command line: edit, split, merge, dismiss, restore."""

from __future__ import annotations

import click

from workbench.cli.context import AppContext
from workbench.cli.correction_report import describe_corrections
from workbench.cli.params import ROW_ID, expect_version_option
from workbench.vocabulary import ACTOR_KINDS, STANCES


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.option("--speaker", default=None, help="The speaker as written.")
@click.option("--actor", default=None, help="The actor (an existing or new name).")
@click.option("--content", default=None, help="The content (text from the article keeps offsets).")
@click.option("--proposition", default=None, help="The checkable proposition.")
@click.option("--stance", type=click.Choice(STANCES), default=None)
@click.option(
    "--actor-kind",
    type=click.Choice(ACTOR_KINDS),
    default=None,
    help="What the actor is (changes the actor everywhere).",
)
@click.option("--affiliation", default=None, help='The actor\'s affiliation ("" clears it).')
@click.option("--note", default="", help="Why: kept in the history.")
@expect_version_option()
@click.pass_obj
def correct(
    app: AppContext,
    statement_id: int,
    speaker: str | None,
    actor: str | None,
    content: str | None,
    proposition: str | None,
    stance: str | None,
    actor_kind: str | None,
    affiliation: str | None,
    note: str,
    expect_version: int | None,
) -> None:
    """Correct who said it, what was said, the stance, or what the actor is."""
    from workbench.errors import InvalidInput
    from workbench.services.changes import Correct, apply_change
    from workbench.services.history import statement_history

    given = (speaker, actor, content, proposition, stance, actor_kind, affiliation)
    if given == (None,) * 7:
        raise InvalidInput(
            "nothing to correct",
            where="correct",
            hint="give --speaker, --actor, --content, --proposition, --stance, --actor-kind "
            "or --affiliation" + ("; add a note alone with `workbench note`" if note else ""),
        )
    db = app.open_db(write=True)
    with db.transaction() as session:
        seen = len(statement_history(session, statement_id))
        change = Correct(
            statement_id,
            speaker,
            actor,
            content,
            proposition,
            stance,
            note,
            actor_kind,
            affiliation,
        )
        applied = apply_change(
            session, change, analyst=app.analyst, expected_version=expect_version
        )
        changed = statement_history(session, statement_id)[seen:]
    row = applied.rows[0]
    click.echo(f"statement {row.id}: version {row.version}")
    for line in describe_corrections(
        changed, content_given=content is not None, proposition_given=proposition is not None
    ):
        click.echo(line)


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.option("--note", default="", help="Why it is not checkable.")
@click.option("--restore", is_flag=True, help="Bring a dismissed statement back.")
@expect_version_option()
@click.pass_obj
def dismiss(
    app: AppContext, statement_id: int, note: str, restore: bool, expect_version: int | None
) -> None:
    """Set a statement aside as not checkable (opinion, boilerplate)."""
    from workbench.services.changes import Dismiss, apply_change

    db = app.open_db(write=True)
    with db.transaction() as session:
        change = Dismiss(statement_id, not restore, note)
        applied = apply_change(
            session, change, analyst=app.analyst, expected_version=expect_version
        )
    row = applied.rows[0]
    click.echo(f"statement {row.id}: {'dismissed' if row.dismissed else 'restored'}")


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.argument("at", type=int, metavar="OFFSET")
@expect_version_option()
@click.pass_obj
def split(app: AppContext, statement_id: int, at: int, expect_version: int | None) -> None:
    """Split a statement's content in two at a character OFFSET of the source text.

    An offset inside a word moves to the start of that word, as the review screen splits.
    """
    from workbench.services.changes import Split, apply_change

    db = app.open_db(write=True)
    with db.transaction() as session:
        applied = apply_change(
            session, Split(statement_id, at), analyst=app.analyst, expected_version=expect_version
        )
    first, second = applied.rows
    click.echo(
        f"statement {first.id} split before “{second.content[:30]}”"
        f"; the second part is statement {second.id}"
    )


@click.command()
@click.argument("keep_id", type=ROW_ID)
@click.argument("merge_id", type=ROW_ID)
@expect_version_option("KEEP_ID")
@click.pass_obj
def merge(app: AppContext, keep_id: int, merge_id: int, expect_version: int | None) -> None:
    """Merge statement MERGE_ID into KEEP_ID (same source)."""
    from workbench.services.changes import Merge, apply_change

    db = app.open_db(write=True)
    with db.transaction() as session:
        applied = apply_change(
            session, Merge(keep_id, merge_id), analyst=app.analyst, expected_version=expect_version
        )
    row = applied.rows[0]
    click.echo(f"statement {merge_id} merged into {row.id}")


def register(group: click.Group) -> None:
    for command in (correct, dismiss, split, merge):
        group.add_command(command)
