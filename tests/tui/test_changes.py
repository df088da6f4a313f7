"""Every change key: it reaches the database (with history) and the screen shows it."""

from __future__ import annotations

from workbench.services.evidence import evidence_for
from workbench.services.review import set_status
from workbench.tui.widgets.source_list import SourceList

from .helpers import detail, notices, row, settle, text_of


def source_counts(app, source_id: int) -> str:
    """The counts line of one entry in the sources list, as drawn."""
    prompt = app.screen.query_one(SourceList).get_option(str(source_id)).prompt
    return prompt.plain.splitlines()[-1]


async def test_c_confirms_and_advances_to_next_unverified(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        saved = row(review_db, 1)
        assert (saved.status, saved.version, saved.updated_by) == ("confirmed", 2, "tester")
        assert [e.field for e in detail(review_db, 1).history] == ["status"]
        screen = app.screen
        assert screen.statements.window.get(0).status == "confirmed"
        assert screen.statements.current.id == 2  # auto-advance
        assert "✓ 1 confirmed" in screen.query_one("#statements-pane").border_subtitle
        assert "8 unverified" in text_of(pilot, "#status-line")
        assert source_counts(app, 1).endswith("○3 ✓1 ✗0")  # the source's counts follow
        await pilot.press("z")
        await settle(pilot)
        assert source_counts(app, 1).endswith("○4 ✓0 ✗0")


async def test_d_disputes_and_u_unverifies(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert row(review_db, 1).status == "disputed"
        await pilot.press("k", "u")
        await settle(pilot)
        assert row(review_db, 1).status == "unverified"
        assert app.screen.statements.current.id == 1  # u does not advance
        assert "✗ 0 disputed" in app.screen.query_one("#statements-pane").border_subtitle


async def test_advance_after_verdict_off_stays_put(review_db, make_app):
    app = make_app(review_db, advance_after_verdict=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "d")  # two quick verdicts on one statement: both land, in order
        await settle(pilot)
        assert app.screen.statements.current.id == 1
        saved = row(review_db, 1)
        assert (saved.status, saved.version) == ("disputed", 3)
        assert not notices(pilot)


async def test_z_undoes_the_last_change(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "d")
        await settle(pilot)
        assert (row(review_db, 1).status, row(review_db, 2).status) == ("confirmed", "disputed")
        await pilot.press("z")
        await settle(pilot)
        assert row(review_db, 2).status == "unverified"
        assert app.screen.statements.current.id == 2
        await pilot.press("z")
        await settle(pilot)
        assert row(review_db, 1).status == "unverified"
        assert [e.new for e in detail(review_db, 1).history] == ["confirmed", "unverified"]
        await pilot.press("z")
        assert any("Nothing to undo" in n for n in notices(pilot))


async def test_space_jumps_to_next_unverified(review_db, make_app):
    with review_db.transaction() as session:
        for statement_id in (2, 3):
            set_status(session, statement_id=statement_id, status="confirmed", analyst="bo")
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        assert app.screen.statements.current.id == 4


async def test_e_adds_evidence_and_o_opens_it(review_db, make_app, monkeypatch):
    opened: list[str] = []
    app = make_app(review_db)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert any("No evidence link" in n for n in notices(pilot))
        await pilot.press("e")
        await pilot.press(*"https://example.org/report", "tab", *"Audit report", "tab")
        app.screen.query_one("#evidence-relation").value = "refutes"
        app.screen.query_one("#evidence-title").focus()
        await pilot.press("enter")
        await settle(pilot)
        with review_db.reader() as session:
            links = evidence_for(session, 1)
        assert [(e.url, e.title, e.relation) for e in links] == [
            ("https://example.org/report", "Audit report", "refutes")
        ]
        assert "[1] refutes  https://example.org/report" in text_of(pilot, "#detail-text")
        await pilot.press("o")
        assert opened == ["https://example.org/report"]


async def test_e_rejects_a_non_http_link_with_a_clear_message(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e", *"javascript:alert(1)", "enter")
        assert "starts with http:// or https://" in text_of(pilot, ".form-error")
        await pilot.press("escape")
        await settle(pilot)
        assert detail(review_db, 1).evidence == ()


async def test_o_with_several_links_asks_which(review_db, make_app, monkeypatch):
    opened: list[str] = []
    app = make_app(review_db)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for url in ("https://a.example/1", "https://b.example/2"):
            await pilot.press("e", *url, "enter")
            await settle(pilot)
        await pilot.press("o")
        await pilot.press("down", "enter")
        assert opened == ["https://b.example/2"]
        await pilot.press("o", "escape")
        assert opened == ["https://b.example/2"]


async def test_n_adds_a_note_to_the_history(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n", "enter")
        assert "empty" in text_of(pilot, ".form-error")
        await pilot.press(*"ask the ministry", "enter")
        await settle(pilot)
        assert [e.new for e in detail(review_db, 1).notes] == ["ask the ministry"]
        assert "note: ask the ministry" in text_of(pilot, "#detail-text")


async def test_i_corrects_speaker_and_content(review_db, make_app):
    original = row(review_db, 1)
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        speaker = app.screen.query_one("#edit-speaker")
        speaker.value = "Ana Lopez"
        app.screen.query_one("#edit-content").value = "the ceasefire had been broken"
        speaker.focus()
        await pilot.press("enter")
        await settle(pilot)
        saved = row(review_db, 1)
        assert (saved.speaker, saved.content) == ("Ana Lopez", "the ceasefire had been broken")
        assert app.screen.statements.current.speaker == "Ana Lopez"
        # The proposition (what ClaimReview exports) follows the content (issue 11 item 8).
        fields = {e.field for e in detail(review_db, 1).history}
        assert fields == {"speaker", "content", "proposition"}
        assert saved.proposition == "The ceasefire had been broken."
        await pilot.press("z")
        await settle(pilot)
        assert row(review_db, 1).speaker == "Minister Ana Lopez"
        assert row(review_db, 1).proposition == original.proposition


async def test_s_splits_a_statement_in_two(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "j", "s", *"wages", "enter")
        await settle(pilot)
        first = row(review_db, 5)
        assert first.content == "the offer was far too low and"
        assert app.screen.query_one("#statements-pane").border_title.startswith("Statements (10)")
        assert app.screen.statements.current.id == 5
        await pilot.press("end")
        await settle(pilot)
        assert app.screen.statements.current.content == "wages had fallen"


async def test_m_marks_then_merges_two_statements(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert app.screen.statements.marked_id == 1
        await pilot.press("escape")  # escape drops the mark first
        assert app.screen.statements.marked_id is None
        await pilot.press("m", "j", "j", "j", "m", "n")  # n: no
        await settle(pilot)
        assert not row(review_db, 4).dismissed
        await pilot.press("k", "k", "k", "m", "j", "j", "j", "m", "y")
        await settle(pilot)
        merged = row(review_db, 4)
        assert merged.dismissed and merged.merged_into_id == 1
        assert "talks would resume on Monday" in row(review_db, 1).content
        assert app.screen.query_one("#statements-pane").border_title.startswith("Statements (8)")


async def test_x_dismisses_and_x_again_restores(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert row(review_db, 1).dismissed
        assert app.screen.statements.current.dismissed
        await pilot.press("x")
        await settle(pilot)
        assert not row(review_db, 1).dismissed
        await pilot.press("x", "z")
        await settle(pilot)
        assert not row(review_db, 1).dismissed


async def test_another_analysts_change_shows_up(review_db, make_app):
    app = make_app(review_db, poll_seconds=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        with review_db.transaction() as session:
            set_status(session, statement_id=1, status="disputed", analyst="bo")
        for _ in range(40):
            await pilot.pause(0.05)
            await settle(pilot)
            if app.screen.statements.current.status == "disputed":
                break
        await settle(pilot)
        assert app.screen.statements.current.status == "disputed"
        assert any("changed by bo" in n for n in notices(pilot))
        assert "bo" in text_of(pilot, "#detail-text")
        assert source_counts(app, 1).endswith("○3 ✓0 ✗1")


async def test_stale_edit_is_shown_not_overwritten(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        with review_db.transaction() as session:
            set_status(session, statement_id=1, status="disputed", analyst="bo")
        await pilot.press("c")
        await settle(pilot)
        assert row(review_db, 1).status == "disputed"
        assert any("was changed by" in n for n in notices(pilot))
        assert app.screen.statements.window.get(0).status == "disputed"
        # c had moved the cursor on: it comes back, so the analyst decides again on #1 (item 4)
        current = app.screen.statements.current
        assert (current.id, current.status, current.updated_by) == (1, "disputed", "bo")
        assert text_of(pilot, "#detail-text").startswith("#1 ✗ disputed")


async def test_shift_a_merges_the_statements_actor_into_another(review_db, make_app):
    """Issue 9: from a statement, the analyst names the actor it really is; every statement of
    the merged actor follows, and z takes it back."""
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert row(review_db, 1).actor == "Ana Lopez"
        await pilot.press("A", *"army", "enter")
        await settle(pilot)
        assert (row(review_db, 1).actor, row(review_db, 4).actor) == ("Army", "Army")
        assert app.screen.statements.current.actor == "Army"
        events = [e for e in detail(review_db, 1).history if e.entity == "actor"]
        assert {e.field for e in events} == {"merged", "merged_into"}
        assert {e.analyst for e in events} == {app.screen.analyst}
        await pilot.press("z")
        await settle(pilot)
        assert (row(review_db, 1).actor, row(review_db, 4).actor) == ("Ana Lopez", "Ana Lopez")


async def test_shift_a_with_an_unknown_actor_reopens_the_form(review_db, make_app):
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A", *"Nobody Atall", "enter")
        await settle(pilot)
        assert row(review_db, 1).actor == "Ana Lopez"
        assert "no actor named 'Nobody Atall'" in str(app.screen.query_one(".form-error").render())
