"""Issue 11's analyst paths in the TUI, each driven through the keys as an analyst would."""

from __future__ import annotations

from .helpers import notices, settle


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
