"""The `workbench` command line: the whole job without the TUI.

Each command group lives in its own module and registers itself on `cli` when one of its
commands is run (`COMMAND_MODULES`); modules that need heavy imports (Textual, Alembic,
trafilatura) import them inside the command, so `--help` and `extract` start fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import click

from workbench import __version__
from workbench.cli.context import AppContext
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


class LazyCommands(click.Group):
    """A group that imports a command's module when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        for module in sorted(set(COMMAND_MODULES.values())):
            _load(self, module)
        return sorted(self.commands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if cmd_name not in self.commands and module is not None:
            _load(self, module)
        return self.commands.get(cmd_name)


def _load(group: click.Group, name: str) -> None:
    """Import one command module and register its commands (once)."""
    if name in _LOADED:
        return
    _LOADED.add(name)
    qualified = f"workbench.cli.{name}"
    try:
        module = importlib.import_module(qualified)
    except ModuleNotFoundError as error:
        if name in OPTIONAL_MODULES and error.name == qualified:
            return  # left out of this installation: its commands do not exist here
        raise
    before = set(group.commands)
    module.register(group)
    for command_name in set(group.commands) - before:
        command = group.commands[command_name]
        _accept_after_command(command, "--db", "use_database", "Database file or URL")
        _accept_after_command(command, "--analyst", "use_analyst", "Who is making changes")


_LOADED: set[str] = set()


@click.group(
    cls=LazyCommands,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "database",
    metavar="PATH|URL",
    help="Database file or SQLAlchemy URL [env WORKBENCH_DB; default ./workbench.db].",
)
@click.option(
    "--analyst",
    metavar="NAME",
    help="Who is making changes [env WORKBENCH_ANALYST; default: your login name].",
)
@click.version_option(__version__, prog_name="workbench")
@click.pass_context
def cli(ctx: click.Context, database: str | None, analyst: str | None) -> None:
    """Verify news claims: ingest articles, review attributed statements, export reports."""
    ctx.obj = AppContext(database=database, analyst=analyst)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        review = cli.get_command(ctx, "review")
        if review is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(review)


def _accept_after_command(command: click.Command, flag: str, apply: str, what: str) -> None:
    """Let a group option (`--db`, `--analyst`) follow the command too, as users type it.

    Click only reads group options before the command name; each command that has no such
    option of its own gets one that updates the shared context before the command body runs.
    (`statements --analyst` and `export --analyst` keep their own meaning: a filter.)
    """
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _accept_after_command(sub, flag, apply, what)
        if not command.invoke_without_command:
            return  # a group that only dispatches: its subcommands take the option
    if any(flag in getattr(param, "opts", ()) for param in command.params):
        return

    def use(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value:
            app = ctx.find_object(AppContext)
            if app is not None:
                getattr(app, apply)(value)

    command.params.append(
        click.Option(
            [flag],
            metavar="PATH|URL" if flag == "--db" else "NAME",
            expose_value=False,
            callback=use,
            is_eager=True,  # before the command's own callbacks, which may open the database
            help=f"{what} (same as `workbench {flag}`).",
        )
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: expected failures are one `error:` line and exit code 2, never a traceback.

    `argv` (default: the process's arguments) lets tests run the exact code path users get.
    """
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="workbench",
            standalone_mode=False,
        )
    except WorkbenchError as error:
        # A file name, a URL or a stored value in the message is shown, never obeyed: an ESC
        # in a file name must not recolour or clear the terminal.
        click.echo(f"error: {show_invisible(error.one_line())}", err=True)
        raise SystemExit(2) from None
    except click.exceptions.Abort:
        click.echo("error: interrupted", err=True)
        raise SystemExit(130) from None
    except click.UsageError as error:  # a mistyped command line: one line too, with the help
        message = " ".join(error.format_message().split()).rstrip(".")
        help_hint = f" (see `{error.ctx.command_path} --help`)" if error.ctx else ""
        click.echo(f"error: {show_invisible(message)}{help_hint}", err=True)
        raise SystemExit(error.exit_code) from None
    except click.ClickException as error:
        error.show()
        raise SystemExit(error.exit_code) from None
    except BrokenPipeError:
        raise SystemExit(0) from None
