"""`workbench extract FILE…` skips click (see workbench.cli): the two ways must agree exactly.

Each case runs the same command line twice in a fresh process, once as users run it and once
with the shortcut switched off, and compares what was printed, on which stream, and the exit
status.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import workbench.cli
from workbench.cli import main, plain_extract_paths

SAMPLES = Path(__file__).parents[2] / "workbench" / "samples"
ARTICLE = str(SAMPLES / "arms-accusation.txt")
PROBE = (
    "import sys\n"
    "import workbench.cli\n"
    "if sys.argv[1] == 'click':\n"
    "    workbench.cli.plain_extract_paths = lambda args: None\n"
    "workbench.cli.main(sys.argv[2:])\n"
)


def _run(way: str, args: list[str], cwd: Path, stdin: bytes = b"") -> tuple[int, bytes, bytes]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, way, *args], input=stdin, capture_output=True, cwd=cwd
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["extract", "a.txt"], ["a.txt"]),
        (["extract", "a.txt", "-", "b c.md"], ["a.txt", "-", "b c.md"]),
        (["extract"], None),  # click says what is missing
        (["extract", ""], None),  # and that a name is empty
        (["extract", "  "], None),
        (["extract", "--format", "table", "a.txt"], None),
        (["extract", "a.txt", "--db", "x.db"], None),
        (["extract", "-h"], None),
        (["extract", "--", "a.txt"], None),
        (["--db", "x.db", "extract", "a.txt"], None),
        (["ingest", "a.txt"], None),
        ([], None),
    ],
)
def test_only_file_names_take_the_shortcut(args: list[str], expected: list[str] | None) -> None:
    assert plain_extract_paths(args) == expected


def test_the_shortcut_and_click_print_the_same(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(
        "Le ministre a dit que tout était prêt.\n".encode("cp1252")
    )
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "a.md").write_text("The mayor said it rained.\n", encoding="utf-8")
    (tmp_path / "esc\x1b[31m.txt").write_text("x", encoding="utf-8")
    cases: list[tuple[list[str], bytes]] = [
        ([ARTICLE], b""),
        ([ARTICLE, "missing.txt", str(SAMPLES / "wire.jsonl")], b""),
        (["missing.txt"], b""),
        (["empty.txt", "latin1.txt", "folder"], b""),
        (["esc\x1b[31m.txt", "nowhere\x1b[2J.txt"], b""),
        (["-"], b"The minister said the plan would work.\n"),
        (["-", "-"], b"x"),
    ]
    for args, stdin in cases:
        command = ["extract", *args]
        assert plain_extract_paths(command) is not None
        shortcut = _run("shortcut", command, tmp_path, stdin)
        assert shortcut == _run("click", command, tmp_path, stdin), args


def test_a_reader_that_goes_away_ends_both_ways_alike(tmp_path: Path) -> None:
    """`workbench extract … | head -1`: a closed pipe ends the run quietly, with click's status."""
    command = ["extract", *[ARTICLE] * 60]  # far more than a pipe holds
    statuses = []
    for way in ("shortcut", "click"):
        with subprocess.Popen(
            [sys.executable, "-c", PROBE, way, *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
        ) as process:
            assert process.stdout is not None and process.stderr is not None
            process.stdout.readline()
            process.stdout.close()
            statuses.append((process.wait(timeout=60), process.stderr.read()))
    assert statuses[0] == statuses[1]


def test_an_interrupt_is_reported_alike(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_args: object, **_options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("workbench.cli.extract_run.run_extract", interrupted)
    monkeypatch.setattr("workbench.cli.extract.run_extract", interrupted)
    reports = []
    for shortcut in (True, False):
        if not shortcut:
            monkeypatch.setattr(workbench.cli, "plain_extract_paths", lambda _args: None)
        with pytest.raises(SystemExit) as stopped:
            main(["extract", ARTICLE])
        reports.append((stopped.value.code, capsys.readouterr()))
    assert reports[0] == reports[1] == (130, ("", "\nerror: interrupted\n"))
