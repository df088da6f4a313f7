"""Bodies called by a common noun: "the regulator", "the force", "the shipper", "the company".

News names a body once ("Ofwat", "Greater Manchester Police", "the company, Caldermoor
Engineering") and then calls it by what it is. These helpers decide which body named before
such a noun points at (`coref.resolve`, `coref.resolve_role`) and type a name written right
after a body noun as a body (`coref.scan_mentions`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.extract.actors import Actor
from workbench.extract.lexicon import Lexicon
from workbench.extract.name_words import NOT_NAMES, name_token
from workbench.extract.words import lazy_compile, word_set

if TYPE_CHECKING:
    from workbench.extract.coref import Mention


# "the company, Caldermoor Engineering", "the drivers' union Aslef", "its supplier Kaida":
# a body noun (see [body_nouns]) right before a capitalised name.
_NOUN_BEFORE = lazy_compile(
    r"\b(?:the|a|an|its|their|The|A|An|Its|Their)\s+(?:[\w’'-]+\s+){0,2}?([a-z]+),?\s+$"
)


def named_after_noun(text: str, match: re.Match[str], body_nouns: dict[str, str]) -> Actor | None:
    """Rule noun-named-body: a name written right after a body noun ("the company,
    Caldermoor Engineering", "the consumer group Which?") is a body, so a later "it", "the
    firm" or its first word alone ("Caldermoor said") points at it, never at a person."""
    # The noun is the word before: a dict lookup first, not a regex tried at every position.
    tail = (
        text[max(0, match.start() - 48) : match.start()].rstrip().removesuffix(",").rsplit(None, 1)
    )
    if not tail or tail[-1] not in body_nouns:
        return None
    before = _NOUN_BEFORE.search(text, max(0, match.start() - 48), match.start())
    if before is None or before.group(1) not in body_nouns:
        return None
    words = match.group().split()
    if not 1 <= len(words) <= 4 or not all(name_token(w) or w in ("of", "and") for w in words):
        return None
    name = match.group()
    last = words[-1]
    if last.endswith(".") and last.count(".") == 1 and len(last) > 3:
        name = name[:-1]  # "the grid operator, Litgrid." ends a sentence, not an abbreviation
    return Actor(name, "organisation", None, before.group(1))


_BODY_REACH = 600  # characters: "The regulator said" points at a body named this close before


def recent_body(
    earlier: list[Mention], pos: int, noun: str, kind: str, lexicon: Lexicon
) -> Actor | None:
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
        if actor.kind != "organisation" or not _fits(actor, noun, kind, lexicon):
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


def _fits(actor: Actor, noun: str, kind: str, lexicon: Lexicon) -> bool:
    """Whether a body can be called by the noun (see ``recent_body``)."""
    words = actor.name.split()
    public = any(w in lexicon.public_words for w in words)
    if (kind == "business" and public) or (kind == "public" and not public):
        return False
    if not all(w in _CONNECTOR_WORDS or w not in NOT_NAMES for w in words):
        return False  # a headline read as a name ("Bus Fare Freeze Is Not Free")
    typed = (actor.role or "").split()[-1:]
    if typed and typed[0] in lexicon.body_types and typed[0] != noun:
        return False  # "the transport union FNV" is no operator
    return words[-1] not in _OUTLET_ENDINGS or noun in ("newspaper", "paper")  # no club


LOCALITIES = word_set("city town county state district borough parish local regional provincial")


_CONNECTOR_WORDS = frozenset({"of", "for", "and", "the", "on", "de"})


def names_body(name: str, noun: str, typed: str | None, lexicon: Lexicon) -> bool:
    """Rule role-organisation: "the authority" is the last organisation whose name holds the
    noun ("Food Safety Authority", "UN refugee agency"); "the company" the last business (no
    public-body word), unless the text called it something else ("the transport union FNV"
    is no company). The words are [business_nouns] and [public_words] in bodies.toml."""
    words = name.split()
    if noun.capitalize() in words or noun in words:
        return True
    kind = (typed or "").split()[-1:]
    if kind and kind[0] in lexicon.body_types:
        return kind[0] == noun
    if words[-1] in _OUTLET_ENDINGS:  # "the Daily Mirror" is the newspaper, not the club
        return noun in ("newspaper", "paper")
    return noun in lexicon.business_nouns and not any(w in lexicon.public_words for w in words)


# Last words of newspaper names.
_OUTLET_ENDINGS = word_set(
    "Times Post Journal Gazette Herald Chronicle Courier Observer Tribune Ledger News Press"
    " Mirror Telegraph Express Guardian Standard Record Star Sun Mail Examiner Inquirer"
)
