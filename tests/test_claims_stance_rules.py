"""Attribution beyond speech verbs (stance adjectives, cognition/intention clauses, statement objects), quotation
pairing across sentences and split quotes, dash-signed quotations and labelled headlines; and the conflict-news
guards (a force's action or support is never a claim).

Hand-written sentences (no article text); model-backed, so slow.
"""

from __future__ import annotations

import pytest

from sitrep.models import Article, Claim

pytestmark = pytest.mark.slow


def _claims(text: str, gate: bool = False) -> list[Claim]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    doc = parse_body(text, Settings(relevance_gate=gate))
    return find_claims(doc, find_entities(doc), Article())


def test_typewriter_quote_closed_after_the_sentence_split() -> None:
    text = ("Economists were divided. ''The plan is not a reform at all,'' said Mark Hollis, an economist who "
            "served at the budget office. ''It only moves money around.''")
    claims = _claims(text)
    said = [c for c in claims if c.cue == "said"]
    assert said and said[0].source_text and said[0].source_text.startswith("Mark Hollis")
    assert said[0].text.startswith("The plan is not a reform")


def test_quote_split_by_an_inserted_cue_is_one_content() -> None:
    text = '"My hope," he said, "is that the committee can finish its work before the winter recess."'
    claims = _claims("Senator Alan Brooks spoke on Monday. " + text)
    c = next(c for c in claims if c.cue == "said")
    assert c.text.startswith("My hope") and c.text.endswith("before the winter recess")


def test_stance_adjective_with_a_clause_is_a_hedged_claim() -> None:
    claims = _claims("Many Democrats are afraid that turnout among young voters will fall in November.")
    assert len(claims) == 1
    c = claims[0]
    assert c.cue == "are afraid" and c.source_text == "Many Democrats"
    assert c.text.startswith("turnout among young voters") and c.hedged


def test_cognition_verb_with_a_clause_is_hedged() -> None:
    claims = _claims("Maria Lopez hoped the council would approve the budget before the summer.")
    assert claims and claims[0].source_text == "Maria Lopez" and claims[0].hedged


def test_intention_verb_with_a_to_clause_from_a_speaker() -> None:
    claims = _claims("The mining company agreed to clean up the abandoned sites within two years.")
    assert len(claims) == 1 and claims[0].cue == "agreed"
    assert claims[0].text.startswith("to clean up")


def test_statement_object_of_a_communication_verb() -> None:
    claims = _claims("During the debate, Senator Ellen Park cited several studies on rural hospital closures.")
    assert len(claims) == 1
    assert claims[0].cue == "cited" and claims[0].text.startswith("several studies")


@pytest.mark.parametrize("text", [
    "Government forces attacked the village at dawn and burned several houses.",
    "Troops support the offensive with artillery from the hills.",
    "The attacks raised concern among aid workers in the region.",
    "The regional command praised its troops after the operation.",
    "Soldiers tried to reach the bridge before nightfall.",
])
def test_force_actions_are_not_claims(text: str) -> None:
    assert _claims(text, gate=True) == []


def test_dash_signed_quotation() -> None:
    text = ("Readers wrote in after the debate.\n\n"
            "“He never answered the question about the budget and kept attacking the moderator.” ― Laura Jensen\n")
    claims = _claims(text)
    signed = [c for c in claims if c.cue == "―"]
    assert signed and signed[0].source_text == "Laura Jensen"
    assert signed[0].text.startswith("He never answered")


def test_labelled_headline_with_no_entity_and_a_bare_role_label() -> None:
    poll = _claims("Poll: Wealthy Voters Abandon the Incumbent Party\n\nThe survey was published on Monday.")
    assert any(c.source == "Poll" and c.source_type == "document" and c.cue == ":" for c in poll)
    role = _claims("Governor: Shelling of border village kills two\n\nThe strike hit at night.")
    assert not any(c.cue == ":" for c in role)


def test_as_x_put_it_attributes_the_rest_of_the_sentence() -> None:
    text = ("The main requirement, as a Treasury memo put it, is a lawful source of the invested money "
            "for every applicant.")
    claims = _claims(text)
    put = [c for c in claims if c.cue == "put it"]
    assert put and put[0].source_text == "a Treasury memo"
    assert "lawful source" in put[0].text and "memo" not in put[0].text


def test_responded_by_gives_the_response() -> None:
    claims = _claims("Senator Ruth Adler responded by releasing the full audit of the agency.")
    resp = [c for c in claims if c.cue == "responded"]
    assert resp and resp[0].text == "releasing the full audit of the agency"
