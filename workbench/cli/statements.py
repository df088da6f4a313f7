"""Reading and deciding on statements: list, show, verdict, evidence, notes, history."""

from __future__ import annotations

from dataclasses import asdict
from operator import attrgetter
from typing import Any

import click

from workbench.cli.context import AppContext
from workbench.cli.output import (
    cell,
    console,
    shorten,
    status_label,
    status_symbol,
    write_csv,
    write_jsonl,
)
from workbench.cli.params import COUNT, ROW_ID, expect_version_option
from workbench.db.views import HistoryEntry, StatementDetail, StatementRow

STATEMENT_FIELDS = (
    "id", "key", "source_id", "source_title", "speaker", "actor", "cue", "stance", "content",
    "proposition", "status", "dismissed", "version", "updated_by", "updated_at",
    "sentence_start", "sentence_end", "speaker_start", "speaker_end", "cue_start", "cue_end",
    "content_start", "content_end", "rule", "confidence", "claim_group",
)  # fmt: skip
HISTORY_FIELDS = (
    "id",
    "at",
    "analyst",
    "entity",
    "entity_id",
    "statement_id",
    "field",
    "old",
    "new",
    "note",
)


_STATEMENT_VALUES = attrgetter(*STATEMENT_FIELDS)


def statement_record(row: StatementRow) -> dict[str, Any]:
    # One C-level attribute fetch for all fields: `asdict` deep-copies every value and was 70%
    # of the time of `statements --format jsonl` (the fields are scalars).
    return dict(zip(STATEMENT_FIELDS, _STATEMENT_VALUES(row), strict=True))


def history_record(entry: HistoryEntry) -> dict[str, Any]:
    record = asdict(entry)
    return {name: record[name] for name in HISTORY_FIELDS}


@click.command()
@click.option(
    "--status", "statuses", multiple=True, help="unverified, confirmed or disputed (repeatable)."
)
@click.option("--source", "source_ids", multiple=True, type=ROW_ID, help="Source id (repeatable).")
@click.option("--actor", "actors", multiple=True, help="Actor name or alias (repeatable).")
@click.option(
    "--stance", "stances", multiple=True, help="asserts, denies or questions (repeatable)."
)
@click.option("--analyst", "changed_by", help="Only statements last changed by this analyst.")
@click.option("--assigned-to", metavar="ANALYST", help="Only statements this analyst holds.")
@click.option("--search", default="", help='Words that must all appear; "quoted phrase" allowed.')
@click.option(
    "--include-dismissed", is_flag=True, help="Also list dismissed and merged statements."
)
@click.option("--limit", type=COUNT, default=None, help="At most this many.")
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def statements(
    app: AppContext,
    statuses: tuple[str, ...],
    source_ids: tuple[int, ...],
    actors: tuple[str, ...],
    stances: tuple[str, ...],
    changed_by: str | None,
    assigned_to: str | None,
    search: str,
    include_dismissed: bool,
    limit: int | None,
    output: str,
) -> None:
    """List statements, filtered."""
    from itertools import islice
    from sys import maxsize

    from workbench.services.statements import StatementFilter, iter_statements

    flt = StatementFilter(
        statuses=statuses,
        source_ids=source_ids,
        actors=actors,
        stances=stances,
        analyst=changed_by,
        assigned_to=assigned_to,
        search=search,
        include_dismissed=include_dismissed,
    )
    db = app.open_db(write=False)
    with db.reader() as session:
        rows = islice(iter_statements(session, flt), None if limit is None else min(limit, maxsize))
        if output == "jsonl":
            write_jsonl(statement_record(r) for r in rows)
        elif output == "csv":
            write_csv((statement_record(r) for r in rows), STATEMENT_FIELDS)
        else:
            _statement_table(list(rows), flt.describe())


def _statement_table(rows: list[StatementRow], title: str) -> None:
    """Fixed narrow columns and a light box, so the content keeps room even at 80 columns."""
    from rich import box
    from rich.table import Table

    table = Table(
        title=cell(f"{len(rows)} statements: {title}"),  # the title holds the user's search
        title_justify="left",
        expand=True,
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for name, width in (("id", 5), ("", 1), ("actor", 16), ("stance", 9), ("cue", 11)):
        table.add_column(name, width=width, overflow="ellipsis", no_wrap=True)
    table.add_column("content", ratio=1, overflow="ellipsis", no_wrap=True)
    for row in rows:
        table.add_row(
            str(row.id),
            status_symbol(row.status),
            cell(row.actor, 16),
            row.stance,
            cell(row.cue or "–", 11),
            cell(row.content, 200),
        )
    console().print(table)
    console().print(
        "[green]✓[/] confirmed  [red]✗[/] disputed  [yellow]○[/] unverified", style="dim"
    )


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.option(
    "--context",
    "context_before",
    type=COUNT,
    default=1,
    show_default=True,
    help="Paragraphs of the article to print before the statement's own paragraph.",
)
@click.pass_obj
def show(app: AppContext, statement_id: int, context_before: int) -> None:
    """One statement: its sentence in context, evidence and history."""
    from rich.text import Text

    from workbench.invisible import show_invisible
    from workbench.services.statements import get_statement

    db = app.open_db(write=False)
    with db.reader() as session:
        detail = get_statement(session, statement_id)
    row, out = detail.row, console()
    # Stored text reaches the terminal through `plain`: control and direction-override
    # characters (from a database older than the input checks) show as [U+XXXX] markers.
    plain = show_invisible
    out.print(
        f"[bold]Statement {row.id}[/] · {status_label(row.status)} · version {row.version}"
        + (" · [dim]dismissed[/]" if row.dismissed else "")
    )
    out.print(
        plain(
            f"source {detail.source.id}: {detail.source.title or '(untitled)'}"
            + (f" — {detail.source.outlet}" if detail.source.outlet else "")
            + (f" <{detail.source.url}>" if detail.source.url else "")
            + (
                f" · revision {detail.source.revision} of source {detail.source.previous_id}"
                f" (`workbench diff {detail.source.id}`)"
                if detail.source.previous_id
                else ""
            )
        ),
        markup=False,
    )
    out.print(
        plain(f"actor: {row.actor} ({row.actor_kind})   speaker as written: {row.speaker or '–'}"),
        markup=False,
    )
    out.print(
        plain(
            f"stance: {row.stance}   cue: {row.cue or '–'}   rule: {row.rule} "
            f"({row.confidence:.2f})"
        ),
        markup=False,
    )
    out.print(plain(f"proposition: {row.proposition}"), markup=False)
    if detail.holder:
        out.print(plain(f"held by: {detail.holder}"), markup=False)
    if detail.review is not None:
        out.print(plain(f"second review: {detail.review.describe()}"), markup=False)
    start, end = row.sentence_start, row.sentence_end
    raw_sentence = detail.text[start:end]
    if plain(raw_sentence) != raw_sentence:  # markers would shift the spans: no styling
        out.print("sentence: " + plain(raw_sentence), markup=False)
    else:
        sentence = Text(raw_sentence)
        for s, e, style in (
            (row.content_start, row.content_end, "underline"),
            (row.speaker_start, row.speaker_end, "bold cyan"),
            (row.cue_start, row.cue_end, "bold magenta"),
        ):
            if s is not None and e is not None:
                sentence.stylize(style, max(s - start, 0), max(min(e, end) - start, 0))
        out.print(Text("sentence: ") + sentence)
    _print_context(detail, context_before)
    if detail.evidence:
        out.print("evidence:")
        for ev in detail.evidence:
            out.print(
                plain(f"  [{ev.id}] {ev.relation}: {ev.url} {ev.title} ({ev.added_by})"),
                markup=False,
            )
    out.print("history:")
    for entry in detail.history:
        out.print(plain("  " + _history_line(entry)), markup=False)


def _print_context(detail: StatementDetail, before: int) -> None:
    """The statement's paragraph and `before` paragraphs ahead of it (they resolve pronouns)."""
    from workbench.invisible import show_invisible
    from workbench.services.article_context import context_paragraphs

    row = detail.row
    spans = context_paragraphs(detail.text, row.sentence_start, row.sentence_end, before)
    out = console()
    out.print(f"context ({len(spans) - 1} paragraph(s) before):")
    for number, (start, end) in enumerate(spans, start=1):
        paragraph = " ".join(detail.text[start:end].split())
        mark = "▶ " if number == len(spans) else "  "  # the statement's own paragraph
        out.print(mark + show_invisible(paragraph), markup=False, highlight=False)


def _history_line(entry: HistoryEntry) -> str:
    if entry.new is None:  # evidence removed, a note cleared: say so, never print `None`
        change = f"removed {entry.old}" if entry.old is not None else "removed"
    elif entry.old is None:
        change = f"{entry.new}"
    else:
        change = f"{entry.old} → {entry.new}"
    note = f"  — {entry.note}" if entry.note else ""
    return f"{entry.at:%Y-%m-%d %H:%M} {entry.analyst}: {entry.field} {change}{note}"


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.argument("status", metavar="confirmed|disputed|unverified")
@click.option(
    "--evidence", "urls", multiple=True, metavar="URL", help="Attach an evidence link (repeatable)."
)
@click.option(
    "--relation",
    default=None,
    help="Relation of the --evidence links (default: supports if confirmed, refutes if disputed).",
)
@click.option("--note", default="", help="Why: kept in the history.")
@click.option(
    "--override",
    is_flag=True,
    help="Replace a verdict another analyst set, or, as a third analyst, decide a disputed "
    "second review; needs --note REASON.",
)
@expect_version_option()
@click.pass_obj
def verdict(
    app: AppContext,
    statement_id: int,
    status: str,
    urls: tuple[str, ...],
    relation: str | None,
    note: str,
    override: bool,
    expect_version: int | None,
) -> None:
    """Record a verdict on a statement, with evidence, in one transaction.

    A verdict another analyst set is never replaced silently: give --override --note REASON.
    With second review on (`workbench settings set second-review on`) the first verdict waits
    for a second analyst; see `workbench reviews`.
    """
    from workbench.services.changes import AddEvidence, SetStatus, apply_change

    relation = relation or {"confirmed": "supports", "disputed": "refutes"}.get(status, "context")
    db = app.open_db(write=True)
    with db.transaction() as session:
        change = SetStatus(statement_id, status, note, override=override)
        applied = apply_change(
            session, change, analyst=app.analyst, expected_version=expect_version
        )
        for url in dict.fromkeys(urls):  # `--evidence X --evidence X` means one link
            link = AddEvidence(statement_id, url, relation=relation)
            apply_change(session, link, analyst=app.analyst)
    row = applied.rows[0]
    click.echo(f"statement {row.id}: {row.status} (version {row.version})")
    if applied.remark:  # an override, an agreement, a round of second review
        click.echo(applied.remark)


@click.group()
def evidence() -> None:
    """Evidence links on statements."""


@evidence.command("add")
@click.argument("statement_id", type=ROW_ID)
@click.argument("url")
@click.option("--title", default="", help="A title for the link.")
@click.option(
    "--relation", default="supports", show_default=True, help="supports, refutes or context."
)
@click.option("--excerpt", default="", help="A quoted passage from the linked page.")
@expect_version_option()
@click.pass_obj
def evidence_add(
    app: AppContext,
    statement_id: int,
    url: str,
    title: str,
    relation: str,
    excerpt: str,
    expect_version: int | None,
) -> None:
    """Attach an http(s) link that supports, refutes or gives context to a statement."""
    from workbench.services.changes import AddEvidence, apply_change

    db = app.open_db(write=True)
    with db.transaction() as session:
        change = AddEvidence(statement_id, url, title, relation, excerpt)
        applied = apply_change(
            session, change, analyst=app.analyst, expected_version=expect_version
        )
    click.echo(f"evidence {applied.created_id} added to statement {statement_id} ({relation})")


@evidence.command("edit")
@click.argument("evidence_id", type=ROW_ID)
@click.option("--url", default=None, help="A new http(s) address.")
@click.option("--title", default=None, help="A new title.")
@click.option("--relation", default=None, help="supports, refutes or context.")
@click.option("--excerpt", default=None, help="A new quoted passage.")
@click.option(
    "--expect-version",
    type=ROW_ID,
    default=None,
    help="Refuse if the link changed since you saw it at this version.",
)
@click.pass_obj
def evidence_edit(
    app: AppContext,
    evidence_id: int,
    url: str | None,
    title: str | None,
    relation: str | None,
    excerpt: str | None,
    expect_version: int | None,
) -> None:
    """Correct a link: its URL, title, relation or excerpt (each change in the history)."""
    from workbench.errors import NotFound
    from workbench.services.changes import EditEvidence, apply_change
    from workbench.services.evidence import statement_of

    db = app.open_db(write=True)
    with db.transaction() as session:
        statement_id = statement_of(session, evidence_id)
        if statement_id is None:
            raise NotFound(f"no evidence with id {evidence_id}", where="evidence")
        change = EditEvidence(
            statement_id, evidence_id, url, title, relation, excerpt, expect_version
        )
        applied = apply_change(session, change, analyst=app.analyst)
    click.echo(applied.message)


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.option(
    "--format", "output", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.pass_obj
def history(app: AppContext, statement_id: int, output: str) -> None:
    """Every change to a statement: who, when, old → new."""
    from workbench.services.history import statement_history
    from workbench.services.statements import get_statement_row

    db = app.open_db(write=False)
    with db.reader() as session:
        get_statement_row(session, statement_id)
        entries = statement_history(session, statement_id)
    if output == "jsonl":
        write_jsonl(history_record(e) for e in entries)
        return
    for entry in entries:
        click.echo(shorten(_history_line(entry), 100_000))  # invisible characters made visible


@click.command()
@click.argument("statement_id", type=ROW_ID)
@click.argument("text")
@expect_version_option()
@click.pass_obj
def note(app: AppContext, statement_id: int, text: str, expect_version: int | None) -> None:
    """Add a note to a statement (kept in its history)."""
    from workbench.services.changes import AddNote, apply_change

    db = app.open_db(write=True)
    with db.transaction() as session:
        change = AddNote(statement_id, text)
        apply_change(session, change, analyst=app.analyst, expected_version=expect_version)
    click.echo(f"note added to statement {statement_id}")


def register(group: click.Group) -> None:
    from workbench.cli import corrections, listings

    for command in (statements, show, verdict, evidence, history, note):
        group.add_command(command)
    corrections.register(group)
    listings.register(group)
