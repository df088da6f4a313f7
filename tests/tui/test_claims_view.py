"""The claim across sources in the review screen: positions, outlets, and verdicts in words."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

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


@asynccontextmanager
async def _on_the_denial(
    tmp_path: Path, make_app: Callable[..., Any]
) -> AsyncIterator[tuple[Any, Database, Any, Any]]:
    """The review screen on North Korea's denial of the arms claim carried by two sources."""
    db = _claims_db(tmp_path)
    with db.reader() as session:
        (claim,) = [c for c in list_claims(session) if "arms" in c.proposition]
    denial = next(s for s in claim.live if s.stance == "denies")
    app = make_app(db, advance_after_verdict=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        while app.screen.statements.current.id != denial.id:
            await pilot.press("j")
            await settle(pilot)
        yield pilot, db, claim, denial


async def test_the_detail_shows_the_claim_and_c_on_a_denial_says_what_it_means(
    tmp_path: Path, make_app: Callable[..., Any]
) -> None:
    async with _on_the_denial(tmp_path, make_app) as (pilot, db, claim, denial):
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


async def test_shift_c_opens_the_claim_a_verdict_there_applies_and_escape_goes_back(
    tmp_path: Path, make_app: Callable[..., Any]
) -> None:
    from workbench.services.claims import get_claim

    async with _on_the_denial(tmp_path, make_app) as (pilot, db, claim, denial):
        app = pilot.app
        review = app.screen
        await pilot.press("C")
        await settle(pilot)
        shown = text_of(pilot, "#claim-text")
        assert f"Claim #{claim.id}" in shown and "Verdict: unverified" in shown
        assert "asserts   United States" in shown and "denies    North Korea, Russia" in shown
        assert "A Times" in shown and "B Times" in shown and "first" in shown
        await pilot.press("d")  # the proposition is false
        await pilot.press("A")  # ... and every statement takes that reading
        await settle(pilot)
        shown = text_of(pilot, "#claim-text")
        assert "Verdict: disputed" in shown and "(implied" not in shown
        assert "North Korea's denial holds: the claim is false" in shown
        assert "United States' claim does not hold: the claim is false" in shown
        with db.reader() as session:
            stored = get_claim(session, claim.id)
        assert stored.verdict == "disputed" and stored.version == 3 and not stored.inconsistent
        assert row(db, denial.id).status == "confirmed"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is review
        assert review.statements.current.id == denial.id
        assert review.statements.current.status == "confirmed"  # reloaded


async def test_the_statement_list_shows_the_proposition_not_the_content_fragment(
    tmp_path: Path, make_app: Callable[..., Any]
) -> None:
    """The denial's content is "the claims"; the list shows what is denied."""
    async with _on_the_denial(tmp_path, make_app) as (pilot, _db, _claim, _denial):
        lines = [pilot.app.screen.statements.render_line(y).text for y in range(0, 8)]
        assert lines[0].split()[:4] == ["status", "speaker", "stance", "claim"]
        denials = [x for x in lines if " denies " in x]
        assert any("North Korea provided arms to Russia." in x for x in denials)
        assert not any(x.rstrip().endswith("the claims") for x in denials)


async def test_y_accepts_a_suggested_link_and_n_rejects_it(
    tmp_path: Path, make_app: Callable[..., Any]
) -> None:
    import sqlalchemy as sa

    from workbench.services.claims import claim_of_statement

    async with _on_the_denial(tmp_path, make_app) as (pilot, db, claim, denial):
        with db.engine.begin() as connection:  # the matcher was unsure of this one
            connection.execute(
                sa.text(
                    "UPDATE claim_member SET score = 80, pinned = 0, reason = 'same terms' "
                    "WHERE statement_id = :id"
                ),
                {"id": denial.id},
            )
        await pilot.press("C")
        await settle(pilot)
        assert "suggested (score 80, same terms): y accepts, n rejects" in text_of(
            pilot, "#claim-text"
        )
        await pilot.press("y")
        await settle(pilot)
        assert "suggested" not in text_of(pilot, "#claim-text")
        with db.reader() as session:
            kept = claim_of_statement(session, denial.id)
        assert kept is not None and kept.id == claim.id
        assert next(s for s in kept.live if s.id == denial.id).pinned
        await pilot.press("n")
        await settle(pilot)
        with db.reader() as session:
            moved = claim_of_statement(session, denial.id)
        assert moved is not None and moved.id != claim.id
        assert f"#{denial.id} " not in text_of(pilot, "#claim-text")
