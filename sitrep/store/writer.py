"""Writing records: one document, one transaction; re-ingesting the same content is a no-op.

``save_record`` stores the article, its entities, claims and event mentions, then hands the
mentions to :mod:`sitrep.store.fusion`, which attaches each to an existing event or creates
one, and refreshes the affected events' aggregates. Any failure rolls the whole document
back, so the store never holds half a record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Engine, delete, insert, select, text

from sitrep.models import Event, Record, utcnow
from sitrep.store import fusion
from sitrep.store.db import transaction
from sitrep.store.schema import article_bands, articles, claims, entities, mentions


@dataclass(frozen=True)
class SaveResult:
    article_id: str
    status: Literal["stored", "duplicate"]
    n_events: int = 0
    canonical_id: str | None = None  # the earlier article this one copies, if any


def body_hash(body: str) -> str:
    """Hash of the whitespace-normalised body: exact copies across outlets share it."""
    return hashlib.sha256(" ".join(body.split()).lower().encode("utf-8")).hexdigest()[:32]


def mention_row(article_id: str, ev: Event) -> dict[str, Any]:
    loc = ev.location
    return {
        "id": f"{article_id}:{ev.id}",
        "article_id": article_id,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1,
        "assoc_actor1": ev.assoc_actor1,
        "actor2": ev.actor2,
        "assoc_actor2": ev.assoc_actor2,
        "inter1": ev.inter1,
        "inter2": ev.inter2,
        "location_name": loc.name,
        "admin1": loc.admin1,
        "admin2": loc.admin2,
        "country": loc.country,
        "iso": loc.iso,
        "lat": loc.lat,
        "lon": loc.lon,
        "geo_precision": loc.geo_precision,
        "geonameid": loc.geonameid,
        "date": ev.date,
        "time_precision": ev.time_precision,
        "fatalities": ev.fatalities,
        "injured": ev.injured,
        "status": ev.status,
        "date_text": ev.date_text,
        "source": ev.source,
        "claim_ids": [f"{article_id}:{c}" for c in ev.claims],
        "evidence": [s.model_dump() for s in ev.evidence],
        "pinned": False,
    }


def _article_row(record: Record, bhash: str, canonical_id: str | None, minhash: bytes | None) -> dict[str, Any]:
    a = record.article
    return {
        "id": record.id,
        "uri": record.source.uri,
        "content_type": record.source.content_type,
        "fetched_at": record.source.fetched_at,
        "url": a.url,
        "title": a.title,
        "authors": list(a.authors),
        "outlet": a.outlet,
        "aggregator": a.aggregator,
        "language": a.language,
        "dateline": a.dateline,
        "published": a.published,
        "page_date": a.page_date,
        "date_confidence": a.date_confidence,
        "body": record.body,
        "removed": list(record.removed),
        "body_hash": bhash,
        "minhash": minhash,
        "canonical_id": canonical_id,
        "record": record.to_json_dict(),
        "ingested_at": utcnow(),
    }


#: pg_advisory_xact_lock key that serialises writers on PostgreSQL ("sitrep" in ASCII).
PG_WRITE_LOCK = 0x736974726570


def serialise_writers(conn: Connection) -> None:
    """Make concurrent writers take turns, as SQLite's BEGIN IMMEDIATE does.

    Without it, two PostgreSQL transactions saving the same article both pass the "already
    stored?" check and one dies on the primary key; two reports of one event both find no
    candidate and create two events. A transaction-scoped advisory lock (released at commit
    or rollback) makes the check-then-insert and the fusion atomic across processes.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})


def insert_record(conn: Connection, record: Record, *, minhash: bytes | None = None) -> SaveResult:
    """Insert one record inside the caller's transaction (no-op if its id is stored)."""
    serialise_writers(conn)
    if conn.execute(select(articles.c.id).where(articles.c.id == record.id)).first():
        return SaveResult(record.id, "duplicate")
    bhash = body_hash(record.body)
    canonical_id = fusion.find_canonical(conn, record, bhash, minhash)
    conn.execute(insert(articles), [_article_row(record, bhash, canonical_id, minhash)])
    if record.entities:
        conn.execute(
            insert(entities),
            [{"article_id": record.id, **e.model_dump()} for e in record.entities],
        )
    if record.claims:
        conn.execute(
            insert(claims),
            [
                {
                    "id": f"{record.id}:{c.id}",
                    "article_id": record.id,
                    "text": c.text,
                    "source": c.source,
                    "source_text": c.source_text,
                    "source_type": c.source_type,
                    "cue": c.cue,
                    "hedged": c.hedged,
                    "verification": c.verification,
                    "evidence_text": c.evidence.text,
                    "evidence_start": c.evidence.start,
                    "evidence_end": c.evidence.end,
                    "cluster_id": None,
                }
                for c in record.claims
            ],
        )
    rows = [mention_row(record.id, ev) for ev in record.events]
    if rows:
        conn.execute(insert(mentions), rows)
    fusion.attach_mentions(conn, [r["id"] for r in rows])
    return SaveResult(record.id, "stored", n_events=len(rows), canonical_id=canonical_id)


def save_record(engine: Engine, record: Record, *, minhash: bytes | None = None) -> SaveResult:
    """Store one record in its own transaction; re-saving the same content does nothing."""
    with transaction(engine) as conn:
        return insert_record(conn, record, minhash=minhash)


def delete_article(engine: Engine, article_id: str) -> bool:
    """Remove an article and its mentions; the events they supported are recomputed."""
    with transaction(engine) as conn:
        serialise_writers(conn)
        if not conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first():
            return False
        affected = {
            r.event_id
            for r in conn.execute(select(mentions.c.event_id).where(mentions.c.article_id == article_id))
            if r.event_id
        }
        conn.execute(delete(mentions).where(mentions.c.article_id == article_id))
        conn.execute(delete(claims).where(claims.c.article_id == article_id))
        conn.execute(delete(entities).where(entities.c.article_id == article_id))
        conn.execute(delete(article_bands).where(article_bands.c.article_id == article_id))
        conn.execute(
            articles.update().where(articles.c.canonical_id == article_id).values(canonical_id=None)
        )
        conn.execute(delete(articles).where(articles.c.id == article_id))
        for event_id in affected:
            fusion.refresh_event(conn, event_id)
        return True
