"""What one statement's words say beyond their claim: a frame to trim from the proposition
("…, as his father had dreamed", "…, after a union said …"), and what a pronoun at its start
tells about the speaker ("Nabisco said it was …" is a body; "She said he had …" is about
someone else). Pure functions on the proposition text, used by the pipeline per statement.
"""

from __future__ import annotations

import re

from workbench.extract.actors import Actor
from workbench.extract.attribution import Attribution
from workbench.extract.coref import gender_of
from workbench.extract.lexicon import Lexicon
from workbench.extract.name_words import name_like
from workbench.extract.proposition import is_expletive
from workbench.extract.speakers import display_name
from workbench.extract.words import lazy_compile

_QUOTE_MARKS = "“”\"'"


def other_gender(said: str, actor: Actor, names: dict[str, str], written: str = "") -> bool:
    """The content opens with a pronoun of the other gender than the speaker's title, given
    name or own pronoun says ("She said he had ignored the notices": he is someone else)."""
    first = said.lstrip(' “"').split(" ", 1)[0].lower()
    wrong = {"he": "f", "she": "m", "his": "f", "her": "m"}.get(first)
    if wrong is None:
        return False
    spoken = {"he": "m", "she": "f"}.get(written.strip().lower())
    return (spoken or gender_of(actor, names)) == wrong


_IT_LEAD = lazy_compile(r"(?:that\s+)?(?=(?:it|its)\s)", re.IGNORECASE)


_AS_FRAME = lazy_compile(
    r",[”\"']*\s+(?:just\s+)?as\s+"
    r"(?:(?:he|she|they|we|I|it)|(?:(?:his|her|their|its|the|many|some|most|a)\s+)?"
    r"(?:[\w’'.-]+\s+){0,2}[\w’'.-]+)\s+(?:(?:had|has|have|once|long|always)\s+)*"
    r"([a-z]+(?:ed|t)|said|thought|foresaw|wrote|told|knew)[.!?”\"]*$"
)
_DREAM_VERBS = frozenset({"dreamed", "dreamt", "envisioned", "envisaged", "foresaw"})


def drop_as_frame(said: str, lex: Lexicon) -> str:
    """Rule as-frame: "the bridge would open, as his father had dreamed" claims that the
    bridge would open; a trailing "as X said/predicted/dreamed" frames the claim, it is not
    part of it (the content span keeps it, as annotators mark it). Only a reporting or
    attitude verb ends such a frame: "prices rose, as exports fell" keeps its cause."""
    if " as " not in said:
        return said
    match = _AS_FRAME.search(said)
    if match is None or match.start() < 12:
        return said
    verb = match.group(1)
    if verb not in _DREAM_VERBS and verb not in lex.cues:
        return said
    return said[: match.start()]


# "it would refund", "it was reviewing", "it stood by": "it" doing something, not an empty
# "it" ("it would be wrong", "it was clear"); the stricter test for multi-word names.
_IT_DOES = lazy_compile(
    r"(?:that\s+)?it\s+(?:(?:would|will|could|can|did|does|had|has|may|might|must|should)"
    r"\s+(?:not\s+|never\s+|also\s+|still\s+)?(?!be\b|been\b|have\s+been\b|not\b)[a-z]+"
    r"|(?:was|is)\s+(?:not\s+|also\s+|still\s+)?[a-z]+ing\b"
    r"|[a-z]+ed\b|(?:stood|sold|bought|held|made|took|kept|paid|sent|won|lost|found|knew)\b)",
    re.IGNORECASE,
)


# ", after a union said …", ", as the newspaper reported …": a trailing clause that reports
# someone else's claim frames the statement; it is not part of what the speaker said.
_AFTER_REPORT = lazy_compile(
    r",\s+(?:(?:a|one|two|three|four|five|\d+)\s+(?:days?|hours?|weeks?|months?)\s+)?"
    r"(?:after|when|as|following)\s+"
    r"(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w’'.-]+\s+){0,8}?"
    r"(?:said|says|reported|claimed|alleged|accused|suggested|revealed|found)\b.*$",
    re.DOTALL,
)


def drop_after_report(said: str) -> str:
    """Rule after-report: "it had cut training, after a union said …" claims only that it
    had cut training (the content span keeps the clause; the other claim is the union's)."""
    if ", " not in said or said[:1] in _QUOTE_MARKS:
        return said
    match = _AFTER_REPORT.search(said)
    return said[: match.start()] if match and match.start() >= 6 else said


def it_speaker(said: str, written: str, actors: list[Actor]) -> bool:
    """Rule it-speaker: a name the content calls "it" ("Nabisco said it was …", "Harbour
    Freight Lines denied that it had cut …") is an organisation, not a person. Only a name
    written as such and name-shaped; a name of several words only when "it" does something
    ("it would refund"), since "Jo Roe said it was clear …" is an empty "it"."""
    if len(actors) != 1 or actors[0].kind != "person" or actors[0].role:
        return False
    name = actors[0].name
    if written not in (name, f"The {name}", f"the {name}") or not name_like(name):
        return False
    if " " in name or name.endswith("s"):
        # a several-word name, or one ending in -s ("Acas", "Barclays"; "Analysts said it was
        # …" is an empty "it"): only when "it" does something
        return _IT_DOES.match(said) is not None and not is_expletive(_IT_LEAD.sub("", said, 1))
    if name.endswith(("’", "'")):
        return False
    lead = _IT_LEAD.match(said)
    return lead is not None and not is_expletive(said[lead.end() :])


# "Harbour City have denied", "Rovers are", "United deny": a verb that agrees with a plural.
# The bare forms are those of the commonest reporting verbs: a bare form after a singular
# name is otherwise no English ("Falk deny").
_NOT_BODY_NAMES = frozenset({"there", "here", "does", "do", "did", "what", "who", "they", "we"})
# plural nouns of people by what they do: "Passengers", "Residents", "Economists", "Employees"
_AGENT_PLURAL = lazy_compile(r"(?:ers|ors|ants|ents|ists|ians|ees)$")
_BASE_REPORTING = frozenset(
    {"say", "deny", "insist", "claim", "reject", "dismiss", "confirm", "admit", "warn", "accuse"}
)
_PLURAL_AGREEMENT = lazy_compile(r"\s+(?:(?:also|now|still|both)\s+)?(?:have|are|were)\b")


def plural_name(
    text: str, written: str, speaker_end: int, cue: str, actors: list[Actor]
) -> str | None:
    """Rule plural-name: a single name whose verb agrees with a plural is no person. "Harbour
    City have denied reports", "Rovers deny bid": a team, firm or party, as British English
    writes bodies ("organisation"); "Passengers say", "Mourners have": a plural noun at the
    start of a sentence ("group"). "Falk have" is not English. Only a name written as such,
    whose first word is no known given name (checked by the caller's lexicon)."""
    if len(actors) != 1 or actors[0].kind != "person" or actors[0].role:
        return None
    name = actors[0].name
    if written not in (name, f"The {name}", f"the {name}") or not name_like(name):
        return None
    if name.lower() in _NOT_BODY_NAMES:
        return None
    verb = cue.split()[0] if cue else ""
    plural = _PLURAL_AGREEMENT.match(text, speaker_end) is not None or (
        verb.isalpha() and verb.islower() and verb in _BASE_REPORTING
    )
    if not plural:
        return None
    if name.endswith("s") and " " not in name:
        # "Passengers say …": a plural noun, if it names people by what they do or the text
        # also writes it in lower case ("Companies say … other companies"); a plural name
        # ("Spurs", "Williams") is left as it was
        people = _AGENT_PLURAL.search(name) or f" {name.lower()}" in text
        return "group" if people else None
    return None if name.endswith("s") else "organisation"


_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "who", "which"})
_THE_NOUN = lazy_compile(r"the [a-z]+$")  # "The company declined to say …"


def named_non_answer(text: str, prop: str, attribution: Attribution, actors: list[Actor]) -> str:
    """ "He declined to say whether …" names him: a non-answer is kept as written, but a
    pronoun subject would leave the proposition unreadable on its own."""
    if attribution.speaker is None or len(actors) != 1 or actors[0].kind in ("unnamed", "group"):
        return prop
    s, e = attribution.speaker
    written = text[s:e].lower()
    body_noun = actors[0].kind in ("organisation", "country") and _THE_NOUN.match(written)
    if not (written in _PRONOUN_SUBJECTS or body_noun) or prop[: e - s].lower() != written:
        return prop  # "A spokesman for X declined …" stays: X did not decline
    return display_name(actors[0]) + prop[e - s :]
