"""`workbench extract`: statements from files or stdin, printed, no database involved.

The options, help and errors are click's, here; what the command does is
`workbench.cli.extract_run.run_extract`, which the entry point also runs directly for a
command line of file names only (see `workbench.cli.main`).
"""

from __future__ import annotations

import click

from workbench.cli.context import AppContext
from workbench.cli.extract_run import run_extract
from workbench.cli.params import non_empty_paths


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
    run_extract(app, paths, output=output, input_format=input_format, outlet=outlet)


def register(group: click.Group) -> None:
    group.add_command(extract)
