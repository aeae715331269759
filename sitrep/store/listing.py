"""Paged reads for the REST API: events, claims, articles, places, actors.

Keyset ("cursor") pagination: a page ends with an opaque cursor holding the last row's sort
key and id; the next page asks for rows strictly after it. Unlike OFFSET, the cost of a page
does not grow with its depth, and rows inserted meanwhile neither repeat nor vanish.
Filters are :class:`sitrep.store.queries.EventFilter`'s (the CLI's), plus a text query
and a sub-event type.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Engine, and_, func, literal, literal_column, or_, select, union_all

from sitrep.errors import InputError
from sitrep.store.queries import EventFilter, _event_conditions, _event_dict
from sitrep.store.schema import articles, claims, events, mentions
from sitrep.store.search import event_match_condition

#: sort name → (column, descending)
EVENT_SORTS: dict[str, tuple[str, bool]] = {
    "newest": ("date", True),
    "oldest": ("date", False),
    "deadliest": ("fatalities", True),
    "updated": ("updated_at", True),
}
MAX_PAGE = 500


@dataclass(frozen=True)
class EventQuery:
    """Everything the event list can be asked for (the API's query parameters)."""

    filter: EventFilter = field(default_factory=EventFilter)
    q: str | None = None  # full-text query over types, actors, places, notes
    sub_event_type: str | None = None
    sort: str = "newest"
    cursor: str | None = None
    limit: int = 50


def encode_cursor(value: Any, row_id: str) -> str:
    if isinstance(value, datetime):
        value = {"dt": value.isoformat()}
    return base64.urlsafe_b64encode(orjson.dumps([value, row_id])).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, str]:
    try:
        value, row_id = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if isinstance(value, dict) and "dt" in value:
            value = datetime.fromisoformat(value["dt"])
        if not isinstance(row_id, str):
            raise ValueError("id is not a string")
        return value, row_id
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError) as e:
        raise InputError(f"invalid cursor '{cursor[:40]}': pass back the `next` value of the previous page unchanged") from e


def _after(col: Any, id_col: Any, desc: bool, value: Any, row_id: str) -> ColumnElement[bool]:
    """Rows after (value, id) in ORDER BY col [DESC] NULLS LAST, id [DESC]."""
    id_after = id_col < row_id if desc else id_col > row_id
    if value is None:
        return and_(col.is_(None), id_after)
    beyond = col < value if desc else col > value
    return or_(beyond, and_(col == value, id_after), col.is_(None))


def _col(name: str, no_index: bool) -> Any:
    """A column of ``events``; with `no_index`, as SQLite's ``+column``, which keeps the planner
    from answering the filter with that column's index (so it walks the sort index instead)."""
    return literal_column(f"+events.{name}") if no_index else events.c[name]


def sort_walk_conditions(f: EventFilter) -> list[Any]:
    """:func:`sitrep.store.queries._event_conditions`'s filters, written so that SQLite uses
    no index for them: same semantics (keep in step), for queries that walk the date index."""
    c: list[Any] = []
    if f.since:
        c.append(events.c.date >= f.since)
    if f.until:
        c.append(events.c.date <= f.until)
    if f.country:
        v = f.country.strip()
        c.append(or_(func.lower(_col("country", True)) == v.lower(), func.upper(_col("iso", True)) == v.upper()))
    if f.admin1:
        c.append(func.lower(_col("admin1", True)) == f.admin1.strip().lower())
    if f.event_type:
        v = f.event_type.strip().lower()
        c.append(or_(func.lower(_col("event_type", True)) == v, func.lower(_col("sub_event_type", True)) == v))
    if f.status:
        c.append(_col("status", True) == f.status)
    if f.actor:
        pat = f"%{f.actor.strip().lower()}%"
        c.append(or_(*[func.lower(events.c[k]).like(pat) for k in ("actor1", "actor2", "assoc_actor1", "assoc_actor2")]))
    if f.min_sources:
        c.append(events.c.n_independent_sources >= f.min_sources)
    if f.bbox:
        w, s, e, n = f.bbox
        c.append(and_(_col("lon", True) >= w, _col("lon", True) <= e, _col("lat", True) >= s, _col("lat", True) <= n))
    return c


def event_conditions(dialect: str, eq: EventQuery, *, walk_sort_index: bool = False) -> list[Any]:
    walk = walk_sort_index and dialect == "sqlite"
    conds = sort_walk_conditions(eq.filter) if walk else _event_conditions(eq.filter)
    if eq.sub_event_type:
        conds.append(func.lower(_col("sub_event_type", walk)) == eq.sub_event_type.strip().lower())
    if eq.q and eq.q.strip():
        m = event_match_condition(dialect, eq.q)
        if m is None:
            raise InputError(f"the text query '{eq.q}' has no searchable words")
        conds.append(m)
    return conds


def list_events_page(engine: Engine, eq: EventQuery) -> dict[str, Any]:
    """One page of events: {"events": [...], "next": cursor or None}."""
    if eq.sort not in EVENT_SORTS:
        raise InputError(f"unknown sort '{eq.sort}'. Sorts: {', '.join(EVENT_SORTS)}")
    limit = max(1, min(eq.limit, MAX_PAGE))
    col_name, desc = EVENT_SORTS[eq.sort]
    col = events.c[col_name]
    # On SQLite, walk the (sort column, id) index and filter, rather than let the planner pick
    # a filter index and sort every match: a page needs `limit` rows, usually found after a
    # short walk (a very selective filter makes it walk further, bounded by the table).
    walk = col_name in ("date", "fatalities") and not eq.q
    conds = event_conditions(engine.dialect.name, eq, walk_sort_index=walk)
    if eq.cursor:
        value, row_id = decode_cursor(eq.cursor)
        conds.append(_after(col, events.c.id, desc, value, row_id))
    order = [col.desc().nulls_last() if desc else col.asc().nulls_last(), events.c.id.desc() if desc else events.c.id.asc()]
    if engine.dialect.name == "sqlite" and desc:
        # SQLite sorts NULL lowest, so DESC already puts NULLs last; the plain form lets it
        # walk the (col, id) index backwards instead of sorting.
        order = [col.desc(), events.c.id.desc()]
    q = select(events).where(*conds).order_by(*order).limit(limit + 1)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        nxt = encode_cursor(rows[-1][col_name], rows[-1]["id"])
    return {"events": [_event_dict(r) for r in rows], "next": nxt}


def count_events(engine: Engine, eq: EventQuery) -> int:
    conds = event_conditions(engine.dialect.name, eq)
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events).where(*conds)).scalar_one())


def list_claims_page(
    engine: Engine,
    *,
    article_id: str | None = None,
    event_id: str | None = None,
    source: str | None = None,
    verification: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> dict[str, Any]:
    """Claims (by id), optionally of one article, one event, one source or one verification."""
    limit = max(1, min(limit, MAX_PAGE))
    conds: list[Any] = []
    if article_id:
        conds.append(claims.c.article_id == article_id)
    if source:
        conds.append(func.lower(claims.c.source).like(f"%{source.strip().lower()}%"))
    if verification:
        conds.append(claims.c.verification == verification)
    with engine.connect() as conn:
        if event_id:
            ids = [cid for (ids_,) in conn.execute(select(mentions.c.claim_ids).where(mentions.c.event_id == event_id))
                   for cid in (ids_ or [])]  # fmt: skip
            conds.append(claims.c.id.in_(ids))
        if cursor:
            _, last = decode_cursor(cursor)
            conds.append(claims.c.id > last)
        rows = [dict(r._mapping) for r in conn.execute(select(claims).where(*conds).order_by(claims.c.id).limit(limit + 1))]
    nxt = encode_cursor(None, rows[limit - 1]["id"]) if len(rows) > limit else None
    return {"claims": rows[:limit], "next": nxt}


ARTICLE_LIST_COLS = ("id", "uri", "url", "title", "outlet", "aggregator", "published", "page_date",
                     "date_confidence", "canonical_id", "language")  # fmt: skip


def list_articles_page(
    engine: Engine, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
    cursor: str | None = None, limit: int = 50,
) -> dict[str, Any]:  # fmt: skip
    """Article metadata, newest published first."""
    limit = max(1, min(limit, MAX_PAGE))
    col = articles.c.published
    conds: list[Any] = []
    if outlet:
        v = outlet.strip().lower()
        conds.append(or_(func.lower(articles.c.outlet) == v, func.lower(articles.c.aggregator) == v))
    if since:
        conds.append(col >= since)
    if until:
        conds.append(col <= until)
    if cursor:
        value, last = decode_cursor(cursor)
        conds.append(_after(col, articles.c.id, True, value, last))
    q = (
        select(*[articles.c[k] for k in ARTICLE_LIST_COLS])
        .where(*conds)
        .order_by(col.desc().nulls_last(), articles.c.id.desc())
        .limit(limit + 1)
    )
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
    nxt = encode_cursor(rows[limit - 1]["published"], rows[limit - 1]["id"]) if len(rows) > limit else None
    return {"articles": rows[:limit], "next": nxt}


def article_spans(engine: Engine, article_id: str) -> dict[str, Any] | None:
    """An article's clean body with every span the record marks: entities, claims (with
    source and verification), event evidence (with event id, type and status)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(articles.c.id, articles.c.body, articles.c.removed, articles.c.record).where(articles.c.id == article_id)
        ).first()
        if row is None:
            return None
        ms = conn.execute(
            select(mentions.c.id, mentions.c.event_id, mentions.c.evidence, mentions.c.sub_event_type, mentions.c.status,
                   events.c.status.label("event_status"))
            .join(events, events.c.id == mentions.c.event_id, isouter=True)
            .where(mentions.c.article_id == article_id)
        ).all()  # fmt: skip
    record = row.record or {}
    ents = [{k: e.get(k) for k in ("text", "label", "start", "end", "canonical")} for e in record.get("entities") or []]
    cls = [
        {"id": c.get("id"), "text": c.get("text"), "source": c.get("source"), "source_type": c.get("source_type"),
         "cue": c.get("cue"), "hedged": c.get("hedged"), "verification": c.get("verification"),
         **{k: (c.get("evidence") or {}).get(k) for k in ("start", "end")}}
        for c in record.get("claims") or []
    ]  # fmt: skip
    evs = [
        {"event_id": m.event_id, "mention_id": m.id, "sub_event_type": m.sub_event_type,
         "status": m.event_status or m.status, "start": s.get("start"), "end": s.get("end")}
        for m in ms for s in (m.evidence or [])
    ]  # fmt: skip
    return {"id": row.id, "body": row.body, "removed": row.removed, "entities": ents, "claims": cls, "events": evs}


def list_places(engine: Engine, f: EventFilter | None = None, *, limit: int = 200) -> list[dict[str, Any]]:
    """Distinct event locations with how many events each has (most first)."""
    keys = [events.c.location_name, events.c.admin1, events.c.country, events.c.iso]
    q = (
        select(*keys, func.count().label("events"), func.avg(events.c.lat).label("lat"), func.avg(events.c.lon).label("lon"),
               func.sum(events.c.fatalities).label("fatalities"))
        .where(events.c.location_name.is_not(None), *_event_conditions(f or EventFilter()))
        .group_by(*keys)
        .order_by(func.count().desc(), events.c.location_name)
        .limit(max(1, min(limit, 5000)))
    )  # fmt: skip
    with engine.connect() as conn:
        return [{**dict(r._mapping), "fatalities": int(r.fatalities or 0)} for r in conn.execute(q)]


def list_actors(engine: Engine, f: EventFilter | None = None, *, limit: int = 200) -> list[dict[str, Any]]:
    """Distinct actors (any of actor1/actor2) with how many events name them (most first)."""
    conds = _event_conditions(f or EventFilter())
    parts = [
        select(events.c[col].label("actor"), events.c.inter1 if col == "actor1" else events.c.inter2, literal(col).label("role"))
        .where(events.c[col].is_not(None), *conds)
        for col in ("actor1", "actor2")
    ]
    u = union_all(*parts).subquery()
    q = (
        select(u.c.actor, func.count().label("events"), func.max(u.c.inter1).label("inter"))
        .group_by(u.c.actor)
        .order_by(func.count().desc(), u.c.actor)
        .limit(max(1, min(limit, 5000)))
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]
