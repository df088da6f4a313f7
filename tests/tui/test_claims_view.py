"""The claim across sources in the review screen: positions, outlets, and verdicts in words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from core.conftest import ACCUSATION, FOLLOW_UP

from workbench.config import Settings
from workbench.db.engine import Database
from workbench.db.schema import upgrade_to_head
from workbench.ingest.metadata import Metadata
from workbench.services.claims import list_claims
from workbench.services.ingesting import ingest_paths

from .helpers import row, settle, text_of


def _claims_db(tmp_path: Path) -> Database:
    db = Database.open(str(tmp_path / "claims.db"))
    upgrade_to_head(db)
    for name, text in (("a.txt", ACCUSATION), ("b.txt", FOLLOW_UP)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        ingest_paths(
            db,
            [tmp_path / name],
            metadata=Metadata(outlet=name[0].upper() + " Times"),
            input_format="auto",
            analyst="ana",
            settings=Settings(database="x"),
        )
    return replace(db, location="claims.db")


async def test_the_detail_shows_the_claim_and_c_on_a_denial_says_what_it_means(
    tmp_path: Path, make_app: Callable[..., object]
) -> None:
    db = _claims_db(tmp_path)
    with db.reader() as session:
        (claim,) = [c for c in list_claims(session) if "arms" in c.proposition]
    denial = next(s for s in claim.live if s.stance == "denies")
    app = make_app(db, advance_after_verdict=False)
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        while app.screen.statements.current.id != denial.id:  # type: ignore[attr-defined]
            await pilot.press("j")
            await settle(pilot)
        shown = text_of(pilot, "#detail-text")
        assert f"Claim #{claim.id}" in shown
        assert "asserts: United States" in shown and "denies: North Korea, Russia" in shown
        assert "carried by 2 source(s): A Times, B Times" in shown
        await pilot.press("c")
        await settle(pilot)
        assert row(db, denial.id).status == "confirmed"
        assert "North Korea's denial holds: the claim is false" in text_of(pilot, "#status-line")
        shown = text_of(pilot, "#detail-text")
        assert "disputed (implied by its statements)" in shown
