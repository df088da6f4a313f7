"""Coreference: pronouns, role nouns and group references resolved to actors named earlier.

An article names its actors once in full and then says "he", "the minister", "Moscow" or "both
countries". We keep a running memory of mentions (people from capitalised names with titles,
countries and organisations from the lexicon) in text order and resolve against it with
recency and sentence-subject preferences, which is enough for news prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.extract.actors import Actor, normalise
from workbench.extract.body_nouns import (
    LOCALITIES,
    named_after_noun,
    names_body,
    recent_body,
)
from workbench.extract.coref_clues import modifies_title, outside_quote, role_head
from workbench.extract.headlines import is_headline
from workbench.extract.lexicon import Lexicon, load_lexicon
from workbench.extract.name_words import link_person, name_like
from workbench.extract.words import lazy_compile, word_set

_RECENT = 200  # mentions kept in view for resolution: bounded so long texts stay linear
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we"})
PLURAL_PRONOUNS = frozenset({"they", "them", "it"})
# Possessive quantifiers (*+): a word never gives characters back to the white space after
# it, so backtracking could not change a match; skipping it makes this scan twice as fast.
_CAPS = lazy_compile(r"[A-Z][\w.-]*+(?:\s+(?:of\s+|the\s+)?[A-Z][\w.-]*+)*+")
_TOKEN = lazy_compile(r"[\w.-]+")
_AND_NAME = lazy_compile(r"\s+(?:and|&)\s+[A-Z]")  # "the Fiji Competition and Consumer …"
_ROLE_NOUN = lazy_compile(r"^(?:the|The)\s+(?:[a-z]+\s+)?([a-z]+)$")
# Head nouns of sources that are things, not people: "it" can point back to them ("The report
# found … It concluded …"). The head is the last word before a modifier ("report by …").
_THING_HEADS = word_set(
    "report study survey poll analysis audit review investigation inquiry assessment"
    " document letter memo statement filing lawsuit complaint ruling verdict decision"
    " data research paper article book website newspaper broadcast video footage"
    " ministry board agency department government company firm court committee council"
    " authority union campaign commission bureau office institute service network"
)
_HEAD_END = lazy_compile(
    r"[\s,](?:by|of|from|for|at|in|on|published|released|issued|who|which|that)\b"
)


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
    short_names: set[str] = field(default_factory=set)
    by_name: dict[str, Actor] = field(default_factory=dict)  # full and last names -> actor
    by_org: dict[str, Actor] = field(default_factory=dict)  # names and first words -> body
    bodies: set[str] = field(default_factory=set)  # names first read as people, found bodies
    given_names: dict[str, str] = field(default_factory=dict)  # "Faith" -> "f" (lexicon)
    body_nouns: dict[str, str] = field(default_factory=dict)  # "regulator" -> "public" (lexicon)
    lexicon: Lexicon | None = None  # the text's lexicon, kept by the first `scan_mentions`
    text: str = ""  # the text, kept by `scan_mentions` (see `_outside_quote`)

    def words(self) -> Lexicon:
        """The lexicon whose body words (bodies.toml) resolve "the company" and its kin."""
        if self.lexicon is None:
            self.lexicon = load_lexicon()
        return self.lexicon

    def retype(self, pos: int, name: str) -> Actor:
        """Rule it-speaker: a name read as a person turned out to be a body ("Wells Fargo said
        it would …"); its later mentions are the body's too."""
        self.bodies.add(name)
        for key, value in list(self.by_name.items()):
            if value.name == name:
                del self.by_name[key]
        if name in self.persons:
            self.persons.remove(name)
        return self.add(pos, Actor(name, "organisation"))

    def add(self, pos: int, actor: Actor, subject: bool = False) -> Actor:
        """Record a mention, linking a short person name to the earlier full one."""
        if actor.kind == "person" and actor.name in self.bodies:
            actor = Actor(actor.name, "organisation", actor.affiliation)
        if actor.kind == "organisation":
            self.by_org.setdefault(actor.name, actor)
            first = actor.name.split()[0]
            if first not in self.by_name:  # "Veltro" is Veltro Motors, "Trump" stays Trump
                self.by_org.setdefault(first, actor)
        elif (
            actor.kind == "person"
            and " " not in actor.name
            and actor.name in self.by_org
            and actor.name not in self.by_name
        ):
            actor = self.by_org[actor.name]  # "Quillon said" after "software maker Quillon"
        if actor.kind == "person":
            name = actor.name
            known = self.by_name.get(name) or self.by_name.get(name.split()[-1])
            if known is not None and " " in name and known.name != name:
                # "Bill Clinton" after "Hillary Clinton", "Robert Gordon" after "Gordon
                # Hanson": another person, unless first and last names agree ("Donald J.
                # Trump" and "Donald Trump").
                mine, theirs = name.split(), known.name.split()
                clean = len(mine) <= 3 and name_like(name) and name_like(known.name)
                suffix = theirs[-len(mine) :] == mine  # "Le Pen" is Marine Le Pen
                if clean and not suffix and mine[0] != theirs[0] and len(mine[0]) > 2:
                    known = None
            if known is None and " " not in name and len(name) >= 3:
                full = link_person(name, self.persons)
                known = self.by_name.get(full) if full else None
            if known is not None and actor.role and not known.role:
                # "Ivan Petrov" seen first, then "The coach, Ivan Petrov": keep the role so a
                # later "the coach" finds him (rare: only when a role is first learnt).
                richer = Actor(
                    known.name, "person", known.affiliation or actor.affiliation, actor.role
                )
                for key, value in list(self.by_name.items()):
                    if value is known:
                        self.by_name[key] = richer
                known = richer
            if known is not None:
                actor = known
            elif name_like(name):  # junk ("Neither X nor his opponents") links nobody
                self.persons.append(name)
                self.short_names.update((name, name.split()[-1]))
                self.by_name[name] = actor
                for token in name.split():  # "Kim" (family name first) and "Putin" both link
                    if token[:1].isupper() and len(token) >= 3:
                        self.by_name.setdefault(token, actor)
                        self.short_names.add(token)
                last = name.rsplit(" ", 1)[-1]
                short = self.by_name.get(last) if last != name else None
                if short is not None and short.name == last:
                    # "Trump Says …" before "Donald Trump": later "Trump" is the full name,
                    # unless a title says otherwise ("Mrs. Amadi" is not "Bello Amadi")
                    said = gender_of(short, self.given_names)
                    if said in (None, gender_of(actor, self.given_names)):
                        self.by_name[last] = actor
        self.mentions.append(Mention(pos, actor, subject))
        return actor

    def before(self, pos: int) -> list[Mention]:
        """Mentions before ``pos``; only the recent ones, since resolution prefers recency."""
        return [m for m in self.mentions[-_RECENT:] if m.pos < pos]


def scan_mentions(text: str, start: int, end: int, lexicon: Lexicon, memory: Memory) -> None:
    """Add the sentence's named actors (people, countries, organisations) to the memory.

    Capitalised runs are looked up whole (which strips titles: "Russian President Vladimir
    Putin"), then word by word against the place and organisation tables.
    """
    memory.lexicon = lexicon
    memory.text = text
    found: list[tuple[int, Actor]] = []
    headline: bool | None = None  # computed only when a person's name needs it
    organisation_words = lexicon.organisation_words
    for match in _CAPS.finditer(text, start, end):
        run, at = match.group(), match.start()
        if run in organisation_words and modifies_title(text, match, lexicon):
            continue
        actor, is_place, names = _run_reading(run, lexicon)
        if is_place:
            if actor is not None:
                found.append((at, actor))
            continue
        if (body := named_after_noun(text, match, memory.body_nouns)) is not None:
            memory.bodies.add(body.name)
            found.append((at, body))
            continue
        if actor is not None and (
            " " in actor.name or actor.name in memory.short_names or actor.role
        ):  # "Prime Minister Sheikh Hasina", "President Macron": a titled name
            if (
                not actor.role
                and " " in actor.name
                and text[at - 4 : at] in ("the ", "The ")
                and not _AND_NAME.match(text, match.end())
            ):  # rule the-name: "… in the Daily Mirror" is a body, not a person
                actor = Actor(actor.name, "organisation", actor.affiliation)
            if headline is None:
                headline = is_headline(text[start:end])
            if not headline:
                if actor.kind == "person" and not actor.role:
                    actor = _with_noun_role(text, at, actor)
                found.append((at, actor))
                continue
        if names:  # most runs name nothing: no generator to make and drain
            found.extend((at + offset, a) for offset, a in names)
    found.sort(key=lambda item: item[0])
    for i, (pos, actor) in enumerate(found):
        memory.add(pos, actor, subject=i == 0 and pos - start < 40)


# "striker Daniel Okafor", "the midfielder Joao Ferraz": an agent noun right before a name.
_AGENT_BEFORE = lazy_compile(r"(?<![\w’'-])([a-z]{3,}(?:er|or|ist|ian|ant|ent|man|woman))\s+$")
_NOT_AGENTS = word_set(
    "after later under over never ever either neither whether rather other another former"
    " further together earlier per her consider whenever however wherever remember order"
    " sister brother father mother daughter husband partner"
)


def _with_noun_role(text: str, pos: int, actor: Actor) -> Actor:
    """Rule noun-role: "striker Daniel Okafor" gives Daniel Okafor the role "striker", so a
    later "the striker" in a speaker or a proposition is him (kinship nouns excepted: "her
    sister Jo Roe" says whose sister, not what Jo Roe does)."""
    # A suffix test first (the endings of _AGENT_BEFORE): the regex is tried at every position.
    if (
        not text[max(0, pos - 24) : pos]
        .rstrip()
        .endswith(("er", "or", "ist", "ian", "ant", "ent", "man"))
    ):
        return actor
    before = _AGENT_BEFORE.search(text, max(0, pos - 24), pos)
    if before is None or before.group(1) in _NOT_AGENTS:
        return actor
    return Actor(actor.name, "person", actor.affiliation, before.group(1))


def _run_reading(run: str, lexicon: Lexicon) -> tuple[Actor | None, bool, list[tuple[int, Actor]]]:
    """What a capitalised run can mention, whatever the memory holds (memoised per run).

    ``(actor, True, [])`` for a country or organisation (``None`` for a bare demonym);
    ``(person, False, names)`` for a name of at most four words, still to be checked
    against the memory and the headline test; otherwise ``(None, False, names)`` with the
    places and organisations found inside the run.
    """
    key = "run:" + run
    cached = lexicon.cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    actor = normalise(run, lexicon) if len(run) < 80 else None
    reading: tuple[Actor | None, bool, list[tuple[int, Actor]]]
    if actor is not None and actor.kind in ("country", "organisation"):
        places = lexicon.places
        demonym = run in places and places[run][1] == "demonym"
        reading = (None if demonym else actor, True, [])
    else:
        person = actor if actor is not None and actor.kind == "person" else None
        if person is not None and not name_like(person.name):
            person = None
        reading = (person, False, _lexicon_names(run, lexicon))
    lexicon.cache[key] = reading
    return reading


def _lexicon_names(run: str, lexicon: Lexicon) -> list[tuple[int, Actor]]:
    """Places and organisations inside a capitalised run, memoised per run."""
    key = "names:" + run
    cached = lexicon.cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    places, orgs = lexicon.places, lexicon.organisations
    words = [(w.start(), w.group().rstrip(".")) for w in _TOKEN.finditer(run)]
    out: list[tuple[int, Actor]] = []
    for k, (offset, _word) in enumerate(words):
        for width in (3, 2, 1):
            piece = " ".join(w for _, w in words[k : k + width])
            hit = places.get(piece)
            if (hit and hit[1] != "demonym") or piece in orgs:
                out.append((offset, normalise(piece, lexicon)))
                break
    lexicon.cache[key] = out
    return out


def resolve(word: str, pos: int, memory: Memory, exclude: set[str]) -> list[Actor]:
    """Resolve a pronoun, role noun ("the minister") or group reference to actors."""
    lower = word.lower()
    earlier = memory.before(pos)
    if lower in PERSON_PRONOUNS:
        earlier = outside_quote(earlier, memory.text, pos)
        picked = _pick(earlier, {"person"}, exclude)
        wrong = _OTHER_GENDER.get(lower)  # "she" is never a "Mr." or a "spokesman"
        names = memory.given_names
        if picked and wrong is not None and gender_of(picked[0], names) == wrong:
            right = "m" if wrong == "f" else "f"  # only someone known to fit, else nobody
            fits = [m for m in earlier if gender_of(m.actor, names) == right]
            return _pick(fits, {"person"}, exclude)
        return picked
    if lower in PLURAL_PRONOUNS:
        kinds = {"country", "organisation", "group"}
        if lower == "it" and not exclude:
            # Also "the report", "the board": unnamed sources that are things. Not inside a
            # sentence that already has a speaker ("The firm denied that it had …"), where
            # "it" is usually that speaker, whom ``exclude`` leaves out.
            earlier = [m for m in earlier if m.actor.kind in kinds or is_thing(m.actor)]
            kinds = kinds | {"unnamed"}
        elif lower != "it":
            kinds = kinds | {"person"}
        # "South Korea's foreign ministry said … They urged …": a plural "they" is the
        # country (or group) of the sentence before, not the ministry that spoke for it.
        plural = lower != "it"
        return _pick(earlier, kinds, exclude, prefer_subject=True, bodies=not plural)
    role = _ROLE_NOUN.match(word)
    if role:
        noun = role.group(1)
        for mention in reversed(earlier):
            actor = mention.actor
            if actor.kind == "person" and role_head(noun, actor.role, memory.words()):
                return [actor]
            if actor.kind == "person" and noun.capitalize() in (actor.affiliation or "").split():
                # rule affiliation-body: "Councillor Jo Roe of Harlow Council … the council"
                return [Actor(actor.affiliation or "", "organisation")]
            if actor.kind == "organisation" and (
                names_body(actor.name, noun, actor.role, memory.words()) or _made_by(actor, noun)
            ):
                return [actor]
            if actor.kind == "unnamed" and noun == "source" == actor.role:
                return [actor]  # rule kind-source: "A Labour source said … the source said"
            if actor.kind == "unnamed" and noun in _ROLE_BODIES and actor.name.endswith(noun):
                return [actor]  # "The disaster management ministry said … The ministry said"
        kind = memory.body_nouns.get(noun)
        local = role.group(0).split()[1] in LOCALITIES  # "the city council" is no named body
        if (
            kind
            and not local
            and (body := recent_body(earlier, pos, noun, kind, memory.words())) is not None
        ):
            return [body]
        if noun in ("company", "firm"):
            # "Kestrel Microsystems said … The company said": a name typed a person for want
            # of a clue (no title, no role, no known given name, never "he" or "she") is the
            # company a later "the company" or "the firm" points at (every body noun, "the
            # regulator" too, cost gold actor 64.7 -> 63.7: dropped)
            for mention in reversed(earlier[-4:]):
                actor = mention.actor
                if (
                    actor.kind == "person"
                    and mention.subject
                    and not actor.role
                    and not actor.affiliation
                    and actor.name.split()[0] not in memory.given_names
                    and actor.name.split()[0] not in _NOT_BODY_NAMES
                ):
                    return [Actor(actor.name, "organisation")]
    return []


# First words that make a capitalised name a person's, not a body's.
_NOT_BODY_NAMES = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame"})


def _made_by(actor: Actor, noun: str) -> bool:
    """ "The report said" after "a report by the Swiss Academy": the body that wrote it."""
    return noun in _DOCUMENTS and (actor.role or "").split()[-1:] == [noun]


_DOCUMENTS = frozenset({"report", "study", "survey", "analysis", "audit", "review", "paper"})


_ROLE_BODIES = word_set(
    "company firm authority agency ministry department council committee commission board"
    " league club court union bank university hospital bureau office regulator newspaper"
    " paper academy institute lender carrier airline insurer broadcaster publisher"
)


_ROLE_REACH = 600  # characters: a role noun in a proposition points at a recent mention
_NOT_CURRENT = word_set("next new former late future previous then outgoing incoming")


def resolve_role(
    phrase: str, pos: int, memory: Memory, speaker: tuple[int, int] | None = None
) -> Actor | None:
    """Strict role resolution for a proposition's subject ("the minister", "the finance
    minister", "the firm"): a person whose role ends in the noun (and holds the modifier), or
    an organisation of that kind (see ``names_body``); never "the next president"."""
    words = phrase.lower().split()[1:]
    if not 1 <= len(words) <= 2 or words[0] in _NOT_CURRENT:
        return None
    noun = words[-1]
    mentions = [m for m in memory.before(pos) if m.pos >= pos - _ROLE_REACH]
    if speaker is not None:  # "…, a spokesman for Exxon said": the speaker's body first
        mentions += [m for m in memory.mentions[-_RECENT:] if speaker[0] <= m.pos < speaker[1]]
    for mention in reversed(mentions):
        actor = mention.actor
        role = (actor.role or "").lower().split()
        if actor.kind == "person" and role and role[-1] == noun:
            if len(words) == 1 or words[0] in role:
                return actor
        elif (
            actor.kind == "organisation"
            and len(words) == 1
            and noun in _ROLE_BODIES
            and names_body(actor.name, noun, actor.role, memory.words())
        ):
            return actor
    kind = memory.body_nouns.get(noun)
    if kind and len(words) == 1:  # rule body-noun, for a proposition's subject ("The force")
        return recent_body(mentions, pos, noun, kind, memory.words())
    return None


def is_thing(actor: Actor) -> bool:
    """An unnamed source headed by a thing noun: "the report", "a study by …", "the board"."""
    if actor.kind != "unnamed":
        return False
    cut = _HEAD_END.search(actor.name)
    words = (actor.name[: cut.start()] if cut else actor.name).split()
    return bool(words) and words[-1].lower() in _THING_HEADS


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


_OTHER_GENDER = {"he": "f", "him": "f", "she": "m", "her": "m"}
_MALE = word_set(
    "mr. mr sir lord king prince spokesman chairman congressman businessman actor father"
    " husband son brother grandfather uncle boyfriend"
)
_FEMALE = word_set(
    "mrs. mrs ms. ms miss lady dame queen princess spokeswoman chairwoman congresswoman"
    " businesswoman actress mother wife daughter sister grandmother aunt girlfriend"
)


def gender_of(actor: Actor, given_names: dict[str, str] | None = None) -> str | None:
    """ "m"/"f" when the person's title says so ("Mr.", "spokeswoman", "Her husband") or, for a
    full name, its first word is a given name the lexicon lists ("Faith Wanjiru"); else None."""
    if actor.kind != "person":
        return None
    words = (actor.role or "").lower().split()
    if any(w in _MALE for w in words):
        return "m"
    if any(w in _FEMALE for w in words):
        return "f"
    first, space, _ = actor.name.partition(" ")
    return (given_names or {}).get(first) if space else None


def _pick(
    earlier: list[Mention],
    kinds: set[str],
    exclude: set[str],
    prefer_subject: bool = False,
    bodies: bool = True,
) -> list[Actor]:
    candidates = [m for m in earlier if m.actor.kind in kinds and m.actor.name not in exclude]
    if not candidates:
        return []
    if prefer_subject:
        last_sentence_subjects = [
            m for m in candidates[-6:] if m.subject and (bodies or m.actor.kind != "organisation")
        ]
        if not bodies and last_sentence_subjects:
            # a plural "they" is a body that spoke through a plural role after the last person
            # subject, not that person: "Governor Roe said … Economists at the Royal Bank said
            # … They noted …" (the same for any plural group cost a gold statement: dropped)
            top = last_sentence_subjects[-1]
            after = candidates[len(candidates) - candidates[::-1].index(top) :]
            plural = [
                m for m in after[-4:] if m.actor.kind == "organisation" and _plural_role(m.actor)
            ]
            if top.actor.kind == "person" and plural:
                return [plural[-1].actor]
        if last_sentence_subjects:
            return [last_sentence_subjects[-1].actor]
    return [candidates[-1].actor]


def _plural_role(actor: Actor) -> bool:
    """ "Economists at the Royal Bank of Canada": the body spoke through a plural role."""
    role = (actor.role or "").split()
    return bool(role) and role[-1].endswith("s") and not role[-1].endswith("ss")
