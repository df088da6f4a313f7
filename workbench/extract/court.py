"""Rule court-heard: court reporting's own attribution, "a court heard" and "the jury was told".

Why: British and Commonwealth court reports attribute what prosecution and witnesses put
before the court to the court itself ("A former mayor took cash for planning approvals, a
court heard on Monday"; "The jury was told that the payments began in 2019"). "Heard" is no
reporting verb anywhere else, and "was told" with no agent was read as the outlet's own
passive, so every allegation of a trial stayed in the outlet's voice as a fact. The court
(or jury, tribunal, inquest, inquiry) is the source; the statement asserts what it heard,
which is an allegation until a verdict.
"""

from __future__ import annotations

import re

from workbench.extract.attribution import Attribution
from workbench.extract.quotes import quote_at
from workbench.extract.words import lazy_compile

_BODY = (
    r"(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+)?(?:court|jury|tribunal|inquest|inquiry|hearing|trial)"
    r"|(?:[A-Z][\w’'-]*\s+){1,3}(?:Court|Tribunal|Inquest|Inquiry)"
)
_HEARD = r"(?:heard|has\s+heard|had\s+heard|was\s+told|were\s+told|has\s+been\s+told)"
# "The court heard (that) S": what it heard must be a clause, "that …" or a pronoun subject
# ("heard he kept …"), never an object ("heard an appeal", "was told to ignore …")
_BEFORE = lazy_compile(
    rf"(?P<who>{_BODY})\s+(?P<cue>{_HEARD})\s+(?:that\s+|(?=(?:he|she|they|it|we|I)\s+[a-z]))"
)
# "S, a court heard on Monday." / "S, the jury was told."
_AFTER = lazy_compile(
    rf",\s+(?P<who>{_BODY})\s+(?P<cue>{_HEARD})(?:\s+(?:on|last|this)\s+\w+)?\s*[.!]?[”\"]?\s*$"
)
_END = " .!?\n"


def court_heard(
    text: str, start: int, end: int, quotes: list[tuple[int, int]]
) -> list[Attribution]:
    """The court-heard attribution of one sentence, if it has one."""
    after = _AFTER.search(text, start, end)
    if after is not None and not quote_at(quotes, after.start("cue")):
        c_start, c_end = start, after.start()
        return _attribution(text, after, c_start, c_end)
    before = _BEFORE.search(text, start, end)
    if before is None or quote_at(quotes, before.start("cue")):
        return []
    if text[start : before.start()].strip(' “"'):
        return []  # "… after the court heard …": not the sentence's own frame
    c_end = end
    while c_end > before.end() and text[c_end - 1] in _END:
        c_end -= 1
    return _attribution(text, before, before.end(), c_end)


def _attribution(text: str, match: re.Match[str], c_start: int, c_end: int) -> list[Attribution]:
    """The court-heard attribution of a match, if its content is a clause of 3+ words."""
    while c_start < c_end and text[c_start] in ' “"':
        c_start += 1
    if len(text[c_start:c_end].split()) < 3:
        return []
    # "The court heard" makes the court the source; "the jury was told" names only who
    # listened, so the source is unnamed (the prosecution, a witness).
    told = "told" in match.group("cue")
    return [
        Attribution(
            None if told else match.span("who"),
            match.span("cue"),
            (c_start, c_end),
            "court-heard",
            "say",
            None,
            implicit=told,
            stance="asserts",
        )
    ]


# "two counts of misconduct in public office", "the charges of fraud and bribery"
_COUNTS_OF = lazy_compile(
    r"(?:(?:the|all|both|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several"
    r"|multiple|further)\s+)?(?:(?:criminal|separate|related)\s+)?(?:counts?|charges?)\s+of\s+"
    r"(?P<deed>\S.*?)[.]?$",
    re.IGNORECASE,
)
# "the fraud and was jailed": the deed ends where a clause of the defendant's own begins
_DEED_END = lazy_compile(r",|\s+and\s+(?:was|were|is|are|has|had|will|would|did|then)\b")
_PLEA = lazy_compile(r"(?:not\s+)?guilty\s+(?:to|of)\s+(?P<deed>\S.*?)[.]?$", re.IGNORECASE)


def charge_proposition(content: str, lemma: str, subject: str) -> str | None:
    """Rule charge: what a defendant denies or admits, as the charge against them.

    "Lowe denies two counts of misconduct in public office" and "Lowe pleaded not guilty to
    fraud" deny "Gareth Lowe is guilty of misconduct in public office." / "… of fraud."; a
    guilty plea asserts it (the stance is the cue's, and rule plea's for "not guilty"). None
    without the defendant's name: "Guilty to bribery." checks nothing.
    """
    if not subject:
        return None
    body = content.strip(" ,")
    if lemma == "plead":
        plea = _PLEA.match(body)
        if plea is None:
            return None
        deed = plea.group("deed")
        if counts := _COUNTS_OF.match(deed):  # "pleaded not guilty to two counts of fraud"
            deed = counts.group("deed")
        if _is_gerund(deed):
            return None  # "pleaded guilty to making straw donations": "X made …" reads better
        return f"{subject} is guilty of {_deed(deed)}."
    if lemma in ("deny", "admit"):
        counts = _COUNTS_OF.match(body)
        if counts is None or _is_gerund(counts.group("deed")):
            return None  # "denies four counts of breaching …": "X breached …" (round 17)
        return f"{subject} is guilty of {_deed(counts.group('deed'))}."
    return None


def _is_gerund(deed: str) -> bool:
    """ "breaching fire safety rules": a deed with a verb, put in the past by the proposition."""
    return deed.split(" ", 1)[0].endswith("ing")


def _deed(deed: str) -> str:
    """The charge alone: "fraud and was jailed in 2019" -> "fraud"."""
    end = _DEED_END.search(deed)
    return deed[: end.start()] if end else deed
