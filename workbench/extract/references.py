"""Contents that point back at an earlier claim: "the charges", "that argument", "this".

An analyst checks propositions, so a denial whose content is "the allegations" must carry the
proposition it denies, never "The allegations.". These helpers decide whether a content is such
a reference, and which earlier proposition it points at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.extract.actors import Actor
from workbench.extract.attribution import Attribution
from workbench.extract.coref import (
    PLURAL_PRONOUNS,
    Memory,
    gender_of,
    is_thing,
    resolve,
    resolve_role,
)
from workbench.extract.definites import expand
from workbench.extract.fastpaths import whole_word_starts
from workbench.extract.name_words import names_any
from workbench.extract.proposition import full_name, they_subject
from workbench.extract.speakers import display_name
from workbench.extract.stance import stance_of
from workbench.extract.words import lazy_compile

_CLAIM_NOUNS = (
    r"(?:claims?|allegations?|accusations?|charges?|reports?|assertions?|suggestions?|accounts?"
    r"|arguments?|stor(?:y|ies)|rumou?rs?|theor(?:y|ies)|characteri[sz]ations?|contentions?"
    r"|version|findings?|figures?|conclusions?|estimates?|assessments?|statistics|numbers)"
)
_DETERMINER = r"(?:the|these|those|such|this|that|his|her|their|its|any)"
_CLAIM_REF = lazy_compile(rf"^{_DETERMINER}\s+(?:\w+\s+)?{_CLAIM_NOUNS}$", re.IGNORECASE)
# "denied the charges throughout the trial", "rejected that argument on Monday": the reference
# and an adjunct that says when or how, not what.
_CLAIM_REF_ADJUNCT = lazy_compile(
    rf"^{_DETERMINER}\s+(?:\w+\s+)?{_CLAIM_NOUNS}\s+(?:throughout|during|in|at|on|before|after"
    r"|when|again|outright|repeatedly|entirely|completely|strongly|flatly|immediately|later"
    r"|last|this|as|against|made|levell?ed|by)\b",
    re.IGNORECASE,
)
# "North Korea has denied any involvement" after an accusation: the denial answers it.
_DENIED_PART = lazy_compile(
    r"(?:any\s+|all\s+)?(?:involvement|wrongdoing|responsibility|role|part|knowledge)"
    r"(?:\s+(?:in|of)\s+(?:it|this|that|them|the\s+\w+))?\s*[.]?$",
    re.IGNORECASE,
)
_BARE = frozenset({"this", "it", "that", "them", "these", "those", "so"})
# "These reports are false", "That is a lie", "there is no evidence for this": the whole
# content calls an earlier claim false, so the statement denies that claim.
_REBUTTAL = lazy_compile(
    r"(?:(?:this|that|it|these|those|they|them|the|such)"
    r"(?:\s+(?:allegations?|accusations?|claims?|charges?|reports?|stor(?:y|ies)|rumou?rs?))?"
    r"\s+(?:(?:is|are|was|were)\s+[“\"]?(?:(?:completely|totally|entirely|simply|absolutely|just)\s+)?)?"
    r"[“\"]?(?:[a-z]+\s+and\s+)?"  # "were “dangerous and false”"
    r"(?:untrue|false|baseless|groundless|unfounded|fabricated|a\s+fabrication|a\s+lie|lies"
    r"|nonsense|absurd|not\s+true|wrong|incorrect|inaccurate|a\s+myth|a\s+hoax|misleading"
    r"|defamatory|fake(?:\s+news)?|a\s+[“\"]?smear(?:\s+campaign)?|ridiculous"
    r"|categorically\s+false|made\s+up|propaganda|slander(?:ous)?|a\s+provocation"
    r"|(?:(?:a\s+)?(?:complete|pure|total)\s+)?(?:fiction|fantasy|invention))"
    r"|there\s+(?:is|was)\s+no\s+(?:scientific\s+)?(?:evidence|proof|basis)"
    r"\s+(?:for|of|to\s+support|behind)\s+(?:this|that|it|these|those|the\s+claims?|such\s+claims?"
    r"|the\s+allegations?|the\s+idea))\b[.!]?[”\"]?$",
    re.IGNORECASE,
)


def is_bare(content: str) -> bool:
    """ "denied this", "rejected it": the whole content is a pronoun for a claim."""
    return content.strip(" .,").lower() in _BARE


def is_claim_reference(content: str, *, denial: bool = False) -> bool:
    """True for contents like "the claims" that point back at an earlier proposition.

    "dismissed the accusations as propaganda" points back too: the "as …" part is the
    speaker's label for the claim, not another claim. A denial may add an adjunct ("denied the
    charges throughout the trial").
    """
    body = content.strip(" .,")
    if _CLAIM_REF.match(body.split(" as ", 1)[0]):
        return True
    return denial and bool(_CLAIM_REF_ADJUNCT.match(body)) and " that " not in body


def is_rebuttal(content: str) -> bool:
    """The whole content calls a claim false ("That is a lie.", "These reports are false")."""
    return bool(_REBUTTAL.match(content.strip(" ,“”\"'‘’")))


@dataclass(slots=True)
class Claims:
    """The propositions made so far, newest last, with who made them.

    ``accusation`` is the last proposition of an accusing cue ("accused X of …"), which
    "the accusations" and a bare "this" in a denial point at first.
    """

    recent: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    accusation: str | None = None
    accusers: frozenset[str] = frozenset()
    made: int = 0  # claims added so far: orders an accusation against each actor's denial
    accused_at: int = -1
    denied: dict[str, tuple[int, str]] = field(default_factory=dict)  # actor -> last denial
    recent_at: list[int] = field(default_factory=list)  # ``made`` of each ``recent`` claim

    def add(
        self, proposition: str, actors: frozenset[str], accusing: bool, denial: bool = False
    ) -> None:
        self.made += 1
        self.recent.append((proposition, actors))
        self.recent_at.append(self.made)
        del self.recent[:-20], self.recent_at[:-20]
        if accusing:
            self.accusation, self.accusers, self.accused_at = proposition, actors, self.made
        if denial and proposition.count(" ") >= 3:  # a clause, not "does not disclose its finances"
            for name in actors:
                self.denied[name] = (self.made, proposition)

    def latest(self, speakers: frozenset[str]) -> str | None:
        """Rule bare-latest: "Critics argue that S. The regulator denies this.": a bare "this"
        denies the last claim of someone else when it came after the last accusation (which
        it answers otherwise: "X accused Y of Z. Y denied it.")."""
        for (proposition, actors), at in zip(
            reversed(self.recent), reversed(self.recent_at), strict=True
        ):
            if not speakers & actors:
                return proposition if at > self.accused_at else None
        return None

    def own_denial(self, speakers: frozenset[str]) -> str | None:
        """Rule own-denial: what the speakers last denied, when no accusation came after it.

        "Coral Air denied colluding to raise fares … Coral Air said the allegations were
        baseless": the allegations are the claim Coral Air denied before, not the regulator's
        last statement ("it had seized emails"); an accusation and its denials share one
        proposition.
        """
        own = max((self.denied[n] for n in speakers if n in self.denied), default=None)
        return own[1] if own is not None and own[0] > self.accused_at else None

    def claimants(self, *, group: bool) -> frozenset[str]:
        """Who made the claim a denial answers, never to be counted among its deniers: the
        accusers; and for a group reference with no accusation before it, the last claim's
        speakers ("According to the United States, … Both nations deny this")."""
        if self.accusation or not group or not self.recent:
            return self.accusers
        return self.recent[-1][1]

    def antecedent(self, speakers: frozenset[str], *, accusation: bool) -> str | None:
        """The claim a reference points at: the last accusation when asked for, else the last
        claim someone other than the speakers made, else the last claim."""
        if accusation and self.accusation:
            return self.accusation
        for proposition, actors in reversed(self.recent):
            if not speakers & actors:
                return proposition
        return self.recent[-1][0] if self.recent else None


_ACCUSATION_NOUN = lazy_compile(r"\b(?:accusations?|allegations?|charges?)\b", re.IGNORECASE)


_CHARGE_NOUN = lazy_compile(
    r"(?:(?:an?|the|this|that)\s+)?(?:charges?|claims?|allegations?|accusations?)\s+(?:that\s+)?",
    re.IGNORECASE,
)


def charge_appositive(text: str, attribution: Attribution) -> bool:
    """Rule charge-appositive: "…, a charge both governments deny" answers the accusation.

    Applies to a denial whose speaker span starts with a charge noun; the speaker becomes the
    words after it and the content the noun phrase ("a charge"), which stands for the claim.
    """
    if attribution.speaker is None or not denies(attribution):
        return False
    s, e = attribution.speaker
    noun = _CHARGE_NOUN.match(text, s, e)
    if noun is None or noun.end() >= e:
        return False
    attribution.speaker = (noun.end(), e)
    attribution.content = (s, noun.end() - 1 if text[noun.end() - 1].isspace() else noun.end())
    return True


def denies(attribution: Attribution) -> bool:
    """The stance the statement will get (set explicitly, or the cue's)."""
    return (attribution.stance or stance_of(attribution.cue_info)) == "denies"


def points_back(
    content: str,
    attribution: Attribution,
    actors: list[Actor],
    claims: Claims,
    text: str = "",
) -> str | None:
    """The earlier proposition a content points back at, or None for a content of its own.

    A denial of "this" answers the last accusation (rule bare-reference); "the allegations"
    the last accusation, "the claims" the last claim of someone else; a content that calls a
    claim false ("These reports are false") denies it (rule rebuttal).
    """
    speakers = frozenset(a.name for a in actors)
    denial = denies(attribution)
    if denial and is_bare(content):
        return claims.latest(speakers) or claims.antecedent(speakers, accusation=True)
    accusation = claims.accusation
    if denial and accusation and _DENIED_PART.match(content) and names_any(accusation, speakers):
        return accusation  # rule denied-involvement: "denied any involvement" in an accusation
    if is_rebuttal(content):
        # "the allegations were baseless": own-denial; "these reports": the ones just made
        own = claims.own_denial(speakers) if content.lstrip(' “"')[:4].lower() == "the " else None
        point = own or claims.antecedent(speakers, accusation=True)
        if point is not None:
            attribution.rule, attribution.stance = "rebuttal", "denies"
        return point
    if denial and (deed := _DEED_OF_THE.match(content)) is not None:
        found = _claim_naming(deed.group(1), speakers, claims)
        if found is not None:
            return found
    if is_claim_reference(content, denial=denial):
        if text and (stated := _stated_as(content, text, attribution)) is not None:
            return stated
        if content[:4].lower() == "the " and (own := claims.own_denial(speakers)) is not None:
            return own
        return claims.antecedent(speakers, accusation=bool(_ACCUSATION_NOUN.search(content)))
    return None


# "denied breaking the agreement", "denied losing the base": a deed done to a thing named before.
_DEED_OF_THE = lazy_compile(r"^[a-z]{3,}ing\s+the\s+(?:[a-z-]+\s+)?([a-z]{4,})$")
_CLAIM_REACH = 5  # the last claims that a denied deed may answer


def _claim_naming(noun: str, speakers: frozenset[str], claims: Claims) -> str | None:
    """Rule denied-deed: "Tajikistan denied breaking the agreement" after "Uzbekistan said
    Dushanbe had broken a 1998 water-sharing agreement" denies that claim, the one of
    someone else's last claims that names the thing ("agreement"); None when none does."""
    word = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)  # re's own cache: per noun
    for proposition, actors in reversed(claims.recent[-_CLAIM_REACH:]):
        if not speakers & actors and word.search(proposition):
            return proposition
    return None


# "rejected the finding" after "… after finding that S": the noun's own verb, then "that S".
_NOUN_VERBS = {
    "finding": r"find(?:ing|s)?|found",
    "conclusion": r"conclud(?:e|es|ed|ing)",
    "suggestion": r"suggest(?:s|ed|ing)?|suggestions?",
    "allegation": r"alleg(?:e|es|ed|ing)|allegations?",
}
_STATED_REACH = 1500  # characters before the cue


def _stated_as(content: str, text: str, attribution: Attribution) -> str | None:
    """Rule stated-as: "Thames Water rejected the finding" after "… after finding that the
    company missed its target" denies what was found, though no statement said it: the last
    "finding that S" (or "found that S", "suggestions that S" …) before the cue gives S."""
    words = content.strip(" .,").lower().split()
    noun = words[-1].rstrip("s") if words else ""
    pattern = _STATED.get(noun)
    if pattern is None or attribution.cue is None:
        return None
    cue = attribution.cue[0]
    matches = list(pattern.finditer(text, max(0, cue - _STATED_REACH), cue))
    if not matches:
        return None
    clause = matches[-1].group(1).strip()
    return clause[0].upper() + clause[1:] + "."


_STATED = {
    noun: lazy_compile(rf"\b(?:{verbs})\s+that\s+([^.;:!?“”\"]{{12,}})")
    for noun, verbs in _NOUN_VERBS.items()
}


_NOT_PERSONS = frozenset({"organisation", "country", "group"})
_NOT_AFTER_ROLE = frozenset({"of", "in", "at", "for", "who", "which", "that", "and", "or"})


def self_contained(
    text: str, prop: str, attribution: Attribution, actors: list[Actor], memory: Memory
) -> str:
    """A leading family name written in full, a leading "they" as the plural speaker."""

    def person(short: str) -> str | None:
        actor = memory.by_name.get(short)
        return actor.name if actor is not None and actor.kind == "person" else None

    prop = full_name(prop, person)
    if prop[:1].isupper() and prop.count(" ") > 2:
        prop = _untitled(prop, memory)
    if prop[:4] == "The ":
        prop = _named_role(prop, attribution, memory)
    opens = text[attribution.content[0] : attribution.content[0] + 4]
    not_person = bool(actors) and all(a.kind in _NOT_PERSONS or is_thing(a) for a in actors)
    if prop.startswith(("He ", "She ")) and (
        opens in ("him ", "her ") or not_person or _other_gender(prop, actors, memory)
    ):
        # rule other-pronoun: "Her office said she would …", "The force said he had …": a
        # body's "he" or "she" is someone else, found as for "accused him of …"
        prop = _named_object(prop, attribution, actors, memory)
    if " him" in prop:
        prop = _named_him(prop, attribution, actors, memory)
    if " client " in prop[:60] and len(actors) == 1:
        prop = _client(text, prop, attribution, actors[0], memory)
    if len(actors) == 1 and actors[0].kind == "person" and "s " in prop:
        prop = _member_body(text, prop, attribution, actors[0], memory)
    if len(actors) == 1 and actors[0].kind != "person" and prop.startswith(actors[0].name):
        prop = _the_name(text, prop, actors[0].name)
    if "he " in prop:  # rule definite-antecedent (definites.py)
        prop = expand(prop, text[: attribution.content[0]])
    if prop[:5] == "They " and attribution.speaker and len(actors) == 1:
        actor = actors[0]
        written = text[attribution.speaker[0] : attribution.speaker[1]]
        plural = actor.kind == "group" or (actor.role or "").endswith("s")
        if plural and written.lower() not in PLURAL_PRONOUNS:
            prop = they_subject(prop, written)
    return prop


_CLIENT_OF = lazy_compile(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})[’']s client ")
_OWNER = lazy_compile(r"(?:(?P<pronoun>[Hh]is|[Hh]er)|(?P<name>[A-Z][\w-]+)[’']s)\s")


def _client(text: str, prop: str, attribution: Attribution, actor: Actor, memory: Memory) -> str:
    """Rule client: "Okafor's agent, Luis Fernandez, said his client was happy" -> "Daniel
    Okafor was happy": a lawyer's or agent's client is the person the speaker span says they
    act for (a possessive name, or "Her barrister" with "her" resolved)."""
    heads = (f"{actor.name}’s client ", f"{actor.name}'s client ", "His client ", "Her client ")
    head = next((h for h in heads if prop.startswith(h)), None)
    named = _CLIENT_OF.match(prop) if head is None else None
    if named is not None:  # "Her barrister said her client …" -> "Margaret Oyelaran's client"
        known = memory.by_name.get(named.group(1))
        if known is not None and known.kind == "person" and known.name != actor.name:
            return known.name + " " + prop[named.end() :]
    if head is None or attribution.speaker is None:
        return prop
    s, e = attribution.speaker
    owner = _OWNER.match(text, s, e)
    if owner is None:
        return prop
    if owner.group("pronoun"):
        found = resolve(owner.group("pronoun").lower(), s, memory, {actor.name})
        client = found[0] if found else None
    else:
        client = memory.by_name.get(owner.group("name"))
    if client is None or client.kind != "person" or client.name == actor.name:
        return prop
    return client.name + " " + prop[len(head) :]


# A person's own body, besides the lexicon's body nouns: "his party", "her government".
_MEMBER_NOUNS = frozenset({"party", "government", "team"})
# Role words between a body and a name: lower case, not a function word ("Benfica president",
# "Reform UK's regional organiser,"); "Cross-examined by defence counsel X" has none.
_ROLE_WORD = r"(?!(?:by|of|to|the|a|an|at|in|on|for|and|with|from|said|says)\b)[a-z][a-z-]*"


def _member_body(
    text: str, prop: str, attribution: Attribution, actor: Actor, memory: Memory
) -> str:
    """Rule member-body: "Reform UK's regional organiser, Kevin Nolan, said his party's vote
    had doubled" -> "Reform UK's vote had doubled"; "Benfica president Rui Costa Almeida …
    He said his club would complain" -> "Benfica would complain". The speaker's own club,
    party or company is the body written before their role, the last time they were named."""
    head = f"{actor.name}'s "
    at = prop.find(head)
    if at < 0:
        return prop
    noun = prop[at + len(head) :].split(" ", 1)[0].removesuffix("'s")
    if noun not in _MEMBER_NOUNS and noun not in memory.body_nouns:
        return prop
    named = re.compile(  # per speaker: re's own cache, never the regex cache file
        r"([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}?)(?:['’]s)? ((?:"
        + _ROLE_WORD
        + r" ?){1,3}),? "
        + re.escape(actor.name)
        + r"\b"
    )
    found = list(named.finditer(text, 0, attribution.content[0]))
    if not found:
        return prop
    body, role = found[-1].group(1).removeprefix("The "), found[-1].group(2).strip()
    if not body or body == actor.name or role != actor.role:  # the role the speaker was given
        return prop
    if body.split()[0] in memory.given_names:  # "Maria Lopez's lawyer, Tom Reid": a person
        return prop
    if ". " in body:  # "… on Monday. Opposition leader …": a sentence break, not a name
        return prop
    if " " not in body and re.search(rf"\b{re.escape(body.lower())}\b", text):
        return prop  # "Opposition leader Tomas Kade": a common noun the text writes lower case
    return prop[:at] + body + prop[at + len(head) + len(noun) :]


def _the_name(text: str, prop: str, name: str) -> str:
    """Rule the-name: a body the article writes as "the Arakan Army" opens the proposition
    the same way ("The Arakan Army's forces …", not "Arakan Army's forces …"), when "the"
    comes before the name more often than not."""
    if name[:1].islower() or name.startswith("The "):
        return prop
    written = whole_word_starts(text, name)  # the regex's matches, by str.find (fastpaths)
    with_the = sum(1 for at in written if text[max(0, at - 4) : at].lower() == "the ")
    return "The " + prop if with_the * 2 > len(written) else prop


def _other_gender(prop: str, actors: list[Actor], memory: Memory) -> bool:
    """Rule other-gender-pronoun: "The prosecutor, Ann Lyle, said he had ignored the notices":
    a lone speaker of the other gender is not "he", so he is someone named before."""
    wrong = "f" if prop[:3] == "He " else "m"
    return len(actors) == 1 and gender_of(actors[0], memory.given_names) == wrong


def _named_object(prop: str, attribution: Attribution, actors: list[Actor], memory: Memory) -> str:
    """Rule named-object: "accused him of lying" -> "Ana Ruiz lied." when exactly one person
    other than the speaker was named in the 300 characters before, as a sentence's subject
    (else "He lied." stays)."""
    name = _the_other(attribution, actors, memory, "f" if prop.startswith("He ") else "m")
    return prop if name is None else name + prop[prop.index(" ") :]


def _the_other(
    attribution: Attribution, actors: list[Actor], memory: Memory, wrong: str
) -> str | None:
    """The one person other than the speakers named as a subject in the 300 characters before
    the content, whose gender is not ``wrong``; None for none or several."""
    pos = attribution.content[0]
    speakers = {a.name for a in actors}
    near = [
        m
        for m in memory.before(pos)
        if m.pos >= pos - 300 and m.actor.kind == "person" and m.actor.name not in speakers
    ]
    near = [m for m in near if gender_of(m.actor, memory.given_names) != wrong]
    if len({m.actor.name for m in near}) != 1 or not any(m.subject for m in near):
        return None  # two candidates, or one only mentioned in passing: leave the pronoun
    return near[0].actor.name


_HIM = lazy_compile(r"(?<=\s)him\b")


def _named_him(prop: str, attribution: Attribution, actors: list[Actor], memory: Memory) -> str:
    """Rule named-him: "The force named him to cover up …" -> "… named Dean Kilbride …": an
    object "him" inside the proposition is the one other man named just before (as for
    named-object), when the speaker is not a man it could be."""
    if len(_HIM.findall(prop)) != 1 or any(gender_of(a, memory.given_names) == "m" for a in actors):
        return prop
    if any(a.kind == "person" and gender_of(a, memory.given_names) is None for a in actors):
        return prop  # "Jo Roe said the board had sacked him": him may be Jo Roe
    name = _the_other(attribution, actors, memory, "f")
    return prop if name is None else _HIM.sub(name, prop, count=1)


def _named_role(prop: str, attribution: Attribution, memory: Memory) -> str:
    """Rule named-role: "The firm had known …" -> "Veltro Motors had known …", "The minister
    would …" -> "Rosa Diaz would …": a leading role noun is the person with that role or the
    organisation of that kind named before (as for speakers), when one is."""
    words = prop.split(" ", 4)
    for width in (2, 3):
        if len(words) <= width or not words[width][:1].islower():
            continue
        role = words[:width]
        if not all(w.isalpha() and w.islower() for w in role[1:]):
            return prop
        if words[width] in _NOT_AFTER_ROLE:
            continue
        found = resolve_role(" ".join(role), attribution.content[0], memory, attribution.speaker)
        if found is not None and found.name[:1].isupper():
            return display_name(found) + prop[len(" ".join(role)) :]
    return prop


def _untitled(prop: str, memory: Memory) -> str:
    """ "Finance Minister Rosa Diaz hid a deficit" -> "Rosa Diaz hid a deficit": a person's
    title is not part of the claim (and claims are matched on their words)."""
    first = prop.split(" ", 1)[0].lower()
    for actor in memory.by_name.values():
        role = actor.role
        if actor.kind != "person" or not role or role.split(" ", 1)[0].lower() != first:
            continue
        prefix = f"{role} {actor.name} "
        if prop[: len(prefix)].lower() == prefix.lower():
            return actor.name + prop[len(prefix) - 1 :]
    return prop
