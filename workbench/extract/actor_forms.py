"""Round-10 speaker shapes for actor normalisation (`actors.py`): a country's government,
a named police force, "The operator, CalMac", "Bayer, which makes aspirin", "Residents who
fled to Sittwe". Each is a small test on the speaker as written that names the actor, kept
apart so `actors.py` stays the ordered list of rules that calls them.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.extract.actor_type import Actor
from workbench.extract.bodies import COMPANY_NOUNS
from workbench.extract.lexicon import Lexicon
from workbench.extract.name_words import name_shaped
from workbench.extract.words import lazy_compile

# The normaliser itself, passed in by `actors.py` (it calls these rules).
Normaliser = Callable[[str, Lexicon], Actor]
_DETERMINER = lazy_compile(r"^(?:the|a|an|The|A|An)\s+")


# "Fiji's government", "the Senegalese government", "Myanmar's military government".
_OWNED_GOVERNMENT = lazy_compile(
    r"^(?:[Tt]he\s+)?(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:[’']s)?\s+"
    r"(?:(?:military|interim|transitional|national|central|federal)\s+)?"
    r"(?:government|authorities|regime|junta)$"
)


NOT_OWNERS = frozenset({"State", "His", "Her", "Its", "Their", "Our", "My", "Your", "One"})


# Where a descriptive appositive's noun phrase ends: "a logistics company based in Essex",
# "the firm that won the contract", "the club's owner" (a possessive: the noun is the owner's).
_PHRASE_END = frozenset(
    {"that", "which", "who", "whose", "based", "run", "owned", "founded", "led", "in", "of"}
    | {"at", "for", "from", "with", "on", "by", "behind", "and", "or", "since", "until"}
)


def body_appositive(
    head: str, appositive: str, lexicon: Lexicon, normalise: Normaliser
) -> Actor | None:
    """Rule body-appositive: "Kestrel Build, the firm that won the contract", "Ofwat, the water
    regulator", "Harlow Freight, a logistics company based in Essex": a name described by a
    body noun is that body, not a person, so its "it" and a later "the firm" find it.

    A person's description ends in a role ("Jo Roe, the firm's chief executive") and one with a
    known given name ("Emma Hale, the club…") stays a person, as does a body noun that also
    describes a person ("Tim Hess, a property developer": [also_people] in bodies.toml)."""
    described = _DETERMINER.match(appositive)
    if described is None:
        return None
    words: list[str] = []
    for written in appositive[described.end() :].split():
        word = written.rstrip(",;:")
        if word in _PHRASE_END or not word.replace("-", "").isalpha():
            break
        words.append(word)  # "talk-show host": a hyphenated modifier is part of the phrase
        if word != written:
            break  # the phrase ends at its comma
    if not words or len(words) > 4 or not all(w.islower() for w in words):
        return None
    noun = words[-1]
    if noun in lexicon.also_people or not (noun in COMPANY_NOUNS or noun in lexicon.body_nouns):
        return None
    actor = normalise(head, lexicon)
    if actor.kind != "person" or actor.role or not name_shaped(actor.name.split()):
        return None
    if actor.name.split()[0] in lexicon.given_names:
        return None
    return Actor(actor.name, "organisation", actor.affiliation, noun)


def which_body(head: str, lexicon: Lexicon, normalise: Normaliser) -> Actor | None:
    """Rule which-body: "Bayer, which makes aspirin": a name that "which" follows is a body
    (a person takes "who")."""
    actor = normalise(head, lexicon)
    if actor.kind != "person" or actor.role or not name_shaped(actor.name.split()):
        return None
    return Actor(actor.name, "organisation", actor.affiliation)


# "Residents who fled to Sittwe", "civil servants who worked on the tender".
_RESTRICTED = lazy_compile(
    r"^(?P<head>[^,]+?)\s+(?P<clause>(?:who|that)\s+"
    # not the anonymity formula ("who asked not to be named", "who spoke on condition …")
    r"(?!(?:asked|spoke|declined|requested|were|was|are|is|did|do|could|would)\b)\S.*"
    # rule informed-group: "two people familiar with the talks", "sources close to the club"
    r"|(?:familiar\s+with|involved\s+in|close\s+to|briefed\s+on|with\s+knowledge\s+of"
    r"|of(?=\s+(?:the\s+)?[a-z]))\s+\S.*)$"
)


def restricted_group(head: str, lexicon: Lexicon, normalise: Normaliser) -> Actor | None:
    """Rule restricted-group: a group noun with a restrictive "who" clause keeps the clause,
    which says which group ("residents who fled to Sittwe"); the number before it goes. So
    does one with a short "of" phrase ("supporters of the freeze") or an informed one
    ("two people familiar with the talks", rule informed-group)."""
    if _CLAUSE_WORDS.isdisjoint(head.split()):
        return None  # most speakers: no clause word, no regex
    match = _RESTRICTED.match(head)
    if match is None:
        return None
    head_words = match.group("head").split()
    if match.group("clause").startswith("of ") and not (
        len(head_words) <= 2
        and head_words[-1].lower() in lexicon.groups
        and len(match.group("clause").split()) <= 6
    ):
        return None  # "supporters of the freeze", not "people posted reminders of how …"
    group = normalise(match.group("head"), lexicon)
    if group.kind != "group":
        return None
    words = group.name.split()
    if len(words) > 1 and words[0] in _NUMBER_WORDS:
        words = words[1:]  # "Two civil servants who …"
    return Actor(f"{' '.join(words)} {match.group('clause')}", "group")


# The first words of the clauses `_RESTRICTED` accepts.
_CLAUSE_WORDS = frozenset({"who", "that", "familiar", "involved", "close", "briefed", "with", "of"})

_NUMBER_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some"}
)


def appositive_body(head: str, appositive: str, lexicon: Lexicon) -> Actor | None:
    """Rule appositive-body: "The operator, CalMac", "The UN refugee agency, UNHCR": a
    one-word name after a description whose head is a body noun is that body."""
    words = _DETERMINER.sub("", head).split()
    if len(words) > 4 or " " in appositive or not words or not words[-1].islower():
        return None
    noun = words[-1]
    body = noun in COMPANY_NOUNS or noun in lexicon.body_nouns
    if not (body or noun.capitalize() in lexicon.organisation_words):
        return None
    if not appositive[:1].isupper() or not appositive.replace("-", "").isalnum():
        return None
    return Actor(appositive, "organisation", None, noun)


def named_force(tokens: list[str], lexicon: Lexicon) -> bool:
    """Rule named-force: "Greater Manchester Police", "North Yorkshire Police": a capitalised
    name that ends in an organisation word which is also a group word ("police") is the
    body, not the group "police"."""
    last = tokens[-1]
    return (
        2 <= len(tokens) <= 4
        and last.lower() in lexicon.groups
        and last in lexicon.organisation_words
        and all(t[:1].isupper() and t.isalpha() for t in tokens)
        and tokens[0] not in lexicon.places  # "Kenyan Police" stays the country's police
    )


def country_government(bare: str, lexicon: Lexicon) -> Actor | None:
    """Rule country-government: a country's (or its demonym's) government, authorities or
    regime is the country, as "the government in Lome" is (gold convention: "a country's short
    English name for governments")."""
    match = _OWNED_GOVERNMENT.match(bare)
    if match is None or match.group("owner") not in lexicon.places:
        return None
    return Actor(lexicon.places[match.group("owner")][0], "country")
