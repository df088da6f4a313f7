"""`workbench export`, `workbench import` and `workbench conflicts`: hand work to a colleague."""

from __future__ import annotations

import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

import click

from workbench.cli.context import AppContext
from workbench.cli.params import ROW_ID, non_empty_paths
from workbench.errors import InvalidInput

FORMATS = (
    "md",
    "html",
    "json",
    "csv",
    "claimreview",
)  # workbench.export.FORMATS, without the import


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """UTF-8 to stdout, or to a file that appears only once it is complete."""
    if path is None:
        # UTF-8 whatever the locale says, and "\r\n" (CSV) written as is, never translated.
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            yield stream
            stream.flush()
        finally:
            stream.detach()
        return
    if path.exists() and not path.is_file():
        # A pipe, /dev/stdout or a terminal: write into it. Renaming a finished file over it
        # would replace the pipe (or, run as root, a device such as /dev/null) with a file.
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    folder = path.resolve().parent
    if not folder.is_dir():
        raise InvalidInput(f"folder {folder} does not exist", where=str(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        # mkstemp makes the file private (0600); the report gets what `path` has, or would get.
        os.chmod(temporary, _file_mode(path))
        with open(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _file_mode(path: Path) -> int:
    """The permissions of the file being replaced, else those of a new file (0666 less umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _since(value: str | None) -> date | None:
    """`--since`: the same dates, and the same one-line errors, as `ingest --published`."""
    from workbench.ingest.metadata import parse_date

    return parse_date(value, where="--since")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    callback=non_empty_paths,
    help="Write to this file instead of stdout.",
)
@click.option("--source", "source_ids", multiple=True, type=ROW_ID, help="Source id (repeatable).")
@click.option(
    "--status", "statuses", multiple=True, help="unverified, confirmed or disputed (repeatable)."
)
@click.option("--actor", "actors", multiple=True, help="Actor name or alias (repeatable).")
@click.option(
    "--since",
    callback=lambda _ctx, _param, value: _since(value),
    metavar="YYYY-MM-DD",
    help="Sources published on or after this date (ingest date when unknown).",
)
@click.option("--analyst", "changed_by", help="Only statements last changed by this analyst.")
@click.option(
    "--include-dismissed", is_flag=True, help="Also dismissed statements (json always has them)."
)
@click.option(
    "--include-unverified", is_flag=True, help="claimreview: also statements without a verdict."
)
@click.pass_obj
def export(
    app: AppContext,
    fmt: str,
    output: str | None,
    source_ids: tuple[int, ...],
    statuses: tuple[str, ...],
    actors: tuple[str, ...],
    since: date | None,
    changed_by: str | None,
    include_dismissed: bool,
    include_unverified: bool,
) -> None:
    """Export statements as a report (md, html), data (json, csv) or ClaimReview JSON-LD."""
    from workbench.export import ExportOptions, write_export
    from workbench.services.reporting import ExportScope
    from workbench.services.statements import StatementFilter

    flt = StatementFilter(
        statuses=statuses,
        source_ids=source_ids,
        actors=actors,
        analyst=changed_by,
        include_dismissed=include_dismissed or fmt == "json",
    )
    options = ExportOptions(
        scope=ExportScope(statements=flt, since=since),
        organisation=app.settings.organisation,
        organisation_url=app.settings.organisation_url,
        include_unverified=include_unverified,
    )
    target = Path(output) if output is not None else None
    db = app.open_db(write=False)
    with db.reader() as session, _output(target) as stream:
        notices = write_export(session, fmt, stream, options)
    for notice in notices:
        click.echo(f"note: {notice}", err=True)
    if output is not None:
        click.echo(f"wrote {output}", err=True)


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def import_(app: AppContext, file: Path) -> None:
    """Import another database's work from its `export --format json` file."""
    from workbench.services.exchange import ExportFile
    from workbench.services.import_reader import seekable
    from workbench.services.importing import import_in_batches

    origin = str(file)
    try:
        opened = file.open("rb")
    except FileNotFoundError:
        raise InvalidInput("no such file", where=origin) from None
    except OSError as error:
        raise InvalidInput(f"cannot read: {error.strerror}", where=origin) from None
    with opened, seekable(opened, origin) as handle:
        # The whole file is checked before the database is opened: a file cut short or not
        # JSON never creates a database or takes the write lock.
        export = ExportFile.check(handle, origin)
        # Import may create: handing work to a colleague's new database is its purpose, and
        # the checked file fills it (unlike `verdict` on a mistyped --db, which left it empty).
        db = app.open_db(write=True, create=True, bulk=True)
        # Checked whole, then written in short batches: an analyst's verdict never waits
        # for the whole import. A killed import is rerun to complete it (docs/reliability.md).
        # Imported statements join claims, and a large import gets fresh statistics.
        summary = import_in_batches(db, export, analyst=app.analyst)
    click.echo(f"imported {file}: {summary.line()}")
    if summary.conflicts:
        click.echo("review them with `workbench conflicts`, settle them with `workbench resolve`")


@click.command()
@click.option("--all", "include_resolved", is_flag=True, help="Also resolved conflicts.")
@click.pass_obj
def conflicts(app: AppContext, include_resolved: bool) -> None:
    """List disagreements recorded by imports, waiting for an analyst's decision."""
    from rich.table import Table
    from rich.text import Text

    from workbench.cli.output import console, shorten
    from workbench.services.reporting import list_conflicts

    db = app.open_db(write=False)
    with db.reader() as session:
        views = list_conflicts(session, include_resolved=include_resolved)
    table = Table(title=f"{len(views)} conflicts", title_justify="left")
    for name in ("id", "statement", "field", "here", "incoming", "by", "at", "from"):
        table.add_column(name)
    for v in views:
        cells = (
            str(v.id),
            str(v.statement_id),
            v.field,
            v.local_value or "",
            v.incoming_value or "",
            shorten(v.incoming_analyst, 20),
            v.incoming_at.strftime("%Y-%m-%d %H:%M") if v.incoming_at else "",
            shorten(v.origin, 30),
        )
        table.add_row(*(Text(cell) for cell in cells))  # database text is never Rich markup
    console().print(table)


@click.command()
@click.argument("conflict_id", type=ROW_ID)
@click.argument("keep", type=click.Choice(["here", "incoming"]))
@click.option("--note", default="", help="Why: kept in the statement's history.")
@click.pass_obj
def resolve(app: AppContext, conflict_id: int, keep: str, note: str) -> None:
    """Settle a conflict: keep the value HERE or take the INCOMING one."""
    from workbench.services.conflicts import resolve_conflict

    db = app.open_db(write=True)
    with db.transaction() as session:
        chosen = resolve_conflict(
            session, conflict_id=conflict_id, keep=keep, analyst=app.analyst, note=note
        )
    click.echo(f"conflict {conflict_id} resolved: {chosen} stands")


def register(group: click.Group) -> None:
    group.add_command(export)
    group.add_command(import_)
    group.add_command(conflicts)
    group.add_command(resolve)
