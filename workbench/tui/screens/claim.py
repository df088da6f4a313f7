"""The claim view: one proposition across sources, opened from a statement (`C`) and closed
back to it (escape). Its own screen so the review screen only needs a one-line hook.

Shows the claim's verdict and rationale, a stance table of actors, the outlets and dates that
carried it (first appearance marked) and each statement's status said in words. `c`/`d`/`u` set
the verdict on the proposition, `A` applies it to every statement (a denial takes the opposite
reading), both through the typed change path against the claim version on screen.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.db.engine import Database
from workbench.db.views import ClaimStatement, ClaimView
from workbench.errors import WorkbenchError
from workbench.services.claims import SUGGEST_BELOW
from workbench.tui.format import visible
from workbench.verdicts import verdict_in_words

READ_ONLY = "Read-only database: claim verdicts are disabled, nothing can be written here."


def is_suggestion(statement: ClaimStatement) -> bool:
    """A link the matcher was not sure of: the analyst accepts (pins) or rejects it."""
    return statement.score is not None and not statement.pinned and statement.score < SUGGEST_BELOW


def claim_content(claim: ClaimView, origin: int | None = None) -> Content:
    """The claim as text: what the report's claim section says, for one claim."""
    verdict = claim.effective_verdict
    implied = " (implied by its statements)" if claim.verdict != verdict else ""
    parts: list[Content | str | tuple[str, str]] = [
        (f"Claim #{claim.id}", "bold underline"),
        f"  version {claim.version}\n",
        visible(claim.proposition),
        "\n\n",
        ("Verdict: ", "bold"),
        verdict + implied,
    ]
    if claim.inconsistent:
        parts += ["  ", ("⚠ inconsistent: its verdicts contradict; not exported", "bold $error")]
    parts.append("\n")
    if claim.rationale:
        parts += [("Rationale: ", "bold"), visible(claim.rationale), "\n"]
    parts += ["\n", ("Positions", "bold underline"), "\n"]
    for stance, names in claim.positions().items():
        parts += [(f" {stance:<10}", "bold"), visible(", ".join(names)), "\n"]
    parts += ["\n", ("Carried by", "bold underline"), "\n"]
    firsts = {}
    for s in claim.live:
        firsts.setdefault(s.source_id, s)
    ordered = sorted(firsts.values(), key=lambda s: (s.published is None, s.published, s.source_id))
    for number, s in enumerate(ordered):
        day = f" ({s.published:%Y-%m-%d})" if s.published else ""
        first = ("  first", "italic") if number == 0 else ""
        parts += [" ", visible(s.outlet or s.source_title or f"source {s.source_id}"), day, first]
        parts.append("\n")
    parts += ["\n", ("Statements", "bold underline"), "\n"]
    for s in claim.live:
        words = verdict_in_words(s.stance, s.status, s.actor)
        parts += [
            ("▶" if s.id == origin else " ", "bold"),
            f"#{s.id} ",
            visible(s.actor or "(unknown)"),
            f" {s.stance}, {s.status}: ",
            (visible(words), "italic"),
            "\n",
        ]
        if is_suggestion(s):
            mark = "y accepts, n rejects" if s.id == origin else "open it to accept or reject"
            parts += [(f"   suggested (score {s.score:.0f}, {s.reason}): {mark}", "$warning"), "\n"]
    return Content.assemble(*parts)


class ClaimScreen(ModalScreen[bool]):
    """Dismissed with True when a verdict was written, so the review screen reloads."""

    BINDINGS = [
        Binding(
            "escape,C",
            "close",
            "Back",
            id="claim-close",
            tooltip="Back to the statement the claim was opened from",
        ),
        Binding(
            "c",
            "claim_verdict('confirmed')",
            "Claim true",
            id="claim-confirm",
            tooltip="The proposition holds: set the claim's verdict to confirmed",
        ),
        Binding(
            "d",
            "claim_verdict('disputed')",
            "Claim false",
            id="claim-dispute",
            tooltip="The proposition does not hold: set the claim's verdict to disputed",
        ),
        Binding(
            "u",
            "claim_verdict('unverified')",
            "Claim unverified",
            id="claim-unverify",
            tooltip="Set the claim's verdict back to unverified",
        ),
        Binding(
            "y",
            "accept_link",
            "Accept link",
            id="claim-accept",
            tooltip="The statement you came from does state this claim: keep it here (pinned)",
        ),
        Binding(
            "n",
            "reject_link",
            "Reject link",
            id="claim-reject",
            tooltip="The statement you came from states another claim: take it out of this one",
        ),
        Binding(
            "A",
            "apply_verdict",
            "Apply to statements",
            id="claim-apply",
            tooltip="Set every statement to the claim verdict's reading (a denial the opposite)",
        ),
    ]

    DEFAULT_CSS = """
    ClaimScreen { align: center middle; }
    #claim-box { width: 110; max-width: 100%; height: 90%; border: thick $accent; padding: 0 1; }
    #claim-box { background: $panel; }
    """

    def __init__(
        self, db: Database, analyst: str, claim: ClaimView, origin: int | None = None
    ) -> None:
        super().__init__()
        self.db, self.analyst, self.claim = db, analyst, claim
        self.origin = origin  # the statement the view was opened from: y / n act on it
        self.changed = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="claim-box"):
            yield Static(claim_content(self.claim, self.origin), id="claim-text")

    def action_close(self) -> None:
        self.dismiss(self.changed)

    def action_claim_verdict(self, verdict: str) -> None:
        self._write(verdict, apply=False)

    def action_apply_verdict(self) -> None:
        self._write(self.claim.verdict, apply=True)

    def action_accept_link(self) -> None:
        from workbench.services.claim_changes import LinkToClaim

        if self.origin is not None:
            self._apply(LinkToClaim(self.origin, self.claim.id), None)

    def action_reject_link(self) -> None:
        from workbench.services.claim_changes import UnlinkFromClaim

        if self.origin is not None:
            self._apply(UnlinkFromClaim(self.origin), None)

    def _write(self, verdict: str, *, apply: bool) -> None:
        from workbench.services.claim_changes import SetClaimVerdict

        change = SetClaimVerdict(self.claim.id, verdict, self.claim.rationale, apply)
        self._apply(change, self.claim.version)

    def _apply(self, change: Any, version: int | None) -> None:
        """One transaction on the typed path; a stale version or bad input is one notice."""
        from workbench.services.changes import apply_change
        from workbench.services.claims import get_claim

        if self.db.read_only:
            self.notify(READ_ONLY, title="Read-only", severity="warning")
            return
        try:
            with self.db.transaction() as session:
                applied = apply_change(
                    session, change, analyst=self.analyst, expected_version=version
                )
                self.claim = get_claim(session, self.claim.id)
        except WorkbenchError as error:
            self.notify(error.one_line(), title="Not saved", severity="error")
            return
        self.changed = True
        self.notify(f"saved: {applied.message}")
        self.query_one("#claim-text", Static).update(claim_content(self.claim, self.origin))


def open_claim(review: Any) -> None:
    """From the review screen: the highlighted statement's claim; back on escape, reloading
    the list if a verdict was written (an applied verdict changes statements)."""
    from workbench.services.claims import claim_of_statement

    current = review.statements.current
    if current is None:
        review.notify("No statement is highlighted.", severity="warning")
        return
    try:
        with review.db.reader() as session:
            claim = claim_of_statement(session, current.id)
    except WorkbenchError as error:
        review.notify(error.one_line(), severity="error")
        return
    if claim is None:
        review.notify(f"Statement #{current.id} is in no claim yet.", severity="warning")
        return

    def back(changed: bool | None) -> None:
        if changed:
            review.action_reload()

    review.app.push_screen(ClaimScreen(review.db, review.analyst, claim, current.id), back)
