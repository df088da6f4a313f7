"""Which links the workbench accepts and emits: http(s) with a host, nothing else.

Escaping does not validate URLs: `javascript:` survives HTML escaping. `urlsplit` strips leading
control characters and removes tabs and newlines, so `" javascript:"` and `"java\\tscript:"` are
caught by checking the parsed scheme, never by `startswith`.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from workbench.errors import InvalidInput
from workbench.invisible import INVISIBLE, character_class

MAX_URL_LENGTH = 2048
_INVISIBLE = character_class(INVISIBLE)


def safe_http_url(url: str) -> str | None:
    """The URL re-serialised if it is a plain http(s) link to a host, else None."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL_LENGTH:
        return None
    if _INVISIBLE.search(url) or any(ord(char) < 0x21 for char in url):
        # Control characters, spaces and text-direction overrides have no place in a link we
        # emit: U+202E in an href shows "moc.live" for "evil.com".
        return None
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a port out of range or not a number
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None:
        return None  # https://trusted.org@evil.example
    del port
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, parts.query, parts.fragment))


def require_http_url(url: str, *, where: str = "url") -> str:
    """Like safe_http_url, but a bad link is a one-line error that says what is accepted."""
    checked = safe_http_url(url.strip() if isinstance(url, str) else url)
    if checked is None and isinstance(url, str) and len(url.strip()) > MAX_URL_LENGTH:
        raise InvalidInput(
            f"link is {len(url.strip())} characters long, over the {MAX_URL_LENGTH} limit",
            where=where,
            hint="give the page's canonical or shortened link",
        )
    if checked is None:
        shown = url if len(url) <= 80 else url[:77] + "..."
        raise InvalidInput(
            f"not an http(s) link: {shown!r}",
            where=where,
            hint="give a full link that starts with http:// or https://",
        )
    return checked
