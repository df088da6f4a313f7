"""Statement filters on both engines: status, source, actor (name or alias), stance, analyst and
search (words, phrases, prefixes, source titles), alone and combined."""

from __future__ import annotations

import pytest

from core.conftest import ARTICLE, SECOND_ARTICLE
from workbench.db.engine import Database
from workbench.errors import InvalidInput
from workbench.extract import extract
from workbench.ingest.document import Document
from workbench.services.review import correct_statement, dismiss_statement, set_status
from workbench.services.statements import (
    StatementFilter,
    count_statements,
    iter_statements,
    list_statements,
    status_counts,
)
from workbench.services.storing import ingest_document

US = (
    "Arms Claim\n\n"
    "The United States said North Korea shipped shells. "
    "Washington accused Pyongyang of breaking sanctions. "
    "The U.S. denied that talks had failed."
)


@pytest.fixture
def loaded(db: Database) -> Database:
    with db.transaction() as session:
        for text, title in (
            (ARTICLE, "Harbour Talks"),
            (SECOND_ARTICLE, "Bridge Repairs"),
            (US, "Arms Claim"),
        ):
            ingest_document(session, Document(text=text, title=title), extract(text), analyst="ana")
    return db


def ids(db: Database, **fields: object) -> list[int]:
    with db.reader() as session:
        flt = StatementFilter(**fields)  # type: ignore[arg-type]
        found = [r.id for r in list_statements(session, flt, limit=1000)]
        assert count_statements(session, flt) == len(found)
        assert [r.id for r in iter_statements(session, flt, batch=2)] == found
        return found


def contents(db: Database, **fields: object) -> set[str]:
    with db.reader() as session:
        return {r.content for r in list_statements(session, StatementFilter(**fields), limit=1000)}  # type: ignore[arg-type]


def test_status_filter_and_counts(loaded: Database) -> None:
    every = ids(loaded)
    with loaded.transaction() as session:
        set_status(session, statement_id=every[1], status="confirmed", analyst="bo")
        set_status(session, statement_id=every[2], status="disputed", analyst="bo")
    assert ids(loaded, statuses=("confirmed",)) == [every[1]]
    assert ids(loaded, statuses=("confirmed", "disputed")) == [every[1], every[2]]
    assert len(ids(loaded, statuses=("unverified",))) == len(every) - 2
    with loaded.reader() as session:
        assert status_counts(session) == {
            "unverified": len(every) - 2,
            "confirmed": 1,
            "disputed": 1,
        }


def test_source_filter(loaded: Database) -> None:
    with loaded.reader() as session:
        rows = list_statements(session, limit=1000)
    by_source = {r.source_id for r in rows}
    assert len(by_source) == 3
    for source_id in by_source:
        assert ids(loaded, source_ids=(source_id,)) == [
            r.id for r in rows if r.source_id == source_id
        ]


def test_actor_filter_by_name_and_alias_case_free(loaded: Database) -> None:
    with loaded.reader() as session:
        rows = list_statements(session, limit=1000)
    us_ids = [r.id for r in rows if r.actor == "United States"]
    assert len(us_ids) >= 2, [(r.actor, r.speaker) for r in rows]
    assert ids(loaded, actors=("United States",)) == us_ids
    assert ids(loaded, actors=("washington",)) == us_ids  # an alias, another case
    assert ids(loaded, actors=("Nobody Atall",)) == []
    union = [r.id for r in rows if r.actor == "union"]
    assert ids(loaded, actors=("union", "Washington")) == sorted(union + us_ids)


def test_stance_filter(loaded: Database) -> None:
    assert contents(loaded, stances=("denies",)) >= {
        "that it had refused to negotiate",
        "that the inspection had been completed",
    }
    assert contents(loaded, stances=("questions",)) == {"whether the strike was legal"}
    with pytest.raises(InvalidInput, match="stance"):
        StatementFilter(stances=("shouts",))
    with pytest.raises(InvalidInput, match="status"):
        StatementFilter(statuses=("done",))


def test_analyst_filter_is_who_changed_it_last(loaded: Database) -> None:
    every = ids(loaded)
    with loaded.transaction() as session:
        set_status(session, statement_id=every[0], status="confirmed", analyst="bo")
        set_status(session, statement_id=every[3], status="disputed", analyst="cy")
    assert ids(loaded, analyst="bo") == [every[0]]
    assert ids(loaded, analyst="cy") == [every[3]]
    assert len(ids(loaded, analyst="ana")) == len(every) - 2


SEARCHES = [
    ("offer", {"the offer was too low"}),
    ("OFFER low", {"the offer was too low"}),
    ('"too low"', {"the offer was too low"}),
    ("nothing-like-this", set()),
    ("AND", set()),  # FTS syntax in user text is just a word
    ("offer*", {"the offer was too low"}),
    ("(offer", {"the offer was too low"}),
    ("offer NEAR low", set()),
    ("offer bridge", set()),  # every word must match, not just one of them
    ("bridge offer", set()),
    ("bridge safe", {"the bridge is safe"}),
]


def test_search_words_phrases_and_prefixes(loaded: Database) -> None:
    """One database for all the cases: each is a query, not a fixture."""
    for query, expected in SEARCHES:
        assert contents(loaded, search=query) == expected, query


def test_search_treats_the_last_word_as_a_prefix(loaded: Database) -> None:
    found = contents(loaded, search="negotiat")
    assert "that it had refused to negotiate" in found
    assert all("negotiat" in text for text in found)


def test_search_matches_the_source_title(loaded: Database) -> None:
    with loaded.reader() as session:
        bridge = {
            r.id for r in list_statements(session, limit=1000) if r.source_title == "Bridge Repairs"
        }
    assert set(ids(loaded, search="repairs")) == bridge
    assert set(ids(loaded, search="bridge")) >= bridge


def test_search_finds_corrected_text_and_not_the_old_text(loaded: Database) -> None:
    target = ids(loaded, search="offer")[0]
    with loaded.transaction() as session:
        correct_statement(
            session, statement_id=target, analyst="bo", proposition="Wages froze in March"
        )
    assert ids(loaded, search="froze march") == [target]


def test_search_finds_statements_written_in_the_same_transaction_as_a_correction(
    db: Database,
) -> None:
    """Rows inserted and then corrected before the commit must all be searchable afterwards."""
    with db.transaction() as session:
        ingest_document(session, Document(text=ARTICLE), extract(ARTICLE), analyst="ana")
        rows = list_statements(session)
        union = next(r for r in rows if r.actor == "union")
        correct_statement(session, statement_id=union.id, analyst="ana", proposition="Pay froze")
    assert ids(db, search="froze") == [union.id]
    for word in ("offer", "negotiate", "strike", "harbour", "reopen"):
        assert ids(db, search=word), word


def test_combined_filters(loaded: Database) -> None:
    every = ids(loaded)
    with loaded.transaction() as session:
        set_status(session, statement_id=every[2], status="disputed", analyst="bo")
        dismiss_statement(session, statement_id=every[1], analyst="bo")
    denied = ids(loaded, stances=("denies",), statuses=("disputed",), analyst="bo")
    assert denied == ([every[2]] if every[2] in ids(loaded, stances=("denies",)) else [])
    assert every[1] not in ids(loaded, analyst="bo")
    assert every[1] in ids(loaded, analyst="bo", include_dismissed=True)
    assert ids(loaded, search="offer", actors=("Washington",)) == []


def test_search_syntax_error_is_invalid_input() -> None:
    with pytest.raises(InvalidInput, match="quote"):
        StatementFilter(search='"unbalanced')
    with pytest.raises(InvalidInput, match="no words"):
        StatementFilter(search="*** ???")


def test_keyset_pages_cover_every_row_once(loaded: Database) -> None:
    every = ids(loaded)
    with loaded.reader() as session:
        first = list_statements(session, limit=3)
        rest = list_statements(session, after_id=first[-1].id, limit=1000)
        back = list_statements(session, before_id=rest[0].id, limit=2)
    assert [r.id for r in first + rest] == every
    assert [r.id for r in back] == every[1:3]
