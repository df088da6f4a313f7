"""A corpus ingest links its statements to claims in batches, with the lock free between them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import col, select

from workbench.config import Settings
from workbench.db.engine import Database
from workbench.db.models import Claim, ClaimMember, Statement
from workbench.db.schema import upgrade_to_head
from workbench.ingest.metadata import Metadata
from workbench.services import ingesting
from workbench.services.review import set_status

COUNTRIES = ["North Korea", "Russia", "China", "Iran", "Ukraine", "Belarus"]
ACTS = ["supplied artillery shells to", "sent troops to", "sold drones to", "lent money to"]


def _corpus(path: Path, articles: int) -> None:
    """Articles of our own: each outlet's ministers accusing and denying the same few acts."""
    with path.open("w", encoding="utf-8") as out:
        for number in range(articles):
            giver = COUNTRIES[number % len(COUNTRIES)]
            taker = COUNTRIES[(number + 1) % len(COUNTRIES)]
            act = ACTS[number % len(ACTS)]
            text = (
                f"Report {number}. The foreign minister of Estonia said {giver} {act} {taker}. "
                f"{giver} denied that it {act.split()[0]} anything to {taker}. "
                f'"We have seen the shipments," said Ana Ruiz, an analyst in Tallinn.'
            )
            record = {"text": text, "url": f"https://news.example/{number}", "outlet": "Wire"}
            out.write(json.dumps(record) + "\n")


def _ingest(db_path: Path, corpus: Path) -> Database:
    db = Database.open(str(db_path))
    upgrade_to_head(db)
    ingesting.ingest_paths(
        db,
        [corpus],
        metadata=Metadata(),
        input_format="auto",
        analyst="ingest",
        settings=Settings(database=str(db_path)),
    )
    return db


def _grouping(db: Database) -> list[tuple[str, str]]:
    """Each statement (by key) with the proposition of the claim it joined."""
    with db.reader() as session:
        rows = session.exec(
            select(Statement.key, Claim.proposition)
            .join(ClaimMember, col(ClaimMember.statement_id) == Statement.id)
            .join(Claim, col(Claim.id) == ClaimMember.claim_id)
        ).all()
    return sorted((key, proposition) for key, proposition in rows)


def test_a_corpus_links_in_batches_as_one_transaction_would_and_others_write_between(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 60)
    at_once = _ingest(tmp_path / "at-once.db", corpus)

    colleague_wrote: list[int] = []
    batched_path = tmp_path / "batched.db"

    def colleague_writes(db: Database) -> None:
        # Another connection decides a verdict between two linking batches: it gets the lock.
        other = Database.open(str(batched_path))
        try:
            with other.transaction() as session:
                statement_id = session.exec(select(Statement.id).limit(1)).one()
                set_status(session, statement_id=statement_id, status="confirmed", analyst="bo")
        finally:
            other.dispose()
        colleague_wrote.append(1)

    monkeypatch.setattr(ingesting, "LINK_IN_BATCHES_FROM", 1)
    monkeypatch.setattr(ingesting, "_let_others_in", colleague_writes)
    monkeypatch.setattr(ingesting, "LINK_BATCH", 25)
    batched = _ingest(batched_path, corpus)

    assert len(colleague_wrote) >= 2  # more than one batch, the lock free after each
    assert _grouping(batched) == _grouping(at_once)
    with batched.reader() as session:
        statuses = session.exec(select(Statement.status).where(Statement.status == "confirmed"))
        assert len(statuses.all()) == 1


def test_the_ingest_command_links_a_corpus_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the CLI (which hands ingest a stand-in created on the first write)."""
    from core.conftest import run_cli

    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 30)
    pauses: list[str] = []
    monkeypatch.setattr(ingesting, "LINK_IN_BATCHES_FROM", 1)
    monkeypatch.setattr(ingesting, "LINK_BATCH", 20)
    monkeypatch.setattr(ingesting, "_let_others_in", lambda db: pauses.append(db.dialect))
    ran = run_cli("--db", str(tmp_path / "cli.db"), "ingest", str(corpus))
    assert ran.code == 0, ran.err
    assert len(pauses) >= 2 and set(pauses) == {"sqlite"}
    assert _grouping(Database.open(str(tmp_path / "cli.db"))) == _grouping(
        _ingest(tmp_path / "at-once.db", corpus)
    )
