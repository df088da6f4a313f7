"""The evidence form as typed fast: tab between fields, enter on the relation saves, E edits."""

from __future__ import annotations

from workbench.services.changes import AddEvidence, apply_change
from workbench.services.evidence import evidence_for

from .helpers import notices, settle, text_of


def _links(db, sid: int):  # type: ignore[no-untyped-def]
    with db.reader() as session:
        return [(e.url, e.title, e.excerpt, e.relation) for e in evidence_for(session, sid)]


async def test_typing_fast_through_every_field_and_enter_on_the_relation_saves(
    review_db, make_app
) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # no pause between keys: each keystroke lands in the field Tab moved to
        await pilot.press(
            "e", *"https://example.org/r", "tab", *"Audit", "tab", *"not sent", "tab", "down"
        )
        await settle(pilot)
        await pilot.press("down", "enter")  # choose the next relation in the open list
        await settle(pilot)
        await pilot.press("enter")  # on the closed list: saves, does not reopen it
        await settle(pilot)
        assert _links(review_db, 1) == [("https://example.org/r", "Audit", "not sent", "refutes")]


async def test_capital_e_edits_a_link_and_z_undoes_it(review_db, make_app) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        assert any("No evidence link" in n for n in notices(pilot))
        with review_db.transaction() as session:
            apply_change(session, AddEvidence(1, "https://example.org/a", "Old"), analyst="bo")
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        title = app.screen.query_one("#evidence-title")
        assert title.value == "Old"
        title.value = "Harbour log"
        title.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert _links(review_db, 1) == [("https://example.org/a", "Harbour log", "", "supports")]
        assert "evidence title: Old → Harbour log" in text_of(pilot, "#detail-text")
        await pilot.press("z")
        await settle(pilot)
        assert _links(review_db, 1) == [("https://example.org/a", "Old", "", "supports")]


async def test_capital_e_asks_which_link_when_there_are_several(review_db, make_app) -> None:
    with review_db.transaction() as session:
        for url in ("https://example.org/a", "https://example.org/b"):
            apply_change(session, AddEvidence(1, url), analyst="bo")
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        await pilot.press("down", "enter")  # the second link
        await settle(pilot)
        app.screen.query_one("#evidence-title").value = "B"
        app.screen.query_one("#evidence-title").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert [t for _u, t, _e, _r in _links(review_db, 1)] == ["", "B"]
