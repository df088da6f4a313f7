"""Per-database settings that every analyst of a shared database works under.

They live in the database, not in each analyst's config file: second review only means
something if nobody can switch it off for themselves. Changing one is a history event.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from workbench.db.models import Setting, utc_now
from workbench.errors import InvalidInput
from workbench.services.changes import Applied, handles
from workbench.services.history import record_change

SECOND_REVIEW = "second-review"
# Each setting, its allowed values (the first is the default) and what it does, for `settings`.
KNOWN: dict[str, tuple[tuple[str, ...], str]] = {
    SECOND_REVIEW: (
        ("off", "on"),
        "a verdict is final only once a second analyst, not its author, agrees",
    ),
}


@dataclass(frozen=True)
class ChangeSetting:
    key: str
    value: str


def setting(session: Session, key: str) -> str:
    """The value of a setting, or its default."""
    stored = session.execute(select(col(Setting.value)).where(col(Setting.key) == key)).scalar()
    return stored if stored is not None else KNOWN[key][0][0]


def all_settings(session: Session) -> list[tuple[str, str, str, str]]:
    """(key, value, set by, description) of every known setting, defaults included."""
    stored = {row.key: row for row in session.exec(select(Setting))}
    found = []
    for key, (values, about) in KNOWN.items():
        row = stored.get(key)
        found.append((key, row.value if row else values[0], row.set_by if row else "", about))
    return found


def second_review_on(session: Session) -> bool:
    return setting(session, SECOND_REVIEW) == "on"


def _check(key: str, value: str) -> None:
    if key not in KNOWN:
        raise InvalidInput(
            f"unknown setting '{key}'", where="settings", hint=f"known: {', '.join(KNOWN)}"
        )
    if value not in KNOWN[key][0]:
        raise InvalidInput(
            f"'{value}' is not a value of {key}",
            where="settings",
            hint=f"use one of {', '.join(KNOWN[key][0])}",
        )


@handles(ChangeSetting)
def _change_setting(session: Session, c: ChangeSetting, analyst: str, _seen: int | None) -> Applied:
    _check(c.key, c.value)
    before = setting(session, c.key)
    if before == c.value:
        return Applied(c, (), None, None, None, f"{c.key} is already {c.value}")
    connection = session.connection()
    connection.execute(delete(Setting).where(col(Setting.key) == c.key))
    connection.execute(
        insert(Setting).values(key=c.key, value=c.value, set_by=analyst, set_at=utc_now())
    )
    record_change(
        session,
        analyst=analyst,
        entity="setting",
        entity_id=0,
        field=c.key,
        old=before,
        new=c.value,
    )
    return Applied(c, (), None, ChangeSetting(c.key, before), None, f"{c.key}: {c.value}")
