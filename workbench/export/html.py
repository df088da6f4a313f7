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
from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from sqlmodel import Session

from workbench.db.models import STATUSES
from workbench.export.claims import claim_sections
from workbench.export.common import (
    ExportOptions,
    http_url,
    iso,
    one_line,
    short,
    show_invisible,
    when,
)
from workbench.services.agreement import stats as team_stats
from workbench.services.reporting import (
    ExportedStatement,
    HistoryRecord,
    Position,
    SourceGroup,
    StatementRecord,
    iter_source_groups,
    summarise,
)
from workbench.verdicts import review_qualifier

CONTEXT_CHARS = 220  # of the paragraph shown around the sentence, each side
CHART_ROWS = 15  # bars per chart; the rest are counted below it
LABEL_WIDTH = 330  # of the chart's 1000 user units, for the source or actor name


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str  # context | sentence | speaker | cue | content


@dataclass(frozen=True)
class Claim:
    proposition: str
    cards: list[Markup]  # each position's HTML, from `card`
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


def _word_start(text: str, cut: int, limit: int) -> int:
    """`cut` moved forward to the start of a word (never past `limit`), so "… sely" cannot be."""
    if cut == 0 or cut >= limit or text[cut - 1].isspace():
        return cut
    space = next((i for i in range(cut, limit) if text[i].isspace()), limit)
    return min(space + 1, limit)


def _word_end(text: str, cut: int, limit: int) -> int:
    """`cut` moved back to the end of a word (never before `limit`), so "Russi …" cannot be."""
    if cut >= len(text) or cut <= limit or text[cut].isspace():
        return cut
    space = next((i for i in range(cut - 1, limit - 1, -1) if text[i].isspace()), limit)
    return max(space, limit)


def _pieces(text: str, row: StatementRecord) -> list[tuple[str, str]]:
    """(kind, text) pieces of the sentence in some of its paragraph; see `segments`."""
    sentence_start, sentence_end = row.sentence_start, row.sentence_end
    para_start = text.rfind("\n\n", 0, sentence_start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", sentence_end)
    para_end = len(text) if para_end < 0 else para_end
    start = _word_start(text, max(para_start, sentence_start - CONTEXT_CHARS), sentence_start)
    end = _word_end(text, min(para_end, sentence_end + CONTEXT_CHARS), sentence_end)
    marked = (
        ("content", row.content_start, row.content_end),
        ("speaker", row.speaker_start, row.speaker_end),
        ("cue", row.cue_start, row.cue_end),
    )
    bounds = {start, end, max(start, sentence_start), min(end, sentence_end)}
    for _, a, b in marked:
        if a is not None and start < a < end:
            bounds.add(a)
        if b is not None and start < b < end:
            bounds.add(b)
    spans = [(kind, a, b) for kind, a, b in marked if a is not None and b is not None]
    ordered = sorted(bounds)
    found: list[list[Any]] = []  # [kind, start, end], neighbours of one kind merged
    last_kind = ""
    for a, b in zip(ordered, ordered[1:], strict=False):
        kind = "sentence" if sentence_start <= a < sentence_end else "context"
        for name, s, e in spans:  # later spans win: a cue inside the content shows as the cue
            if s <= a and b <= e:
                kind = name
        if kind == last_kind:
            found[-1][2] = b
        else:
            found.append([kind, a, b])
            last_kind = kind
    # Text is cut once per merged piece; showing invisibles is per character, so it can wait.
    pieces = [(kind, show_invisible(text[a:b])) for kind, a, b in found]
    if pieces and start > para_start:
        pieces.insert(0, ("context", "… "))
    if pieces and end < para_end:
        pieces.append(("context", " …"))
    return pieces


def segments(text: str, item: ExportedStatement) -> list[Segment]:
    """The sentence with its speaker, cue and content marked, inside some of its paragraph."""
    return [Segment(piece, kind) for kind, piece in _pieces(text, item.row)]


_OPEN = {
    "content": '<mark class="content">',
    "speaker": '<span class="speaker">',
    "cue": '<span class="cue">',
    "sentence": '<span class="sentence">',
    "context": '<span class="context">',
}


def excerpt_html(parts: list[Segment]) -> Markup:
    """The segments as HTML. Only the fixed tags above are literal; all text is escaped."""
    return _excerpt([(p.kind, p.text) for p in parts])


def escape_text(text: str) -> str:
    """`markupsafe.escape` of plain text, as a plain string (a test checks they agree).

    The same five replacements Jinja2's autoescape makes, without a Markup object per value:
    the card loop escapes some two million values per 100,000 statements.
    """
    return (
        text.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def _excerpt(pieces: list[tuple[str, str]]) -> Markup:
    return Markup(
        "".join(
            _OPEN[kind] + escape_text(piece) + ("</mark>" if kind == "content" else "</span>")
            for kind, piece in pieces
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


def _notes(history: tuple[HistoryRecord, ...]) -> list[tuple[str, str, str]]:
    found = []
    for h in history:
        text = h.new if h.field == "note" else h.note if h.field == "status" else None
        if text:
            found.append((one_line(h.analyst), when(h.at), show_invisible(text)))
    return found


def _link(href: str | None, label: str) -> str:
    """The template's `link` macro, for evidence inside a card."""
    if href:
        return f'<a href="{escape_text(href)}" rel="noopener noreferrer">{escape_text(label)}</a>'
    omitted = '<span class="omitted" title="not an http(s) link">'
    return f"{omitted}{escape_text(label)} (link omitted)</span>"


def card(text: str, item: ExportedStatement) -> Markup:
    """One statement's position on its claim, as HTML.

    This is the report's inner loop (a hundred thousand cards take seconds through the template
    engine), so the markup is written here, in the layout the template expects. The rule is
    the template's: every value goes through `escape_text` (what Jinja2's autoescape does to
    text), and only the fixed markup around the values is literal.
    """
    row = item.row
    status, stance = escape_text(row.status), escape_text(row.stance)
    actor = escape_text(one_line(row.actor) or "(unknown)")
    lines = [
        f'        <div class="position {status}" id="statement-{escape_text(one_line(row.key))}">',
        f'          <p class="who"><span class="actor">{actor}</span> '
        f'<span class="stance {stance}">{stance}</span> '
        f'<span class="status {status}">{status}</span></p>',
        f'          <blockquote class="excerpt">{_excerpt(_pieces(text, row))}</blockquote>',
    ]
    if item.evidence:
        lines.append('          <ul class="evidence">')
        for e in item.evidence:
            relation = escape_text(e.relation)
            link = _link(http_url(e.url), short(e.title, 300) or short(e.url, 120))
            quoted = f"<q>{escape_text(show_invisible(e.excerpt))}</q>" if e.excerpt else ""
            lines.append(
                f'            <li><span class="relation {relation}">{relation}</span> '
                f"{link}{quoted}</li>"
            )
        lines.append("          </ul>")
    for who, at, note in _notes(item.history):
        by = f'<span class="by">{escape_text(who)}, {escape_text(at)}:</span>'
        lines.append(f'          <p class="note">{by} {escape_text(note)}</p>')
    who, at = _decided(item)
    decided = (
        f"{escape_text(row.status.capitalize())} by {escape_text(who)}, {escape_text(at)}"
        if who
        else "Not yet decided"
    )
    if qualifier := review_qualifier(item.review):
        decided += f' <span class="review">({escape_text(qualifier)}; not final)</span>'
    lines.append(f'          <p class="decided">{decided} · statement {row.id}</p>')
    lines.append("        </div>")
    return Markup("\n".join(lines))


def _position(position: Position) -> str:
    return f"{one_line(position.actor) or '(unknown)'} {position.stance} ({position.status})"


def _others(positions: list[Position], items: list[ExportedStatement]) -> list[str]:
    """Positions on the claim that this report leaves out, in words."""
    shown = {item.row.key for item in items}
    return [_position(p) for p in positions if p.key not in shown]


def source_view(group: SourceGroup) -> SourceView:
    claims: dict[int, list[ExportedStatement]] = {}
    for item in group.statements:
        claims.setdefault(item.row.claim_group, []).append(item)
    positions = group.positions
    if positions is None:  # None: the walk was not asked, as every position is shown
        positions = {}
    source = group.source
    return SourceView(
        id=source.id,
        title=show_invisible(source.title) or "(untitled)",
        href=http_url(source.url),
        outlet=one_line(source.outlet),
        published=iso(source.published) or "",
        claims=[
            Claim(
                proposition=show_invisible(items[0].row.proposition or items[0].row.content),
                cards=[card(group.text, item) for item in items],
                others=_others(positions.get(number, []), items),
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
    # A report of whole sources shows every position on each claim: none to name as left out.
    others = not options.scope.keeps_whole_sources()
    groups = iter_source_groups(
        session, options.scope, evidence=True, history=True, positions=others
    )
    for group in groups:
        yield source_view(group)


def coefficient_text(value: float | None) -> str:
    """Kappa or alpha to three places; a dash where the coefficient is undefined."""
    return "–" if value is None else f"{value:.3f}"


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
        claims=claim_sections(session, options),
        team=team_stats(session),
        figure=coefficient_text,
        css=Markup(css),  # packaged, trusted, and pinned by its hash in the CSP
        csp=content_security_policy(style_source),
        label_x=LABEL_WIDTH,
    )
    for chunk in stream:
        out.write(chunk)
