"""Analysts' corrections to events: stored with author and time, applied by fusion.

A correction is a row in ``corrections`` (event id, field, JSON value, author, time);
:func:`sitrep.store.fusion.refresh_event` recomputes the event from its reports and then
applies the corrections in order, so a correction survives re-processing and new reports.
"""

from __future__ import annotations

from typing import Any, get_args

from sqlalchemy import Engine, insert, select

from sitrep.errors import InputError
from sitrep.models import ACLED_TAXONOMY, SUB_EVENT_TO_TYPE, EventStatus, utcnow
from sitrep.store import fusion
from sitrep.store.db import transaction
from sitrep.store.schema import EVENT_COLUMNS, corrections, events
from sitrep.store.writer import serialise_writers

_INT_FIELDS = {"inter1", "inter2", "geo_precision", "geonameid", "time_precision", "fatalities", "injured",
               "fatalities_low", "fatalities_high"}  # fmt: skip
_FLOAT_FIELDS = {"lat", "lon"}
#: Fields an analyst may correct: the ones fusion recomputes (and so re-applies corrections to).
CORRECTABLE_FIELDS: tuple[str, ...] = tuple(EVENT_COLUMNS) + ("status_reason", "fatalities_low", "fatalities_high")


def validate_correction(field: str, value: Any) -> Any:
    """The value to store for `field`, or InputError saying what is wrong and what is allowed."""
    if field not in CORRECTABLE_FIELDS:
        raise InputError(f"field '{field}' cannot be corrected. Correctable fields: {', '.join(CORRECTABLE_FIELDS)}")
    if value is None:
        if field in ("event_type", "sub_event_type", "status"):
            raise InputError(f"field '{field}' cannot be empty")
        return None
    if field in _INT_FIELDS:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError(f"field '{field}' takes a whole number ≥ 0, got {value!r}")
        return value
    if field in _FLOAT_FIELDS:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(f"field '{field}' takes a number, got {value!r}")
        limit = 90 if field == "lat" else 180
        if not -limit <= float(value) <= limit:
            raise InputError(f"field '{field}' must be between -{limit} and {limit}, got {value}")
        return float(value)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"field '{field}' takes a non-empty string, got {value!r}")
    value = value.strip()
    if field == "event_type" and value not in ACLED_TAXONOMY:
        raise InputError(f"'{value}' is not an ACLED event type. Types: {', '.join(ACLED_TAXONOMY)}")
    if field == "sub_event_type" and value not in SUB_EVENT_TO_TYPE:
        raise InputError(f"'{value}' is not an ACLED sub-event type. Sub-event types: {', '.join(SUB_EVENT_TO_TYPE)}")
    if field == "status" and value not in get_args(EventStatus):
        raise InputError(f"'{value}' is not a status. Statuses: {', '.join(get_args(EventStatus))}")
    if field == "date":
        from datetime import date

        try:
            date.fromisoformat(value)
        except ValueError as e:
            raise InputError(f"date must be YYYY-MM-DD, got {value!r}") from e
    if field == "iso" and len(value) != 2:
        raise InputError(f"iso must be a 2-letter ISO 3166-1 code, got {value!r}")
    return value


def correct_event(engine: Engine, event_id: str, field: str, value: Any, author: str) -> dict[str, Any]:
    """Record one correction and re-apply it; returns the stored correction.

    Raises InputError for an unknown event, field or invalid value. A corrected
    ``sub_event_type`` also sets its ``event_type`` (ACLED's taxonomy is a tree).
    """
    value = validate_correction(field, value)
    now = utcnow()
    with transaction(engine) as conn:
        serialise_writers(conn)
        if conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is None:
            raise InputError(f"no event with id '{event_id}'", input=event_id)
        rows = [{"event_id": event_id, "field": field, "value": value, "author": author, "created_at": now}]
        if field == "sub_event_type":
            rows.append({"event_id": event_id, "field": "event_type", "value": SUB_EVENT_TO_TYPE[value],
                         "author": author, "created_at": now})  # fmt: skip
        conn.execute(insert(corrections), rows)
        fusion.refresh_event(conn, event_id)
    return {"event_id": event_id, "field": field, "value": value, "author": author, "created_at": now.isoformat()}


def list_corrections(engine: Engine, event_id: str) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(corrections).where(corrections.c.event_id == event_id).order_by(corrections.c.created_at, corrections.c.id)
        )
        return [
            {**dict(r._mapping), "created_at": r.created_at.isoformat() if r.created_at else None} for r in rows
        ]
