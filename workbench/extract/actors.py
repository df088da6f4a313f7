"""Actor normalisation: from a speaker as written to a canonical actor.

Reviewers compare positions across articles, so "Russian President Vladimir Putin", "Putin"
and "Moscow" must land on stable names: titles are stripped (kept as the role), demonyms and
possessive countries become the affiliation, capitals and aliases map through the lexicon,
and rapidfuzz catches near-miss spellings only when exact lookup fails.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from workbench.extract.actor_forms import (
    NOT_OWNERS,
    appositive_body,
    body_appositive,
    country_government,
    named_force,
    restricted_group,
    which_body,
)
from workbench.extract.actor_type import Actor as Actor
from workbench.extract.attributed_bodies import speaks_for as speaks_for
from workbench.extract.bodies import (
    BUSINESS_OPENERS,
    BUSINESS_PREFIX,
    COMPANY_NOUNS,
    business_noun,
    is_org,
    named_business,
)
from workbench.extract.lexicon import Lexicon
from workbench.extract.name_words import (
    CONNECTORS,
    OWNERS,
    PARTY_MEMBERS,
    QUANTIFIERS,
    capitalised_name,
    group_name,
    is_title,
    name_shaped,
    names_follow,
    owner_end,
    plural,
)
from workbench.extract.words import lazy_compile

_DET = lazy_compile(r"^(?:the|a|an|The|A|An)\s+")
_POSSESSIVE = lazy_compile(r"^(.+?)[’']s\s+(.+)$")
_TOKEN = lazy_compile(r"[\w’'.-]+")
_PAREN = lazy_compile(r"\s*\([^)]*\)")
_INITIAL_END = lazy_compile(r"\b[A-Z]\.$")


def lookup_name(name: str, lexicon: Lexicon) -> Actor | None:
    """Countries, capitals, aliases and organisations by exact name, then fuzzy alias match."""
    if name in lexicon.places:
        country, _ = lexicon.places[name]
        return Actor(country, "country")
    if name in lexicon.organisations:
        org, country = lexicon.organisations[name]
        return Actor(org, "organisation", country)
    if len(name) >= 6 and name[:1].isupper():
        hit = process.extractOne(
            name, list(lexicon.organisations), scorer=fuzz.ratio, score_cutoff=92
        )
        if hit:
            org, country = lexicon.organisations[hit[0]]
            return Actor(org, "organisation", country)
    return None


def _strip_titles(tokens: list[str], lexicon: Lexicon) -> tuple[list[str], str | None, str | None]:
    """Split leading demonym/country/title tokens from the name proper."""
    affiliation: str | None = None
    role: list[str] = []
    i = 0
    while i < len(tokens):
        matched = False
        for width in (3, 2, 1):
            piece = " ".join(tokens[i : i + width])
            if len(tokens[i : i + width]) < width:
                continue
            if (
                piece in lexicon.titles
                or piece.capitalize() in lexicon.titles
                or (i == 0 and piece.lower() in lexicon.titles)  # "Goalkeeper Pavel Rusu"
            ):
                role.append(piece)
            elif piece in lexicon.places and affiliation is None:
                affiliation = lexicon.places[piece][0]
            elif piece in lexicon.organisations and i + width < len(tokens):
                affiliation = lexicon.organisations[piece][0]
            else:
                continue
            i += width
            matched = True
            break
        if (
            matched
            and role
            and role[-1] == piece in lexicon.honorifics
            and i < len(tokens)
            and " ".join(tokens[i:]) not in lexicon.addresses
        ):
            break  # rule honorific-name: "Mr King" is a Mr called King, not a king
        if not matched:
            if (
                i + 1 < len(tokens)
                and any(is_title(t, lexicon) for t in tokens[i + 1 :])
                # "Larry King", "Erik Prince": a given name and a surname that is a title
                and not (len(tokens) == i + 2 and tokens[i] in lexicon.given_names)
            ):
                role.append(tokens[i])  # "campaign spokesman Jane Roe": qualifier of the title
                i += 1
                continue
            break
    return tokens[i:], affiliation, " ".join(role) or None


def normalise(speaker: str, lexicon: Lexicon) -> Actor:
    """Normalise a speaker string that is not a pronoun or a group reference (memoised)."""
    key = "actor:" + speaker
    if key not in lexicon.cache:
        lexicon.cache[key] = _normalise(speaker, lexicon)
    actor: Actor = lexicon.cache[key]
    return actor


_OPENING_CONJUNCTION = lazy_compile(r"^(?:But|And|Yet|So|Or|Then|Now|Still|Meanwhile)\s+(?=[A-Z])")
# A tabloid's shouted lead word: four capitals or more, two of them vowels (no acronym).
_SHOUTED = lazy_compile(r"^((?=[A-Z]*[AEIOU][A-Z]*[AEIOU])[A-Z]{4,})\s+[A-Z][a-z]+\s+[A-Z]")
_KIN_NAME = lazy_compile(r"^(?:[A-Z][\w-]*\s+)+?([A-Z][\w-]*)[’']s\s+([a-z]+)$")
_OFFICE_OF = lazy_compile(r"^(?:[Tt]he\s+)?([A-Z][^,]*?)[’']s\s+(?:private\s+|press\s+)?office$")


def body_actor(body: str, role: str, lexicon: Lexicon) -> Actor | None:
    """Rule speaks-for: the named body, or a lower-case one whose head is an organisation word
    ("the health ministry" -> organisation "Health Ministry"); None when it names neither."""
    actor = normalise(body, lexicon)
    named = actor.name[:1].isupper() or actor.name.startswith("office of ")
    if actor.kind in ("organisation", "country", "person") and named:
        kind = "organisation" if actor.kind == "person" and is_org(actor.name, lexicon) else None
        if actor.kind == "person" and role.startswith(
            ("analyst", "economist", "strateg", "research")
        ):
            kind = "organisation"  # "Analysts at Morgan Stanley": a firm, not a person
        return Actor(actor.name, kind or actor.kind, actor.affiliation, role)
    words = _DET.sub("", body).split()
    titled = " ".join(w[:1].upper() + w[1:] for w in words)
    if 1 <= len(words) <= 4 and all(w.isalpha() for w in words) and is_org(titled, lexicon):
        return Actor(titled, "organisation", None, role)
    return None


def _normalise(speaker: str, lexicon: Lexicon) -> Actor:
    text = _PAREN.sub("", speaker).strip(' ,;:“”"')
    if not _INITIAL_END.search(text):
        text = text.rstrip(".")
    text = _REFLEXIVE.sub("", text)  # "The transit authority itself"
    text = _OCCASION_END.sub("", text).lstrip("-–— ")  # "Jo Roe in a statement", "-Nate Cohn"
    text = _OPENING_CONJUNCTION.sub("", text)  # rule opening-conjunction: "But Okafor"
    shout = _SHOUTED.match(text)
    if shout and shout.group(1) not in lexicon.organisations:
        text = text[shout.end(1) :].lstrip()  # rule shouted-lead: "FURIOUS Danny Okafor"
    head, _, appositive = text.partition(",")
    head = head.strip()
    appositive = appositive.strip(" ,")
    kin = _KIN_NAME.match(head) if appositive.isalpha() and appositive.istitle() else None
    if kin and kin.group(2) in lexicon.kin_nouns:
        # rule kin-name: "Edna Firth's son, Graham" is Graham Firth, the son
        return Actor(f"{appositive} {kin.group(1)}", "person", None, kin.group(2))
    if appositive and (named_body := appositive_body(head, appositive, lexicon)):
        return named_body
    if appositive and (described := body_appositive(head, appositive, lexicon, _normalise)):
        return described
    if appositive.startswith("which ") and (which := which_body(head, lexicon, _normalise)):
        return which
    if not appositive and (restricted := restricted_group(head, lexicon, _normalise)) is not None:
        return restricted
    office = _OFFICE_OF.match(head)
    if office and (holder := _normalise(office.group(1), lexicon)).kind == "person":
        # rule office-of: "Finance Minister Aisha Qureshi's office" speaks for her
        return Actor(f"office of {holder.name}", "organisation", holder.affiliation)
    if appositive and (capitalised_name(appositive) or _titled_name(appositive, lexicon)):
        words = _TOKEN.findall(_DET.sub("", head))
        owner: str | None = None
        if len(words) > 1 and (words[0].lower() in OWNERS or words[0].endswith(("’s", "'s"))):
            words = words[1:]  # "Her husband, Karl Moss": the owner is someone else
        elif (k := owner_end(words)) is not None:
            # "Norland Telecom's chief executive, Henrik Aas": Henrik Aas, of Norland Telecom
            owner = " ".join([*words[:k], words[k][:-2]])
            words = words[k + 1 :]
        left, left_affiliation, left_role = _strip_titles(words, lexicon)
        left_affiliation = left_affiliation or owner
        if left_role and len(left) > 1 and left[0] in ("of", "at", "for", "in"):
            left, left_affiliation = [], left_affiliation or " ".join(left[1:])
        if not left:  # "The Kenyan Trade Minister, Peter Kamau"
            actor = _normalise(appositive, lexicon)
            if actor.kind == "person":
                return Actor(actor.name, "person", actor.affiliation or left_affiliation, left_role)
        elif all(t.islower() for t in left) and left[-1] in COMPANY_NOUNS:
            # "The operator, Allard Terminals": the name, not the common noun, is the actor.
            actor = _normalise(appositive, lexicon)
            kind = "organisation" if actor.kind == "person" else actor.kind
            return Actor(actor.name, kind, actor.affiliation)
        elif (cut := _role_of(left)) is not None:
            # "The coach of Harrow Rovers, Emma Hale": the name, the role and its body
            actor = _normalise(appositive, lexicon)
            if actor.kind == "person":
                body = " ".join(left[cut + 1 :])
                return Actor(actor.name, "person", actor.affiliation or body, " ".join(left[:cut]))
        elif (
            len(left) <= 3
            and all(t.islower() for t in left)
            or (len(left) <= 4 and left[-1].isalpha() and left[-1].islower())
        ):
            # "The coach, Ivan Petrov": the name is the actor and the noun its role, so a later
            # "the coach" resolves to him; so is "The Conservative finance critic, Mark Pellerin"
            # (capitalised modifiers before a lower-case head noun).
            actor = _normalise(appositive, lexicon)
            if actor.kind == "person":
                role = " ".join(t for t in left if not t.endswith(("’s", "'s")))
                return Actor(actor.name, "person", actor.affiliation, role or None)
    bare = _DET.sub("", head)
    if found := lookup_name(bare, lexicon) or lookup_name(head, lexicon):
        return found
    located = _LOCATED.match(bare)
    if located and (group := _normalise(located.group(1), lexicon)).kind == "group":
        return group  # "Tourism operators in Port Vila"
    government = _GOVERNMENT_OF.match(bare)
    if government and (place := _DET.sub("", government.group(1))) in lexicon.places:
        return Actor(lexicon.places[place][0], "country")
    if (government_of := country_government(bare, lexicon)) is not None:
        return government_of
    if bare != head and (body := _the_name(bare, lexicon)) is not None:
        return body
    possessive = _POSSESSIVE.match(bare)
    if possessive and possessive.group(1) in lexicon.places:
        owner = lexicon.places[possessive.group(1)][0]
        rest = possessive.group(2)
        if is_org(rest, lexicon) or is_org(rest.title(), lexicon):
            # "South Korea's foreign ministry" and "South Korea's Foreign Ministry" alike
            name = " ".join(w[0].upper() + w[1:] if w.islower() else w for w in rest.split())
            return Actor(f"{owner} {name}", "organisation", owner)
        return Actor(rest, "person", owner)
    if possessive and capitalised_name(possessive.group(2)) and possessive.group(1)[:1].isupper():
        # "Breitbart's Joel Pollak", "the Post's Ishaan Tharoor": the person, of the outlet
        return Actor(possessive.group(2), "person", possessive.group(1))
    tokens = _TOKEN.findall(bare)
    if not tokens:
        return Actor(speaker, "unnamed")
    if 2 <= len(tokens) <= 3 and tokens[-1] == "source" and tokens[0] not in NOT_OWNERS:
        # rule kind-source: "a police source", "A Labour source": one unnamed source of
        # that kind, not the police (a group) nor a person called "Labour source"
        return Actor(" ".join(tokens), "unnamed", None, "source")
    if named_force(tokens, lexicon):
        return Actor(" ".join(tokens), "organisation")
    head = next(
        (
            t.lower()
            for i, t in enumerate(tokens[:4])
            if t.lower() in lexicon.groups
            and not names_follow(tokens[i + 1 :], lexicon)  # "Police Commissioner Jo Ross"
            and not (  # rule group-in-name
                t[:1].isupper()
                and _NAME_LINK.intersection(tokens[1:i])
                and is_org(" ".join(tokens[:i]), lexicon)
            )
        ),
        None,
    )
    if head or (
        tokens[-1].endswith("s")
        and tokens[-1].islower()
        and tokens[0].islower()
        and len(tokens) <= 4
    ):  # "local residents", but not "spokeswoman Alina Vos"
        return Actor(group_name(tokens, lexicon), "group")
    if len(tokens) > 1 and tokens[0].lower() in QUANTIFIERS and tokens[1] != "of":
        tokens = tokens[1:]  # "Some pharmacists", "Many residents"
    if (
        len(tokens) <= 4
        and plural(tokens[-1])
        and all(t.islower() for t in tokens[1:])
        and (len(tokens) > 1 or tokens[0].islower())
        and not is_title(tokens[0], lexicon)
        and tokens[0] not in lexicon.places
        and not is_org(" ".join(tokens), lexicon)
        and not any(("’" in t or "'" in t) and not t.endswith(("s’", "s'")) for t in tokens)
    ):
        return Actor(" ".join(tokens).lower(), "group")  # "Opposition councillors"
    if " of " in bare and (member := _member_of(bare, lexicon)) is not None:
        return member
    if is_org(bare, lexicon):
        name_tokens, affiliation, role = _strip_titles(tokens, lexicon)
        named = " ".join(name_tokens)
        if role and 2 <= len(name_tokens) <= 3 and name_shaped(name_tokens):  # noqa: SIM102
            if not is_org(named, lexicon):  # "Police Commissioner Jo Ross" is Jo Ross
                return Actor(named, "person", affiliation, role)
        described = _described(tokens, None)
        if described is not None and not is_org(described.name, lexicon):
            return described  # "Council leader Priya Nair" is Priya Nair
        named = named_business(tokens)
        if named is not None:  # "the transport union FNV": FNV, a union
            return Actor(named, "organisation", None, business_noun(tokens))
        if len(tokens) > 2 and is_title(tokens[-1], lexicon):
            # "Harrow Rovers Coach" (a headline): the body's coach, someone still to be named
            return Actor(bare, "unnamed", None, bare)
        return Actor(bare, "organisation")
    if len(tokens) > 1 and tokens[-1].islower() and tokens[0][:1].isupper():
        titled = tokens[-1].capitalize()
        if titled in lexicon.organisation_words and all(t[:1].isupper() for t in tokens[:-1]):
            if tokens[-1] == "union" and len(tokens) == 2 and tokens[0].isupper():
                return Actor(tokens[0], "organisation", None, "union")  # rule acronym-union
            return Actor(" ".join([*tokens[:-1], titled]), "organisation")  # "Dunmore council"
    opener = tokens[0].lower() in BUSINESS_OPENERS and len(tokens) > 1
    if opener and all(t[:1].isupper() for t in tokens[1:]):  # "Retailer Brightmart"
        return Actor(" ".join(tokens[1:]), "organisation")
    name_tokens, affiliation, role = _strip_titles(tokens, lexicon)
    if role is None and appositive:
        role = appositive
    if (
        len(tokens) > 1
        and tokens[-1].islower()
        and tokens[-1].capitalize() in lexicon.organisation_words
        and tokens[0][:1].isupper()
    ):
        return Actor(bare, "organisation", affiliation)  # "UN refugee agency"
    if name_tokens and name_shaped(name_tokens):
        name = " ".join(name_tokens)
        if name in lexicon.places:
            return Actor(lexicon.places[name][0], "country")
        return Actor(name, "person", affiliation, role)
    if (described := _described(name_tokens, affiliation)) is not None:
        return described
    last = tokens[-1]
    if last.islower() and (last in lexicon.body_nouns or last in COMPANY_NOUNS):
        # rule body-description: "The French club", "State television": a body described,
        # never a person (so "he" cannot point at it); "The Obama administration", "the
        # Clinton camp" (a name before the noun) are that body, by its name
        modifiers = tokens[:-1]
        if (
            affiliation is None
            and modifiers
            and name_shaped(modifiers)
            and modifiers[0] not in NOT_OWNERS
            and not any(t.endswith(("’s", "'s", "’", "'")) for t in modifiers)
        ):
            return Actor(bare, "organisation", None, last)
        return Actor(bare[0].lower() + bare[1:], "unnamed", affiliation, last)
    if bare[:1].islower() or not name_tokens:
        return Actor(bare, "unnamed", affiliation, role or bare)
    return Actor(bare, "person", affiliation, role)


_BODY_NOUNS = frozenset(
    {
        *("organisation", "organization", "ngo", "watchdog", "campaign", "network", "party"),
        *("coalition", "alliance", "association", "body", "institute", "outlet", "newspaper"),
        *("website", "magazine", "regulator", "charity", "think-tank", "lobby", "startup"),
    }
)


# "Institute for Fiscal Studies", "Union of Concerned Scientists": a capitalised group word
# after one of these inside a name is part of the name (rule group-in-name), not a group.
_NAME_LINK = frozenset({"for", "of", "on", "without", "Without"})


def _described(tokens: list[str], affiliation: str | None) -> Actor | None:
    """Rule described-name: "Security researcher Mira Adebayo" is Mira Adebayo (role
    "security researcher"); "Human rights group Sahel Watch" is the organisation Sahel Watch.

    Applies to a description of one to three words (all lower case after the first) followed
    by a capitalised name of two words or more (one is enough after a body noun).
    """
    for k in range(1, min(len(tokens), 5)):
        described, name = tokens[:k], tokens[k:]
        if not name or not all(t[:1].isupper() for t in name):
            continue
        if k == 1 and (not described[0].isalpha() or not described[0].islower()):
            continue  # one word only when it is a lower-case noun ("statistician Priya Nandakumar")
        if not all(t.islower() for t in described[1:]):
            return None
        if any(t in CONNECTORS for t in described):
            return None  # "Organization of American States" is one name, not a description
        head = described[-1].lower()
        if head in _BODY_NOUNS or head in BUSINESS_PREFIX:  # a union is no company
            typed = head if head in ("union", "party", "newspaper") else None
            return Actor(" ".join(name), "organisation", affiliation, typed)
        if len(name) >= 2:
            role = " ".join(described).lower()
            return Actor(" ".join(name), "person", affiliation, role)
        return None
    return None


_OCCASION_END = lazy_compile(
    r"\s+(?:in|during)\s+(?:a|an|the|his|her|their|its)\s+(?:written\s+|joint\s+|televised\s+)?"
    r"(?:statement|interview|speech|post|tweet|letter|email|e-mail|briefing|release)$"
)
_LOCATED = lazy_compile(r"^(\S+(?:\s+[a-z]+)?\s+[a-z]+s)\s+(?:in|at|from|across|around)\s+[A-Z].*$")
_REFLEXIVE = lazy_compile(r"\s+(?:itself|themselves|himself|herself)$")
# "the government in Lome", "the government of Togo": the country.
_GOVERNMENT_OF = lazy_compile(
    r"^(?:[Tt]he\s+)?(?:government|authorities|regime|(?:[a-z]+\s+)?ministry)\s+(?:in|of)\s+(.+)$"
)


def _titled_name(text: str, lexicon: Lexicon) -> bool:
    """ "Major General Thet Naing Oo": a name of two to four words after a title."""
    tokens = _TOKEN.findall(text)
    name, _, role = _strip_titles(tokens, lexicon)
    return role is not None and capitalised_name(" ".join(name))


def _member_of(bare: str, lexicon: Lexicon) -> Actor | None:
    """ "Professor Lin Hao of the University of Leeds": a person, affiliated to the body."""
    left, _, right = bare.partition(" of ")
    name, affiliation, role = _strip_titles(_TOKEN.findall(left), lexicon)
    if not 2 <= len(name) <= 3 or not all(t[:1].isupper() for t in name):
        return None
    if is_org(" ".join(name), lexicon):
        return None  # "Business Council of British Columbia" is one body
    body = _DET.sub("", right.strip())
    if body in lexicon.places:
        return Actor(" ".join(name), "person", lexicon.places[body][0], role)
    words = body.split()
    proper = 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
    if is_org(body, lexicon) or body in lexicon.organisations or proper:
        return Actor(" ".join(name), "person", body, role)  # "Senator X of Vermont"
    described = _described(words, None) if words and words[0].islower() else None
    if described is not None and described.kind == "organisation":
        # "Jamal Reed of the advocacy group Fair Banking Now": the person, of that group
        return Actor(" ".join(name), "person", described.name, role)
    return None


def _role_of(words: list[str]) -> int | None:
    """Index of "of"/"at"/"for" after a lower-case role of one or two words followed by a
    capitalised body ("coach of Harrow Rovers"), else None."""
    for k in (1, 2):
        if (
            len(words) > k + 1
            and words[k] in ("of", "at", "for", "in")
            and all(t.islower() for t in words[:k])
            and words[k + 1][:1].isupper()
        ):
            return k
    return None


def _the_name(bare: str, lexicon: Lexicon) -> Actor | None:
    """Rule the-name: "The Daily Mirror", "The Organization of American States": a capitalised
    name written with "the" is a body, not a person (titles, places and groups excepted)."""
    tokens = bare.split()
    caps = [t for t in tokens if t[:1].isupper()]
    if not caps or not tokens[-1][:1].isupper() or tokens[-1] in PARTY_MEMBERS:
        return None  # "The South Carolina Republican" is a person
    if len(caps) == 1 and (len(tokens) > 1 or not tokens[0].isalpha()):
        return None  # "The Tennessean", but not "The U.S.-led coalition"
    if not all(t[:1].isupper() or t in CONNECTORS for t in tokens):
        return None
    if all(t in lexicon.places for t in caps):
        return None
    if any(is_title(t, lexicon) or t.rstrip(".") + "." in lexicon.titles for t in tokens):
        return None
    if any(" ".join(tokens[i : i + 2]) in lexicon.titles for i in range(len(tokens) - 1)):
        return None
    if tokens[-1].lower() in lexicon.groups or not all(
        t.isalpha() or t in CONNECTORS for t in caps
    ):
        return None
    return Actor(bare, "organisation")
