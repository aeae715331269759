"""The real aggregator seed page: furniture out of the body, metadata from what it holds.

Tests may name the seed's words; the code never does."""

from __future__ import annotations

from pathlib import Path

from sitrep.models import RawDocument
from sitrep.pipeline import CLEAN_STAGES, process
from sitrep.settings import Settings


def clean_seed(seed_page: Path):  # type: ignore[no-untyped-def]
    raw = RawDocument(uri=str(seed_page), content=seed_page.read_bytes(), content_type="text/plain")
    return process(raw, Settings(), stages=CLEAN_STAGES)


def test_body_has_no_furniture(seed_page: Path) -> None:
    rec = clean_seed(seed_page)
    body = rec.body
    for junk in ("Sponsor", "QWIKET", "Advertisement", "can be reached", "@washingtontimes.com", "THE AMERICA ONE NEWS", "NextImg"):
        assert junk not in body, junk
    paras = body.split("\n\n")
    assert paras[0].startswith("SEOUL, South Korea —")
    assert paras[-1].startswith("South Korean military experts")
    assert "back" not in paras and "topic" not in paras and "0" not in paras
    assert any("Sponsor" in r for r in rec.removed) and "Advertisement" in rec.removed


def test_metadata(seed_page: Path) -> None:
    a = clean_seed(seed_page).article
    assert a.title == "Defying drones, mines and shells, North Korean troops storm village in Russia’s Kursk region"
    assert a.authors == ["Andrew Salmon"]
    assert a.outlet == "The Washington Times"
    assert a.aggregator == "The America One News"
    assert a.dateline == "Seoul, South Korea"
    assert a.language == "en"


def test_repost_dates(seed_page: Path) -> None:
    a = clean_seed(seed_page).article
    assert a.page_date == "2025-06-21"
    assert a.published == "2024-12-15"  # "Dec.15" in the body, months before the page date
    assert a.date_confidence in ("low", "medium")


def test_body_offsets_are_stable(seed_page: Path) -> None:
    body = clean_seed(seed_page).body
    i = body.index("Plekhove")
    assert body[i : i + len("Plekhove")] == "Plekhove"
