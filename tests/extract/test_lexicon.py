from __future__ import annotations

from pathlib import Path

from workbench.extract import extract, load_lexicon


def test_default_lexicon_is_cached() -> None:
    assert load_lexicon() is load_lexicon()


def test_bundled_tables_are_loaded() -> None:
    lex = load_lexicon()
    assert lex.cues["said"].stance == "asserts"
    assert lex.cues["denied"].stance == "denies"
    assert lex.cues["questioned"].stance == "questions"
    assert lex.places["Pyongyang"] == ("North Korea", "capital")
    assert lex.organisations["U.N."][0] == "United Nations"


def test_user_toml_is_merged_over_bundled(tmp_path: Path) -> None:
    extra = tmp_path / "newsroom.toml"
    extra.write_text(
        '[countries."Valdoria"]\ncapitals = ["Port Ilse"]\ndemonyms = ["Valdorian"]\n'
        "aliases = []\n\n"
        '[speech.denies]\nlemmas = ["pooh-pooh"]\n',
        encoding="utf-8",
    )
    lex = load_lexicon([extra])
    assert lex.places["Port Ilse"] == ("Valdoria", "capital")
    assert lex.cues["pooh-poohed"].stance == "denies"
    assert lex.cues["denied"].stance == "denies"  # bundled entries survive the merge
    text = "Port Ilse pooh-poohed the report."
    [statement] = extract(text, lexicon=lex)
    assert (statement.actor, statement.stance) == ("Valdoria", "denies")


def test_bad_user_files_raise_invalid_input(tmp_path: Path) -> None:
    import pytest

    from workbench.errors import InvalidInput

    broken = tmp_path / "broken.toml"
    broken.write_text("[speech.asserts\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="not valid TOML"):
        load_lexicon([broken])
    with pytest.raises(InvalidInput, match="cannot read"):
        load_lexicon([tmp_path / "missing.toml"])
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[countries]\nValdoria = "x"\n', encoding="utf-8")
    with pytest.raises(InvalidInput):
        load_lexicon([wrong])


def test_cue_finder_matches_every_head_and_nothing_else() -> None:
    lex = load_lexicon()
    heads = set(lex.cue_heads)
    for head in heads:
        assert [m.group() for m in lex.cue_finder.finditer(f"({head}) x{head} {head}x")] == [head]
    words = [
        "said",
        "says",
        "saying",
        "sayings",
        "add",
        "added",
        "adding",
        "address",
        "warned",
        "warns",
        "warn",
    ]
    found = [m.group() for m in lex.cue_finder.finditer(" ".join(words))]
    assert found == [w for w in words if w in heads]


def test_the_example_lexicon_in_data_loads_and_changes_extraction() -> None:
    """data/lexicon-example.toml is documented for users: it must stay loadable and useful."""
    example = Path(__file__).parents[2] / "data" / "lexicon-example.toml"
    lex = load_lexicon([example])
    assert lex.places["Port Ilse"] == ("Valdoria", "capital")
    [statement] = extract("The HAV pooh-poohed the report on dredging.", lexicon=lex)
    assert (statement.actor, statement.stance) == ("Harbour Authority of Valdoria", "denies")
    [without] = extract("The HAV pooh-poohed the report on dredging.")
    assert (without.rule, without.cue) == ("outlet-voice", None)  # no cue without the lexicon


def test_a_lexicon_path_that_never_ends_is_refused_not_read_forever() -> None:
    import pytest

    from workbench.errors import InvalidInput

    with pytest.raises(InvalidInput, match="larger than"):
        load_lexicon([Path("/dev/zero")])


def test_a_user_lexicon_overrides_a_bundled_stance(tmp_path: Path) -> None:
    from workbench.extract import extract, load_lexicon

    path = tmp_path / "newsroom.toml"
    path.write_text('[speech.denies]\nlemmas = ["condemn"]\n', encoding="utf-8")
    text = "The ministry condemned claims that the dam leaked."
    assert {s.stance for s in extract(text) if s.cue} == {"asserts"}
    assert {s.stance for s in extract(text, lexicon=load_lexicon([path])) if s.cue} == {"denies"}


def test_an_unknown_table_or_key_is_refused_naming_file_and_key(tmp_path: Path) -> None:
    import pytest

    from workbench.errors import InvalidInput
    from workbench.extract import load_lexicon

    for body, needle in (
        ('[speech.deny]\nlemmas = ["rebut"]\n', "[speech.deny]"),
        ('[speeches.denies]\nlemmas = ["rebut"]\n', "[speeches]"),
    ):
        path = tmp_path / "typo.toml"
        path.write_text(body, encoding="utf-8")
        with pytest.raises(InvalidInput) as caught:
            load_lexicon([path])
        line = caught.value.one_line()
        assert "typo.toml" in line and needle in line and "\n" not in line
