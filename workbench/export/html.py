"""HTML: one self-contained report file that reads well on screen and on paper.

Safety, in layers: Jinja2 with `autoescape=True` set explicitly (select_autoescape goes by file
extension and does not escape `.j2` names); links only for http(s) URLs re-serialised by
`safe_http_url`, always with rel="noopener noreferrer"; invisible control and direction-override
characters shown as [U+XXXX]; and a Content-Security-Policy that allows no script, no network
request and only the one inline style sheet (by hash), so even a mistake here cannot run code.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape
from sqlmodel import Session

from workbench.db.models import STATUSES
from workbench.db.views import HistoryEntry
from workbench.export.common import ExportOptions, iso, one_line, short, show_invisible, utc
from workbench.services.reporting import (
    ExportedStatement,
    Position,
    SourceGroup,
    claim_positions,
    iter_source_groups,
    summarise,
)
from workbench.urls import safe_http_url

CONTEXT_CHARS = 220  # of the paragraph shown around the sentence, each side
CHART_ROWS = 15  # bars per chart; the rest are counted below it
LABEL_WIDTH = 330  # of the chart's 1000 user units, for the source or actor name


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str  # context | sentence | speaker | cue | content


@dataclass(frozen=True)
class Link:
    relation: str
    href: str | None  # None: the stored URL is not http(s) and is not emitted
    label: str
    excerpt: str


@dataclass(frozen=True)
class Card:
    """One statement as the report shows it."""

    id: int
    key: str
    actor: str
    speaker: str
    cue: str
    stance: str
    status: str
    proposition: str
    excerpt: Markup  # the marked-up sentence in context, every piece of text escaped
    evidence: list[Link]
    decided_by: str
    decided_at: str
    notes: list[tuple[str, str, str]]  # (analyst, when, text)


@dataclass(frozen=True)
class Claim:
    proposition: str
    cards: list[Card]
    others: list[str] = field(default_factory=list)  # positions outside the filter, in words


@dataclass(frozen=True)
class SourceView:
    id: int
    title: str
    href: str | None
    outlet: str
    published: str
    claims: list[Claim]


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    parts: list[tuple[str, float, float, int]]  # (status, x, width, count)
    total: int
    total_x: float


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]
    height: int
    more: int


def when(value: object) -> str:
    """A timestamp as a reader wants it: minutes, UTC, stated."""
    stamp = utc(value) if value is not None else None  # type: ignore[arg-type]
    return stamp.strftime("%Y-%m-%d %H:%M UTC") if stamp else ""


def segments(text: str, item: ExportedStatement) -> list[Segment]:
    """The sentence with its speaker, cue and content marked, inside some of its paragraph."""
    row = item.row
    para_start = text.rfind("\n\n", 0, row.sentence_start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", row.sentence_end)
    para_end = len(text) if para_end < 0 else para_end
    start = max(para_start, row.sentence_start - CONTEXT_CHARS)
    end = min(para_end, row.sentence_end + CONTEXT_CHARS)
    spans = [
        ("content", row.content_start, row.content_end),
        ("speaker", row.speaker_start, row.speaker_end),
        ("cue", row.cue_start, row.cue_end),
    ]
    bounds = {start, end, max(start, row.sentence_start), min(end, row.sentence_end)}
    for _, a, b in spans:
        for point in (a, b):
            if point is not None and start < point < end:
                bounds.add(point)
    ordered = sorted(bounds)
    found: list[Segment] = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        kind = "sentence" if row.sentence_start <= a < row.sentence_end else "context"
        for name, s, e in spans:  # later spans win: a cue inside the content shows as the cue
            if s is not None and e is not None and s <= a and b <= e:
                kind = name
        piece = show_invisible(text[a:b])
        if found and found[-1].kind == kind:
            found[-1] = Segment(found[-1].text + piece, kind)
        else:
            found.append(Segment(piece, kind))
    if found and start > para_start:
        found.insert(0, Segment("… ", "context"))
    if found and end < para_end:
        found.append(Segment(" …", "context"))
    return found


_OPEN = {
    "content": '<mark class="content">',
    "speaker": '<span class="speaker">',
    "cue": '<span class="cue">',
    "sentence": '<span class="sentence">',
    "context": '<span class="context">',
}


def excerpt_html(parts: list[Segment]) -> Markup:
    """The segments as HTML, built here rather than in the template: it is the inner loop of a
    100,000-statement report. Only the fixed tags above are literal; all text goes through
    markupsafe.escape."""
    return Markup(
        "".join(
            _OPEN[p.kind] + str(escape(p.text)) + ("</mark>" if p.kind == "content" else "</span>")
            for p in parts
        )
    )


def _decided(item: ExportedStatement) -> tuple[str, str]:
    row = item.row
    if row.status == "unverified":
        return "", ""
    events = [h for h in item.history if h.field == "status" and h.new == row.status]
    if events:
        return one_line(events[-1].analyst), when(events[-1].at)
    return one_line(row.updated_by), when(row.updated_at)


def _notes(history: tuple[HistoryEntry, ...]) -> list[tuple[str, str, str]]:
    found = []
    for h in history:
        text = h.new if h.field == "note" else h.note if h.field == "status" else None
        if text:
            found.append((one_line(h.analyst), when(h.at), show_invisible(text)))
    return found


def card(text: str, item: ExportedStatement) -> Card:
    row = item.row
    who, at = _decided(item)
    return Card(
        id=row.id,
        key=one_line(row.key),
        actor=one_line(row.actor) or "(unknown)",
        speaker=one_line(row.speaker),
        cue=one_line(row.cue),
        stance=row.stance,
        status=row.status,
        proposition=show_invisible(row.proposition or row.content),
        excerpt=excerpt_html(segments(text, item)),
        evidence=[
            Link(
                relation=e.relation,
                href=safe_http_url(e.url),
                label=short(e.title, 300) or short(e.url, 120),
                excerpt=show_invisible(e.excerpt),
            )
            for e in item.evidence
        ],
        decided_by=who,
        decided_at=at,
        notes=_notes(item.history),
    )


def _position(position: Position) -> str:
    return f"{one_line(position.actor) or '(unknown)'} {position.stance} ({position.status})"


def source_view(session: Session, group: SourceGroup) -> SourceView:
    claims: dict[int, list[ExportedStatement]] = {}
    for item in group.statements:
        claims.setdefault(item.row.claim_group, []).append(item)
    positions = claim_positions(session, group.source.id)
    source = group.source
    return SourceView(
        id=source.id,
        title=show_invisible(source.title) or "(untitled)",
        href=safe_http_url(source.url) if source.url else None,
        outlet=one_line(source.outlet),
        published=iso(source.published) or "",
        claims=[
            Claim(
                proposition=show_invisible(items[0].row.proposition or items[0].row.content),
                cards=[card(group.text, item) for item in items],
                others=[
                    _position(p)
                    for p in positions.get(number, [])
                    if p.key not in {item.row.key for item in items}
                ],
            )
            for number, items in claims.items()
        ],
    )


def chart(title: str, rows: list[tuple[str, dict[str, int]]]) -> Chart:
    """Horizontal stacked bars, statuses in a fixed order, scaled to the largest row."""
    shown = sorted(rows, key=lambda r: -sum(r[1].values()))[:CHART_ROWS]
    widest = max((sum(c.values()) for _, c in shown), default=0) or 1
    left, width, height = LABEL_WIDTH + 6.0, 560.0, 22
    bars = []
    for index, (label, counts) in enumerate(shown):
        x, parts = left, []
        for status in ("confirmed", "disputed", "unverified"):
            number = counts.get(status, 0)
            if number:
                part = width * number / widest
                parts.append((status, round(x, 2), round(part, 2), number))
                x += part
        bars.append(
            Bar(short(label, 38), index * height, parts, sum(counts.values()), round(x + 6, 2))
        )
    return Chart(title, bars, max(len(bars), 1) * height, max(len(rows) - len(shown), 0))


@cache
def _environment() -> Environment:
    # autoescape=True explicitly: select_autoescape() decides by extension and skips ".j2".
    environment = Environment(
        loader=PackageLoader("workbench.export", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment


@cache
def stylesheet() -> tuple[str, str]:
    """The report's CSS and the CSP source that allows exactly it."""
    css = files("workbench.export").joinpath("templates/report.css").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return css, f"'sha256-{digest}'"


def content_security_policy(style_source: str) -> str:
    return (
        "default-src 'none'; "
        f"style-src {style_source}; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _sources(session: Session, options: ExportOptions) -> Iterator[SourceView]:
    for group in iter_source_groups(session, options.scope, evidence=True, history=True):
        yield source_view(session, group)


def write_html(session: Session, out: TextIO, options: ExportOptions) -> None:
    summary = summarise(session, options.scope)
    css, style_source = stylesheet()
    template = _environment().get_template("report.html.j2")
    # Each source is one macro call, so the stream yields a chunk per source, not per value.
    stream = template.generate(
        organisation=one_line(options.organisation),
        scope=options.scope.describe(),
        statuses=STATUSES,
        summary=summary,
        charts=[
            chart("Statuses per source", [(t, c) for _, t, c in summary.per_source]),
            chart("Statuses per actor", summary.per_actor),
        ],
        sources=_sources(session, options),
        css=Markup(css),  # packaged, trusted, and pinned by its hash in the CSP
        csp=content_security_policy(style_source),
        label_x=LABEL_WIDTH,
    )
    for chunk in stream:
        out.write(chunk)
