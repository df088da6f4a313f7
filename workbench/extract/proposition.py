"""Propositions: the content rewritten as a checkable sentence where that is mechanical.

Reviewers rate propositions, not fragments: "of providing arms to Russia" after "accused North
Korea" becomes "North Korea provided arms to Russia"; a leading pronoun that points at the
speaker is replaced by the actor's name; quotes and "that" are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbench.extract.frames import DEMANDING, bare_noun, drop_time_tail, warned_against
from workbench.extract.lexicon import active_lexicon
from workbench.extract.words import lazy_compile


def _irregular_past() -> dict[str, str]:
    """Irregular past tenses ("sell" -> "sold"): [irregular_past] in lexicons/verbs.toml."""
    return active_lexicon().irregular_past


# "a trade group's claim that S", "the allegation that S": the checkable part is S.
_CLAIM_THAT = lazy_compile(
    r"^(?:(?:the|a|an|this|his|her|their|its|our)\s+|[\w’'. -]{1,40}?[’']s?\s+"
    r"|(?=(?:reports|claims|allegations|suggestions|rumou?rs|accusations)\s)"
    # "Western accusations that S", "US claims that S": a modifier and no determiner; "claims"
    # and "reports" are verbs after a name ("Bloomberg reports that"), so only after "US", "UN"
    r"|(?:[A-Z][\w.’'-]*\s+){1,2}(?=(?:allegations?|accusations?)\s)"
    r"|(?:[A-Z]{2,}|[A-Z]\.[A-Z]\.)\s+(?=(?:claims|charges|reports)\s))"
    r"(?:\w+\s+)?"
    r"(?:claims?|allegations?|assertions?|suggestions?|reports?|accusations?|charges?|contention"
    r"|argument|notion|idea|theory|rumou?rs?|statements?|figures?|forecasts?|predictions?)"
    # "claims circulating on social media that S": a few words that are no verb of their own
    r"(?:\s+(?!(?:that|is|are|was|were|has|have|had|said|says|and|but|show|shows|showed|shown"
    # "the figures showed that S": evidence cited, the claim is about the figures (round 17)
    r"|suggest|suggests|suggested|prove|proves|proved|confirm|confirms|confirmed|reveal|reveals"
    r"|revealed|indicate|indicates|indicated|find|finds|found)\b)[\w-]+){0,5}?"
    r"\s+that\s+(\S.*)$",
    re.DOTALL,
)
_QUOTES = "“”\"'‘’`"
_ACCUSED_OF = lazy_compile(
    r"^(.+?)\s+(?:of|with)\s+[“\"]?(\w+ing)\b(.*)$", re.DOTALL
)  # charged with
_OBJECT_OF = lazy_compile(r"^(.+?)\s+(?:of|for)\s+(\S.*)$", re.DOTALL)  # "X of arms shipments"
_BLAMED_FOR = lazy_compile(r"^(.+?)\s+for\s+(\S.*)$", re.DOTALL)
# "urged older people to get vaccinated": object, then the infinitive it should carry out.
_URGED_TO = lazy_compile(
    r"^(?!(?:that|of|about|against|whether|if|on|for|how|what|why)\b)"
    r"(?!(?:a|an)\s)([^,;:“”\"]{1,60}?)\s+to\s+"
    r"(?!(?:the|a|an|his|her|their|its|this|that|these|those)\b|[a-z]+(?<![su])s\b)"
    r"([a-z]\w*\b.*)$",
    re.DOTALL,
)
_OBJECT_CONTROL = frozenset(
    {
        *("urge", "call on", "warn", "ask", "advise", "encourage", "instruct", "implore"),
        *("exhort", "caution", "remind", "request", "press"),
    }
)
_EXPECTING = frozenset({"expect", "predict", "forecast"})
# Verbs that take "to" themselves: "Immigration continues to rise" is no object + infinitive.
_TO_VERBS = frozenset(
    [
        "continue",
        "continues",
        "continued",
        "seem",
        "seems",
        "seemed",
        "appear",
        "appears",
        "appeared",
        "begin",
        "begins",
        "began",
        "start",
        "starts",
        "started",
        "tend",
        "tends",
        "tended",
        "plan",
        "plans",
        "planned",
        "want",
        "wants",
        "wanted",
        "need",
        "needs",
        "needed",
        "hope",
        "hopes",
        "hoped",
        "try",
        "tries",
        "tried",
        "fail",
        "fails",
        "failed",
        "refuse",
        "refuses",
        "refused",
        "agree",
        "agrees",
        "agreed",
        "decide",
        "decides",
        "decided",
        "promise",
        "promises",
        "promised",
        "threaten",
        "threatens",
        "threatened",
        "aim",
        "aims",
        "aimed",
        "intend",
        "intends",
        "intended",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "used",
    ]
)
# "the (strategic) importance of X": X is (strategically) important.
_IMPORTANCE = lazy_compile(
    r"^the\s+(strategic\s+|vital\s+|great\s+|critical\s+|economic\s+|political\s+)?"
    r"(importance|significance|necessity|urgency|need\s+for)\s+(?:of\s+)?(\S.*?)[.]?$",
    re.IGNORECASE | re.DOTALL,
)
_LIST_MARK = lazy_compile(r"[:;“”\"]")
_FRAME = lazy_compile(r",\s+(?:as|which|who|saying|while|after|because|since|when)\b")
_PREPOSITION = lazy_compile(r"\s+(?:of|to|with|for|in|on|between|from|by|against|among)\s+")
_WEIGHT = {
    "importance": "important",
    "significance": "significant",
    "necessity": "necessary",
    "urgency": "urgent",
    "need for": "needed",
}
_ADVERB = {
    "strategic": "strategically ",
    "vital": "vitally ",
    "great": "very ",
    "critical": "critically ",
    "economic": "economically ",
    "political": "politically ",
}
_GERUND_VERBS = frozenset({"deny", "admit", "acknowledge", "reject"})
# "selling users' data"; rule deny-counts: "four counts of breaching safety rules" (round 17)
_GERUND = lazy_compile(
    r"^(?:(?:\w+\s+)?(?:counts?|charges?)\s+of\s+)?([a-z]+ing)\b(\s+\S.*|)$", re.DOTALL
)
_NOT_GERUNDS = frozenset(
    {
        *("nothing", "anything", "something", "everything", "morning", "evening", "building"),
        *("funding", "spending", "meeting", "ruling", "finding", "findings", "wrongdoing"),
        *("hearing", "training", "king", "thing", "ring", "spring", "during", "sibling"),
        *("being", "having", "rating", "reporting", "timing", "warning", "wording", "bombing"),
    }
)
_LEAD_PRONOUN = lazy_compile(r"^(?:he|she|it)\b(?=\s)", re.IGNORECASE)
# "It was time to …", "it is necessary that …": an empty "it", not the speaker.
_EXPLETIVE_IT = lazy_compile(
    r"^it\s+(?:is|was|would\s+be|will\s+be|has\s+been|had\s+been)\s+"
    # not a body's own state or deed: "it was ready to send", "it was sending tents for"
    r"(?!(?:not\s+)?(?:ready|willing|prepared|able|unable|determined|committed|eager|keen"
    r"|happy|pleased|proud|obliged|forced|entitled|working|planning|seeking|trying|looking"
    r"|asking|calling|sending|preparing|considering|reviewing|waiting|open)\b)"
    r"(?:[\w-]+\s+){0,3}?(?:to|that|whether|for)\b",
    re.IGNORECASE,
)
# "Its frozen meals had caused …", "His team deserved …": the owner is the speaker.
_LEAD_POSSESSIVE = lazy_compile(r"^(?:his|her|its)\b(?=\s)", re.IGNORECASE)
_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "I"}
_PLURAL_SUBJECTS = frozenset({"they", "we", "you"})
# "questioned whether the port had …": what is put in doubt is the clause itself.
_WHETHER = lazy_compile(r"^(?:whether|if)\s+(?:or\s+not\s+)?(\S.*?)(?:,?\s+or\s+not)?$", re.DOTALL)
_WH_AUX = lazy_compile(
    r"^(why|how|when|where)\s+([^,;]{1,50}?)\s+(had|has|have|was|were|is|are|would|could|will"
    r"|can|should|did|does|do|might|must)\s+(\S.*)$",
    re.DOTALL,
)
# "calling it a fabrication", "labelled the report a hoax": the object is what is named.
_NAMING = frozenset({"call", "label", "brand", "dub", "describe", "characterize", "term"})
_NAMED_AS = lazy_compile(
    r"^((?:it|this|that|these|those|them|him|her"
    r"|(?:the|his|her|their|its)\s+\w+(?:\s+(?!(?:a|an|the|as)\b)\w+)?))"
    r"\s+(?:as\s+)?"
    r"((?:a|an|the|“|\"|'')\s?\S.*|[\w-]+\s*)$",
    re.IGNORECASE | re.DOTALL,
)
# "That is not what happened": a demonstrative subject, not the complementiser "that".
_DEMONSTRATIVE = lazy_compile(
    r"^that\s+(?:is|was|'s|’s|has|had|will|would|could|can|should|may|might|must|does|did"
    r"|seems|seemed|makes|made|means|meant|remains|isn’t|wasn’t|isn't|wasn't)\b",
    re.IGNORECASE,
)
_VERB_IN = lazy_compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do)\b")


# Verbs whose "to" clause is a deed the speaker commits to (or, negated or refused, denies).
_COMMISSIVE = frozenset(
    {
        *("promise", "pledge", "vow", "threaten", "plan", "intend", "agree", "refuse"),
        *("decline", "commit", "undertake", "expect", "aim", "offer", "decide", "resolve"),
    }
)
_INFINITIVE = lazy_compile(r"^to\s+([a-z]+)\b(\s+\S.*|)$", re.DOTALL | re.IGNORECASE)
# "declined to say whether …": a non-answer, not a deed.
_NON_ANSWERS = frozenset(
    {
        *("say", "comment", "discuss", "reveal", "disclose", "confirm", "specify", "elaborate"),
        *("answer", "respond", "name", "identify", "provide", "give", "detail", "speculate"),
    }
)
_NOT_VERBS = frozenset({"the", "a", "an", "be", "his", "her", "its", "their", "this", "that"})
_PLEA = lazy_compile(
    r"^(?:not\s+)?guilty\s+(?:on\s+\w+\s+)?to\s+(?:(?:\w+\s+)?(?:counts?|charges?)\s+of\s+)?"
    r"([a-z]+ing)\b(\s+\S.*|)$",
    re.DOTALL,
)


def past_of(ing: str) -> str:
    """Past tense of an -ing form ("providing" -> "provided"), by rule plus a small table."""
    stem = ing[:-3]
    irregular = _irregular_past()
    if stem in irregular:
        return irregular[stem]
    if stem + "e" in irregular:
        return irregular[stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in irregular:
        return irregular[stem[:-1]]  # "running" -> "ran", "cutting" -> "cut"
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        return stem[:-1] + "ied"  # "supplying" -> "supplied"
    if stem.endswith("e"):
        return stem + "d"  # "agreeing" -> "agreed", "guaranteeing" -> "guaranteed"
    return stem + "ed"  # "providing" -> "provided", "shipping" -> "shipped"


def is_expletive(text: str) -> bool:
    """ "It was time to …", "it is likely that …": an empty "it", nobody's name."""
    return bool(_EXPLETIVE_IT.match(text))


def past_of_base(verb: str) -> str:
    """Past tense of a base form ("approve" -> "approved", "meet" -> "met")."""
    if (past := _irregular_past().get(verb)) is not None:
        return past
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def clean(content: str) -> str:
    """Strip quotes, a leading "that", spacing; capitalise and end with a full stop."""
    text = " ".join(content.split()).strip(" ,;:" + _QUOTES)
    text = text.replace("“", "").replace("”", "").replace('"', "")  # faster than translate
    if text[:5].lower() == "that " and not _DEMONSTRATIVE.match(text):
        text = text[5:].strip()
    if text[:4] in ("And ", "But ", "and ", "but ", "Yet ") and len(text) > 12:
        text = text[4:].lstrip(" ,")  # "But the council has not …" claims that it has not
    if " and that " in text:  # "said A and that B": the claim is "A and B"
        text = text.replace(", and that ", ", and ").replace(" and that ", " and ")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?":
        text += "."
    return text


def _subject(phrase: str) -> str:
    """An object turned into a subject: "them" -> "they"; other phrases unchanged."""
    return _SUBJECT_FORM.get(phrase.lower(), phrase)


def _be(subject: str) -> str:
    """ "is" or "are" for a subject: plural pronouns and lower-case plural nouns take "are"."""
    last = subject.split()[-1]
    if subject.lower() in _PLURAL_SUBJECTS:
        return "are"
    plural = last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return "are" if plural else "is"


def _responsible(subject: str, deed: str) -> str:
    """ "accused X of arms shipments" / "blamed X for the delays": X is responsible for it."""
    subject = _subject(subject)
    return f"{subject} {_be(subject)} responsible for {deed}"


def build(content: str, lemma: str, actor: str, kind: str | None = None) -> str:
    """The checkable proposition for a statement.

    ``kind`` is the actor's kind, when known: a leading "he"/"she" is then replaced only by a
    person's name and a leading "it" only by anything else's ("Putin said it was time").
    """
    body = content.strip()
    quoted = body[:1] in _QUOTES  # a direct quote keeps the speaker's own pronouns
    from_object = False  # the proposition's subject is the cue's object, not the speaker
    if lemma in ("accuse", "charge"):  # "charged Hart last month with breaching …" (round 17)
        match = _ACCUSED_OF.match(body)
        noun = None if match or lemma == "charge" else _OBJECT_OF.match(body)
        accused = drop_time_tail(match.group(1)) if match else ""
        if match and (lemma == "accuse" or not _VERB_IN.search(accused)):
            accused = _subject(accused)
            body = f"{accused} {past_of(match.group(2))}{match.group(3)}"
            from_object = True
        elif noun and not _VERB_IN.search(noun.group(1)):
            body = _responsible(noun.group(1), noun.group(2))
            from_object = True
    elif lemma == "blame":
        match = _BLAMED_FOR.match(body)
        if match and not _VERB_IN.search(match.group(1)):
            body = _responsible(match.group(1), match.group(2))
            from_object = True
    elif lemma in _OBJECT_CONTROL and (match := _URGED_TO.match(body)):
        if not _VERB_IN.search(match.group(1)):
            body = f"{_subject(match.group(1))} should {match.group(2)}"
            from_object = True
    elif (
        lemma in _EXPECTING
        and (expected := _URGED_TO.match(body))
        and not _VERB_IN.search(expected.group(1))
        and expected.group(1).rsplit(None, 1)[-1] not in _TO_VERBS  # "… continues to rise"
        and " expected " not in body  # a passive's content holds its own cue
    ):  # rule expects-to: "expects most to be reconnected" -> "Most will be reconnected"
        body = f"{_subject(expected.group(1))} will {expected.group(2)}"
        from_object = True
    elif lemma == "warn" and (against := warned_against(body)) and not _VERB_IN.search(body):
        body, from_object = f"{_subject(against[0])} should avoid {against[1]}", True
    elif lemma in _NAMING and (named := _NAMED_AS.match(body)):
        subject = _subject(named.group(1))  # rule naming: "calling it a fabrication"
        body = f"{subject} {_be(subject)} {named.group(2)}"
        from_object = True
    elif lemma in _GERUND_VERBS and actor and (gerund := _GERUND.match(body)):
        # "denied selling users' data" -> "Chirply sold users' data" (what is denied is a deed)
        if gerund.group(1).lower() not in _NOT_GERUNDS:
            body = f"{actor} {past_of(gerund.group(1).lower())}{gerund.group(2)}"
            from_object = True
    elif actor and body[:3].lower() == "to " and (will := _INFINITIVE.match(body)):
        # rule will-do: "vowed to rebuild the bridge" -> "The mayor will rebuild the bridge."
        verb = will.group(1).lower()
        if lemma in _COMMISSIVE and verb not in _NOT_VERBS and verb not in _NON_ANSWERS:
            body = f"{actor} will {will.group(1)}{will.group(2)}"
            from_object = True
    elif actor and lemma == "plead" and (plea := _PLEA.match(body)):
        # rule plea: "pleaded not guilty to selling fake insulin" -> "Oyelaran sold fake insulin."
        body = f"{actor} {past_of(plea.group(1).lower())}{plea.group(2)}"
        from_object = True
    elif lemma in DEMANDING and bare_noun(body):
        body, from_object = f"there should be {body}", True  # rule demand-noun (frames.py)
    elif lemma == "warn against":
        body = f"{body} should be avoided"
    elif lemma == "warn of" and body[:5].lower() != "that ":
        body = f"there is a risk of {body}"
    weight = _IMPORTANCE.match(body) if body[:4].lower() == "the " else None
    thing = _FRAME.split(weight.group(3), 1)[0] if weight else ""
    if weight and not from_object and len(thing.split()) <= 14 and not _LIST_MARK.search(thing):
        # "emphasized the importance of adherence to sanctions" -> "Adherence … is important."
        adverb = _ADVERB.get((weight.group(1) or "").strip().lower(), "")
        head = _PREPOSITION.split(thing, 1)[0] or thing  # "adherence to sanctions": adherence
        be = "are" if " and " in head else _be(head)
        body = f"{thing} {be} {adverb}{_WEIGHT[weight.group(2).lower()]}"
        from_object = True
    if not from_object:
        body = _unwrap(body)
    text = clean(body)
    if actor and not from_object and not quoted:
        pronoun = _LEAD_PRONOUN.match(text) if text[:1] in "HhSsIi" else None
        if pronoun and text[:3].lower() == "it " and _EXPLETIVE_IT.match(text):
            pronoun = None
        if pronoun and (kind is None or (pronoun.group().lower() == "it") != (kind == "person")):
            text = actor + text[pronoun.end() :]
        elif (
            kind is not None
            and text[:1] in "HhIi"
            and (owner := _LEAD_POSSESSIVE.match(text))
            and (owner.group().lower() == "its") != (kind == "person")
        ):
            text = possessive(actor) + text[owner.end() :]
        else:
            text = name_its(text, actor, kind, bare=body[:1].islower())
    return text


# A plural subject before its verb: "More than 80,000 names had been …", "The findings confirmed".
_PLURAL_SUBJECT = lazy_compile(
    r"^(?:[\w,’'-]+\s+){0,5}?[a-z]{3,}[^s\W]s\s+(?:had|have|were|are|would|will|could|did"
    r"|[a-z]+ed)\b"
)
_ITS = lazy_compile(r"\bits\b")
# Words before "its" that could own it: a determiner opens a noun phrase ("the company", "an
# upstream country"), a relative or a pronoun points at one ("which", "it").
_OWNER_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "it",
        "each",
        "every",
        "one",
        "its",
    ]
)


def _no_owner(text: str) -> bool:
    """Rule bare-its: before "its" stands only a bare common noun phrase ("inflation was moving
    back towards its target", "clean water was its biggest worry"): nothing there can own it."""
    words = text[: text.index(" its ")].split()
    if any(word.lower().strip(",") in _OWNER_WORDS for word in words):
        return False
    return all(word[:1].islower() for word in words[1:])


def name_its(text: str, actor: str, kind: str | None, bare: bool = False) -> str:
    """Rule owner-its: "its" inside a proposition whose subject is plural cannot point at that
    subject, so it is the speaking body's ("names had been deleted in its strongholds" ->
    "… in the party's strongholds"); a person's "his"/"her" stays (too often the subject's).
    ``bare`` says the content began with a lower-case word (no name): see ``_no_owner``."""
    if not actor or kind in (None, "person") or " its " not in text or text.startswith(actor):
        return text
    if not _PLURAL_SUBJECT.match(text) and not (bare and _no_owner(text)):
        return text
    owner = possessive("the " + actor[4:] if actor.startswith("The ") else actor)
    return _ITS.sub(owner, text)


def possessive(name: str) -> str:
    """ "Harbor Foods" -> "Harbor Foods'", "Tomas Ortega" -> "Tomas Ortega's"."""
    return name + ("'" if name.endswith("s") else "'s")


def _unwrap(body: str) -> str:
    """The clause inside "a group's claim that S", "whether S" or "why S" (as a question).

    Plain string tests first: most contents are none of these, and skip the regexes.
    """
    first = body[:8].lower()
    if first.startswith(("whether", "if ")):
        whether = _WHETHER.match(body)
        if whether:
            return whether.group(1)
    elif first.startswith(("why ", "how ", "when ", "where ")):
        wh = _WH_AUX.match(body)
        if wh and not _VERB_IN.search(wh.group(2)):
            rest = wh.group(4).rstrip(" .?")
            return f"{wh.group(1)} {wh.group(3)} {wh.group(2)} {rest}?"
    elif " that " in body[:80]:
        claim = _CLAIM_THAT.match(body)
        if claim:
            return claim.group(1)
    return body


_LEAD_NAME = lazy_compile(r"^([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=(?:'s|’s)?\s+[a-z])")


def full_name(proposition: str, people: Callable[[str], str | None]) -> str:
    """ "Hale had forged the minutes" -> "Martin Hale had forged …": a leading family name of a
    person named in full earlier is written in full (``people`` gives a short name's full
    name)."""
    lead = _LEAD_NAME.match(proposition) if proposition[:1].isupper() else None
    if lead is None:
        return proposition
    full = people(lead.group(1))
    if full is None or not full.endswith(" " + lead.group(1)):
        return proposition
    return full + proposition[lead.end() :]


def they_subject(proposition: str, written: str) -> str:
    """ "They were asking platforms …" said by "Officials at the health ministry": the leading
    "they" is the plural speaker as written (at most six words, no comma)."""
    if proposition[:5] != "They " or "," in written or len(written.split()) > 6:
        return proposition
    return written[:1].upper() + written[1:] + proposition[4:]
