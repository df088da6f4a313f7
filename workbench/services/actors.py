"""Actors and their aliases: one actor for "US", "United States" and "Washington"."""

from __future__ import annotations

import re

from sqlalchemy import bindparam, insert
from sqlmodel import Session, col, func, select

from workbench.db.models import Actor, ActorAlias, Statement, utc_now
from workbench.db.views import ActorView
from workbench.services.claim_keys import only_function_words

_PROPER_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|and|for))*$")


def alias_key(name: str) -> str:
    """Aliases match regardless of case, dots and spacing ("U.N." = "UN")."""
    return re.sub(r"[\s.]+", "", name).casefold()


_ACTOR_BY_NAME = select(Actor.id, Actor.merged_into_id).where(col(Actor.name) == bindparam("name"))
_ALIAS_OWNER = select(ActorAlias.actor_id).where(col(ActorAlias.alias_key) == bindparam("key"))
_DECIDED = select(ActorAlias.alias_key, ActorAlias.actor_id).where(
    col(ActorAlias.decided_by).is_not(None)
)


class ActorResolver:
    """Find or create actors by name during one transaction, without a query per statement.

    Analysts' decisions come first: a spelling an analyst placed by a merge or a split
    (`actor_alias.decided_by`) resolves to its actor whatever the extractor guessed, and the
    name of a merged actor resolves to the actor it was merged into.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._ids: dict[str, int] = {}
        self._aliases_seen: set[str] = set()
        self._decided: dict[str, int] | None = None

    def forget(self) -> None:
        """After a rollback to a savepoint, ids created inside it no longer exist."""
        self._ids.clear()
        self._aliases_seen.clear()
        self._decided = None

    def decided(self, spelling: str | None) -> int | None:
        """The actor an analyst placed this spelling with, if one did (a few rows, read once)."""
        if not spelling:
            return None
        if self._decided is None:
            rows = self.session.connection().execute(_DECIDED)
            self._decided = {key: actor_id for key, actor_id in rows}
        return self._decided.get(alias_key(spelling)) if self._decided else None

    def actor_id(self, name: str, *, kind: str, affiliation: str | None, alias: str | None) -> int:
        placed = self.decided(alias) or self.decided(name)
        if placed is not None:
            return placed
        cached = self._ids.get(name)
        if cached is None:
            cached = self._find_or_create(name, kind, affiliation)
            self._ids[name] = cached
        if alias and alias != name and _PROPER_NAME.match(alias):
            self._add_alias(cached, alias)
        return cached

    def _find_or_create(self, name: str, kind: str, affiliation: str | None) -> int:
        found = self.session.connection().execute(_ACTOR_BY_NAME, {"name": name}).first()
        if found is not None:
            return survivor(self.session, found[0], found[1])
        actor_id: int = (
            self.session.connection()
            .execute(
                insert(Actor.__table__).values(  # type: ignore[arg-type]
                    name=name, kind=kind, affiliation=affiliation, version=1, created_at=utc_now()
                )
            )
            .inserted_primary_key[0]
        )
        self._add_alias(actor_id, name)
        return actor_id

    def _add_alias(self, actor_id: int, alias: str) -> None:
        key = alias_key(alias)
        if not key or key in self._aliases_seen:
            return
        if only_function_words(alias):  # "it", "The", "Not": an extraction error, never a name
            return
        self._aliases_seen.add(key)
        taken = self.session.connection().execute(_ALIAS_OWNER, {"key": key}).scalar()
        if taken is None:
            self.session.connection().execute(
                insert(ActorAlias.__table__).values(  # type: ignore[arg-type]
                    actor_id=actor_id, alias=alias, alias_key=key
                )
            )


def survivor(session: Session, actor_id: int, merged_into_id: int | None) -> int:
    """The live actor a (possibly merged) actor stands for now. Merges are flattened when made,
    so this is at most one step; the bound only guards against a hand-edited database."""
    seen = {actor_id}
    while merged_into_id is not None and merged_into_id not in seen:
        actor_id = merged_into_id
        seen.add(actor_id)
        merged_into_id = (
            session.connection()
            .execute(select(Actor.merged_into_id).where(col(Actor.id) == actor_id))
            .scalar()
        )
    return actor_id


def actor_ids_matching(session: Session, name: str) -> list[int]:
    """Actors whose name or alias is `name` (case-free), else whose name contains it."""
    exact = session.exec(
        select(ActorAlias.actor_id).where(col(ActorAlias.alias_key) == alias_key(name))
    ).all()
    if exact:
        return sorted(set(exact))
    pattern = f"%{name.strip()}%"
    return list(session.exec(select(Actor.id).where(col(Actor.name).ilike(pattern))).all())


def list_actors(session: Session) -> list[ActorView]:
    """Every live actor with its aliases and how many live statements it speaks. A merged actor
    is not listed: its statements and aliases are its survivor's."""
    stances: dict[int | None, dict[str, int]] = {}
    for actor_id, stance, number in session.exec(
        select(Statement.actor_id, Statement.stance, func.count())
        .where(col(Statement.dismissed).is_(False))
        # Stance first: grouped by actor first, SQLite walks ix_statement_actor_id_id and
        # fetches every statement out of order (2.5 s against 0.8 s at a million statements).
        .group_by(col(Statement.stance), col(Statement.actor_id))
    ):
        stances.setdefault(actor_id, {})[stance] = number
    counts = {actor_id: sum(found.values()) for actor_id, found in stances.items()}
    aliases: dict[int, list[str]] = {}
    for actor_id, alias in session.exec(
        select(ActorAlias.actor_id, ActorAlias.alias).order_by(col(ActorAlias.id))
    ):
        aliases.setdefault(actor_id, []).append(alias)
    return [
        ActorView(
            id=actor.id or 0,
            name=actor.name,
            kind=actor.kind,
            affiliation=actor.affiliation,
            aliases=tuple(aliases.get(actor.id or 0, ())),
            statement_count=counts.get(actor.id, 0),
            stances=stances.get(actor.id, {}),
        )
        for actor in session.exec(
            select(Actor).where(col(Actor.merged_into_id).is_(None)).order_by(col(Actor.name))
        )
    ]
