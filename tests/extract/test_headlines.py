"""Headlines, "accuse X of <noun>", object-control verbs and actor kinds, on invented text."""

from __future__ import annotations

from workbench.extract import ExtractedStatement, extract
from workbench.extract.proposition import build

SPILL = (
    "Oslo Accuses Copenhagen of Quota Breaches as Ministers Gather\n\n"
    "Norway has accused Denmark of overfishing herring in shared waters, but both countries "
    "deny the claims. Denmark's fisheries ministry said it was reviewing the catch data.\n\n"
    "Harbour Mayor Denies Ferry Deal Was Rushed\n\n"
    "Mayor Ingrid Voss denied on Friday that a ferry deal had been rushed. "
    "Some skippers doubted that the quotas would hold. "
    "The harbour board rejected a union's claim that wages fell last year."
)


def _spans_ok(text: str, s: ExtractedStatement) -> None:
    assert text[s.content_start : s.content_end] == s.content
    if s.cue_start is not None:
        assert text[s.cue_start : s.cue_end] == s.cue
    if s.speaker_start is not None:
        assert text[s.speaker_start : s.speaker_end] == s.speaker


def _by_cue(statements: list[ExtractedStatement], cue: str) -> list[ExtractedStatement]:
    return [s for s in statements if s.cue == cue]


def test_headline_accusation_drops_the_frame_and_reads_as_a_sentence() -> None:
    statements = extract(SPILL)
    (head,) = _by_cue(statements, "Accuses")
    _spans_ok(SPILL, head)
    assert (head.speaker, head.actor, head.actor_kind) == ("Oslo", "Norway", "country")
    assert head.stance == "asserts"
    assert head.content == "Copenhagen of Quota Breaches"
    assert head.proposition == "Copenhagen is responsible for quota breaches."
    assert (head.content_start, head.content_end) == (13, 41)


def test_headline_role_speaker_is_the_person_the_body_names() -> None:
    statements = extract(SPILL)
    (head,) = _by_cue(statements, "Denies")
    _spans_ok(SPILL, head)
    assert head.speaker == "Harbour Mayor"
    assert head.stance == "denies"
    assert head.content == "Ferry Deal Was Rushed"
    assert head.proposition == "Ferry deal was rushed."


def test_headline_only_verbs_count_in_headlines_not_in_body_text() -> None:
    text = "Audit Finds Bridge Funds Were Misspent\n\nThe audit found that funds were misspent."
    statements = extract(text)
    (head,) = _by_cue(statements, "Finds")
    _spans_ok(text, head)
    assert head.actor == "audit"
    assert head.content == "Bridge Funds Were Misspent"
    assert head.proposition == "Bridge funds were misspent."
    body = "Finds of pottery were shown at the museum, Jo Roe said."
    assert not _by_cue(extract(body), "Finds")


def test_warns_of_in_a_headline() -> None:
    text = "Weather Office Warns of Severe Storms\n\nThe regional weather office warned of gales."
    (head,) = _by_cue(extract(text), "Warns of")
    _spans_ok(text, head)
    assert head.content == "Severe Storms"
    assert head.actor == "regional weather office"
    assert head.proposition == "There is a risk of severe storms."


def test_possessive_country_with_lower_case_body_is_an_organisation() -> None:
    statements = extract(SPILL)
    (said,) = _by_cue(statements, "said")
    _spans_ok(SPILL, said)
    assert (said.actor, said.actor_kind, said.actor_affiliation) == (
        "Denmark Fisheries Ministry",
        "organisation",
        "Denmark",
    )
    assert said.proposition == "Denmark Fisheries Ministry was reviewing the catch data."


def test_quantified_plural_speaker_is_a_group() -> None:
    (doubt,) = _by_cue(extract(SPILL), "doubted")
    assert (doubt.speaker, doubt.actor, doubt.actor_kind) == ("Some skippers", "skippers", "group")
    assert doubt.stance == "questions"


def test_rejected_claim_that_gives_the_claim_itself() -> None:
    (rejected,) = _by_cue(extract(SPILL), "rejected")
    _spans_ok(SPILL, rejected)
    assert rejected.stance == "denies"
    assert rejected.content == "a union's claim that wages fell last year"
    assert rejected.proposition == "Wages fell last year."


def test_object_control_verbs_become_should() -> None:
    text = "The health board urged young parents to book vaccinations early."
    (urged,) = _by_cue(extract(text), "urged")
    _spans_ok(text, urged)
    assert urged.content == "young parents to book vaccinations early"
    assert urged.proposition == "Young parents should book vaccinations early."
    assert build("a return to talks", "urge", "X") == "A return to talks."


def test_questions_keep_the_questioned_clause() -> None:
    text = "Councillor Rosa Lind questioned whether the tunnel had ever been inspected."
    (asked,) = _by_cue(extract(text), "questioned")
    assert asked.stance == "questions"
    assert asked.proposition == "The tunnel had ever been inspected."
    assert build("why the lights had failed twice", "question", "X") == (
        "Why had the lights failed twice?"
    )


def test_dismissed_accusations_point_back_at_the_accusation() -> None:
    text = (
        "Brazil accused Argentina of dumping steel in its markets. "
        "Kenya said talks would help. Buenos Aires dismissed the accusations as theatre."
    )
    (dismissed,) = _by_cue(extract(text), "dismissed")
    assert dismissed.stance == "denies"
    assert dismissed.proposition == "Argentina dumped steel in its markets."


def test_pronouns_agree_with_the_actor_kind() -> None:
    assert build("it was time to leave", "say", "Jo Roe", "person") == "It was time to leave."
    assert build("it had paid", "say", "Acme", "organisation") == "Acme had paid."
    assert build("he had paid", "say", "Acme", "organisation") == "He had paid."
    assert build("him of lying", "accuse", "Jo Roe", "person") == "He lied."


def test_accused_of_a_noun_phrase() -> None:
    assert build("the port of negligence", "accuse", "X") == (
        "The port is responsible for negligence."
    )
    assert build("the carriers for the delays", "blame", "X") == (
        "The carriers are responsible for the delays."
    )


def test_a_sentence_case_headlines_bare_title_is_the_titled_person_in_the_body() -> None:
    """Rule title-headline: "Minister denies …" is the body's "Minister Carla Benn"."""
    text = (
        "Minister denies school funding was cut\n\n"
        "Education Minister Carla Benn said on Monday that school budgets had risen.\n"
    )
    headline = extract(text)[0]
    assert (headline.speaker, headline.actor, headline.stance) == (
        "Minister",
        "Carla Benn",
        "denies",
    )


def test_sentence_case_headline_drops_its_trailing_frame() -> None:
    text = (
        "Minister denies taking bribes as corruption trial opens\n"
        "Minister Carla Benn denied the charges on Monday."
    )
    first = extract(text)[0]
    assert first.proposition == "Carla Benn took bribes."
    kept = extract("Port praises mayor as work horse\nThe port said so.")[0]
    assert kept.content == "mayor as work horse"
