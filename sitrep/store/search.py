"""Full-text search over articles and events: SQLite FTS5 or PostgreSQL full-text.

The index structures come from Alembic revision 0002: FTS5 external-content tables
``fts_articles``/``fts_events`` with triggers on SQLite; on PostgreSQL side tables of the
same names holding a tsvector per row (GIN-indexed, trigger-maintained). User queries are reduced to
plain words and quoted phrases, so no FTS operator a user types can break the SQL; all
words must match (AND), ``"two words"`` matches the phrase, a trailing ``*`` a prefix.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, literal_column, or_, select, text

from sitrep.store.schema import articles, events

EVENT_TEXT_COLS = ("event_type", "sub_event_type", "actor1", "assoc_actor1", "actor2", "assoc_actor2",
                   "location_name", "admin1", "admin2", "country", "notes")  # fmt: skip

_TERM = re.compile(r'"([^"]+)"|(\w[\w\'-]*\*?)', re.UNICODE)


def parse_terms(q: str) -> list[tuple[str, bool]]:
    """The user's query as (text, is_prefix) terms; phrases keep their spaces."""
    out: list[tuple[str, bool]] = []
    for phrase, word in _TERM.findall(q or ""):
        if phrase:
            words = re.findall(r"\w+", phrase)
            if words:
                out.append((" ".join(words), False))
        elif word:
            prefix = word.endswith("*")
            w = " ".join(re.findall(r"\w+", word.rstrip("*")))
            if w:
                out.append((w, prefix))
    return out[:16]


def fts5_query(q: str) -> str | None:
    """User text → an FTS5 MATCH string of quoted terms (AND), or None if nothing searchable."""
    terms = parse_terms(q)
    if not terms:
        return None
    return " ".join(f'"{t}"' + ("*" if p else "") for t, p in terms)


def pg_tsquery(q: str) -> str | None:
    """User text → a to_tsquery('simple', ...) string: words ANDed, phrases with <->, prefix :*."""
    terms = parse_terms(q)
    if not terms:
        return None
    parts = []
    for t, p in terms:
        words = [w.lower().replace("'", "") for w in t.split()]
        words = [w for w in words if w]
        if not words:
            continue
        if len(words) > 1:
            parts.append("(" + " <-> ".join(words) + ")")
        else:
            parts.append(words[0] + (":*" if p else ""))
    return " & ".join(parts) if parts else None


def event_match_condition(dialect: str, q: str) -> ColumnElement[bool] | None:
    """A WHERE condition on ``events`` matching the text query, or None when q has no terms."""
    if dialect == "sqlite":
        m = fts5_query(q)
        if m is None:
            return None
        return literal_column("events.rowid").in_(
            select(literal_column("rowid")).select_from(text("fts_events")).where(text("fts_events MATCH :evq"))
        ).params(evq=m)
    if dialect == "postgresql":
        tq = pg_tsquery(q)
        if tq is None:
            return None
        return events.c.id.in_(
            select(literal_column("id")).select_from(text("fts_events")).where(text("tsv @@ to_tsquery('simple', :evq)"))
        ).params(evq=tq)
    # Other dialects: a case-insensitive substring over the text columns.
    pat = f"%{q.strip().lower()}%"
    return or_(*[func.lower(events.c[c]).like(pat) for c in EVENT_TEXT_COLS])


def search_articles(engine: Engine, q: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Articles matching `q`, best first, each with a short highlighted snippet.

    The snippet marks matches with U+E000/U+E001 (private-use characters), which the caller
    turns into markup after escaping the text: no HTML ever comes from the stored body.
    """
    dialect = engine.dialect.name
    with engine.connect() as conn:
        if dialect == "sqlite":
            m = fts5_query(q)
            if m is None:
                return []
            sql = text(
                "SELECT a.id, a.title, a.outlet, a.aggregator, a.published, a.url, "
                "snippet(fts_articles, 1, char(57344), char(57345), '…', 24) AS snippet, "
                "bm25(fts_articles, 5.0, 1.0) AS score "
                "FROM fts_articles JOIN articles a ON a.rowid = fts_articles.rowid "
                "WHERE fts_articles MATCH :q ORDER BY score LIMIT :limit OFFSET :offset"
            )
            rows = conn.execute(sql, {"q": m, "limit": limit, "offset": offset})
        elif dialect == "postgresql":
            tq = pg_tsquery(q)
            if tq is None:
                return []
            sql = text(
                "WITH hits AS (SELECT a.id, a.title, a.outlet, a.aggregator, a.published, a.url, a.body, "
                "ts_rank(f.tsv, to_tsquery('simple', :q)) AS score FROM fts_articles f JOIN articles a ON a.id = f.id "
                "WHERE f.tsv @@ to_tsquery('simple', :q) ORDER BY score DESC, a.id LIMIT :limit OFFSET :offset) "
                "SELECT id, title, outlet, aggregator, published, url, score, "
                "ts_headline('simple', body, to_tsquery('simple', :q), "
                "'StartSel=\ue000, StopSel=\ue001, MaxWords=30, MinWords=12, MaxFragments=1') AS snippet FROM hits "
                "ORDER BY score DESC, id"
            )
            rows = conn.execute(sql, {"q": tq, "limit": limit, "offset": offset})
        else:
            pat = f"%{q.lower()}%"
            rows = conn.execute(
                select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.aggregator,
                       articles.c.published, articles.c.url, literal_column("''").label("snippet"),
                       literal_column("0").label("score"))
                .where(articles.c.body.ilike(pat)).limit(limit).offset(offset)
            )  # fmt: skip
        return [{**dict(r._mapping), "score": float(r.score or 0)} for r in rows]


def search_events(engine: Engine, q: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Events whose types, actors, places or notes match `q` (newest first)."""
    cond = event_match_condition(engine.dialect.name, q)
    if cond is None:
        return []
    cols = [events.c[c] for c in ("id", "date", "event_type", "sub_event_type", "actor1", "actor2",
                                  "location_name", "admin1", "country", "fatalities", "status")]  # fmt: skip
    order = [events.c.date.desc().nulls_last(), events.c.id.desc()]
    with engine.connect() as conn:
        rows = conn.execute(select(*cols).where(cond).order_by(*order).limit(limit).offset(offset))
        return [dict(r._mapping) for r in rows]


def rebuild_index(engine: Engine) -> None:
    """Rebuild the SQLite FTS5 tables from their content tables (after a VACUUM or a bulk load
    that bypassed the triggers). PostgreSQL's expression indexes need no rebuild."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        for t in ("fts_articles", "fts_events"):
            conn.execute(text(f"INSERT INTO {t}({t}) VALUES ('rebuild')"))
