"""The blocking index lives in `claim_block` (schema 0009): linking a new article reads only the
blocks its statements probe, and every change to a claim's key keeps the table in step."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from core.conftest import ACCUSATION, FOLLOW_UP, SECOND_ARTICLE, downgrade, ingest_linked
from workbench.db import schema
from workbench.db.engine import Database
from workbench.db.models import Claim, ClaimBlock, ClaimMember
from workbench.services import claims
from workbench.services.actor_changes import MergeActor
from workbench.services.changes import apply_change
from workbench.services.claim_changes import MergeClaims, UnlinkFromClaim
from workbench.services.claims import block_rows, decode_key, link_unclaimed

MORE = (
    "Pipeline Row\n\n"
    "Moscow denied that it had sent troops to the border. "
    "Ukraine said Russia had sent troops to the border.\n"
)


def stored(db: Database) -> set[tuple[int, int]]:
    with db.reader() as session:
        return {tuple(r) for r in session.execute(select(ClaimBlock.block, ClaimBlock.claim_id))}  # type: ignore[misc]


def expected(db: Database, *, without: set[int] = frozenset()) -> set[tuple[int, int]]:  # type: ignore[assignment]
    """The blocks of every claim's key as stored on the claim, but for merged-away claims."""
    with db.reader() as session:
        keys = session.execute(select(Claim.id, Claim.key)).all()
    return {
        row
        for claim_id, key in keys
        if claim_id not in without
        for row in block_rows(claim_id, decode_key(key))
    }


def claim_of(db: Database) -> dict[int, int]:
    with db.reader() as session:
        return dict(session.execute(select(ClaimMember.statement_id, ClaimMember.claim_id)).all())  # type: ignore[arg-type]


@pytest.mark.parametrize("load_all", [False, True], ids=["blocks-read", "keys-loaded"])
def test_reading_blocks_links_as_loading_every_key_does(
    db: Database, monkeypatch: pytest.MonkeyPatch, load_all: bool
) -> None:
    """The same grouping whichever way the index is read; "blocks-read" never loads keys."""
    if load_all:
        monkeypatch.setattr(claims, "CLAIMS_PER_STATEMENT_TO_LOAD", 10**9)
    else:
        monkeypatch.setattr(claims, "CLAIMS_PER_STATEMENT_TO_LOAD", 0)

        def refuse(_session: object) -> None:
            raise AssertionError("every key loaded to link a few statements")

        monkeypatch.setattr(claims.ClaimIndex, "load", classmethod(lambda cls, s: refuse(s)))
    for number, text in enumerate((ACCUSATION, SECOND_ARTICLE, FOLLOW_UP, MORE)):
        ingest_linked(db, text, f"t{number}")
    with db.reader() as session:
        grouped = claims.list_claims(session)
    by_proposition = {v.proposition: len(v.live) for v in grouped}
    # The seed story told twice joins one claim across the two sources.
    assert max(by_proposition.values()) >= 3
    assert stored(db) == expected(db)


def test_the_same_links_with_either_index(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    for number, text in enumerate((ACCUSATION, SECOND_ARTICLE, FOLLOW_UP, MORE)):
        ingest_linked(db, text, f"t{number}")
    statements = sorted(claim_of(db))
    results = []
    for load in (0, 10**9):
        monkeypatch.setattr(claims, "CLAIMS_PER_STATEMENT_TO_LOAD", load)
        with db.transaction() as session:  # keep the first article's claims, relink the rest
            first_claims = select(ClaimMember.claim_id).where(
                col(ClaimMember.statement_id) <= statements[1]
            )
            session.execute(
                ClaimMember.__table__.delete().where(  # type: ignore[attr-defined]
                    col(ClaimMember.statement_id) > statements[1]
                )
            )
            session.execute(
                ClaimBlock.__table__.delete().where(  # type: ignore[attr-defined]
                    col(ClaimBlock.claim_id).not_in(first_claims)
                )
            )
            session.execute(
                Claim.__table__.delete().where(col(Claim.id).not_in(first_claims))  # type: ignore[attr-defined]
            )
            link_unclaimed(session, analyst="ana", after_id=statements[1])
        members = claim_of(db)
        first: dict[int, int] = {}
        results.append([first.setdefault(members[s], s) for s in statements])
        assert stored(db) == expected(db)
    assert results[0] == results[1]


def test_unlink_merge_unmerge_rebuild_and_actor_merge_keep_blocks_in_step(db: Database) -> None:
    for number, text in enumerate((ACCUSATION, FOLLOW_UP, MORE)):
        ingest_linked(db, text, f"t{number}")
    assert stored(db) == expected(db)
    members = claim_of(db)
    statement = max(members)
    with db.transaction() as session:
        unlinked = apply_change(session, UnlinkFromClaim(statement), analyst="ana")
    assert stored(db) == expected(db)
    new_claim = unlinked.created_id
    assert new_claim is not None
    with db.transaction() as session:
        merged = apply_change(session, MergeClaims(new_claim, members[statement]), analyst="ana")
    assert stored(db) == expected(db, without={new_claim})  # no longer a place to link to
    with db.transaction() as session:
        apply_change(session, merged.undo, analyst="ana")
    assert stored(db) == expected(db)
    with db.transaction() as session:
        claims.rebuild_claims(session, analyst="ana")
    assert stored(db) == expected(db)
    with db.reader() as session:
        from workbench.db.models import Actor

        ids = dict(session.execute(select(Actor.name, Actor.id)).all())  # type: ignore[arg-type]
    with db.transaction() as session:
        applied = apply_change(
            session, MergeActor(ids["Russia"], ids["North Korea"]), analyst="ana"
        )
    assert "claims now keyed under North Korea" in applied.message
    assert stored(db) == expected(db)
    with db.reader() as session:
        keys = [decode_key(k) for k in session.execute(select(col(Claim.key))).scalars()]
    assert all("Russia" not in k.actors for k in keys)


def test_the_upgrade_fills_the_blocks_of_existing_claims(db: Database) -> None:
    for number, text in enumerate((ACCUSATION, FOLLOW_UP)):
        ingest_linked(db, text, f"t{number}")
    before = stored(db)
    assert before
    downgrade(db, "0008_actor_merges")
    assert schema.upgrade_to_head(db) == ("0008_actor_merges", schema.HEAD_REVISION)
    assert stored(db) == before


@pytest.mark.parametrize(
    "text",
    [
        "The United States said the U.S. and the UK agreed.",
        "the the Kremlin denied it",
        "A Washington-based firm and anti-Russia groups",
        "THE KREMLIN and the  Kremlin; Kremlins are not names",
        "Pyongyang sent munitions to Moscow via Vladivostok.",
        "İstanbul talks: Turkey and Russia",  # lower() changes the length: the pattern decides
        "",
    ],
)
def test_names_are_found_as_one_expression_of_every_name_finds_them(text: str) -> None:
    from workbench.extract.lexicon import load_lexicon
    from workbench.services.claim_keys import name_table

    table = name_table(load_lexicon().places, [("Washington", "United States"), ("UK", "UK")])
    assert table.replace(text) == table._replace_by_pattern(text)


LONG = (
    "Harbour Row\n\n"
    "The harbour authority said the dredging contractor had falsified safety inspections, "
    "overcharged the municipality for concrete and hidden cracks in the northern breakwater.\n"
)


def test_the_upgrade_to_prefixes_takes_out_the_surplus_every_pair_rows(db: Database) -> None:
    ingest_linked(db, LONG, "long")
    now = stored(db)
    downgrade(db, "0009_claim_blocks")
    every_pair = stored(db)
    assert every_pair > now  # 0009 indexed every pair of terms: a superset
    assert schema.upgrade_to_head(db) == ("0009_claim_blocks", schema.HEAD_REVISION)
    assert stored(db) == now == expected(db)
