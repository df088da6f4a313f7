"""`workbench import` in batches: each commits on its own, other writers get in between them,
a failed or killed import is completed by a rerun, and nothing is ever added twice."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, func, select

from workbench.db.engine import Database
from workbench.db.models import Claim, ClaimBlock, ClaimMember, Source, Statement
from workbench.errors import DatabaseProblem, InvalidInput
from workbench.services.claim_linking import link_in_batches
from workbench.services.claims import link_unclaimed
from workbench.services.exchange import ExportFile, Importer, ImportSummary, import_export
from workbench.services.importing import Batches, import_in_batches
from workbench.services.review import set_status

from .test_import_large_files import many_sources
from .test_json_exchange import counts, fresh_db, full

SMALL = Batches(statements=40, seconds=60.0, pause=0.0, link=25, link_in_batches_from=1)


def export_of(document: dict[str, Any] | str, origin: str = "colleague.json") -> ExportFile:
    text = document if isinstance(document, str) else json.dumps(document)
    return ExportFile.check(io.BytesIO(text.encode("utf-8")), origin)


def batched(
    db: Database,
    document: dict[str, Any] | str,
    *,
    batches: Batches = SMALL,
    after_batch: Any = None,
) -> ImportSummary:
    return import_in_batches(
        db, export_of(document), analyst="tester", batches=batches, after_batch=after_batch
    )


def at_once(db: Database, document: dict[str, Any] | str) -> ImportSummary:
    """The import as it was: one transaction for all of it, claims linked in it too."""
    with db.transaction() as session:
        summary = import_export(session, export_of(document))
        link_unclaimed(session, analyst="tester")
    return summary


def statements_per_source(db: Database) -> dict[str, int]:
    with db.reader() as session:
        query = (
            select(Source.sha256, func.count(col(Statement.id)))
            .join(Statement, col(Statement.source_id) == Source.id, isouter=True)
            .group_by(col(Source.sha256))
        )
        return dict(session.exec(query).all())


def claim_links(db: Database) -> list[tuple[Any, ...]]:
    with db.reader() as session:
        query = (
            select(Statement.key, Claim.proposition, ClaimMember.score, ClaimMember.reason)
            .join(ClaimMember, col(ClaimMember.statement_id) == Statement.id)
            .join(Claim, col(Claim.id) == ClaimMember.claim_id)
            .order_by(col(Statement.key))
        )
        return [tuple(row) for row in session.exec(query).all()]


@pytest.fixture
def document(reviewed_db: Database) -> dict[str, Any]:
    """The reviewed samples five times over, as new sources: a few hundred statements."""
    return many_sources(reviewed_db, 5)


def test_batches_commit_one_by_one_and_another_writer_gets_in_between(
    document: dict[str, Any], tmp_path: Path
) -> None:
    target = fresh_db(tmp_path, "other.db")
    analyst = Database.open(str(tmp_path / "other.db"))  # another writer, its own connections
    seen: list[int] = []
    verdicts: list[int] = []

    def other_writer() -> None:
        with analyst.reader() as session:
            seen.append(session.exec(select(func.count()).select_from(Source)).one())
            first = session.exec(select(Statement.id).order_by(col(Statement.id))).first()
        # A second connection takes the write lock at once (no busy wait: timeout 0)...
        raw = sqlite3.connect(tmp_path / "other.db", timeout=0, isolation_level=None)
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE statement SET status = status WHERE id = ?", (first,))
        raw.execute("COMMIT")
        raw.close()
        if first is not None and not verdicts:  # ...and a verdict goes in between two batches
            with analyst.transaction() as session:
                set_status(session, statement_id=first, status="disputed", analyst="ana")
            verdicts.append(first)

    summary = batched(target, document, after_batch=other_writer)
    sources = len(document["sources"])
    statements = sum(len(s["statements"]) for s in document["sources"])
    assert len(seen) > 5  # batches of ~40 statements, then claims in batches of 25
    importing = seen[: seen.index(sources) + 1]
    assert importing == sorted(importing) and importing[0] < sources  # committed one by one
    assert (summary.sources_added, summary.statements_added) == (sources, statements)
    assert len(verdicts) == 1 and seen[0] == 0  # the actors came first, in their own batch
    with analyst.reader() as session:
        judged = session.get(Statement, verdicts[0])
        assert judged is not None and judged.status == "disputed"  # the verdict stays
    analyst.dispose()


def test_the_summary_adds_up_across_batches(document: dict[str, Any], tmp_path: Path) -> None:
    in_batches = batched(fresh_db(tmp_path, "a.db"), document)
    whole = at_once(fresh_db(tmp_path, "b.db"), document)
    assert in_batches == whole
    assert in_batches.statements_added == sum(len(s["statements"]) for s in document["sources"])


def test_batched_import_ends_as_one_transaction_does(
    document: dict[str, Any], tmp_path: Path
) -> None:
    a, b = fresh_db(tmp_path, "a.db"), fresh_db(tmp_path, "b.db")
    batched(a, document)
    at_once(b, document)
    assert full(a) == full(b)
    assert counts(a) == counts(b)
    assert claim_links(a) == claim_links(b)  # claims linked in batches group the same


def test_a_failure_in_a_later_batch_leaves_earlier_batches_whole_and_a_rerun_completes(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = fresh_db(tmp_path, "clean.db")
    batched(clean, document)
    target = fresh_db(tmp_path, "target.db")
    original = Importer.import_source
    calls: list[int] = []

    def failing(self: Importer, record: Any) -> int:
        calls.append(1)
        if len(calls) == len(document["sources"]) * 2 // 3:
            raise RuntimeError("disk gone")
        return original(self, record)

    monkeypatch.setattr(Importer, "import_source", failing)
    with pytest.raises(RuntimeError, match="disk gone"):
        batched(target, document)
    monkeypatch.setattr(Importer, "import_source", original)
    partial, expected = statements_per_source(target), statements_per_source(clean)
    assert 0 < len(partial) < len(expected)  # earlier batches stayed in
    assert all(partial[sha] == expected[sha] for sha in partial)  # each source whole
    rerun = batched(target, document)
    assert rerun.sources_matched == len(partial)
    assert rerun.sources_added == len(expected) - len(partial)
    assert full(target) == full(clean)
    assert counts(target) == counts(clean)
    assert claim_links(target) == claim_links(clean)


def test_an_error_in_a_later_batch_says_the_earlier_ones_are_kept(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Importer.import_source
    calls: list[int] = []

    def disk_full(self: Importer, record: Any) -> int:
        calls.append(1)
        if len(calls) == len(document["sources"]) - 1:
            raise DatabaseProblem(
                "cannot write to the disk (full): nothing was changed",
                where="target.db",
                hint="free some space (see `df`) and try again",
            )
        return original(self, record)

    monkeypatch.setattr(Importer, "import_source", disk_full)
    with pytest.raises(DatabaseProblem) as caught:
        batched(fresh_db(tmp_path, "target.db"), document)
    line = caught.value.one_line()
    assert line.startswith("target.db: cannot write to the disk (full) (free some space")
    assert "nothing was changed" not in line
    assert "batches before it are kept: run the same import again to finish it" in line


def test_reimporting_in_batches_adds_nothing_twice(
    document: dict[str, Any], tmp_path: Path
) -> None:
    target = fresh_db(tmp_path, "other.db")
    batched(target, document)
    before, links = counts(target), claim_links(target)
    again = batched(target, document)
    assert counts(target) == before and claim_links(target) == links
    assert (again.sources_added, again.statements_added, again.history_added) == (0, 0, 0)
    assert (again.evidence_added, again.actors_added, again.conflicts) == (0, 0, 0)
    assert again.statements_matched == before["statement"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["sources"][-1]["statements"][-1].update(status="maybe"), r"\.status"),
        (  # the same key in two sources of the file
            lambda d: d["sources"][-1]["statements"][0].update(
                key=d["sources"][0]["statements"][0]["key"]
            ),
            r"\.key: belongs to another source in the file",
        ),
        (
            lambda d: d["sources"][-1]["statements"][0].update(merged_into="nowhere"),
            r"\.merged_into: no statement with that key",
        ),
        (
            lambda d: d["sources"][-1]["statements"][0]["history"].append({"at": "later"}),
            r"\.history\[\d+\]\.at",
        ),
    ],
)
def test_a_bad_record_in_a_late_batch_writes_nothing(
    document: dict[str, Any], tmp_path: Path, change: Any, field: str
) -> None:
    change(document)
    target = fresh_db(tmp_path, "other.db")
    before = counts(target)
    with pytest.raises(InvalidInput, match=field) as caught:
        batched(target, document)
    assert caught.value.where == "colleague.json"
    assert counts(target) == before


def test_a_key_held_here_by_another_source_writes_nothing(
    reviewed_db: Database, document: dict[str, Any], tmp_path: Path
) -> None:
    target = fresh_db(tmp_path, "other.db")
    batched(target, full(reviewed_db))
    taken = json.loads(full(reviewed_db))["sources"][0]["statements"][0]["key"]
    document["sources"][-1]["statements"][0]["key"] = taken
    before = counts(target)
    with pytest.raises(InvalidInput, match=r"\.key: belongs to another source here"):
        batched(target, document)
    assert counts(target) == before


def test_batched_import_on_both_engines(reviewed_db: Database, db: Database) -> None:
    """(On SQLite `db` is the reviewed database itself: importing its own work changes nothing.)"""
    first = full(reviewed_db)
    tiny = Batches(statements=10, pause=0.0, link=7, link_in_batches_from=1)
    batched(db, first, batches=tiny)
    assert full(db) == first
    before = counts(db)
    again = batched(db, first, batches=tiny)
    assert counts(db) == before
    assert (again.statements_added, again.statements_matched) == (0, before["statement"])


def test_linking_in_batches_groups_as_linking_at_once(
    document: dict[str, Any], tmp_path: Path
) -> None:
    a, b = fresh_db(tmp_path, "a.db"), fresh_db(tmp_path, "b.db")
    for target in (a, b):
        with target.transaction() as session:
            import_export(session, export_of(document))
    with a.transaction() as session:
        whole = link_unclaimed(session, analyst="tester")
    commits: list[int] = []
    in_batches = link_in_batches(b, analyst="tester", batch=30, between=lambda: commits.append(1))
    assert in_batches == whole and len(commits) > 3
    assert claim_links(a) == claim_links(b)
    assert link_in_batches(b, analyst="tester").statements == 0  # nothing left to link
    # Claims started in batches are in the stored blocking index as linking at once puts them,
    # so the next ingest's articles find them.
    assert claim_blocks(a) == claim_blocks(b)


def claim_blocks(db: Database) -> list[tuple[int, str]]:
    """Each stored block with the proposition of its claim (ids differ between databases)."""
    with db.reader() as session:
        rows = session.exec(
            select(ClaimBlock.block, Claim.proposition).join(
                Claim, col(Claim.id) == ClaimBlock.claim_id
            )
        ).all()
    return sorted((block, proposition) for block, proposition in rows)


def test_a_small_import_links_in_one_transaction(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fewer statements than `link_in_batches_from` link as an article's do (only the blocks
    they probe are read): batches would first load every claim's key, seconds at a million."""
    from workbench.services import claim_linking

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a small import was linked in batches")

    monkeypatch.setattr(claim_linking, "link_in_batches", refuse)
    small, whole = fresh_db(tmp_path, "a.db"), fresh_db(tmp_path, "b.db")
    summary = batched(small, document, batches=Batches(statements=40, pause=0.0))
    at_once(whole, document)
    assert summary.statements_added < Batches().link_in_batches_from
    assert claim_links(small) == claim_links(whole)
