"""Read-only and empty databases, the CLI entry points, and the rules every binding follows."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import pkgutil
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from core.conftest import run_cli
from textual.binding import Binding

import workbench.tui
from workbench.db.engine import Database
from workbench.tui.app import bound_classes
from workbench.tui.keys import key_entries

from .conftest import fill
from .helpers import notices, row, settle, text_of

KEYS_DOC = Path(__file__).parents[2] / "docs" / "keys.md"


@pytest.fixture
def read_only_db(tmp_path: Path):
    path = tmp_path / "frozen.db"
    db = Database.open(str(path))
    from workbench.db.schema import upgrade_to_head

    upgrade_to_head(db)
    fill(db)
    db.dispose()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    opened = Database.open(str(path))
    assert opened.read_only
    yield replace(opened, location="frozen.db")
    opened.dispose()
    path.chmod(0o644)


async def test_read_only_database_shows_a_banner_and_explains_write_keys(read_only_db, make_app):
    app = make_app(read_only_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert text_of(pilot, "#status-line").startswith("READ-ONLY")
        assert app.screen.statements.current.id == 1  # reading works
        for key in ("c", "d", "u", "e", "n", "i", "s", "m", "x", "z"):
            await pilot.press(key)
        await settle(pilot)
        assert row(read_only_db, 1).status == "unverified"
        assert app.screen.statements.current.status == "unverified"
        assert sum("Read-only database" in n for n in notices(pilot)) == 10


async def test_empty_database_explains_how_to_ingest(empty_db, make_app):
    app = make_app(empty_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "workbench ingest FILE" in text_of(pilot, "#empty")
        assert app.screen.query_one("#empty").display
        await pilot.press("c", "j", "end", "space")
        await settle(pilot)
        assert any("No statement is highlighted" in n for n in notices(pilot))


def _drive(app_class, script):
    """Replace App.run so the CLI runs the real app headless, driven by `script`."""

    def run(self, *args, **kwargs):
        async def main():
            async with self.run_test(size=(120, 40)) as pilot:
                for _ in range(100):  # the real app counts a moment after the first paint
                    await settle(pilot)
                    if self.screen.counts:
                        break
                    await pilot.pause(0.05)
                await script(self, pilot)

        asyncio.run(main())

    return run


def test_demo_command_opens_review_on_a_fresh_demo_database(tmp_path, monkeypatch):
    from workbench.cli import cli
    from workbench.tui.app import WorkbenchApp

    seen = {}

    async def script(app, pilot):
        seen["location"] = app.db.location
        seen["first"] = app.screen.statements.current
        seen["total"] = sum(app.screen.counts.values())
        await pilot.press("c")
        await settle(pilot)

    monkeypatch.setattr(WorkbenchApp, "run", _drive(WorkbenchApp, script))
    monkeypatch.setattr("workbench.cli.tui.has_terminal", lambda: True)  # Pilot is the terminal
    target = tmp_path / "demo.db"
    cli.main(["--db", str(target), "demo"], standalone_mode=False)
    assert seen["location"] == str(target)
    assert seen["total"] > 10 and seen["first"] is not None
    db = Database.open(str(target))
    try:
        assert row(db, seen["first"].id).status == "confirmed"
    finally:
        db.dispose()


def test_bare_workbench_and_review_open_the_tui(review_db, tmp_path, monkeypatch):
    from workbench.cli import cli
    from workbench.tui.app import WorkbenchApp

    opened: list[str] = []

    async def script(app, pilot):
        opened.append(app.settings.analyst)

    monkeypatch.setattr(WorkbenchApp, "run", _drive(WorkbenchApp, script))
    monkeypatch.setattr("workbench.cli.tui.has_terminal", lambda: True)  # Pilot is the terminal
    path = os.fspath(tmp_path / "review.db")
    cli.main(["--db", path, "review"], standalone_mode=False)
    cli.main(["--db", path, "--analyst", "bo"], standalone_mode=False)
    assert opened == ["tester", "bo"]


def test_without_a_terminal_review_refuses_and_demo_prints(tmp_path, monkeypatch):
    """Run from a script or cron, the TUI would write escape codes and wait for keys forever."""
    from workbench.tui.app import WorkbenchApp

    def never(*_args, **_kwargs):
        raise AssertionError("the TUI must not start without a terminal")

    monkeypatch.setattr(WorkbenchApp, "run", never)
    monkeypatch.chdir(tmp_path)
    for args in (["review"], []):
        outcome = run_cli("--db", "demo.db", *args)
        assert outcome.code == 2 and "Traceback" not in outcome.err
        assert outcome.error_lines == [
            "error: review: the review screen needs a terminal (standard input and output are "
            "not one) (for text output use `workbench statements` or `workbench export`)"
        ]
    outcome = run_cli("--db", "demo.db", "demo")
    assert outcome.code == 0, outcome
    assert "no terminal to open the review screen in" in outcome.err
    assert "asserts" in outcome.out  # the statements, as `demo --print` shows them


def _bound_classes():
    for info in pkgutil.walk_packages(workbench.tui.__path__, "workbench.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "BINDINGS" in cls.__dict__:
                yield cls


def test_every_binding_has_an_id_a_description_and_a_docs_entry():
    docs = KEYS_DOC.read_text(encoding="utf-8")
    ids: list[str] = []
    classes = list(_bound_classes())
    assert len(classes) >= 8
    for cls in classes:
        for binding in cls.__dict__["BINDINGS"]:
            assert isinstance(binding, Binding), f"{cls.__name__}: use Binding(...), not a tuple"
            assert binding.id, f"{cls.__name__} binding {binding.key!r} has no id"
            assert binding.description, f"{binding.id} has no description"
            assert binding.tooltip, f"{binding.id} has no tooltip"
            assert f"`{binding.id}`" in docs, f"{binding.id} is missing from docs/keys.md"
            ids.append(binding.id)
    assert len(ids) == len(set(ids)), "binding ids must be unique"
    listed = {e.id for e in key_entries(bound_classes())}
    assert listed == set(ids), "tui.app.bound_classes() misses a class"
