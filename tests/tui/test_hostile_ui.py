"""A hurried analyst and a hostile document: odd input is a message naming the field, never a
crash; a refused change keeps the form's text; a document never controls the terminal."""

from __future__ import annotations

import time

import pytest

from workbench.db.engine import Database
from workbench.errors import DatabaseProblem
from workbench.services.evidence import add_evidence
from workbench.services.review import set_status
from workbench.services.storing import ingest_document
from workbench.tui.widgets.source_list import SourceList

from .conftest import build_article
from .helpers import detail, notices, row, settle, text_of

# Terminal controls a document can carry past ingest: C1 CSI ("ESC [" in one character), next
# line, DEL, the right-to-left override and its pop, and a tab that would push the row's cells.
HOSTILE = "\u009b31mred\u0085 line\x7f \u202eevil\u202c\tend"
MARKUP = "[/] [@click=app.quit]click me[/]"


@pytest.fixture
def hostile_db(review_db: Database) -> Database:
    """The review fixture plus a source whose title and statements carry controls and markup."""
    document, found = build_article(
        f"Leak {HOSTILE}",
        "Outlet\u202e",
        [
            ("The envoy", "said", f"the border {HOSTILE} was closed", "Envoy", "person", "asserts"),
            ("The aide", "said", f"talks {MARKUP} had failed", "Aide", "person", "asserts"),
        ],
    )
    with review_db.transaction() as session:
        ingest_document(session, document, found, analyst="tester")
    return review_db


def _unsafe(text: str) -> list[str]:
    return [c for c in text if c != "\n" and (not c.isprintable() or c in "\u202e\u202c")]


# -- what a document shows ------------------------------------------------------------------


def test_visible_keeps_length_and_shows_every_control():
    from workbench.tui.format import visible

    shown = visible(HOSTILE)
    assert len(shown) == len(HOSTILE)  # the article's span offsets stay true
    assert _unsafe(shown) == []
    assert visible("plain text, كلمة") == "plain text, كلمة"


async def test_controls_in_a_source_never_reach_the_terminal(hostile_db, make_app):
    app = make_app(hostile_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        screen = app.screen
        assert screen.statements.current.id == 10
        lines = [screen.statements.render_line(y).text for y in range(1, 12)]
        assert all(_unsafe(line) == [] for line in lines)
        assert any("the border" in line for line in lines)
        assert _unsafe(text_of(pilot, "#article-text")) == []
        assert "the border" in text_of(pilot, "#article-text")
        assert _unsafe(text_of(pilot, "#detail-text")) == []
        prompt = screen.query_one(SourceList).get_option("4").prompt
        assert _unsafe(prompt.plain) == [] and "Leak" in prompt.plain


async def test_markup_in_a_statement_is_text_not_a_command(hostile_db, make_app):
    app = make_app(hostile_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        await pilot.press("e")  # the form's title quotes the content
        assert "[@click=app.quit]" in str(app.screen.query_one(".form-title").render())
        await pilot.press("escape", "s")
        await pilot.press("escape", "m", "k", "m")  # the merge question quotes both contents
        await pilot.pause()
        assert "[/]" in str(app.screen.query_one("ConfirmModal Static").render())
        await pilot.press("n")
        await settle(pilot)
        assert app.return_code is None and app.is_running


async def test_markup_in_a_search_or_filter_is_shown_as_typed(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ceasefire [/]", "enter")
        await settle(pilot)
        assert "[/]" in app.screen.query_one("#statements-pane").border_title
        await pilot.press("f")
        app.screen.query_one("#filter-actor").value = "[b]Lopez[/b]"
        app.screen.query_one("#filter-actor").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "No statement matches" in text_of(pilot, "#empty")
        assert "[b]Lopez[/b]" in text_of(pilot, "#empty")
        assert app.is_running


async def test_an_evidence_link_with_brackets_opens_from_the_picker(
    review_db, make_app, monkeypatch
):
    links = ("https://a.example/?q[/]=1", "https://b.example/[@click=app.quit]x")
    with review_db.transaction() as session:
        for url in links:
            add_evidence(session, statement_id=1, url=url, analyst="bo")
    opened: list[str] = []
    app = make_app(review_db)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("down", "enter")
        assert opened == [links[1]]


async def test_toasts_show_their_text_without_markup(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify("analyst [/] changed it")
        await settle(pilot)
        assert all(not n.markup for n in app._notifications)  # noqa: SLF001
        assert app.is_running


# -- forms ----------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["²", "1,x", "99999999999999999999999", "-1"])
async def test_filter_refuses_an_odd_source_id_with_a_message(review_db, make_app, source):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        field = app.screen.query_one("#filter-source")
        field.value = source
        field.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "Source must be" in text_of(pilot, ".form-error")
        assert app.is_running


async def test_a_refused_note_keeps_its_text_and_says_why(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        app.screen.query_one("#note-text").value = "pasted \x1b[2J text"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#note-text").value == "pasted \x1b[2J text"
        assert "note: contains a control character (U+001B)" in text_of(pilot, ".form-error")
        assert detail(review_db, 1).notes == ()
        app.screen.query_one("#note-text").value = "pasted text"
        await pilot.press("enter")
        await settle(pilot)
        assert [n.new for n in detail(review_db, 1).notes] == ["pasted text"]


async def test_a_refused_evidence_title_keeps_the_form(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e", *"https://example.org/a", "tab")
        app.screen.query_one("#evidence-title").value = "title\x07"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#evidence-url").value == "https://example.org/a"
        assert app.screen.query_one("#evidence-title").value == "title\x07"
        assert "evidence title" in text_of(pilot, ".form-error")
        assert detail(review_db, 1).evidence == ()


async def test_a_stale_correction_keeps_the_typed_text(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        with review_db.transaction() as session:
            set_status(session, statement_id=1, status="disputed", analyst="bo")
        app.screen.query_one("#edit-speaker").value = "Ana Lopez"
        app.screen.query_one("#edit-speaker").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#edit-speaker").value == "Ana Lopez"
        assert "was changed by" in text_of(pilot, ".form-error")
        await pilot.press("enter")  # decided again, on the version now shown
        await settle(pilot)
        saved = row(review_db, 1)
        assert (saved.speaker, saved.status) == ("Ana Lopez", "disputed")


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://example.org/" + "a" * 3000, "over the 2048 limit"),
        ("javascript:alert(1)", "not an http(s) link"),
        ("http://", "not an http(s) link"),
        ("https://exa mple.org", "not an http(s) link"),
        ("   ", "not an http(s) link"),
    ],
)
async def test_evidence_form_says_what_is_wrong_with_a_link(review_db, make_app, url, says):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one("#evidence-url").value = url
        await pilot.press("enter")
        assert says in text_of(pilot, ".form-error")
        assert "url" in text_of(pilot, ".form-error")


async def test_huge_and_multiline_values_are_saved_whole(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        app.screen.query_one("#note-text").value = "x" * 100_000
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await pilot.press(*"   ", "enter")
        assert "empty" in text_of(pilot, ".form-error")
        await pilot.press("escape")
        assert [len(n.new) for n in detail(review_db, 1).notes] == [100_000]


# -- split and merge --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "first", "second"),
    [
        ("had", "the offer was far too low and wages", "had fallen"),
        ("wages", "the offer was far too low and", "wages had fallen"),
    ],
)
async def test_split_starts_the_second_part_at_whole_words(
    review_db, make_app, words, first, second
):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "j", "s", *words, "enter")
        await settle(pilot)
        assert row(review_db, 5).content == first
        assert row(review_db, 10).content == second


@pytest.mark.parametrize("words", ["ages", "as", "the offer", "fallen.", "zzz"])
async def test_split_refuses_a_point_inside_a_word_or_outside(review_db, make_app, words):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "j", "s", *words, "enter")
        await settle(pilot)
        assert "Type words from inside the content" in text_of(pilot, ".form-error")
        assert row(review_db, 5).version == 1


async def test_split_refused_on_a_merged_statement_keeps_the_form(review_db, make_app):
    from workbench.services.review import merge_statements

    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "j", "j", "s", *"refused")
        with review_db.transaction() as session:  # meanwhile, another analyst merges it
            merge_statements(session, keep_id=5, merge_id=6, analyst="bo")
        await pilot.press("enter")
        await settle(pilot)
        assert "already merged into 5" in text_of(pilot, ".form-error")
        assert app.screen.query_one("#split-at").value == "refused"
        await pilot.press("escape")
        assert row(review_db, 6).content == "it had refused to negotiate"


async def test_merge_hint_names_the_marked_statement(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert notices(pilot)[-1].endswith("merge it into #1 (escape cancels)")
        await pilot.press("m")  # the same statement again: unmarked, nothing merged
        assert app.screen.statements.marked_id is None
        await pilot.press("m", "j", "j", "j", "j", "m", "y")  # another source: refused, shown
        await settle(pilot)
        assert any("same source" in n for n in notices(pilot))
        assert row(review_db, 5).merged_into_id is None


# -- writes that fail -------------------------------------------------------------------------


async def test_a_verdict_that_cannot_be_saved_is_not_shown_as_saved(
    review_db, make_app, monkeypatch
):
    import workbench.tui.screens.review_writes as writes

    def gone(*_args, **_kwargs):
        raise DatabaseProblem("cannot open the database file", where="fixture.db")

    monkeypatch.setattr(writes, "perform", gone)
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app.screen.store, "row", gone)  # the re-read fails too
        await pilot.press("c")
        await settle(pilot)
        assert app.screen.statements.window.get(0).status == "unverified"
        assert any("cannot open the database file" in n for n in notices(pilot))


async def test_an_unexpected_write_error_does_not_block_later_changes(
    review_db, make_app, monkeypatch
):
    import workbench.tui.screens.review_writes as writes

    real = writes.perform
    calls = {"n": 0}

    def once_broken(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(*args, **kwargs)

    monkeypatch.setattr(writes, "perform", once_broken)
    app = make_app(review_db, advance_after_verdict=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert any("OverflowError" in n for n in notices(pilot))
        assert app.screen.statements.current.status == "unverified"
        await pilot.press("d")
        await settle(pilot)
        assert row(review_db, 1).status == "disputed"


async def test_undo_off_screen_never_overwrites_another_analyst(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("f")
        app.screen.query_one("#filter-source").value = "2"
        app.screen.query_one("#filter-source").focus()
        await pilot.press("enter")
        await settle(pilot)
        with review_db.transaction() as session:
            set_status(
                session, statement_id=1, status="disputed", analyst="bo", override=True, note="no"
            )
        await pilot.press("z")
        await settle(pilot)
        assert row(review_db, 1).status == "disputed"
        assert any("was changed by" in n for n in notices(pilot))


async def test_keys_pressed_while_a_write_is_slow_all_land_once(review_db, make_app, monkeypatch):
    import workbench.tui.screens.review_writes as writes

    real = writes.perform

    def slow(*args, **kwargs):
        time.sleep(0.02)
        return real(*args, **kwargs)

    monkeypatch.setattr(writes, "perform", slow)
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "c", "c", "d", "j", "j", "j", "j", "k")
        await settle(pilot)
        statuses = [row(review_db, i).status for i in range(1, 6)]
        assert statuses == ["confirmed", "confirmed", "confirmed", "disputed", "unverified"]
        assert all(len(detail(review_db, i).history) == 1 for i in range(1, 5))
        await pilot.press("z", "z", "z", "z")
        await settle(pilot)
        assert [row(review_db, i).status for i in range(1, 5)] == ["unverified"] * 4


async def test_an_unexpected_error_reading_a_page_is_shown(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)

        def broken(*_args):
            raise RuntimeError("disk I/O error")

        app.screen.statements.loader = broken
        await pilot.press("r")
        await settle(pilot)
        assert any("RuntimeError: disk I/O error" in n for n in notices(pilot))


@pytest.mark.parametrize("size", [(40, 10), (20, 5), (1, 1)])
async def test_tiny_terminals_keep_working(review_db, make_app, size):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(*size)
        await settle(pilot)
        await pilot.press("j", "c", "e", "escape", "slash", "x", "escape", "question_mark")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert row(review_db, 2).status == "confirmed"
        assert app.screen.statements.current.id == 3
