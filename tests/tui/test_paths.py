"""Issue 11's analyst paths in the TUI, each driven through the keys as an analyst would."""

from __future__ import annotations

from .helpers import notices, settle, text_of


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


async def test_every_row_and_count_follows_another_connections_changes(
    review_db, make_app, tmp_path
):
    from workbench.db.engine import Database
    from workbench.services.review import dismiss_statement, set_status

    from .test_changes import source_counts

    app = make_app(review_db, poll_seconds=0.1)
    other = Database.open(str(tmp_path / "review.db"))  # a colleague's own connection
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        with other.transaction() as session:  # rows other than the highlighted one
            set_status(session, statement_id=5, status="confirmed", analyst="bo")
            dismiss_statement(session, statement_id=6, analyst="bo")
        for _ in range(20):  # within 2 s
            await pilot.pause(0.1)
            await settle(pilot)
            if app.screen.statements.window.row_of(5).status == "confirmed":
                break
        screen = app.screen
        assert screen.statements.window.row_of(5).status == "confirmed"
        assert screen.statements.window.row_of(6).dismissed
        assert screen.query_one("#statements-pane").border_title.startswith("Statements (8)")
        assert (
            "○ 7 unverified · ✓ 1 confirmed" in screen.query_one("#statements-pane").border_subtitle
        )
        assert "7 unverified" in text_of(pilot, "#status-line")
        assert source_counts(app, 2).endswith("○1 ✓1 ✗0")
    other.dispose()


async def test_counts_follow_a_dismissal_at_once(review_db, make_app):
    from .test_changes import source_counts

    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        pane = app.screen.query_one("#statements-pane")
        assert pane.border_title.startswith("Statements (8)")
        assert "8 unverified" in text_of(pilot, "#status-line")
        assert source_counts(app, 1).endswith("○3 ✓0 ✗0")


async def test_a_dismissed_statement_is_found_again_and_restored(review_db, make_app):
    from .helpers import row

    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x", "r")
        await settle(pilot)
        assert app.screen.statements.current.id == 2  # gone from the list after a reload
        await pilot.press("f")
        app.screen.query_one("#filter-dismissed").value = True
        app.screen.query_one("#filter-actor").focus()
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one("#statements-pane")
        assert "incl. dismissed" in str(pane.border_title)
        assert app.screen.statements.window.get(0).dismissed
        await pilot.press("home", "x")  # the restore path
        await settle(pilot)
        assert not row(review_db, 1).dismissed


async def test_removed_evidence_reads_as_a_removal_and_source_ids_show(review_db, make_app):
    from workbench.tui.widgets.source_list import SourceList

    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e", *"https://example.org/audit", "enter")
        await settle(pilot)
        await pilot.press("z")  # undo: the link is removed
        await settle(pilot)
        detail = text_of(pilot, "#detail-text")
        assert "evidence removed: supports: https://example.org/audit" in detail
        assert "Evidence (0)" in detail
        prompt = app.screen.query_one(SourceList).get_option("2").prompt.plain
        assert prompt.startswith("#2 Port Strike Enters Second Week")
        assert text_of(pilot, "#article-text").startswith("source #1 Border Talks Collapse")


async def test_context_shows_the_previous_paragraph_and_w_the_whole_article(review_db, make_app):
    from workbench.tui.modals.article import ArticleScreen

    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")  # #3 opens the article's third paragraph
        await settle(pilot)
        context = text_of(pilot, "#article-text")
        assert "The army denied any troops had crossed the river." in context  # the one before
        assert "Observers questioned whether" in context
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        whole = text_of(pilot, "#whole-text")
        assert "Minister Ana Lopez said" in whole and "talks would resume on Monday" in whole
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)


async def test_evidence_form_takes_an_excerpt(review_db, make_app):
    from .helpers import detail

    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e", *"https://example.org/audit")
        app.screen.query_one("#evidence-excerpt").value = "spending rose 4% in 2025"
        await pilot.press("enter")
        await settle(pilot)
        assert [e.excerpt for e in detail(review_db, 1).evidence] == ["spending rose 4% in 2025"]
        assert '"spending rose 4% in 2025"' in text_of(pilot, "#detail-text")
