"""`workbench extract`: statements from files or stdin, printed, no database involved."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbench.cli.context import AppContext
from workbench.cli.output import console, shorten, write_jsonl


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "output", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
@click.option(
    "--input-format", type=click.Choice(["auto", "text", "md", "html", "jsonl"]), default="auto"
)
@click.option("--outlet", help="Name the outlet whose own voice unattributed sentences are in.")
@click.pass_obj
def extract(
    app: AppContext, paths: tuple[str, ...], output: str, input_format: str, outlet: str | None
) -> None:
    """Print the attributed statements in PATHS ("-" reads standard input)."""
    from workbench.errors import InvalidInput
    from workbench.extract import extract as extract_statements
    from workbench.extract import load_lexicon
    from workbench.ingest.decoding import decode, format_size, normalise_newlines
    from workbench.ingest.readers import expand_paths, read_documents
    from workbench.ingest.text import text_document

    lexicon = load_lexicon([Path(p).expanduser() for p in app.settings.lexicons])
    max_bytes = int(app.settings.max_file_mb * 1_000_000)
    records = []
    for given in paths:
        if given == "-":
            raw = sys.stdin.buffer.read(max_bytes + 1)
            if len(raw) > max_bytes:
                raise InvalidInput(
                    f"input is over the {format_size(max_bytes)} limit",
                    where="stdin",
                    hint="raise max_file_mb in the config file",
                )
            text, notice = decode(raw, where="stdin")
            documents = [text_document(normalise_newlines(text), origin="-", notice=notice)]
            named = [("-", documents)]
        else:
            named = [
                (str(path), read_documents(path, format=input_format, max_bytes=max_bytes))
                for path in expand_paths([Path(given)])
            ]
        for name, documents in named:
            for document in documents:
                if document.notice:
                    click.echo(f"{document.origin or name}: {document.notice}", err=True)
                for found in extract_statements(
                    document.text, outlet=outlet or document.outlet, lexicon=lexicon
                ):
                    record = {"path": document.origin or name, **found.to_json()}
                    if output == "jsonl":
                        write_jsonl([record])
                    else:
                        records.append(record)
    if output == "table":
        _print_table(records)


def _print_table(records: list[dict[str, object]]) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("actor", "stance", "cue", "content", "rule"):
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(
            shorten(str(record["actor"]), 28),
            str(record["stance"]),
            shorten(record["cue"] if isinstance(record["cue"], str) else "–", 20),
            shorten(str(record["content"]), 90),
            str(record["rule"]),
        )
    console().print(table)


def register(group: click.Group) -> None:
    group.add_command(extract)
