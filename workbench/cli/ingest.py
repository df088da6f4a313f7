"""`workbench ingest`: files and folders into the database, one transaction per source."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from workbench.cli.context import AppContext
from workbench.cli.output import shorten
from workbench.cli.params import non_empty_paths
from workbench.errors import InvalidInput

if TYPE_CHECKING:
    from sqlmodel import Session

    from workbench.db.engine import Database


@click.command()
@click.argument("paths", nargs=-1, required=True, callback=non_empty_paths)
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
    help="How to read the files (auto: by their extension).",
)
@click.pass_obj
def ingest(
    app: AppContext,
    paths: tuple[str, ...],
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

    files = [Path(path) for path in paths]
    metadata = Metadata(
        title=optional_text(title, where="--title"),
        url=parse_url(url, where="--url"),
        outlet=optional_text(outlet, where="--outlet"),
        author=optional_text(author, where="--author"),
        published=parse_date(published, where="--published"),
    )
    one_article = (
        len(files) == 1 and not files[0].is_dir() and not _is_jsonl(files[0], input_format)
    )
    if (url or title) and not one_article:
        raise InvalidInput(
            "--url and --title describe one article",
            where="--url/--title",
            hint="give one .txt, .md or .html file; JSONL lines carry their own url and title",
        )
    db = _database_for_ingest(app)
    with _progress_bar(len(files) > 1 or any(p.is_dir() for p in files)) as advance:
        summary: IngestSummary = ingest_paths(
            db,
            files,
            metadata=metadata,
            input_format=input_format,
            analyst=app.analyst,
            settings=app.settings,
            progress=advance,
            total=advance.set_total if advance else None,
        )
    from workbench.invisible import show_invisible

    for message in summary.messages:
        click.echo(show_invisible(message), err=True)  # file names are shown, never obeyed
    click.echo(summary.line())
    if summary.errors and not summary.sources and not summary.duplicates:
        raise SystemExit(2)
    if summary.errors:
        raise SystemExit(1)


def _is_jsonl(path: Path, input_format: str) -> bool:
    """A JSONL file holds many articles: one --url or --title cannot describe them all."""
    from workbench.ingest.readers import detect_format

    return detect_format(path, input_format) == "jsonl"


def _database_for_ingest(app: AppContext) -> Database:
    """The database, or for a path that does not exist yet, one created on the first write.

    Bad input must leave nothing behind: a missing, empty or binary file is reported without an
    empty `workbench.db` appearing next to it.
    """
    from workbench.db.engine import Database, is_url

    target = app.settings.database
    if is_url(target) or Path(target).expanduser().exists():
        return app.open_db(write=True, create=True, bulk=True)
    Database.open(target).dispose()  # checks the folder exists; creates nothing
    return cast(Database, _CreatedOnFirstWrite(app))


class _CreatedOnFirstWrite:
    """Stands in for a Database until ingest has something to store."""

    def __init__(self, app: AppContext) -> None:
        self._app = app

    def _db(self) -> Database:
        return self._app.open_db(write=True, create=True, bulk=True)

    @contextmanager
    def transaction(self, *, bulk: bool = False) -> Iterator[Session]:
        with self._db().transaction(bulk=bulk) as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """For linking a corpus's claims, after the first write created the file."""
        with self._db().reader() as session:
            yield session

    @property
    def dialect(self) -> str:
        return self._db().dialect


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
