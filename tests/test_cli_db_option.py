"""`--db` works after the command name too, as users type it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import cli, main


def test_db_after_the_command_is_the_database_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Budget Row\n\nThe mayor said the budget was balanced.\n", encoding="utf-8")
    target = str(tmp_path / "elsewhere.db")
    main(["ingest", str(article), "--db", target])
    capsys.readouterr()
    main(["statements", "--format", "jsonl", "--db", target])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(r["content"].startswith("the budget was balanced") for r in records)
    assert not (tmp_path / "workbench.db").exists()  # the default database was never touched


@pytest.mark.parametrize("flag", ["--db", "--analyst"])
def test_every_command_accepts_the_group_options(flag: str) -> None:
    def leaves(command):  # type: ignore[no-untyped-def]
        subs = getattr(command, "commands", None)
        return [leaf for sub in subs.values() for leaf in leaves(sub)] if subs else [command]

    missing = [c.name for c in leaves(cli) if not any(flag in p.opts for p in c.params)]
    assert missing == []


def test_analyst_after_the_command_is_the_analyst_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11 item 12: `workbench verdict 1 confirmed --analyst bob` was "No such option"."""
    article = tmp_path / "a.txt"
    article.write_text("Budget Row\n\nThe mayor said the budget was balanced.\n", encoding="utf-8")
    main(["ingest", str(article)])
    capsys.readouterr()
    main(["verdict", "1", "confirmed", "--analyst", "bob"])
    main(["note", "1", "checked the ledger", "--analyst", "carol", "--db", "workbench.db"])
    capsys.readouterr()
    main(["history", "1"])
    history = capsys.readouterr().out
    assert "bob: status" in history
    assert "carol: note" in history
