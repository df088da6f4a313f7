"""Rule definite-antecedent: a bare "the charge" in a proposition is written as the article
first wrote it, "Edinburgh's congestion charge".

Why: a proposition must be checkable on its own, and news writes a thing in full once and
then by its head noun ("the regional water commission" … "The commission said it would send
engineers to the dam"). The fuller phrase is found in the text before the content: the
latest phrase that ends in the same noun after a determiner or a possessive name, with one
or two modifier words that are names or plain nouns and adjectives.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.extract.words import lazy_compile

# "(?<!\w.)" after the first letter is the "\b" before it: a pattern that opens with a letter
# class lets re skip to each "T"/"t" instead of trying every position.
_BARE = lazy_compile(r"([Tt](?<!\w.)he) ([a-z]{4,})\b(?! of\b| in\b| at\b| on\b| for\b)")
# Words that never modify a noun here: verbs of saying, function words, prepositions, numbers
# ("the largest since measurements began" holds no name for "the measurements").
_NOT_MODIFIER_WORDS = """
said says say told tells the a an this that these those its his her their our your my and or
but nor of to in on at for by with from as is was were are be been has had have not no any some
all every each which who whom whose what when where why how it they he she we you i than then
so also only just more most other same such own new last next first since after before until
while because if about into over under between against during without within through per via
near across around though although whether yet still even ever never very much many few up
down out off one two three four five six seven eight nine ten
"""
_NOT_MODIFIERS = frozenset(_NOT_MODIFIER_WORDS.split())


# How far back a fuller phrase is looked for: the latest mentions of the noun within this many
# characters. News writes the full phrase a few paragraphs before the short one; the bound keeps
# a run-on text of repeated "the minister" linear instead of rescanning everything before it.
_REACH_CHARS = 20_000
_REACH_MENTIONS = 25


@lru_cache(maxsize=512)
def _phrase(noun: str) -> re.Pattern[str]:
    # One pattern per noun, compiled here and kept: never stored in the regex cache file.
    return re.compile(
        r"(?:\b([Tt]he|[Aa]n?)|((?<![\w’'-])[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}['’]s)) "
        r"((?:[A-Za-z][\w-]* ){1,2})" + noun + r"\b(?!['’-])"
    )


def expand(prop: str, before: str) -> str:
    """Each bare "the <noun>" of ``prop`` written as the latest fuller phrase in ``before``."""
    latest: dict[str, re.Match[str] | None] = {}  # a noun written many times is looked up once
    for bare in list(_BARE.finditer(prop))[::-1]:
        noun = bare.group(2)
        if noun not in latest:
            latest[noun] = _latest_phrase(noun, before)
        last = latest[noun]
        if last is None:
            continue
        modifiers = last.group(3)
        if last.group(2):  # "Edinburgh's congestion charge"
            full = f"{last.group(2)} {modifiers}{noun}"
        else:
            full = f"{bare.group(1)} {modifiers}{noun}"
        prop = prop[: bare.start()] + full + prop[bare.end() :]
    return prop


def _latest_phrase(noun: str, before: str) -> re.Match[str] | None:
    """The last "<determiner> <modifiers> <noun>" in ``before`` whose modifiers modify.

    Why from the end: scanning the whole text with the phrase pattern once per bare noun cost
    a third of the engine's time, since the pattern can start at any character. Finding the
    noun itself is a plain substring search; the phrase is then matched only in the few dozen
    characters before each mention, latest first.
    """
    phrase = _phrase(noun)
    floor = max(0, len(before) - _REACH_CHARS)
    end = len(before)
    for _ in range(_REACH_MENTIONS):
        at = before.rfind(noun, floor, end)
        if at < 0:
            return None
        end = at + len(noun) - 1  # the next mention looked for ends before this one
        stop = at + len(noun)
        word = before[before.rfind(" ", 0, at - 1) + 1 : at - 1]  # the word before the noun
        if before[at - 1 : at] != " " or word.lower() in _NOT_MODIFIERS or word.isdigit():
            continue  # "the charge": no phrase can end here; skip the regex over the window
        after = before[stop : stop + 1]
        if after and (after.isalnum() or after in "_'’-"):
            continue  # "charges", "charge's": the pattern's "\b(?!['’-])" fails here too
        for match in phrase.finditer(before, max(0, at - _WINDOW), min(len(before), stop + 1)):
            if match.end() == stop and _modifies(match.group(3)):
                return match
    return None


# The longest phrase the pattern takes before its noun: a three-word possessive name and two
# modifier words, generously sized.
_WINDOW = 160


def _modifies(words: str) -> bool:
    return all(w.lower() not in _NOT_MODIFIERS and not w.isdigit() for w in words.split())
