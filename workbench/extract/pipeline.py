"""The extraction pipeline: sentences -> attributions -> actors -> statements.

Ties the small rule modules together and adds what needs the whole text: coreference
memory, multi-sentence quotes, "the claims" pointing back at an earlier proposition, the
outlet's own voice for every uncovered sentence, and claim groups.
"""

from __future__ import annotations

import bisect

from workbench.extract.actors import Actor
from workbench.extract.addressee import addressed
from workbench.extract.article_passes import (
    full_names,
    headline_denials,
    outlet_false_claim,
    outlet_rebuttal,
    split_answers,
)
from workbench.extract.attribution import Attribution
from workbench.extract.claim_groups import finish
from workbench.extract.continued_quotes import extend_quote
from workbench.extract.coref import (
    Memory,
    scan_mentions,
)
from workbench.extract.court import charge_proposition
from workbench.extract.cues import no_comment_end, scan_text
from workbench.extract.frames import (
    after_passive_cue,
    clause_before_quote,
    drop_frames,
    false_claim,
)
from workbench.extract.headline_actors import (
    bare_title_headline,
    headline_actor,
    is_title_headline,
    trim_frame,
)
from workbench.extract.headlines import (
    body_names,
    truecase,
)
from workbench.extract.interview import find_interview, name_you
from workbench.extract.lexicon import Lexicon, activated, load_lexicon
from workbench.extract.model import ExtractedStatement
from workbench.extract.proposition import build, clean
from workbench.extract.quotes import find_quotes, quote_at
from workbench.extract.references import (
    Claims,
    charge_appositive,
    denies,
    is_rebuttal,
    points_back,
    self_contained,
)
from workbench.extract.rules import reporting_nouns, sentence_attributions
from workbench.extract.said import (
    drop_after_report,
    drop_as_frame,
    it_speaker,
    named_non_answer,
    other_gender,
    plural_name,
)
from workbench.extract.sentences import split_sentences
from workbench.extract.spanning import SPANNING_RULES, without_report
from workbench.extract.speakers import resolve_actors, speaks_as_group, subject_of
from workbench.extract.stance import confidence_of, stance_of
from workbench.extract.words import lazy_compile

_LEAD_JOIN = lazy_compile(r"(?:,?\s+(?:and|but)\s*|,\s*)$")
_QUOTE_MARKS = "“”\"'"
_ACCUSING = frozenset({"accuse", "allege", "charge", "blame", "claim"})
MAX_PER_SENTENCE = 24
"""At most this many attributions are kept from one sentence (the first ones, in order).

Each attribution's content can run to the end of its sentence, so a pathological sentence such
as "according to X," repeated 16,000 times made n statements of length n: quadratic time and
output. No real news sentence comes near the cap (PolNeAR's busiest holds far fewer), so real
output is unchanged; measured by benchmarks/extract_speed.py --pathological.
"""


def extract(
    text: str, *, outlet: str | None = None, lexicon: Lexicon | None = None
) -> list[ExtractedStatement]:
    """Split a news text into attributed statements, sorted by content position.

    Pure and deterministic: the same text and lexicon always give the same statements.
    """
    lex = lexicon or load_lexicon()
    with activated(lex):  # a user's [irregular_past] reaches propositions too
        return _extract(text, outlet, lex)


def _extract(text: str, outlet: str | None, lex: Lexicon) -> list[ExtractedStatement]:
    if len(lex.cache) > 200_000:
        lex.cache.clear()  # memoised lookups; bounded so long-running ingests stay small
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    quotes = find_quotes(text)
    memory = Memory(given_names=lex.given_names, body_nouns=lex.body_nouns)
    drafts: list[dict[str, object]] = []
    covered = [False] * len(sentences)
    claims = Claims()  # what "the allegations", "this", "That is a lie" point back at
    said_at: list[tuple[int, str]] = []  # (content start, proposition) of each claim made
    interview = find_interview(text)
    hits = scan_text(text, lex)
    hit_starts = [h[0] for h in hits]
    nouns = reporting_nouns(text)
    quoted: dict[int, list[dict[str, object]]] = {}  # sentence -> its closing quote's drafts
    headlines: set[int] = set()  # title-case headline sentences
    names: tuple[frozenset[str], frozenset[str]] | None = None  # see headlines.body_names
    for idx, (s_start, s_end) in enumerate(sentences):
        scan_mentions(text, s_start, s_end, lex, memory)
        lo = bisect.bisect_left(hit_starts, s_start)
        hi = bisect.bisect_left(hit_starts, s_end, lo)
        sentence_hits = [h for h in hits[lo:hi] if h[1] <= s_end]
        found = sentence_attributions(text, s_start, s_end, quotes, lex, sentence_hits, nouns)
        if interview:
            found = split_answers(text, found, interview, memory)
        del found[MAX_PER_SENTENCE:]  # see MAX_PER_SENTENCE: keeps a run-on sentence linear
        if text[s_end - 1 : s_end] not in '.!?”"' and is_title_headline(text[s_start:s_end]):
            headlines.add(idx)
            names = body_names(text) if names is None else names
        exclude: set[str] = set()
        by_speaker: dict[tuple[int, int], list[Actor]] = {}
        for n, attribution in enumerate(found):
            said_first = attribution.content
            extend_quote(text, attribution, sentences, idx, quotes, lex)
            if (
                attribution.content != said_first
                and claims.recent
                and is_rebuttal(text[said_first[0] : said_first[1]])
            ):  # "“These reports are false,” it said. “Our kitchens are clean.”": the
                # rebuttal denies the claim; the next quote is its own statement.
                attribution.content = said_first
            answers = charge_appositive(text, attribution) if claims.accusation else False
            if names is not None and idx in headlines:
                trim_frame(text, attribution)
            elif idx == 0 and text[s_end : s_end + 1] == "\n" and text[s_end - 1] not in '.!?”"':
                trim_frame(text, attribution, sentence_case=True)  # a sentence-case headline
            if attribution.rule == "answer":  # "A: …" is the interviewee's
                person = interview.interviewee(memory) if interview else None
                actors = [person or Actor("interviewee", "unnamed")]
            elif attribution.speaker in by_speaker:
                actors = by_speaker[attribution.speaker]  # "They emphasize … and warn …"
            elif names is not None and idx in headlines and attribution.speaker:
                actors = [headline_actor(text, attribution.speaker, s_end, names, memory, lex)]
            elif titled := bare_title_headline(text, attribution.speaker, s_start, s_end, lex):
                actors = [memory.add(attribution.speaker[0], titled)]
            elif denies(attribution):  # the accuser is never one of the deniers
                group = speaks_as_group(text, attribution, lex)
                answered = claims.claimants(group=group)
                actors = resolve_actors(text, attribution, memory, lex, exclude | answered)
            else:
                actors = resolve_actors(text, attribution, memory, lex, exclude)
            if attribution.speaker:
                by_speaker[attribution.speaker] = actors
            exclude.update(a.name for a in actors)
            if n == 0 and attribution.rule == "coordinated-cue":
                lead = _lead_clause(text, s_start, attribution)
                if lead:
                    drafts.append(_outlet(text, lead[0], lead[1], outlet, s_start, s_end))
            c_start, c_end = attribution.content
            content = text[c_start:c_end]
            first = min(c_start, attribution.cue[0])
            last = max(c_end, attribution.cue[1])
            info = attribution.cue_info
            no_comment = no_comment_end(text, info) if info is not None else 0
            rebutted: str | None = None  # rule rebuttal-and, below
            if no_comment:  # "declined to comment": a non-answer, reported, not a denial
                attribution.rule, attribution.stance = "no-comment", "asserts"
                head = attribution.speaker[0] if attribution.speaker else first
                prop = clean(text[min(head, first) : max(last, no_comment)])
                prop = named_non_answer(text, prop, attribution, actors)
            elif interview and (answer := interview.answer(content, c_start, memory)):
                attribution.rule = "answer-yes-no"  # "Q: Did you …? A: No."
                attribution.stance, prop = answer
                claims.add(prop, frozenset(a.name for a in actors), False)
                said_at.append((c_start, prop))
            elif answers and claims.accusation:  # ", a charge both governments deny"
                # rule appositive-claim: the claim said earlier in this sentence, if any
                here = [said for at, said in said_at if at >= s_start]
                prop = here[-1] if here else claims.accusation
            elif (point := points_back(content, attribution, actors, claims, text)) is not None:
                prop = point
            else:
                said = _joined(text, attribution, quotes)
                if attribution.rule == "quote-after-cue" and (
                    opening := clause_before_quote(text, attribution.cue[1], c_start)
                ):
                    said = f"{opening} {said.strip(_QUOTE_MARKS + ' ,')}"  # rule partial-quote
                if attribution.rule == "passive-implicit" and c_start < attribution.cue[0]:
                    said = after_passive_cue(text, attribution.cue[1], c_end) or said
                if attribution.rule == "reportedly":  # the claim, without its hedge
                    said = said.replace(" reportedly", "", 1)
                said = drop_as_frame(said, lex)
                said = drop_after_report(said)
                said = _LEAD_WHEN.sub("", said, 1)  # "warned in March that it …"
                one_person = len(actors) == 1 and actors[0].kind == "person"
                said = addressed(said, attribution.lemma, one_person=one_person)
                said = drop_frames(said, attribution.lemma)  # "outside court that", "told us"
                if (denied := false_claim(said)) is not None:  # "the claim that S was false"
                    said, attribution.stance, attribution.rule = denied, "denies", "false-claim"
                if attribution.charge:  # "North Korea" + "of providing arms" (passive-accused)
                    said = f"{said} {text[attribution.charge[0] : attribution.charge[1]]}"
                elif attribution.implicit and attribution.lemma == "accuse":
                    # rule accused-implicit: "X has been accused of arming Y" -> "X armed Y"
                    cue_start, cue_end = attribution.cue
                    charge = text[cue_end:c_end].strip()
                    if text[cue_start:cue_end].endswith(" of"):  # the particle is the cue's
                        charge = f"of {charge}"
                    said = f"{text[c_start:cue_start].strip()} {charge}"
                if names is not None and idx in headlines:
                    said = truecase(said, names, lex)
                written = (
                    text[attribution.speaker[0] : attribution.speaker[1]]
                    if attribution.speaker
                    else ""
                )
                split = _AND_THAT.search(said) if " and that " in said else None
                if split and claims.recent and is_rebuttal(said[: split.start()]):
                    # rule rebuttal-and: "said the claim was false and that its troops had
                    # stayed …" denies the claim and asserts the rest, two statements
                    rebutted = claims.antecedent(frozenset(a.name for a in actors), accusation=True)
                    said = said[split.end() :]
                if it_speaker(said, written, actors):  # "Nabisco said it was …": a body
                    actors[0] = memory.retype(c_start, actors[0].name)
                elif (
                    attribution.speaker
                    and len(actors) == 1
                    and actors[0].name.split(" ", 1)[0] not in lex.given_names
                ):
                    cue_words = text[attribution.cue[0] : attribution.cue[1]]
                    kind = plural_name(text, written, attribution.speaker[1], cue_words, actors)
                    if kind == "organisation":  # "Harbour City have denied …": a team
                        actors[0] = memory.retype(c_start, actors[0].name)
                    elif kind == "group":  # "Passengers say …": people ("Saudis" keep capitals)
                        name = actors[0].name
                        demonym = name[:-1] in lex.places
                        actors[0] = Actor(name if demonym else name.lower(), "group")
                subject = subject_of(text, attribution, actors, lex, memory)
                if len(actors) == 1 and other_gender(
                    said.removeprefix("that "), actors[0], lex.given_names, written
                ):
                    subject = ("", None)  # "Mr. Roe said she …": she is someone else
                if text[c_start] in _QUOTE_MARKS:
                    subject = ("", None)  # a direct quote keeps its pronouns: "“He is happy”"
                charged = charge_proposition(said, attribution.lemma, subject[0])
                if charged is not None:  # rule charge: "denies two counts of fraud"; the
                    prop, attribution.rule = charged, "charge"  # stance is the cue's / plea's
                else:
                    prop = build(said, attribution.lemma, *subject)
                if prop[:3] in ("To ", "Not") and subject[0] and _TO_CLAUSE.match(prop):
                    # rule wants-to: "wants to delay the vote" -> "The union wants to delay …"
                    verb = text[attribution.cue[0] : attribution.cue[1]]
                    prop = f"{subject[0]} {verb} {prop[0].lower()}{prop[1:]}"
                if attribution.lemma == "plead" and said.lstrip().startswith("not guilty"):
                    attribution.stance = "denies"  # rule plea: a not-guilty plea denies the deed
                if text[c_start] not in _QUOTE_MARKS:  # a quote keeps the speaker's words
                    prop = self_contained(text, prop, attribution, actors, memory)
                if interview and interview.label_at(c_start) == "Q":
                    person = interview.interviewee(memory)  # "you" in a question
                    prop = name_you(prop, person.name) if person else prop
                claims.add(
                    prop,
                    frozenset(a.name for a in actors),
                    attribution.lemma in _ACCUSING,
                    denies(attribution),
                )
                said_at.append((c_start, prop))
            lo = max(0, bisect.bisect_right(starts, first) - 1)
            hi = max(0, bisect.bisect_right(starts, last - 1) - 1)
            for k in range(lo, hi + 1):
                covered[k] = True
            made = [
                _draft(text, attribution, actor, prop, sentences[lo][0], sentences[hi][1])
                for actor in actors
            ]
            if no_comment:
                for d in made:
                    d["confidence"] = 0.5
            if rebutted is not None:
                for d in made:
                    denial = dict(d, stance="denies", proposition=rebutted, rule="rebuttal")
                    drafts.append(denial)
            drafts.extend(made)
            if attribution.speaker is not None and text[c_start] in _QUOTE_MARKS:
                quoted[hi] = made  # the sentence's last attribution decides
            else:
                quoted.pop(hi, None)
    for idx, (s_start, s_end) in enumerate(sentences):
        if covered[idx]:
            continue
        previous = quoted.get(idx - 1)
        span = _bare_quote(text, s_start, s_end, quotes) if previous else None
        if previous and span and "\n" not in text[sentences[idx - 1][1] : s_start]:
            quoted[idx] = [_continued(text, span, d, s_start, s_end) for d in previous]
            drafts.extend(quoted[idx])
        else:
            draft = _outlet(text, s_start, s_end, outlet, s_start, s_end)
            if names is not None and idx in headlines:
                draft["proposition"] = clean(truecase(str(draft["content"]), names, lex))
            elif not outlet_false_claim(draft, text) and said_at and said_at[0][0] < s_start:
                outlet_rebuttal(draft, said_at)
            drafts.append(draft)
    if headlines:
        headline_denials(drafts, {sentences[i][0] for i in headlines})
    full_names(drafts, memory)
    return finish(drafts)


# A time adjunct between the cue and "that" ("warned in March that …") is not the claim.
_LEAD_WHEN = lazy_compile(
    r"^(?:in|on|last|early|late|earlier)\s+(?:this\s+)?(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|week|month|year"
    # an occasion without a determiner: "said in evidence that" (round 8)
    r"|evidence|court|testimony|writing|parliament|Parliament|television|radio|Twitter"
    r"|social\s+media)\s+(?=that\s)"
)


_AND_THAT = lazy_compile(r",?\s+and\s+that\s+")


_TO_CLAUSE = lazy_compile(r"(?:Not\s+to|To)\s+[a-z]+\s+\S")


def _bare_quote(
    text: str, s_start: int, s_end: int, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The quote that makes up the whole sentence (a full stop after it allowed), or None."""
    body = text[s_start:s_end]
    first = s_start + len(body) - len(body.lstrip())
    last = s_start + len(body.rstrip())
    span = quote_at(quotes, first) if first < last else None
    if span is None or span[0] != first or span[1] > last:
        return None
    if text[span[1] : last].strip(".!? ") or text[span[1] - 1] not in _QUOTE_MARKS:
        return None
    return span


def _continued(
    text: str, span: tuple[int, int], previous: dict[str, object], s_start: int, s_end: int
) -> dict[str, object]:
    """ "“A,” Kim told the radio. “B.”": a bare quote is the same speaker's (no cue of its own)."""
    content = text[span[0] : span[1]]
    return {
        **previous,
        "sentence_start": s_start,
        "sentence_end": s_end,
        "cue": None,
        "cue_start": None,
        "cue_end": None,
        "stance": "asserts",
        "content": content,
        "content_start": span[0],
        "content_end": span[1],
        "proposition": clean(content.strip("“”\"' ")),
        "rule": "quote-continued",
        "confidence": max(0.5, round(float(previous["confidence"]) - 0.1, 2)),  # type: ignore[arg-type]
    }


def _joined(text: str, attribution: Attribution, quotes: list[tuple[int, int]]) -> str:
    """The content text without the interrupting "she said" of an interrupted quote, or the
    source and cue of a content that spans them (``spanning.without_report``)."""
    c_start, c_end = attribution.content
    if attribution.rule in SPANNING_RULES:
        return without_report(text, attribution.content, attribution.cue, attribution.speaker)
    first = bisect.bisect_left(quotes, (c_start, -1))
    pieces = []
    for q0, q1 in quotes[first:]:
        if q0 >= c_end:
            break
        if q1 <= c_end:
            pieces.append(text[q0:q1].strip("“”\"' ,"))
    if len(pieces) > 1 and text[c_start] in "“\"'":
        joined = pieces[0]
        for piece in pieces[1:]:
            if piece[:1].isupper() and joined[-1:] not in ".!?":
                joined += "."
            joined += " " + piece
        return joined
    return text[c_start:c_end]


def _draft(
    text: str, a: Attribution, actor: Actor, prop: str, sent_start: int, sent_end: int
) -> dict[str, object]:
    speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker else None
    return {
        "sentence_start": sent_start,
        "sentence_end": sent_end,
        "speaker": speaker,
        "speaker_start": a.speaker[0] if a.speaker else None,
        "speaker_end": a.speaker[1] if a.speaker else None,
        "actor": actor.name,
        "actor_kind": actor.kind,
        "actor_affiliation": actor.affiliation,
        "cue": text[a.cue[0] : a.cue[1]],
        "cue_start": a.cue[0],
        "cue_end": a.cue[1],
        "stance": a.stance or stance_of(a.cue_info),
        "content": text[a.content[0] : a.content[1]],
        "content_start": a.content[0],
        "content_end": a.content[1],
        "proposition": prop,
        "rule": a.rule,
        "confidence": confidence_of(a.cue_info, a.rule, a.speaker is not None),
    }


def _lead_clause(text: str, s_start: int, attribution: Attribution) -> tuple[int, int] | None:
    """ "Fontes greeted Odhiambo … and expressed …": the first clause is the outlet's own report."""
    lead = text[s_start : attribution.cue[0]]
    match = _LEAD_JOIN.search(lead)
    end = s_start + (match.start() if match else len(lead.rstrip()))
    if len(text[s_start:end].split()) < 4:
        return None
    return s_start, end


def _outlet(
    text: str, start: int, end: int, outlet: str | None, sent_start: int, sent_end: int
) -> dict[str, object]:
    content = text[start:end]
    return {
        "sentence_start": sent_start,
        "sentence_end": sent_end,
        "speaker": None,
        "speaker_start": None,
        "speaker_end": None,
        "actor": outlet or "(outlet)",
        "actor_kind": "outlet",
        "actor_affiliation": None,
        "cue": None,
        "cue_start": None,
        "cue_end": None,
        "stance": "asserts",
        "content": content,
        "content_start": start,
        "content_end": end,
        "proposition": clean(content),
        "rule": "outlet-voice",
        "confidence": 0.5,
    }
