from __future__ import annotations

import csv
import io
import json

import pytest

from sitrep.errors import InputError
from sitrep.export import export_events
from sitrep.export.acled import ACLED_COLUMNS, acled_region, disorder_type, interaction
from sitrep.models import ACLED_TAXONOMY
from sitrep.store import Store
from tests.records import make_record


@pytest.fixture()
def store(db_url: str) -> Store:
    s = Store.open(url=db_url)
    s.save(make_record())
    s.save(make_record(body="Drone strike on a fuel depot near Donetsk overnight, no casualties reported.",
                       place="Donetsk", admin1="Donetsk", published="2024-11-20", lat=None, lon=None, fatalities=None, salt="2"))
    return s


def test_export_acled_csv_has_acled_columns_and_values(store: Store) -> None:
    out = io.StringIO()
    assert export_events(store, "acled-csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    row = next(r for r in rows if r["location"] == "Kupiansk")
    assert row["event_type"] in ACLED_TAXONOMY
    assert row["sub_event_type"] in ACLED_TAXONOMY[row["event_type"]]
    assert row["event_id_cnty"].startswith("UKR")
    assert row["iso"] == "804" and row["region"] == "Europe" and row["country"] == "Ukraine"
    assert row["disorder_type"] == "Political violence"
    assert row["interaction"] == "78" and row["civilian_targeting"] == "Civilian targeting"
    assert row["fatalities"] == "3" and row["latitude"] == "49.7100"
    blank = next(r for r in rows if r["location"] == "Donetsk")
    assert blank["latitude"] == "" and blank["fatalities"] == "0"


def test_export_geojson_is_a_feature_collection(store: Store) -> None:
    out = io.StringIO()
    export_events(store, "geojson", out)
    fc = json.loads(out.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    geoms = {f["properties"]["location"]["name"]: f["geometry"] for f in fc["features"]}
    assert geoms["Kupiansk"] == {"type": "Point", "coordinates": [37.61, 49.71]}
    assert geoms["Donetsk"] is None  # no coordinates are invented


def test_export_jsonl_carries_evidence(store: Store) -> None:
    out = io.StringIO()
    export_events(store, "jsonl", out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 2
    ev = lines[0]
    assert ev["mentions"][0]["evidence"][0]["start"] == 0
    assert {"n_reports", "n_independent_sources", "sources", "status_reason", "contradictions"} <= set(ev)


def test_export_unknown_format_is_an_input_error(store: Store) -> None:
    with pytest.raises(InputError, match="Available formats"):
        export_events(store, "xlsx", io.StringIO())


def test_export_acled_helpers() -> None:
    assert acled_region("SD") == "Northern Africa" and acled_region("ML") == "Western Africa"
    assert acled_region("FR") == "Europe" and acled_region(None) is None
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Protests", "Excessive force against protesters") == "Political violence; Demonstrations"
    assert interaction(1, None) == "10" and interaction(8, 1) == "18"
