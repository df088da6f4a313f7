"""Round 16: vocabulary that was code lists is now in lexicons/bodies.toml and verbs.toml, and
a user lexicon extends it like any other table."""

from __future__ import annotations

from pathlib import Path

import pytest


def _user(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "desk.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_also_people_from_a_user_lexicon_keeps_a_described_name_a_person(tmp_path: Path) -> None:
    from workbench.extract import extract, load_lexicon

    text = "Marlow Quist, the firm that won the contract, said the bridge was unsafe."
    assert [s.actor_kind for s in extract(text)] == ["organisation"]
    lexicon = load_lexicon([_user(tmp_path, '[also_people]\nwords = ["firm"]\n')])
    assert [s.actor_kind for s in extract(text, lexicon=lexicon)] == ["person"]


def test_business_nouns_and_public_words_extend_from_a_user_lexicon(tmp_path: Path) -> None:
    from workbench.extract import load_lexicon
    from workbench.extract.body_nouns import names_body

    bundled = load_lexicon()
    assert names_body("Harlow Freight", "company", None, bundled)
    assert not names_body("Harlow Freight", "haulier", None, bundled)
    assert names_body("Harlow Docks", "company", None, bundled)
    body = '[business_nouns]\nwords = ["haulier"]\n[public_words]\nwords = ["Docks"]\n'
    user = load_lexicon([_user(tmp_path, body)])
    assert names_body("Harlow Freight", "haulier", None, user)
    assert not names_body("Harlow Docks", "company", None, user)  # a public body now
    assert "company" in user.business_nouns and "Police" in user.public_words  # bundled kept


def test_irregular_past_tenses_come_from_verbs_toml(tmp_path: Path) -> None:
    from workbench.extract import extract, load_lexicon
    from workbench.extract.proposition import past_of, past_of_base

    assert past_of("selling") == "sold" and past_of("running") == "ran"
    assert past_of_base("meet") == "met" and past_of("providing") == "provided"
    props = [s.proposition for s in extract("Chirply denied selling users' data.")]
    assert props == ["Chirply sold users' data."]
    user = load_lexicon([_user(tmp_path, '[irregular_past]\nsmite = "smote"\n')])
    assert user.irregular_past["smite"] == "smote" and user.irregular_past["sell"] == "sold"
    assert {"was", "were", "smote"} <= user.past_forms


def test_a_clause_subject_ends_before_an_irregular_past_from_the_lexicon() -> None:
    from workbench.extract.clause_subjects import main_subject

    text = "The old judge sat back, and then said the case was closed."
    span = main_subject(text, 0, text.index("said"))
    assert span is not None and text[span[0] : span[1]] == "The old judge"


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('[also_people]\nword = ["firm"]\n', "[also_people.word]"),
        ("[irregular_past]\nsmite = 3\n", "wrong shape"),
        ("[irregular_past]\nsmite = []\n", "wrong shape"),
        ('[public_word]\nwords = ["Docks"]\n', "[public_word]"),
    ],
)
def test_a_bad_body_or_verb_table_is_refused_in_one_line(
    tmp_path: Path, body: str, needle: str
) -> None:
    from workbench.errors import InvalidInput
    from workbench.extract import load_lexicon

    with pytest.raises(InvalidInput) as caught:
        load_lexicon([_user(tmp_path, body)])
    line = caught.value.one_line()
    assert "desk.toml" in line and needle in line and "\n" not in line


def test_kin_nouns_extend_from_a_user_lexicon(tmp_path: Path) -> None:
    from workbench.extract import extract, load_lexicon

    text = "Edna Firth's godson, Graham, said the sentence was too short."
    assert [s.actor for s in extract(text)] != ["Graham Firth"]
    lexicon = load_lexicon([_user(tmp_path, '[kin_nouns]\nwords = ["godson"]\n')])
    assert [s.actor for s in extract(text, lexicon=lexicon)] == ["Graham Firth"]


def test_a_users_irregular_past_reaches_propositions(tmp_path: Path) -> None:
    """The user's verbs are used by the extraction that was given the lexicon, and only by it."""
    from workbench.extract import extract, load_lexicon

    user = load_lexicon([_user(tmp_path, '[irregular_past]\nsmite = "smote"\nslay = "slew"\n')])
    text = "Brazil accused Norway of slaying the envoy. Norway denied smiting the fleet."
    props = [s.proposition for s in extract(text, lexicon=user)]
    assert props == ["Norway slew the envoy.", "Norway smote the fleet."]
    bundled = [s.proposition for s in extract(text)]
    assert bundled == ["Norway slayed the envoy.", "Norway smited the fleet."]
