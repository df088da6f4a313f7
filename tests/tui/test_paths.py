"""Issue 11's analyst paths in the TUI, each driven through the keys as an analyst would."""

from __future__ import annotations

from workbench.services.review import set_status

from .helpers import notices, row, settle, text_of


async def test_a_refused_verdict_keeps_the_cursor_on_the_refused_statement(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        with review_db.transaction() as session:
            set_status(session, statement_id=1, status="disputed", analyst="bo")
        await pilot.press("c")  # shown at once and the cursor advances; the write is refused
        await settle(pilot)
        assert row(review_db, 1).status == "disputed"
        assert any("changed by someone else" in n for n in notices(pilot))
        current = app.screen.statements.current
        assert (current.id, current.status, current.updated_by) == (1, "disputed", "bo")
        assert text_of(pilot, "#detail-text").startswith("#1 ✗ disputed")


async def test_o_shows_and_copies_the_link_where_no_browser_opens(review_db, make_app):
    app = make_app(review_db)  # headless: like SSH, no browser opens
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e", *"https://example.org/audit", "enter")
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.clipboard == "https://example.org/audit"
        assert any(
            "https://example.org/audit" in n and "copied to the clipboard" in n
            for n in notices(pilot)
        )
        await pilot.press("e", *"https://example.org/second", "enter")
        await settle(pilot)
        await pilot.press("o", "down", "enter")  # two links: the picker, then the same toast
        await pilot.pause()
        assert app.clipboard == "https://example.org/second"
