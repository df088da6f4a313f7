"""Markdown: kept as readable text (markers removed) so the analyst reads prose, not syntax.

The stored text is what statement offsets point into, so the conversion happens before
extraction; it is deliberately small (headings, emphasis, links, images, code fences, lists).
"""

from __future__ import annotations

import re

from workbench.ingest.document import Document

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]*)`")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FRONT_MATTER_KEYS = {"title", "url", "outlet", "author", "published", "date"}


def front_matter(source: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` front matter (as static-site and notes tools write it), and the rest.

    Only flat string values are read (title, url, outlet, author, published); anything else in
    the block is ignored rather than guessed at.
    """
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    fields = {}
    for line in match.group(0).split("\n")[1:-2]:
        key, colon, value = line.partition(":")
        if colon and key.strip() in _FRONT_MATTER_KEYS:
            fields[key.strip()] = value.strip().strip("\"'")
    return fields, source[match.end() :]


def markdown_to_text(source: str) -> tuple[str, str]:
    """(plain text, title from the first heading)."""
    _, source = front_matter(source)
    lines, title, in_fence = [], "", False
    for line in source.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            lines.append(line)
            continue
        if _RULE.match(line) or _REF_DEF.match(line):
            continue
        if heading := _HEADING.match(line):
            line = heading.group(1)
            title = title or _inline(line)
        line = _QUOTE.sub("", line)
        line = _LIST.sub(r"\1", line)
        lines.append(_inline(line))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, title


def _inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    for _ in range(2):  # nested emphasis (***bold italic***)
        line = _EMPHASIS.sub(r"\2", line)
    return line


def markdown_document(source: str, *, origin: str, notice: str | None) -> Document:
    from workbench.ingest.metadata import optional_text, parse_date, parse_url
    from workbench.ingest.text import guess_title

    fields, _ = front_matter(source)
    text, title = markdown_to_text(source)
    where = f"{origin} front matter"
    return Document(
        text=text,
        title=fields.get("title") or title or guess_title(text),
        url=parse_url(fields.get("url"), where=f"{where} url"),
        outlet=optional_text(fields.get("outlet"), where=f"{where} outlet"),
        author=optional_text(fields.get("author"), where=f"{where} author"),
        published=parse_date(fields.get("published") or fields.get("date"), where=f"{where} date"),
        format="md",
        origin=origin,
        notice=notice,
    )
