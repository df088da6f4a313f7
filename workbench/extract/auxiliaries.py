"""Auxiliaries, adverbs and negation around a cue verb ("has not publicly denied").

They belong to the cue span (annotators include them) and decide negation and passive voice,
so they are found by walking words back from the verb: cheaper than a regex anchored at the
end of a window, which re-tries at every position.
"""

from __future__ import annotations

from workbench.extract.words import lazy_compile, word_set

_AUX_WORDS = word_set(
    "has have had is are was were will would could can may might should must shall did does do "
    "been be being not never also repeatedly previously later then already publicly privately "
    "recently often still immediately reportedly openly strongly once flatly firmly vehemently "
    "explicitly further long again even quickly categorically now together almost just first so"
    " since twice"
)
# -ly words that are nouns or verbs in news copy ("the family said"), not adverbs.
_LY_NOT_ADVERBS = word_set(
    "family ally rally supply assembly homily monopoly reply apply comply imply multiply rely "
    "anomaly july bully folly holly tally sally lily belly jelly italy fully"
)
_CONTRACTED = ("'ve", "’ve", "'re", "’re", "'ll", "’ll")
# Words whose "’s" is "is" or "has", never a possessive ("he’s predicting", "that’s according
# to"); PolNeAR train keeps the "’s" in the cue (112 gold cues start with it).
_S_CONTRACTS = word_set("he she it that who what here where")


def _is_aux(word: str) -> bool:
    lower = word.lower()
    if lower in _AUX_WORDS or lower.endswith(("n't", "n’t")):
        return True
    return (
        lower.endswith("ly")
        and len(lower) >= 5
        and word.isalpha()
        and word[0].islower()  # "Chirply has denied": a capitalised -ly word is a name
        and (lower not in _LY_NOT_ADVERBS)
    )


def aux_length(window: str) -> int:
    """Length of the auxiliary/adverb chain that ends ``window`` ("has not also ")."""
    cut = len(window)
    while cut > 0:
        body = window[:cut].rstrip()
        if len(body) == cut:
            break  # the chain is made of whole words followed by white space
        k = body.rfind(" ")
        word = body[k + 1 :]
        if "\n" in word or "\t" in word:  # rare: only then the other two searches
            k = max(k, body.rfind("\n"), body.rfind("\t"))
            word = body[k + 1 :]
        if word.endswith(_CONTRACTED):
            cut = k + 1 + len(word) - 3  # "they've said": only "'ve" belongs to the cue
            break
        if word[-2:] in ("’s", "'s") and word[:-2].lower() in _S_CONTRACTS:
            cut = k + 1 + len(word) - 2  # "he’s predicting": only "’s" belongs to the cue
            break
        if not word or not (_is_aux(word) or _floating(word, body[: k + 1])):
            break
        cut = k + 1
    return len(window) - cut


# Quantifiers that float after an auxiliary ("have both denied", "were all rejected"); after
# a noun they are the subject's ("Moscow and Pyongyang both denied"), handled with the source.
_FLOATING = frozenset({"both", "all", "each"})
_FLOAT_AFTER = word_set("has have had is are was were will would could can may might should did do")


def _floating(word: str, before: str) -> bool:
    """ "both" in "have both denied": a floating quantifier right after an auxiliary."""
    if word.lower() not in _FLOATING:
        return False
    previous = before.rstrip().rsplit(None, 1)[-1:]
    return bool(previous) and previous[0].lower() in _FLOAT_AFTER


NEGATION = lazy_compile(r"\b(?:not|never|\w+n[’']t)\b")
PASSIVE_BE = lazy_compile(r"\b(?:is|are|was|were|been|be|being)\b")
