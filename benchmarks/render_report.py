"""Render the HTML report in headless Chromium to a PNG, to look at it (not part of CI).

    .venv/bin/python benchmarks/render_report.py [--db FILE] [--out report.png] [--source ID]...
        [--print-preview] [--height 2000]

Without --db it builds a demo database from the bundled samples with a few verdicts, evidence
links, notes and one hostile statement, so the picture shows every part of the report.
--print-preview re-labels the `@media print` rules as screen rules (and drops the CSP, whose hash
no longer matches) to see roughly what paper gets. Needs Debian's `chromium` on PATH.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_demo(path: Path) -> None:
    from workbench.config import Settings
    from workbench.db.engine import Database
    from workbench.db.models import Evidence, Statement
    from workbench.db.schema import upgrade_to_head
    from workbench.ingest.metadata import Metadata
    from workbench.services.evidence import add_evidence
    from workbench.services.ingesting import ingest_paths
    from workbench.services.review import add_note, set_status

    db = Database.open(str(path))
    upgrade_to_head(db)
    ingest_paths(
        db,
        [ROOT / "workbench" / "samples"],
        metadata=Metadata(),
        input_format="auto",
        analyst="ana",
        settings=Settings(),
    )
    with db.transaction() as session:
        rows = session.query(Statement).order_by(Statement.id).all()  # type: ignore[attr-defined]
        by_id = {row.id: row for row in rows}
        decisions = {7: "confirmed", 8: "disputed", 9: "disputed", 10: "confirmed", 17: "disputed",
                     22: "confirmed", 25: "disputed", 40: "confirmed"}  # fmt: skip
        for statement_id, status in decisions.items():
            if statement_id in by_id:
                set_status(
                    session,
                    statement_id=statement_id,
                    status=status,
                    analyst="ana",
                    note="checked against the UN panel report" if statement_id == 9 else "",
                )
        if 7 in by_id:
            add_evidence(
                session,
                statement_id=7,
                url="https://example.org/un-panel-2026",
                title="UN panel of experts, final report 2026",
                analyst="ana",
                excerpt="Shell casings bore Russian import stamps.",
            )
            add_note(session, statement_id=7, text="Second source still needed.", analyst="bo")
        if 9 in by_id:  # a hostile title and link inserted directly, as an attacker would
            session.add(
                Evidence(
                    statement_id=9,
                    url="javascript:alert(1)",
                    relation="refutes",
                    title='"><img src=x onerror=alert(1)> <script>x</script>',
                    added_by="mallory",
                )
            )
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--out", type=Path, default=Path("report.png"))
    parser.add_argument("--source", type=int, action="append", default=[])
    parser.add_argument("--height", type=int, default=2000)
    parser.add_argument("--print-preview", action="store_true")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium not found: apt-get install -y chromium")
    work = Path(tempfile.mkdtemp(prefix="workbench-render-"))
    database = args.db or work / "demo.db"
    if args.db is None:
        build_demo(database)
    html = work / "report.html"
    command = [sys.executable, "-m", "workbench", "--db", str(database), "export", "--format",
               "html", "-o", str(html)] + [f"--source={s}" for s in args.source]  # fmt: skip
    env = {**os.environ, "WORKBENCH_CONFIG": str(work / "none.toml")}
    subprocess.run(command, check=True, env=env)
    if args.print_preview:
        text = html.read_text("utf-8").replace("@media print", "@media screen")
        text = "\n".join(
            line for line in text.splitlines() if "Content-Security-Policy" not in line
        )
        html.write_text(text, "utf-8")
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         f"--screenshot={args.out.resolve()}", f"--window-size=1280,{args.height}",
         html.as_uri()],
        check=True, capture_output=True,
    )  # fmt: skip
    print(f"{args.out} from {html}")


if __name__ == "__main__":
    main()
