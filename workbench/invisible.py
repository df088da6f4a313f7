"""Characters that change how text looks without being visible, in one list for every place
that shows stored text: the TUI, the command line and every export.

Control characters (C0 but tab and newline, DEL, C1) can steer a terminal: an ESC sequence
recolours or clears it, a tab or next-line breaks a table's columns. Reordering characters
(bidirectional overrides, isolates and marks, and the Unicode line and paragraph separators
some viewers treat as line ends) make text read differently from what it holds: the "Trojan
Source" trick. Pure Python, no imports: the TUI and the exports both use it.
"""

from __future__ import annotations

import re

CONTROL = frozenset([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
REORDERING = frozenset(
    [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
INVISIBLE = CONTROL | REORDERING
# Form feed and carriage return lay out article text (and are normalised on ingest); every
# other control character is refused in any stored text: an article, a note, a title, an import.
TEXT_LAYOUT = frozenset([0x0C, 0x0D])
REFUSED_IN_TEXT = CONTROL - TEXT_LAYOUT
# A name (the analyst's) is one line and is shown on the whole team's terminals: no control,
# tab, newline or reordering character at all.
REFUSED_IN_NAMES = CONTROL | REORDERING | frozenset([0x09, 0x0A])


def character_class(code_points: frozenset[int]) -> re.Pattern[str]:
    """A regex matching any one of `code_points`."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(code_points)) + "]")


_INVISIBLE = character_class(INVISIBLE)


def show_invisible(text: str) -> str:
    """Make control and reordering characters visible as [U+XXXX] markers."""
    if text.isascii() and text.isprintable():
        return text  # the common case, decided in C without scanning for a pattern
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
