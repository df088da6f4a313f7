"""The `workbench` command line: the whole job without the TUI.

Every command is a click command (`workbench.cli.group`, one module per command group): its
options, help and errors are defined there, once. This module is the entry point, and it
imports click only when it hands the command line over, for one reason: a newsroom script runs
`workbench extract FILE…` once per article, and loading click was a tenth of that run (10 ms).
A command line that is `extract` followed by file names only (no option, no `--help`, no
empty name) means the same to click as it does as a list, so `main` runs the command's body
(`workbench.cli.extract_run`) with the defaults itself. Anything else, including every
mistake, goes through click; tests/core/test_cli_shortcut.py checks the two ways agree.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from workbench.errors import WorkbenchError
from workbench.invisible import show_invisible

# The module that registers each command. Only the command being run is imported: `workbench
# extract` needs neither the database layer nor the report templates every other command pulls
# in (tests/core/test_cli_commands.py keeps this table in step with the modules).
COMMAND_MODULES: dict[str, str] = {
    "init": "admin",
    "assign": "assign",
    "audit": "audit",
    "claims": "claims",
    "demo": "demo",
    "extract": "extract",
    "ingest": "ingest",
    "reviews": "reviews",
    "settings": "reviews",
    "diff": "revisions",
    "stats": "stats",
    **dict.fromkeys(
        (
            "actors",
            "correct",
            "dismiss",
            "evidence",
            "history",
            "merge",
            "note",
            "show",
            "sources",
            "split",
            "statements",
            "verdict",
        ),
        "statements",
    ),  # fmt: skip
    "review": "tui",
    **dict.fromkeys(("conflicts", "export", "import", "resolve"), "export"),
    "serve": "serve",
}
# Modules an installation may leave out; their commands then do not exist.
OPTIONAL_MODULES = frozenset({"tui", "export", "serve"})


def __getattr__(name: str) -> Any:
    """`cli`, the click group, is built when first asked for (`from workbench.cli import cli`)."""
    if name == "cli":
        from workbench.cli.group import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def plain_extract_paths(args: Sequence[str]) -> list[str] | None:
    """The files of `extract FILE…` when nothing else is on the command line, else None.

    Click reads such a command line as it stands: no word starts with "-" but "-" itself
    (standard input), and none is empty or blank (click's `non_empty_paths` would refuse it).
    On Windows click also expands wildcards itself, so there it always reads the line.
    """
    if sys.platform == "win32" or len(args) < 2 or args[0] != "extract":
        return None
    paths = list(args[1:])
    if all(path == "-" or (path.strip() and not path.startswith("-")) for path in paths):
        return paths
    return None


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: expected failures are one `error:` line and exit code 2, never a traceback.

    `argv` (default: the process's arguments) lets tests run the exact code path users get.
    """
    try:
        paths = plain_extract_paths(sys.argv[1:] if argv is None else list(argv))
        if paths is not None:
            from workbench.cli.extract_run import run_plain_extract

            run_plain_extract(paths)
            return
        from workbench.cli.group import cli

        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="workbench",
            standalone_mode=False,
        )
    except WorkbenchError as error:
        # A file name, a URL or a stored value in the message is shown, never obeyed: an ESC
        # in a file name must not recolour or clear the terminal.
        _fail(f"error: {show_invisible(error.one_line())}", 2)
    except Exception:  # noqa: BLE001 - sorted out below, once click is loaded
        _exit_on_click_error()


def _exit_on_click_error() -> NoReturn:
    """The exception being handled, reported as click's kinds are; any other is raised again."""
    import click

    error = sys.exc_info()[1]
    if isinstance(error, click.exceptions.Abort):
        _fail("error: interrupted", 130)
    if isinstance(error, click.UsageError):  # a mistyped command line: one line too, with the help
        message = " ".join(error.format_message().split()).rstrip(".")
        help_hint = f" (see `{error.ctx.command_path} --help`)" if error.ctx else ""
        _fail(f"error: {show_invisible(message)}{help_hint}", error.exit_code)
    if isinstance(error, click.ClickException):
        error.show()
        raise SystemExit(error.exit_code) from None
    if isinstance(error, BrokenPipeError):
        raise SystemExit(0) from None
    raise  # a bug: keep its traceback


def _fail(line: str, status: int) -> NoReturn:
    import click

    click.echo(line, err=True)
    raise SystemExit(status) from None
