"""Round 15: cue spans and cue verbs mined from PolNeAR train (our own sentences)."""

from __future__ import annotations

from workbench.extract import extract


def spoken(text: str) -> list[tuple[str | None, str | None, str]]:
    """(speaker, cue, content) of every statement with a cue."""
    return [(s.speaker, s.cue, s.content) for s in extract(text) if s.cue]


def cues(text: str) -> list[str | None]:
    """The cue of every statement with a cue."""
    return [s.cue for s in extract(text) if s.cue]


def test_on_is_a_topic_particle_of_agree_insist_and_weigh_in() -> None:
    assert cues("The two councils agreed on a new timetable for the ferry.") == ["agreed on"]
    assert cues("Nora Quill weighed in on the harbour dispute.") == ["weighed in on"]
    assert cues("The governor insisted on a recount of the ballots.") == ["insisted on"]


def test_on_before_a_weekday_stays_out_of_the_cue() -> None:
    assert cues("The two councils agreed on Monday that the ferry would run.") == ["agreed"]


def test_upon_belongs_to_the_cue() -> None:
    assert cues("The mayor called upon the council to reopen the library.") == ["called upon"]


def test_described_as_leaves_as_to_the_content() -> None:
    text = "The council passed what Ivan Roe described as a disgraceful budget."
    assert "described" in cues(text)
    assert "described as" not in cues(text)


def test_round15_cue_verbs() -> None:
    assert spoken("Dana Vell reaffirmed that the bridge would open in May.") == [
        ("Dana Vell", "reaffirmed", "that the bridge would open in May")
    ]
    assert cues("The coach chided his players for arriving late.") == ["chided"]
    assert cues("Lena Hart opined that the museum was too small.") == ["opined"]
    assert cues("The minister alluded to problems with the contract.") == ["alluded to"]
    assert cues("Ole Brink took issue with the report's figures.") == ["took issue with"]
    assert cues("Ole Brink made the case for a new stadium.") == ["made the case for"]
    assert cues("“That is false,” Ole Brink shot back.") == ["shot back"]


def test_balk_at_is_a_denial() -> None:
    [statement] = [s for s in extract("The union balked at the new contract.") if s.cue]
    assert statement.cue == "balked at"
    assert statement.stance == "denies"


def test_more_cue_verbs_mined_from_train() -> None:
    assert cues("The judge ordered the company to pay the fine.") == ["ordered"]
    assert cues("Mara Holt shrugged off the criticism of her budget.") == ["shrugged off"]
    assert cues("The minister played down fears of a strike.") == ["played down"]
    assert cues("Ole Brink credited the nurses with saving the clinic.") == ["credited"]


def test_advise_is_not_a_cue() -> None:
    assert cues("Lena Hart, who advised the mayor on housing, left the firm.") == []


def test_bare_back_before_an_adverbial_is_not_a_cue() -> None:
    assert cues("The rule dates back to the first charter of the town.") == []
    assert cues("The union will back the new contract.") == ["will back"]


def test_a_manner_adverb_after_the_verb_joins_the_cue() -> None:
    assert cues("“Is that a plan?” Dana Vell asked sarcastically.") == ["asked sarcastically"]
    assert cues("Ole Brink said recently that the port would close.") == ["said recently"]
    assert cues("Ole Brink said nearly 40 boats were lost.") == ["said"]


def test_a_possessive_noun_before_of_is_no_nominal_cue() -> None:
    text = "Critics recalled the minister's promise of lower taxes."
    assert [s.rule for s in extract(text) if s.cue == "promise"] == []
    text = "Critics recalled the minister's promise that taxes would fall."
    assert [s.rule for s in extract(text) if s.cue == "promise"] == ["nominal-cue"]


def test_thanks_to_and_plural_possessive_nouns_are_not_cues() -> None:
    assert cues("The lead of Dana Vell continues to grow thanks to a win in Leeds.") == []
    assert cues("The farmers are split, and polls in the farmers' favor show it.") == []
    assert cues("Mara Holt sold a cheaper brand of tea.") == []


def test_a_pronoun_s_is_an_auxiliary_not_a_possessive() -> None:
    assert spoken("He’s predicting a win in the county.") == [
        ("He", "’s predicting", "a win in the county")
    ]
    assert cues("Mara’s warning was ignored.") == []


def test_called_after_an_indefinite_noun_names_a_thing() -> None:
    assert cues("Mara Holt runs a small group called Harbour Watch.") == []
    assert cues("Mara Holt called the plan a disaster.") == ["called"]


def test_a_parenthetical_complement_only_verb_reports() -> None:
    assert "added" in cues("That is why, Ole Brink added, the fees rose last year.")
    assert "added" in cues("''We are ready,'' Ole Brink added, pointing at the dock.")
    assert cues("Since May, the club added three new courts.") == []


def test_see_with_an_as_complement_reports_an_attitude() -> None:
    assert spoken("Most farmers see Lena Hart as the stronger candidate.") == [
        ("Most farmers", "see", "Lena Hart as the stronger candidate")
    ]
    assert cues("Most farmers see the river from their fields.") == []


def test_read_reports_with_a_colon_or_quotation() -> None:
    assert "reads" in cues("The note on the door reads: “Closed until Monday.”")
    assert cues("Ole Brink read the report on the train.") == []


def test_a_time_phrase_in_the_cue_tail_marks_where_the_cue_span_ends() -> None:
    from workbench.extract.cues import find_cues
    from workbench.extract.lexicon import load_lexicon

    text = "Ole Brink said in a statement on Tuesday that the port would close."
    [cue] = find_cues(text, 0, len(text), load_lexicon())
    assert text[cue.start : cue.span_end] == "said in a statement"
    assert text[cue.start : cue.end].strip() == "said in a statement on Tuesday"
    text = "Ole Brink said in a statement that the port would close."
    [cue] = find_cues(text, 0, len(text), load_lexicon())
    assert cue.span_end == -1


def test_read_that_leaves_the_report_to_the_original_speaker() -> None:
    text = "I read that the council says the new bins have raised recycling rates."
    assert cues(text) == ["says"]


def test_expressed_takes_its_attitude_noun_into_the_cue() -> None:
    assert spoken("Lena Hart expressed concern about the new bridge.") == [
        ("Lena Hart", "expressed concern", "about the new bridge")
    ]
    assert cues("Ole Brink voiced support for the mayor.") == ["voiced support for"]


def test_phrasal_cues_mined_from_train() -> None:
    assert cues("Ole Brink took aim at the harbour board.") == ["took aim at"]
    assert cues("Lena Hart made no secret of her plans for the port.") == ["made no secret of"]


def test_of_and_for_are_topic_particles_of_some_verbs() -> None:
    assert cues("Ole Brink boasted of his record at the port.") == ["boasted of"]
    assert cues("Lena Hart expressed support for the mayor.") == ["expressed support for"]
    assert cues("The union has argued for a shorter week.") == ["has argued for"]
