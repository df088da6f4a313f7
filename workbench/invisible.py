"""Characters that change how text looks without being visible, in one list for every place
that shows stored text: the TUI, the command line and every export.

Control characters (C0 but tab and newline, DEL, C1) can steer a terminal: an ESC sequence
recolours or clears it, a tab or next-line breaks a table's columns. Reordering characters
(bidirectional overrides, isolates and marks, and the Unicode line and paragraph separators
some viewers treat as line ends) make text read differently from what it holds: the "Trojan
Source" trick. Pure Python, no third-party imports: the TUI and the exports both use it.
"""

from __future__ import annotations

import re
from functools import cache

from workbench.regex_cache import compile_cached

CONTROL = frozenset([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
REORDERING = frozenset(
    [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
# Lone surrogates: what a byte that is not UTF-8 becomes in a command-line argument
# (surrogateescape), or "\ud800" in JSON. No encoder writes them: printing one, or storing it
# in PostgreSQL or SQLite, raises.
SURROGATES = frozenset(range(0xD800, 0xE000))
INVISIBLE = CONTROL | REORDERING | SURROGATES
# Form feed and carriage return lay out article text (and are normalised on ingest); every
# other control character is refused in any stored text: an article, a note, a title, an import.
TEXT_LAYOUT = frozenset([0x0C, 0x0D])
REFUSED_IN_TEXT = (CONTROL - TEXT_LAYOUT) | SURROGATES
# A name (the analyst's) is one line and is shown on the whole team's terminals: no control,
# tab, newline or reordering character at all.
REFUSED_IN_NAMES = CONTROL | REORDERING | SURROGATES | frozenset([0x09, 0x0A])


@cache  # the same class for every module that asks (and built only when one does)
def character_class(code_points: frozenset[int]) -> re.Pattern[str]:
    """A regex matching any one of `code_points`.

    Written as ranges ("[\\x00-\\x08…]"): a class listing each of the 2,000 surrogates
    took milliseconds to compile in every process that imports this module. The ranges are
    found with set arithmetic (a run starts where its predecessor is missing), not a loop over
    the 2,000 code points, and the compiled class comes from `workbench.regex_cache`: four
    classes used to cost every `workbench extract` 6 ms.
    """
    firsts = sorted(code_points.difference(map((1).__add__, code_points)))  # no Python loop
    lasts = sorted(code_points.difference(map((-1).__add__, code_points)))
    ranges = [
        re.escape(chr(first))
        if first == last
        else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
        for first, last in zip(firsts, lasts, strict=True)
    ]
    return compile_cached("[" + "".join(ranges) + "]")


_INVISIBLE = character_class(INVISIBLE)


def show_invisible(text: str) -> str:
    """Make control and reordering characters visible as [U+XXXX] markers."""
    if text.isascii() and text.isprintable():
        return text  # the common case, decided in C without scanning for a pattern
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


# JSON escapes C0 controls itself; these it would write raw (ensure_ascii=False): DEL, C1
# controls (U+009B is a CSI on many terminals), text-direction characters and lone surrogates.
_RAW_IN_JSON = INVISIBLE - frozenset(range(0x00, 0x20))
_RAW_IN_JSON_CLASS = character_class(_RAW_IN_JSON)


def escape_json_text(encoded: str) -> str:
    """JSON text with every invisible character written as a \\u escape: a reader viewing the
    file, or `jq` on a terminal, sees \\u202e, not text that reads backwards or steers it."""
    if encoded.isascii():
        return encoded  # nearly every record: nothing to escape, decided without a search
    return _RAW_IN_JSON_CLASS.sub(_json_escape, encoded)


def _json_escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"
