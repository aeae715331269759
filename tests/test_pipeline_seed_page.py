"""End to end on the real aggregator page in ../shared/seeds (skipped when ../shared is absent).

Tests may name the page's words; the code may not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.models import RawDocument, Record
from sitrep.pipeline import process

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def record(seed_page: Path) -> Record:
    return process(RawDocument(uri=str(seed_page), content=seed_page.read_bytes(), content_type="text/plain"))


def test_seed_record_shape_and_offsets(record: Record) -> None:
    data = record.to_json_dict()
    assert set(data) == {"id", "source", "article", "body", "removed", "entities", "claims", "events"}
    for e in record.entities:
        assert record.body[e.start : e.end] == e.text
    for c in record.claims:
        assert record.body[c.evidence.start : c.evidence.end] == c.evidence.text
    for ev in record.events:
        for s in ev.evidence:
            assert record.body[s.start : s.end] == s.text
        assert set(ev.claims) <= {c.id for c in record.claims}


def test_seed_outlet_aggregator_byline(record: Record) -> None:
    a = record.article
    assert a.outlet == "The Washington Times"
    assert a.aggregator and "america one news" in a.aggregator.lower()
    assert a.authors == ["Andrew Salmon"]
    assert a.title and a.title.startswith("Defying drones")
    assert a.page_date == "2025-06-21" and a.published and a.published < "2025-01-01"


def test_seed_body_has_no_boilerplate(record: Record) -> None:
    lines = [line.strip() for line in record.body.splitlines() if line.strip()]
    assert not any(line.startswith("Sponsor") or line == "Advertisement" for line in lines)
    assert not any(line.lower() in {"back", "topic", "0"} for line in lines)
    assert "can be reached at" not in record.body and "NextImg" not in record.body
    assert "Plekhove" in record.body and "Storm Corps" in record.body


def test_seed_village_capture_battle_with_its_source(record: Record) -> None:
    battles = [e for e in record.events if e.event_type == "Battles" and (e.location.name or "").startswith("Plekhov")]
    assert battles, [(e.sub_event_type, e.location.name) for e in record.events]
    ev = battles[0]
    assert ev.sub_event_type in ("Non-state actor overtakes territory", "Armed clash")
    assert "North Korea" in (ev.actor1 or "")
    assert ev.source and "ukrainian media" in ev.source.lower()
    assert ev.status != "confirmed"
    assert ev.location.country == "Russia" or ev.location.admin1 and "Kursk" in ev.location.admin1


def test_seed_drone_strike_casualty_claim_is_unconfirmed_or_hedged(record: Record) -> None:
    claims = [c for c in record.claims if "50" in c.text and "47" in c.text]
    assert claims, [c.text for c in record.claims]
    c = claims[0]
    assert c.source and "8th Special Operations Forces" in c.source or "Telegram" in (c.source or "")
    assert c.verification == "unconfirmed" or c.hedged
    strikes = [e for e in record.events if e.fatalities == 50]
    assert strikes and strikes[0].injured == 47
    assert strikes[0].sub_event_type == "Air/drone strike"
    assert strikes[0].status in ("unconfirmed", "reported")
    # The dateline (Seoul) is where the reporter was, not where the strike happened; the
    # strike's actors are the unit's side and North Korea's, never the dateline's country.
    assert strikes[0].location.country != "South Korea"
    assert "South Korea" not in (strikes[0].actor1 or "") and "North Korea" in (strikes[0].actor2 or "")


def test_seed_no_event_is_placed_at_the_dateline(record: Record) -> None:
    assert not [e.id for e in record.events if e.location.country == "South Korea"]
