from __future__ import annotations

from workbench.extract.cues import find_according, find_cues
from workbench.extract.lexicon import load_lexicon


def cues(text: str) -> list[tuple[str, str, bool]]:
    found = find_cues(text, 0, len(text), load_lexicon())
    return [(text[c.start : c.end], c.info.stance, c.negated) for c in found]


def test_auxiliaries_and_negation_are_part_of_the_cue() -> None:
    assert cues("The ministry has not denied the report.") == [("has not denied", "denies", True)]


def test_nouns_after_determiners_are_not_cues() -> None:
    assert cues("Both countries deny the claims.") == [("deny", "denies", False)]


def test_infinitives_defer_to_the_main_verb() -> None:
    assert [c[0] for c in cues("She refused to say more.")] == ["refused"]


def test_passives_agent_impersonal_and_agentless() -> None:
    assert [c[0] for c in cues("It is expected that prices rise.")] == ["is expected"]
    assert [c[0] for c in cues("The leak was reported by a local paper.")] == ["was reported"]
    # Agentless passives report with an unnamed source, except after a bare pronoun.
    assert [c[0] for c in cues("A curfew was announced for Friday.")] == ["was announced"]
    assert cues("He was told to wait.") == []


def test_complement_only_cues_need_a_clause() -> None:
    assert cues("The envoy maintains good contacts.") == []
    assert [c[0] for c in cues("The envoy maintains that talks continue.")] == ["maintains"]


def test_questions_stance_and_multiword_cues() -> None:
    assert cues("Critics questioned the plan.") == [("questioned", "questions", False)]
    assert cues("They warn against haste.")[0][0] == "warn against"


def test_according_to() -> None:
    text = "According to the report, and according to others, yes."
    assert [text[s:e] for s, e in find_according(text, 0, len(text))] == [
        "According to",
        "according to",
    ]


def test_cue_words_after_adjectives_are_nouns() -> None:
    # A demonym or a plain adjective before the cue word makes it a noun.
    assert [c[0] for c in cues("Roe told Kenyan state radio.")] == ["told"]
    assert cues("The real decline in sales was small.") == []
    assert cues("Officials issued a sharp rebuke.") == []
    # Names, plural subjects and adverbs in front keep the verb reading.
    assert [c[0] for c in cues("Kenyan officials state that the port is open.")] == ["state"]
    assert [c[0] for c in cues("A senior official said the port is open.")] == ["said"]


def test_cue_word_followed_by_a_copula_is_a_noun_subject() -> None:
    assert cues("The decline was less than ten percent.") == []
    # "what he said is …": a verb with its own subject before it.
    assert [c[0] for c in cues("What he said is not true.")] == ["said"]
    assert [c[0] for c in cues("The claim the envoy denied was old.")] == ["denied"]


def test_phrasal_cues_mined_from_training_misses() -> None:
    found = cues("The mayor made it clear that the budget would shrink.")
    assert [c[0] for c in found] == ["made it clear"]
    found = cues("She went on to say that the deal was dead.")
    assert [c[0] for c in found] == ["went on to say"]
    assert [c[0] for c in cues("An aide emailed that the vote was off.")] == ["emailed"]


def test_recall_and_reveal_report_with_a_noun_object() -> None:
    """Mined from train (round 5): "recalled his first season", "revealed a deficit" are
    reports (81% of the added train predictions hit a gold cue)."""
    assert cues("The coach recalled his first season at the club.") == [
        ("recalled", "asserts", False)
    ]
    assert cues("The audit has revealed a deficit in the port budget.") == [
        ("has revealed", "asserts", False)
    ]


def test_noun_first_forms_are_cues_only_after_a_pronoun_or_auxiliary() -> None:
    """[noun_first] (round 5, from train): "the Harbour attacks", "Port rules", "Mayor Lee's
    email server" are nouns even after a capital; "she attacks", "has attacked" are verbs."""
    assert cues("The Harbour attacks shocked the town.") == []
    assert cues("Port rules require a pilot on board.") == []
    assert cues("Mayor Lee's email server was hacked.") == []
    assert cues("Every week she attacks the port budget.") == [("attacks", "asserts", False)]
    assert cues("The mayor has attacked the port budget.") == [("has attacked", "asserts", False)]
