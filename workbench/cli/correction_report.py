"""What `workbench correct` changed, one line per field, from the history it just recorded.

Read from the history (not from the options given) so the lines say what really happened:
content text that is not in the article becomes the proposition, and the analyst must be told.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from workbench.db.views import HistoryEntry
from workbench.invisible import show_invisible


def describe_corrections(
    changed: Iterable[HistoryEntry], *, content_given: bool, proposition_given: bool = False
) -> Iterator[str]:
    """`field: old → new` for each change; says so when --content became the proposition."""
    fields = []
    for entry in changed:
        fields.append(entry.field)
        old = "–" if entry.old is None else entry.old
        new = "–" if entry.new is None else entry.new
        yield show_invisible(f"  {entry.field.replace('_', ' ')}: {old} → {new}")
    if content_given and "content" not in fields and "proposition" in fields:
        yield (
            "  the content is not text of the article: kept as the proposition; the content "
            "still quotes the article (give --content words from the article to move it)"
        )
    elif content_given and not proposition_given and {"content", "proposition"} <= set(fields):
        yield "  the proposition was rebuilt from the new content (--proposition sets it)"
    if not fields:
        yield "  nothing changed: the values given are the ones it has"
