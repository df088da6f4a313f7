"""The layering the house style asks for, checked: a headless core, no SQL in the UI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"
CORE = (
    "workbench.db",
    "workbench.services",
    "workbench.ingest",
    "workbench.extract",
    "workbench.export",
)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_packages_never_import_textual_or_the_tui() -> None:
    offenders = []
    for package in CORE:
        folder = PACKAGE / package.split(".", 1)[1]
        for path in folder.rglob("*.py"):
            for name in _imported_modules(path):
                if name.split(".")[0] == "textual" or name.startswith("workbench.tui"):
                    offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert offenders == []


def test_tui_never_touches_the_database_directly() -> None:
    """The TUI goes through the service layer: no SQLAlchemy, SQLModel or sqlite3 imports."""
    folder = PACKAGE / "tui"
    offenders = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in (folder.rglob("*.py") if folder.exists() else [])
        for name in _imported_modules(path)
        if name.split(".")[0] in ("sqlalchemy", "sqlmodel", "sqlite3", "psycopg")
    ]
    assert offenders == []


def test_help_and_extract_start_without_textual() -> None:
    """`workbench --help` must stay fast: Textual loads only for the TUI."""
    code = (
        "import sys\n"
        "from workbench.cli import cli\n"
        "from workbench.extract import extract\n"
        "extract('The minister said the plan would work.')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'alembic')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
