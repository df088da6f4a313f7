"""`workbench stats`: a desk's progress per analyst and source, and how far analysts agree."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from workbench.agreement import coefficient_text as _figure
from workbench.cli.context import AppContext


def stats_record(stats: Any) -> dict[str, Any]:
    """The JSON shape: `agreement` is a list of {analysts: [a, b], items, kappa}."""
    return {
        "analysts": [
            {
                "analyst": a.analyst,
                "judged": a.judged,
                "confirmed": a.confirmed,
                "disputed": a.disputed,
            }
            for a in stats.analysts
        ],
        "sources": [
            {
                "source_id": s.source_id,
                "title": s.title,
                "statements": s.statements,
                "confirmed": s.confirmed,
                "disputed": s.disputed,
                "done": s.done,
            }
            for s in stats.sources
        ],
        "agreement": [
            {"analysts": list(p.analysts), "items": p.items, "agreed": p.agreed, "kappa": p.kappa}
            for p in stats.agreement
        ],
        "alpha": {"value": stats.alpha, "items": stats.alpha_items},
    }


def _tables(stats: Any) -> None:
    from rich.table import Table

    from workbench.cli.output import cell, console

    out = console()
    analysts = Table("analyst", "judged", "confirmed", "disputed", title="Progress per analyst")
    for a in stats.analysts:
        analysts.add_row(cell(a.analyst), str(a.judged), str(a.confirmed), str(a.disputed))
    out.print(analysts)
    sources = Table("id", "source", "done", "statements", title="Progress per source")
    for s in stats.sources:
        sources.add_row(str(s.source_id), cell(s.title), str(s.done), str(s.statements))
    out.print(sources)
    pairs = Table("analysts", "items", "agreed", "kappa", title="Agreement (Cohen's kappa)")
    for p in stats.agreement:
        pairs.add_row(cell(" / ".join(p.analysts)), str(p.items), str(p.agreed), _figure(p.kappa))
    out.print(pairs)
    out.print(
        f"Krippendorff's alpha (nominal), all analysts: {_figure(stats.alpha)} "
        f"over {stats.alpha_items} statements judged twice or more"
    )
    if 0 < stats.alpha_items < 30:
        out.print("note: under 30 shared statements, agreement figures are unstable")


@click.command()
@click.option(
    "--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_obj
def stats(app: AppContext, output: str) -> None:
    """Progress per analyst and source; agreement of every pair who judged the same statements.

    Each analyst's last verdict per statement is taken from the history; withdrawn verdicts
    (set back to unverified) do not count.
    """
    from workbench.services.team_stats import team_stats

    db = app.open_db(write=False)
    with db.reader() as session:
        result = team_stats(session)
    if output == "json":
        from workbench.invisible import escape_json_text

        encoded = json.dumps(stats_record(result), ensure_ascii=False, indent=2)
        sys.stdout.write(escape_json_text(encoded) + "\n")
        return
    _tables(result)


def register(group: click.Group) -> None:
    group.add_command(stats)
