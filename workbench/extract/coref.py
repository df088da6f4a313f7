"""Coreference: pronouns, role nouns and group references resolved to actors named earlier.

An article names its actors once in full and then says "he", "the minister", "Moscow" or "both
countries". We keep a running memory of mentions (people from capitalised names with titles,
countries and organisations from the lexicon) in text order and resolve against it with
recency and sentence-subject preferences, which is enough for news prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from workbench.extract.actors import Actor, normalise
from workbench.extract.headlines import is_headline
from workbench.extract.lexicon import Lexicon
from workbench.extract.name_words import link_person
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
    found: list[tuple[int, Actor]] = []
    headline: bool | None = None  # computed only when a person's name needs it
    for match in _CAPS.finditer(text, start, end):
        actor, is_place, names = _run_reading(match.group(), lexicon)
        if not is_place and (body := _named_after_noun(text, match, memory)) is not None:
            memory.bodies.add(body.name)
            found.append((match.start(), body))
            continue
        if is_place:
            if actor is not None:
                found.append((match.start(), actor))
            continue
        if actor is not None and (
            " " in actor.name or actor.name in memory.short_names or actor.role
        ):  # "Prime Minister Sheikh Hasina", "President Macron": a titled name
            if (
                not actor.role
                and " " in actor.name
                and text[match.start() - 4 : match.start()] in ("the ", "The ")
                and not _AND_NAME.match(text, match.end())
            ):  # rule the-name: "… in the Daily Mirror" is a body, not a person
                actor = Actor(actor.name, "organisation", actor.affiliation)
            if headline is None:
                headline = is_headline(text[start:end])
            if not headline:
                found.append((match.start(), actor))
                continue
        found.extend((match.start() + offset, a) for offset, a in names)
    found.sort(key=lambda item: item[0])
    for i, (pos, actor) in enumerate(found):
        memory.add(pos, actor, subject=i == 0 and pos - start < 40)


# "the company, Caldermoor Engineering", "the drivers' union Aslef", "its supplier Kaida":
# a body noun (see [body_nouns]) right before a capitalised name.
_NOUN_BEFORE = lazy_compile(
    r"\b(?:the|a|an|its|their|The|A|An|Its|Their)\s+(?:[\w’'-]+\s+){0,2}?([a-z]+),?\s+$"
)


def _named_after_noun(text: str, match: re.Match[str], memory: Memory) -> Actor | None:
    """Rule noun-named-body: a name written right after a body noun ("the company,
    Caldermoor Engineering", "the consumer group Which?") is a body, so a later "it", "the
    firm" or its first word alone ("Caldermoor said") points at it, never at a person."""
    before = _NOUN_BEFORE.search(text, max(0, match.start() - 48), match.start())
    if before is None or before.group(1) not in memory.body_nouns:
        return None
    words = match.group().split()
    if not 1 <= len(words) <= 4 or not all(_name_token(w) or w in ("of", "and") for w in words):
        return None
    return Actor(match.group(), "organisation", None, before.group(1))


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


# Capitalised words that open sentences or name parties, never a person's name.
_NOT_NAMES = word_set(
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
    return all(_name_token(t) and t not in _NOT_NAMES for t in tokens)


def _name_token(token: str) -> bool:
    """ "Roe", "McConnell", "O'Brien", "Tomás", "J.", "JFK": capitalised letters only."""
    if not token[:1].isupper() or not all(ch.isalpha() or ch in ".-'’" for ch in token):
        return False
    return len(token) <= 4 or any(ch.islower() for ch in token)


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
            if actor.kind == "person" and noun in (actor.role or "").lower():
                return [actor]
            if actor.kind == "organisation" and (
                _names_body(actor.name, noun, actor.role) or _made_by(actor, noun)
            ):
                return [actor]
            if actor.kind == "unnamed" and noun in _ROLE_BODIES and actor.name.endswith(noun):
                return [actor]  # "The disaster management ministry said … The ministry said"
        kind = memory.body_nouns.get(noun)
        local = role.group(0).split()[1] in _LOCALITIES  # "the city council" is no named body
        if kind and not local and (body := _recent_body(earlier, pos, noun, kind)) is not None:
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


_BODY_REACH = 600  # characters: "The regulator said" points at a body named this close before


def _recent_body(earlier: list[Mention], pos: int, noun: str, kind: str) -> Actor | None:
    """Rule body-noun: "Ofwat said … The regulator said …" is Ofwat. A body noun (see
    [body_nouns] in titles.toml) with no body of its own name before it is the last body that
    was a sentence's subject within ``_BODY_REACH`` characters; a business noun ("the shipper")
    skips bodies with a public word in their name ("Greater Manchester Police"). Failing that
    (rule body-noun-main), a business noun is the business the article named most (the first
    named on a tie) that was once a sentence's subject ("Osterlund Shipping cut its dividend
    … [600 characters on two executives] … The shipper rejected a report …")."""
    counts: dict[str, int] = {}
    subjects: dict[str, bool] = {}
    by_name: dict[str, Actor] = {}
    for mention in reversed(earlier):
        actor = mention.actor
        if actor.kind != "organisation" or not _fits(actor, noun, kind):
            continue
        if mention.subject and mention.pos >= pos - _BODY_REACH:
            return actor
        counts[actor.name] = counts.get(actor.name, 0) + 1
        subjects[actor.name] = subjects.get(actor.name, False) or mention.subject
        by_name[actor.name] = actor
    if kind != "business" or not counts:
        return None
    first = {name: i for i, name in enumerate(reversed(list(counts)))}  # earliest named first
    top = max(counts, key=lambda name: (counts[name], -first[name]))
    return by_name[top] if subjects.get(top) else None


def _fits(actor: Actor, noun: str, kind: str) -> bool:
    """Whether a body can be called by the noun (see ``_recent_body``)."""
    words = actor.name.split()
    public = any(w in _PUBLIC_WORDS for w in words)
    if (kind == "business" and public) or (kind == "public" and not public):
        return False
    if not all(w in _CONNECTOR_WORDS or w not in _NOT_NAMES for w in words):
        return False  # a headline read as a name ("Bus Fare Freeze Is Not Free")
    typed = (actor.role or "").split()[-1:]
    if typed and typed[0] in _BODY_TYPES and typed[0] != noun:
        return False  # "the transport union FNV" is no operator
    return words[-1] not in _OUTLET_ENDINGS or noun in ("newspaper", "paper")  # no club


_LOCALITIES = word_set("city town county state district borough parish local regional provincial")
_CONNECTOR_WORDS = frozenset({"of", "for", "and", "the", "on", "de"})


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
    an organisation of that kind (see ``_names_body``); never "the next president"."""
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
            and _names_body(actor.name, noun, actor.role)
        ):
            return actor
    kind = memory.body_nouns.get(noun)
    if kind and len(words) == 1:  # rule body-noun, for a proposition's subject ("The force")
        return _recent_body(mentions, pos, noun, kind)
    return None


# "the company" is the last business named, not the last ministry or court.
_BUSINESS_NOUNS = word_set(
    "company firm retailer manufacturer maker carrier airline insurer group charity campaign"
    " bank lender club newspaper paper broadcaster publisher"
)
_PUBLIC_WORDS = word_set(
    "Ministry Authority Agency Department Council Court Police Office Commission Service"
    " Committee Parliament Senate Government Army Party Union University Hospital Association"
    " Bureau Board Institute Organization Organisation Fund Nations House Centre Center Trust"
    " Foundation Society Coalition Alliance League Federation Constabulary Navy Inspectorate Panel"
)


def _names_body(name: str, noun: str, typed: str | None = None) -> bool:
    """Rule role-organisation: "the authority" is the last organisation whose name holds the
    noun ("Food Safety Authority", "UN refugee agency"); "the company" the last business (no
    public-body word), unless the text called it something else ("the transport union FNV"
    is no company)."""
    words = name.split()
    if noun.capitalize() in words or noun in words:
        return True
    kind = (typed or "").split()[-1:]
    if kind and kind[0] in _BODY_TYPES:
        return kind[0] == noun
    if words[-1] in _OUTLET_ENDINGS:  # "the Daily Mirror" is the newspaper, not the club
        return noun in ("newspaper", "paper")
    return noun in _BUSINESS_NOUNS and not any(w in _PUBLIC_WORDS for w in words)


# Last words of newspaper names.
_OUTLET_ENDINGS = word_set(
    "Times Post Journal Gazette Herald Chronicle Courier Observer Tribune Ledger News Press"
    " Mirror Telegraph Express Guardian Standard Record Star Sun Mail Examiner Inquirer"
)


# Nouns that say what kind of body a name is ("the transport union FNV", "the bank Aldor").
_BODY_TYPES = frozenset(_BUSINESS_NOUNS | {"union", "newspaper", "broadcaster", "party"})


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
