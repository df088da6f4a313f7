"""Claims across sources as the reports show them: the proposition, its verdict, each actor's
position, the outlets that carried it (first appearance marked) and each statement's verdict
said in words. One builder, so the HTML and Markdown reports cannot tell it two ways."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from workbench.export.common import ExportOptions, http_url, one_line


@dataclass(frozen=True)
class ClaimSection:
    """A claim carried by several sources, as the report shows it."""

    id: int
    proposition: str
    verdict: str
    implied: bool
    inconsistent: bool
    rationale: str
    positions: list[tuple[str, str]]
    appearances: list[tuple[str, str, str | None, bool]]  # name, date, href, first
    statements: list[tuple[str, str, str, str]]  # actor, stance, status, in words


def claim_sections(session: Session, options: ExportOptions) -> list[ClaimSection]:
    """Claims carried by more than one source of the report's scope, most widely first."""
    from workbench.services.claims import list_claims
    from workbench.verdicts import verdict_in_words

    wanted = set(options.scope.statements.source_ids)
    sections = []
    for view in list_claims(session, multi_source=True):
        if wanted and not wanted & set(view.sources):
            continue
        firsts: dict[int, Any] = {}
        for s in view.live:
            firsts.setdefault(s.source_id, s)
        ordered = sorted(
            firsts.values(), key=lambda s: (s.published is None, s.published, s.source_id)
        )
        sections.append(
            ClaimSection(
                id=view.id,
                proposition=one_line(view.proposition),
                verdict=view.effective_verdict,
                implied=view.effective_verdict != view.verdict,
                inconsistent=view.inconsistent,
                rationale=one_line(view.rationale),
                positions=[(k, ", ".join(v)) for k, v in view.positions().items()],
                appearances=[
                    (
                        one_line(s.outlet or s.source_title),
                        str(s.published or ""),
                        http_url(s.source_url),
                        number == 0,
                    )
                    for number, s in enumerate(ordered)
                ],
                statements=[
                    (
                        one_line(s.actor or "(unknown)"),
                        s.stance,
                        s.status,
                        one_line(verdict_in_words(s.stance, s.status, s.actor)),
                    )
                    for s in view.live
                ],
            )
        )
    return sections
