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

            async def drawn() -> str:  # the list and the status line come in separate frames
                text = await browser.screen_text()
                ready = "Pyongyang is responsible" in text and "analyst web" in text
                return text if ready else ""

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

            async def said() -> str:  # the commit is seen before the frame that reports it
                text = await browser.screen_text()
                return text if "saved: #1 confirmed" in text else ""

            return await _until(said) or await browser.screen_text()
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
