"""`workbench ingest`: files and folders into the database, one transaction per source."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from workbench.cli.context import AppContext
from workbench.cli.output import shorten
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
    with _progress_bar(len(paths) > 1 or any(p.is_dir() for p in paths)) as advance:
        summary: IngestSummary = ingest_paths(
            db,
            list(paths),
            metadata=metadata,
            input_format=input_format,
            analyst=app.analyst,
            settings=app.settings,
            progress=advance,
            total=advance.set_total if advance else None,
        )
    for message in summary.messages:
        click.echo(message, err=True)
    click.echo(summary.line())
    if summary.errors and not summary.sources and not summary.duplicates:
        raise SystemExit(2)
    if summary.errors:
        raise SystemExit(1)


class _Advance:
    """The progress callback: one step per file, on a Rich bar written to stderr."""

    def __init__(self, progress: Any) -> None:
        self.progress = progress
        self.task = progress.add_task("ingesting", total=None)

    def set_total(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def __call__(self, path: Path) -> None:
        self.progress.update(self.task, advance=1, description=shorten(path.name, 40))


@contextmanager
def _progress_bar(bulk: bool) -> Iterator[_Advance | None]:
    """A bar for bulk ingests on a terminal; nothing for one file or when piped."""
    import sys

    if not bulk or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield _Advance(progress)


def register(group: click.Group) -> None:
    group.add_command(ingest)
