"""The normalised actor: who a statement's speaker is, as reviewers compare it across articles.

Kept in a module of its own so that the rule modules `actors.py` calls (`actor_forms.py`) can
build actors without importing `actors.py` back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """A normalised actor; ``role`` is the stripped title, used to resolve "the minister"."""

    name: str
    kind: str
    affiliation: str | None = None
    role: str | None = None
