"""Headlines: title-case lines without a full stop ("Mayor Denies Contract Was Rigged").

Headlines capitalise every word and often end in a scene-setting clause ("… as Leaders Meet"),
so three things differ from body sentences: the trailing frame is not part of the content;
the proposition is re-cased (words are lowered unless the article or the lexicon shows them to
be names); and a speaker named only by a role or a common noun ("Mayor", "Health Agency") is
the one the body names in full ("Mayor Colin Hart", "the national health agency").
"""

from __future__ import annotations

import re

from workbench.extract.lexicon import Lexicon
from workbench.extract.words import lazy_compile, word_set

_MINOR = word_set(
    "a an the and or but nor of on in at to for from by with as vs vs. via over into onto up"
    " out off per than after amid about against before"
)
_WORD = lazy_compile(r"[A-Za-z][\w’'-]*")
# "… as Leaders Meet", "… amid Protests": a frame around the news, not what was said.
_FRAME = lazy_compile(r"\s+(?:as|amid|while|ahead\s+of)\s+[A-Z]")
# A capitalised word straight after a lower-case word, digit or comma is a name, not a
# sentence start or a headline's capital.
_LOWER_WORD = lazy_compile(r"\b[a-z][\w’'-]*")
_MID_CAPITAL = lazy_compile(r"(?<=[a-z0-9,;] )[A-Z][\w’'-]*")


def is_headline(sentence: str) -> bool:
    """A title-case line with no closing punctuation, of more than three words (or two or
    three capitalised words, as liveblog entries are headed)."""
    if sentence.rstrip()[-1:] in '.!?”"':
        return False
    words = sentence.split()
    if 2 <= len(words) <= 3:  # "Aid Arrives", "India Rejects Criticism": a liveblog entry's
        return all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
    return len(words) > 3 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)


def is_title_case(sentence: str) -> bool:
    """Every word except short function words starts with a capital (at least two of them)."""
    major = [w for w in _WORD.findall(sentence) if w.lower() not in _MINOR]
    return len(major) >= 2 and all(w[0].isupper() for w in major)


# In a sentence-case headline the frame is lower case: "… as corruption trial opens".
# "as"/"while" need a clause ending in a verb ("as corruption trial opens", "as talks
# begin"), since "praises Clinton as work horse" and "as soon as possible" are no frames.
_LOWER_FRAME = lazy_compile(
    r"\s+(?:(?:amid|ahead\s+of)\s+(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*"
    r"|(?:as|while)\s+(?:[a-z][\w-]*\s+){1,4}(?:(?:open|begin|meet|close|start|end|loom|mount|grow"
    r"|rise|fall|continue|resume|deepen|escalate|spread|near|return|arrive|gather|heat)s?"
    r"|gets?\s+under\s+way))$"
)


def frame_start(text: str, start: int, end: int, *, sentence_case: bool = False) -> int:
    """Where a trailing "as …"/"amid …" frame begins in ``text[start:end]``, else ``end``."""
    match = (_LOWER_FRAME if sentence_case else _FRAME).search(text, start, end)
    return match.start() if match and match.start() > start else end


def body_names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """What the article's body capitalises in mid-sentence, and what it writes in lower case.

    Headlines are left out: their capitals say nothing about names.
    """
    names: set[str] = set()
    lower: set[str] = set()
    for line in text.splitlines():
        if "," in line or line.rstrip()[-1:] in '.!?”"' or not is_headline(line):
            names.update(_MID_CAPITAL.findall(line))
            lower.update(_LOWER_WORD.findall(line))
    return frozenset(names), frozenset(lower)


def truecase(phrase: str, names: tuple[frozenset[str], frozenset[str]], lexicon: Lexicon) -> str:
    """Lower the headline capitals of ``phrase``, keeping names, acronyms and "I".

    A word is a name when the lexicon knows it as a place or organisation, when it has
    capitals past its first letter ("NATO", "McAdam"), or when the body capitalises it in
    mid-sentence and never writes it in lower case ("Allard"). A word the body writes both
    ways ("Port", "port") stays capitalised only next to a name ("Port Allard").
    """
    capitals, lower = names
    words = list(_WORD.finditer(phrase))
    strength = []  # 2: a name, 1: a name only beside one, 0: an ordinary word
    for match in words:
        word = match.group()
        if word.endswith(("’s", "'s")):
            word = word[:-2]  # "Clinton’s" is as much a name as "Clinton"
        if (
            word == "I"
            or any(c.isupper() or c.isdigit() for c in word[1:])
            or word in lexicon.places
            or word in lexicon.organisations
        ):
            strength.append(2)
        elif word[0].isupper() and word in capitals:
            strength.append(1 if word.lower() in lower else 2)
        else:
            strength.append(0)
    out = []
    last = 0
    for k, match in enumerate(words):
        keep = strength[k] == 2 or (
            strength[k] == 1
            and ((k > 0 and strength[k - 1] == 2) or (k + 1 < len(words) and strength[k + 1] == 2))
        )
        out.append(phrase[last : match.start()])
        out.append(match.group() if keep else match.group().lower())
        last = match.end()
    out.append(phrase[last:])
    return "".join(out)


def body_speaker(text: str, after: int, speaker: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """The body mention a headline speaker stands for, as a span of ``text``, or None.

    A bare title ("Mayor") is the first "Mayor <Name>" in the body; a common noun phrase
    ("Health Agency", "Report") is the first "the … health agency" in the body.
    """
    words = speaker.split()
    if not words or len(words) > 3:
        return None
    if speaker in lexicon.titles:
        pattern = rf"\b{re.escape(speaker)}\s+(?:[A-Z][\w’'.-]*\s+){{0,2}}[A-Z][\w’'-]*"
        found = re.compile(pattern).search(text, after)
        return found.span() if found else None
    phrase = r"\s+".join(re.escape(w.lower()) for w in words)
    # "the … health agency", also "Kenya's health ministry", "Zambia's main opposition party"
    owner = r"(?:[Tt]he|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[’']s)"
    body = r"(?:\s+(?:party|ministry|agency|group|union|council|authority|body))?"
    pattern = rf"\b{owner}\s+(?:[a-z][\w-]*\s+){{0,2}}{phrase}{body}\b"
    found = re.compile(pattern).search(text, after)
    return found.span() if found else None
