"""Whether a name is a body (a company, club, ministry) rather than a person, from its words:
"Energy company Western Power", "Carmaker Veltro Motors", "Riverside Rugby Club". Used by
actor normalisation (`actors.py`) and coreference.
"""

from __future__ import annotations

from workbench.extract.lexicon import Lexicon

# Common nouns for a business or body that an appositive then names ("the operator, X").
COMPANY_NOUNS = frozenset(
    {
        *("company", "firm", "operator", "group", "carrier", "airline", "manufacturer", "maker"),
        *("insurer", "lender", "retailer", "developer", "contractor", "union", "agency", "bank"),
        *("ministry", "board", "council", "charity", "publisher", "broadcaster", "club"),
    }
)


BUSINESS_PREFIX = frozenset(
    {*COMPANY_NOUNS, "giant", "chain", "utility", "supplier", "provider", "carmaker", "side"}
)


def business_noun(tokens: list[str]) -> str | None:
    """The common noun before a business's name ("union" in "transport union FNV")."""
    return next((t.lower() for t in tokens[:4] if t.lower() in BUSINESS_PREFIX), None)


def named_business(tokens: list[str]) -> str | None:
    """ "Energy company Western Power" -> "Western Power": a common noun for a business,
    then its capitalised name, is the name (at most three words before it)."""
    for i, token in enumerate(tokens[:3]):
        if token in BUSINESS_PREFIX and i + 1 < len(tokens):
            rest = tokens[i + 1 :]
            if all(t[:1].isupper() for t in rest) and all(t.islower() for t in tokens[1:i]):
                return " ".join(rest)
    opener = len(tokens) > 2 and tokens[0].lower() in BUSINESS_OPENERS
    if opener and all(t[:1].isupper() for t in tokens[1:]):  # "Carmaker Veltro Motors"
        return " ".join(tokens[1:])
    return None


# Business nouns that open a sentence capitalised before the name ("Carmaker Veltro Motors");
# not "union", "bank" or "board", which open names ("Union Pacific", "Bank of Ireland").
BUSINESS_OPENERS = frozenset(
    {
        *("carmaker", "automaker", "retailer", "airline", "chipmaker", "insurer", "lender"),
        *("manufacturer", "supermarket", "broadcaster", "publisher", "developer", "utility"),
        *("supplier", "brewer", "miner", "drugmaker", "operator", "carrier", "firm", "company"),
    }
)


# Organisation words that end a name but alone are ordinary words ("Energy prices rose").
_NAME_ENDINGS_ONLY = frozenset({"Power", "Energy", "Electric", "Utilities"})


# Words that name a body only at the end of a capitalised name ("National Highway Safety
# Board", "Riverside Rugby Club"); at the start they open titles ("Board member Jo Roe").
_ORG_ENDINGS = frozenset(
    {
        *("Board", "Club", "Hospital", "Trust", "League", "Federation", "Alliance"),
        *("Coalition", "Society", "Academy", "College", "Clinic", "Assembly", "Administration"),
    }
)


def is_org(text: str, lexicon: Lexicon) -> bool:
    """A name with an organisation word ("Consumer Commission", "Riverside Rugby Club")."""
    words = text.split()
    if len(words) == 1 and words[0] in _NAME_ENDINGS_ONLY:
        return False
    if len(words) > 1 and words[-1] in _ORG_ENDINGS and all(w[:1].isupper() for w in words):
        return True
    return any(w in lexicon.organisation_words for w in words) or " ".join(words[-2:]) in (
        lexicon.organisation_words
    )
