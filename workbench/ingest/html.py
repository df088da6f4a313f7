"""HTML pages: the article text and metadata, with boilerplate (menus, ads, footers) removed.

trafilatura does the extraction: it is maintained, tuned on news sites, and reads title, author,
date and site name from the page's metadata. A page it finds no article in falls back to all
visible body text, so a small hand-written page still ingests.
"""

from __future__ import annotations

import re

from workbench.errors import InvalidInput
from workbench.ingest.document import Document
from workbench.ingest.metadata import parse_date


def html_document(page: str, *, origin: str, notice: str | None) -> Document:
    import trafilatura

    result = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        favor_recall=True,
        include_comments=False,
        include_tables=False,
    )
    data = result if isinstance(result, dict) else (result.as_dict() if result else {})
    text = _paragraphs(data.get("text") or "") or _visible_text(page)
    if not text:
        raise InvalidInput("found no article text in the page", where=origin)
    try:
        published = parse_date(data.get("date"), where=origin)
    except InvalidInput:
        published = None  # a page's own odd date format is not the user's mistake
    return Document(
        text=text,
        title=(data.get("title") or "").strip(),
        url=data.get("url")
        if (data.get("url") or "").startswith(("http://", "https://"))
        else None,
        outlet=(data.get("sitename") or "").strip() or None,
        author=(data.get("author") or "").strip() or None,
        published=published,
        format="html",
        origin=origin,
        notice=notice,
    )


def _paragraphs(text: str) -> str:
    """trafilatura separates paragraphs with one newline; statements want blank lines."""
    lines = [line.strip() for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)


def _visible_text(page: str) -> str:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(page)
    except (ValueError, TypeError):
        return ""
    for element in tree.xpath("//script|//style|//noscript|//nav|//footer|//header"):
        element.drop_tree()
    blocks = [
        re.sub(r"\s+", " ", b.text_content()).strip() for b in tree.xpath("//p|//h1|//h2|//h3|//li")
    ]
    return "\n\n".join(b for b in blocks if b)
