"""End-to-end behaviour on the fictional summit article (see conftest.SUMMIT)."""

from __future__ import annotations

import json

from workbench.extract import ExtractedStatement, extract


def find(statements: list[ExtractedStatement], **fields: object) -> list[ExtractedStatement]:
    """Statements whose attributes equal all the given values."""
    return [s for s in statements if all(getattr(s, k) == v for k, v in fields.items())]


def test_every_span_matches_the_text(summit: list[ExtractedStatement], summit_text: str) -> None:
    for s in summit:
        for field in ("speaker", "cue", "content"):
            value = getattr(s, field)
            start, end = getattr(s, f"{field}_start"), getattr(s, f"{field}_end")
            if value is None:
                assert start is None and end is None
            else:
                assert 0 <= start <= end <= len(summit_text) and summit_text[start:end] == value
        if s.cue_start is not None:
            assert s.sentence_start <= s.cue_start and s.cue_end <= s.sentence_end


def test_sorted_and_deterministic(summit: list[ExtractedStatement], summit_text: str) -> None:
    keys = [(s.content_start, s.speaker_start or -1, s.actor) for s in summit]
    assert keys == sorted(keys)
    assert extract(summit_text, outlet="Daily Test") == summit


def test_accusation_and_double_denial_share_one_claim(summit: list[ExtractedStatement]) -> None:
    [accuse] = find(summit, cue="has accused")
    assert (accuse.actor, accuse.stance) == ("Canada", "asserts")
    assert accuse.proposition == "Brazil sold drones to Venezuela."
    denials = find(summit, cue="deny")
    assert sorted(d.actor for d in denials) == ["Brazil", "Venezuela"]
    for denial in denials:
        assert denial.stance == "denies"
        assert denial.speaker == "both countries" and denial.content == "the claims"
        assert denial.proposition == accuse.proposition
        assert denial.claim_group == accuse.claim_group
    assert denials[0].speaker_start == denials[1].speaker_start


def test_they_resolves_to_the_country_of_the_previous_sentence(
    summit: list[ExtractedStatement],
) -> None:
    [stress] = find(summit, cue="stress")
    [warn] = find(summit, cue="warn against")
    assert stress.speaker == warn.speaker == "They"
    assert stress.actor == warn.actor == "Argentina"
    assert warn.proposition == "Secret contracts should be avoided."


def test_it_is_expected_has_an_unnamed_source(summit: list[ExtractedStatement]) -> None:
    [expected] = find(summit, cue="is expected")
    assert expected.speaker is None and expected.actor == "(unnamed)"
    assert expected.actor_kind == "unnamed" and expected.rule == "impersonal"
    assert expected.proposition == "Amara Odhiambo will ask for loans to build new railways."


def test_speculating_analysts_are_a_group_not_the_outlet(
    summit: list[ExtractedStatement],
) -> None:
    [spec] = find(summit, cue="speculate")
    assert (spec.actor, spec.actor_kind) == ("economists", "group")


def test_capital_and_pronoun_in_content(summit: list[ExtractedStatement]) -> None:
    [nairobi] = find(summit, speaker="Nairobi")
    assert (nairobi.actor, nairobi.actor_kind) == ("Kenya", "country")
    assert nairobi.proposition == "Kenya may offer coffee export quotas in return."


def test_titles_stripped_and_later_mentions_linked(summit: list[ExtractedStatement]) -> None:
    [said] = find(summit, cue="said")
    assert (said.speaker, said.actor, said.actor_affiliation) == (
        "Fontes",
        "Lucia Fontes",
        "Brazil",
    )
    [expressed] = find(summit, cue="expressed")
    assert expressed.actor == "Lucia Fontes" and expressed.rule == "coordinated-cue"


def test_quote_across_sentences(summit: list[ExtractedStatement], summit_text: str) -> None:
    [said] = find(summit, cue="said")
    assert said.content.startswith("“We are partners")
    assert said.content.endswith("gain from this.”")
    assert said.proposition == "We are partners, not rivals. Our farmers will gain from this."
    assert said.sentence_end >= summit_text.index("gain from this.”")


def test_interrupted_quote(summit: list[ExtractedStatement]) -> None:
    [told] = find(summit, cue="told")
    assert told.rule == "quote-interrupted" and told.actor == "Amara Odhiambo"
    assert told.content.startswith("“Trade is the answer,”")
    assert told.content.endswith("“and it always has been.”")
    assert told.proposition == "Trade is the answer and it always has been."


def test_according_to(summit: list[ExtractedStatement]) -> None:
    [according] = find(summit, rule="according-to")
    assert (according.speaker, according.actor) == ("the U.N.", "United Nations")
    assert according.proposition == "Exports between the two countries doubled last year."


def test_role_noun_and_negated_cue(summit: list[ExtractedStatement]) -> None:
    [minister] = find(summit, speaker="The minister")
    assert minister.actor == "Peter Kamau" and minister.actor_affiliation == "Kenya"
    assert minister.stance == "denies"


def test_outlet_voice_covers_unattributed_sentences(summit: list[ExtractedStatement]) -> None:
    outlet = find(summit, rule="outlet-voice")
    texts = [s.content for s in outlet]
    assert "Argentina is watching the visit closely." in texts
    assert "Fontes greeted Odhiambo at the airport" in texts  # clause before "and expressed"
    for s in outlet:
        assert (s.actor, s.actor_kind, s.speaker, s.cue) == ("Daily Test", "outlet", None, None)
    assert extract("Prices rose.")[0].actor == "(outlet)"


def test_to_json_contract(summit: list[ExtractedStatement]) -> None:
    record = summit[0].to_json()
    required = {
        "speaker",
        "speaker_start",
        "speaker_end",
        "actor",
        "cue",
        "cue_start",
        "cue_end",
        "stance",
        "content",
        "content_start",
        "content_end",
        "proposition",
        "rule",
        "confidence",
    }
    assert required <= record.keys()
    json.dumps([s.to_json() for s in summit])


def test_passive_with_agent() -> None:
    text = "The closure was reported by the harbour authority."
    [s] = extract(text)
    assert (s.speaker, s.cue, s.content, s.rule) == (
        "the harbour authority",
        "was reported",
        "The closure",
        "passive-by",
    )


def test_inverted_and_trailing_attribution() -> None:
    text = "Fuel prices will fall, said the minister. Rents rose, officials said."
    first, second = extract(text)
    assert (first.speaker, first.content) == ("the minister", "Fuel prices will fall")
    assert (second.speaker, second.actor, second.content) == (
        "officials",
        "officials",
        "Rents rose",
    )


def one(text: str, **fields: object) -> ExtractedStatement:
    [statement] = find(extract(text), **fields)
    return statement


def test_nested_denial_gets_its_own_statement() -> None:
    statements = extract("The envoy said the rebels denied that they had shelled the town.")
    denial = one("The envoy said the rebels denied that they had shelled the town.", cue="denied")
    assert (denial.speaker, denial.stance) == ("the rebels", "denies")
    assert [s.cue for s in statements] == ["said", "denied"]


def test_relative_pronoun_source_resolves_to_its_antecedent() -> None:
    s = one("Residents blamed the mayor, who said the pumps had failed.", cue="said")
    assert (s.speaker, s.actor, s.content) == ("who", "mayor", "the pumps had failed")


def test_trailing_as_attribution() -> None:
    s = one("The port reopened on Monday, as officials have said.", cue="have said")
    assert (s.speaker, s.content) == ("officials", "The port reopened on Monday")


def test_agentless_passive_has_an_unnamed_source() -> None:
    s = one("A curfew was announced for the weekend.", rule="passive-implicit")
    assert (s.speaker, s.actor, s.cue) == (None, "(unnamed)", "was announced")
    assert find(extract("The figure has not been confirmed."), rule="outlet-voice")
    # round 5: a negated attitude passive is still someone's expectation (PolNeAR marks it)
    s = one("The ferry is not expected to sail before June.", rule="passive-implicit")
    assert (s.cue, s.stance, s.content) == (
        "is not expected",
        "asserts",
        "The ferry is not expected to sail before June",
    )


def test_possessive_reporting_noun() -> None:
    s = one("Critics questioned the mayor's claim that the dam was safe.", rule="nominal-cue")
    assert (s.speaker, s.cue, s.proposition) == ("the mayor's", "claim", "The dam was safe.")


def test_transcript_and_credit_lines() -> None:
    s = one("HARRIS: We will not back down.", rule="colon-speaker")
    assert (s.speaker, s.cue, s.content) == ("HARRIS", ":", "We will not back down")
    s = one("“We are ready for the storm.” ― Maria Gomez", rule="quote-dash-credit")
    assert (s.speaker, s.content) == ("Maria Gomez", "“We are ready for the storm.”")


def test_time_adjunct_is_in_neither_the_cue_nor_the_content() -> None:
    s = one("The minister said on Tuesday that talks would resume.", speaker="The minister")
    assert (s.cue, s.content) == ("said", "that talks would resume")


def test_bare_quote_after_an_attributed_quote_continues_the_speaker() -> None:
    text = (
        "“The berths are ready,” Jo Marsh told Kenyan state radio. “We open on Monday.” "
        "“Nobody will be turned away.”\n\n"
        "“Prices will rise.”"
    )
    statements = extract(text, outlet="Test Desk")
    continued = find(statements, rule="quote-continued")
    # "told Kenyan state radio." is the cue's adjunct: the first content runs on to the next
    # quotation (rule quote-run-on, round 9), the one after it continues without a cue.
    [told] = find(statements, rule="quote-said-after")
    assert told.content == text[: text.index(" “Nobody")]
    assert [s.content for s in continued] == ["“Nobody will be turned away.”"]
    for s in continued:
        assert (s.actor, s.speaker, s.cue, s.stance) == ("Jo Marsh", "Jo Marsh", None, "asserts")
        assert text[s.content_start : s.content_end] == s.content
        assert s.sentence_start <= s.content_start and s.content_end <= s.sentence_end
    # A new paragraph breaks the chain: that quote stays in the outlet's voice.
    [last] = find(statements, content="“Prices will rise.”")
    assert last.rule == "outlet-voice"


def test_bare_quote_after_an_unquoted_report_is_the_outlets() -> None:
    text = "Jo Marsh said the berths were ready. “We open on Monday.”"
    [quote] = find(extract(text), content="“We open on Monday.”")
    assert quote.rule == "outlet-voice"


def test_declining_to_comment_is_a_non_answer_not_a_denial() -> None:
    text = (
        "Officials at the harbour board declined to comment. "
        "The ferry company did not immediately respond to requests for comment. "
        "Jo Marsh refused to comment on the tender. "
        "The board declined the offer."
    )
    statements = extract(text)
    quiet = find(statements, rule="no-comment")
    assert [(s.cue, s.stance) for s in quiet] == [
        ("declined", "asserts"),
        ("did not immediately respond", "asserts"),
        ("refused", "asserts"),
    ]
    assert quiet[0].proposition == "Officials at the harbour board declined to comment."
    assert not find(statements, stance="denies", content="to comment")
    # Declining something else is still a rejection.
    [offer] = find(statements, cue="declined", content="the offer")
    assert (offer.stance, offer.rule) == ("denies", "cue-content")


def test_it_resolves_to_the_most_recent_non_person_source() -> None:
    text = (
        "Mayor Jo Marsh opened the new ferry terminal on Friday. "
        "An audit by the city treasury found that the terminal ran over budget. "
        "It concluded that the contractor had underestimated steel prices."
    )
    [concluded] = find(extract(text), cue="concluded")
    assert (concluded.speaker, concluded.actor) == ("It", "audit by the city treasury")
    # A person is never "it".
    text = "Jo Marsh said the ferries were late. It warned that fares would rise."
    [warned] = find(extract(text), cue="warned")
    assert warned.actor != "Jo Marsh"
