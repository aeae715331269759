"""Counts for charts and the map: events by day or week, by region, and map points.

The SQL groups by the stored day only (portable between SQLite and PostgreSQL); weeks are
rolled up from days here, Monday-based as ISO 8601 has them.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, func, select

from sitrep.store.listing import EventQuery, event_conditions
from sitrep.store.schema import events

#: More matching events than this and the map gets per-region circles instead of points.
MAP_POINT_LIMIT = 5000
EVENT_TYPES_ORDER = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Protests", "Riots",
                     "Strategic developments")  # fmt: skip


def timeline(engine: Engine, eq: EventQuery, *, interval: str = "day") -> list[dict[str, Any]]:
    """[{"period": "YYYY-MM-DD", "events": n, "fatalities": n, "by_type": {...}}] oldest first.

    A week is named by its Monday. Events without a date are not counted."""
    conds = event_conditions(engine.dialect.name, eq)
    q = (
        select(events.c.date, events.c.event_type, func.count().label("n"), func.sum(events.c.fatalities).label("killed"))
        .where(events.c.date.is_not(None), *conds)
        .group_by(events.c.date, events.c.event_type)
    )
    out: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for d, et, n, killed in conn.execute(q):
            period = d
            if interval == "week":
                try:
                    day = date.fromisoformat(d)
                except ValueError:
                    continue
                period = (day - timedelta(days=day.weekday())).isoformat()
            b = out.setdefault(period, {"period": period, "events": 0, "fatalities": 0, "by_type": {}})
            b["events"] += n
            b["fatalities"] += int(killed or 0)
            b["by_type"][et] = b["by_type"].get(et, 0) + n
    return [out[k] for k in sorted(out)]


def by_region(engine: Engine, eq: EventQuery, *, level: str = "admin1", limit: int = 1000) -> list[dict[str, Any]]:
    """Events per country (level="country") or per first-level region, with a centroid."""
    keys = [events.c.country, events.c.iso] + ([events.c.admin1] if level == "admin1" else [])
    q = (
        select(*keys, func.count().label("events"), func.sum(events.c.fatalities).label("fatalities"),
               func.avg(events.c.lat).label("lat"), func.avg(events.c.lon).label("lon"))
        .where(*event_conditions(engine.dialect.name, eq))
        .group_by(*keys)
        .order_by(func.count().desc())
        .limit(limit)
    )  # fmt: skip
    with engine.connect() as conn:
        return [
            {**dict(r._mapping), "fatalities": int(r.fatalities or 0),
             "lat": None if r.lat is None else round(float(r.lat), 4),
             "lon": None if r.lon is None else round(float(r.lon), 4)}
            for r in conn.execute(q)
        ]  # fmt: skip


def map_layer(engine: Engine, eq: EventQuery, *, point_limit: int = MAP_POINT_LIMIT) -> dict[str, Any]:
    """What the map draws for these filters.

    Few enough located events: ``{"mode": "points", "points": [[id, lat, lon, type, status,
    fatalities, date, place], ...]}`` (arrays, not objects, to keep the payload small; the
    browser clusters them). More: ``{"mode": "regions", "regions": [...]}`` with one circle
    per admin1 region, so the page never has to draw 100,000 markers.
    """
    conds = [events.c.lat.is_not(None), events.c.lon.is_not(None), *event_conditions(engine.dialect.name, eq)]
    cols = (events.c.id, events.c.lat, events.c.lon, events.c.event_type, events.c.status, events.c.fatalities,
            events.c.date, events.c.location_name)  # fmt: skip
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(select(events.c.id).where(*conds).limit(point_limit + 1).subquery())).scalar_one()
        rows = conn.execute(select(*cols).where(*conds)).all() if n <= point_limit else []
    if n <= point_limit:
        return {
            "mode": "points",
            "count": len(rows),
            "points": [[r.id, round(r.lat, 5), round(r.lon, 5), r.event_type, r.status, r.fatalities, r.date,
                        r.location_name] for r in rows],  # fmt: skip
        }
    regions = [r for r in by_region(engine, eq, level="admin1", limit=5000) if r["lat"] is not None]
    return {"mode": "regions", "count": sum(r["events"] for r in regions), "regions": regions}


def facet_counts(engine: Engine, eq: EventQuery) -> dict[str, Any]:
    """Counts per type and per status for the filter panel."""
    conds = event_conditions(engine.dialect.name, eq)
    out: dict[str, Any] = {"types": OrderedDict((t, 0) for t in EVENT_TYPES_ORDER), "statuses": {}}
    with engine.connect() as conn:
        for t, n in conn.execute(select(events.c.event_type, func.count()).where(*conds).group_by(events.c.event_type)):
            out["types"][t] = n
        for s, n in conn.execute(select(events.c.status, func.count()).where(*conds).group_by(events.c.status)):
            out["statuses"][s] = n
    out["total"] = sum(out["types"].values())
    return out
