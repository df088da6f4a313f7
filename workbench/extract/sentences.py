"""Sentence splitting that keeps character offsets and knows news abbreviations.

Attribution rules work sentence by sentence, and every span we return must point back into
the text as given, so the splitter never copies or normalises text: it returns offsets only.
"""

from __future__ import annotations

import re

from workbench.extract.words import lazy_compile, word_set

ABBREVIATIONS = word_set(
    "mr mrs ms dr prof sen rep gov gen lt col sgt capt adm cmdr st jr sr rev hon pres "
    "supt jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri "
    "sat sun inc co corp ltd llc bros no nos vs v etc approx dept est fig vol ft mt ave "
    "blvd u.s u.n u.k e.u d.c n.c s.c n.y l.a a.m p.m u.s.a i.e e.g ph.d"
)

# A candidate end: terminal punctuation, optional closing quotes/brackets, then white space;
# or a line break. Written to start with one character class, which lets ``re`` skip
# through the text quickly instead of trying the pattern at every position.
_END = lazy_compile(r"[\n.!?…](?:(?<=\n)|[.!?…]*[\"'”’)\]]*(?=\s))")
_WORD_BEFORE = lazy_compile(r"([\w.]+)\.*$")
_SPEAKER_AFTER_QUOTE = lazy_compile(
    r"[ \t]+(?:(?:[A-Z][\w’'.-]*|the|of|a|an)[ \t]+){1,5}?(?:said|says|asked|asks|told|wrote"
    r"|added|tweeted|recalled|continued|explained|insisted|replied|responded|declared|shouted"
    r"|wondered|warned|argued|noted)\b"
)
_DOTTED = lazy_compile(r"(?:\w\.)+\w")
_NEXT = lazy_compile(r"\s*([\"'“‘(\[]*)(\S?)")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation or an initial, not a sentence."""
    # The word is what follows the last space, when that is all word characters and dots: a
    # slice instead of a regex tried at each of the 12 positions (the regex for the rest).
    head = text[max(0, dot - 12) : dot]
    word = head[head.rfind(" ") + 1 :]
    if not word.replace(".", "").isalnum():
        match = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
        if not match:
            return False
        word = match.group(1)
    word = word.rstrip(".").lower()
    if word in ABBREVIATIONS:
        return True
    # Single-letter initials ("John F. Kennedy", "Kim J. Un") and dotted acronyms ("N.A.T.O.").
    return len(word) == 1 and word.isalpha() or ("." in word and bool(_DOTTED.fullmatch(word)))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of sentences, stripped of surrounding white space.

    Line breaks always end a sentence (headlines, paragraphs). A period ends one only when the
    next word does not start in lower case and the word before is not an abbreviation.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        mark = match.group()
        if mark != "\n":
            nxt = _NEXT.match(text, end)
            following = nxt.group(2) if nxt else ""
            if following and (following.islower() or following in ",;:"):
                continue
            if mark[-1] in "”\"'’" and mark[0] in "?!" and _SPEAKER_AFTER_QUOTE.match(text, end):
                continue  # "“Why now?” Jo Roe asked." is one sentence
            if mark[0] == "." and _is_abbreviation(text, match.start()):
                # "U.S. officials" stays together; "in the U.S. The" is rare enough to accept.
                continue
        _append(text, spans, start, end)
        start = end
    _append(text, spans, start, len(text))
    return spans


# A liveblog entry's time stamp ("10:42 The Met Office said …", "9.15am - Police …"): not part
# of the sentence, or "42 The Met Office" becomes the speaker (the colon reads as a boundary).
_TIME_STAMP = lazy_compile(
    r"\d{1,2}[:.]\d{2}(?:\s?(?:am|pm|a\.m\.|p\.m\.))?(?:\s+(?:GMT|BST|ET|EST|EDT|CET|UTC))?"
    r"\s*(?:[-–—|:]\s+)?(?=[A-Z“\"‘'])"
)


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and text[start].isdigit() and (start == 0 or text[start - 1] == "\n"):
        stamp = _TIME_STAMP.match(text, start, end)
        if stamp:
            start = stamp.end()
    if end > start:
        spans.append((start, end))


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin (after a blank line or a line break)."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
