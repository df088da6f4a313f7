"""Speakers who speak for a body: "a spokesperson for the ministry", "a Chirply
spokeswoman", "a report by the centre", "figures from the regulator", "the Treasury's own
website". `speakers.resolve_actors` gives such a statement to the body (`actors.body_actor`),
resolving a lower-case body ("the regulator") to the one named before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.extract.words import lazy_compile

# "A spokesperson for the Crown Prosecution Service", "Officials at the health ministry": the
# body they speak for is the actor, and the words before it its role.
_SPEAKS_FOR = lazy_compile(
    r"^(?:(?:an?|the|one|two|three|several|some|other|senior|top|chief|press)\s+)*"
    r"(?P<role>spokes(?:person|man|woman|people|men|women)|representatives?|officials?"
    r"|press\s+officers?|executives?|(?:analysts?|economists?|strategists?|researchers?)(?=\s+at\s))"
    r"\s+(?:for|at|of|from|with|in)\s+(?P<body>(?:the\s+)?\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


# "a Chirply spokeswoman", "a report by the Digital Rights Centre": the body is the source.
_BODY_ROLE = lazy_compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?P<body>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})\s+"
    r"(?P<role>spokes(?:person|man|woman)|representative|official|executive|statement)$"
)
_DOCUMENT_BY = lazy_compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:new\s+|recent\s+|latest\s+)?(?P<role>report|study|survey|analysis"
    r"|statement|audit|investigation|review|letter|paper)"
    r"\s+(?:(?:published|released|issued|commissioned)(?:\s+(?:on|in|last|this)\s+\w+)?\s+)?"
    r"(?:by|from|in)\s+"
    r"(?P<body>(?:the\s+)?[A-Z].*)$",
    re.DOTALL,
)


# Rule document-author: "figures from the Department for Work and Pensions", "data from the
# regulator", "the Treasury's own website", "a club statement": what a body publishes speaks
# for the body, so the actor is the body (a lower-case one resolved to the body named before).
_FIGURES_FROM = lazy_compile(
    r"^(?:(?:the|The)\s+)?(?:(?:new|latest|official|provisional|government)\s+)?"
    r"(?P<role>(?i:figures|data|statistics|numbers|estimates))\s+(?:from|by|published\s+by)\s+"
    r"(?P<body>(?:the\s+)?[A-Z].*|the\s+(?:[a-z]+\s+)?[a-z]+)$",
    re.DOTALL,
)
_OWN_DOCUMENT = lazy_compile(
    r"^(?:(?P<body>(?:the\s+|The\s+)?[A-Z][\w&.-]*(?:\s+(?:of|for|and|[A-Z][\w&.-]*)){0,5})"
    r"[’']s\s+(?:own\s+|latest\s+|annual\s+)*"
    # a body called by a noun only with "own": "the council's own accounts"
    r"|(?P<noun>(?:the|The)\s+(?:[a-z]+\s+)?[a-z]+)[’']s\s+own\s+)"
    r"(?P<role>website|accounts|figures|data|statistics|records|filings|statement|report)$"
)
_KIND_DOCUMENT = lazy_compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?P<noun>company|firm|club|ministry|council|party|government"
    r"|department|union|regulator)\s+(?P<role>statement|report|website)$"
)


@lru_cache(maxsize=4096)  # a text names its speakers again and again; a pure function
def speaks_for(speaker: str) -> tuple[str, str] | None:
    """The body and the role of "a spokesperson for the ministry" ("the ministry",
    "spokesperson"), "a Chirply spokeswoman" or "a report by the centre"; None otherwise."""
    match = (
        _SPEAKS_FOR.match(speaker)
        or _BODY_ROLE.match(speaker)
        or _DOCUMENT_BY.match(speaker)
        or _FIGURES_FROM.match(speaker)
    )
    if match is None:
        possessive = "’s" in speaker or "'s" in speaker  # both of _OWN_DOCUMENT's branches
        if possessive and (owned := _OWN_DOCUMENT.match(speaker)) is not None:
            return owned.group("body") or owned.group("noun"), owned.group("role")
        if (kind := _KIND_DOCUMENT.match(speaker)) is None:
            return None
        return f"the {kind.group('noun')}", kind.group("role")
    if "," in match.group("body"):
        return None
    return match.group("body"), match.group("role").lower()
