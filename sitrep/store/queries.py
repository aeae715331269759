"""Reading the store: typed filters in, plain dicts out (JSON-ready).

The CLI, the REST API and the exporters all read through these functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select

from sitrep.store.schema import articles, claims, events, mentions


@dataclass(frozen=True)
class EventFilter:
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None
    country: str | None = None  # name or ISO code
    admin1: str | None = None
    event_type: str | None = None  # event type or sub-event type
    status: str | None = None
    actor: str | None = None  # substring of any actor field
    min_sources: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    limit: int | None = None
    offset: int = 0


def _event_conditions(f: EventFilter) -> list[Any]:
    c: list[Any] = []
    if f.since:
        c.append(events.c.date >= f.since)
    if f.until:
        c.append(events.c.date <= f.until)
    if f.country:
        v = f.country.strip()
        c.append(or_(func.lower(events.c.country) == v.lower(), func.upper(events.c.iso) == v.upper()))
    if f.admin1:
        c.append(func.lower(events.c.admin1) == f.admin1.strip().lower())
    if f.event_type:
        v = f.event_type.strip().lower()
        c.append(or_(func.lower(events.c.event_type) == v, func.lower(events.c.sub_event_type) == v))
    if f.status:
        c.append(events.c.status == f.status)
    if f.actor:
        pat = f"%{f.actor.strip().lower()}%"
        c.append(
            or_(*[func.lower(col).like(pat) for col in (events.c.actor1, events.c.actor2, events.c.assoc_actor1, events.c.assoc_actor2)])
        )
    if f.min_sources:
        c.append(events.c.n_independent_sources >= f.min_sources)
    if f.bbox:
        w, s, e, n = f.bbox
        c.append(and_(events.c.lon >= w, events.c.lon <= e, events.c.lat >= s, events.c.lat <= n))
    return c


def list_events(engine: Engine, f: EventFilter | None = None) -> list[dict[str, Any]]:
    f = f or EventFilter()
    q = select(events).where(*_event_conditions(f)).order_by(events.c.date.desc().nulls_last(), events.c.id)
    if f.limit:
        q = q.limit(f.limit).offset(f.offset)
    with engine.connect() as conn:
        return [_event_dict(dict(r._mapping)) for r in conn.execute(q)]


def count_events(engine: Engine, f: EventFilter | None = None) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events).where(*_event_conditions(f or EventFilter()))).scalar_one())


def _event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """Flat event row → the record's nested event shape (location as an object)."""
    loc_keys = ("location_name", "admin1", "admin2", "country", "iso", "lat", "lon", "geo_precision", "geonameid")
    out = {k: v for k, v in row.items() if k not in loc_keys and k not in ("created_at", "updated_at")}
    out["location"] = {
        "name": row.get("location_name"),
        **{k: row.get(k) for k in loc_keys[1:]},
    }
    for k in ("created_at", "updated_at"):
        if row.get(k) is not None:
            out[k] = row[k].isoformat() if hasattr(row[k], "isoformat") else row[k]
    return out


def get_event(engine: Engine, event_id: str) -> dict[str, Any] | None:
    """One event with its mentions (each with article, wording, figures) and claims."""
    with engine.connect() as conn:
        row = conn.execute(select(events).where(events.c.id == event_id)).first()
        if row is None:
            return None
        ev = _event_dict(dict(row._mapping))
        ms = conn.execute(
            select(
                mentions,
                articles.c.title,
                articles.c.outlet,
                articles.c.aggregator,
                articles.c.url,
                articles.c.published,
                articles.c.canonical_id,
            )
            .join(articles, articles.c.id == mentions.c.article_id)
            .where(mentions.c.event_id == event_id)
            .order_by(articles.c.published, mentions.c.id)
        )
        ev["mentions"] = [_event_dict(dict(m._mapping)) for m in ms]
        claim_ids = [cid for m in ev["mentions"] for cid in (m.get("claim_ids") or [])]
        ev["claims"] = []
        if claim_ids:
            ev["claims"] = [dict(c._mapping) for c in conn.execute(select(claims).where(claims.c.id.in_(claim_ids)))]
        return ev


def get_article(engine: Engine, article_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            return None
        d = dict(row._mapping)
        d.pop("minhash", None)
        for k in ("fetched_at", "ingested_at"):
            d[k] = d[k].isoformat() if d.get(k) is not None else None
        d["event_ids"] = sorted(
            {r.event_id for r in conn.execute(select(mentions.c.event_id).where(mentions.c.article_id == article_id)) if r.event_id}
        )
        return d


def list_articles(engine: Engine, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    cols = [articles.c[k] for k in ("id", "uri", "url", "title", "outlet", "aggregator", "published", "page_date", "date_confidence", "canonical_id")]
    with engine.connect() as conn:
        q = select(*cols).order_by(articles.c.published.desc().nulls_last(), articles.c.id).limit(limit).offset(offset)
        return [dict(r._mapping) for r in conn.execute(q)]


def store_stats(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for name, t in (("articles", articles), ("events", events), ("mentions", mentions), ("claims", claims))
        }


def iter_events_detailed(engine: Engine, f: EventFilter | None = None, *, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Events with their mentions (evidence, wording, source), streamed in batches for exports."""
    f = f or EventFilter()
    q = select(events).where(*_event_conditions(f)).order_by(events.c.date.desc().nulls_last(), events.c.id)
    if f.limit:
        q = q.limit(f.limit).offset(f.offset)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(q)
        for part in result.partitions(batch):
            evs = {r.id: _event_dict(dict(r._mapping)) for r in part}
            for ev in evs.values():
                ev["mentions"] = []
            mq = (
                select(mentions, articles.c.outlet, articles.c.aggregator, articles.c.url, articles.c.published, articles.c.title)
                .join(articles, articles.c.id == mentions.c.article_id)
                .where(mentions.c.event_id.in_(list(evs)))
                .order_by(mentions.c.id)
            )
            with engine.connect() as conn2:
                for m in conn2.execute(mq):
                    md = _event_dict(dict(m._mapping))
                    evs[md["event_id"]]["mentions"].append(md)
            yield from evs.values()
