"""`workbench ingest`: files and folders into the database, one transaction per source."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.context import AppContext
from workbench.errors import InvalidInput


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", help="The article's URL (single file).")
@click.option("--outlet", help="The outlet that published it.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date.")
@click.option("--title", help="The article's title.")
@click.option("--author", help="The article's author.")
@click.option(
    "--format",
    "input_format",
    type=click.Choice(["auto", "text", "md", "html", "jsonl"]),
    default="auto",
    show_default=True,
)
@click.pass_obj
def ingest(
    app: AppContext,
    paths: tuple[Path, ...],
    url: str | None,
    outlet: str | None,
    published: str | None,
    title: str | None,
    author: str | None,
    input_format: str,
) -> None:
    """Add articles (.txt, .md, .html, .jsonl, or folders of them) and their statements."""
    from workbench.ingest.metadata import Metadata, optional_text, parse_date, parse_url
    from workbench.services.ingesting import IngestSummary, ingest_paths

    metadata = Metadata(
        title=optional_text(title, where="--title"),
        url=parse_url(url, where="--url"),
        outlet=optional_text(outlet, where="--outlet"),
        author=optional_text(author, where="--author"),
        published=parse_date(published, where="--published"),
    )
    if (url or title) and (len(paths) > 1 or any(p.is_dir() for p in paths)):
        raise InvalidInput(
            "--url and --title describe one article",
            where="--url/--title",
            hint="give a single file",
        )
    db = app.open_db(write=True)
    summary: IngestSummary = ingest_paths(
        db,
        list(paths),
        metadata=metadata,
        input_format=input_format,
        analyst=app.analyst,
        settings=app.settings,
    )
    for message in summary.messages:
        click.echo(message, err=True)
    click.echo(summary.line())
    if summary.errors and not summary.sources and not summary.duplicates:
        raise SystemExit(2)
    if summary.errors:
        raise SystemExit(1)


def register(group: click.Group) -> None:
    group.add_command(ingest)
