"""The domain's words, defined once: statuses, stances, evidence relations, actor kinds.

Imported by the ORM, the extraction engine, the services, the CLI and the TUI alike, so knowing
what a stance is needs no database import, and the CLI and the TUI mark a status the same way.
"""

from __future__ import annotations

from typing import Final

# A statement's verdict judges what its speaker says (see docs/review.md).
STATUSES: Final = ("unverified", "confirmed", "disputed")
# How a speaker stands towards the proposition.
STANCES: Final = ("asserts", "denies", "questions")
# What an evidence link does to the statement.
RELATIONS: Final = ("supports", "refutes", "context")
# Who an actor is; "outlet" is the publication itself, speaking unattributed.
ACTOR_KINDS: Final = ("person", "country", "organisation", "group", "unnamed", "outlet")

# One mark per status, for the CLI's tables and the TUI's rows and counts.
STATUS_MARKS: Final = {"confirmed": "✓", "disputed": "✗", "unverified": "○"}
