"""`workbench demo`: a fresh database built from the bundled sample articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from workbench.cli.context import AppContext
from workbench.errors import DatabaseProblem


def _terminal() -> bool:
    from workbench.cli.tui import has_terminal  # Textual itself is not imported by this

    return has_terminal()


def demo_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("workbench")) / "demo.db"


def build_demo_database(target: Path, *, analyst: str) -> tuple[int, int]:
    """Rebuild `target` from the samples; returns (sources, statements)."""
    from importlib.resources import as_file, files

    from workbench.config import Settings
    from workbench.db.engine import Database
    from workbench.db.schema import upgrade_to_head
    from workbench.ingest.metadata import Metadata
    from workbench.services.ingesting import ingest_paths

    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    db = Database.open(str(target))
    try:
        upgrade_to_head(db)
        with as_file(files("workbench.samples")) as folder:
            summary = ingest_paths(
                db,
                [Path(folder)],
                metadata=Metadata(),
                input_format="auto",
                analyst=analyst,
                settings=Settings(),
            )
        with db.transaction() as session:
            _set_disclaimers_aside(session)
    finally:
        db.dispose()
    return summary.sources, summary.statements


def _set_disclaimers_aside(session: Any) -> None:
    """Each sample ends by saying it is fictional. The extractor rightly reads that as the
    outlet asserting something, but it is no claim to check, and as the one sentence every
    sample shares it would top `workbench claims --across`: it is dismissed, with the reason
    in its history."""
    from workbench.cli.demo_backup import DEMO_ANALYST
    from workbench.services.changes import Dismiss, apply_change
    from workbench.services.statements import StatementFilter, list_statements

    for phrase in ("fictional sample", "quotes are invented"):
        found = list_statements(session, StatementFilter(search=f'"{phrase}"'), limit=1000)
        for row in found:
            if not row.dismissed:
                change = Dismiss(row.id, note="the sample's disclaimer: not a claim to check")
                apply_change(session, change, analyst=DEMO_ANALYST)


def _holds_only_demo_data(target: Path) -> bool:
    """True for a missing or empty file, or a database whose every source is a bundled sample.

    `demo` deletes and rebuilds its database: pointed by mistake at an analyst's own database
    (`workbench --db work.db demo`), it must refuse rather than destroy the work.
    """
    import sqlite3
    from importlib.resources import files

    if not target.exists() or target.stat().st_size == 0:
        return True
    samples = {entry.name for entry in files("workbench.samples").iterdir()}
    try:
        connection = sqlite3.connect(f"file:{target.resolve()}?mode=ro", uri=True)
        try:
            origins = [row[0] for row in connection.execute("SELECT origin FROM source")]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False  # not a database, or not ours: not the demo's to delete
    return all(
        origin
        and Path(origin.split(".jsonl:")[0] + ".jsonl" if ".jsonl:" in origin else origin).name
        in samples
        for origin in origins
    )


@click.command()
@click.option(
    "--print",
    "print_only",
    is_flag=True,
    help="Print the statements instead of opening the review screen.",
)
@click.pass_obj
def demo(app: AppContext, print_only: bool) -> None:
    """Build a fresh demo database from the bundled sample articles and open it."""
    target = Path(app._database_option) if app._database_option else demo_database_path()
    if app._database_option and not _holds_only_demo_data(target):
        raise DatabaseProblem(
            "already holds work that is not the demo: the demo would replace it",
            where=str(target),
            hint="give --db a new path, or leave --db out to use the demo's own database",
        )
    from workbench.cli.demo_backup import holds_analyst_work, keep_backup

    if holds_analyst_work(target):
        backup = keep_backup(target)
        click.echo(
            f"your earlier demo work is kept in {backup} (open it with `workbench --db {backup}`)",
            err=True,
        )
    sources, statements = build_demo_database(target, analyst=app.analyst)
    click.echo(f"demo database {target}: {sources} sources, {statements} statements", err=True)
    app._database_option = str(target)
    app.__dict__.pop("settings", None)
    ctx = click.get_current_context()
    review = ctx.parent.command.get_command(ctx.parent, "review") if ctx.parent else None  # type: ignore[union-attr]
    if review is not None and not print_only and not _terminal():
        click.echo("no terminal to open the review screen in: printing the statements", err=True)
        print_only = True
    if review is None or print_only:
        from workbench.cli.statements import statements as list_statements

        ctx.invoke(
            list_statements,
            statuses=(),
            source_ids=(),
            actors=(),
            stances=(),
            changed_by=None,
            search="",
            include_dismissed=False,
            limit=None,
            output="table",
        )
        return
    ctx.invoke(review)


def register(group: click.Group) -> None:
    group.add_command(demo)
