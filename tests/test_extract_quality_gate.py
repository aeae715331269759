"""Quality gate: recompute the news-dev scores and fail when one drops below its pinned floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

FLOORS = json.loads((Path(__file__).parent / "floors" / "extract.json").read_text(encoding="utf-8"))
GOLD_FIXES = Path(__file__).parent / "data" / "gold"


@pytest.fixture(scope="module")
def report(shared_dir: Path):  # type: ignore[no-untyped-def]
    from sitrep.evaluate import evaluate, load_gold, news_dev_records

    news_dev = shared_dir / "data" / "news-dev"
    if not news_dev.is_dir():
        pytest.skip("news-dev not under ../shared/data")
    return evaluate(news_dev_records(news_dev), load_gold(news_dev / "gold", GOLD_FIXES))


def test_event_scores_above_floor(report) -> None:  # type: ignore[no-untyped-def]
    assert report.documents == 15
    assert report.events.f1 >= FLOORS["news_dev_event_f1"]
    assert report.events.recall >= FLOORS["news_dev_event_recall"]


def test_claim_scores_above_floor(report) -> None:  # type: ignore[no-untyped-def]
    assert report.claims["source_overlap"].f1 >= FLOORS["news_dev_claim_source_overlap_f1"]
    assert report.claims["cue_overlap"].f1 >= FLOORS["news_dev_claim_cue_overlap_f1"]
    assert report.claims["content_overlap"].f1 >= FLOORS["news_dev_claim_content_overlap_f1"]


def test_entity_scores_above_floor(report) -> None:  # type: ignore[no-untyped-def]
    assert report.entities["PERSON"].recall >= FLOORS["news_dev_person_recall"]
    assert report.entities["GPE"].f1 >= FLOORS["news_dev_location_entity_f1"]
