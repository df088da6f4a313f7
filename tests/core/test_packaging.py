"""`pip install .` (not editable) must give a working workbench: data files inside the wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_wheel(tmp_path: Path) -> Path:
    """Build from a copy of the sources, so no build/ or egg-info lands in the working tree."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "workbench",
        source / "workbench",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    # Build isolation: the project's own build requirements (a current setuptools), from the index.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            ".",
        ],
        cwd=source,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = (tmp_path / "dist").glob("workbench-*.whl")
    return wheel


def test_wheel_holds_the_data_files_and_runs_the_demo(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())

    def present(folder: str, suffix: str) -> set[str]:
        return {n for n in names if n.startswith(folder) and n.endswith(suffix)}

    for sample in (ROOT / "workbench" / "samples").iterdir():
        if sample.suffix in (".txt", ".md", ".html", ".jsonl"):
            assert f"workbench/samples/{sample.name}" in names
    lexicons = {p.name for p in (ROOT / "workbench" / "extract" / "lexicons").glob("*.toml")}
    assert {Path(n).name for n in present("workbench/extract/lexicons/", ".toml")} == lexicons
    migrations = {p.name for p in (ROOT / "workbench/db/migrations/versions").glob("*.py")}
    assert {Path(n).name for n in present("workbench/db/migrations/versions/", ".py")} == migrations
    assert "workbench/db/migrations/env.py" in names
    assert "workbench/db/migrations/script.py.mako" in names
    templates = ROOT / "workbench" / "export" / "templates"
    if templates.is_dir():
        for template in templates.iterdir():
            if template.is_file():
                assert f"workbench/export/templates/{template.name}" in names
    styles = {str(p.relative_to(ROOT)) for p in (ROOT / "workbench").rglob("*.tcss")}
    assert styles <= names

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
         "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import workbench; print(workbench.__file__)"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.strip().startswith(str(target))
    demo = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(tmp_path / "demo.db"), "demo", "--print"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    assert "statements: all statements" in demo.stdout
    assert "0 sources" not in demo.stderr
