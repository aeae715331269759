"""GeoJSON (RFC 7946) and JSON Lines writers for events, streamed one event at a time."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

import orjson


def _dumps(obj: Any) -> str:
    return orjson.dumps(obj, default=str, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")


def event_feature(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    geometry = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        geometry = {"type": "Point", "coordinates": [round(loc["lon"], 6), round(loc["lat"], 6)]}
    props = {k: v for k, v in ev.items() if k != "mentions"}
    return {"type": "Feature", "id": ev.get("id"), "geometry": geometry, "properties": props}


def write_geojson(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    out.write('{"type":"FeatureCollection","features":[\n')
    n = 0
    for ev in events:
        out.write(("," if n else "") + _dumps(event_feature(ev)) + "\n")
        n += 1
    out.write("]}\n")
    return n


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for ev in events:
        out.write(_dumps(ev) + "\n")
        n += 1
    return n
