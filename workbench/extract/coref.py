"""Coreference: pronouns, role nouns and group references resolved to actors named earlier.

An article names its actors once in full and then says "he", "the minister", "Moscow" or "both
countries". We keep a running memory of mentions (people from capitalised names with titles,
countries and organisations from the lexicon) in text order and resolve against it with
recency and sentence-subject preferences, which is enough for news prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.extract.actors import Actor, link_person, normalise
from workbench.extract.lexicon import Lexicon

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we"})
PLURAL_PRONOUNS = frozenset({"they", "them", "it"})
_NAME = re.compile(
    r"(?:(?:[A-Z][\w’'-]*\.?|of)\s+){0,6}[A-Z][a-z][\w’'-]*(?:\s+(?:Jr\.|Sr\.|[A-Z][\w’'-]+))*"
)
_ROLE_NOUN = re.compile(r"^(?:the|The)\s+(?:[a-z]+\s+)?([a-z]+)$")


@dataclass(slots=True)
class Mention:
    """An actor mentioned at a position in the text."""

    pos: int
    actor: Actor
    subject: bool = False  # first mention of its sentence


@dataclass(slots=True)
class Memory:
    """Mentions so far, in text order; persons indexed for linking short names."""

    mentions: list[Mention] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)

    def add(self, pos: int, actor: Actor, subject: bool = False) -> Actor:
        """Record a mention, linking a short person name to the earlier full one."""
        if actor.kind == "person":
            full = link_person(actor.name, self.persons)
            if full and full != actor.name:
                earlier = next(m.actor for m in reversed(self.mentions) if m.actor.name == full)
                actor = earlier
            elif actor.name not in self.persons:
                self.persons.append(actor.name)
        self.mentions.append(Mention(pos, actor, subject))
        return actor

    def before(self, pos: int) -> list[Mention]:
        return [m for m in self.mentions if m.pos < pos]


def scan_mentions(text: str, start: int, end: int, lexicon: Lexicon, memory: Memory) -> None:
    """Add the sentence's named actors (people, countries, organisations) to the memory."""
    found: list[tuple[int, Actor]] = []
    taken: list[tuple[int, int]] = []
    for match in lexicon.names_re.finditer(text, start, end):
        name = match.group()
        if name in lexicon.places and lexicon.places[name][1] == "demonym":
            continue  # "Russian delegation" is not a mention of Russia as a speaker
        actor = normalise(name, lexicon)
        found.append((match.start(), actor))
        taken.append((match.start(), match.end()))
    headline = _is_headline(text[start:end])
    for match in _NAME.finditer(text, start, end):
        if headline or any(s <= match.start() < e for s, e in taken):
            continue
        words = match.group().split()
        if len(words) == 1 and match.group() not in _known_last_names(memory):
            continue
        actor = normalise(match.group(), lexicon)
        if actor.kind == "person" and actor.name[:1].isupper() and len(actor.name.split()) <= 4:
            found.append((match.start(), actor))
    found.sort(key=lambda item: item[0])
    for i, (pos, actor) in enumerate(found):
        memory.add(pos, actor, subject=i == 0 and pos - start < 40)


def _is_headline(sentence: str) -> bool:
    """Title-case lines without a full stop glue every word into one "name": skip them."""
    if sentence.rstrip()[-1:] in ".!?”\"":
        return False
    words = sentence.split()
    return len(words) > 3 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)


def _known_last_names(memory: Memory) -> set[str]:
    return {p.split()[-1] for p in memory.persons} | set(memory.persons)


def resolve(word: str, pos: int, memory: Memory, exclude: set[str]) -> list[Actor]:
    """Resolve a pronoun, role noun ("the minister") or group reference to actors."""
    lower = word.lower()
    earlier = memory.before(pos)
    if lower in PERSON_PRONOUNS:
        return _pick(earlier, {"person"}, exclude)
    if lower in PLURAL_PRONOUNS:
        kinds = {"country", "organisation", "group"} if lower == "it" else {
            "country", "organisation", "group", "person"}
        return _pick(earlier, kinds, exclude, prefer_subject=True)
    role = _ROLE_NOUN.match(word)
    if role:
        noun = role.group(1)
        for mention in reversed(earlier):
            actor_role = (mention.actor.role or "").lower()
            if mention.actor.kind == "person" and noun in actor_role:
                return [mention.actor]
    return []


def resolve_group(kind: str, pos: int, memory: Memory, exclude: set[str]) -> list[Actor]:
    """The two most recent distinct actors of a kind ("both countries", "the two leaders")."""
    chosen: list[Actor] = []
    for mention in reversed(memory.before(pos)):
        actor = mention.actor
        if actor.kind == kind and actor.name not in exclude and actor not in chosen:
            chosen.append(actor)
            if len(chosen) == 2:
                break
    return list(reversed(chosen)) if len(chosen) == 2 else []


def _pick(
    earlier: list[Mention], kinds: set[str], exclude: set[str], prefer_subject: bool = False
) -> list[Actor]:
    candidates = [m for m in earlier if m.actor.kind in kinds and m.actor.name not in exclude]
    if not candidates:
        return []
    if prefer_subject:
        last_sentence_subjects = [m for m in candidates[-6:] if m.subject]
        if last_sentence_subjects:
            return [last_sentence_subjects[-1].actor]
    return [candidates[-1].actor]
