"""`workbench stats`: progress per analyst, source and claim, and agreement between analysts."""

from __future__ import annotations

import json

import click

from workbench.cli.context import AppContext
from workbench.cli.output import cell, console


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


@click.command()
@click.option(
    "--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_obj
def stats(app: AppContext, output: str) -> None:
    """Progress, and agreement (Cohen's kappa per pair, Krippendorff's alpha) from the history."""
    from rich.table import Table

    from workbench.services.agreement import stats as compute

    db = app.open_db(write=False)
    with db.reader() as session:
        found = compute(session)
    if output == "json":
        record = {
            "progress": {
                "analysts": [{"analyst": a, "judged": n} for a, n in found.analysts],
                "sources": [
                    {"id": i, "title": t, "decided": d, "statements": n}
                    for i, t, d, n in found.sources
                ],
                "claims": {"with_verdict": found.claims[0], "total": found.claims[1]},
            },
            "agreement": [
                {"analysts": list(p.analysts), "items": p.items, "kappa": p.kappa}
                for p in found.agreement
            ],
            "alpha": {"value": found.alpha, "items": found.alpha_items},
        }
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    out = console()
    people = Table(title="Progress per analyst (statements judged)", title_justify="left")
    people.add_column("analyst")
    people.add_column("judged", justify="right")
    for analyst, judged in found.analysts:
        people.add_row(cell(analyst), str(judged))
    out.print(people)
    decided = sum(d for *_, d, _n in found.sources)
    total = sum(n for *_, n in found.sources)
    out.print(
        f"Statements decided: {decided} of {total} in {len(found.sources)} sources; "
        f"claims with a verdict: {found.claims[0]} of {found.claims[1]}",
        highlight=False,
    )
    pairs = Table(title="Agreement (each analyst's last verdict)", title_justify="left")
    for name in ("analysts", "shared items", "Cohen's kappa"):
        pairs.add_column(name)
    for pair in found.agreement:
        pairs.add_row(cell(" / ".join(pair.analysts)), str(pair.items), _number(pair.kappa))
    out.print(pairs)
    out.print(
        f"Krippendorff's alpha (nominal), all analysts: {_number(found.alpha)} "
        f"over {found.alpha_items} items judged by two or more",
        highlight=False,
    )


def register(group: click.Group) -> None:
    group.add_command(stats)
