"""Lexicons for the extraction engine: cue verbs, titles, places and organisations.

The word lists are data, not code, so that newsrooms can teach the engine their own beats
(a ministry's name, a local reporting verb) without a release: the bundled TOML files in
``lexicons/`` are loaded first and user files are merged over them.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from workbench.errors import InvalidInput
from workbench.extract.words import lazy_compile, trie_pattern
from workbench.regex_cache import compile_written
from workbench.user_dirs import user_cache_dir
from workbench.vocabulary import STANCES

BUNDLED = (
    *("cues.toml", "titles.toml", "places.toml", "organisations.toml", "bodies.toml"),
    "verbs.toml",
)
# Beside this module (importlib.resources would add 7 ms of imports to every start-up).
LEXICON_FOLDER = Path(__file__).parent / "lexicons"
_FRAMES = ("speech", "attitude", "evidential")
_HEADLINE = frozenset({"say", "warn", "deny", "claim", "urge", "accuse", "reject", "vow", "tell"})
# Verbs that headlines use in the present tense ("Report Finds …", "Ministry Disputes …"). Their
# capitalised forms count as cues only inside a title-case headline (``headline_forms``).
_HEADLINE_ONLY = frozenset(
    {
        *("find", "show", "dispute", "dismiss", "blame", "question", "doubt", "admit", "confirm"),
        *("insist", "defend", "threaten", "pledge", "promise", "predict", "demand", "reveal"),
        *("criticise", "criticize", "condemn", "slam", "praise", "call for", "warn of", "rule out"),
        *("allege", "suggest", "concede", "acknowledge", "announce", "argue"),
    }
)


# "slam" -> "slammed": a short verb ending consonant-vowel-consonant doubles its last letter.
_DOUBLES_LAST = lazy_compile(r"[^aeiou][aeiou][bdgmnpt]$")


@dataclass(frozen=True, slots=True)
class CueInfo:
    """What a cue word form means: its lemma, stance and how strongly it signals reporting."""

    lemma: str
    stance: str
    frame: str
    takes_object: bool
    needs_complement: bool = False


@dataclass(slots=True)
class Lexicon:
    """Merged lexicon with lookup tables precomputed once (extraction runs per sentence)."""

    cues: dict[str, CueInfo] = field(default_factory=dict)  # surface form (lower) -> info
    titles: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    group_countries: frozenset[str] = frozenset()
    group_persons: frozenset[str] = frozenset()
    places: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (country, how)
    organisations: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    organisation_words: frozenset[str] = frozenset()
    cue_heads: dict[str, tuple[tuple[str, re.Pattern[str] | None], ...]] = field(
        default_factory=dict
    )  # first word -> (form, pattern for multi-word forms), longest first
    cue_finder: re.Pattern[str] = field(default=re.compile(r"(?!x)x"))  # any cue head, as a word
    noun_like: frozenset[str] = frozenset()
    noun_first: frozenset[str] = frozenset()  # see [noun_first] in cues.toml
    cache: dict[str, Any] = field(default_factory=dict)  # memoised normalisations
    title_re: re.Pattern[str] = field(default=re.compile(r"(?!x)x"))
    headline_forms: frozenset[str] = frozenset()  # capitalised cue forms valid only in headlines
    given_names: dict[str, str] = field(default_factory=dict)  # "Faith" -> "f", see titles.toml
    body_nouns: dict[str, str] = field(default_factory=dict)  # "regulator" -> "public"
    honorifics: frozenset[str] = frozenset()  # "Mr", "Dr.": the next word is a name
    addresses: frozenset[str] = frozenset()  # ... unless a form of address ("Mr. President")
    kin_nouns: frozenset[str] = frozenset()  # "son", "wife": see [kin_nouns] in titles.toml
    also_people: frozenset[str] = frozenset()  # see bodies.toml
    business_nouns: frozenset[str] = frozenset()
    public_words: frozenset[str] = frozenset()
    body_types: frozenset[str] = frozenset()  # business nouns and [body_types]
    irregular_past: dict[str, str] = field(default_factory=dict)  # "sell" -> "sold", verbs.toml
    past_forms: frozenset[str] = frozenset()  # every listed past form ("sold", "were")


def _inflect(lemma: str, irregular: dict[str, list[str]]) -> list[str]:
    """Surface forms of a (possibly multi-word) verb lemma: base, -s, past, participle, -ing."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in irregular:
        forms = [head, *irregular[head]]
    elif head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    elif len(head) <= 4 and _DOUBLES_LAST.search(head):
        double = head + head[-1]  # "slam" -> "slammed", "plan" -> "planning"
        forms = [head, head + "s", double + "ed", double + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return [f + tail for f in dict.fromkeys(forms)]


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    """Deep-merge ``extra`` into ``base``; lists are extended so users add words, not replace."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value


def _spaced(form: str) -> str:
    """A form as a regex, any white space between its words: `_alternation([form])`, built
    without the set and sort (152 multi-word forms at every start-up)."""
    return re.escape(form).replace(r"\ ", r"\s+")


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _cues(data: dict[str, Any]) -> tuple[dict[str, CueInfo], frozenset[str]]:
    irregular = data.get("irregular", {})
    takes_object = set(data.get("object_verbs", {}).get("lemmas", []))
    complement = set(data.get("complement_only", {}).get("lemmas", []))
    table: dict[str, CueInfo] = {}
    for frame in _FRAMES:  # speech first: it wins over attitude for the same form
        for stance in STANCES:
            for lemma in data.get(frame, {}).get(stance, {}).get("lemmas", []):
                info = CueInfo(lemma, stance, frame, lemma in takes_object, lemma in complement)
                for form in _inflect(lemma, irregular):
                    table.setdefault(form, info)
    headline_only: set[str] = set()
    for form, info in list(table.items()):
        if info.lemma in _HEADLINE and " " not in form and not form.endswith("ing"):
            table.setdefault(form.capitalize(), info)  # "…, Senator Says" in headlines
    for lemma in sorted(_HEADLINE | _HEADLINE_ONLY):
        for form in _inflect(lemma, irregular)[:2]:  # headlines' present tense: base, -s
            capital = form[0].upper() + form[1:]  # "Finds", "Warns of", "Dispute"
            if form in table and capital not in table:
                table[capital] = table[form]
                headline_only.add(capital)
    return table, frozenset(headline_only)


def _heads(cues: dict[str, CueInfo]) -> dict[str, tuple[tuple[str, re.Pattern[str] | None], ...]]:
    grouped: dict[str, list[str]] = {}
    for form in cues:
        head = form.partition(" ")[0]
        if (forms := grouped.get(head)) is None:
            grouped[head] = [form]
        else:
            forms.append(form)
    heads = {}
    for head, forms in grouped.items():
        if len(forms) == 1 and forms[0] == head:  # most heads: one single-word form, no sort
            heads[head] = ((forms[0], None),)
            continue
        forms.sort(key=lambda f: (-len(f), f))
        heads[head] = tuple(
            (f, lazy_compile(_spaced(f) + r"\b") if " " in f else None) for f in forms
        )
    return heads


def _cue_finder(cues: dict[str, CueInfo]) -> re.Pattern[str]:
    """Any cue head as a whole word: one prefix-factored regex (see `trie_pattern`).

    Looked up by its head words, so that a start-up with the pattern stored need not write
    its 6,000 characters out (`compile_written`).
    """
    heads = sorted({form.split(" ")[0] for form in cues})
    return compile_written(  # (?<!\w): \b before a word character, failing faster mid-word
        "cue finder, lookbehind: " + " ".join(heads),
        lambda: r"(?<!\w)" + trie_pattern(heads) + r"\b",
    )


def _places(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for country, entry in data.get("countries", {}).items():
        table[country] = (country, "country")
        for name in entry.get("aliases", []):
            table[name] = (country, "country")
        for name in entry.get("capitals", []):
            table.setdefault(name, (country, "capital"))
        for name in entry.get("demonyms", []):
            table.setdefault(name, (country, "demonym"))
    return table


def _organisations(data: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for name, entry in data.get("organisations", {}).items():
        country = entry.get("country")
        table[name] = (name, country)
        for alias in entry.get("aliases", []):
            table[alias] = (name, country)
    return table


def build_lexicon(data: dict[str, Any]) -> Lexicon:
    """Turn merged TOML data into lookup tables and compiled patterns."""
    cues, headline_forms = _cues(data)
    places = _places(data)
    orgs = _organisations(data)
    titles = frozenset(data.get("titles", {}).get("words", []))
    refs = data.get("group_references", {})
    past: dict[str, Any] = data.get("irregular_past", {})
    return Lexicon(
        cues=cues,
        titles=titles,
        groups=frozenset(w.lower() for w in data.get("groups", {}).get("words", [])),
        group_countries=frozenset(refs.get("countries", [])),
        group_persons=frozenset(refs.get("persons", [])),
        places=places,
        organisations=orgs,
        organisation_words=frozenset(data.get("organisation_words", {}).get("words", [])),
        cue_heads=_heads(cues),
        cue_finder=_cue_finder(cues),
        noun_like=frozenset(data.get("noun_like", {}).get("forms", [])),
        noun_first=frozenset(data.get("noun_first", {}).get("forms", [])),
        title_re=lazy_compile(rf"(?:{_alternation(titles)})(?=\s)"),
        headline_forms=headline_forms,
        given_names=_given_names(data.get("given_names", {})),
        body_nouns={
            noun: kind for kind, nouns in data.get("body_nouns", {}).items() for noun in nouns
        },
        honorifics=_words(data, "honorifics"),
        kin_nouns=_words(data, "kin_nouns"),
        addresses=frozenset(data.get("honorifics", {}).get("addresses", [])),
        also_people=_words(data, "also_people"),
        business_nouns=_words(data, "business_nouns"),
        public_words=_words(data, "public_words"),
        body_types=_words(data, "business_nouns") | _words(data, "body_types"),
        irregular_past={verb: _pasts(forms)[0] for verb, forms in past.items()},
        past_forms=frozenset(form for forms in past.values() for form in _pasts(forms)),
    )


def _words(data: dict[str, Any], table: str) -> frozenset[str]:
    """A ``[table] words = [...]`` list as a set."""
    return frozenset(data.get(table, {}).get("words", []))


def _pasts(forms: str | list[str]) -> list[str]:
    """An [irregular_past] entry's past forms: one string, or a list whose first is the one
    propositions write ("be" = ["was", "were"])."""
    listed = [forms] if isinstance(forms, str) else list(forms)
    if not listed or not all(isinstance(f, str) and f for f in listed):
        raise ValueError(f"[irregular_past] entry {forms!r} is not a past form or a list of them")
    return listed


def _given_names(table: dict[str, Any]) -> dict[str, str]:
    """Given name -> "f"/"m"; a name listed under both genders says nothing."""
    out: dict[str, str] = {}
    for key, gender in (("female", "f"), ("male", "m")):
        for name in table.get(key, []):
            out[name] = gender if out.get(name, gender) == gender else ""
    return {name: g for name, g in out.items() if g}


MAX_LEXICON_BYTES = 10_000_000


def _read(path: Path) -> dict[str, Any]:
    """A user lexicon file; unreadable or malformed files are the user's to fix, not bugs."""
    import tomllib  # only for a user's file, or when the JSON copy is missing (3 ms of imports)

    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_LEXICON_BYTES + 1)  # a device or pipe may never end
        if len(data) > MAX_LEXICON_BYTES:
            raise InvalidInput(
                f"lexicon file is larger than {MAX_LEXICON_BYTES // 1_000_000} MB",
                where=str(path),
                hint="is this the right file? lexicons are short TOML word lists",
            )
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InvalidInput("lexicon file is not UTF-8 text", where=str(path)) from error
    except OSError as error:
        raise InvalidInput(
            f"cannot read lexicon file: {error.strerror}", where=str(path)
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(
            f"lexicon file is not valid TOML: {error}",
            where=str(path),
            hint="see docs/extraction.md for the lexicon format",
        ) from error


# Tables a lexicon file may hold, and for each the keys allowed inside it (None: any name, as
# in [countries."Peru"]). A misspelt table such as [speech.deny] is refused, not ignored.
_TABLES: dict[str, frozenset[str] | None] = {
    **{frame: frozenset(STANCES) for frame in _FRAMES},
    "complement_only": frozenset({"lemmas"}),
    "noun_like": frozenset({"forms"}),
    "noun_first": frozenset({"forms"}),
    "object_verbs": frozenset({"lemmas"}),
    "irregular": None,
    "titles": frozenset({"words"}),
    "groups": frozenset({"words"}),
    "group_references": frozenset({"countries", "persons"}),
    "given_names": frozenset({"female", "male"}),
    "body_nouns": frozenset({"business", "public", "either"}),
    "countries": None,
    "organisations": None,
    "organisation_words": frozenset({"words"}),
    "honorifics": frozenset({"words", "addresses"}),
    "kin_nouns": frozenset({"words"}),
    "also_people": frozenset({"words"}),
    "business_nouns": frozenset({"words"}),
    "public_words": frozenset({"words"}),
    "body_types": frozenset({"words"}),
    "irregular_past": None,
}


def _check_tables(user: dict[str, Any], path: Path) -> None:
    """One line naming the file and the first unknown table or key."""
    for table, value in user.items():
        if table not in _TABLES:
            raise InvalidInput(
                f"unknown table [{table}]", where=str(path), hint="see docs/extraction.md"
            )
        allowed = _TABLES[table]
        if allowed is None or not isinstance(value, dict):
            continue
        for key in value:
            if key not in allowed:
                raise InvalidInput(
                    f"unknown key [{table}.{key}] (expected one of: {', '.join(sorted(allowed))})",
                    where=str(path),
                    hint="see docs/extraction.md",
                )


def _override_cues(data: dict[str, Any], user: dict[str, Any]) -> None:
    """A lemma a user file lists under a frame and stance leaves every other bundled list.

    Bundled lists are read first and the first entry wins, so without this a newsroom file
    saying [speech.denies] lemmas = ["condemn"] could not change the bundled "asserts".
    """
    mine: set[str] = set()
    for frame in _FRAMES:
        stances = user.get(frame)
        if not isinstance(stances, dict):
            continue
        for stance in STANCES:
            entry = stances.get(stance)
            lemmas = entry.get("lemmas") if isinstance(entry, dict) else None
            if isinstance(lemmas, list):
                mine.update(w for w in lemmas if isinstance(w, str))
    if not mine:
        return
    for frame in _FRAMES:
        for entry in data.get(frame, {}).values():
            if isinstance(entry, dict) and isinstance(entry.get("lemmas"), list):
                entry["lemmas"] = [w for w in entry["lemmas"] if w not in mine]


@lru_cache(maxsize=1)
def _default() -> Lexicon:
    return build_lexicon(_bundled_data())


def _bundled_data() -> dict[str, Any]:
    """The bundled TOML files merged, through a JSON copy in the user's cache directory.

    Parsing the TOML took 10-20 ms of every ``workbench extract`` start; ``json`` reads the
    same data in under a millisecond. The copy is named by a hash of the files' bytes, so an
    edited or upgraded lexicon never meets a stale copy, and any failure to read or write it
    only means parsing the TOML.
    """
    raw = [(LEXICON_FOLDER / name).read_bytes() for name in BUNDLED]
    joined = b"\0".join(raw)
    # Two checksums and the length name the files' contents (hashlib would load OpenSSL: 3 ms)
    digest = f"{zlib.crc32(joined):08x}{zlib.adler32(joined):08x}{len(joined):x}"
    cached = Path(user_cache_dir()) / f"lexicon-{digest}.json"
    try:
        data: dict[str, Any] = json.loads(cached.read_bytes())
        return data
    except (OSError, ValueError):
        pass  # no copy yet, or an unreadable one: parse the TOML and write it again
    import tomllib

    data = {}
    for text in raw:
        _merge(data, tomllib.loads(text.decode("utf-8")))
    _write_copy(cached, data)
    return data


def _write_copy(path: Path, data: dict[str, Any]) -> None:
    """Write the JSON copy atomically; a read-only or full cache directory is no error."""
    encoded = json.dumps(data, ensure_ascii=False)
    if json.loads(encoded) != data:
        return  # a TOML value JSON cannot hold (a date): keep parsing the TOML
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(encoded, encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        return


def load_lexicon(extra_paths: Sequence[Path] = ()) -> Lexicon:
    """The bundled lexicon, with user TOML files merged over it in order.

    Without extra paths the result is cached: ``extract`` calls this for every text.
    """
    if not extra_paths:
        return _default()
    data = _bundled_data()
    for path in extra_paths:
        user = _read(Path(path))
        _check_tables(user, Path(path))
        _override_cues(data, user)
        _merge(data, user)
    try:
        return build_lexicon(data)
    except (AttributeError, TypeError, ValueError) as error:
        raise InvalidInput(
            f"a lexicon file has a table or list of the wrong shape ({error})",
            where=", ".join(str(p) for p in extra_paths),
            hint="see docs/extraction.md for the lexicon format",
        ) from error


# The lexicon of the extraction running now, for the few word tables read deep inside helpers
# that are not handed one (the irregular past tenses of propositions and clause subjects):
# passing it through every call would add an argument to a dozen functions for one table.
_ACTIVE: ContextVar[Lexicon | None] = ContextVar("active_lexicon", default=None)


def active_lexicon() -> Lexicon:
    """The lexicon `extract` is running with (a user's files merged in), else the bundled one."""
    return _ACTIVE.get() or _default()


@contextmanager
def activated(lexicon: Lexicon) -> Iterator[None]:
    """Make ``lexicon`` the active one inside the ``with`` block (the one before, after it)."""
    token = _ACTIVE.set(lexicon)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
