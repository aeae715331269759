"""Geocoding Russia/Ukraine/Belarus places: CIR "Eyes on Russia" verified points (../shared/data/events/eyesonrussia).

For every row with a town/city, an event is built the way an article reports it —
"Shelling hit {town} in {country}'s {province}." (the province gets " region" when it has no
unit word), with the event's ``location.name`` = town — and run through
``locate_record`` (no NER: the gazetteer-driven recognition only). Reported: share of events
whose location lies within 10 km and 50 km of the verified point; the share resolved to the
exact place (geo_precision 1/2 with a geonameid), fallen back to a region (precision 3), or
left without coordinates; median error of located events; events per second.

    .venv/bin/python benchmarks/bench_eyesonrussia.py [--limit N] [--store-url URL]
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CSV = SHARED / "data" / "events" / "eyesonrussia" / "events.csv"
_UNIT = re.compile(r"\b(oblast|region|krai|kray|republic|respublika|province|okrug)\b", re.I)


def load_rows(limit: int = 0) -> list[dict[str, str]]:
    with CSV.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["town/city"].strip() and r["lat"] and r["lon"]]
    return rows[:limit] if limit else rows


def build_record(row: dict[str, str]):
    from sitrep.models import Event, Location, Record, Source, Span, utcnow

    town = row["town/city"].strip()
    province = row["province"].strip()
    country = row["country"].strip()
    if province and not _UNIT.search(province):
        province += " region"
    where = f"{country}'s {province}" if country and province else (province or country)
    sentence = f"Shelling hit {town} in {where}." if where else f"Shelling hit {town}."
    ev = Event(
        id="e", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        location=Location(name=town), evidence=[Span(text=sentence, start=0, end=len(sentence))],
    )
    return Record(id="r", source=Source(uri="eor", content_type="text/plain", fetched_at=utcnow()), body=sentence, events=[ev])


def evaluate(rows: list[dict[str, str]], settings: object) -> dict[str, float]:
    from sitrep.resolve.gazetteer import haversine_km
    from sitrep.resolve.geocode import locate_record

    within10 = within50 = exact = region = none = 0
    errors: list[float] = []
    t0 = time.perf_counter()
    for row in rows:
        rec = build_record(row)
        locate_record(rec, settings)  # type: ignore[arg-type]
        loc = rec.events[0].location
        if loc.lat is None or loc.lon is None:
            none += 1
            continue
        if loc.geonameid is not None and loc.geo_precision in (1, 2):
            exact += 1
        else:
            region += 1
        err = haversine_km(float(row["lat"]), float(row["lon"]), loc.lat, loc.lon)
        errors.append(err)
        within10 += err <= 10
        within50 += err <= 50
    n = len(rows)
    secs = time.perf_counter() - t0
    return {
        "n": n,
        "within10": within10 / n,
        "within50": within50 / n,
        "exact": exact / n,
        "region_fallback": region / n,
        "no_coordinates": none / n,
        "median_km": statistics.median(errors) if errors else 0.0,
        "events_per_s": n / secs,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--store-url", default=None)
    args = ap.parse_args()
    if not CSV.is_file():
        print(f"../shared Eyes on Russia data not found at {CSV}; nothing to measure")
        return 0
    from sitrep.settings import Settings

    settings = Settings(database_url=args.store_url or "sqlite:////nonexistent/sitrep-bench.db")
    m = evaluate(load_rows(args.limit), settings)
    print(
        f"Eyes on Russia: {m['n']} events with a town. within 10 km {m['within10']:.3f}, within 50 km {m['within50']:.3f}; "
        f"exact place {m['exact']:.3f}, region fallback {m['region_fallback']:.3f}, no coordinates {m['no_coordinates']:.3f}; "
        f"median error of located {m['median_km']:.1f} km; {m['events_per_s']:.0f} events/s"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
