"""Word-level tests on names and the words around them, for actor normalisation (`actors.py`).

"Is this token a title?", "is this run of words shaped like a person's name?", "which word
of "Health officials in Lusaka" names the group?": small string tests with no memory of the
article, kept apart so that `actors.py` holds the normalisation rules themselves.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from workbench.extract.lexicon import Lexicon, active_lexicon
from workbench.extract.words import lazy_compile, word_set

_TOKEN = lazy_compile(r"[\w’'.-]+")


def is_title(token: str, lexicon: Lexicon) -> bool:
    """ "chair" in "board chair Luis Ortega" is the title "Chair" written in lower case."""
    return token in lexicon.titles or token.capitalize() in lexicon.titles


OWNERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})


# Lower-case words inside a body's name ("Organization of American States").
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "de"})


# Lower-case particles inside a person's name ("Alberto van Klaveren", "Pieter de Groot").
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "dos", "du", "la", "le", "bin"})


QUANTIFIERS = frozenset({"some", "many", "most", "several", "few", "other", "all", "numerous"})


def names_follow(rest: list[str], lexicon: Lexicon) -> bool:
    """A title and a capitalised name follow a group word, which is then only a modifier."""
    return len(rest) >= 2 and is_title(rest[0], lexicon) and rest[-1][:1].isupper()


def name_shaped(tokens: list[str]) -> bool:
    """Capitalised words, with lower-case particles inside ("Alberto van Klaveren")."""
    if not tokens[0][:1].isupper() or not tokens[-1][:1].isupper():
        return False
    return all(t[:1].isupper() or t in PARTICLES for t in tokens)


def owner_end(words: list[str]) -> int | None:
    """Index of a capitalised possessive owner's last word ("Norland Telecom's"), or None."""
    for k, word in enumerate(words[:4]):
        if not word[:1].isupper():
            return None
        if word.endswith(("’s", "'s")):
            return k if k + 1 < len(words) else None
    return None


PARTY_MEMBERS = frozenset(
    {
        *("Republican", "Democrat", "Democratic", "Conservative", "Liberal", "Socialist"),
        *("Independent", "Tory", "Senator", "Congressman", "Congresswoman", "Governor"),
    }
)


def plural(word: str) -> bool:
    """A plural-looking noun: ends in -s but not -ss, -us or -is ("councillors", not "status")."""
    lower = word.lower()
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def capitalised_name(text: str) -> bool:
    tokens = _TOKEN.findall(text)
    return 2 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens)


# Words before a group noun that say nothing about it ("of voters", "his advisers").
NOT_MODIFIERS = (
    QUANTIFIERS
    | OWNERS
    | frozenset(
        {
            *("of", "by", "the", "and", "or"),
            *("own", "a", "an", "these", "those", "this", "that", "such", "more", "both", "few"),
            *("with", "for", "from", "to", "in", "on", "at", "as", "than", "two", "three", "top"),
            *("four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds"),
            *("thousands", "among", "unnamed", "anonymous"),
        }
    )
)


# Capitalised at the start of a sentence, still a plain modifier ("Health officials said").
GROUP_DOMAINS = frozenset(
    {
        *("health", "police", "security", "election", "government", "intelligence", "military"),
        *("defence", "defense", "education", "transport", "city", "state", "federal", "local"),
        *("senior", "party", "union", "company", "hospital", "court", "prison", "border"),
        *("customs", "tax", "finance", "trade", "energy", "water", "fire", "emergency"),
        *("school", "airport", "industry", "aid", "rescue", "medical", "legal", "campaign"),
    }
)


def group_name(tokens: list[str], lexicon: Lexicon) -> str:
    """ "Other officials in Kim's delegation" -> "officials"; "Analysts" -> "analysts";
    "Health officials in Lusaka" -> "health officials" (a plain-word modifier is kept)."""
    for i, token in enumerate(tokens):
        if token.lower() in lexicon.groups:
            before = tokens[i - 1] if i else ""
            lower = before.lower()
            plain = before.islower() or (i == 1 and lower in GROUP_DOMAINS)
            if plain and before.isalpha() and lower not in NOT_MODIFIERS | lexicon.groups:
                return f"{lower} {token.lower()}"
            if i == 1 and before.isalpha() and lower not in NOT_MODIFIERS | lexicon.groups:
                # rule group-modifier: "Privacy campaigners", "Peruvian officials": a
                # sentence-initial modifier is kept (a demonym as written, else lower case)
                place = lexicon.places.get(before)
                kept = before if place is not None and place[1] == "demonym" else lower
                if place is None or place[1] == "demonym":
                    return f"{kept} {token.lower()}"
            return token.lower()
    return " ".join(t.lower() for t in tokens)


def link_person(name: str, known: list[str]) -> str | None:
    """An earlier full name for a later short mention ("Putin" -> "Vladimir Putin")."""
    if not known or not name:
        return None
    for full in reversed(known):
        if full == name:
            return full
    last = name.split()[-1]
    for full in reversed(known):
        if full.split()[-1] == last or (len(name.split()) == 1 and name in full.split()):
            return full
    hit = process.extractOne(name, known, scorer=fuzz.token_set_ratio, score_cutoff=90)
    return hit[0] if hit and len(name) > 3 else None


# Capitalised words that open sentences or name parties, never a person's name.
NOT_NAMES = word_set(
    "For Instead One Two Three Four Five Six Seven Eight Nine Ten In On At If When But And The"
    " A An As After Before While With Without Yet So Then This That These Those Some"
    " Many Most All Both Each Every Democratic Republican Democrats Republicans Democrat GOP"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April"
    " June July August September October November December Today Yesterday Meanwhile However"
    " Although Though Because Since Until Unless Where Why How What Who Which Our Their His Her"
    " Its My Your We They He She It I You Not No Yes Former Latest New Neither Nor Either"
    " Besides Despite Beneath By Unlike Like Against Among Amid"
)


@lru_cache(maxsize=8192)
def name_like(name: str) -> bool:
    """ "Amara Odhiambo", "J. Roe": at most four name-shaped words, none a function word,
    number, weekday or party ("Instead", "Six Gannett", "Minnesota Democratic" are not people).
    """
    tokens = name.split()
    if not 1 <= len(tokens) <= 4:
        return False
    return all(name_token(t) and t not in NOT_NAMES for t in tokens)


def name_token(token: str) -> bool:
    """ "Roe", "McConnell", "O'Brien", "Tomás", "J.", "JFK": capitalised letters only."""
    if not token[:1].isupper() or not all(ch.isalpha() or ch in ".-'’" for ch in token):
        return False
    return len(token) <= 4 or any(ch.islower() for ch in token)


_CAPITALISED = lazy_compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}")


def names_any(proposition: str, actors: frozenset[str]) -> bool:
    """Whether the proposition names one of the actors, by name or by a capital or alias the
    lexicon knows ("Pyongyang provided arms …" names North Korea)."""
    if any(name in proposition for name in actors):
        return True
    places = active_lexicon().places
    return any(places.get(run, ("",))[0] in actors for run in _CAPITALISED.findall(proposition))
