"""Actors and their aliases: one actor for "US", "United States" and "Washington"."""

from __future__ import annotations

import re

from sqlmodel import Session, col, func, select

from workbench.db.models import Actor, ActorAlias, Statement
from workbench.db.views import ActorView

_PROPER_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|and|for))*$")


def alias_key(name: str) -> str:
    """Aliases match regardless of case, dots and spacing ("U.N." = "UN")."""
    return re.sub(r"[\s.]+", "", name).casefold()


class ActorResolver:
    """Find or create actors by name during one transaction, without a query per statement."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._ids: dict[str, int] = {}
        self._aliases_seen: set[str] = set()

    def actor_id(self, name: str, *, kind: str, affiliation: str | None, alias: str | None) -> int:
        cached = self._ids.get(name)
        if cached is None:
            cached = self._find_or_create(name, kind, affiliation)
            self._ids[name] = cached
        if alias and alias != name and _PROPER_NAME.match(alias):
            self._add_alias(cached, alias)
        return cached

    def _find_or_create(self, name: str, kind: str, affiliation: str | None) -> int:
        found = self.session.exec(select(Actor.id).where(col(Actor.name) == name)).first()
        if found is not None:
            return found
        actor = Actor(name=name, kind=kind, affiliation=affiliation)
        self.session.add(actor)
        self.session.flush()
        assert actor.id is not None
        self._add_alias(actor.id, name)
        return actor.id

    def _add_alias(self, actor_id: int, alias: str) -> None:
        key = alias_key(alias)
        if not key or key in self._aliases_seen:
            return
        self._aliases_seen.add(key)
        taken = self.session.exec(
            select(ActorAlias.actor_id).where(col(ActorAlias.alias_key) == key)
        ).first()
        if taken is None:
            self.session.add(ActorAlias(actor_id=actor_id, alias=alias, alias_key=key))
            self.session.flush()


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
    """Every actor with its aliases and how many live statements it speaks."""
    counts = dict(
        session.exec(
            select(Statement.actor_id, func.count())
            .where(col(Statement.dismissed).is_(False))
            .group_by(col(Statement.actor_id))
        ).all()
    )
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
        )
        for actor in session.exec(select(Actor).order_by(col(Actor.name)))
    ]
