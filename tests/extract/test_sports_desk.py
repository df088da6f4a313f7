"""Habits of sports and British copy (rules plural-name, quote pronouns, rebuttal words).
Sentences written for these tests."""

from __future__ import annotations

from workbench.extract import extract


def test_a_name_with_a_plural_verb_is_a_body() -> None:
    statements = extract("Harbour City have denied reports that they bid for the striker.")
    assert [(s.actor, s.actor_kind) for s in statements] == [("Harbour City", "organisation")]
    people = extract("Mourners say the service was moving.")  # a plural noun, not a team
    assert [s.actor_kind for s in people] != ["organisation"]


def test_a_direct_quote_keeps_its_pronouns_across_a_continued_quote() -> None:
    statements = extract(
        '"He is happy here and he has three years left on his deal," Jens Falk told '
        'reporters after the match. "Nobody has called me."'
    )
    assert statements[0].proposition.startswith("He is happy here")


def test_complete_fiction_rebuts_the_claim() -> None:
    statements = extract(
        "The Courier claimed that City had agreed terms with the striker. "
        'A City spokesman said the story was "complete fiction".'
    )
    denial = [s for s in statements if s.stance == "denies"]
    assert [s.proposition for s in denial] == ["City had agreed terms with the striker."]


def test_though_opens_the_source_not_a_long_subject() -> None:
    statements = extract(
        "Mensah has stayed silent, though his agent, Paulo Reis, told a radio station "
        "that several clubs were interested."
    )
    assert [(s.speaker, s.actor) for s in statements if s.cue] == [
        ("his agent, Paulo Reis", "Paulo Reis")
    ]


def test_a_plural_noun_with_a_plural_verb_is_a_group() -> None:
    statements = extract("Passengers say the ferries were cancelled 200 times.")
    assert [(s.actor, s.actor_kind) for s in statements] == [("passengers", "group")]
