"""Attribution rules for one sentence: which cue goes with which source and content.

Each rule names itself in ``Attribution.rule`` so reviewers (and the benchmark) can see why
a statement exists. Rules run in two passes: sources first, so that the content of one cue can
stop where the next cue's clause begins ("X accused Z of W, but both countries deny …").
"""

from __future__ import annotations

import bisect
import re

from workbench.extract.asked import asked_attributions, asked_in_clause
from workbench.extract.attribution import Attribution
from workbench.extract.clause_subjects import (
    borrowed_speaker,
    clause_subject,
    cut_reporting_relative,
)
from workbench.extract.content import (
    but_end,
    content_after,
    content_before,
    continuation_quote,
    subordinate_end,
)
from workbench.extract.continued_quotes import quote_after_colon
from workbench.extract.court import court_heard
from workbench.extract.cues import Cue, find_according, find_cues
from workbench.extract.generic import generic_cues
from workbench.extract.layouts import according_to, colon_and_dash
from workbench.extract.lexicon import Lexicon
from workbench.extract.nominal import implicit_nominal, nominal_attributions
from workbench.extract.quotes import quote_at
from workbench.extract.same_stance import same_stance, which_denied
from workbench.extract.sources import (
    Found,
    left_source,
    phrase_source,
    right_source,
)
from workbench.extract.spanning import parenthetical, relative_report
from workbench.extract.unnamed_sources import clause_start, in_poll, reportedly
from workbench.extract.words import lazy_compile, word_set

_CLAUSE_JOIN = lazy_compile(
    r"(?:[,;]\s*(?:but|and|while|although|though|whereas|yet|which|who)?|\bbut|\band)\s*$"
)
_COORD_GAP = lazy_compile(r"(?:,(?:”|\"|'')?\s*(?:and\s+)?|\s+(?:and|but)\s+)$")
_CLOSERS = ("”", '"', "''", ",”", ',"', "”,", '",', "’", ",’")
_ADJUNCT = lazy_compile(
    r"(?:(?:on|late|early|last|this|at|in|during|after|before|for|with|from|when|while)\b"
    # rule to-infinitive: "…, she plans to cast a ballot" reports; "…, she said to reporters"
    # is an adjunct (a determiner, a pronoun or a plural noun after "to")
    r"|to\s+(?=(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|me|us"
    r"|whom|what|reporters|[A-Z])\b|[a-z]+[^s\W]s\b)"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently"
    r"|earlier|later|afterward|afterwards|then|again|repeatedly|privately|publicly)\b)"
    r"(?:(?!\bthat\b)[^“\":])*$"
)
_ING_SUBJECT = lazy_compile(
    r"(?<![\w’'-])(?:(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*|[a-z]+s)"
    r"(?:\s+(?:now|still|also))?\s+$"
)
_BE_AUX = lazy_compile(
    r"\b(?:is|are|was|were|am|be|been|isn[’']t|aren[’']t|wasn[’']t|weren[’']t)\b"
)
_WEEKDAY = lazy_compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_QUOTED_AS = lazy_compile(r"\bquoted\s+([^,;:“”\"]{2,80}?(?:,[^,;:“”\"]{2,60})?),?\s+as\s+$")
_CLAUSE_MARK = lazy_compile(r"[,;:“”\"()—–]")
_NOMINAL_NOUNS = (
    *("claim", "assertion", "allegation", "argument", "contention", "suggestion", "warning"),
    *("promise", "pledge", "denial", "insistence", "belief", "accusation", "charge"),
    *("prediction", "vow", "comment", "remark", "statement"),
)
_NOMINAL_NOUN = lazy_compile(r"\b(?:" + "|".join(_NOMINAL_NOUNS) + ")")
_RELATIVE = lazy_compile(r"^(?:who|which)$|\bwhom$|\bof which$", re.IGNORECASE)
_POSSESSIVE = lazy_compile(r"[’']s |\b(?:his|her|their|its) ")
_IMPERSONAL = lazy_compile(r"\b[Ii]t\s+$")
_BY = lazy_compile(r"\s+by\s+")
_OPENING_ADJUNCT = lazy_compile(
    r"\s*(?:(?:On|In|At|After|Before|During|Shortly|Earlier|Later|Last|This|Since|Speaking"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today)\b)[^,]{0,120},\s*$"
)
"""An adverbial opener before the source: the words after the cue are the content, however
short ("On Twitter, Roe called Lee unhinged")."""
_GAP_TO_QUOTE = lazy_compile(r"[^,.;“\"]{0,40},\s*(?=[“\"]|'')")  # ", she told reporters, “"


_CHARGE_OF = lazy_compile(r"\s(?=of\s+\w+ing\b)")
"""Where "accused by Washington of providing …" ends its agent: before "of" + gerund."""


_MAX_ACCORDING = 24  # "according to X," ×32,000 checked every later cue against each: quadratic


def sentence_attributions(
    text: str,
    start: int,
    end: int,
    quotes: list[tuple[int, int]],
    lexicon: Lexicon,
    hits: list[tuple[int, int, str]] | None = None,
    nouns: list[tuple[int, int]] | None = None,
) -> list[Attribution]:
    """All attributions whose cue lies in the sentence ``text[start:end]``.

    ``hits`` are the sentence's cue-form occurrences and ``nouns`` the text's
    ``reporting_nouns``, when the caller scanned the whole text once.
    """
    cues = [
        c for c in find_cues(text, start, end, lexicon, hits) if not quote_at(quotes, c.verb_start)
    ]
    sentence = text[start:end]
    if " that " in sentence:
        known = {c.verb_start for c in cues}
        extra = [
            c
            for c in generic_cues(text, start, end, lexicon)
            if c.verb_start not in known and not quote_at(quotes, c.verb_start)
        ]
        cues = sorted(cues + extra, key=lambda c: c.start)
    found: list[Attribution] = []
    according = find_according(text, start, end) if "ccording" in sentence else []
    for acc_start, acc_end in according:
        if len(found) == _MAX_ACCORDING:
            break  # later ones cannot be among the sentence's first (pipeline.MAX_PER_SENTENCE)
        if quote_at(quotes, acc_start):
            continue
        if attribution := according_to(text, start, end, acc_start, acc_end, quotes):
            found.append(attribution)
    if ":" in sentence or "―" in sentence or "—" in sentence:
        found.extend(colon_and_dash(text, start, end, quotes, lexicon.places))
    if "sked " in sentence[:16]:  # rule asked-participle: "Asked whether …, X said"
        found.extend(asked_attributions(text, start, end))
    if " asked " in sentence or " questioned about " in sentence:
        found.extend(asked_in_clause(text, start, end))
    if (
        _has_noun(sentence, start, end, nouns)  # cheap test first: most sentences have none
        and _POSSESSIVE.search(text, start, end)
        and _NOMINAL_NOUN.search(text, start, end)
    ):
        for speaker, cue_span, content, noun in nominal_attributions(text, start, end, quotes):
            stance = "denies" if noun.startswith("denial") else "asserts"
            lemma = "deny" if stance == "denies" else "claim"
            found.append(
                Attribution(speaker, cue_span, content, "nominal-cue", lemma, None, stance=stance)
            )
    if " that " in sentence and ("here " in sentence or "amid " in sentence):
        for cue_span, content, _ in implicit_nominal(text, start, end, quotes):
            found.append(
                Attribution(
                    None, cue_span, content, "nominal-implicit", "claim", None, True, "asserts"
                )
            )
    if "In " in sentence[:12] and (" poll" in sentence or " survey" in sentence):
        found.extend(in_poll(text, start, end, quotes))
    if "reportedly" in sentence:
        found.extend(reportedly(text, start, end, quotes, cues))
    # A cue's subject never reaches back past an earlier cue ("X said the rebels denied …").
    floors = [start] * len(cues)
    for i in range(1, len(cues)):
        prev_end = cues[i - 1].end
        if prev_end <= cues[i].start and not _CLAUSE_MARK.search(text, prev_end, cues[i].start):
            floors[i] = prev_end
    sources = [_source_for(text, floors[i], end, cue, lexicon) for i, cue in enumerate(cues)]
    if len(cues) > 1:
        cue_starts = [c.start for c in cues if c.info.lemma in _REPORTING_LEMMAS]
        sources = [s and cut_reporting_relative(text, s, cue_starts) for s in sources]
    for i in range(1, len(cues)):
        src = sources[i]
        after = src is None or (src.start is not None and src.start > cues[i].start)
        if after and _after_cue_participle(text, cues[i - 1], cues[i]):
            sources[i] = Found(None, None, coordinated=True)
    for i, cue in enumerate(cues):
        src = sources[i]
        if src is None or any(a.cue[0] <= cue.verb_start < a.cue[1] for a in found):
            continue
        outer = next((a for a in found if a.content[0] <= cue.start < a.content[1]), None)
        carrier = _carrier(text, outer, src)
        if (
            outer is not None
            and carrier is None
            and (cue.info.stance != "denies" or src.coordinated or src.start is None)
        ):
            continue  # inside another's content only denials are worth a statement of their own
        limit = _content_limit(text, cues, sources, i, end)
        later = cues[i + 1].start if i + 1 < len(cues) else end
        attribution = _attribute(text, start, end, limit, cue, src, quotes, found, later)
        if attribution:
            if carrier is not None:  # rule according-to-nested: the quoted speaker, beside AP
                attribution.rule = "according-to-nested"
            found.append(attribution)
    if found and ("did" in sentence or "done" in sentence or "suit" in sentence):
        found.extend(same_stance(text, found))  # rule did-the-same: "and Russia did the same"
    if "which" in sentence:
        found.extend(which_denied(text, start, end, cues, found))  # ", which both … deny"
    if "heard" in sentence or " told" in sentence:  # rule court-heard, before any cue of it
        for court in court_heard(text, start, end, quotes):
            c_start, c_end = court.cue
            found = [a for a in found if not (a.cue[0] < c_end and c_start < a.cue[1])]
            found.append(court)
    found.sort(key=lambda a: a.cue[0])
    return found


# rule object-content: "A year later, he echoed that comment": a verb that does not report a
# clause ("X, she said") takes its object as content however short; only these verbs may
# take the clause before them when what follows is a short adjunct.
_CLAUSE_LEMMAS = word_set(
    "say tell add write note tweet explain insist argue claim state report recall ask reply"
    " respond continue conclude post assert contend warn predict suggest acknowledge admit"
    " confirm announce declare stress observe remark quip joke boast"
)
_SPEECH_LEMMAS = word_set("say tell add write")
_REPORTING_LEMMAS = _CLAUSE_LEMMAS - {"ask"}
"""Cues that make a relative clause a report of its own (rule reporting-relative): "who said
…", "who has argued …"; not "who voted against it", "who asked not to be named"."""
_RELATIVE_SOURCES = frozenset({"who", "which", "that"})
"""Rule relative-object: "Monsanto, which opposed the bill": a relative pronoun's clause is
never a report of what precedes it, so even a short object is its content."""

_PARTICIPLE_GAP = lazy_compile(r"(?:\s+[^,;:.!?“”\"]{1,30})?,\s*")
"""Between "said" and ", referring to": at most a short adjunct ("said on Tuesday, …")."""


def _after_cue_participle(text: str, previous: Cue, cue: Cue) -> bool:
    """Rule participle-after-cue: "…,” he said, referring to the comments" / "Roe added,
    noting …": a participle right after another cue shares its speaker; the noun phrase after
    the participle is its content, not an inverted source."""
    return (
        cue.form.split(" ", 1)[0].endswith("ing")
        and previous.end <= cue.start
        and _PARTICIPLE_GAP.fullmatch(text, previous.end, cue.start) is not None
    )


def _carrier(text: str, outer: Attribution | None, src: Found) -> Attribution | None:
    """ "According to AP, Zakharova said …": the outlet only carries Zakharova's statement.

    The enclosing according-to attribution is returned when its content opens with the inner
    cue's named source, so the inner statement replaces it.
    """
    if outer is None or outer.rule != "according-to" or src.start is None or src.coordinated:
        return None
    if outer.content[0] > src.start or text[outer.content[0] : src.start].strip(" ,"):
        return None
    return outer


def reporting_nouns(text: str) -> list[tuple[int, int]]:
    """Spans of every reporting noun ("claim", "denial" …) in the text, as substrings, sorted.

    One ``str.find`` sweep per noun over the whole text is far cheaper than testing every
    sentence for every noun; the nominal rule only runs where one occurs.
    """
    spans = []
    for noun in _NOMINAL_NOUNS:
        at = text.find(noun)
        while at >= 0:
            spans.append((at, at + len(noun)))
            at = text.find(noun, at + 1)
    spans.sort()
    return spans


def _has_noun(sentence: str, start: int, end: int, nouns: list[tuple[int, int]] | None) -> bool:
    """Whether a reporting noun occurs in the sentence ``text[start:end]``."""
    if nouns is None:
        return any(noun in sentence for noun in _NOMINAL_NOUNS)
    i = bisect.bisect_left(nouns, (start, start))
    while i < len(nouns) and nouns[i][0] < end:
        if nouns[i][1] <= end:
            return True
        i += 1
    return False


def _source_for(text: str, start: int, end: int, cue: Cue, lexicon: Lexicon) -> Found | None:
    participle = cue.form.split(" ", 1)[0].endswith("ing")  # "saying", "referring to"
    if cue.passive:
        by = _BY.match(text, cue.end)
        if by:
            span = phrase_source(text, by.end(), end)
            return Found(*span) if span else None
        if _IMPERSONAL.search(text[max(0, cue.start - 4) : cue.start]):
            return Found(None, None)  # "It is expected that …": unnamed source
        return Found(None, None, agentless=True)  # "a curfew was announced …"
    if participle and _BE_AUX.search(text, cue.start, cue.verb_start):
        participle = False  # rule progressive-subject: "officials are expecting" is finite
    if participle and text[start : cue.start].rstrip()[-1:].isalpha():
        quoted = _QUOTED_AS.search(text, start, cue.start)
        if quoted:
            return Found(quoted.start(1), quoted.end(1))  # "quoted Amos Tembo as saying"
        tail = _ING_SUBJECT.search(text, start, cue.start)
        if tail and _WEEKDAY.match(text, tail.start()):
            # "The board released a statement Wednesday saying …": a weekday never says;
            # the participle shares the clause's subject
            return Found(None, None, coordinated=True)
        if tail:
            return Found(tail.start(), tail.start() + len(tail.group().rstrip()))  # "footage
            # of the mayor saying …" (without the space before the participle)
    left = left_source(text, start, cue.start, participle=participle)
    if left is not None:
        return left
    before = text[start : cue.start].rstrip()
    if participle and before.endswith(_CLOSERS):
        # "… defense of “New York values,” saying …": a participle shares the main clause's
        # subject; only a finite verb inverts ("…,” said the mayor").
        return Found(None, None, coordinated=True)
    if before.endswith((",", "”", '"', "''")) or not before:
        right = right_source(text, cue.end, end)
        if right is not None:
            return right
    if _long_subject_possible(text, cue, lexicon):
        return clause_subject(text, start, cue.start)
    return None


_REDUCED_RELATIVE = lazy_compile(r"\s+(?:by|to|in|as)\b")
_NAMING_LEMMAS = frozenset({"call", "compare", "find", "write", "name", "dub", "label"})


def _long_subject_possible(text: str, cue: Cue, lexicon: Lexicon) -> bool:
    """Whether rule long-subject may take the whole clause before the cue as its subject:
    only for a finite speech or evidential verb that cannot be read as a noun ("campaign
    finance reports") or a reduced relative ("the letter written by", "compared to")."""
    form = cue.form
    return not (
        cue.passive
        or form.split(" ", 1)[0].endswith("ing")
        or cue.info.frame == "attitude"
        or cue.info.lemma in _NAMING_LEMMAS
        or form in lexicon.noun_like
        or form in lexicon.noun_first
        or _REDUCED_RELATIVE.match(text, cue.end)
    )


def _content_limit(
    text: str, cues: list[Cue], sources: list[Found | None], i: int, end: int
) -> int:
    """Content of cue i stops where a later cue's own clause begins (next few cues only)."""
    checked = 0
    for j in range(i + 1, len(cues)):
        src = sources[j]
        if src is None:
            continue
        checked += 1
        if checked > 3:
            break  # bounded: pathological sentences with hundreds of cues stay linear
        head = src.start if src.start is not None and src.start > cues[i].end else cues[j].start
        gap = text[cues[i].end : head]
        if src.coordinated:
            coord = _COORD_GAP.search(gap)
            if coord:
                return cues[i].end + coord.start()
        elif join := _CLAUSE_JOIN.search(gap):
            return cues[i].end + join.start()
        elif gap.rstrip().endswith(_CLOSERS) and not text[cues[j].end : end].strip(" .!?"):
            return cues[i].end + len(gap.rstrip())  # "…,'' Ms. Roe said." ends the sentence
    return end


def _attribute(
    text: str,
    start: int,
    end: int,
    limit: int,
    cue: Cue,
    src: Found,
    quotes: list[tuple[int, int]],
    found: list[Attribution],
    later: int,
) -> Attribution | None:
    """The attribution of one cue; ``later`` is where the sentence's next cue starts (its end
    if none), so that a dash aside is cut only when a report may follow it."""
    speaker = (src.start, src.end) if src.start is not None and src.end is not None else None
    lemma = cue.info.lemma
    if src.coordinated:
        speaker = borrowed_speaker(text, start, cue, found)
        if speaker is None:
            return None
    cue_span = (cue.start, cue.span_end if cue.span_end >= 0 else cue.end)  # "said Friday"
    if src.agentless:
        if cue.negated and cue.info.frame != "attitude":
            return None  # "has not been confirmed": the outlet's own hedge, left in its voice
        subject = clause_start(text, start, cue.start)
        s, e = subject, limit
        while e > s and text[e - 1] in " .,;:!?":
            e -= 1
        if e - s < 3 or subject == cue.start:
            return None
        # the content holds the whole clause, negation included ("is not expected to …"),
        # so the statement asserts it
        stance = "asserts" if cue.negated else None
        return Attribution(
            None, cue_span, (s, e), "passive-implicit", lemma, cue, implicit=True, stance=stance
        )
    if cue.passive and speaker is not None:
        content = content_before(text, start, cue.start, quotes)
        charge = None
        if lemma == "accuse":  # rule passive-accused: "X was accused by Washington of arming Y"
            of = _CHARGE_OF.search(text, speaker[0], speaker[1])
            if of and of.start() > speaker[0]:
                charge = (of.start() + 1, speaker[1])
                speaker = (speaker[0], of.start())
        return (
            Attribution(speaker, cue_span, content, "passive-by", lemma, cue, charge=charge)
            if content
            else None
        )
    floor = max([start] + [a.cue[1] for a in found if a.cue[1] <= cue.start])
    head = min(speaker[0], cue.start) if speaker else cue.start
    if (
        speaker
        and text[max(0, speaker[0] - 3) : speaker[0]].rstrip().endswith(",")
        and _RELATIVE.search(text[speaker[0] : speaker[1]])
    ):
        comma = text.find(", ", cue.end, limit)
        limit = comma if comma > 0 else limit  # "…, many of whom say X, met …"
    before = text[floor:head].rstrip()
    if before.endswith(" as"):
        head = floor + len(before) - 3  # "…, as police have said."
        before = text[floor:head].rstrip()
    relative = speaker is not None and text[speaker[0] : speaker[1]].lower() in _RELATIVE_SOURCES
    if speaker is not None and before.endswith(_CLOSERS) and not relative:
        # (a quote before "who said" is the antecedent's name: 'calling himself "Dr Truth",
        # who said …' reports what follows)
        return _quote_before(text, floor, head, cue, speaker, quotes)
    after_from = max(cue.end, speaker[1]) if speaker and speaker[0] > cue.end else cue.end
    if speaker and text[end - 1 : end + 1].startswith(":"):
        block = quote_after_colon(text, after_from, end, quotes)
        if block:
            return Attribution(speaker, cue_span, block, "colon-quote", lemma, cue)
    after = content_after(
        text,
        after_from,
        limit,
        quotes,
        skip_object=lemma == "tell",
        adjunct_that=True,
        dash_before=later,
    )
    if after and before.endswith(",") and _ADJUNCT.match(text, after[0], after[1]):
        after = None  # "…, she said on Tuesday." / "said in a statement."
    if speaker and before.endswith(",") and not src.coordinated:
        pre = content_before(text, floor, head, quotes)
        spanned = parenthetical(text, pre[0], max(cue.end, speaker[1]), limit) if pre else None
        if spanned:
            return Attribution(speaker, cue_span, spanned, "parenthetical", lemma, cue)
    if after and (
        speaker is None
        or not before.endswith(",")
        or len(text[after[0] : after[1]].split()) >= 3
        or text[speaker[0] : speaker[1]].lower() in _RELATIVE_SOURCES
        or lemma not in _CLAUSE_LEMMAS
        or _OPENING_ADJUNCT.match(text, floor, head)  # "On Twitter, Roe called it a hoax"
    ):
        if speaker is None and not src.coordinated:
            return Attribution(None, cue_span, after, "impersonal", lemma, cue, implicit=True)
        after = subordinate_end(text, start, cue.start, after)
        if lemma not in _SPEECH_LEMMAS:
            after = but_end(text, after)
        rule = "quote-after-cue" if text[after[0]] in "“\"'" else "cue-content"
        if src.coordinated:
            rule = "coordinated-cue"
        elif speaker and (spanned := relative_report(text, speaker[0], after[1])):
            after, rule = spanned, "relative-report"
        return Attribution(speaker, cue_span, after, rule, lemma, cue)
    if speaker is None or not before.endswith((",", "—", "–", "--", " as")):
        return None  # "sanctions that Russia has supported": a relative clause, not a report
    content = content_before(text, floor, head, quotes)
    if content is None:
        return None
    return Attribution(speaker, cue_span, content, "content-cue", lemma, cue)


def _quote_before(
    text: str,
    floor: int,
    head: int,
    cue: Cue,
    speaker: tuple[int, int],
    quotes: list[tuple[int, int]],
) -> Attribution | None:
    """ "“A,” she said" and the interrupted "“A,” she told reporters, “B.”"."""
    content = content_before(text, floor, head, quotes)
    if content is None:
        return None
    tail = max(cue.end, speaker[1])
    rule = "quote-said-after"
    gap = _GAP_TO_QUOTE.match(text, tail)
    if gap:
        tail = gap.end()
    more = continuation_quote(text, tail, quotes, len(text))
    if more:
        content = (content[0], more[1])
        rule = "quote-interrupted"
    return Attribution(speaker, (cue.start, cue.end), content, rule, cue.info.lemma, cue)
