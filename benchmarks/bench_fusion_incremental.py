"""Incremental fusion: the time to add one article to a store of 1k, 10k and 100k events.

A store is bulk-filled with synthetic events (one article and one mention each) at a constant
density of 100 events a day across 10 countries and all ACLED event types, so a store of 100k
events spans ~3 years, as a real archive grows. Then 30 new single-event articles, dated inside
the filled range, are saved one by one through ``Store.save`` (article, claims, mentions,
near-duplicate lookup, candidate query, fusion, refresh) and the median and 90th percentile are
printed. Flat figures mean the candidate query is indexed (``ix_events_date_type``) and reads
only the new report's date window, not the corpus.

    .venv/bin/python benchmarks/bench_fusion_incremental.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

COUNTRIES = [("UA", "Ukraine", 48.5, 35.0), ("SD", "Sudan", 13.6, 25.3), ("BF", "Burkina Faso", 12.4, -1.5),
             ("ML", "Mali", 14.0, -4.0), ("PS", "Palestine", 31.5, 34.45), ("LB", "Lebanon", 33.5, 35.6),
             ("SY", "Syria", 35.0, 38.0), ("MM", "Myanmar", 21.0, 96.0), ("SO", "Somalia", 4.0, 45.0),
             ("CD", "DR Congo", -1.5, 29.0)]  # fmt: skip
PER_DAY = 100
START = date(2022, 1, 1)


def _types() -> list[tuple[str, str]]:
    from sitrep.models import ACLED_TAXONOMY

    return [(t, s) for t, subs in ACLED_TAXONOMY.items() for s in subs]


def fill(engine: Any, n: int, rng: random.Random) -> None:
    """Bulk-insert n events, each with one article and one mention (plain SQL executemany)."""
    from sqlalchemy import insert

    from sitrep.store.schema import articles, events, mentions

    types = _types()
    now = datetime.now(UTC)
    batch = 5000
    for start in range(0, n, batch):
        arts, evs, ms = [], [], []
        for i in range(start, min(n, start + batch)):
            iso, country, lat, lon = COUNTRIES[i % len(COUNTRIES)]
            et, sub = types[rng.randrange(len(types))]
            day = (START + timedelta(days=i // PER_DAY)).isoformat()
            la, lo = lat + rng.uniform(-2, 2), lon + rng.uniform(-2, 2)
            aid, eid = f"bulk{i:08d}", f"ev_bulk{i:010d}"
            loc = {"location_name": f"Place {i % 5000}", "admin1": f"Region {i % 40}", "admin2": None, "country": country,
                   "iso": iso, "lat": la, "lon": lo, "geo_precision": 1, "geonameid": None}
            common = {"event_type": et, "sub_event_type": sub, "actor1": f"Actor {i % 300}", "assoc_actor1": None,
                      "actor2": None, "assoc_actor2": None, "inter1": 1, "inter2": None, **loc, "date": day,
                      "time_precision": 1, "fatalities": rng.choice([None, 0, 1, 3, 10]), "injured": None,
                      "status": "reported"}
            arts.append({"id": aid, "uri": f"bulk://{i}", "content_type": "text/plain", "fetched_at": now, "url": None,
                         "title": None, "authors": [], "outlet": f"Outlet {i % 50}", "aggregator": None, "language": "en",
                         "dateline": None, "published": day, "page_date": day, "date_confidence": "high", "body": "",
                         "removed": [], "body_hash": f"h{i}", "minhash": None, "canonical_id": None, "record": {},
                         "ingested_at": now})
            evs.append({"id": eid, **common, "status_reason": "", "n_reports": 1, "n_independent_sources": 1,
                        "sources": [], "contradictions": [], "fatalities_low": None, "fatalities_high": None,
                        "notes": None, "created_at": now, "updated_at": now})
            ms.append({"id": f"{aid}:e1", "article_id": aid, "event_id": eid, **common, "date_text": None,
                       "source": "officials", "claim_ids": [], "evidence": [], "pinned": False})
        with engine.begin() as conn:
            conn.execute(insert(articles), arts)
            conn.execute(insert(events), evs)
            conn.execute(insert(mentions), ms)


def new_record(i: int, n: int, rng: random.Random) -> Any:
    from sitrep.models import Article, Claim, Event, Location, Record, Source, Span

    iso, country, lat, lon = COUNTRIES[rng.randrange(len(COUNTRIES))]
    day = (START + timedelta(days=rng.randrange(max(1, n // PER_DAY)))).isoformat()
    body = f"New report {i}: an air strike hit a market in Place {i}, killing {i % 7} people, officials said. " * 4
    span = Span(text=body[:20], start=0, end=20)
    return Record(
        id=f"new{i:06d}", source=Source(uri=f"new://{i}", content_type="text/plain", fetched_at=datetime.now(UTC)),
        article=Article(outlet="Bench Wire", published=day), body=body,
        claims=[Claim(id="c1", text="an air strike hit a market", source="officials", source_type="government", cue="said",
                      evidence=span)],
        events=[Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                      actor1=f"Actor {i % 300}", location=Location(name=f"Place {i}", country=country, iso=iso,
                      lat=lat + rng.uniform(-2, 2), lon=lon + rng.uniform(-2, 2), geo_precision=1), date=day,
                      time_precision=1, fatalities=i % 7, source="officials", claims=["c1"], evidence=[span])],
    )


def measure(n: int, repeats: int = 30) -> dict[str, Any]:
    from sitrep.clean.duplicates import signature
    from sitrep.store import Store

    rng = random.Random(n)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(url=f"sqlite:///{tmp}/bench.db")
        t0 = time.perf_counter()
        fill(store.engine, n, rng)
        fill_s = time.perf_counter() - t0
        times = []
        for i in range(repeats):
            rec = new_record(i, n, rng)
            sig = signature(rec.body)
            t = time.perf_counter()
            store.save(rec, minhash=sig)
            times.append((time.perf_counter() - t) * 1000)
        with store.engine.connect() as conn:
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT * FROM events WHERE date BETWEEN '2022-03-01' AND '2022-03-20' "
                "AND event_type IN ('Battles', 'Explosions/Remote violence') AND (iso = 'UA' OR iso IS NULL)"
            ).fetchall()
        store.close()
    times.sort()
    return {"events": n, "fill_s": round(fill_s, 1), "median_ms": round(statistics.median(times), 1),
            "p90_ms": round(times[int(0.9 * (len(times) - 1))], 1), "plan": " | ".join(str(r[-1]) for r in plan)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = ap.parse_args()
    print(f"Adding one single-event article to a store of N events ({PER_DAY} events/day, SQLite, one process):")
    print(f"{'events':>8}  {'fill s':>7}  {'median ms':>9}  {'p90 ms':>7}")
    plan = ""
    for n in args.sizes:
        r = measure(n)
        plan = r["plan"]
        print(f"{r['events']:>8}  {r['fill_s']:>7}  {r['median_ms']:>9}  {r['p90_ms']:>7}")
    print(f"candidate query plan: {plan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
