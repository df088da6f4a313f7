"""Databases for export tests: the samples with an analyst's work on them, and a hostile one.

The hostile database is written straight through the models, skipping the services' checks (URL
validation above all), to prove that each exporter defends itself.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session

from workbench.db.engine import Database
from workbench.db.models import Actor, ChangeEvent, Evidence, Source, Statement
from workbench.export import ExportOptions, write_export
from workbench.services.claims import link_unclaimed
from workbench.services.evidence import add_evidence
from workbench.services.reporting import ExportScope
from workbench.services.review import add_note, set_status
from workbench.services.statements import StatementFilter, list_statements
from workbench.services.storing import text_sha256

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(document.cookie)"
RLO = "\u202eevil\u202c"
CONTROL = "bell\x07 nul\x00 esc\x1b[31m"
FORMULA = '=HYPERLINK("http://evil.example","x")'
MD_LINK = "[click](javascript:alert(1)) | pipe | `tick` <b>bold</b>"
LONG = "A" * 20_000
HOSTILE = (SCRIPT, BREAKOUT, JS_URL, RLO, CONTROL, FORMULA, MD_LINK)
HOSTILE_URLS = (
    JS_URL,
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://trusted.example@evil.example/",
    "vbscript:msgbox(1)",
)
T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def export_text(db: Database, fmt: str, **options: object) -> str:
    out = io.StringIO()
    with db.reader() as session:
        write_export(session, fmt, out, ExportOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()


def scope(**filters: object) -> ExportScope:
    return ExportScope(statements=StatementFilter(**filters))  # type: ignore[arg-type]


@pytest.fixture
def reviewed_db(demo_db: Database) -> Database:
    """The samples with verdicts, evidence and notes by two analysts."""
    with demo_db.reader() as session:
        rows = list_statements(session, limit=1000)
    denials = [r for r in rows if r.stance == "denies"]
    asserts = [r for r in rows if r.stance == "asserts" and r.actor_kind != "outlet"]
    with demo_db.transaction() as session:
        set_status(session, statement_id=asserts[0].id, status="confirmed", analyst="ana")
        add_evidence(
            session,
            statement_id=asserts[0].id,
            url="https://example.org/report",
            title="Panel report",
            analyst="ana",
        )
        add_note(session, statement_id=asserts[0].id, text="second source needed", analyst="bo")
        set_status(
            session, statement_id=denials[0].id, status="disputed", analyst="bo", note="casings"
        )
        set_status(session, statement_id=asserts[1].id, status="disputed", analyst="ana")
    return demo_db


def _add_hostile(session: Session) -> None:
    parts = [f"{SCRIPT} said {BREAKOUT}.", f"{RLO} denied {FORMULA}.", f"{MD_LINK} {CONTROL}."]
    text = "Hostile " + SCRIPT + "\n\n" + " ".join(parts) + "\n\n" + LONG
    source = Source(
        sha256=text_sha256(text),
        title=f"{SCRIPT} {BREAKOUT} {RLO}",
        url=JS_URL,
        outlet=FORMULA,
        author=BREAKOUT,
        published=date(2026, 2, 28),
        text=text,
        format="text",
        origin=MD_LINK,
        ingested_at=T0,
        ingested_by=SCRIPT,
    )
    session.add(source)
    session.flush()
    asserter = Actor(name=f"{SCRIPT}{BREAKOUT}", kind="person")
    denier = Actor(name=f"{RLO}{FORMULA}", kind="country")
    session.add_all([asserter, denier])
    session.flush()
    first = text.index(parts[0])
    second = text.index(parts[1])
    third = text.index(parts[2])
    rows = [
        (asserter, "asserts", first, parts[0], "confirmed"),
        (denier, "denies", second, parts[1], "disputed"),
        (asserter, "asserts", third, parts[2], "confirmed"),
    ]
    for number, (actor, stance, start, sentence, status) in enumerate(rows):
        statement = Statement(
            key=f"hostile{number}{BREAKOUT}"[:40],
            source_id=source.id,  # type: ignore[arg-type]
            sentence_start=start,
            sentence_end=start + len(sentence),
            speaker=actor.name,
            speaker_start=start,
            speaker_end=start + 5,
            actor_id=actor.id,
            cue=CONTROL,
            cue_start=start + 6,
            cue_end=start + 10,
            stance=stance,
            content=sentence[12:],
            content_start=start + 12,
            content_end=start + len(sentence) - 1,
            proposition=(MD_LINK + " " + LONG) if number == 2 else f"{SCRIPT} {FORMULA} {RLO}",
            claim_group=0 if number < 2 else 1,
            rule=FORMULA,
            status=status,
            updated_at=T0,
            updated_by=BREAKOUT,
        )
        session.add(statement)
        session.flush()
        for url in HOSTILE_URLS:
            session.add(
                Evidence(
                    statement_id=statement.id,  # type: ignore[arg-type]
                    url=url,
                    title=f"{SCRIPT}{BREAKOUT}",
                    relation="refutes",
                    excerpt=f"{RLO}{CONTROL}{MD_LINK}",
                    added_at=T0,
                    added_by=FORMULA,
                )
            )
        session.add(
            ChangeEvent(
                at=T0,
                analyst=BREAKOUT,
                entity="statement",
                entity_id=statement.id,  # type: ignore[arg-type]
                statement_id=statement.id,
                field="status",
                old="unverified",
                new=status,
                note=f"{SCRIPT}{MD_LINK}{RLO}",
            )
        )
    session.flush()
    link_unclaimed(session, analyst="fixture")  # as `workbench init` does for an older database


@pytest.fixture
def hostile_db(reviewed_db: Database) -> Database:
    """The reviewed samples plus a source whose every field is an attack.

    Its C0 control characters cannot come in through ingest, typed text or import any more;
    they stand for a database written before those checks, which exports must still defuse.
    """
    with reviewed_db.transaction() as session:
        _add_hostile(session)
    return reviewed_db


@pytest.fixture
def importable_hostile_db(reviewed_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The same attacks, with layout characters (tab, CR) where C0 controls were: what a
    database made by this version can hold, so what an import must carry over exactly."""
    monkeypatch.setattr(f"{__name__}.CONTROL", "tab\t cr\r form\x0c end")
    with reviewed_db.transaction() as session:
        _add_hostile(session)
    return reviewed_db
