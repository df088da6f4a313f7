"""What a proposition says, reduced to what claims are matched on: who, doing what, negated or not.

"Washington says Pyongyang sent munitions to Moscow" and "North Korea supplied arms to Russia"
state one claim: both reduce to the actors (North Korea, Russia) in that order and the terms
{supply, weapon}. Names become canonical actors (capitals and seats of government as metonyms,
aliases, the database's own actor aliases), words are folded to a lemma and a small table of
synonyms news uses for the same act, and function words are dropped.

A score alone never decides: `token_set_ratio` gives 100 to "the vaccine causes autism" against
"the vaccine does not cause autism". `same_claim` first applies guards (a differing negation,
swapped roles, a different number or date) and then compares the terms. Pure functions, no
database: the rules are read and tested here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.extract.words import word_set

# Two sets of terms that share this much (matched terms over all terms, in percent) state the
# same act: "causes autism" and "causes autism in children" share 3 of 4. Measured with
# benchmarks/claims_bench.py on data/claims/linking_set.jsonl.
SAME_TERMS = 75.0
# Two terms are one when their stems are equal, or (a misspelling, a variant spelling) when
# rapidfuzz's ratio of two long stems reaches this: "organisation"/"organization" do,
# "increase"/"decrease" (75) do not.
SAME_WORD = 88.0
# Acts that are each other's opposite: a claim that prices rose is not one that they fell.
OPPOSITES = frozenset({frozenset({"increase", "decrease"}), frozenset({"win", "lose"})})
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_NEGATIONS = frozenset({"not", "no", "never", "n't", "nothing", "none", "neither", "nor"})
_STOP = word_set(
    "a an the this that these those it its it's their theirs his her hers our your my "
    "to of in on at by for from with without into onto over under about as than then "
    "and or but so if because while whether also even still yet just only "
    "is are was were be been being am has have had having do does did doing will would shall "
    "should can could may might must said says say saying claims claim claimed alleged "
    "allegedly reportedly according report reports reported there here who whom which what "
    "when where why how all any some such very more most other another same own"
)
# Words news uses for one act or thing, folded to one term. Kept short and literal: a wrong
# entry merges two claims, which the analyst then has to split.
_SYNONYMS = {
    "provide": "supply", "send": "supply", "deliver": "supply", "ship": "supply",
    "give": "supply", "sell": "supply", "transfer": "supply", "furnish": "supply",
    "arm": "weapon", "weapon": "weapon", "munition": "weapon", "ammunition": "weapon",
    "shell": "weapon", "artillery": "weapon", "missile": "weapon", "rocket": "weapon",
    "kill": "kill", "die": "kill", "dead": "kill", "death": "kill",
    "attack": "attack", "strike": "attack", "bomb": "attack",
    "help": "help", "aid": "help", "assist": "help", "support": "help",
    "soldier": "troop", "troop": "troop", "deploy": "supply",
    "cause": "cause", "trigger": "cause", "lead": "cause",
    "raise": "increase", "rise": "increase", "increase": "increase", "grow": "increase",
    "cut": "decrease", "fall": "decrease", "drop": "decrease", "decrease": "decrease",
    "lower": "decrease", "reduce": "decrease",
}  # fmt: skip
_IRREGULAR = {
    "sent": "send", "gave": "give", "given": "give", "sold": "sell", "struck": "strike",
    "led": "lead", "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow",
    "fell": "fall", "fallen": "fall", "died": "die", "made": "make", "took": "take",
    "taken": "take", "won": "win", "lost": "lose", "paid": "pay", "held": "hold",
    "met": "meet", "told": "tell", "knew": "know", "known": "know", "ran": "run",
    "built": "build", "bought": "buy", "caught": "catch", "brought": "bring",
    "supplies": "supply", "supplied": "supply", "dies": "die",
}  # fmt: skip


@dataclass(frozen=True)
class ClaimKey:
    """A proposition as claims are matched: actors in order, negation, content terms."""

    actors: tuple[str, ...]
    negated: bool
    terms: tuple[str, ...]  # sorted lemmas, function words and actor names removed
    numbers: tuple[str, ...]

    def text(self) -> str:
        """One line, stored on the claim (`claim.key`) and shown by `workbench claims`."""
        sign = "not " if self.negated else ""
        return f"{' > '.join(self.actors)} | {sign}{' '.join(self.terms)}".strip()

    @property
    def blocks(self) -> frozenset[str]:
        """Where this key is indexed: under each actor with each of its first terms, and under
        the pairs of its first terms (an actor-less key under "~"-marked pairs as well, which
        keys with actors probe). Pairs are rare where single words are not: "Russia" and "say"
        each head thousands of claims, "Russia|weapon" a handful.

        Only the first terms in `block_order` are indexed (prefix filtering): two keys that
        `same_claim` accepts share SAME_TERMS of their terms, so they share a term, and a pair
        of terms, among each one's first few (`_prefix`). A key of 13 terms is indexed under 15
        pairs instead of 78, with the same candidates found."""
        one, two = _prefix(self.terms, 1), _prefix(self.terms, 2)
        found = {f"{actor}|{t}" for actor in self.actors for t in one}
        found.update(_pairs(two))
        if len(self.terms) == 1:
            found.add(self.terms[0])
        if not self.actors:
            found |= self._term_pairs_of_actorless()
        return frozenset(found)

    @property
    def probes(self) -> frozenset[str]:
        """The blocks to look candidates up by: with actors, an actor with a term (any claim
        `same_claim` accepts shares one, or has no actors and shares a term pair); without,
        the term pairs (which every key is indexed under)."""
        if self.actors and self.terms:
            one = _prefix(self.terms, 1)
            return frozenset(f"{actor}|{t}" for actor in self.actors for t in one) | (
                self._term_pairs_of_actorless()
            )
        return self.blocks

    def _term_pairs_of_actorless(self) -> frozenset[str]:
        """Term pairs, for finding claims stated without any actor; looked up under a prefix
        of their own so they meet only actor-less keys."""
        pairs = {f"~{pair}" for pair in _pairs(_prefix(self.terms, 2))}
        if len(self.terms) == 1:
            pairs.add(f"~{self.terms[0]}")
        return frozenset(pairs)


# Misspelt terms that `same_claim` may count as matched ("organisation"/"organization") are not
# shared exactly: each prefix is this many terms longer so that one of them still is.
NEAR_SPELLINGS = 1


def block_order(term: str) -> tuple[int, str]:
    """The fixed order prefixes are taken in: longest first (long words are the rarer ones, so
    a prefix falls on "ammunition" before "say"), then alphabetical. Changing it changes which
    blocks every stored claim is under: it needs a migration that rewrites `claim_block`."""
    return (-len(term), term)


def _prefix(terms: tuple[str, ...], shared: int) -> list[str]:
    """The first terms (in `block_order`) among which any key that `same_claim` accepts
    shares at least `shared` terms with this one.

    Such a key shares at least ceil(SAME_TERMS% of len(terms)) terms; the k-th shared term
    comes at most that many places from the end of either key, so it lies within the first
    len(terms) - shared_at_least + k of both."""
    at_least = math.ceil(SAME_TERMS * len(terms) / 100)
    length = len(terms) - at_least + shared + NEAR_SPELLINGS
    return sorted(terms, key=block_order)[:length]


def _pairs(terms: list[str]) -> set[str]:
    """Each pair of terms once, in alphabetical order (as `ClaimKey.terms` is sorted)."""
    ordered = sorted(terms)
    return {f"{a}|{b}" for i, a in enumerate(ordered) for b in ordered[i + 1 :]}


def lemma(word: str) -> str:
    """A light, deterministic stem that folds a word's forms together: irregular forms first,
    then -ies/-ied/-ing/-ed/-es/-s, then a final e and a doubled consonant ("provided",
    "provides" and "provide" all give "provid"; "shipped" gives "ship")."""
    word = word.lower().replace("’", "'")
    word = _IRREGULAR.get(word, word)
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


_FOLDED = {lemma(word): meaning for word, meaning in _SYNONYMS.items()}


def term(word: str) -> str:
    base = lemma(word)
    return _FOLDED.get(base, base)


# Propositions looked up by first letter before the name table compiles its pattern: about
# where the scan's cost passes the compile's, at 6,000 and at 66,000 names alike.
SCAN_BEFORE_PATTERN = 500
_WORDISH = re.compile(r"[\w-]")
_NAME_STARTS = re.compile(r"(?<![\w-])")
_THE = re.compile(r"the\s+")


class NameTable:
    """Surface names (any case) to canonical actor names, longest name first in the text.

    Matched as one regular expression of every name would match them (a name not inside a
    word, after an optional "the"). A few propositions (one article's) are looked up by first
    letter: compiling a pattern of every actor alias costs 0.2 s at 6,000 names and 1.4 s at
    66,000, on every ingest. Past SCAN_BEFORE_PATTERN propositions (a corpus, a regroup) the
    scan, which tries every name of a letter at every word, costs more than the pattern: a
    trie-shaped one is compiled then and used for the rest (0.4 s against 11 s for 29,620 real
    propositions at 6,000 names; the same matches)."""

    def __init__(self, names: Mapping[str, str]) -> None:
        # A function word is never a name, whatever an extraction error stored as an alias: an
        # actor "Not" ("Not all attendees agreed") would take the negation out of every key,
        # and "The" or "it" would name an actor in most propositions.
        self.canonical = {
            name.casefold(): actor
            for name, actor in names.items()
            if name.strip() and not only_function_words(name)
        }
        self._by_start: dict[str, list[tuple[str, str]]] = {}
        for name in sorted(self.canonical, key=len, reverse=True):
            low = name.lower()
            self._by_start.setdefault(low[:1], []).append((low, name))
        self._pattern: re.Pattern[str] | None = None
        self._scanned = 0

    @property
    def pattern(self) -> re.Pattern[str]:
        """The same table as one expression: for many propositions, and for text whose lower
        case changes its length."""
        if self._pattern is None:
            body = _trie_pattern(self.canonical) or r"(?!x)x"
            self._pattern = re.compile(rf"(?<![\w-])(?:the\s+)?({body})(?![\w-])", re.I)
        return self._pattern

    def replace(self, text: str) -> tuple[str, list[str]]:
        """The text with each name replaced by a marker, and the actors in order of appearance."""
        actors: list[str] = []
        lowered = text.lower()
        self._scanned += 1
        # "İ" lowers to two characters: the scan's offsets would drift.
        if self._scanned > SCAN_BEFORE_PATTERN or len(lowered) != len(text):
            return self._replace_by_pattern(text)
        parts: list[str] = []
        last = 0
        for start in _NAME_STARTS.finditer(text):
            at = start.start()
            if at < last or at == len(text):
                continue
            found = self._match_at(text, lowered, at)
            if found is None:
                continue
            end, name = found
            actor = self.canonical[name]
            if actor not in actors:
                actors.append(actor)
            parts += (text[last:at], " ")
            last = end
        parts.append(text[last:])
        return "".join(parts), actors

    def _match_at(self, text: str, lowered: str, at: int) -> tuple[int, str] | None:
        the = _THE.match(lowered, at)
        for begin in (the.end(), at) if the else (at,):
            for low, name in self._by_start.get(lowered[begin : begin + 1], ()):
                if lowered.startswith(low, begin):
                    end = begin + len(low)
                    if end == len(text) or not _WORDISH.match(text, end):
                        return end, name
        return None

    def _replace_by_pattern(self, text: str) -> tuple[str, list[str]]:
        actors: list[str] = []

        def mark(match: re.Match[str]) -> str:
            actor = self.canonical[match.group(1).casefold()]
            if actor not in actors:
                actors.append(actor)
            return " "

        return self.pattern.sub(mark, text), actors


_FUNCTION_WORDS = _STOP | _NEGATIONS


def only_function_words(name: str) -> bool:
    """Whether every word of a name is a function word or a negation ("Not", "The", "It's").

    Asked of every alias whenever a names table is built (each ingest links): almost every
    name is refused on its first word, without reading the rest."""
    text = name.replace("’", "'")
    first = _WORD.search(text)
    if first is not None and first.group().lower() not in _FUNCTION_WORDS:
        return False
    return all(w.lower() in _FUNCTION_WORDS for w in _WORD.findall(text))


_Trie = dict[str, "_Trie"]  # a character to the rest of the names; "" marks a name's end


def _trie_pattern(names: Iterable[str]) -> str:
    """One regular expression for many names, shaped as a trie of their characters.

    A plain alternation of thousands of actor aliases makes the engine try every name at every
    position of every proposition (half a millisecond a statement, most of an ingest's
    linking). In the trie each position follows only the branches its text starts, and a
    longer name is tried before a shorter one it extends, so the match is the same as the
    longest-first alternation it replaces.
    """
    root: _Trie = {}
    for name in names:
        node = root
        for character in name:
            node = node.setdefault(character, {})
        node[""] = {}  # a name ends here

    def pattern(node: _Trie) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")  # after every longer branch: the longest name wins
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return pattern(root) if root else ""


def claim_key(proposition: str, names: NameTable) -> ClaimKey:
    """Reduce a proposition to what claims are matched on."""
    rest, actors = names.replace(proposition)
    negated = False
    terms: set[str] = set()
    numbers: set[str] = set()
    words = _WORD.findall(rest.replace("n't", " n't"))
    for position, word in enumerate(words):
        lower = word.lower()
        if lower in _NEGATIONS or lower == "n't":
            negated = not negated
        elif word[0].isdigit():
            numbers.add(_number(word, words[position + 1 : position + 2]))
        elif lower in _SCALE and position and words[position - 1][0].isdigit():
            continue  # "3 million": read with its number
        elif lower not in _STOP and len(lower) > 1:
            terms.add(term(lower))
    return ClaimKey(tuple(actors), negated, tuple(sorted(terms)), tuple(sorted(numbers)))


def _number(word: str, following: list[str]) -> str:
    """ "3 million", "3,000,000" and "3000000" are one number."""
    digits = word.rstrip(".,").replace(",", "")
    scale = _SCALE.get(following[0].lower()) if following else None
    if scale is None:
        return digits
    try:
        return str(int(float(digits) * scale))
    except ValueError:
        return digits


def _shared(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Matched terms over all terms, in percent; a term matches its equal or a near spelling.

    Where even matching every long leftover term could not reach SAME_TERMS, that ceiling is
    returned without the fuzzy comparisons: linking decides tens of candidates a statement,
    most far apart, and the pairwise spelling check was most of its time.
    """
    left, right = set(a), set(b)
    matched = left & right
    # Each near spelling matches one long term of each side and takes one term off the union.
    longest = min(
        sum(len(t) >= 6 for t in left - matched), sum(len(t) >= 6 for t in right - matched)
    )
    union = len(left | right) - longest
    ceiling = 100.0 * (len(matched) + longest) / union if union else 0.0
    if ceiling < SAME_TERMS:
        return ceiling
    for term_a in sorted(left - matched):
        for term_b in sorted(right - matched):
            if min(len(term_a), len(term_b)) >= 6 and fuzz.ratio(term_a, term_b) >= SAME_WORD:
                matched.add(term_a)
                right.discard(term_b)
                right.add(term_a)
                break
    union = left | right
    return 100.0 * len(matched) / len(union) if union else 0.0


@dataclass(frozen=True)
class Decision:
    same: bool
    score: float
    reason: str


def _ordered_subset(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    positions = [long.index(actor) for actor in short if actor in long]
    return len(positions) == len(short) and positions == sorted(positions)


def same_claim(a: ClaimKey, b: ClaimKey) -> Decision:
    """Whether two keys state one claim, with the score and the reason either way."""
    if a.negated != b.negated:
        return Decision(False, 0.0, "one is negated")
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return Decision(False, 0.0, "different numbers or dates")
    short, long = (a.actors, b.actors) if len(a.actors) <= len(b.actors) else (b.actors, a.actors)
    if not _ordered_subset(short, long):
        same_set = set(a.actors) == set(b.actors)
        return Decision(False, 0.0, "swapped roles" if same_set else "different actors")
    if not a.terms or not b.terms:
        return Decision(False, 0.0, "nothing to compare beyond the actors")
    for pair in OPPOSITES:
        if (
            pair & set(a.terms)
            and pair & set(b.terms)
            and pair & set(a.terms) != pair & set(b.terms)
        ):
            return Decision(False, 0.0, "opposite acts")
    score = _shared(a.terms, b.terms)
    if score >= SAME_TERMS:
        return Decision(True, score, "same actors and terms")
    return Decision(False, score, "different terms")


# Seats of government stand for their country in a claim as capitals do ("the Kremlin denied").
SEATS_OF_GOVERNMENT = {
    "Kremlin": "Russia",
    "White House": "United States",
    "Downing Street": "United Kingdom",
    "Elysee": "France",
    "Élysée": "France",
    "Blue House": "South Korea",
    "Zhongnanhai": "China",
}


def name_table(
    places: Mapping[str, tuple[str, str]], aliases: Iterable[tuple[str, str]]
) -> NameTable:
    """The lexicon's places (countries, their aliases, capitals; not demonyms, which are
    adjectives), seats of government, and the database's actor aliases, as one table."""
    names = {name: country for name, (country, how) in places.items() if how != "demonym"}
    names.update(SEATS_OF_GOVERNMENT)
    for alias, actor in aliases:
        names.setdefault(alias, actor)
    return NameTable(names)
