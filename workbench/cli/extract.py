"""`workbench extract`: statements from files or stdin, printed, no database involved."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbench.cli.context import AppContext
from workbench.cli.output import cell, console, write_jsonl
from workbench.cli.params import non_empty_paths
from workbench.errors import InvalidInput


@click.command()
@click.argument("paths", nargs=-1, required=True, callback=non_empty_paths)
@click.option(
    "--format", "output", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "md", "html", "jsonl"]),
    default="auto",
    show_default=True,
    help="How to read the input (auto: by extension; standard input is text).",
)
@click.option("--outlet", help="Name the outlet whose own voice unattributed sentences are in.")
@click.pass_obj
def extract(
    app: AppContext, paths: tuple[str, ...], output: str, input_format: str, outlet: str | None
) -> None:
    """Print the attributed statements in PATHS ("-" reads standard input)."""
    from workbench.extract import extract as extract_statements
    from workbench.extract import load_lexicon
    from workbench.ingest.decoding import decode, normalise_newlines, read_limited
    from workbench.ingest.readers import expand_paths, parse_documents, read_documents
    from workbench.ingest.text import text_document

    if paths.count("-") > 1:
        raise InvalidInput('"-" (standard input) can be read only once', where="PATHS")
    lexicon = load_lexicon([Path(p).expanduser() for p in app.settings.lexicons])
    max_bytes = int(app.settings.max_file_mb * 1_000_000)
    records: list[dict[str, object]] = []
    failed = 0
    for given in paths:
        if given == "-":
            raw = read_limited(sys.stdin.buffer, max_bytes=max_bytes, where="stdin")
            text, notice = decode(raw, where="stdin")
            if input_format in ("auto", "text"):  # offsets into the input exactly as given
                documents = [text_document(normalise_newlines(text), origin="-", notice=notice)]
            else:
                documents = parse_documents(text, kind=input_format, origin="-", notice=notice)
            named = [("-", documents)]
        else:
            named = []
            for path in expand_paths([Path(given)]):
                try:
                    named.append(
                        (str(path), read_documents(path, format=input_format, max_bytes=max_bytes))
                    )
                except InvalidInput as exc:  # one bad file is reported and the batch goes on
                    click.echo(f"error: {exc.one_line()}", err=True)
                    failed += 1
        for name, documents in named:
            for document in documents:
                where = document.origin or name
                if document.notice:
                    click.echo(f"{where}: {document.notice}", err=True)
                try:
                    found_all = extract_statements(
                        document.text, outlet=outlet or document.outlet, lexicon=lexicon
                    )
                except Exception as exc:  # noqa: BLE001 - an engine bug must not drop the batch
                    click.echo(
                        f"error: {where}: the extractor failed on this file"
                        f" ({type(exc).__name__}: {exc}); the other files were processed,"
                        " please report this one as a bug",
                        err=True,
                    )
                    failed += 1
                    continue
                file_records = [{"path": where, **found.to_json()} for found in found_all]
                if output == "jsonl":
                    write_jsonl(file_records)
                else:
                    records.extend(file_records)
    if output == "table":
        _print_table(records)
    if failed:  # each failure had its one line above; the exit status says some input was skipped
        raise SystemExit(2)


def _print_table(records: list[dict[str, object]]) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("actor", "stance", "cue", "content", "rule"):
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(
            cell(str(record["actor"]), 28),
            str(record["stance"]),
            cell(record["cue"] if isinstance(record["cue"], str) else "–", 20),
            cell(str(record["content"]), 90),
            str(record["rule"]),
        )
    console().print(table)


def register(group: click.Group) -> None:
    group.add_command(extract)
