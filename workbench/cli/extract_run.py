"""What `workbench extract` does, without click: the click command and the entry point's
shortcut for `workbench extract FILE…` (see `workbench.cli.main`) both run `run_extract`.

Click is imported only to print a line on standard error (an unreadable file, a decoding
notice), so that the line is written exactly as every other command writes its lines.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import Any, TextIO

from workbench.cli.context import AppContext
from workbench.cli.output import cell, console, write_jsonl
from workbench.errors import InvalidInput


def run_extract(
    app: AppContext, paths: tuple[str, ...], *, output: str, input_format: str, outlet: str | None
) -> None:
    """Print the attributed statements in `paths` ("-" reads standard input)."""
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
                    _say(f"error: {exc.one_line()}")
                    failed += 1
        for name, documents in named:
            for document in documents:
                where = document.origin or name
                if document.notice:
                    _say(f"{where}: {document.notice}")
                try:
                    found_all = extract_statements(
                        document.text, outlet=outlet or document.outlet, lexicon=lexicon
                    )
                except Exception as exc:  # noqa: BLE001 - an engine bug must not drop the batch
                    _say(
                        f"error: {where}: the extractor failed on this file"
                        f" ({type(exc).__name__}: {exc}); the other files were processed,"
                        " please report this one as a bug"
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


def run_plain_extract(paths: list[str]) -> None:
    """`workbench extract PATHS` with every option at its default, as click would run it.

    Click's share of such a run is an `AppContext` closed at the end and its handling of an
    interrupt (a blank line, then `Abort`, which `main` reports) and of a reader that went
    away (exit status 1, nothing more said); both are repeated here.
    """
    app = AppContext(database=None, analyst=None)
    try:
        run_extract(app, tuple(paths), output="jsonl", input_format="auto", outlet=None)
    except (EOFError, KeyboardInterrupt) as error:
        import click

        click.echo(file=sys.stderr)  # closes the terminal's ^C echo, as click does
        raise click.exceptions.Abort() from error
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        sys.stdout = _QuietFlush(sys.stdout)  # the final flush at exit must not complain
        sys.stderr = _QuietFlush(sys.stderr)
        raise SystemExit(1) from None
    finally:
        app.close()


class _QuietFlush:
    """A stream whose flush ignores a closed pipe: what click wraps the streams in after one."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _say(message: str) -> None:
    import click

    click.echo(message, err=True)


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
