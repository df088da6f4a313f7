"""Cue detection: the reporting verb (with its auxiliaries) or phrase that signals attribution.

One pass over the text looks every word up among the inflected cue forms, then cheap
context checks drop nouns ("the claims"), infinitives ("refused to say") and capitalised
titles ("The Morning Show"). The span includes auxiliaries and negation ("did not deny"),
as PolNeAR annotates them, and negation feeds the stance.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from workbench.extract.auxiliaries import NEGATION, PASSIVE_BE, aux_length
from workbench.extract.headlines import is_headline
from workbench.extract.lexicon import CueInfo, Lexicon
from workbench.extract.words import lazy_compile, word_set

NOUN_BEFORE = word_set(
    "the a an his her their its our my your this these those such any no new latest same "
    "many several two three own whose every each of"
)
_PRONOUN_SUBJ = frozenset({"he", "she", "they", "i", "we", "you", "who", "which", "that"})
# Adjectives that make the next cue word a noun ("the true decline", "a sharp rebuke").
# Only words that cannot stand as the subject or adverb of a verb ("first said", "an official
# said", "a Kenyan national said" stay verbs).
ADJECTIVE_BEFORE = word_set(
    "true real actual sharp steep slight modest recent initial formal firm strong full overall"
    " similar previous big minor main angry bitter fierce blunt stark vague terse"
    " sudden gradual widespread growing repeated renewed annual"
)
_COPULA_AFTER = frozenset({"is", "was", "are", "were"})
_COMPLEMENT = lazy_compile(
    r"\s*(?:,\s*)?(?:that\b|:|[“\"]|''|whether\b|how\b|why\b|what\b)|[\s.,!?”\"]*$"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
_OCCASION = (
    r"(?:interview|statement|email|e-mail|speech|tweet|post|letter|briefing|call|conference"
    r"|appearance|hearing|rally|event|broadcast|op-ed|video|message|memo|release|show|meeting)"
)
_CUE_TAIL = lazy_compile(
    r"(?:,?\s+(?:(?:(?:on|last|late|early)\s+)?" + _DAY + r"(?:\s+(?:morning|afternoon|evening"
    r"|night))?|(?:last|this)\s+(?:week|month|year|weekend)|then|later|earlier|again"
    r"|(?!(?:only|nearly|early|exactly|family|weekly|daily|likely|supply|rally|flatly|firmly"
    r"|publicly|privately|repeatedly|previously|reportedly|openly|strongly|vehemently"
    r"|explicitly|categorically|immediately)\b)[a-z]{2,}ly|recently"
    r"|(?:in|during|at|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?"
    + _OCCASION
    + r"(?:\s+(?:with|on|to)\s+(?:[A-Z][\w’'.-]*\s?){1,4})?))+"
    r"(?=\s*(?:[,.:;!?]|that\b|“|\"|$|(?:it|he|she|they|we|I)\s+[a-z]))"
)
_TIME_PIECE = lazy_compile(
    r",?\s+(?:(?:on|last|late|early)\s+)?"
    + _DAY
    + r"\b|,?\s+(?:last|this)\s+(?:week|month|year|weekend)\b"
)
# "declined to comment", "did not respond to requests for comment", "refused comment":
# a non-answer, not a denial of anything. Annotators still mark it as an attribution, so it
# stays one, but with rule "no-comment" and stance "asserts" (see ``no_comment_end``).
_NO_COMMENT_VERBS = word_set("decline refuse respond reply return")
# Verbs whose negation leaves a question unanswered rather than denying anything: "the board
# has never explained the gap", "did not disclose the figure".
_UNANSWERED = word_set("explain disclose reveal elaborate specify answer address clarify")
_NO_COMMENT = lazy_compile(
    r"\s+(?:(?:immediately|publicly|further)\s+)?(?:to\s+)?(?:(?:comment|be\s+interviewed)\b"
    # "declined to say how the attackers got in": a non-answer, whatever the question (after
    # "declined" only: "refused to say the words" takes a stand)
    r"|(?<=declined\sto\s)(?:say|disclose|reveal|elaborate|specify|discuss|confirm\s+or\s+deny)\b"
    r"|(?<=refused\sto\s)(?:disclose|elaborate|discuss|confirm\s+or\s+deny)\b"
    r"|(?:(?:a|an|the|his|her|their|several|repeated|multiple)\s+)?(?:requests?|calls?"
    r"|messages?|e-?mails?|inquiries|queries)\s+(?:\w+\s+)?(?:for|seeking)\s+comment\b)"
)
# What may follow a negated "comment" in a non-answer: "did not comment further", "has not
# commented publicly on the report". The pattern always matches (possibly empty).
_COMMENT_TAIL = lazy_compile(
    r"(?:\s+(?:further|immediately|publicly|directly|specifically|yet))?(?:\s+on\s+[^.;:,“”\"]{1,80})?"
)
_NUMBER = lazy_compile(r"\s+[$£€]?\d")
_PARTICLE = lazy_compile(r"\s+(?:about|with|against|as|off|upon)\b")
_ON_TOPIC = lazy_compile(
    r"\s+on\b(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_OF_TOPIC = lazy_compile(r"\s+of\b")
_FOR_TOPIC = lazy_compile(r"\s+for\b")
_TOPIC_PARTICLES = {
    "agree": _ON_TOPIC,
    "disagree": _ON_TOPIC,
    "insist": _ON_TOPIC,
    "weigh in": _ON_TOPIC,
    "push back": _ON_TOPIC,
    "ask": lazy_compile(
        r"\s+for\b(?!\s+(?:the\s+)?(?:first|second|third|last|years?|months?|weeks?|days?)\b)"
    ),
    "comment": _ON_TOPIC,
    "boast": _OF_TOPIC,
    "brag": _OF_TOPIC,
    "think": _OF_TOPIC,
    "accuse": _OF_TOPIC,
    "assure": _OF_TOPIC,
    "complain": _OF_TOPIC,
    "hope": _FOR_TOPIC,
    "argue": _FOR_TOPIC,
    "plead": _FOR_TOPIC,
    "express support": _FOR_TOPIC,
    "voice support": _FOR_TOPIC,
    "express sympathy": _FOR_TOPIC,
    "make the case": _FOR_TOPIC,
}
"""Particles PolNeAR train keeps in the cue for these verbs ("asked for" 8 of 8 in the gold
cue, "commented on" 3 of 3); time phrases ("asked for the first time") are not particles."""
_AS_VERBS = word_set(
    "characterize portray label brand view regard see dismiss reject criticize cite"
    " criticise depict paint hail praise condemn denounce"
)
_NEXT_WORD = lazy_compile(r"\s+(\w+)")
_AS_BEFORE = lazy_compile(r"\bas\s+(?:\S+\s+){1,4}$")
_BY = lazy_compile(r"\s+by\b")
_IT_BEFORE = lazy_compile(r"\b[Ii]t\s+$")
ACCORDING = lazy_compile(r"\b[Aa]ccording\s+to\b")
_INDEFINITE_NAMED = lazy_compile(r"\b(?:a|an|another|one)(?:\s+[a-z][\w-]*){0,2}$")
"""Before "called", an indefinite noun phrase ("a company", "one PAC") is named, not
reported on: 8 of 10 such train predictions were no gold cue."""
_SEE_AS = frozenset({"see", "view", "regard"})
_AS_LATER = lazy_compile(r"(?:\s+[^\s,.;:!?]+){0,6}?\s+as\b")
""""Voters see Clinton as electable": an "as" complement makes these verbs report an
attitude (train: 76 of 139 such uses are gold cues)."""
_OBJECT_START = word_set(
    "the a an his her their its our my your this that these those him them it me us whoever any"
    " either both"
)
"""Words that open the object of a bare "back" ("back the bill", "back him"); before other
words it is an adverb ("jumps back in", "dates back to", "is back"): train had 17 such false
cues against 1 true one."""
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "id", "ld", "ght", "nd", "ot")


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue found in a sentence (absolute offsets into the text)."""

    start: int  # first auxiliary, or the verb
    end: int
    verb_start: int
    form: str
    info: CueInfo
    negated: bool
    passive: bool
    # Where the cue's own span ends when its tail holds a time phrase ("said in a statement
    # Tuesday": PolNeAR leaves the day out of the cue), else -1; ``end`` still runs past the
    # whole tail, so that the content starts after it.
    span_end: int = -1


def scan_text(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Every cue-form occurrence in the text, found in one pass (before any filtering)."""
    return _scan(text, 0, len(text), lexicon)


def find_cues(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    hits: list[tuple[int, int, str]] | None = None,
) -> list[Cue]:
    """Reporting cues in ``text[start:end]``, left to right, filtered for verb use.

    ``hits`` are the sentence's entries from ``scan_text``, when the caller scanned once.
    """
    found: list[Cue] = []
    headline: bool | None = None  # computed only for a capitalised headline verb
    for verb_start, verb_end, surface in _scan(text, start, end, lexicon) if hits is None else hits:
        if surface in lexicon.headline_forms:
            if headline is None:
                headline = is_headline(text[start:end])
            if not headline:
                continue  # "Finds", "Questions": a headline's verb, elsewhere a name or noun
        form = surface.lower()
        info = lexicon.cues[surface]
        window = text[max(start, verb_start - 60) : verb_start]
        aux_len = aux_length(window)
        aux_text = window[len(window) - aux_len :] if aux_len else ""
        cue_start = verb_start - aux_len
        before = text[max(start, cue_start - 30) : cue_start].split()
        prev = before[-1].lower() if before else ""
        if prev in NOUN_BEFORE or prev.endswith(("’s", "'s", "s’", "s'")):
            continue  # "the claims", "Kim's warning", "in Democrats' favor": a noun
        if not aux_len and not _past_tense(form) and _modifier_before(before, lexicon):
            continue  # "Russian state television", "the true decline": an adjective's noun
        if not aux_len and _ends_with_to(window):
            continue  # "refused to say": the main verb is the cue (measured: better on dev)
        follows = _NEXT_WORD.match(text, verb_end, end)
        next_word = follows.group(1) if follows else ""
        clause_follows = next_word == "that" or (form.endswith("s") and next_word == "to")
        if (
            not aux_len
            and next_word in _COPULA_AFTER
            and not form.endswith(_PARTICIPLE_ENDINGS)
            and prev not in _PRONOUN_SUBJ
            and not _subject_before(before, lexicon)
        ):
            continue  # "the decline was less": a noun subject ("what he said is" is a verb)
        if info.lemma == "read" and next_word == "that":
            continue  # "I read that the council says …": the reader relays, the council reports
        if form == "thanks" and next_word == "to":
            continue  # "grew thanks to a big win": a preposition
        if form == "back" and not (next_word[:1].isupper() or next_word in _OBJECT_START):
            continue  # "went back to", "is back": an adverb
        if (
            form in lexicon.noun_like
            and not aux_len
            and not clause_follows
            and not _subject_before(before, lexicon)
        ):
            continue  # "U.S. support", "a think tank", "the presidential debates"
        if (
            form in lexicon.noun_first
            and not aux_len
            and next_word != "that"
            and prev not in _PRONOUN_SUBJ
        ):
            continue  # "the Paris attacks", "GOP rules", "Clinton's email server": nouns
        if prev.startswith("<") or text[verb_end : verb_end + 5] in (" tank", " tanks"):
            continue
        if text[verb_end : verb_end + 1] in "=-" or text[cue_start - 1 : cue_start] in "-=":
            continue  # markup and compounds: tweet-date=, so-called
        if prev in {"having", "(having"} or (form == "called" and prev.endswith(",")):
            continue  # "Having said that, …"; "The program, called EB-5, …" names, not reports
        if form == "called" and not aux_len and _INDEFINITE_NAMED.search(" ".join(before[-3:])):
            continue  # "a group called Black Votes Matter", "another called i360": a name
        passive = bool(aux_text and PASSIVE_BE.search(aux_text)) and form.split()[0].endswith(
            _PARTICIPLE_ENDINGS
        )
        if passive and not _passive_ok(text, cue_start, verb_end, end) and prev in _PRONOUN_SUBJ:
            continue  # "he was told": no content to attribute
        if (
            form.endswith("ing")
            and not aux_text
            and next_word != "that"
            and not _ing_ok(before, lexicon)
        ):
            continue
        if (
            form.endswith("ing")
            and not aux_text
            and prev in _PREPOSITIONS
            and _NOUN_MODIFIED.match(next_word)
        ):
            continue  # "in exchange for planning approvals": a gerund modifying a noun
        if (
            info.needs_complement
            and not _has_complement(text, start, cue_start, verb_end, end)
            and not (
                info.lemma in _SEE_AS
                and not PASSIVE_BE.search(aux_text)
                and _AS_LATER.match(text, verb_end, end)
            )
        ):
            continue
        particle = _PARTICLE.match(text, verb_end, end) if " " not in form else None
        topic = _TOPIC_PARTICLES.get(info.lemma)
        if particle is None and topic is not None:  # "asked for", "weighed in on"
            particle = topic.match(text, verb_end, end)
        if info.lemma == "compare" and particle and particle.group().endswith("with"):
            continue  # "compared with last year": a comparison, not a report
        if (
            particle
            and (not particle.group().endswith("as") or info.lemma in _AS_VERBS)
            and not (particle.group().endswith("about") and _NUMBER.match(text, particle.end()))
        ):  # but "said about 20,000 homes": an approximate number, not a topic
            verb_end = particle.end()  # "agreed with", "worried about", "described as"
        tail = _CUE_TAIL.match(text, verb_end, end)
        span_end = -1
        if tail and tail.end() > verb_end:
            time = _TIME_PIECE.search(text, verb_end, tail.end())
            if time is not None:
                span_end = time.start()  # "said Friday": the day is no part of the cue
            verb_end = tail.end()  # "said Friday", "said in an interview with CNN"
        negated = bool(aux_text and NEGATION.search(aux_text))
        cue = object.__new__(Cue)  # = Cue(...): a frozen __init__ costs twice as much
        for set_slot, value in zip(
            _CUE_SETTERS,
            (cue_start, verb_end, verb_start, form, info, negated, passive, span_end),
            strict=True,
        ):
            set_slot(cue, value)
        found.append(cue)
    return found


# Cue's slot setters, in field order (as model.make_statement does for statements).
_CUE_SETTERS = tuple(getattr(Cue, f.name).__set__ for f in fields(Cue))


def _scan(text: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Cue forms in the span: every cue head as a whole word, then its longest form.

    ``lexicon.cue_finder`` is one prefix-factored regex of all heads, compiled once: a flat
    alternation of a thousand forms is slow in ``re``, and so is compiling one per text. A
    head glued into a hyphenated word ("so-called") is found too and dropped by
    ``find_cues``.
    """
    hits: list[tuple[int, int, str]] = []
    heads = lexicon.cue_heads
    for word in lexicon.cue_finder.finditer(text, start, end):
        at, stop = word.span()
        for form, pattern in heads[word.group()]:
            if pattern is None:
                hits.append((at, stop, form))
                break
            longer = pattern.match(text, at, end)
            if longer:
                hits.append((at, longer.end(), form))
                break
    return hits


_SUBJECT_WORDS = word_set(
    "he she they it we i who which that you poll survey study report analysis data video "
    "footage record research review audit investigation evidence document letter memo "
    "transcript tally count census chart graph map slide model forecast estimate index "
    "photo image picture clip film statement book article ad website paper campaign"
)


def _ends_with_to(window: str) -> bool:
    """``re.search(r"\\bto\\s+$", window)`` without trying the regex at every position."""
    body = window.rstrip()
    if len(body) == len(window) or not body.endswith("to"):
        return False
    return len(body) == 2 or not (body[-3].isalnum() or body[-3] == "_")


def _past_tense(form: str) -> bool:
    """ "said", "told", "denied": a past-tense verb form is never a noun, so the word before
    it ("The firm said") is its subject, not an adjective."""
    head = form.split(" ", 1)[0]
    return head in ("said", "told") or (head.endswith("ed") and len(head) > 4)


def _modifier_before(before: list[str], lexicon: Lexicon) -> bool:
    """The word before is an adjective: a demonym ("Russian state") or a listed adjective."""
    if not before:
        return False
    word = before[-1]
    if word in ADJECTIVE_BEFORE:
        return True
    place = lexicon.places.get(word)
    return place is not None and place[1] == "demonym"


def _subject_before(before: list[str], lexicon: Lexicon) -> bool:
    """A noun-like form is a verb after a name, pronoun, plural noun or group word."""
    if not before:
        return False
    word = before[-1].rstrip(",")
    lower = word.lower()
    if lower in _SUBJECT_WORDS or lower in lexicon.groups:
        return True
    if word[:1].isupper():
        return True
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3


def _has_complement(text: str, start: int, cue_start: int, verb_end: int, end: int) -> bool:
    """ "maintained that …", "continued: “…”", or "“…,” she continued." at the end."""
    match = _COMPLEMENT.match(text, verb_end, end)
    if match is not None and match.group().strip(' ,.!?”"\n'):
        return True
    before = text[start:cue_start]
    if "”" in before or '"' in before or "''" in before:
        return True  # "“…,” she recalled of the trip."
    if text[verb_end : verb_end + 1] == "," and "," in before:
        return True  # "That is why, he added, the fees rose": a parenthetical report
    if _AS_BEFORE.search(before[-40:]):
        return True  # "as Ms. Roe observed, …"
    return match is not None and "," in before


def _passive_ok(text: str, cue_start: int, cue_end: int, end: int) -> bool:
    """Keep passives only when they name their source ("by X") or are impersonal ("It is…")."""
    if _BY.match(text, cue_end, end):
        return True
    return bool(_IT_BEFORE.search(text[max(0, cue_start - 4) : cue_start]))


_PREPOSITIONS = frozenset({"for", "of", "in", "on", "with", "without", "about", "from", "into"})
# A plural noun right after the gerund: "planning approvals", "campaigning skills" (not "his"),
# unless it is what a report is about: "sacked for denying claims that he had lied".
_NOUN_MODIFIED = lazy_compile(
    r"(?!(?:claims|allegations|accusations|reports|charges|rumou?rs|suggestions)$)"
    r"[a-z]{3,}(?<![iu]s)(?<!ss)s$"
)


def _ing_ok(before: list[str], lexicon: Lexicon) -> bool:
    """A bare -ing cue reports after a clause break, a preposition, or its own subject
    (", saying …", "by saying …", "footage of the mayor saying …", "experts offering …")."""
    if not before:
        return False
    word = before[-1]
    prev = word.lower()
    if word[:1].isupper() and not word.endswith(","):
        return len(before) > 1  # a name, not the first word of the sentence
    if prev in lexicon.groups or prev in {"now", "still", "also"} or prev.endswith("ly"):
        return True
    return prev.endswith((",", ",”", ',"', "—", "–")) or prev in {
        "after",
        "before",
        "while",
        "by",
        "and",
        "for",
        "from",
        "of",
        "without",
        "about",
        "when",
    }


def no_comment_end(text: str, cue: Cue) -> int:
    """Where "declined to comment" / "did not respond to requests for comment" ends, else 0."""
    if cue.negated and cue.info.lemma in _UNANSWERED:  # "has never explained the gap"
        return cue.end
    if cue.info.lemma == "comment" and cue.negated:  # "did not comment further"
        return _COMMENT_TAIL.match(text, cue.end).end()  # type: ignore[union-attr]
    if cue.info.lemma not in _NO_COMMENT_VERBS:
        return 0
    match = _NO_COMMENT.match(text, cue.verb_start + len(cue.form.split()[0]))
    return match.end() if match else 0


def find_according(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of "according to" in the sentence (its source follows it)."""
    return [(m.start(), m.end()) for m in ACCORDING.finditer(text, start, end)]
