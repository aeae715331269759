"""Exports of stored events: ACLED-compatible CSV, GeoJSON, JSONL. Streamed to a text handle.

    export_events(store, "acled-csv", sys.stdout, EventFilter(country="UA"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from sitrep.errors import InputError
from sitrep.export.acled import write_acled_csv
from sitrep.export.geo import write_geojson, write_jsonl

if TYPE_CHECKING:
    from sitrep.store import EventFilter, Store

FORMATS = ("acled-csv", "geojson", "jsonl")


def export_events(store: Store, fmt: str, out: TextIO, f: EventFilter | None = None) -> int:
    """Write the stored events matching `f` in format `fmt`; return how many were written."""
    from sitrep.store.queries import iter_events_detailed

    events = iter_events_detailed(store.engine, f)
    if fmt == "acled-csv":
        return write_acled_csv(events, out)
    if fmt == "geojson":
        return write_geojson(events, out)
    if fmt == "jsonl":
        return write_jsonl(events, out)
    raise InputError(f"unknown export format '{fmt}'. Available formats: {', '.join(FORMATS)}")
