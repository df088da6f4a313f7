"""Correcting the extraction from the command line: edit, split, merge, dismiss, restore."""

from __future__ import annotations

import click

from workbench.cli.context import AppContext
from workbench.cli.correction_report import describe_corrections
from workbench.cli.params import ROW_ID
from workbench.extract.model import ACTOR_KINDS


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.option("--speaker", default=None, help="The speaker as written.")
@click.option("--actor", default=None, help="The actor (an existing or new name).")
@click.option("--content", default=None, help="The content (text from the article keeps offsets).")
@click.option("--proposition", default=None, help="The checkable proposition.")
@click.option("--stance", type=click.Choice(["asserts", "denies", "questions"]), default=None)
@click.option(
    "--actor-kind",
    type=click.Choice(ACTOR_KINDS),
    default=None,
    help="What the actor is (changes the actor everywhere).",
)
@click.option("--affiliation", default=None, help="The actor's affiliation (\"\" clears it).")
@click.option("--note", default="", help="Why: kept in the history.")
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
) -> None:
    """Correct who said it, what was said, the stance, or what the actor is."""
    from workbench.errors import InvalidInput
    from workbench.services.history import statement_history
    from workbench.services.review import correct_statement

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
        row = correct_statement(
            session,
            statement_id=statement_id,
            analyst=app.analyst,
            speaker=speaker,
            actor=actor,
            content=content,
            proposition=proposition,
            stance=stance,
            note=note,
            actor_kind=actor_kind,
            affiliation=affiliation,
        )
        changed = statement_history(session, statement_id)[seen:]
    click.echo(f"statement {row.id}: version {row.version}")
    for line in describe_corrections(
        changed, content_given=content is not None, proposition_given=proposition is not None
    ):
        click.echo(line)


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.option("--note", default="", help="Why it is not checkable.")
@click.option("--restore", is_flag=True, help="Bring a dismissed statement back.")
@click.pass_obj
def dismiss(app: AppContext, statement_id: int, note: str, restore: bool) -> None:
    """Set a statement aside as not checkable (opinion, boilerplate)."""
    from workbench.services.review import dismiss_statement

    db = app.open_db(write=True)
    with db.transaction() as session:
        row = dismiss_statement(
            session,
            statement_id=statement_id,
            analyst=app.analyst,
            note=note,
            dismissed=not restore,
        )
    click.echo(f"statement {row.id}: {'dismissed' if row.dismissed else 'restored'}")


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.argument("at", type=int, metavar="OFFSET")
@click.pass_obj
def split(app: AppContext, statement_id: int, at: int) -> None:
    """Split a statement's content in two at a character OFFSET of the source text.

    An offset inside a word moves to the start of that word, as the review screen splits.
    """
    from workbench.services.review import split_statement

    db = app.open_db(write=True)
    with db.transaction() as session:
        first, second = split_statement(
            session, statement_id=statement_id, at=at, analyst=app.analyst
        )
    click.echo(
        f"statement {first.id} split before “{second.content[:30]}”"
        f"; the second part is statement {second.id}"
    )


@click.command()
@click.argument("keep_id", type=ROW_ID)
@click.argument("merge_id", type=ROW_ID)
@click.pass_obj
def merge(app: AppContext, keep_id: int, merge_id: int) -> None:
    """Merge statement MERGE_ID into KEEP_ID (same source)."""
    from workbench.services.review import merge_statements

    db = app.open_db(write=True)
    with db.transaction() as session:
        row = merge_statements(session, keep_id=keep_id, merge_id=merge_id, analyst=app.analyst)
    click.echo(f"statement {merge_id} merged into {row.id}")


def register(group: click.Group) -> None:
    for command in (correct, dismiss, split, merge):
        group.add_command(command)
