"""Pictures of the main screens, on fixed data and a frozen clock (review snapshot_report.html
before running with --snapshot-update)."""

from __future__ import annotations

from .helpers import settle


async def _settled(pilot):
    await settle(pilot)


def test_review_screen(snap_compare, review_db, make_app):
    assert snap_compare(make_app(review_db), run_before=_settled, terminal_size=(120, 40))


def test_review_screen_after_verdicts_note_and_evidence(snap_compare, review_db, make_app):
    async def decide(pilot):
        await settle(pilot)
        await pilot.press("c", "d", "k")
        await settle(pilot)
        await pilot.press("n", *"checked with the ministry", "enter")
        await settle(pilot)
        await pilot.press("e", *"https://example.org/audit", "enter")
        await settle(pilot)

    assert snap_compare(make_app(review_db), run_before=decide, terminal_size=(120, 40))


def test_help_screen(snap_compare, review_db, make_app):
    async def help_(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(review_db), run_before=help_, terminal_size=(120, 40))


def test_empty_database_screen(snap_compare, empty_db, make_app):
    assert snap_compare(make_app(empty_db), run_before=_settled, terminal_size=(120, 40))


def test_small_terminal(snap_compare, review_db, make_app):
    async def filtered(pilot):
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(make_app(review_db), run_before=filtered, terminal_size=(80, 24))
