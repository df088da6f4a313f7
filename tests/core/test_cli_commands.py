"""The command table the lazy CLI loads from: every command a module registers is listed under
that module, and a command imports only what it needs."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import click

from workbench.cli import COMMAND_MODULES

SAMPLE = Path(__file__).parents[2] / "workbench" / "samples" / "arms-accusation.txt"


def test_the_table_names_every_command_of_every_module() -> None:
    registered: dict[str, str] = {}
    for module_name in sorted(set(COMMAND_MODULES.values())):
        group = click.Group()
        importlib.import_module(f"workbench.cli.{module_name}").register(group)
        registered.update(dict.fromkeys(group.commands, module_name))
    assert registered == COMMAND_MODULES


def test_extract_runs_without_loading_the_database_layer() -> None:
    """`workbench extract` on one article starts fast: no SQLAlchemy, no other command, and
    nothing it does not use for one article: click (the command line is only file names),
    platformdirs (workbench.user_dirs), tomllib (no config file; the lexicon's JSON copy)."""
    probe = (
        "import sys\n"
        "from workbench.cli import main\n"
        "try:\n"
        f"    main(['extract', {str(SAMPLE)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('sqlalchemy', 'jinja2', 'workbench.cli.statements', 'click', 'platformdirs',"
        " 'tomllib', 'rich', 'workbench.cli.group')\n"
        "print('LOADED', [m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert '"actor": "United States"' in done.stdout
    assert "LOADED ['tomllib']" in done.stderr  # a fresh cache folder: the lexicon's TOML is read
    again = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert again.stdout == done.stdout
    assert "LOADED []" in again.stderr  # ... and then its JSON copy


def test_help_lists_every_command() -> None:
    from click.testing import CliRunner

    from workbench.cli import cli

    shown = CliRunner().invoke(cli, ["--help"]).output
    for name in COMMAND_MODULES:
        assert f"  {name} " in shown
