"""Correcting what an actor is (kind, affiliation), recorded on the statement it was fixed from.

The extractor guesses a kind ("person" for an unknown name) and rarely an affiliation; an
analyst who corrects the actor of a statement must be able to fix both. They belong to the
actor (one ministry is an organisation everywhere), so the actor row changes, and the history
of the statement the analyst was looking at says so.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col

from workbench.db.models import ACTOR_KINDS, Actor
from workbench.errors import InvalidInput, NotFound
from workbench.services.history import record_change


def check_kind(kind: str | None) -> None:
    """Refuse a kind the rest of the workbench does not know, before anything is written."""
    if kind is not None and kind not in ACTOR_KINDS:
        raise InvalidInput(
            f"unknown actor kind '{kind}'",
            where="actor-kind",
            hint=f"one of {', '.join(ACTOR_KINDS)}",
        )


def set_actor_details(
    session: Session,
    *,
    actor_id: int,
    statement_id: int | None,
    analyst: str,
    kind: str | None = None,
    affiliation: str | None = None,
    note: str = "",
) -> dict[str, tuple[Any, Any]]:
    """Set the actor's kind and/or affiliation ("" clears it); returns {field: (old, new)}."""
    check_kind(kind)
    actor = session.get(Actor, actor_id)
    if actor is None:  # the statement's actor row is gone: nothing sensible to change
        if statement_id is None:
            raise NotFound(
                f"no actor with id {actor_id}",
                where="actor",
                hint="list ids with `workbench actors`",
            )
        raise InvalidInput(f"statement {statement_id} has no actor", where="actor")
    changes: dict[str, tuple[Any, Any]] = {}
    if kind is not None and kind != actor.kind:
        changes["actor_kind"] = (actor.kind, kind)
    if affiliation is not None and (affiliation.strip() or None) != actor.affiliation:
        changes["affiliation"] = (actor.affiliation, affiliation.strip() or None)
    if not changes:
        return changes
    values = {("kind" if f == "actor_kind" else f): new for f, (_old, new) in changes.items()}
    session.execute(
        update(Actor)
        .where(col(Actor.id) == actor_id)
        .values(**values, version=col(Actor.version) + 1)
    )
    for field_name, (old, new) in changes.items():
        record_change(
            session,
            analyst=analyst,
            entity="actor",
            entity_id=actor_id,
            statement_id=statement_id,
            field=field_name,
            old=old,
            new=new,
            note=note,
        )
    return changes


def resolve_corrected_actor(
    session: Session, name: str, *, old_kind: str | None, kind: str | None
) -> tuple[int, str]:
    """The actor a correction names, and its kind: an existing actor keeps its own; a new one
    takes `kind`, else what the lexicon knows of the name (a country, a known organisation),
    else the old actor's kind. Returns (actor id, kind)."""
    from workbench.extract.actors import lookup_name
    from workbench.extract.lexicon import load_lexicon
    from workbench.services.actors import ActorResolver

    known = None if kind else lookup_name(name, load_lexicon())
    guessed = kind or (known.kind if known else None) or old_kind or "person"
    affiliation = known.affiliation if known else None
    actor_id = ActorResolver(session).actor_id(
        name, kind=guessed, affiliation=affiliation, alias=None
    )
    actor = session.get(Actor, actor_id)
    return actor_id, actor.kind if actor is not None else guessed
