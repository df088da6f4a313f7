"""`workbench serve`: the review screen in a browser, driven from headless Chromium.

Chromium (Debian's `chromium` package) is driven over the DevTools protocol with aiohttp (a
dependency of textual-serve): the page is loaded, every frame the server sends it is kept by a
wrapper around `WebSocket` installed before the page's own script, keys are typed into the
page's terminal, and the test reads both the screen text and the database.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.conftest import run_cli
from workbench.db.engine import Database
from workbench.services.statements import get_statement_row

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SAMPLE = Path(__file__).parents[2] / "workbench" / "samples" / "arms-accusation.txt"
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")
# Kept before the page's own script runs: every frame the server sends, as text.
CAPTURE = """
window.__frames = [];
const Native = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new Native(...args);
  socket.addEventListener("message", async (event) => {
    const data = event.data;
    if (typeof data === "string") { window.__frames.push(data); return; }
    const buffer = data instanceof Blob ? await data.arrayBuffer() : data;
    window.__frames.push(new TextDecoder().decode(buffer));
  });
  return socket;
};
window.WebSocket.prototype = Native.prototype;
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    database = tmp_path / "served.db"
    assert run_cli("--db", str(database), "ingest", str(SAMPLE)).code == 0
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "workbench", "--db", str(database), "--analyst", "web"]
        + ["serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the app processes it starts per tab go with it
    )
    try:
        _wait_for_port(port)
        yield f"http://127.0.0.1:{port}/", database
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


class Browser:
    """One headless Chromium page over the DevTools protocol."""

    def __init__(self, profile: Path) -> None:
        self.process = subprocess.Popen(
            [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu"]
            + ["--disable-quic", "--no-first-run", "--disable-background-networking"]
            + ["--disable-component-update", "--disable-sync", "--remote-debugging-port=0"]
            + [f"--user-data-dir={profile}", "--window-size=1400,1000", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not port_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.port = int(port_file.read_text().split()[0])
        self.ids = 0

    async def connect(self) -> None:
        import aiohttp

        self.http = aiohttp.ClientSession()
        async with self.http.get(f"http://127.0.0.1:{self.port}/json") as response:
            targets = await response.json(content_type=None)
        page = next(t for t in targets if t["type"] == "page")
        self.socket = await self.http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)

    async def call(self, method: str, **params: object) -> dict[str, object]:
        self.ids += 1
        await self.socket.send_str(json.dumps({"id": self.ids, "method": method, "params": params}))
        while True:
            message = json.loads((await self.socket.receive()).data)
            if message.get("id") == self.ids:
                assert "error" not in message, message
                return message.get("result", {})

    async def screen_text(self) -> str:
        result = await self.call(
            "Runtime.evaluate", expression="window.__frames.join('')", returnByValue=True
        )
        raw = str(result["result"]["value"])  # type: ignore[index]
        return ANSI.sub("", raw)

    async def close(self) -> None:
        await self.socket.close()
        await self.http.close()
        self.process.terminate()
        self.process.wait(timeout=10)


# Generous: under `pytest -n 2` on two cores the app behind the page can take long to start.
async def _until(check, seconds: float = 90.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = await check()
        if found:
            return found
        await asyncio.sleep(0.2)
    return await check()


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt chromium)")
def test_a_colleague_reviews_in_a_browser(served: tuple[str, Path], tmp_path: Path) -> None:
    url, database = served

    async def session() -> str:
        browser = Browser(tmp_path / "profile")
        try:
            await browser.connect()
            await browser.call("Page.enable")
            await browser.call("Page.addScriptToEvaluateOnNewDocument", source=CAPTURE)
            await browser.call("Page.navigate", url=url)

            async def drawn() -> str:
                # Both, whichever frame brings each: the page starts small and is redrawn when
                # it takes the window's size, the header line and the article in any order.
                text = await browser.screen_text()
                wanted = ("analyst web", "Pyongyang is responsible")
                return text if all(part in text for part in wanted) else ""

            shown = await _until(drawn)
            assert "analyst web" in shown and "Pyongyang is responsible" in shown
            await browser.call(
                "Runtime.evaluate",
                expression="document.querySelector('.xterm-helper-textarea').focus()",
            )
            await browser.call("Input.insertText", text="c")

            async def confirmed() -> bool:
                db = Database.open(str(database))
                try:
                    with db.reader() as read:
                        return get_statement_row(read, 1).status == "confirmed"
                finally:
                    db.dispose()

            assert await _until(confirmed)

            async def told() -> str:  # the screen follows the database, a frame or two later
                text = await browser.screen_text()
                return text if "saved: #1 confirmed" in text else ""

            return await _until(told)
        finally:
            await browser.close()

    text = asyncio.run(session())
    assert "saved: #1 confirmed" in text
    db = Database.open(str(database))
    with db.reader() as read:
        assert get_statement_row(read, 1).updated_by == "web"
    db.dispose()


def test_serving_beyond_this_machine_warns_and_a_taken_port_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    from textual_serve.server import Server

    started: list[tuple[str, str, int]] = []
    monkeypatch.setattr(
        Server,
        "serve",
        lambda self, debug=False: started.append((self.command, self.host, self.port)),
    )
    database = tmp_path / "x.db"
    assert run_cli("--db", str(database), "ingest", str(SAMPLE)).code == 0
    port = _free_port()
    local = run_cli(
        "--db", str(database), "--analyst", "o'brien; rm -rf ~", "serve", "--port", str(port)
    )
    assert local.code == 0 and "warning" not in local.err
    command, host, _port = started[-1]
    assert host == "127.0.0.1" and "'o'\"'\"'brien; rm -rf ~'" in command  # quoted, not run
    wide = run_cli("--db", str(database), "serve", "--host", "0.0.0.0", "--port", str(port))
    assert wide.code == 0
    assert "warning: serving on 0.0.0.0: anyone who can reach port" in wide.err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        refused = run_cli("--db", str(database), "serve", "--port", str(busy))
    assert refused.code == 2 and len(refused.error_lines) == 1
    assert f"cannot listen on 127.0.0.1:{busy}" in refused.err
    missing = run_cli("--db", str(tmp_path / "nothing.db"), "serve")
    assert missing.code == 2 and "no database here yet" in missing.err


@pytest.mark.parametrize(
    ("host", "said"),
    [
        ("", "no address given"),  # would listen on every interface
        ("  ", "no address given"),
        ("not a host!", "'not a host!' is not an IP address or a host name"),
        ("999.1.1.1", "'999.1.1.1' is not an IP address or a host name"),
        ("[::1]", "'[::1]' is not an IP address or a host name"),
        ("192.0.2.1", "192.0.2.1 is not an address of this machine"),  # TEST-NET-1
    ],
)
def test_an_invalid_host_is_one_line_naming_host_and_nothing_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, host: str, said: str
) -> None:
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    from textual_serve.server import Server

    started: list[str] = []
    monkeypatch.setattr(Server, "serve", lambda self, debug=False: started.append(self.host))
    database = tmp_path / "x.db"
    assert run_cli("--db", str(database), "ingest", str(SAMPLE)).code == 0
    refused = run_cli("--db", str(database), "serve", "--host", host, "--port", str(_free_port()))
    assert refused.code == 2 and started == []
    assert refused.error_lines == [refused.err.strip()]  # one line, no warning, no traceback
    assert refused.err.startswith(f"error: --host: {said}")
    assert "127.0.0.1, the default" in refused.err


def _screen_data(stream: bytes) -> bytes:
    """The terminal output in Textual's web driver stream: after a `__GANGLION__` line, packets
    of a type byte, a 4-byte length and the payload; "D" packets carry the screen."""
    _, _, stream = stream.partition(b"__GANGLION__\n")
    data, at = b"", 0
    while at + 5 <= len(stream):
        kind, size = stream[at : at + 1], int.from_bytes(stream[at + 1 : at + 5], "big")
        if at + 5 + size > len(stream):
            break  # the rest of this packet has not been read yet
        if kind == b"D":
            data += stream[at + 5 : at + 5 + size]
        at += 5 + size
    return data


def _first_screen(command: str, env: dict[str, str], *wanted: str, seconds: float = 90) -> str:
    """Start one tab's app as textual-serve does (a shell command, its web driver, the server's
    environment) and read what it draws until all of `wanted` shows, or the time is up."""
    env = env | {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
    env |= {"COLUMNS": "200", "ROWS": "40"}  # wide enough for a long URL and the analyst
    tab = subprocess.Popen(
        command,
        shell=True,
        env=env,
        stdin=subprocess.PIPE,  # kept open: the app waits for the browser's keys on it
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    assert tab.stdout is not None
    drawn, text = b"", ""
    deadline = time.monotonic() + seconds
    try:
        while not all(part in text for part in wanted):
            if time.monotonic() > deadline or tab.poll() is not None:
                break
            ready, _, _ = select.select([tab.stdout], [], [], 0.5)
            if ready:
                drawn += os.read(tab.stdout.fileno(), 65536)
                text = ANSI.sub("", _screen_data(drawn).decode(errors="replace"))
    finally:
        os.killpg(tab.pid, signal.SIGKILL)
        tab.wait(timeout=10)
    return text


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_database_reaches_each_tab_by_environment_never_its_command_line(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """A PostgreSQL URL may hold a password, and any user sees a command line in `ps`."""
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    from textual_serve.server import Server

    secret = "s3cret-pw"
    if engine == "postgres":
        url = request.getfixturevalue("postgres_db").engine.url.set(password=secret)
        database = url.render_as_string(hide_password=False)
    else:  # a path stands in for the URL: no part of it may be on the command line either
        database = str(tmp_path / f"desk-{secret}.db")
    assert run_cli("--db", database, "ingest", str(SAMPLE)).code == 0
    started: list[tuple[str, str, dict[str, str]]] = []
    monkeypatch.setattr(
        Server,
        "serve",
        lambda self, debug=False: started.append((self.command, self.title, dict(os.environ))),
    )
    served = run_cli("--db", database, "--analyst", "web", "serve", "--port", str(_free_port()))
    assert served.code == 0
    ((command, title, environment),) = started
    assert secret not in command and "--db" not in command
    if engine == "postgres":  # the page's title is shown to anyone who reaches the port
        assert secret not in title and secret not in served.err
    assert environment["WORKBENCH_DB"] == database
    shown = _first_screen(command, environment, "Pyongyang is responsible", "analyst web")
    assert "Pyongyang is responsible" in shown and "analyst web" in shown
    if engine == "postgres":
        assert secret not in shown  # the status line names the database, password hidden
