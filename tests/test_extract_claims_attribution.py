"""Attribution rules on hand-written sentences (model-backed, slow)."""

from __future__ import annotations

import pytest

from sitrep.models import Article, Claim

pytestmark = pytest.mark.slow


def _claims(text: str) -> list[Claim]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    doc = parse_body(text, Settings())
    return find_claims(doc, find_entities(doc), Article())


def test_said_with_pronoun_resolved_to_previous_speaker() -> None:
    text = (
        "Maria Petrenko, a spokeswoman for the regional army command, said that the bridge was destroyed by artillery. "
        "She added that two soldiers were wounded in the attack."
    )
    claims = _claims(text)
    assert len(claims) == 2
    assert claims[0].source == "Maria Petrenko" and claims[0].cue.endswith("said")
    assert claims[1].source == "Maria Petrenko"
    assert claims[0].source_type == "person"


def test_according_to_and_neighbour_unverified_statement() -> None:
    text = (
        "According to the ministry of defence, rebels shelled the airport overnight. "
        "The claim could not be independently verified."
    )
    claims = _claims(text)
    assert len(claims) == 1
    assert claims[0].cue == "according to"
    assert claims[0].verification == "unconfirmed"
    assert claims[0].source_type == "government"


def test_reportedly_hedge_and_denial() -> None:
    claims = _claims("The militia reportedly seized the depot. Government officials denied that any depot was lost.")
    assert claims[0].hedged and claims[0].source is None
    denial = [c for c in claims if c.cue and "denied" in c.cue]
    assert denial and denial[0].verification == "disputed"


def test_relative_pronoun_source_is_the_noun_phrase() -> None:
    text = "The report cites the Telegram channel of the 5th Brigade, which claims to have destroyed three tanks."
    claims = _claims(text)
    assert any("channel" in (c.source or "").lower() and c.source_type == "military" for c in claims)
