"""Claims across sources: matching rules, grouping on ingest, the verdict model, the CLI."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from core.conftest import ACCUSATION, FOLLOW_UP, Outcome, run_cli
from workbench.db.engine import Database
from workbench.errors import InvalidInput, NotFound, StaleEdit
from workbench.extract.lexicon import load_lexicon
from workbench.services.changes import Dismiss, SetStatus, apply_change
from workbench.services.claim_changes import LinkToClaim, SetClaimVerdict, UnlinkFromClaim
from workbench.services.claim_keys import claim_key, name_table, same_claim
from workbench.services.claims import (
    claim_of_statement,
    get_claim,
    is_inconsistent,
    iter_claims,
    list_claims,
    rebuild_claims,
    verdict_in_words,
)
from workbench.services.history import statement_history
from workbench.services.statements import list_statements

Run = Callable[..., Outcome]

NAMES = name_table(load_lexicon().places, [])

SAME = [
    ("Pyongyang sent munitions to Moscow.", "North Korea provided arms to Russia."),
    ("North Korea supplied weapons to Russia", "The DPRK shipped artillery shells to Russia"),
    ("The vaccine causes autism.", "The vaccine caused autism."),
    ("Washington helped Kyiv.", "The United States aided Ukraine."),
    ("North Korea supplied arms to Russia.", "Supplying arms to Russia."),
    ("Unemployment rose to 5 percent.", "Unemployment increased to 5 percent."),
]
DIFFERENT = [
    ("The vaccine causes autism.", "The vaccine does not cause autism."),
    ("Russia helped North Korea.", "North Korea helped Russia."),
    ("North Korea sent troops to Russia.", "North Korea sent arms to Russia."),
    ("Unemployment rose to 5 percent.", "Unemployment rose to 6 percent."),
    ("The mayor closed the harbour.", "The mayor opened the bridge."),
    ("China supplied arms to Russia.", "North Korea supplied arms to Russia."),
]


def test_names_are_found_longest_first_as_a_plain_alternation_finds_them() -> None:
    """The name table's trie-shaped pattern finds what a longest-first alternation finds."""
    aliases = [
        ("Korea", "Korea Inc"),
        ("Korea Herald", "Korea Herald"),
        ("Mara Ellison", "Mara Ellison"),
        ("Mara", "Mara Group"),
        ("U.N.", "United Nations"),
        ("al-Hassan", "Omar al-Hassan"),
    ]
    table = name_table(load_lexicon().places, aliases)
    body = "|".join(re.escape(n) for n in sorted(table.canonical, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w-])(?:the\s+)?({body})(?![\w-])", re.IGNORECASE)
    texts = [
        "The Korea Herald said North Korea sent arms to Russia via South Korea.",
        "Mara Ellison and Mara met the U.N. envoy; al-Hassan and al-Hassani did not.",
        "Koreans in the North Korean capital, Pyongyang, and the Kremlin denied it.",
        "the united states and THE UNITED KINGDOM told the Korea Heralds.",
    ]
    for text in texts:
        found = [m.group(1).casefold() for m in table.pattern.finditer(text)]
        assert found == [m.group(1).casefold() for m in plain.finditer(text)], text
    _rest, actors = table.replace(texts[0])
    assert actors == ["Korea Herald", "North Korea", "Russia", "South Korea"]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_paraphrases_aliases_and_metonyms_are_one_claim(a: str, b: str) -> None:
    decision = same_claim(claim_key(a, NAMES), claim_key(b, NAMES))
    assert decision.same, decision


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_negation_roles_actions_numbers_and_actors_keep_claims_apart(a: str, b: str) -> None:
    decision = same_claim(claim_key(a, NAMES), claim_key(b, NAMES))
    assert not decision.same, decision
    assert decision.reason


def test_capitals_and_seats_of_government_stand_for_their_country() -> None:
    key = claim_key("The Kremlin said Pyongyang gave shells to Moscow", NAMES)
    assert key.actors == ("Russia", "North Korea")


@pytest.fixture
def two_sources(tmp_path: Path, run: Run) -> Path:
    (tmp_path / "a.txt").write_text(ACCUSATION, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FOLLOW_UP, encoding="utf-8")
    db = tmp_path / "claims.db"
    assert run("--db", str(db), "ingest", str(tmp_path / "a.txt")).code == 0
    assert run("--db", str(db), "ingest", str(tmp_path / "b.txt")).code == 0  # incremental
    return db


def _open(path: Path) -> Database:
    return Database.open(str(path))


def _arms_claim(db: Database) -> int:
    with db.reader() as session:
        (claim,) = [c for c in list_claims(session) if "arms" in c.proposition]
        return claim.id


def test_one_claim_across_sources_with_every_position(two_sources: Path) -> None:
    db = _open(two_sources)
    with db.reader() as session:
        claim = get_claim(session, _arms_claim(db))
    assert claim.sources == (1, 2)
    positions = claim.positions()
    assert positions["asserts"] == ["United States"]
    assert positions["denies"] == ["North Korea", "Russia"]
    assert len(claim.live) == 5


def test_claim_verdict_applies_the_matching_reading_and_records_it(two_sources: Path) -> None:
    db = _open(two_sources)
    claim_id = _arms_claim(db)
    with db.transaction() as session:
        change = SetClaimVerdict(claim_id, "disputed", "no transfers found", apply=True)
        applied = apply_change(session, change, analyst="ana")
    assert len(applied.rows) == 5
    with db.reader() as session:
        claim = get_claim(session, claim_id)
        statuses = {(s.actor, s.stance, s.status) for s in claim.live}
        history = statement_history(session, claim.live[0].id)
    assert statuses == {
        ("United States", "asserts", "disputed"),
        ("North Korea", "denies", "confirmed"),
        ("Russia", "denies", "confirmed"),
    }
    assert (claim.verdict, claim.rationale, claim.inconsistent) == (
        "disputed", "no transfers found", False
    )  # fmt: skip
    assert history[-1].note == f"from the verdict on claim {claim_id}"


def test_an_accusation_and_its_denial_both_confirmed_is_inconsistent(two_sources: Path) -> None:
    db = _open(two_sources)
    claim_id = _arms_claim(db)
    with db.reader() as session:
        accuser, denier = get_claim(session, claim_id).live[:2]
    with db.transaction() as session:
        apply_change(session, SetStatus(accuser.id, "confirmed"), analyst="ana")
        apply_change(session, SetStatus(denier.id, "confirmed"), analyst="bo")
    with db.reader() as session:
        assert [c.id for c in list_claims(session, inconsistent=True)] == [claim_id]


def test_a_claim_verdict_against_one_confirmed_denial_is_listed_as_inconsistent(
    two_sources: Path,
) -> None:
    """`--inconsistent` reads only claims with two readings; a claim verdict is one of them."""
    db = _open(two_sources)
    claim_id = _arms_claim(db)
    with db.reader() as session:
        denier = next(s for s in get_claim(session, claim_id).live if s.stance == "denies")
    with db.transaction() as session:
        apply_change(session, SetClaimVerdict(claim_id, "confirmed"), analyst="ana")
        apply_change(session, SetStatus(denier.id, "confirmed"), analyst="bo")
    with db.reader() as session:
        assert [c.id for c in list_claims(session, inconsistent=True)] == [claim_id]
        everything = list_claims(session)
        assert [c.id for c in iter_claims(session)] == [c.id for c in everything]
    first = run_cli("--db", str(two_sources), "claims", "--limit", "1", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in first.out.splitlines()] == [everything[0].id]


def test_the_readings_of_each_stance() -> None:
    assert not is_inconsistent("confirmed", [("asserts", "confirmed"), ("denies", "disputed")])
    assert is_inconsistent("unverified", [("asserts", "confirmed"), ("denies", "confirmed")])
    assert is_inconsistent("disputed", [("asserts", "confirmed")])
    assert not is_inconsistent("confirmed", [("questions", "disputed")])
    words = verdict_in_words("denies", "confirmed", "North Korea")
    assert words == "North Korea's denial holds: the claim is false"
    assert verdict_in_words("asserts", "disputed", "United States") == (
        "United States' claim does not hold: the claim is false"
    )


def test_an_analysts_link_and_unlink_survive_a_rebuild(two_sources: Path) -> None:
    db = _open(two_sources)
    claim_id = _arms_claim(db)
    with db.reader() as session:
        headline = next(s for s in list_statements(session) if s.actor == "(outlet)")
        member = get_claim(session, claim_id).live[-1]
    with db.transaction() as session:
        apply_change(session, LinkToClaim(headline.id, claim_id), analyst="ana")
        apply_change(session, UnlinkFromClaim(member.id), analyst="ana")
    with db.transaction() as session:
        rebuild_claims(session, analyst="ana")
    with db.reader() as session:
        assert claim_of_statement(session, headline.id).id == claim_id  # type: ignore[union-attr]
        own = claim_of_statement(session, member.id)
        assert own is not None and own.id != claim_id and len(own.live) == 1


def test_bad_links_are_refused_and_change_nothing(two_sources: Path) -> None:
    db = _open(two_sources)
    claim_id = _arms_claim(db)
    with db.reader() as session:
        first, second = get_claim(session, claim_id).live[:2]
    with db.transaction() as session:
        apply_change(session, Dismiss(first.id), analyst="ana")
    for change, error in (
        (LinkToClaim(first.id, claim_id), InvalidInput),  # dismissed
        (LinkToClaim(second.id, 9999), NotFound),
        (SetClaimVerdict(claim_id, "true"), InvalidInput),
    ):
        with pytest.raises(error), db.transaction() as session:
            apply_change(session, change, analyst="ana")
    with pytest.raises(StaleEdit), db.transaction() as session:
        apply_change(
            session, SetClaimVerdict(claim_id, "confirmed"), analyst="bo", expected_version=7
        )
    with db.reader() as session:
        assert get_claim(session, claim_id).verdict == "unverified"


def test_cli_lists_claims_as_jsonl_and_says_verdicts_in_words(run: Run, two_sources: Path) -> None:
    db = str(two_sources)
    outcome = run("--db", db, "claims", "--across", "--format", "jsonl")
    (record,) = [json.loads(line) for line in outcome.out.splitlines()]
    assert set(record) >= {"id", "proposition", "verdict", "inconsistent", "sources", "statements"}
    assert record["sources"] == 2 and not record["inconsistent"]
    assert set(record["statements"][0]) == {"id", "source_id", "actor", "stance", "status"}
    denier = next(s for s in record["statements"] if s["stance"] == "denies")
    assert run("--db", db, "verdict", str(denier["id"]), "confirmed").code == 0
    shown = run("--db", db, "claims", "show", str(record["id"]))
    assert "North Korea's denial holds: the claim is false" in shown.out
    refused = run("--db", db, "claims", "link", str(denier["id"]), "9999")
    assert refused.code == 2 and refused.error_lines == [
        "error: claim: no claim with id 9999 (list ids with `workbench claims`)"
    ]


def test_init_on_a_database_from_before_claims_groups_its_statements(
    tmp_path: Path, run: Run
) -> None:
    from workbench.db.schema import HEAD_REVISION, upgrade_to_head
    from workbench.extract import extract
    from workbench.ingest.document import Document
    from workbench.services.storing import ingest_document

    path = tmp_path / "old.db"
    db = Database.open(str(path))
    upgrade_to_head(db, "0001")
    from sqlmodel import Session

    # Today's ingest reads the actor columns of 0008 (analysts' merges): lend them for the
    # writes and take them away again, so the rows are as a workbench of schema 0001 wrote them.
    added = (("actor", "merged_into_id INTEGER"), ("actor_alias", "decided_by VARCHAR"))
    with db.engine.begin() as connection:
        for table, column in added:
            connection.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column}")
    with Session(db.engine) as session, session.begin():
        for text in (ACCUSATION, FOLLOW_UP):
            ingest_document(session, Document(text=text, title="t"), extract(text), analyst="ana")
    with db.engine.begin() as connection:
        for table, column in added:
            connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column.split()[0]}")
    db.dispose()
    outcome = run("--db", str(path), "init")
    assert outcome.code == 0, outcome.err
    assert f"from schema 0001 to {HEAD_REVISION}" in outcome.out
    assert "statements linked" in outcome.out
    db = _open(path)
    with db.reader() as session:
        assert len(get_claim(session, _arms_claim(db)).sources) == 2
    verified = run("--db", str(path), "audit", "verify")
    assert verified.code == 0 and verified.out.startswith("audit: ")  # sealed by init


def test_the_labelled_linking_set_is_grouped_as_labelled() -> None:
    """data/claims/linking_set.jsonl: paraphrases, aliases, metonyms and hard negatives
    (negation, swapped roles, another act, number or day). Grouped as ingest groups them,
    every pair of propositions is judged against its label."""
    import itertools

    from workbench.services.claims import ClaimIndex

    path = Path(__file__).resolve().parents[2] / "data" / "claims" / "linking_set.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    index, grouped = ClaimIndex(), []
    for number, record in enumerate(records):
        key = claim_key(record["proposition"], NAMES)
        match = index.best(key)
        if match is None:
            index.add(number, key)
        grouped.append(number if match is None else match[0])
    pairs = list(itertools.combinations(range(len(records)), 2))
    same = [(i, j) for i, j in pairs if records[i]["claim"] == records[j]["claim"]]
    said = [(i, j) for i, j in pairs if grouped[i] == grouped[j]]
    assert len(pairs) >= 300 and len(same) >= 40
    precision = len(set(same) & set(said)) / len(said)
    recall = len(set(same) & set(said)) / len(same)
    assert precision >= 0.95 and recall >= 0.9, (precision, recall)


def test_merging_claims_moves_their_statements_keeps_them_through_rebuild_and_undoes(
    two_sources: Path,
) -> None:
    from workbench.services.claim_changes import MergeClaims

    db = _open(two_sources)
    kept = _arms_claim(db)
    with db.reader() as session:
        other = next(c for c in list_claims(session) if c.id != kept)
        moved = [s.id for s in other.live]
    with db.transaction() as session:
        apply_change(session, SetClaimVerdict(kept, "disputed"), analyst="ana")
        applied = apply_change(
            session, MergeClaims(other.id, kept), analyst="ana", expected_version=2
        )
    with db.transaction() as session:
        rebuild_claims(session, analyst="ana")
    with db.reader() as session:
        merged = get_claim(session, kept)
        assert set(moved) <= {s.id for s in merged.live}
        assert merged.verdict == "disputed" and merged.version == 3
        assert other.id not in [c.id for c in list_claims(session)]
    with db.transaction() as session:
        apply_change(session, applied.undo, analyst="ana")
    with db.reader() as session:
        assert [s.id for s in get_claim(session, other.id).live] == moved
        assert not set(moved) & {s.id for s in get_claim(session, kept).live}


def test_bad_claim_merges_are_refused_in_one_line_and_change_nothing(
    run: Run, two_sources: Path
) -> None:
    db = str(two_sources)
    kept = _arms_claim(_open(two_sources))
    before = run("--db", db, "claims", "--format", "jsonl").out
    for args, error in (
        ((str(kept), str(kept)), f"error: merge: claim {kept} cannot be merged into itself"),
        ((str(kept), "9999"), "error: claim: no claim with id 9999"),
        (("9999", str(kept)), "error: claim: no claim with id 9999"),
    ):
        refused = run("--db", db, "claims", "merge", *args)
        assert refused.code == 2 and len(refused.error_lines) == 1
        assert refused.error_lines[0].startswith(error)
    other = next(i for i in (json.loads(line)["id"] for line in before.splitlines()) if i != kept)
    stale = run("--db", db, "claims", "merge", str(other), str(kept), "--expect-version", "5")
    assert stale.code != 0 and stale.error_lines[0].startswith(f"error: claim: claim {kept} was")
    assert run("--db", db, "claims", "--format", "jsonl").out == before
    merged = run("--db", db, "claims", "merge", str(other), str(kept), "--expect-version", "1")
    assert merged.code == 0 and f"merged into claim {kept}" in merged.out


def test_each_link_records_its_score_and_reason_and_a_suggestion_can_be_accepted(
    run: Run, two_sources: Path
) -> None:
    from sqlalchemy import update

    from workbench.db.models import ClaimMember
    from workbench.services.claims import SUGGEST_BELOW

    db = _open(two_sources)
    claim_id = _arms_claim(db)
    with db.reader() as session:
        first, *joined = get_claim(session, claim_id).live
    assert (first.score, first.reason) == (None, "started the claim")
    assert joined and all(s.score is not None and s.score >= 75 for s in joined)
    assert all(s.reason == "same actors and terms" and not s.pinned for s in joined)
    weak = joined[0]
    with db.transaction() as session:  # a match under the confidence line
        session.execute(
            update(ClaimMember)
            .where(ClaimMember.statement_id == weak.id)  # type: ignore[arg-type]
            .values(score=SUGGEST_BELOW - 10)
        )
    shown = run("--db", str(two_sources), "claims", "show", str(claim_id)).out
    line = next(x for x in shown.splitlines() if x.startswith(f"  #{weak.id} "))
    assert "[suggested: score 80, same actors and terms; accept with `claims link`" in line
    accepted = run("--db", str(two_sources), "claims", "link", str(weak.id), str(claim_id))
    assert accepted.code == 0 and f"accepted in claim {claim_id}" in accepted.out
    with db.reader() as session:
        member = next(s for s in get_claim(session, claim_id).live if s.id == weak.id)
    assert member.pinned and member.reason == "accepted: same actors and terms"
    again = run("--db", str(two_sources), "claims", "link", str(weak.id), str(claim_id))
    assert again.code == 2 and again.error_lines == [
        f"error: link: statement {weak.id} is already in claim {claim_id}"
    ]
