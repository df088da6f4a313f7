"""Second parties' positions on a claim already stated in the sentence.

Rule did-the-same: "North Korea denied the allegation, and Russia did the same" gives Russia
the same stance on the same claim. Rule which-denied: "…, which both countries deny" denies
the clause before "which".

Why: news reports a second party's identical position with a pro-verb instead of repeating
the cue ("did the same", "did likewise", "as did Russia", "and so did Russia", "followed
suit"). Without this rule the pro-verb clause ran on inside the first statement's content
("The allegation, and Russia did the same.") and the second party's denial was lost, which
is the accusation–denial family the issue asks for in every common wording.

The clause is found inside the content of a statement of the same sentence; that content is
cut before it, and the second party gets a statement with the same cue lexeme, stance and
content span (so the same proposition and claim), and the pro-verb as its cue.
"""

from __future__ import annotations

from workbench.extract.attribution import Attribution
from workbench.extract.cues import Cue
from workbench.extract.stance import stance_of
from workbench.extract.words import lazy_compile

# A short noun phrase with no clause punctuation: "Russia", "the Kremlin", "its ally Belarus".
_WHO = (
    r"(?P<who>(?:[Tt]he\s+|[Ii]ts\s+|[Tt]heir\s+)?[A-Za-z][\w’'.-]*(?:\s+[A-Za-z][\w’'.-]*){0,3}?)"
)
_ADVERB = r"(?:(?:later|also|then|quickly|swiftly|soon|too)\s+)?"
_SAME = lazy_compile(
    r"(?:[,;]\s*|\s+(?=and\b|but\b|while\b|as\b|before\b))(?:"
    # ", and Russia did the same", "while Belarus has done likewise", "; Moscow followed suit"
    rf"(?:(?:and|but|while|as|before)\s+)?{_WHO}\s+{_ADVERB}"
    r"(?P<verb>(?:did|has\s+done|have\s+done|had\s+done)\s+(?:the\s+same|likewise|so)"
    r"|followed\s+suit)"
    # ", as did Russia", "and so did the Kremlin"
    rf"|(?P<verb2>as\s+did|and\s+so\s+(?:did|has|have))\s+{_WHO.replace('who', 'who2')}"
    r")(?=\s*[.;,!?]|\s*$)"
)


def same_stance(text: str, found: list[Attribution]) -> list[Attribution]:
    """The did-the-same statements of one sentence's attributions (their contents are cut)."""
    added = []
    for attribution in found:
        if attribution.cue_info is None or stance_of(attribution.cue_info) != "denies":
            # only denials: "said the economy grew, as did unemployment" is a co-subject
            continue
        start, end = attribution.content
        if not any(text.find(verb, start, end) >= 0 for verb in _PRO_VERBS):
            continue  # the regex tries at every space: a plain search first
        match = _SAME.search(text, start, end)
        if match is None or match.start() <= start:
            continue
        who = match.span("who") if match.group("who") else match.span("who2")
        verb = match.span("verb") if match.group("verb") else match.span("verb2")
        if text[who[0] : who[1]].lower() in _NOT_PARTIES:
            continue
        said = text[start : match.start()].split()
        if len(said) > 5:
            continue  # "said the economy grew, as did unemployment": a co-subject of the clause
        if said and said[0].lower() in _SPEAKER_PRONOUNS:
            continue  # "He said he would resign, and she did the same": not his claim
        attribution.content = (start, match.start())
        added.append(
            Attribution(
                who,
                verb,
                attribution.content,
                "did-the-same",
                attribution.lemma,
                attribution.cue_info,
                stance=attribution.stance,
            )
        )
    return added


_PRO_VERBS = ("did", "done", "suit")
# Subjects that are not a second party taking the same position ("as did the rest").
_NOT_PARTIES = frozenset({"the rest", "others", "the others", "many", "some", "most"})
# A content opening with a personal pronoun is about its speaker; the second party's would be
# about themself, which the first content's words do not say.
_SPEAKER_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "that"})


# "…, which both countries deny." / "…, which Pyongyang has denied.": the relative pronoun is
# the denied clause, the words between it and the cue the deniers.
_WHICH_SUBJECT = lazy_compile(r",\s*which\s+(?P<who>[^,;:“”\"()]{2,60}?)\s*$")
_ONLY_END = lazy_compile(r"[\s.;!?”\"]*$")


def which_denied(
    text: str, start: int, end: int, cues: list[Cue], found: list[Attribution]
) -> list[Attribution]:
    """Rule which-denied: the denial in "X said S, which both countries deny" takes S (the
    content of the statement before it, or the clause before "which" in the outlet's voice)."""
    added = []
    taken = {a.cue for a in found}
    for cue in cues:
        if cue.info.lemma != "deny" or cue.negated or (cue.start, cue.end) in taken:
            # (only "deny": in "the plan, which residents rejected" "which" is the plan)
            continue
        if not _ONLY_END.match(text, cue.end, end):
            continue
        which = _WHICH_SUBJECT.search(text, start, cue.start)
        if which is None:
            continue
        comma = which.start()
        before = [a for a in found if a.content[1] <= comma and comma - a.content[1] <= 2]
        content = before[-1].content if before else (start, comma)
        if content[1] - content[0] < 8:
            continue
        # the claim's own verb builds its proposition ("accused X of arming Y" -> "X armed Y")
        lemma = before[-1].lemma if before else cue.info.lemma
        who = which.span("who")
        added.append(
            Attribution(
                who, (cue.start, cue.end), content, "which-denied", lemma, cue, stance="denies"
            )
        )
    return added
