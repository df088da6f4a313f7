"""Review services on both engines: history in the same transaction, append-only history,
compare-and-swap, and split / merge / dismiss / correct recorded as events."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from workbench.db.engine import Database
from workbench.db.views import StatementRow
from workbench.errors import InvalidInput, NotFound, StaleEdit
from workbench.extract import extract
from workbench.ingest.document import Document
from workbench.services import evidence as evidence_service
from workbench.services import statement_writes
from workbench.services.evidence import add_evidence, remove_evidence
from workbench.services.history import statement_history
from workbench.services.review import (
    add_note,
    correct_statement,
    dismiss_statement,
    merge_statements,
    set_status,
    split_statement,
)
from workbench.services.statements import (
    StatementFilter,
    get_statement,
    get_statement_row,
    list_statements,
)
from workbench.services.storing import ingest_document


def _row(db: Database, statement_id: int) -> StatementRow:
    with db.reader() as session:
        return get_statement_row(session, statement_id)


def _history(db: Database, statement_id: int) -> list[tuple[str, str | None, str | None, str]]:
    with db.reader() as session:
        return [
            (e.field, e.old, e.new, e.analyst) for e in statement_history(session, statement_id)
        ]


def _event_count(db: Database) -> int:
    with db.reader() as session:
        return session.execute(sa.text("SELECT count(*) FROM change_event")).scalar_one()


def test_verdict_bumps_version_and_writes_one_event(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    with db.transaction() as session:
        changed = set_status(
            session, statement_id=union.id, status="disputed", analyst="bo", note="figures differ"
        )
    assert (changed.status, changed.version, changed.updated_by) == ("disputed", 2, "bo")
    assert _row(db, union.id) == changed
    with db.reader() as session:
        (event,) = statement_history(session, union.id)
    assert (event.field, event.old, event.new, event.note, event.analyst) == (
        "status", "unverified", "disputed", "figures differ", "bo"
    )  # fmt: skip
    assert event.at.utcoffset() is None or event.at.utcoffset().total_seconds() == 0


def test_same_status_again_changes_nothing(db: Database, rows: dict[str, StatementRow]) -> None:
    union = rows["union"]
    with db.transaction() as session:
        same = set_status(session, statement_id=union.id, status="unverified", analyst="bo")
    assert same.version == 1
    assert _history(db, union.id) == []


@pytest.mark.parametrize(
    "change",
    ["status", "evidence", "note", "correction", "dismiss", "split", "merge", "remove evidence"],
)
def test_a_failing_history_insert_rolls_back_the_change(
    change: str, db: Database, rows: dict[str, StatementRow], monkeypatch: pytest.MonkeyPatch
) -> None:
    union, company = rows["union"], rows["company"]
    with db.transaction() as session:
        evidence = add_evidence(
            session, statement_id=union.id, url="https://example.org/a", analyst="ana"
        )
    events_before = _event_count(db)
    with db.reader() as session:
        before = [get_statement(session, s.id) for s in rows.values()]

    def broken_history(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("history is down")

    monkeypatch.setattr(statement_writes, "record_change", broken_history)
    monkeypatch.setattr(evidence_service, "record_change", broken_history)
    actions = {
        "status": lambda s: set_status(s, statement_id=union.id, status="confirmed", analyst="bo"),
        "evidence": lambda s: add_evidence(
            s, statement_id=union.id, url="https://example.org/b", analyst="bo"
        ),
        "note": lambda s: add_note(s, statement_id=union.id, text="checked", analyst="bo"),
        "correction": lambda s: correct_statement(
            s, statement_id=union.id, analyst="bo", stance="denies", proposition="Other."
        ),
        "dismiss": lambda s: dismiss_statement(s, statement_id=union.id, analyst="bo"),
        "split": lambda s: split_statement(
            s, statement_id=union.id, at=union.content_start + 9, analyst="bo"
        ),
        "merge": lambda s: merge_statements(s, keep_id=union.id, merge_id=company.id, analyst="bo"),
        "remove evidence": lambda s: remove_evidence(s, evidence_id=evidence.id, analyst="bo"),
    }
    with pytest.raises(RuntimeError, match="history is down"), db.transaction() as session:
        actions[change](session)
    with db.reader() as session:
        after = [get_statement(session, s.id) for s in rows.values()]
        count = session.execute(sa.text("SELECT count(*) FROM statement")).scalar_one()
    assert after == before
    assert count == len(rows)
    assert _event_count(db) == events_before


def test_stale_seen_version_raises_and_overwrites_nothing(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    seen = union.version
    with db.transaction() as session:  # analyst A decides first
        set_status(
            session, statement_id=union.id, status="confirmed", analyst="ana", seen_version=seen
        )
    other = rows["company"].id
    edits = [
        lambda s: set_status(
            s, statement_id=union.id, status="disputed", analyst="bo", seen_version=seen
        ),
        lambda s: correct_statement(
            s, statement_id=union.id, analyst="bo", seen_version=seen, stance="denies"
        ),
        lambda s: dismiss_statement(s, statement_id=union.id, analyst="bo", seen_version=seen),
        lambda s: split_statement(
            s, statement_id=union.id, at=union.content_start + 9, analyst="bo", seen_version=seen
        ),
        lambda s: merge_statements(
            s, keep_id=union.id, merge_id=other, analyst="bo", keep_version=seen
        ),
    ]
    for edit in edits:
        with pytest.raises(StaleEdit) as caught, db.transaction() as session:
            edit(session)
        assert "nothing was overwritten" in caught.value.one_line()
    row = _row(db, union.id)
    assert (row.status, row.version, row.updated_by, row.stance) == (
        "confirmed",
        2,
        "ana",
        "asserts",
    )
    assert [h[0] for h in _history(db, union.id)] == ["status"]
    assert _row(db, rows["company"].id).dismissed is False


def test_stale_edit_with_the_same_status_is_still_stale(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    with db.transaction() as session:
        set_status(session, statement_id=union.id, status="disputed", analyst="ana")
        set_status(session, statement_id=union.id, status="confirmed", analyst="ana")
    with pytest.raises(StaleEdit), db.transaction() as session:
        set_status(session, statement_id=union.id, status="confirmed", analyst="bo", seen_version=1)


def test_history_is_append_only_on_the_engine(db: Database, rows: dict[str, StatementRow]) -> None:
    with db.transaction() as session:
        add_note(session, statement_id=rows["union"].id, text="first", analyst="ana")
    count = _event_count(db)
    for sql in (
        "UPDATE change_event SET analyst = 'mallory'",
        "UPDATE change_event SET new = 'rewritten' WHERE field = 'note'",
        "DELETE FROM change_event",
        "DELETE FROM change_event WHERE field = 'note'",
        *(["TRUNCATE change_event"] if db.dialect == "postgresql" else []),
    ):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), db.transaction() as session:
            session.execute(sa.text(sql))
    assert _event_count(db) == count
    assert _history(db, rows["union"].id) == [("note", None, "first", "ana")]


def test_note_is_kept_in_history_without_a_new_version(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    with db.transaction() as session:
        add_note(session, statement_id=union.id, text="  call the union  ", analyst="ana")
    assert _history(db, union.id) == [("note", None, "call the union", "ana")]
    with db.reader() as session:
        assert [n.new for n in get_statement(session, union.id).notes] == ["call the union"]


def test_evidence_add_and_remove_are_recorded(db: Database, rows: dict[str, StatementRow]) -> None:
    union = rows["union"]
    with db.transaction() as session:
        view = add_evidence(
            session,
            statement_id=union.id,
            url="HTTPS://Example.org/report#p2",
            title=" Report ",
            relation="refutes",
            analyst="ana",
        )
    assert (view.url, view.title, view.relation) == (
        "https://Example.org/report#p2",
        "Report",
        "refutes",
    )
    with db.transaction() as session:
        remove_evidence(session, evidence_id=view.id, analyst="bo", note="dead link")
    with db.reader() as session:
        detail = get_statement(session, union.id)
    assert detail.evidence == ()
    assert [(h.field, h.old, h.new, h.analyst) for h in detail.history] == [
        ("evidence", None, "refutes: https://Example.org/report#p2 (Report)", "ana"),
        ("evidence", "refutes: https://Example.org/report#p2", None, "bo"),
    ]
    with pytest.raises(NotFound), db.transaction() as session:
        remove_evidence(session, evidence_id=view.id, analyst="bo")


def test_evidence_refuses_unknown_relation_and_statement(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    with pytest.raises(InvalidInput, match="relation"), db.transaction() as session:
        add_evidence(
            session,
            statement_id=rows["union"].id,
            url="https://a.example",
            relation="x",
            analyst="a",
        )
    with pytest.raises(NotFound), db.transaction() as session:
        add_evidence(session, statement_id=9999, url="https://a.example", analyst="a")


def test_correct_records_each_field_and_keeps_offsets_true(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    with db.transaction() as session:
        changed = correct_statement(
            session,
            statement_id=union.id,
            analyst="bo",
            speaker="The dock union",
            actor="Dock Workers Union",
            stance="denies",
            content="offer was too low",
            note="re-read",
        )
    with db.reader() as session:
        detail = get_statement(session, union.id)
    assert (changed.actor, changed.stance, changed.speaker) == (
        "Dock Workers Union",
        "denies",
        "The dock union",
    )
    assert detail.text[changed.content_start : changed.content_end] == "offer was too low"
    assert changed.version == 2
    fields = {h[0]: (h[1], h[2]) for h in _history(db, union.id)}
    assert fields == {
        "speaker": ("The union", "The dock union"),
        "actor": ("union", "Dock Workers Union"),
        "stance": ("asserts", "denies"),
        "content": ("the offer was too low", "offer was too low"),
        "proposition": ("The offer was too low.", "Offer was too low."),  # follows the content
    }


def test_correct_with_words_not_in_the_article_goes_to_the_proposition(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    with db.transaction() as session:
        changed = correct_statement(
            session,
            statement_id=union.id,
            analyst="bo",
            content="The pay offer was below inflation",
        )
    assert changed.content == union.content
    assert changed.proposition == "The pay offer was below inflation"
    (event,) = _history(db, union.id)
    assert event[:3] == ("proposition", union.proposition, "The pay offer was below inflation")


def test_correct_with_nothing_new_is_a_no_op(db: Database, rows: dict[str, StatementRow]) -> None:
    union = rows["union"]
    with db.transaction() as session:
        same = correct_statement(session, statement_id=union.id, analyst="bo", stance="asserts")
    assert same.version == 1 and _history(db, union.id) == []
    with pytest.raises(InvalidInput), db.transaction() as session:
        correct_statement(session, statement_id=union.id, analyst="bo", stance="shouts")


def test_dismiss_hides_and_restore_brings_back(db: Database, rows: dict[str, StatementRow]) -> None:
    union = rows["union"]
    with db.transaction() as session:
        dismiss_statement(session, statement_id=union.id, analyst="bo", note="opinion")
    with db.reader() as session:
        assert union.id not in [r.id for r in list_statements(session)]
        assert union.id in [
            r.id for r in list_statements(session, StatementFilter(include_dismissed=True))
        ]
    with db.transaction() as session:
        restored = dismiss_statement(session, statement_id=union.id, analyst="bo", dismissed=False)
    assert restored.dismissed is False and restored.version == 3
    assert [h[:3] for h in _history(db, union.id)] == [
        ("dismissed", "false", "true"),
        ("dismissed", "true", "false"),
    ]


def test_split_makes_a_second_statement_with_true_offsets(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]  # "the offer was too low"
    at = union.content_start + len("the offer")
    with db.transaction() as session:
        first, second = split_statement(session, statement_id=union.id, at=at, analyst="bo")
    with db.reader() as session:
        text = get_statement(session, union.id).text
    assert text[first.content_start : first.content_end] == first.content == "the offer"
    assert text[second.content_start : second.content_end] == second.content == "was too low"
    assert (second.origin, second.actor, second.source_id) == (
        "split",
        union.actor,
        union.source_id,
    )
    assert second.key != first.key
    assert _history(db, union.id)[0][:3] == ("content", "the offer was too low", "the offer")
    assert _history(db, second.id)[0][:3] == ("split", str(union.id), "was too low")
    for bad in (union.content_start, union.content_end, union.content_start + 3 + 100):
        with pytest.raises(InvalidInput), db.transaction() as session:
            split_statement(session, statement_id=union.id, at=bad, analyst="bo")


def test_split_twice_at_the_same_point_is_not_a_crash(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union = rows["union"]
    at = union.content_start + len("the offer")
    with db.transaction() as session:
        _, second = split_statement(session, statement_id=union.id, at=at, analyst="bo")
        merge_statements(session, keep_id=union.id, merge_id=second.id, analyst="bo")
    with db.transaction() as session:
        _, again = split_statement(session, statement_id=union.id, at=at, analyst="bo")
    assert again.id != second.id and again.key != second.key


def test_merge_spans_both_and_dismisses_the_other(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    union, company = rows["union"], rows["company"]
    with db.transaction() as session:
        kept = merge_statements(session, keep_id=union.id, merge_id=company.id, analyst="bo")
    merged = _row(db, company.id)
    with db.reader() as session:
        text = get_statement(session, union.id).text
    assert (kept.content_start, kept.content_end) == (union.content_start, company.content_end)
    assert kept.content == text[kept.content_start : kept.content_end]
    assert (merged.dismissed, merged.merged_into_id) == (True, union.id)
    assert _history(db, company.id)[0][:3] == ("merged_into", None, str(union.id))
    assert _history(db, union.id)[0][0] == "content"
    with pytest.raises(InvalidInput), db.transaction() as session:
        merge_statements(session, keep_id=union.id, merge_id=union.id, analyst="bo")


def test_merge_refuses_statements_of_different_sources(
    db: Database, rows: dict[str, StatementRow]
) -> None:
    other = "The minister said the bridge is safe."
    with db.transaction() as session:
        ingest_document(session, Document(text=other), extract(other), analyst="ana")
        elsewhere = list_statements(session, StatementFilter(actors=("minister",)))[0]
    with pytest.raises(InvalidInput, match="same source"), db.transaction() as session:
        merge_statements(session, keep_id=rows["union"].id, merge_id=elsewhere.id, analyst="bo")


def test_unknown_ids_raise_not_found(db: Database, rows: dict[str, StatementRow]) -> None:
    for action in (
        lambda s: set_status(s, statement_id=999, status="confirmed", analyst="a"),
        lambda s: add_note(s, statement_id=999, text="x", analyst="a"),
        lambda s: correct_statement(s, statement_id=999, analyst="a", stance="denies"),
        lambda s: dismiss_statement(s, statement_id=999, analyst="a"),
        lambda s: get_statement(s, 999),
    ):
        with pytest.raises(NotFound, match="999"), db.transaction() as session:
            action(session)
