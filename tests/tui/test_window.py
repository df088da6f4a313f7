"""The paging rules of the virtual list, without Textual or a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from workbench.db.views import StatementRow
from workbench.tui.window import KEEP, PAGE, Fetch, RowWindow

BASE = StatementRow(
    id=0,
    key="k",
    source_id=1,
    source_title="t",
    outlet=None,
    speaker=None,
    actor=None,
    actor_id=None,
    actor_kind=None,
    cue=None,
    stance="asserts",
    content="c",
    proposition="c",
    status="unverified",
    dismissed=False,
    version=1,
    updated_by="a",
    updated_at=datetime(2026, 1, 1, tzinfo=UTC),
    sentence_start=0,
    sentence_end=1,
    speaker_start=None,
    speaker_end=None,
    cue_start=None,
    cue_end=None,
    content_start=0,
    content_end=1,
    rule="",
    confidence=1.0,
    claim_group=0,
    origin="extracted",
    merged_into_id=None,
)


def rows(ids):
    return [replace(BASE, id=i) for i in ids]


def test_first_page_then_keyset_after_the_last_known_row():
    window = RowWindow()
    assert window.plan(0, 40) == Fetch("after", 0, PAGE)
    window.put(Fetch("after", 0, PAGE), rows(range(10, 10 + PAGE)))
    assert window.total is None and window.extent == PAGE + 1
    assert window.plan(0, 40) is None
    assert window.plan(PAGE - 5, PAGE + 20) == Fetch("after", PAGE, PAGE, 10 + PAGE - 1)


def test_a_short_page_reveals_the_total():
    window = RowWindow()
    window.put(Fetch("after", 0, PAGE), rows(range(1, 8)))
    assert window.total == 7 and window.extent == 7


def test_gap_before_a_known_row_pages_backwards_and_far_jumps_use_offset():
    window = RowWindow()
    window.total = 1_000_000
    window.put(Fetch("last", 1_000_000, PAGE), rows(range(999_801, 1_000_001)))
    assert window.get(999_999).id == 1_000_000
    fetch = window.plan(999_700, 999_805)
    assert fetch.kind == "before" and fetch.anchor_id == 999_801
    window.put(fetch, rows(range(999_601, 999_801)))
    assert window.get(999_799).id == 999_800
    assert window.plan(500_000, 500_040).kind == "offset"


def test_around_places_the_anchor_at_its_position():
    window = RowWindow()
    window.total = 1000
    window.put(Fetch("around", 500, PAGE, 77), rows(range(70, 90)), anchor_index=7)
    assert window.position_of(77) == 500 and window.get(493).id == 70


def test_replace_updates_a_loaded_row_and_next_unverified_skips_decided_ones():
    window = RowWindow()
    window.put(Fetch("after", 0, PAGE), rows(range(1, 6)))
    window.replace(replace(BASE, id=2, status="confirmed"))
    window.replace(replace(BASE, id=3, dismissed=True))
    assert window.row_of(2).status == "confirmed"
    assert window.next_unverified(0) == 3  # position 3 holds id 4
    assert window.next_unverified(4) is None  # nothing loaded beyond


def test_eviction_keeps_the_rows_near_the_cursor():
    window = RowWindow()
    window.put(Fetch("after", 0, KEEP + 100), rows(range(1, KEEP + 101)))
    window.evict(centre=KEEP)
    assert len(window.rows) == KEEP // 2
    assert window.get(KEEP) is not None and window.get(0) is None
    assert window.position_of(1) is None
