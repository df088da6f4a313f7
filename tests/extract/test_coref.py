from __future__ import annotations

from workbench.extract.actors import Actor
from workbench.extract.coref import Memory, resolve, resolve_group, scan_mentions
from workbench.extract.lexicon import load_lexicon
from workbench.extract.sentences import split_sentences

LEX = load_lexicon()


def memory_for(text: str) -> Memory:
    memory = Memory()
    for start, end in split_sentences(text):
        scan_mentions(text, start, end, LEX, memory)
    return memory


def test_they_prefers_the_previous_sentence_subject() -> None:
    text = "Argentina watches the talks and keeps contact with Moscow. They urge restraint."
    memory = memory_for(text)
    [actor] = resolve("They", text.index("They"), memory, set())
    assert actor.name == "Argentina"


def test_he_resolves_to_the_last_person() -> None:
    text = "Kenyan President Amara Odhiambo landed. Later he spoke."
    memory = memory_for(text)
    assert resolve("he", text.index("he spoke"), memory, set())[0].name == "Amara Odhiambo"


def test_role_noun_resolves_by_title() -> None:
    text = "Trade Minister Peter Kamau arrived with President Lucia Fontes. The minister spoke."
    memory = memory_for(text)
    [actor] = resolve("The minister", text.index("The minister"), memory, set())
    assert actor.name == "Peter Kamau"


def test_both_countries_excludes_the_accuser() -> None:
    text = "Canada accused Brazil of selling drones to Venezuela, but both countries deny it."
    memory = memory_for(text)
    actors = resolve_group("country", text.index("both"), memory, {"Canada"})
    assert [a.name for a in actors] == ["Brazil", "Venezuela"]


def test_short_name_links_to_earlier_full_name() -> None:
    text = "Brazilian President Lucia Fontes arrived. Fontes smiled."
    memory = memory_for(text)
    assert [m.actor.name for m in memory.mentions] == ["Lucia Fontes", "Lucia Fontes"]


def test_it_takes_unnamed_things_but_not_unnamed_people() -> None:
    memory = Memory()
    memory.add(0, Actor("study published on Monday", "unnamed"))
    memory.add(10, Actor("port spokesman", "unnamed"))
    [actor] = resolve("it", 20, memory, set())
    assert actor.name == "study published on Monday"
    # With no thing or organisation in view, "it" stays unresolved.
    people = Memory()
    people.add(0, Actor("port spokesman", "unnamed"))
    assert resolve("it", 20, people, set()) == []


def test_it_beside_an_earlier_speaker_does_not_jump_to_another_thing() -> None:
    # "The board said …. The company denied that it had …": "it" is not the board.
    memory = Memory()
    memory.add(0, Actor("board", "unnamed"))
    memory.add(30, Actor("company", "unnamed"))
    assert resolve("it", 60, memory, {"company"}) == []


def test_a_role_learnt_from_an_appositive_resolves_a_later_role_noun() -> None:
    from workbench.extract import extract

    text = (
        "Ivan Petrov watched from the bench. The coach, Ivan Petrov, said his team would "
        "appeal. The coach added that the referee had erred."
    )
    found = [(s.speaker, s.actor) for s in extract(text, lexicon=LEX) if s.cue]
    assert found == [("The coach, Ivan Petrov", "Ivan Petrov"), ("The coach", "Ivan Petrov")]


def test_sentence_openers_and_parties_are_not_people_for_pronouns() -> None:
    from workbench.extract import extract

    text = (
        "Senator Ada Lark toured the plant. Instead Hastings met the union. "
        "He said the plant would stay open."
    )
    (said,) = [s for s in extract(text) if s.cue]
    assert (said.actor, said.proposition) == ("Ada Lark", "The plant would stay open.")


def test_a_one_word_name_called_it_is_an_organisation() -> None:
    from workbench.extract import extract

    said = [
        (s.actor, s.actor_kind, s.proposition)
        for s in extract("Brindle said it was closing two mills. It said 90 jobs would go.")
        if s.cue
    ]
    assert said == [
        ("Brindle", "organisation", "Brindle was closing two mills."),
        ("Brindle", "organisation", "90 jobs would go."),
    ]


def test_a_title_says_which_person_he_or_she_is() -> None:
    from workbench.extract import extract

    def speakers(text: str) -> list[str]:
        return [s.actor for s in extract(text) if s.cue]

    assert speakers("Ms. Ana Ruiz met Mr. Tom Kerr. She said the deal was done.") == ["Ana Ruiz"]
    assert speakers("Mr. Tom Kerr met Ms. Ana Ruiz. He said the deal was done.") == ["Tom Kerr"]
    # the only candidate is a "Mr.": "she" stays unresolved rather than naming him
    assert speakers("Mr. Tom Kerr arrived. She said the deal was done.") == ["she"]
    (said,) = [s for s in extract("Mr. Tom Kerr said she would resign.") if s.cue]
    assert said.proposition == "She would resign."
