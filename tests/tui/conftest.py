"""Deterministic review data built through the services (not the extractor, which is still
changing), a frozen clock for every timestamp shown, and an app factory for Pilot tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbench.config import Settings
from workbench.db.engine import Database
from workbench.db.schema import upgrade_to_head
from workbench.extract.model import ExtractedStatement
from workbench.ingest.document import Document
from workbench.services.storing import ingest_document

# Three short articles; each statement is (speaker, cue, content, actor, kind, stance).
ARTICLES = [
    (
        "Border Talks Collapse",
        "Northern Herald",
        [
            (
                "Minister Ana Lopez",
                "said",
                "the ceasefire had been broken twice",
                "Ana Lopez",
                "person",
                "asserts",
            ),
            (
                "The army",
                "denied",
                "any troops had crossed the river",
                "Army",
                "organisation",
                "denies",
            ),
            (
                "Observers",
                "questioned",
                "whether the count of refugees was accurate",
                "Observers",
                "group",
                "questions",
            ),
            ("Lopez", "added", "talks would resume on Monday", "Ana Lopez", "person", "asserts"),
        ],
    ),
    (
        "Port Strike Enters Second Week",
        "Coastal Times",
        [
            (
                "The union",
                "said",
                "the offer was far too low and wages had fallen",
                "Dock Union",
                "organisation",
                "asserts",
            ),
            (
                "The company",
                "denied",
                "it had refused to negotiate",
                "Harbour Company",
                "organisation",
                "denies",
            ),
            (
                "A spokesman",
                "claimed",
                "exports dropped by half in May",
                "Harbour Company",
                "organisation",
                "asserts",
            ),
        ],
    ),
    (
        "River Flood Warnings Issued",
        "Valley Post",
        [
            (
                "The mayor",
                "warned",
                "the river would peak on Friday night",
                "Mayor Kim",
                "person",
                "asserts",
            ),
            (
                "Residents",
                "doubted",
                "the levees would hold this time",
                "Residents",
                "group",
                "questions",
            ),
        ],
    ),
]

FROZEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


class FrozenClock:
    """utc_now() for the services: starts at FROZEN and ticks one minute per call."""

    def __init__(self) -> None:
        self.now = FROZEN

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> FrozenClock:
    clock = FrozenClock()
    for module in ("history", "statement_writes", "storing", "evidence"):
        monkeypatch.setattr(f"workbench.services.{module}.utc_now", clock)
    return clock


def build_article(title: str, outlet: str, items: list[tuple[str, ...]]) -> tuple[Document, list]:
    """A text made of one sentence per statement, with exact offsets."""
    text = f"{title}\n\n"
    found = []
    for group, (speaker, cue, content, actor, kind, stance) in enumerate(items):
        start = len(text)
        sentence = f"{speaker} {cue} {content}."
        speaker_start, cue_start = start, start + len(speaker) + 1
        content_start = cue_start + len(cue) + 1
        found.append(
            ExtractedStatement(
                sentence_start=start,
                sentence_end=start + len(sentence),
                speaker=speaker,
                speaker_start=speaker_start,
                speaker_end=speaker_start + len(speaker),
                actor=actor,
                actor_kind=kind,
                actor_affiliation=None,
                cue=cue,
                cue_start=cue_start,
                cue_end=cue_start + len(cue),
                stance=stance,
                content=content,
                content_start=content_start,
                content_end=content_start + len(content),
                proposition=content,
                rule="fixture",
                confidence=1.0,
                claim_group=group,
            )
        )
        text += sentence + (" " if group % 2 == 0 else "\n\n")
    document = Document(
        text=text.strip() + "\n",
        title=title,
        outlet=outlet,
        url=f"https://news.example/{title.lower().replace(' ', '-')}",
    )
    return document, found


def fill(db: Database) -> None:
    for title, outlet, items in ARTICLES:
        document, found = build_article(title, outlet, items)
        with db.transaction() as session:
            ingest_document(session, document, found, analyst="tester")


@pytest.fixture
def review_db(tmp_path: Path) -> Iterator[Database]:
    """Nine statements over three sources, all unverified, timestamps frozen; shown as
    `fixture.db` so screens do not depend on the tmp path."""
    db = Database.open(str(tmp_path / "review.db"))
    upgrade_to_head(db)
    fill(db)
    yield replace(db, location="fixture.db")
    db.dispose()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(str(tmp_path / "empty.db"))
    upgrade_to_head(db)
    yield replace(db, location="empty.db")
    db.dispose()


@pytest.fixture
def settings() -> Settings:
    return Settings(database="fixture.db", analyst="tester")


@pytest.fixture
def make_app(settings: Settings) -> Callable[..., object]:
    from workbench.tui.app import WorkbenchApp

    def make(db: Database, **overrides: object) -> WorkbenchApp:
        poll = overrides.pop("poll_seconds", 0)
        return WorkbenchApp(db, replace(settings, **overrides), poll_seconds=poll, count_delay=0)  # type: ignore[arg-type]

    return make
