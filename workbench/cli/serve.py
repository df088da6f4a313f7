"""`workbench serve`: the review screen in a browser, for colleagues without a terminal habit.

textual-serve runs `workbench review` once per browser tab, as a subprocess speaking Textual's
web protocol, and serves the page that draws it (xterm.js). Every tab is the same analyst on the
same database: the one `serve` was started with. It listens on 127.0.0.1 unless told
otherwise; anywhere else, anyone who can reach the port reviews (and writes) as that analyst,
so it says so.
"""

from __future__ import annotations

import errno
import os
import shlex
import socket
import sys

import click

from workbench.cli.context import AppContext
from workbench.cli.params import WholeNumber
from workbench.errors import InvalidInput

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
HOST_HINT = "give an address of this machine: 127.0.0.1, the default, or 0.0.0.0 for all of them"


def review_command(analyst: str) -> str:
    """The shell command textual-serve runs per tab: quoted, so no name is shell code.

    It names no database: a PostgreSQL URL may hold a password, and any user of the machine
    can read a process's command line (`ps`). Each tab's app reads it from `WORKBENCH_DB`
    instead (see `review_environment`), which only the same user (and root) can read.
    """
    parts = [sys.executable, "-m", "workbench", "--analyst", analyst, "review"]
    return " ".join(shlex.quote(part) for part in parts)


def review_environment(database: str) -> None:
    """Hand the database to the tabs' apps: textual-serve starts each with a copy of this
    process's environment, and `WORKBENCH_DB` is what settings read when no --db is given."""
    os.environ["WORKBENCH_DB"] = database


def check_address(host: str, port: int) -> None:
    """Refuse an address that cannot be listened on, in one line, before the server starts.

    An empty --host (an unset shell variable, say) would listen on every interface, the widest
    choice, so it is refused rather than taken at its word. A host that is no address of this
    machine, or no name at all, names --host and what to give instead.
    """
    if not host.strip():
        raise InvalidInput("no address given", where="--host", hint=HOST_HINT)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    # Not a name the resolver takes: unknown, malformed, or not encodable (a NUL, an undecodable
    # byte from the shell, an over-long international label).
    except (socket.gaierror, UnicodeError, TypeError, ValueError):
        raise InvalidInput(
            f"'{host}' is not an IP address or a host name this machine knows",
            where="--host",
            hint=HOST_HINT,
        ) from None
    except OSError as error:
        if error.errno == errno.EADDRNOTAVAIL:
            raise InvalidInput(
                f"{host} is not an address of this machine", where="--host", hint=HOST_HINT
            ) from None
        reason = error.strerror or str(error)
        raise InvalidInput(
            f"cannot listen on {host}:{port}: {reason}",
            where="serve",
            hint="choose another --port, or a --host of this machine",
        ) from None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=WholeNumber(1, 65535), default=8000, show_default=True, help="Port.")
@click.pass_obj
def serve(app: AppContext, host: str, port: int) -> None:
    """Serve the review screen to a browser (textual-serve) at http://HOST:PORT."""
    try:
        from textual_serve.server import Server
    except ModuleNotFoundError:
        raise InvalidInput(
            "serving to a browser needs the textual-serve package",
            where="serve",
            hint="pip install textual-serve",
        ) from None
    db = app.open_db(write=False)  # refuse a missing or foreign database now, not per tab
    check_address(host, port)
    if host not in LOCAL_HOSTS:
        click.echo(
            f"warning: serving on {host}: anyone who can reach port {port} reviews and writes "
            f"as {app.analyst}; bind to 127.0.0.1 (the default) unless that is what you want",
            err=True,
        )
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
    click.echo(f"serving {db.location} as {app.analyst} at {url} (Ctrl+C stops)", err=True)
    review_environment(app.settings.database)
    title = f"workbench: {db.location} as {app.analyst}"  # the page's title, password hidden
    server = Server(review_command(app.analyst), host=host, port=port, title=title)
    server.public_url = url
    server.serve()


def register(group: click.Group) -> None:
    group.add_command(serve)
