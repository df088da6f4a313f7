"""Markdown: a report an analyst pastes into a ticket or a wiki page.

Every value from the database is escaped for Markdown (so `[x](javascript:…)`, raw HTML and table
pipes stay literal text) and put on one line; links are emitted only for http(s) URLs, with the
characters that could end a Markdown link destination percent-encoded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TextIO
from urllib.parse import quote

from sqlmodel import Session

from workbench.db.models import STATUSES
from workbench.db.views import HistoryEntry
from workbench.export.claims import ClaimSection, claim_sections
from workbench.export.common import ExportOptions, http_url, iso, one_line, when
from workbench.services.reporting import (
    ExportedStatement,
    ReportSummary,
    SourceGroup,
    iter_source_groups,
    summarise,
)
from workbench.verdicts import review_qualifier, verdict_in_words

# Characters that change meaning anywhere in a line. Parentheses and "!" need no escape once
# "[" and "]" are escaped (no link or image can form), so reports stay readable as plain text.
_SPECIAL = re.compile(r"[\\`*_\[\]<>|~&$]")
# Characters that only matter at the start of a line (a value may open a quoted line).
_LEADING = re.compile(r"^(?:[#+\-=]|\d+[.)])")


def _escaped(match: re.Match[str]) -> str:
    return "\\" + match.group()


def md(text: object) -> str:
    """Literal text in Markdown (CommonMark and GitHub): one line, metacharacters escaped."""
    line = one_line(None if text is None else str(text))
    if _SPECIAL.search(line):
        line = _SPECIAL.sub(_escaped, line)
    return _LEADING.sub(_escaped_leading, line) if _LEADING.match(line) else line


def _escaped_leading(match: re.Match[str]) -> str:
    marker = match.group()
    return marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker


def md_link(url: str | None, label: str | None = None) -> str:
    """A link for http(s) URLs only; anything else is named as removed, never emitted."""
    safe = http_url(url)
    if safe is None:
        return "(link omitted: not an http(s) URL)" if url else ""
    target = quote(safe, safe=":/?#@!$&+,;=%~[]")
    return f"[{md(label or safe)}]({target})"


def decided(item: ExportedStatement) -> str:
    """Who set the current status, and when (the last status event, else the row's stamp)."""
    row = item.row
    if row.status == "unverified":
        return ""
    events = [h for h in item.history if h.field == "status" and h.new == row.status]
    analyst, at = (
        (events[-1].analyst, events[-1].at) if events else (row.updated_by, row.updated_at)
    )
    return f"{md(analyst)} on {when(at)}"


def notes(history: tuple[HistoryEntry, ...]) -> list[HistoryEntry]:
    return [h for h in history if (h.field == "note" and h.new) or (h.field == "status" and h.note)]


def _counts_table(title: str, rows: list[tuple[str, dict[str, int]]]) -> Iterator[str]:
    yield f"| {title} | " + " | ".join(STATUSES) + " | total |"
    yield "| --- |" + " ---: |" * (len(STATUSES) + 1)
    for name, counts in rows:
        cells = " | ".join(str(counts.get(s, 0)) for s in STATUSES)
        yield f"| {md(name) or '(untitled)'} | {cells} | {sum(counts.values())} |"


def _summary(summary: ReportSummary) -> Iterator[str]:
    yield "## Summary"
    yield ""
    yield "| Status | Statements |"
    yield "| --- | ---: |"
    for status in STATUSES:
        yield f"| {status} | {summary.totals.get(status, 0)} |"
    yield f"| **total** | {summary.total} |"
    yield ""
    yield "### Per source"
    yield ""
    yield from _counts_table("Source", [(f"{t} (#{i})", c) for i, t, c in summary.per_source])
    yield ""
    yield "### Per actor"
    yield ""
    yield from _counts_table("Actor", summary.per_actor)
    yield ""


def _statement(group: SourceGroup, item: ExportedStatement) -> Iterator[str]:
    row = item.row
    actor = md(row.actor) or "(unknown)"
    yield f"#### Statement {row.id}: {actor} {row.stance}: **{row.status}**"
    yield ""
    yield "> " + md(group.text[row.sentence_start : row.sentence_end])
    yield ""
    yield f"- Claim: {md(row.proposition or row.content)}"
    yield f"- Verdict: {md(verdict_in_words(row.stance, row.status, row.actor))}"
    if row.speaker or row.cue:
        yield f"- Speaker: {md(row.speaker) or '(none)'}; cue: {md(row.cue) or '(none)'}"
    if who := decided(item):
        yield f"- Decided: {row.status} by {who}"
    if qualifier := review_qualifier(item.review):
        yield f"- Second review: {qualifier} (not final)"
    if item.evidence:
        yield "- Evidence:"
        for evidence in item.evidence:
            label = evidence.title or evidence.url
            excerpt = f": {md(evidence.excerpt)}" if evidence.excerpt else ""
            yield f"  - {evidence.relation}: {md_link(evidence.url, label)}{excerpt}"
    for note in notes(item.history):
        text = note.new if note.field == "note" else note.note
        yield f"- Note ({md(note.analyst)}, {when(note.at)}): {md(text)}"
    yield f"- Key: {md(row.key)}"
    yield ""


def _source(group: SourceGroup) -> Iterator[str]:
    source = group.source
    yield f"### {md(source.title) or '(untitled)'} (source {source.id})"
    yield ""
    facts = [md(source.outlet), iso(source.published) or "", md_link(source.url)]
    if line := " · ".join(fact for fact in facts if fact):
        yield line
        yield ""
    for item in group.statements:
        yield from _statement(group, item)


def _claims(sections: list[ClaimSection]) -> Iterator[str]:
    """Claims carried by several sources: the verdict on the proposition, then each
    statement's verdict in words (a confirmed denial reads "… denial holds: the claim is false")."""
    if not sections:
        return
    yield "## Claims across sources"
    yield ""
    yield (
        "A claim's verdict is on the proposition; each statement's verdict judges what its "
        "speaker says (a confirmed denial means the claim is false)."
    )
    yield ""
    for claim in sections:
        yield f"### Claim {claim.id}: {md(claim.proposition)}"
        yield ""
        verdict = f"Verdict: **{claim.verdict}**"
        if claim.implied:
            verdict += " (implied by its statements)"
        if claim.inconsistent:
            verdict += " ⚠ inconsistent: its verdicts contradict; not published as a rating"
        yield verdict
        yield ""
        if claim.rationale:
            yield f"Rationale: {md(claim.rationale)}"
            yield ""
        yield "| Stance | Actors |"
        yield "| --- | --- |"
        for stance, names in claim.positions:
            yield f"| {stance} | {md(names)} |"
        yield ""
        carried = "; ".join(
            (md_link(href, name) if href else md(name))
            + (f" ({md(day)})" if day else "")
            + (" *first*" if first else "")
            for name, day, href, first in claim.appearances
        )
        yield f"Carried by: {carried}"
        yield ""
        for actor, stance, status, words in claim.statements:
            yield f"- {md(actor)} {stance}: {status} ({md(words)})"
        yield ""


def write_markdown(session: Session, out: TextIO, options: ExportOptions) -> None:
    out.write(f"# Fact-check report: {md(options.organisation)}\n\n")
    out.write(f"Scope: {md(options.scope.describe())}\n\n")
    out.writelines(line + "\n" for line in _summary(summarise(session, options.scope)))
    out.writelines(line + "\n" for line in _claims(claim_sections(session, options)))
    out.write("## Sources\n\n")
    for group in iter_source_groups(session, options.scope, evidence=True, history=True):
        out.write("\n".join(_source(group)) + "\n")  # one write per source
