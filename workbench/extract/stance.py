"""Stance: whether the speaker asserts, denies or questions the content.

The cue's lexicon stance is the default; negation flips it ("did not deny" asserts, "did not
confirm" denies), because a fact-checker weighs a denial differently from a claim.
"""

from __future__ import annotations

from workbench.extract.cues import Cue

_FRAME_PRIOR = {"speech": 0.85, "evidential": 0.7, "attitude": 0.6}
# (frame, quoted, has source) -> prior: a quote adds 0.1, a missing source costs 0.15.
_PRIORS = {
    (frame, quoted, sourced): round(min(base + 0.1 * quoted - 0.15 * (not sourced), 0.99), 2)
    for frame, base in _FRAME_PRIOR.items()
    for quoted in (False, True)
    for sourced in (False, True)
}


def stance_of(cue: Cue | None) -> str:
    """The stance a cue expresses, with negation applied."""
    if cue is None:
        return "asserts"
    stance = cue.info.stance
    if not cue.negated:
        return stance
    if stance == "denies":
        return "asserts"
    if stance == "asserts":
        return "denies"
    return stance


def confidence_of(cue: Cue | None, rule: str, has_source: bool) -> float:
    """A rough prior per rule: speech verbs with a named source are the most reliable."""
    if cue is None:
        return 0.9 if rule == "according-to" else 0.5
    return _PRIORS[cue.info.frame, rule.startswith("quote"), has_source]
