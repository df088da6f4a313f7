"""Everything about the highlighted statement: actor, stance, proposition, evidence, history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from workbench.db.views import HistoryEntry, StatementDetail
from workbench.tui.format import status_label, visible, when
from workbench.tui.widgets.panes import ReadingPane
from workbench.verdicts import verdict_in_words

STATUS_STYLES = {
    "confirmed": "bold $success",
    "disputed": "bold $error",
    "unverified": "bold $warning",
    "dismissed": "$text-disabled",
}


def _history_line(entry: HistoryEntry) -> Content:
    if entry.field == "note":
        change = f"note: {entry.new}"
    elif entry.new is None and entry.old is not None:  # evidence removed: not an addition
        change = f"{entry.field} removed: {entry.old}"
    elif entry.old is not None and entry.new is not None:
        change = f"{entry.field}: {entry.old} → {entry.new}"
    else:
        change = f"{entry.field}: {entry.new if entry.new is not None else entry.old}"
    note = f'  "{entry.note}"' if entry.note and entry.field != "note" else ""
    return Content.assemble(
        (f"{when(entry.at)} {visible(entry.analyst)}  ", "$text-muted"),
        visible(change),
        (visible(note), "italic"),
    )


# The actor name ingest gives the outlet's voice when the source names no outlet
# (services/storing.py OUTLET_FALLBACK; not imported: the TUI stays free of SQLAlchemy).
UNNAMED_OUTLET = "(outlet)"


def detail_content(detail: StatementDetail) -> Content:
    row = detail.row
    status_key = "dismissed" if row.dismissed else row.status
    actor = row.actor or "(no actor)"
    if row.actor_kind == "outlet":  # unattributed text: the outlet asserts it itself
        named = actor != UNNAMED_OUTLET
        actor = f"{actor}, in its own voice" if named else "the outlet, in its own voice"
    elif row.actor_kind:
        actor += f" ({row.actor_kind})"
    parts: list[Content | str | tuple[str, str]] = [
        (f"#{row.id} ", "bold"),
        (status_label(row), STATUS_STYLES.get(status_key, "")),
        (f"  v{row.version} · {visible(row.updated_by)} {when(row.updated_at)}", "$text-muted"),
        "\n",
        *team_lines(detail),
        ("Actor: ", "bold"),
        visible(actor),
        ("   Speaker: ", "bold"),
        visible(row.speaker or "—"),
        "\n",
        ("Stance: ", "bold"),
        row.stance,
        ("   Cue: ", "bold"),
        visible(row.cue or "—"),
        "\n",
        ("Proposition: ", "bold"),
        visible(row.proposition or row.content),
        "\n",
    ]
    if row.merged_into_id:
        parts += [(f"Merged into #{row.merged_into_id}", "italic"), "\n"]
    parts += claim_lines(detail)
    parts += ["\n", (f"Evidence ({len(detail.evidence)})", "bold underline"), "\n"]
    if not detail.evidence:
        parts += [("  none yet: e adds a link", "$text-muted"), "\n"]
    for number, link in enumerate(detail.evidence, start=1):
        parts += [
            f" [{number}] ",
            (link.relation, "bold"),
            f"  {visible(link.url)}",
            (f"  {visible(link.title)}" if link.title else "", "italic"),
            "\n",
        ]
        if link.excerpt:
            parts += [(f'     "{visible(link.excerpt)}"', "$text-muted"), "\n"]
    parts += ["\n", (f"History ({len(detail.history)})", "bold underline"), "\n"]
    if not detail.history:
        parts += [("  no changes yet", "$text-muted"), "\n"]
    for entry in reversed(detail.history):
        parts += [" ", _history_line(entry), "\n"]
    return Content.assemble(*parts)


def team_lines(detail: StatementDetail) -> list[Content | str | tuple[str, str]]:
    """Who holds the statement, and where its second review stands."""
    parts: list[Content | str | tuple[str, str]] = []
    if detail.holder:
        parts += [("Held by: ", "bold"), visible(detail.holder), "\n"]
    if detail.review is not None:
        style = "bold $warning" if detail.review.state == "disputed" else "$text-muted"
        parts += [("Second review: ", "bold"), (visible(detail.review.describe()), style), "\n"]
    return parts


def claim_lines(detail: StatementDetail) -> list[Content | str | tuple[str, str]]:
    """The claim across sources: its verdict, every actor's position, who carried it, and what
    this statement's verdict says of it."""
    claim, row = detail.claim, detail.row
    if claim is None:
        return []
    verdict = claim.effective_verdict
    implied = " (implied by its statements)" if claim.verdict != verdict else ""
    parts: list[Content | str | tuple[str, str]] = [
        "\n",
        (f"Claim #{claim.id}", "bold underline"),
        "  ",
        (verdict + implied, STATUS_STYLES.get(verdict, "")),
    ]
    if claim.inconsistent:
        parts += ["  ", ("⚠ inconsistent: its verdicts contradict", "bold $error")]
    parts += ["\n", " ", visible(claim.proposition), "\n"]
    for stance, names in claim.positions().items():
        parts += [" ", (f"{stance}: ", "bold"), visible(", ".join(names)), "\n"]
    outlets = dict.fromkeys(s.outlet or s.source_title for s in claim.live)
    parts += [
        (f" carried by {len(claim.sources)} source(s): ", "$text-muted"),
        visible(", ".join(o for o in outlets if o)),
        "\n",
        " ",
        (visible(verdict_in_words(row.stance, row.status, row.actor)), "italic"),
        "\n",
    ]
    return parts


class DetailPanel(ReadingPane):
    """The decision record of one statement."""

    def compose(self) -> ComposeResult:
        yield Static("", id="detail-text")

    def show(self, detail: StatementDetail) -> None:
        self.query_one("#detail-text", Static).update(detail_content(detail))

    def clear(self, message: str = "") -> None:
        self.query_one("#detail-text", Static).update(message)
