"""Moving around: cursor keys, pages, panes, sources, search, filters, help, palette."""

from __future__ import annotations

from workbench.tui.widgets.source_list import SourceList

from .helpers import notices, settle, text_of


async def test_opens_on_first_statement_with_counts(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.statements.current.id == 1
        pane = screen.query_one("#statements-pane")
        assert pane.border_title == "Statements (9) · all statements"
        assert "○ 9 unverified" in pane.border_subtitle
        status = text_of(pilot, "#status-line")
        assert "fixture.db" in status and "analyst tester" in status and "9 unverified" in status
        assert "ceasefire had been broken twice" in text_of(pilot, "#article-text")
        assert "Actor: Ana Lopez (person)" in text_of(pilot, "#detail-text")


async def test_j_k_and_arrows_move_the_cursor(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "down")
        await settle(pilot)
        assert app.screen.statements.current.id == 4
        await pilot.press("k", "up")
        await settle(pilot)
        assert app.screen.statements.current.id == 2
        assert "army" in text_of(pilot, "#article-text").lower()
        assert "Actor: Army" in text_of(pilot, "#detail-text")


async def test_page_home_end(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert app.screen.statements.current.id == 9
        await pilot.press("home")
        assert app.screen.statements.current.id == 1
        await pilot.press("G")
        assert app.screen.statements.current.id == 9
        await pilot.press("g", "pagedown")
        await settle(pilot)
        assert app.screen.statements.current.id == 9  # one page holds all nine
        await pilot.press("pageup")
        assert app.screen.statements.current.id == 1


async def test_tab_switches_panes(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.focused.id == "statements"
        await pilot.press("tab")
        assert app.focused.id == "article"
        await pilot.press("tab")
        assert app.focused.id == "detail"
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.focused.id == "sources"


async def test_reading_panes_scroll_with_their_keys(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one("#detail")
        pane.focus()
        await pilot.press("j", "down", "pagedown", "end")
        await pilot.pause()
        assert pane.scroll_y > 0
        await pilot.press("home")
        await pilot.pause()
        assert pane.scroll_y == 0
        await pilot.press("k", "up", "pageup", "G", "g")  # every pane key runs without error


async def test_enter_on_a_source_shows_its_statements(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sources = app.screen.query_one(SourceList)
        assert sources.option_count == 3
        sources.focus()
        await pilot.press("j", "k", "down", "pagedown", "pageup", "end", "home", "G", "g")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen.filter.source_ids == (2,)
        assert app.focused.id == "statements"
        assert app.screen.statements.current.source_title == "Port Strike Enters Second Week"
        assert app.screen.query_one("#statements-pane").border_title.startswith("Statements (3)")


async def test_slash_searches_content_speaker_and_title(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "/ to search" in app.screen.query_one("#search").placeholder
        await pilot.press("slash")
        assert app.focused.id == "search"
        assert "enter applies" in app.screen.query_one("#search").placeholder
        await pilot.press(*"levees", "enter")
        await settle(pilot)
        assert app.screen.filter.search == "levees"
        assert app.focused.id == "statements"
        assert "/ to search" in app.screen.query_one("#search").placeholder
        assert app.screen.statements.current.id == 9
        assert 'search "levees"' in app.screen.query_one("#statements-pane").border_title
        await pilot.press("slash", "end", *" port", "enter")  # the title matches too
        await settle(pilot)
        assert app.screen.filter.search == "levees port"
        assert "No statement matches" in text_of(pilot, "#empty")


async def test_search_syntax_error_is_a_message(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'"unclosed', "enter")
        await settle(pilot)
        assert any("unbalanced quote" in n for n in notices(pilot))
        assert app.screen.filter.search == ""
        await pilot.press("escape")  # closes the search bar, keeps the filter
        assert app.focused.id == "statements"


async def test_f_filters_by_status_stance_actor_analyst(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        form = app.screen
        form.query_one("#filter-stance").value = "denies"
        form.query_one("#filter-status").value = "unverified"
        form.query_one("#filter-analyst").value = "tester"
        form.query_one("#filter-actor").focus()
        await pilot.press(*"army", "enter")
        await settle(pilot)
        flt = app.screen.filter
        assert (flt.stances, flt.statuses, flt.actors, flt.analyst) == (
            ("denies",),
            ("unverified",),
            ("army",),
            "tester",
        )
        assert app.screen.statements.current.id == 2
        assert "stance denies" in app.screen.query_one("#statements-pane").border_title


async def test_f_rejects_a_bad_source_id(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        app.screen.query_one("#filter-source").focus()
        await pilot.press("x", "enter")
        assert "Source must be a number" in text_of(pilot, ".form-error")
        await pilot.press("escape")
        assert app.screen.filter.source_ids == ()


async def test_a_filters_by_the_highlighted_actor_and_escape_clears(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert app.screen.filter.actors == ("Ana Lopez",)
        assert app.screen.query_one("#statements-pane").border_title.startswith("Statements (2)")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.filter.actors == ()
        assert app.screen.query_one("#statements-pane").border_title.startswith("Statements (9)")


async def test_question_mark_lists_every_key(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        help_text = text_of(pilot, "#help-text")
        for binding_id in ("verdict-confirm", "add-evidence", "clear-filter", "cursor-down"):
            assert f"[{binding_id}]" in help_text
        await pilot.press("escape")
        assert app.screen.id != "help"
        assert app.focused.id == "statements"


async def test_palette_offers_actions_by_name(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"review: dispute")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.statements.window.get(0).status == "disputed"


async def test_keymap_from_config_remaps_keys(review_db, make_app):
    app = make_app(review_db, keymap={"verdict-confirm": "y", "cursor-down": "ctrl+n"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n", "y")
        await settle(pilot)
        assert app.screen.statements.window.get(1).status == "confirmed"
        await pilot.press("question_mark")
        assert "y " in text_of(pilot, "#help-text")


async def test_r_reloads_and_S_toggles_sources(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "r")
        await settle(pilot)
        assert app.screen.statements.current.id == 2
        await pilot.press("S")
        assert not app.screen.query_one("#sources").display
        await pilot.press("S")
        assert app.screen.query_one("#sources").display


async def test_small_terminal_hides_sources_until_asked(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#sources").display
        assert app.screen.statements.size.height >= 5
        await pilot.press("S")
        assert app.screen.query_one("#sources").display
        await pilot.press("j", "c")
        await settle(pilot)
        assert app.screen.statements.window.get(1).status == "confirmed"


async def test_q_quits(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
