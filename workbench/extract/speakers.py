"""Speakers to actors: pronouns, group references, coordinated names, spokespeople.

A speaker span as written ("both governments", "North Korea and Russia", "a spokesperson for
the ministry", "he") becomes one or more normalised actors, using the coreference memory.
"""

from __future__ import annotations

import re

from workbench.extract.actors import Actor, body_actor, normalise, speaks_for
from workbench.extract.attribution import Attribution
from workbench.extract.bodies import is_org
from workbench.extract.coref import (
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    Memory,
    resolve,
    resolve_group,
)
from workbench.extract.lexicon import Lexicon
from workbench.extract.sources import antecedent
from workbench.extract.words import lazy_compile

_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}


_GROUP_DETERMINER = lazy_compile(r"^(?:both|the two)\s+")


_TAKES_THE = frozenset(
    {
        *("Agency", "Authority", "Bureau", "Commission", "Committee", "Council", "Department"),
        *("Ministry", "Office", "Organization", "Organisation", "Police", "Service", "Court"),
        *("Institute", "Foundation", "Fund", "Government", "Union", "Board", "Association"),
    }
)


_RELATIVE_TAIL = lazy_compile(r",\s+(?:which|who)\s.*$", re.DOTALL)
_ROLE_NP = lazy_compile(r"^(?:the|The)\s+(?:[a-z]+\s+)?[a-z]+$")


def display_name(actor: Actor) -> str:
    """The actor's name as a sentence subject: "The Food Safety Authority", "Rosa Diaz"."""
    owner = actor.affiliation or "\0"  # "Denmark Fisheries Ministry" takes no "the"
    last = actor.name.split()[-1]
    takes_the = actor.kind == "organisation" and last.capitalize() in _TAKES_THE
    return f"The {actor.name}" if takes_the and not actor.name.startswith(owner) else actor.name


def subject_of(
    text: str, attribution: Attribution, actors: list[Actor], lexicon: Lexicon, memory: Memory
) -> tuple[str, str | None]:
    """The name (and its kind) that replaces a leading pronoun in the proposition.

    A lower-case actor reads better as the speaker wrote it ("The county water board had
    …"), and counts as a person when its head noun is a title ("the mayor"). A speaker that
    belongs to someone ("His lawyer, Ann Roe, said he …", "Her coach said she …") leaves "he"
    or "she" to the owner (rule owner-pronoun).
    """
    if len(actors) > 1:  # "Coral Air and Lagoon Airways denied colluding …"
        names = [a.name for a in actors]
        if len(names) == 2 and all(n[:1].isupper() for n in names):
            return " and ".join(names), "group"
        return "", None
    actor = actors[0]
    speaker = attribution.speaker
    if speaker and actor.kind == "person" and speaker[1] - speaker[0] > 6:
        first = text[speaker[0] : speaker[0] + 4]
        if first in ("His ", "Her ", "his ", "her "):
            pronoun = "he" if first[:3].lower() == "his" else "she"
            lead = text[attribution.content[0] : attribution.content[0] + 9].lower()
            lead = lead.removeprefix("that ").split(" ", 1)[0]
            if lead not in ("he", "she") or lead == pronoun:  # "His agent … said she": hers
                owner = resolve(pronoun, speaker[0], memory, {actor.name})
                return (owner[0].name, "person") if owner else ("", None)
    if actor.name[:1].isupper() or attribution.speaker is None:
        if not actor.name[:1].isupper():
            return "", None
        return display_name(actor), actor.kind
    written = text[attribution.speaker[0] : attribution.speaker[1]]
    for reflexive in (" itself", " themselves"):
        written = written.removesuffix(reflexive)  # "The transit authority itself warned"
    written = _RELATIVE_TAIL.sub("", written)  # "The commission, which is based in Tashkent"
    words = written.split()
    if actor.kind == "group" or words[0] not in ("the", "The") or len(words) > 5:
        return "", None
    if written.endswith(("’s", "'s")):
        return "", None
    person = words[-1] in lexicon.titles or words[-1].capitalize() in lexicon.titles
    return written, "person" if person else actor.kind


def resolve_actors(
    text: str, attribution: Attribution, memory: Memory, lexicon: Lexicon, exclude: set[str]
) -> list[Actor]:
    if attribution.speaker is None:
        return [Actor("(unnamed)", "unnamed")]
    s, e = attribution.speaker
    speaker = text[s:e]
    lower = speaker.lower()
    bare = _GROUP_DETERMINER.sub("", lower)
    if lower in ("who", "which"):
        span = antecedent(text, max(0, s - 200), s)
        if span is None:
            return [Actor(lower, "unnamed")]
        s, e = span
        speaker = text[s:e]
        lower = speaker.lower()
    lower = _POSSESSIVE_PRONOUN.get(lower, lower)  # "his claim that …" is his
    if lower.endswith(("’s", "'s")):
        speaker = speaker[:-2]
        lower = lower[:-2]
    if lower in PERSON_PRONOUNS or lower in PLURAL_PRONOUNS:
        return resolve(lower, s, memory, exclude) or [Actor(lower, "unnamed")]
    if (owned := _owned_body(speaker, s, memory, lexicon, exclude)) is not None:
        return [memory.add(s, owned, subject=True)]
    if lower in lexicon.group_countries:
        return resolve_group("country", s, memory, exclude) or [Actor(bare, "group")]
    if lower in lexicon.group_persons:
        return resolve_group("person", s, memory, exclude) or [Actor(bare, "group")]
    if _ROLE_NP.match(speaker):
        resolved = resolve(speaker, s, memory, exclude)
        if resolved:
            return _said(resolved, s, memory)
    if (kind_of := _KIND_ROLE.match(speaker)) is not None:
        # rule kind-spokesperson: "a company spokeswoman" speaks for the company named before
        body = resolve(f"the {kind_of.group(1)}", s, memory, exclude)
        if body and body[0].kind == "organisation":
            return _said(body, s, memory)
    if _BARE_SPOKES.match(speaker):
        # rule bare-spokesperson: "India denied it. A spokesman said …" speaks for India
        body = resolve("it", s, memory, exclude)
        if body and body[0].kind in ("organisation", "country"):
            return _said(body, s, memory)
    if (spoken := speaks_for(speaker)) is not None:  # "a spokesperson for the ministry"
        body, role = spoken
        known = resolve(body, s, memory, exclude) if _ROLE_NP.match(body) else []
        actor = known[0] if known else body_actor(body, role, lexicon)
        if actor is not None:
            return [memory.add(s, actor)]
    members = _coordinated_members(speaker, s, lexicon)
    if members:
        linked = [memory.add(pos, actor) for pos, actor in members]
        if len({a.name for a in linked}) < len(linked):  # "Mrs. Clinton and Bill Clinton"
            return [actor for _, actor in members]
        return linked
    if speaker.isupper() and len(speaker) > 3 and speaker.isalpha():
        titled = speaker.title()  # "LUND:" in a transcript is the Karin Lund named before
        if titled in memory.by_name or titled in memory.short_names:
            speaker = titled
    actor = normalise(speaker, lexicon)
    if (
        actor.kind == "person"
        and not actor.role
        and _PLURAL_AGENT.match(actor.name)
        and actor.name not in memory.short_names
    ):  # "Fishermen say …", "Pollsters found …": a group, not a person named so
        actor = Actor(actor.name.lower(), "group")
    return [memory.add(s, actor, subject=actor.kind == "organisation")]


_OWNED = lazy_compile(r"^(?:Its|its|Their|their)\s+((?:[a-z]+\s+)?[a-z]+)$")


def _owned_body(
    speaker: str, start: int, memory: Memory, lexicon: Lexicon, exclude: set[str]
) -> Actor | None:
    """Rule owned-body: "Its navy", "Their foreign ministry": the body of the country or
    organisation "its" points at, named as "Togo Navy" (the convention for "Ghana's foreign
    ministry")."""
    match = _OWNED.match(speaker)
    if match is None:
        return None
    noun = match.group(1)
    head = noun.split()[-1]
    if head not in lexicon.body_nouns and head.capitalize() not in lexicon.organisation_words:
        return None
    pronoun = _POSSESSIVE_PRONOUN[speaker.split()[0].lower()]
    owner = resolve(pronoun, start, memory, exclude)
    if not owner or owner[0].kind not in ("country", "organisation"):
        return None
    titled = " ".join(w.capitalize() for w in noun.split())
    return Actor(f"{owner[0].name} {titled}", "organisation", owner[0].name, head)


_KIND_ROLE = lazy_compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(company|firm|club|bank|ministry|union|agency|party|newspaper"
    r"|authority|commission|council|board|bureau|regulator)\s+"
    r"(?:spokes(?:person|man|woman)|official|representative|statement)$"
)


_BARE_SPOKES = lazy_compile(r"^(?:[Aa]n?|[Tt]he)\s+spokes(?:person|man|woman)$")


_PLURAL_AGENT = lazy_compile(r"^[A-Z][a-z]+(?:ists|ians|men|sters|eers|ants|ents)$")


def _said(actors: list[Actor], pos: int, memory: Memory) -> list[Actor]:
    """A speaker found through a pronoun or role noun is mentioned again, as its sentence's
    subject: "The ministry said … It said …" is the ministry, not a country named before."""
    for actor in actors:
        memory.add(pos, actor, subject=True)
    return actors


# Plural nouns for bodies before an appositive list of their names.
_BODIES = frozenset(
    {
        *("companies", "firms", "airlines", "banks", "lenders", "carriers", "clubs", "groups"),
        *("organisations", "organizations", "insurers", "retailers", "manufacturers", "unions"),
        *("charities", "broadcasters", "newspapers", "parties", "agencies", "operators"),
    }
)


def _member(actor: Actor, lexicon: Lexicon) -> bool:
    """A conjunct that stands alone: a known country, a body, or a person named in full or
    with a title ("Mrs. Clinton and former President Bill Clinton" are two people)."""
    if actor.kind == "organisation":  # not "The Medicines and Healthcare products Agency"
        words = actor.name.split()
        named = len(words) >= 2 and all(w[:1].isupper() or w in ("of", "for") for w in words)
        return named and (actor.name in lexicon.organisations or is_org(actor.name, lexicon))
    if actor.kind == "country":
        return True
    return actor.kind == "person" and (" " in actor.name or bool(actor.role))


_AND_SPLIT = lazy_compile(r",\s*(?:and\s+)?|\s+and\s+")


def _coordinated_members(speaker: str, start: int, lexicon: Lexicon) -> list[tuple[int, Actor]]:
    """Rule coordinated-known-actors: "North Korea and Russia denied …" is two statements.

    Applies when every conjunct of the speaker stands alone (see ``_member``: a known country,
    a named body, a person with a full name or a title); produces one actor per conjunct. A
    conjunction of bare words ("Smith and Wesson") stays one actor.
    """
    if " and " not in speaker:
        return []
    out: list[tuple[int, Actor]] = []
    pos = 0
    head, comma, named = speaker.partition(", ")
    bodies = False
    if comma and " and " in named and " and " not in head and head[:1].isupper():
        pos = len(head) + 2  # "Two regional airlines, Coral Air and Lagoon Airways"
        bodies = head.split()[-1].lower() in _BODIES
    if speaker[:5] in ("Both ", "both "):  # "Both Benin and Nigeria called for calm"
        pos = 5
    for piece in _AND_SPLIT.split(speaker[pos:]):
        offset = speaker.find(piece, pos)
        pos = offset + len(piece)
        actor = normalise(piece, lexicon) if piece.strip() else None
        if actor is not None and bodies and actor.kind in ("person", "organisation"):
            actor = Actor(actor.name, "organisation", actor.affiliation)  # airlines, not people
        elif actor is None or not _member(actor, lexicon):
            return []
        out.append((start + offset, actor))
    return out if len(out) > 1 else []


def speaks_as_group(text: str, attribution: Attribution, lex: Lexicon) -> bool:
    """Whether the speaker is a group reference ("both nations", "the two leaders")."""
    if attribution.speaker is None:
        return False
    words = text[attribution.speaker[0] : attribution.speaker[1]].lower()
    return words in lex.group_countries or words in lex.group_persons
