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

from workbench.extract.words import lazy_compile

_BARE = lazy_compile(r"\b([Tt]he) ([a-z]{4,})\b(?! of\b| in\b| at\b| on\b| for\b)")
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


def _phrase(noun: str) -> re.Pattern[str]:
    return lazy_compile(
        r"(?:\b([Tt]he|[Aa]n?)|((?<![\w’'-])[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}['’]s)) "
        r"((?:[A-Za-z][\w-]* ){1,2})" + noun + r"\b(?!['’-])"
    )


def expand(prop: str, before: str) -> str:
    """Each bare "the <noun>" of ``prop`` written as the latest fuller phrase in ``before``."""
    for bare in list(_BARE.finditer(prop))[::-1]:
        noun = bare.group(2)
        found = [m for m in _phrase(noun).finditer(before) if _modifies(m.group(3))]
        if not found:
            continue
        last = found[-1]
        modifiers = last.group(3)
        if last.group(2):  # "Edinburgh's congestion charge"
            full = f"{last.group(2)} {modifiers}{noun}"
        else:
            full = f"{bare.group(1)} {modifiers}{noun}"
        prop = prop[: bare.start()] + full + prop[bare.end() :]
    return prop


def _modifies(words: str) -> bool:
    return all(w.lower() not in _NOT_MODIFIERS and not w.isdigit() for w in words.split())
