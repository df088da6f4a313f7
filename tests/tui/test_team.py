"""Team review in the TUI: overriding a colleague asks first, second review and holders shown."""

from __future__ import annotations

from workbench.services.assignments import Assign
from workbench.services.changes import SetStatus, apply_change
from workbench.services.settings import ChangeSetting

from .helpers import detail, notices, row, settle, text_of


def _as(db, change, analyst):  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        return apply_change(session, change, analyst=analyst)


async def test_replacing_a_colleagues_verdict_asks_who_when_why_and_records_the_reason(
    review_db, make_app
) -> None:
    _as(review_db, SetStatus(1, "disputed", "the minutes say otherwise"), "bo")
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        asked = text_of(pilot, "#override-standing")
        assert "bo set it disputed" in asked and "the minutes say otherwise" in asked
        assert row(review_db, 1).status == "disputed"  # nothing written while it asks
        await pilot.press("enter")  # no reason: refused inside the form
        await settle(pilot)
        assert app.screen.query_one("#override-why") is not None
        await pilot.press("escape")
        await settle(pilot)
        assert row(review_db, 1).status == "disputed"
        assert "#1 left as it was." in notices(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"new footage", "enter")
        await settle(pilot)
        assert row(review_db, 1).status == "confirmed"
        last = detail(review_db, 1).history[-1]
        assert (last.field, last.new, last.note) == ("status", "confirmed", "new footage")
        assert "overrode disputed by bo" in text_of(pilot, "#status-line")


async def test_detail_shows_the_holder_and_the_second_review_round(review_db, make_app) -> None:
    _as(review_db, ChangeSetting("second-review", "on"), "lead")
    _as(review_db, Assign(1, "bo"), "lead")
    _as(review_db, SetStatus(1, "confirmed", "transcript"), "bo")
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = text_of(pilot, "#detail-text")
        assert "Held by: bo" in shown
        assert "Second review: waits for a second analyst (bo said confirmed)" in shown
        await pilot.press("d")  # a different verdict: a second opinion, not an override
        await settle(pilot)
        assert row(review_db, 1).status == "confirmed"
        await pilot.press("k")
        await settle(pilot)
        assert "disputed: bo said confirmed" in text_of(pilot, "#detail-text")


async def test_my_queue_key_shows_what_i_hold_and_each_row_says_who_holds_it(
    review_db, make_app
) -> None:
    _as(review_db, Assign(2, "tester"), "lead")
    _as(review_db, Assign(5, "tester"), "lead")
    _as(review_db, Assign(3, "bo"), "lead")
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:  # the narrow list shows it too
        await settle(pilot)
        listing = app.screen.statements
        assert [listing.window.get(p).holder for p in range(4)] == ["", "tester", "bo", ""]
        header = listing.render_line(0).text
        assert "held" in header and "tester" in listing.render_line(2).text
        await pilot.press("M")  # my queue: what I hold and have not decided
        await settle(pilot)
        assert listing.window.extent == 2
        assert [listing.window.get(p).id for p in range(2)] == [2, 5]
        title = str(app.screen.query_one("#statements-pane").border_title)
        assert "assigned to tester" in title and "unverified" in title
        await pilot.press("c")  # decided: it leaves the queue on the next reload
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert [listing.window.get(p).id for p in range(listing.window.extent)] == [5]
        await pilot.press("M")  # all I hold
        await settle(pilot)
        assert [listing.window.get(p).id for p in range(2)] == [2, 5]
        await pilot.press("M")  # everyone's
        await settle(pilot)
        assert listing.window.extent == 9


async def test_a_reassignment_by_the_lead_reaches_the_row_on_screen(review_db, make_app) -> None:
    app = make_app(review_db, poll_seconds=0.2)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        _as(review_db, Assign(1, "bo"), "lead")
        await pilot.pause(0.8)
        await settle(pilot)
        assert app.screen.statements.window.get(0).holder == "bo"


async def test_presence_shows_who_else_is_here_and_on_which_statement(review_db, make_app) -> None:
    from workbench.services import presence

    with review_db.transaction() as session:
        presence.beat(session, "other-terminal", "bo", 4)
    app = make_app(review_db, poll_seconds=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.8)
        await settle(pilot)
        assert "also here: bo #4" in text_of(pilot, "#status-line")
        with review_db.reader() as session:
            seen = presence.others(session, "other-terminal")
        assert [(p.analyst, p.statement_id) for p in seen] == [("tester", 1)]
    with review_db.reader() as session:  # leaving removes our row at once
        assert presence.others(session, "other-terminal") == []


async def test_review_queue_key_lists_what_waits_for_me_and_c_seconds_it(
    review_db, make_app
) -> None:
    _as(review_db, ChangeSetting("second-review", "on"), "lead")
    _as(review_db, SetStatus(2, "confirmed"), "bo")  # waits for a second analyst: me
    _as(review_db, SetStatus(4, "disputed"), "tester")  # my own: not mine to second
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        listing = app.screen.statements
        assert listing.window.extent == 1 and listing.current.id == 2
        assert "second review for tester" in str(
            app.screen.query_one("#statements-pane").border_title
        )
        await pilot.press("c")
        await settle(pilot)
        assert "agreed with bo: final" in text_of(pilot, "#status-line")
        assert detail(review_db, 2).review.state == "agreed"


def test_presence_lists_each_colleague_once_and_not_myself(review_db) -> None:
    from workbench.services import presence

    with review_db.transaction() as session:
        presence.beat(session, "bo-laptop", "bo", 3)
        presence.beat(session, "bo-desk", "bo", 7)  # the later heartbeat wins
        presence.beat(session, "my-other-terminal", "tester", 1)
        presence.beat(session, "cleo", "cleo", None)
    with review_db.reader() as session:
        seen = presence.others(session, "this-terminal", "tester")
    assert [(p.analyst, p.statement_id) for p in seen] == [("bo", 7), ("cleo", None)]


async def test_my_queue_and_review_queue_replace_each_other_instead_of_stacking(
    review_db, make_app
) -> None:
    _as(review_db, ChangeSetting("second-review", "on"), "lead")
    _as(review_db, Assign(2, "tester"), "lead")  # mine to decide
    _as(review_db, SetStatus(4, "confirmed"), "bo")  # bo's verdict, waiting for me to second
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.screen.statements

        def shown() -> list[int]:
            return [listing.window.get(p).id for p in range(listing.window.extent)]

        def title() -> str:
            return str(app.screen.query_one("#statements-pane").border_title)

        await pilot.press("M")
        await settle(pilot)
        assert shown() == [2]
        await pilot.press("R")  # leaves my queue (and its "undecided") for the review queue
        await settle(pilot)
        assert shown() == [4]
        assert "second review for tester" in title()
        assert "assigned to" not in title() and "unverified" not in title()
        await pilot.press("M")  # and back: leaves the review queue
        await settle(pilot)
        assert shown() == [2]
        assert "assigned to tester" in title() and "second review" not in title()
        await pilot.press("M", "R")  # from "all I hold" too
        await settle(pilot)
        assert shown() == [4] and "assigned to" not in title()
