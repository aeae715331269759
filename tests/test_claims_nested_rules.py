"""Round-3 attribution rules: nested cues inside a statement, first person in and out of quotations, negated
speech, a continuing speaker before a quotation, and the speaker of a recording ("a clip of X saying ...").

Hand-written sentences (no article text); model-backed, so slow.
"""

from __future__ import annotations

import pytest

from sitrep.models import Article, Claim

pytestmark = pytest.mark.slow


def _claims(text: str) -> list[Claim]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    doc = parse_body(text, Settings(relevance_gate=False))
    return find_claims(doc, find_entities(doc), Article())


def test_cue_nested_in_a_statement_is_not_a_second_claim() -> None:
    claims = _claims("Maria Lopez said she plans to visit the flooded districts next week.")
    assert [c.cue for c in claims] == ["said"]
    assert claims[0].source_text == "Maria Lopez" and claims[0].text.startswith("she plans")


def test_first_person_knowledge_outside_quotes_is_a_claim() -> None:
    claims = _claims("We know that most of the company's assets are held in small partnerships.")
    assert len(claims) == 1 and claims[0].cue == "know" and claims[0].source_text == "We"


def test_first_person_inside_a_running_quotation_is_not_a_claim() -> None:
    text = ("“The budget is a disaster for the region,” said Maria Lopez. “It cuts every school program. "
            "We know that parents will leave.”")
    claims = _claims(text)
    assert all(c.source_text != "We" for c in claims)


def test_negated_speech_with_a_clause_is_attributed() -> None:
    claims = _claims("Senator Alan Brooks did not say that the agreement would be cancelled.")
    assert claims and claims[0].source_text == "Senator Alan Brooks"
    assert claims[0].text.startswith("the agreement would be cancelled")


def test_negated_verification_is_still_not_a_claim() -> None:
    assert not _claims("The ministry did not confirm the number of casualties.")


def test_speaker_continuing_before_a_quotation() -> None:
    claims = _claims("Mr. Brooks continued, “We are going to finish this road before the winter comes.”")
    assert claims and claims[0].cue == "continued" and claims[0].source_text == "Mr. Brooks"
    assert claims[0].text.startswith("We are going to finish")


def test_speaker_of_a_recording_is_the_person_not_the_clip() -> None:
    claims = _claims("The advertisement shows a clip of Brooks saying that the new tax would help families.")
    saying = [c for c in claims if c.cue == "saying"]
    assert saying and saying[0].source_text == "Brooks" and saying[0].text.startswith("the new tax")


def test_force_support_is_still_not_a_claim() -> None:
    claims = _claims("Government troops support the militia that attacked the village, officials said.")
    assert all(c.source_text not in ("Government troops", "troops") for c in claims)


def test_stance_verbs_and_adjectives_nested_in_a_statement() -> None:
    claims = _claims("Maria Lopez says she hopes to win the seat in the spring election.")
    assert [c.cue for c in claims] == ["says"]
    claims = _claims("Two inspectors said they were concerned that the bridge would not survive another flood.")
    assert [c.cue for c in claims] == ["said"] and claims[0].source_text == "Two inspectors"
