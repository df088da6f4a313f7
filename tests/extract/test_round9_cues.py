"""Round 9: cues whose source or content the boundary rules missed (our own sentences)."""

from __future__ import annotations

from workbench.extract import extract


def spoken(text: str) -> list[tuple[str | None, str | None, str]]:
    """(speaker, cue, content) of every statement with a cue."""
    return [(s.speaker, s.cue, s.content) for s in extract(text) if s.cue]


def test_long_subject_with_a_relative_clause_in_its_appositive() -> None:
    text = "Tom Reed, a teacher who has campaigned on the issue for years, said he saw no evidence."
    assert spoken(text) == [
        (
            "Tom Reed, a teacher who has campaigned on the issue for years",
            "said",
            "he saw no evidence",
        )
    ]


def test_long_subject_between_dashes() -> None:
    text = "Many at the rally — including farmers, nurses and teachers — said the plan was unfair."
    [(speaker, cue, content)] = spoken(text)
    assert speaker is not None and speaker.startswith("Many at the rally")
    assert (cue, content) == ("said", "the plan was unfair")


def test_long_subject_not_taken_for_a_naming_verb_or_a_reduced_relative() -> None:
    assert spoken("A club spokeswoman would only say the matter was closed.") == []
    assert spoken("Tom Reed, a teacher who has lived here for years, reported to the board.") == []
    assert spoken("The mayor, who was re-elected on Monday, called the harbour a jewel.") == []


def test_since_and_twice_belong_to_the_cue() -> None:
    assert spoken("Lisa Marsh has since said that the fair was fun.") == [
        ("Lisa Marsh", "has since said", "that the fair was fun")
    ]
    assert spoken("The union has twice complained that the hall is cold.") == [
        ("The union", "has twice complained", "that the hall is cold")
    ]


def test_doubled_apostrophe_quote_before_a_name_and_appositive() -> None:
    text = "''We never planned to sell the harbour,'' Maria Lopes, the port director, said."
    assert spoken(text) == [
        ("Maria Lopes, the port director", "said", "''We never planned to sell the harbour,''")
    ]


def test_quote_runs_on_past_an_adjunct_of_its_cue() -> None:
    text = "“The harbour is safe,” Roe said on Monday during a visit to the port. “We will reopen.”"
    [statement] = [s for s in extract(text) if s.cue]
    assert statement.content == text
    assert statement.rule == "quote-said-after"
    assert [s.rule for s in extract(text)] == ["quote-said-after"]  # no second, cue-less piece


def test_quote_does_not_run_on_past_a_long_or_quoting_adjunct() -> None:
    text = "“The harbour is safe,” Roe said, calling it “a jewel” of the coast. “We will reopen.”"
    first = next(s for s in extract(text) if s.cue)
    assert first.content == "“The harbour is safe,”"


def test_partial_quotation_runs_on_into_the_next_quotation() -> None:
    text = "The berths are booked “because the season is long,” Roe said. “We are full.”"
    [statement] = [s for s in extract(text) if s.cue]
    assert (statement.content_start, statement.content_end) == (0, len(text))


def test_occasion_before_that_is_not_content() -> None:
    assert spoken("The mayor said at a rally in Leeds that the bridge would open.") == [
        ("The mayor", "said", "that the bridge would open")
    ]
    assert spoken("Roe wrote in the early morning hours that the vote was rigged.") == [
        ("Roe", "wrote", "that the vote was rigged")
    ]


def test_relative_that_after_an_occasion_word_is_left_alone() -> None:
    [(_, _, content)] = spoken("The council agreed in May to reclaim the land that had flooded.")
    assert content.endswith("to reclaim the land that had flooded")


def test_inverted_source_with_a_relative_clause_or_a_when_clause() -> None:
    text = "“The town deserves better,” said the man who ran the docks for forty long years."
    assert spoken(text) == [
        (
            "the man who ran the docks for forty long years",
            "said",
            "“The town deserves better,”",
        )
    ]
    text = "“The bridge must open,” said harbour pilot Dan Golvach when asked about the delay."
    assert spoken(text)[0] == ("harbour pilot Dan Golvach", "said", "“The bridge must open,”")


def test_content_stops_before_a_which_clause_with_its_own_report() -> None:
    text = "The mayor blamed the port for the delays, which he believes will cost the town dearly."
    assert [(speaker, cue) for speaker, cue, _ in spoken(text)] == [
        ("The mayor", "blamed"),
        ("he", "believes"),
    ]
    assert spoken(text)[0][2] == "the port for the delays"


def test_content_stops_before_and_with_a_new_reporting_subject() -> None:
    text = "Critics say it is a giveaway and Mayor Roe says it is fair."
    assert spoken(text) == [
        ("Critics", "say", "it is a giveaway"),
        ("Mayor Roe", "says", "it is fair"),
    ]


def test_participle_subject_after_an_opener_or_a_dateline() -> None:
    text = "Hours later, the mayor returned to the port, telling reporters the berths were safe."
    assert [(s, c) for s, c, _ in spoken(text)] == [("the mayor", "telling")]
    text = "WASHINGTON (AP) — The harbour board met on Monday, saying the berths were safe."
    assert [(s, c) for s, c, _ in spoken(text)] == [("The harbour board", "saying")]


def test_subject_ending_in_a_prepositions_object_is_kept_whole() -> None:
    text = "About half of the farmers in all three valleys voting on Sunday said it was unsafe."
    assert spoken(text)[0][0] == "About half of the farmers in all three valleys voting on Sunday"
    text = "A letter from the harbour board obtained by the Gazette warns that fees will rise."
    assert spoken(text)[0][0] == "A letter from the harbour board obtained by the Gazette"


def statement(text: str, rule: str) -> tuple[str | None, str | None, str, str]:
    """(speaker, cue, content, proposition) of the one statement made by ``rule``."""
    [s] = [s for s in extract(text) if s.rule == rule]
    return s.speaker, s.cue, s.content, s.proposition


def test_parenthetical_source_and_cue_inside_the_content() -> None:
    assert statement("The berths, he says, are ready.", "parenthetical") == (
        "he",
        "says",
        "The berths, he says, are ready",
        "The berths are ready.",
    )


def test_parenthetical_not_before_a_participle_or_a_conjunction() -> None:
    text = "The vote was close, Roe said, adding that a recount was due."
    assert all(s.rule != "parenthetical" for s in extract(text))


def test_relative_report_content_opens_at_which() -> None:
    speaker, cue, content, proposition = statement(
        "He promised a wall, which he said the neighbours would pay for.", "relative-report"
    )
    assert (speaker, cue, content) == ("he", "said", "which he said the neighbours would pay for")
    assert proposition == "The neighbours would pay for."


def test_tally_line_is_no_speaker() -> None:
    assert spoken("Mayor Roe: 1,769.\nCouncillor Lee: 52 percent.") == []
    assert spoken("ROE: We will not back down.") == [("ROE", ":", "We will not back down")]


def test_short_content_after_an_opening_adjunct() -> None:
    assert spoken("Shortly after the vote, the mayor announced his resignation.") == [
        ("the mayor", "announced", "his resignation")
    ]


def test_colon_at_paragraph_end_introduces_the_next_quotation() -> None:
    text = "The mayor said:\n\n“The port will reopen on Monday. We are ready.”\n"
    assert statement(text, "colon-quote")[:3] == (
        "The mayor",
        "said",
        "“The port will reopen on Monday. We are ready.”",
    )


def test_when_asked_later_in_the_sentence_is_a_sourceless_question() -> None:
    text = "“You bet I would,” the mayor said when asked whether he would close the port."
    [(speaker, cue, content, _)] = [
        (s.speaker, s.cue, s.content, s.stance) for s in extract(text) if s.rule == "asked-clause"
    ]
    assert (speaker, cue, content) == (None, "asked", "whether he would close the port")
    text = "She looked uneasy when asked about her brother's work for the campaign."
    assert spoken(text) == [(None, "asked about", "her brother's work for the campaign")]


def test_quote_runs_on_past_an_adjunct_with_a_quoted_title() -> None:
    text = "“It is nonsense,” Roe said on the “Harbour Hour.” “She knows it.”"
    first = next(s for s in extract(text) if s.cue)
    assert (first.content_start, first.content_end) == (0, len(text))


def test_dash_aside_stays_in_the_content_when_no_report_follows() -> None:
    text = "The mayor said the port -- the oldest on the coast -- would reopen on Monday."
    assert spoken(text) == [
        ("The mayor", "said", "the port -- the oldest on the coast -- would reopen on Monday")
    ]
    text = "The mayor said the port would reopen -- but the union said it would strike."
    assert spoken(text) == [
        ("The mayor", "said", "the port would reopen"),
        ("the union", "said", "it would strike"),
    ]


def test_asked_for_and_commented_on_keep_their_particle() -> None:
    assert spoken("The union asked for a pay rise.") == [("The union", "asked for", "a pay rise")]
    assert spoken("The council has not commented on the report.") == [
        ("The council", "has not commented on", "the report")
    ]
    [(_, cue, _)] = spoken("She asked for the first time whether the port would close.")
    assert cue == "asked"
