"""Reporting frames left at the edge of a content, removed from the proposition (round 17).

Why: the content span sometimes starts before the reported clause ("said outside court that
S", "told us S", "dismissed claims he took … as “rubbish”", "The jury was told that S"), and the
frame words then open the proposition ("Outside court that his mother …", "Us the dressing room
…"), which is no checkable sentence. The content span is left as it is (its boundaries are the
span rules' business); only the proposition drops the frame. Each pattern is anchored at the
start, so a content costs one match attempt.
"""

from __future__ import annotations

import re

from workbench.extract.words import lazy_compile

# The first word of a clause's subject: what a complementiser "that" is followed by, and a
# relative "that" ("journalism that takes sides") is not.
_SUBJECT_START = (
    r"(?:he|she|it|they|we|I|you|there|the|a|an|his|her|its|their|our|my|this|these|those|no"
    r"|some|all|both|every|any|one|two|three|four|five|six|seven|eight|nine|ten|nobody|none"
    r"|[A-Z][\w’'-]*|[0-9][\w,.%]*)\b"
)
# rule adjunct-that: "outside court that S", "to the senator's office that S", "during the
# debate that S": a preposition and up to six words that are no claim noun and no verb.
_ADJUNCT_THAT = lazy_compile(
    r"^(?:(?i:in|on|at|outside|after|during|before|from|with|through|over|for|under|via|inside)"
    # "to" only before a hearer ("to the judge", "to me"), not an infinitive ("to address")
    r"|(?i:to)(?=\s+(?:the|a|an|his|her|their|its|our|my|me|us|him|them|[A-Z])\b))"
    r"\s+(?:(?!(?:accusations?|claims?|allegations?|reports?|suggestions?|assertions?|criticism"
    r"|charges?|questions?|rumou?rs?|fears?|hopes?|news|condition|understanding|assumption"
    r"|premise|grounds|basis|concerns?|comments?|case|belief|view|idea|notion|fact|emerged"
    r"|became|was|were|is|are|had|has|said|says|that)\b)[\w’'.-]+,?\s+){1,6}?that\s+"
    r"(?=" + _SUBJECT_START + r")"
)
# rule adverb-that: "said privately that S", "repeated only that S", "added, specifically, that S".
_ADVERB_THAT = lazy_compile(
    r"^(?i:[a-z]{2,}ly|only|separately),?\s+that\s+(?=" + _SUBJECT_START + r")"
)
# rule told-object: "told us the dressing room was …": the hearer, then a clause with a verb.
_TOLD_OBJECT = lazy_compile(
    r"^(?:me|us|him|her|them)\s+(?=" + _SUBJECT_START + r"[^.;:]*?\b(?:is|are|was|were|will"
    r"|would|had|has|have|could|can|should|did|does|do)\b)"
)
# rule told-hearer: "told jurors they must …", "told the court the defendant had …": a hearer
# (a lower-case plural, or a determiner and one or two words, no preposition or verb), then a
# clause whose subject is a pronoun or a determiner and which has a verb.
_NOT_IN_HEARER = (
    r"(?!(?:to|of|in|on|for|with|at|by|from|about|and|or|is|are|was|were|has|have|had)\b)"
)
_TOLD_HEARER = lazy_compile(
    r"^(?:(?:the|a|an|his|her|their|its|our|this)\s+"
    + _NOT_IN_HEARER
    + r"[a-z][\w’'-]*(?:\s+"
    + _NOT_IN_HEARER
    + r"[a-z][\w’'-]*)?|[a-z][a-z-]+s)\s+(?=(?:he|she|they|it|we|I|there|the|a|an|his|her"
    r"|their|its|our|this|these|those|no)\s[^.;:]*?\b(?:is|are|was|were|will|would|had|has"
    r"|have|could|can|should|must|did|does|do)\b)"
)
_HEARER_VERBS = frozenset({"tell", "assure", "reassure", "inform", "remind", "promise", "warn"})
# rule dismissed-claims: "dismissed claims he took a payment as “total rubbish”": the claim.
_DISMISSED = lazy_compile(
    r"^(?:the\s+|these\s+|those\s+)?(?:claims?|allegations?|suggestions?|reports?|accusations?"
    r"|rumou?rs?)\s+(?:that\s+)?(" + _SUBJECT_START + r"\s.+?)\s+as\s+[“\"‘']?[\w\s’'-]{1,40}?"
    r"[”\"’']?\s*$"
)
_DISMISSING = frozenset({"dismiss", "reject", "deny", "describe", "brand", "call", "label"})
# rule passive-frame: "The jury was told that S" as the content of a passive cue: S.
_THAT = lazy_compile(r"[\s,]*that\s+(?=" + _SUBJECT_START + r")")


_WHEN = (
    r"(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|(?:last|this|next)\s+(?:week|month|year|night"
    r"|weekend)|yesterday|today|earlier)"
)
# rule time-tail: "accused Tajikistan on Monday of …", "charged Hart last month with …"
_TIME_TAIL = lazy_compile(r"\s+" + _WHEN + r"$")
# rule lead-time: "said on Wednesday his government would …": the time, then a clause
_LEAD_TIME = lazy_compile(r"^" + _WHEN + r",?\s+(?=" + _SUBJECT_START + r"\s)")


# rule passive-accused: "Valdora was accused last year of hacking …": the accused is the subject
_PASSIVE_ACCUSED = lazy_compile(
    r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:accused|charged)\b.*$",
    re.DOTALL,
)


_WHEN_FIRST = frozenset({"on", "last", "this", "next", "yesterday", "today", "earlier"})


def drop_time_tail(phrase: str) -> str:
    """ "Tajikistan on Monday" -> "Tajikistan": when the deed was alleged is not the deed; and
    "Valdora was accused last year" -> "Valdora" (the passive's subject is the accused)."""
    if " " not in phrase:
        return phrase
    return _TIME_TAIL.sub("", _PASSIVE_ACCUSED.sub("", phrase, 1))


def drop_frames(said: str, lemma: str) -> str:
    """The reported clause of ``said`` without a frame at its start (see the module doc)."""
    head = said[:1]
    first = said[: said.find(" ")].lower()
    if first in _WHEN_FIRST and (when := _LEAD_TIME.match(said)):
        said, head = said[when.end() :], said[when.end() : when.end() + 1]
    if head in "iotfdbwuvIOTFDBWUV" and " that " in said[:90]:
        adjunct = _ADJUNCT_THAT.match(said)
        if adjunct:
            return said[adjunct.end() :]
    if " that " in said[:24] and (adverb := _ADVERB_THAT.match(said)):
        return said[adverb.end() :]
    if lemma in _HEARER_VERBS:
        told = _TOLD_OBJECT.match(said) if head in "mhut" else None
        if told or (told := _TOLD_HEARER.match(said)):  # rule told-object, told-hearer
            return said[told.end() :]
    if lemma in _DISMISSING and head in "tcasrTCASR":
        dismissed = _DISMISSED.match(said)
        if dismissed:
            return dismissed.group(1)
    return said


def after_passive_cue(text: str, cue_end: int, content_end: int) -> str | None:
    """ "The jury was told that S": the clause after a passive cue inside its own content."""
    that = _THAT.match(text, cue_end, content_end)
    return text[that.end() : content_end] if that else None


# rule demand-noun: "urged calm", "called for an inquiry": a demand for a state of affairs is
# the claim that it should be ("There should be calm."); an object and an infinitive ("urged
# voters to turn out") is proposition.py's urged-to.
DEMANDING = frozenset({"urge", "call for", "demand", "appeal for", "press for", "push for"})
_NOT_NOUN_STARTS = frozenset(
    {"that", "to", "for", "whether", "if", "him", "her", "them", "us", "me", "it", "he", "she"}
)
_VERBISH = lazy_compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|should|did|does|do|\w+ed"
    r"|\w+ing)\b|[:;“”\"]|\bto\s+(?!(?:the|a|an|his|her|their|its|this|these|those)\b)[a-z]"
)


def bare_noun(body: str) -> bool:
    """A short noun phrase with no verb ("calm", "a boycott of the speech"), not a clause, a
    person ("demanded Roffman") or an object with an infinitive ("the president to resign")."""
    words = body.split()
    if not 0 < len(words) <= 8 or not words[0][:1].islower():
        return False
    return words[0].strip(",.") not in _NOT_NOUN_STARTS and not _VERBISH.search(body)


# rule partial-quote: 'told reporters the figures were “accurate and audited”': the reported
# clause opens before the quote; the proposition is the clause with its quoted end, not the
# fragment ("Accurate and audited."). The clause starts at its subject, after the hearer.
_CLAUSE_HEAD = lazy_compile(
    r"[ \t]*(?:[\w’'.-]+[ \t]+){1,4}?((?:he|she|it|they|we|I|there|the|a|an|his|her|its|their"
    r"|our|this|these|those|no|some|all|both)\b[^\n:;“”\"]{0,120}?)[ \t]*$"
)
_CLAUSE_VERB = lazy_compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|should|shall|may|might"
    r"|must|did|does|do|\w+ed|\w+s)\b|[’']s\b|n[’']t\b|[’'](?:re|ve|ll|d|m)\b"
)
_GAP_LIMIT = 160  # characters between a cue and its quote that may hold the clause's head


def clause_before_quote(text: str, cue_end: int, quote_start: int) -> str | None:
    """The words between a cue and the quote that ends its clause, from the clause's subject
    ("he thought Fields had" in 'told reporters he thought Fields had “made up the story”'),
    or None: a colon ('told Fox News: “…”') or nothing but the hearer leaves the quote whole."""
    if not 0 < quote_start - cue_end <= _GAP_LIMIT:
        return None
    head = _CLAUSE_HEAD.match(text, cue_end, quote_start)
    if head is None or not _CLAUSE_VERB.search(head.group(1)):
        return None  # "told ABC's “Good Morning America” …": no verb, no clause
    return head.group(1)


# rule false-claim: "the claim that S is simply false", "the suggestion that S was nonsense":
# the sentence denies S (an accusation and its denials share one proposition).
_FALSE_CLAIM = lazy_compile(
    r"^(?:(?:but|and|yet)\s+)?(?:(?:the|this|that|a|his|her|their|its|such)\s+)?"
    r"(?:[\w-]+[’']s?\s+)?(?:claims?|suggestions?|idea|notion|allegations?|assertions?"
    r"|reports?|accusations?|charge)\s+that\s+(\S.*?),?\s+(?:is|was|are|were)\s+"
    r"(?:(?:simply|just|plainly|completely|totally|utterly|also|entirely|quite)\s+)?"
    r"(?:false|wrong|untrue|nonsense|baseless|unfounded|incorrect|inaccurate|groundless"
    r"|mistaken|absurd|ridiculous|a\s+lie|a\s+myth|rubbish)[.!]?$",
    re.IGNORECASE,
)


def false_claim(said: str) -> str | None:
    """S of "the claim that S is false" (rule false-claim), or None."""
    if " that " not in said or not (match := _FALSE_CLAIM.match(said.strip(" “”\"'"))):
        return None
    return match.group(1)


# rule warned-against: "warned parents against using untested remedies" -> "Parents should avoid
# using untested remedies": the hearer, then the deed to avoid.
_AGAINST = lazy_compile(r"^([^,;:“”\"]{1,60}?)\s+against\s+(\S.*)$", re.DOTALL)


def warned_against(body: str) -> tuple[str, str] | None:
    """(hearer, deed) of "X against Y" after "warn", or None."""
    match = _AGAINST.match(body)
    return (match.group(1), match.group(2)) if match else None
