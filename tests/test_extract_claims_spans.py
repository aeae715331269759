"""Claim spans and sources (model-backed, slow): complete content, titles, transcripts, datelines."""

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


def test_content_keeps_a_trailing_conjunct() -> None:
    text = ("The strike was reported by the Telegram channel of the 8th Special Operations Regiment, which claims "
            "to have killed 50 fighters, and wounded 47.")
    claim = next(c for c in _claims(text) if c.cue == "claims")
    assert "killed 50 fighters" in claim.text and claim.text.endswith("wounded 47")


def test_bare_title_source_is_the_person_introduced_with_it() -> None:
    text = ("Regional Governor Ivan Petrenko said three people were killed. "
            "According to the governor, the strikes hit a church and shops in the centre.")
    claims = _claims(text)
    assert [c.source for c in claims] == ["Ivan Petrenko", "Ivan Petrenko"]


def test_dateline_is_not_the_speaker() -> None:
    text = ("CAIRO, June 2 (Test Wire) - Israel's military on Monday denied that its troops had shot at people "
            "near an aid site.")
    claim = _claims(text)[0]
    assert claim.source and "CAIRO" not in claim.source and "military" in claim.source
    assert claim.verification == "disputed"


def test_transcript_lines_are_claims_only_in_a_transcript() -> None:
    text = ("HOST: Let us start with the news of the day about the debate.\n"
            "GUEST: Well, look, the debate will go ahead tomorrow night.\n"
            "HOST: Do you really see those two as equivalent?\n")
    claims = _claims(text)
    assert {c.source_text for c in claims} >= {"HOST", "GUEST"}
    assert all(c.cue == ":" for c in claims if c.source_text in ("HOST", "GUEST"))
    assert not [c for c in _claims("SRINAGAR: At least 15 civilians were killed in shelling, officials said.")
                if c.cue == ":"]


def test_a_denial_disputes_its_own_claim_not_the_reports_before_it() -> None:
    text = ("Twenty people were injured in the attack, the regional office said. "
            "The defence ministry denied that its forces had struck the market.")
    claims = _claims(text)
    office = next(c for c in claims if c.source and "office" in c.source)
    denial = next(c for c in claims if c.cue and "denied" in c.cue)
    assert office.verification == "none stated"
    assert denial.verification == "disputed"
