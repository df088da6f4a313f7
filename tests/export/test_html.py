"""The HTML report, parsed with a real HTML parser: self-contained, escaped, script-free."""

from __future__ import annotations

import lxml.html
import pytest

from workbench.db.engine import Database
from workbench.export.html import _environment, segments, stylesheet
from workbench.services.reporting import ExportScope, iter_source_groups

from .conftest import BREAKOUT, RLO, SCRIPT, export_text, scope


def parse(text: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(text)


def test_autoescape_is_on_for_j2_templates() -> None:
    template = _environment().from_string("{{ value }}")
    assert template.render(value=SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_report_has_summary_chart_and_claims(reviewed_db: Database) -> None:
    tree = parse(export_text(reviewed_db, "html"))
    assert tree.xpath("//section[@class='summary']//svg//rect[contains(@class, 'bar')]")
    assert len(tree.xpath("//figure[@class='chart']")) == 2
    claims = tree.xpath("//section[@class='claim']")
    assert claims
    position = ".//div[contains(concat(' ', @class, ' '), ' position ')]"
    stance = ".//span[contains(concat(' ', @class, ' '), ' stance ')]"
    side_by_side = [c for c in claims if len(c.xpath(position)) > 1]
    assert any(
        {"asserts", "denies"} <= {s.text for s in claim.xpath(stance)} for claim in side_by_side
    ), "a claim asserted by one actor and denied by another shows both side by side"
    assert tree.xpath("//blockquote[@class='excerpt']/mark[@class='content']")
    assert tree.xpath("//blockquote[@class='excerpt']/span[@class='speaker']")
    assert "&lt;" not in export_text(reviewed_db, "html")  # the samples hold no markup to escape
    evidence = tree.xpath("//ul[@class='evidence']//a")
    assert evidence[0].get("href") == "https://example.org/report"
    assert "Confirmed by ana" in tree.text_content()


def test_report_is_deterministic(hostile_db: Database) -> None:
    assert export_text(hostile_db, "html") == export_text(hostile_db, "html")


def test_head_forbids_scripts_and_requests(reviewed_db: Database) -> None:
    tree = parse(export_text(reviewed_db, "html"))
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "script-src" not in csp and "img-src data:" in csp
    _, style_source = stylesheet()
    assert f"style-src {style_source}" in csp
    assert tree.xpath("//meta[@name='referrer']/@content") == ["no-referrer"]
    style = tree.xpath("//style")
    assert len(style) == 1 and style[0].text == stylesheet()[0]  # the hash matches what is sent
    assert not tree.xpath("//link | //img | //iframe | //object | //embed | //base")


def test_hostile_content_is_inert(hostile_db: Database) -> None:
    text = export_text(hostile_db, "html")
    tree = parse(text)
    assert not tree.xpath("//script")
    assert not [name for el in tree.iter() for name in el.attrib if name.lower().startswith("on")]
    for el in tree.iter():
        for name in ("href", "src", "action", "formaction", "xlink:href", "srcdoc"):
            value = el.get(name)
            if value is not None:
                assert value.startswith(("https://", "http://")), (el.tag, name, value)
    for link in tree.xpath("//a"):
        assert link.get("rel") == "noopener noreferrer"
    body = tree.text_content()
    assert SCRIPT in body and BREAKOUT in body  # shown as text
    assert RLO[0] not in text and "[U+202E]" in text
    assert "link omitted" in body


@pytest.mark.parametrize("status", ["confirmed", "disputed"])
def test_filters_apply(reviewed_db: Database, status: str) -> None:
    tree = parse(export_text(reviewed_db, "html", scope=scope(statuses=(status,))))
    shown = {s.text for s in tree.xpath("//p[@class='who']/span[contains(@class, 'status')]")}
    assert shown == {status}


def test_empty_scope_says_so(reviewed_db: Database) -> None:
    tree = parse(export_text(reviewed_db, "html", scope=scope(actors=("nobody at all",))))
    assert tree.xpath("//p[@class='empty']")


def test_segments_mark_the_spans(reviewed_db: Database) -> None:
    with reviewed_db.reader() as session:
        group = next(iter_source_groups(session, ExportScope()))
        item = next(i for i in group.statements if i.row.speaker_start is not None)
        parts = segments(group.text, item)
    row = item.row
    joined = "".join(p.text for p in parts)
    assert group.text[row.sentence_start : row.sentence_end] in joined
    kinds = {p.kind: p.text for p in parts}
    assert kinds["speaker"] == group.text[row.speaker_start : row.speaker_end]
    assert kinds["content"] in group.text[row.content_start : row.content_end]


@pytest.mark.parametrize("shift", range(0, 12))
def test_context_snippets_start_and_end_on_whole_words(shift: int) -> None:
    from types import SimpleNamespace

    from workbench.export.html import _pieces

    filler = " ".join(["Russia", "closely", "monitoring", "ammunition"] * 30)
    sentence = "The minister said the port would reopen on Monday."
    text = "x" * shift + filler + " " + sentence + " " + filler
    start = text.index(sentence)
    row = SimpleNamespace(
        sentence_start=start, sentence_end=start + len(sentence),
        speaker_start=None, speaker_end=None, cue_start=None, cue_end=None,
        content_start=None, content_end=None,
    )  # fmt: skip
    pieces = _pieces(text, row)  # type: ignore[arg-type]
    assert pieces[0] == ("context", "… ") and pieces[-1] == ("context", " …")
    shown = "".join(piece for _, piece in pieces[1:-1])
    words = set(text.split())
    assert shown.split()[0] in words and shown.split()[-1] in words
    assert sentence in shown
