"""Event fusion inside the store: mentions (one article's report) → events (one real-world event).

This module is the store-side glue; the decisions (do two reports describe one event, which
sources are independent, what status follows, which figures contradict) live in
:mod:`sitrep.resolve.corroborate` as pure functions over plain dicts, so they can be tested and
benchmarked without a database.

- **Incremental**: a new mention is compared only with candidate events of its event-type
  family in its date window (an indexed range query on ``events.date``), never with the corpus.
- **Copies**: :func:`find_canonical` finds the article a new one copies — the same normalised
  body, or a near-duplicate by MinHash (LSH band keys in ``article_bands``, indexed, then the
  signatures' estimated Jaccard ≥ the near-duplicate threshold).
- **Reversible**: deleting an article refreshes (or removes) the events it supported; an
  analyst's :func:`split_mention` / :func:`merge_events` pin the mentions involved and record the
  decision in ``fusion_links`` by mention id, so it survives re-processing and :func:`rebuild_events`.
- **Corrections**: :func:`refresh_event` recomputes an event from its mentions and then applies
  the ``corrections`` rows on top, so an analyst's fix survives every refresh.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, insert, or_, select, update
from sqlalchemy.sql import ColumnElement

from sitrep.errors import InputError
from sitrep.models import Record, utcnow
from sitrep.resolve import corroborate
from sitrep.settings import Settings
from sitrep.store.db import transaction
from sitrep.store.schema import (
    EVENT_COLUMNS,
    article_bands,
    articles,
    claim_links,
    claims,
    corrections,
    events,
    fusion_links,
    mentions,
)

log = logging.getLogger("sitrep.store.fusion")

#: Estimated Jaccard similarity at which a body is a near-duplicate (the setting's default).
NEAR_DUPLICATE_THRESHOLD: float = float(Settings.model_fields["near_duplicate_threshold"].default)
#: LSH banding of a 128-permutation MinHash, tuned for recall at the 0.8 threshold (candidates are
#: then checked on the full signature): 16 bands of 8 rows find a pair at Jaccard 0.8 with
#: probability 0.95, at 0.5 with 0.06. (datasketch's balanced choice, 9 × 13, finds only 40% at 0.8.)
LSH_BANDS, LSH_ROWS = 16, 8
#: Most candidate events read for one mention (the date window keeps it far below this).
MAX_CANDIDATES = 2000
#: Days around an article's publication in which an earlier claim may be the same claim.
CLAIM_WINDOW_DAYS = 60

_summary_keys = (*EVENT_COLUMNS, "status_reason", "n_reports", "n_independent_sources", "sources",
                 "contradictions", "fatalities_low", "fatalities_high", "notes")  # fmt: skip


# --------------------------------------------------------------------------- copies


def band_keys(signature: bytes) -> list[str]:
    """LSH band keys of a MinHash signature (little-endian uint64 values, as clean.duplicates stores)."""
    width = 8 * LSH_ROWS
    n = min(LSH_BANDS, len(signature) // width)
    return [f"{i}:{hashlib.sha1(signature[i * width : (i + 1) * width]).hexdigest()[:24]}" for i in range(n)]


def _jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard of two MinHash signatures: the share of equal hash values."""
    if len(a) != len(b) or not a:
        return 0.0
    n = len(a) // 8
    same = sum(1 for i in range(n) if a[i * 8 : (i + 1) * 8] == b[i * 8 : (i + 1) * 8])
    return same / n


def find_canonical(conn: Connection, record: Record, bhash: str, minhash: bytes | None) -> str | None:
    """The earlier stored article this record copies (same normalised body, or a near-duplicate)."""
    row = conn.execute(
        select(articles.c.id, articles.c.canonical_id)
        .where(articles.c.body_hash == bhash, articles.c.id != record.id)
        .order_by(articles.c.ingested_at)
        .limit(1)
    ).first()
    found: str | None = (row.canonical_id or row.id) if row else None
    if not minhash:
        return _earliest_original(conn, record, found) if found else None
    keys = band_keys(minhash)
    if found is None and keys:
        candidates = conn.execute(
            select(articles.c.id, articles.c.canonical_id, articles.c.minhash)
            .join(article_bands, article_bands.c.article_id == articles.c.id)
            .where(article_bands.c.band.in_(keys), articles.c.id != record.id)
            .distinct()
            .limit(200)
        ).all()
        best: tuple[float, str] | None = None
        for c in candidates:
            sim = _jaccard(minhash, c.minhash or b"")
            if sim >= NEAR_DUPLICATE_THRESHOLD and (best is None or sim > best[0]):
                best = (sim, c.canonical_id or c.id)
        found = best[1] if best else None
    if found is not None:
        found = _earliest_original(conn, record, found)
    conn.execute(delete(article_bands).where(article_bands.c.article_id == record.id))
    if keys:
        conn.execute(insert(article_bands), [{"article_id": record.id, "band": k} for k in dict.fromkeys(keys)])
    return found


def _earliest_original(conn: Connection, record: Record, found: str) -> str | None:
    """The story's original is its earliest published copy: when the new record predates the
    stored original (a re-post was ingested first), the stored copies now point to the new record."""
    row = conn.execute(select(articles.c.published, articles.c.aggregator).where(articles.c.id == found)).first()
    mine = record.article.published
    if row is None or not mine or not row.published or mine > row.published:
        return found
    if mine == row.published and (record.article.aggregator or not row.aggregator):
        return found  # same day: the page no aggregator wrapped is the original
    moved = [r.id for r in conn.execute(select(articles.c.id).where(or_(articles.c.id == found, articles.c.canonical_id == found)))]
    conn.execute(update(articles).where(articles.c.id.in_(moved)).values(canonical_id=record.id))
    affected = {r.event_id for r in conn.execute(select(mentions.c.event_id).where(mentions.c.article_id.in_(moved))) if r.event_id}
    for event_id in affected:  # their sources changed: refresh (the new record's mentions join later)
        refresh_event(conn, event_id)
    return None


# --------------------------------------------------------------------------- reading mentions


def _event_id(seed: str) -> str:
    return "ev_" + hashlib.sha256(seed.encode()).hexdigest()[:16]


def _mention_dicts(conn: Connection, where: ColumnElement[bool]) -> list[dict[str, Any]]:
    """Mentions joined with their article (and the original it copies), with their claims."""
    canon = articles.alias("canon")
    q = (
        select(
            mentions,
            articles.c.outlet,
            articles.c.aggregator,
            articles.c.canonical_id,
            articles.c.published,
            articles.c.url,
            articles.c.title,
            articles.c.dateline,
            canon.c.outlet.label("canonical_outlet"),
        )
        .join(articles, articles.c.id == mentions.c.article_id)
        .outerjoin(canon, canon.c.id == articles.c.canonical_id)
        .where(where)
        .order_by(articles.c.published, mentions.c.id)
    )
    ms = [dict(r._mapping) for r in conn.execute(q)]
    ids = sorted({cid for m in ms for cid in m.get("claim_ids") or []})
    by_id: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        for c in conn.execute(select(claims).where(claims.c.id.in_(ids[i : i + 500]))):
            by_id[c.id] = dict(c._mapping)
    for m in ms:
        m["claims"] = [by_id[c] for c in m.get("claim_ids") or [] if c in by_id]
    return ms


def _candidates(conn: Connection, m: dict[str, Any]) -> list[dict[str, Any]]:
    """Events that could be the same as mention `m`: same type family, date window (indexed)."""
    types = corroborate.family_types(m.get("event_type"))
    conds: list[ColumnElement[bool]] = [events.c.event_type.in_(types)]
    if m.get("iso"):
        conds.append(or_(events.c.iso == m["iso"], events.c.iso.is_(None)))
    rows: dict[str, dict[str, Any]] = {}
    lo, hi = corroborate.date_window(m, 2)  # day- and week-precision events
    if lo and hi:
        q = select(events).where(events.c.date.between(lo, hi), *conds).limit(MAX_CANDIDATES)
        rows.update((r.id, dict(r._mapping)) for r in conn.execute(q))
        lo, hi = corroborate.date_window(m, 3)  # month-precision events: a wider range, few rows
        q = select(events).where(events.c.date.between(lo, hi), events.c.time_precision == 3, *conds).limit(MAX_CANDIDATES)
        rows.update((r.id, dict(r._mapping)) for r in conn.execute(q))
    q = select(events).where(events.c.date.is_(None), *conds).order_by(events.c.updated_at.desc()).limit(200)
    rows.update((r.id, dict(r._mapping)) for r in conn.execute(q))
    return _with_report_dates(conn, list(rows.values()))


def _with_report_dates(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each candidate's reports' dates (see corroborate._date_fit): one indexed query."""
    if not rows:
        return rows
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r["report_dates"] = []
    ids = list(by_id)
    for i in range(0, len(ids), 500):
        q = select(mentions.c.event_id, mentions.c.date, mentions.c.time_precision).where(
            mentions.c.event_id.in_(ids[i : i + 500]), mentions.c.date.is_not(None)
        )
        for ev_id, d, tp in conn.execute(q).all():
            if (d, tp) not in by_id[ev_id]["report_dates"]:
                by_id[ev_id]["report_dates"].append((d, tp))
    return rows


def _story_events(conn: Connection, m: dict[str, Any]) -> set[str]:
    """Events that hold reports of the same story as `m` (its own article, its original, copies)."""
    root = m.get("canonical_id") or m["article_id"]
    same_story = select(articles.c.id).where(or_(articles.c.id == root, articles.c.canonical_id == root))
    q = select(mentions.c.event_id).where(
        mentions.c.article_id.in_(same_story), mentions.c.id != m["id"], mentions.c.event_id.is_not(None)
    )
    return {r.event_id for r in conn.execute(q)}


# --------------------------------------------------------------------------- attaching


def _create_event(conn: Connection, event_id: str, m: dict[str, Any]) -> None:
    now = utcnow()
    conn.execute(
        insert(events),
        [
            {
                "id": event_id,
                **{k: m.get(k) for k in EVENT_COLUMNS},
                "n_reports": 1,
                "n_independent_sources": 1,
                "sources": [],
                "contradictions": [],
                "created_at": now,
                "updated_at": now,
            }
        ],
    )


def _event_exists(conn: Connection, event_id: str) -> bool:
    return conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is not None


def attach_mentions(conn: Connection, mention_ids: list[str]) -> list[str]:
    """Attach each new mention to its matching event or a new one; return the touched event ids.

    An analyst's earlier decision about the same mention id (``fusion_links``) wins over matching.
    """
    for article_id in dict.fromkeys(mid.rsplit(":", 1)[0] for mid in mention_ids):
        cluster_article_claims(conn, article_id)
    touched: list[str] = []
    for mid in mention_ids:
        found = _mention_dicts(conn, mentions.c.id == mid)
        if not found:
            continue
        m = found[0]
        link = conn.execute(select(fusion_links.c.event_id).where(fusion_links.c.mention_id == mid)).first()
        pinned = link is not None
        best = None
        if link is not None:
            event_id = link.event_id
            if not _event_exists(conn, event_id):
                _create_event(conn, event_id, m)
        else:
            story = _story_events(conn, m)
            cands = _candidates(conn, m)
            known = {str(c["id"]) for c in cands}
            cands += _with_report_dates(conn, [dict(r._mapping) for r in conn.execute(select(events).where(events.c.id.in_(story - known)))])
            best = corroborate.best_match(m, cands, frozenset(story))
            event_id = best or _event_id(mid)
            if best is None:
                if _event_exists(conn, event_id):  # a re-processed article: its seed id is taken
                    event_id = _event_id(mid + ":" + utcnow().isoformat())
                _create_event(conn, event_id, m)
        conn.execute(update(mentions).where(mentions.c.id == mid).values(event_id=event_id, pinned=pinned))
        refresh_event(conn, event_id)  # now, so the next mention is compared with fused values
        if not pinned and best is not None:
            event_id = _merge_if_now_same(conn, event_id)
        if event_id not in touched:
            touched.append(event_id)
    return touched


def _merge_if_now_same(conn: Connection, event_id: str) -> str:
    """An event a new report just joined may now match another event it did not match before
    (order matters: a re-post dated months late, then the original, make the fused date move).
    Fold the two together, into the older event, unless an analyst pinned either. Returns the
    id of the event that holds the reports afterwards."""
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        return event_id
    ev = _with_report_dates(conn, [dict(row._mapping)])[0]
    others = [c for c in _candidates(conn, ev) if c["id"] != event_id]
    other = corroborate.best_match(ev, others)
    if other is None:
        return event_id
    pinned = conn.execute(
        select(mentions.c.id).where(mentions.c.event_id.in_([event_id, other]), mentions.c.pinned.is_(True)).limit(1)
    ).first()
    if pinned:
        return event_id
    created = dict(conn.execute(select(events.c.id, events.c.created_at).where(events.c.id.in_([event_id, other]))).all())
    keep, drop = sorted((event_id, other), key=lambda e: (created.get(e) is None, created.get(e), e))
    conn.execute(update(mentions).where(mentions.c.event_id == drop).values(event_id=keep))
    conn.execute(update(corrections).where(corrections.c.event_id == drop).values(event_id=keep))
    refresh_event(conn, drop)  # no mentions left: removed
    refresh_event(conn, keep)
    return keep


def refresh_event(conn: Connection, event_id: str) -> None:
    """Recompute an event from its mentions, then apply analysts' corrections on top; an event
    left without mentions is removed. Also re-clusters the event's claims and denial links."""
    ms = _mention_dicts(conn, mentions.c.event_id == event_id)
    if not ms:
        conn.execute(delete(claim_links).where(claim_links.c.event_id == event_id))
        conn.execute(delete(events).where(events.c.id == event_id))
        return
    summary = corroborate.summarise(ms)
    fixes = conn.execute(
        select(corrections.c.field, corrections.c.value)
        .where(corrections.c.event_id == event_id)
        .order_by(corrections.c.created_at, corrections.c.id)
    )
    for fld, value in fixes:
        if fld in _summary_keys:  # any event field an analyst may set, computed or not (notes)
            summary[fld] = value
    summary = {k: v for k, v in summary.items() if k in _summary_keys}
    summary["updated_at"] = utcnow()
    conn.execute(update(events).where(events.c.id == event_id).values(**summary))
    _refresh_claims(conn, event_id, ms)


def cluster_article_claims(conn: Connection, article_id: str) -> None:
    """Give an article's claims the cluster of an earlier claim by the same source saying the
    same thing (the source as written in the claims table, an indexed lookup), or their own."""
    from rapidfuzz import fuzz

    mine = conn.execute(select(claims.c.id, claims.c.source, claims.c.text).where(claims.c.article_id == article_id)).all()
    published = corroborate.parse_date(conn.execute(select(articles.c.published).where(articles.c.id == article_id)).scalar())
    window = []
    if published is not None:  # a claim is repeated within weeks, not years: keeps the lookup small
        span = timedelta(days=CLAIM_WINDOW_DAYS)
        window = [articles.c.published.between((published - span).isoformat(), (published + span).isoformat())]
    for c in mine:
        cluster = "cc_" + hashlib.sha256(c.id.encode()).hexdigest()[:16]
        if c.source:
            earlier = conn.execute(
                select(claims.c.id, claims.c.text, claims.c.cluster_id)
                .join(articles, articles.c.id == claims.c.article_id)
                .where(claims.c.source == c.source, claims.c.article_id != article_id, *window)
                .order_by(articles.c.published, claims.c.id)
                .limit(200)
            ).all()
            for e in earlier:
                if fuzz.token_set_ratio(c.text.lower(), e.text.lower()) >= corroborate.CLAIM_SIMILARITY:
                    cluster = e.cluster_id or "cc_" + hashlib.sha256(e.id.encode()).hexdigest()[:16]
                    break
        conn.execute(update(claims).where(claims.c.id == c.id).values(cluster_id=cluster))


def _refresh_claims(conn: Connection, event_id: str, ms: list[dict[str, Any]]) -> None:
    seen: dict[str, dict[str, Any]] = {}
    for m in ms:  # oldest article first
        for c in m["claims"]:
            seen.setdefault(c["id"], c)
    ordered = list(seen.values())
    for cid, cluster in corroborate.cluster_claims(ordered).items():
        if seen[cid].get("cluster_id") != cluster:
            conn.execute(update(claims).where(claims.c.id == cid).values(cluster_id=cluster))
    conn.execute(delete(claim_links).where(claim_links.c.event_id == event_id))
    links = corroborate.denial_links(ordered)
    if links:
        # a claim pair linked earlier under another event (before a merge or re-fusion) moves here
        for a, b in dict.fromkeys(links):
            conn.execute(delete(claim_links).where(
                claim_links.c.claim_id == a, claim_links.c.other_id == b, claim_links.c.relation == "denies"))
        conn.execute(
            insert(claim_links),
            [{"claim_id": a, "other_id": b, "relation": "denies", "event_id": event_id} for a, b in dict.fromkeys(links)],
        )


# --------------------------------------------------------------------------- analysts' decisions


def _serialise(conn: Connection) -> None:
    from sitrep.store.writer import serialise_writers  # here: writer imports this module

    serialise_writers(conn)


def _record_links(conn: Connection, mention_ids: list[str], event_id: str, action: str, author: str) -> None:
    if not mention_ids:
        return
    conn.execute(delete(fusion_links).where(fusion_links.c.mention_id.in_(mention_ids)))
    now = utcnow()
    conn.execute(
        insert(fusion_links),
        [{"mention_id": mid, "event_id": event_id, "action": action, "author": author, "created_at": now} for mid in mention_ids],
    )
    conn.execute(update(mentions).where(mentions.c.id.in_(mention_ids)).values(event_id=event_id, pinned=True))


def split_mention(engine: Engine, mention_id: str, *, author: str = "analyst") -> str:
    """Take one mention out of its event into a new event of its own; return the new event's id.

    The split mention and the mentions left behind are pinned, so neither re-fusion nor
    re-processing the article puts them back together.
    """
    with transaction(engine) as conn:
        _serialise(conn)
        row = conn.execute(select(mentions.c.event_id).where(mentions.c.id == mention_id)).first()
        if row is None:
            raise InputError(f"no mention with id '{mention_id}'. Mention ids are listed by `sitrep show EVENT_ID --json`.")
        old = row.event_id
        new = _event_id(mention_id + ":split:" + utcnow().isoformat())
        m = _mention_dicts(conn, mentions.c.id == mention_id)[0]
        _create_event(conn, new, m)
        rest = [r.id for r in conn.execute(select(mentions.c.id).where(mentions.c.event_id == old, mentions.c.id != mention_id))]
        _record_links(conn, [mention_id], new, "split", author)
        if old:
            _record_links(conn, rest, old, "keep", author)
            refresh_event(conn, old)
        refresh_event(conn, new)
        return new


def merge_events(engine: Engine, keep_id: str, other_id: str, *, author: str = "analyst") -> None:
    """Fold event `other_id` into `keep_id`: its mentions and corrections move, all are pinned."""
    if keep_id == other_id:
        return
    with transaction(engine) as conn:
        _serialise(conn)
        for eid in (keep_id, other_id):
            if not _event_exists(conn, eid):
                raise InputError(f"no event with id '{eid}'. List ids with `sitrep events`.")
        ids = [r.id for r in conn.execute(select(mentions.c.id).where(mentions.c.event_id.in_([keep_id, other_id])))]
        _record_links(conn, ids, keep_id, "merge", author)
        conn.execute(update(corrections).where(corrections.c.event_id == other_id).values(event_id=keep_id))
        conn.execute(update(fusion_links).where(fusion_links.c.event_id == other_id).values(event_id=keep_id))
        refresh_event(conn, other_id)  # no mentions left: removed
        refresh_event(conn, keep_id)


def rebuild_events(engine: Engine) -> int:
    """Re-fuse every unpinned mention from scratch (oldest article first); pinned ones stay put.

    For when the matching rules change. Returns the number of events afterwards.
    """
    with transaction(engine) as conn:
        _serialise(conn)
        conn.execute(delete(claim_links))  # recomputed with every event below
        conn.execute(update(mentions).where(mentions.c.pinned.is_(False)).values(event_id=None))
        keep = select(mentions.c.event_id).where(mentions.c.event_id.is_not(None)).scalar_subquery()
        conn.execute(delete(events).where(events.c.id.not_in(keep)))
        for eid in [r.id for r in conn.execute(select(events.c.id))]:
            refresh_event(conn, eid)
        order = (
            select(mentions.c.id)
            .join(articles, articles.c.id == mentions.c.article_id)
            .where(and_(mentions.c.event_id.is_(None)))
            .order_by(articles.c.published, mentions.c.id)
        )
        attach_mentions(conn, [r.id for r in conn.execute(order)])
        return len(conn.execute(select(events.c.id)).all())
