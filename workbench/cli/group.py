"""The click group behind `workbench`: every command, each module imported when it is run.

Each command group lives in its own module and registers itself on `cli` when one of its
commands is run (`COMMAND_MODULES`); modules that need heavy imports (Textual, Alembic,
trafilatura) import them inside the command, so `--help` and `extract` start fast.
"""

from __future__ import annotations

import importlib

import click

from workbench import __version__
from workbench.cli import COMMAND_MODULES, OPTIONAL_MODULES
from workbench.cli.context import AppContext


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
