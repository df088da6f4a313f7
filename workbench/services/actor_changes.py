"""Analysts' decisions about actors, on the typed change path: merge, split, kind and affiliation.

The extractor makes one actor per name it resolves; analysts know better ("Pyongyang regime" is
North Korea; "Washington" in a column about the city is not the United States). Each decision
is a typed change registered with `services.changes.handles`, written with its history in one
transaction, and kept where ingest reads it, so later articles follow it:

- a merge moves the merged actor's statements and aliases to the survivor, marks the aliases
  as an analyst's (`actor_alias.decided_by`), and leaves the merged row pointing at the survivor
  (`actor.merged_into_id`): its name and spellings resolve to the survivor from then on. Listings,
  claim stance tables and reports read the statement's actor, so they count it there at once;
- a split moves some spellings to another actor (a new one named after the first spelling, the
  merged actor of that name brought back, or an existing actor): the statements whose speaker
  was written that way go with them, and later ingests of those spellings resolve there.

Bad input (an unknown id, merging an actor into itself or into a cycle) raises before anything
is written: one line, exit 2 in the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlmodel import Session, col

from workbench.db.models import Actor, ActorAlias, Statement, utc_now
from workbench.errors import InvalidInput, NotFound
from workbench.services.actor_details import set_actor_details
from workbench.services.actors import alias_key, survivor
from workbench.services.changes import Applied, check_seen, handles
from workbench.services.history import record_change
from workbench.services.statement_writes import Raced
from workbench.services.statements import get_statement_row

LIST_HINT = "list ids with `workbench actors`"


@dataclass(frozen=True)
class MergeActor:
    """Actor `actor_id` is actor `into_id`: its statements and spellings move there for good."""

    actor_id: int
    into_id: int
    statement_id: int | None = None  # the statement it was decided from, for its history
    note: str = ""


@dataclass(frozen=True)
class MergeActorOf:
    """From a statement (the TUI): its actor is the actor named `into` (name, alias or id)."""

    statement_id: int
    into: str
    note: str = ""


@dataclass(frozen=True)
class SplitActor:
    """The spellings `aliases` of actor `actor_id` name someone else: actor `name` (default: the
    first spelling), created if there is none, brought back if it was merged into this one."""

    actor_id: int
    aliases: tuple[str, ...]
    statement_id: int | None = None
    name: str | None = None
    note: str = ""


@dataclass(frozen=True)
class SetActorDetails:
    """What an actor is: its kind and affiliation ("" clears it); None keeps a field."""

    actor_id: int
    kind: str | None = None
    affiliation: str | None = None
    statement_id: int | None = None
    note: str = ""


def _actor(session: Session, actor_id: int, where: str) -> Actor:
    actor = session.get(Actor, actor_id, populate_existing=True)  # never a stale copy
    if actor is None:
        raise NotFound(f"no actor with id {actor_id}", where=where, hint=LIST_HINT)
    return actor


def find_actor(session: Session, text: str) -> int:
    """The live actor `text` names: an id, a spelling (case-free) or an exact name."""
    wanted = text.strip()
    if wanted.isascii() and wanted.isdigit():
        actor = _actor(session, int(wanted), "actor")
        return survivor(session, actor.id or 0, actor.merged_into_id)
    owner = session.execute(
        select(col(ActorAlias.actor_id)).where(col(ActorAlias.alias_key) == alias_key(wanted))
    ).scalar()
    if owner is not None:
        return int(owner)
    found = session.execute(
        select(col(Actor.id), col(Actor.merged_into_id)).where(col(Actor.name) == wanted)
    ).first()
    if found is None:
        raise NotFound(
            f"no actor named '{wanted}'", where="actor", hint="type a name, an alias or an id"
        )
    return survivor(session, found[0], found[1])


def _bump(session: Session, actor: Actor, **values: object) -> None:
    """Compare-and-set on the actor's version, only while it is live: a concurrent merge of
    either actor makes this try fail, and `apply_change` reads both again."""
    result = session.execute(
        update(Actor)
        .where(
            col(Actor.id) == actor.id,
            col(Actor.version) == actor.version,
            col(Actor.merged_into_id).is_(None),
        )
        .values(**values, version=actor.version + 1)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.expire(actor)
        raise Raced(f"actor {actor.id} was changed meanwhile", where="actor")


def _history(
    session: Session, c: object, analyst: str, actor_id: int, field: str, old: object, new: object
) -> None:
    record_change(
        session,
        analyst=analyst,
        entity="actor",
        entity_id=actor_id,
        statement_id=getattr(c, "statement_id", None),
        field=field,
        old=old,
        new=new,
        note=getattr(c, "note", ""),
    )


def _rows(session: Session, statement_id: int | None, seen: int | None) -> tuple:  # type: ignore[type-arg]
    if statement_id is None:
        return ()
    row = get_statement_row(session, statement_id)
    check_seen(row, seen)
    return (row,)


def _check_merge(src: Actor, into: Actor) -> None:
    if src.merged_into_id is not None:
        raise InvalidInput(
            f"actor {src.id} ({src.name}) is already merged into actor {src.merged_into_id}",
            where="merge",
            hint="merge the actor it was merged into, or split it back out first",
        )
    if into.merged_into_id == src.id:
        raise InvalidInput(
            f"merging actor {src.id} into actor {into.id} would make a cycle: "
            f"actor {into.id} ({into.name}) is merged into actor {src.id}",
            where="merge",
            hint=f"split it back out first: `workbench actors split {src.id} ALIAS…`",
        )
    _refuse_if_merged(into, where="merge", hint=f"merge into actor {into.merged_into_id} instead")


def _refuse_if_merged(actor: Actor, *, where: str, hint: str, name: str | None = None) -> None:
    """A merged-away actor takes no decision of its own: its survivor does."""
    if actor.merged_into_id is not None:
        raise InvalidInput(
            f"actor {actor.id} ({name or actor.name}) is merged into actor {actor.merged_into_id}",
            where=where,
            hint=hint,
        )


@handles(MergeActor)
def _merge(session: Session, c: MergeActor, analyst: str, seen: int | None) -> Applied:
    if c.actor_id == c.into_id:
        raise InvalidInput(
            f"actor {c.actor_id} cannot be merged into itself",
            where="merge",
            hint="name two actors: the one to fold in, then the one to keep",
        )
    src, into = _actor(session, c.actor_id, "merge"), _actor(session, c.into_id, "merge")
    _check_merge(src, into)
    rows = _rows(session, c.statement_id, seen)
    src_name, into_name = src.name, into.name
    # Both rows in id order: two analysts merging A into B and B into A at once wait for each
    # other (the second then finds the cycle) instead of deadlocking on PostgreSQL.
    for actor, values in sorted(
        ((src, {"merged_into_id": c.into_id}), (into, {})), key=lambda pair: pair[0].id or 0
    ):
        _bump(session, actor, **values)
    aliases = tuple(
        session.execute(
            select(col(ActorAlias.alias))
            .where(col(ActorAlias.actor_id) == c.actor_id)
            .order_by(col(ActorAlias.id))
        ).scalars()
    )
    session.execute(
        update(ActorAlias)
        .where(col(ActorAlias.actor_id) == c.actor_id)
        .values(actor_id=c.into_id, decided_by=analyst)
    )
    moved = session.execute(
        update(Statement).where(col(Statement.actor_id) == c.actor_id).values(actor_id=c.into_id)
    ).rowcount  # type: ignore[attr-defined]
    # Actors merged into this one earlier follow it: a merged actor always names a live one.
    session.execute(
        update(Actor)
        .where(col(Actor.merged_into_id) == c.actor_id)
        .values(merged_into_id=c.into_id)
    )
    from workbench.services.claims import rename_key_actor

    rekeyed = rename_key_actor(session, src_name, into_name)
    detail = f"{moved} statements; aliases: {', '.join(aliases) or '(none)'}"
    _history(session, c, analyst, c.actor_id, "merged_into", None, c.into_id)
    _history(session, c, analyst, c.into_id, "merged", None, f"{c.actor_id} ({detail})")
    message = (
        f"actor {c.actor_id} ({src_name}) merged into actor {c.into_id} ({into_name}): {detail}"
    )
    if rekeyed:
        message += f"; {rekeyed} claims now keyed under {into_name}"
    undo = SplitActor(c.into_id, aliases, c.statement_id, name=src_name)
    before = rows[0] if rows else None
    rows = _rows(session, c.statement_id, None)  # its actor is the survivor now
    return Applied(c, rows, before, undo, None, message)


@handles(MergeActorOf)
def _merge_of(session: Session, c: MergeActorOf, analyst: str, seen: int | None) -> Applied:
    row = get_statement_row(session, c.statement_id)
    check_seen(row, seen)
    if row.actor_id is None:
        raise InvalidInput(f"statement {c.statement_id} has no actor to merge", where="merge")
    into_id = find_actor(session, c.into)
    merge = MergeActor(row.actor_id, into_id, c.statement_id, c.note)
    applied: Applied = _merge(session, merge, analyst, seen)
    return applied


def _speakers_of(session: Session, actor_id: int, keys: set[str]) -> list[int]:
    """Statements of the actor whose speaker is written as one of the spellings."""
    found = session.execute(
        select(col(Statement.id), col(Statement.speaker)).where(
            col(Statement.actor_id) == actor_id, col(Statement.speaker).is_not(None)
        )
    ).all()
    return [
        statement_id
        for statement_id, speaker in found
        if alias_key(speaker) in keys or alias_key(_without_article(speaker)) in keys
    ]


def _without_article(speaker: str) -> str:
    return speaker[4:] if speaker[:4].lower() == "the " else speaker


def _split_target(session: Session, src: Actor, name: str) -> tuple[int, str]:
    """The actor the spellings go to, and how it was found: new, back (unmerged) or existing."""
    query = select(Actor).where(col(Actor.name) == name)
    found = session.execute(query.execution_options(populate_existing=True)).scalars().first()
    if found is None:
        actor_id: int = session.execute(
            insert(Actor).values(
                name=name, kind=src.kind, affiliation=None, version=1, created_at=utc_now()
            )
        ).inserted_primary_key[0]  # type: ignore[attr-defined]
        return actor_id, "new"
    if found.id == src.id:
        raise InvalidInput(
            f"actor {src.id} cannot be split into itself ({name} is its name)",
            where="split",
            hint="name the other spellings; the actor keeps its own name",
        )
    if found.merged_into_id == src.id:
        session.execute(
            update(Actor)
            .where(col(Actor.id) == found.id)
            .values(merged_into_id=None, version=found.version + 1)
        )
        return found.id or 0, "back"
    _refuse_if_merged(found, where="split", hint="give another name with --name", name=name)
    return found.id or 0, "existing"


@handles(SplitActor)
def _split(session: Session, c: SplitActor, analyst: str, seen: int | None) -> Applied:
    src = _actor(session, c.actor_id, "split")
    _refuse_if_merged(src, where="split", hint=f"split actor {src.merged_into_id} instead")
    if not c.aliases and not c.name:
        raise InvalidInput("name at least one spelling to split off", where="split")
    owned = {
        key: (alias, owner)
        for key, alias, owner in session.execute(
            select(
                col(ActorAlias.alias_key), col(ActorAlias.alias), col(ActorAlias.actor_id)
            ).where(col(ActorAlias.alias_key).in_([alias_key(a) for a in c.aliases] or ["\0"]))
        )
    }
    spellings: list[str] = []
    for given in c.aliases:
        key = alias_key(given)
        if key == alias_key(src.name):
            raise InvalidInput(
                f"'{given}' is the name of actor {src.id}: it stays",
                where="split",
                hint="name the other spellings; the actor keeps its own name",
            )
        if key not in owned or owned[key][1] != src.id:
            raise InvalidInput(
                f"'{given}' is not a spelling of actor {src.id} ({src.name})",
                where="split",
                hint="its spellings are listed by `workbench actors`",
            )
        if owned[key][0] not in spellings:
            spellings.append(owned[key][0])
    rows = _rows(session, c.statement_id, seen)
    name = (c.name or spellings[0]).strip()
    _bump(session, src)
    target, how = _split_target(session, src, name)
    keys = {alias_key(s) for s in spellings} | {alias_key(name)}
    if spellings:
        session.execute(
            update(ActorAlias)
            .where(col(ActorAlias.alias_key).in_([alias_key(s) for s in spellings]))
            .values(actor_id=target, decided_by=analyst)
        )
    moving = _speakers_of(session, src.id or 0, keys)
    for start in range(0, len(moving), 500):  # parameter limits on SQLite
        session.execute(
            update(Statement)
            .where(col(Statement.id).in_(moving[start : start + 500]))
            .values(actor_id=target)
        )
    listed = ", ".join(spellings) or name
    _history(session, c, analyst, c.actor_id, "split", listed, target)
    _history(session, c, analyst, target, "aliases", None, f"{listed} (from actor {c.actor_id})")
    word = {"new": "new actor", "back": "actor (merged before, back)", "existing": "actor"}[how]
    message = (
        f"actor {c.actor_id} ({src.name}) split: {listed} -> {word} {target} ({name}), "
        f"{len(moving)} statements moved"
    )
    undo = (
        SplitActor(target, tuple(spellings), c.statement_id, name=src.name)
        if how == "existing"
        else MergeActor(target, c.actor_id, c.statement_id)
    )
    before = rows[0] if rows else None
    return Applied(c, _rows(session, c.statement_id, None), before, undo, None, message)


@handles(SetActorDetails)
def _set_details(session: Session, c: SetActorDetails, analyst: str, seen: int | None) -> Applied:
    actor = _actor(session, c.actor_id, "actor")
    _refuse_if_merged(actor, where="actor", hint=f"set it on actor {actor.merged_into_id}")
    rows = _rows(session, c.statement_id, seen)
    changes = set_actor_details(
        session,
        actor_id=c.actor_id,
        statement_id=c.statement_id,
        analyst=analyst,
        kind=c.kind,
        affiliation=c.affiliation,
        note=c.note,
    )
    if not changes:
        return Applied(c, rows, None, None, None, f"actor {c.actor_id}: unchanged")
    old = {name: before for name, (before, _new) in changes.items()}
    undo = SetActorDetails(
        c.actor_id,
        kind=old.get("actor_kind"),
        affiliation=(old["affiliation"] or "") if "affiliation" in old else None,
        statement_id=c.statement_id,
    )
    said = ", ".join(
        f"{name.replace('actor_', '')} {new or '(none)'}" for name, (_o, new) in changes.items()
    )
    before = rows[0] if rows else None
    return Applied(
        c,
        _rows(session, c.statement_id, None),
        before,
        undo,
        None,
        f"actor {c.actor_id} ({actor.name}): {said}",
    )
