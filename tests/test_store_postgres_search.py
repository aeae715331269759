"""Full-text search and its index upkeep on both databases: triggers (SQLite FTS5) and
expression indexes (PostgreSQL) follow inserts, updates and deletes; queries cannot inject."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text, update

from sitrep.models import Record
from sitrep.store import Store
from sitrep.store.schema import events
from sitrep.store.search import fts5_query, parse_terms, pg_tsquery, search_articles, search_events

RECORDS = Path(__file__).parent / "data" / "serve" / "records.json"


@pytest.fixture()
def store(store_url: str):  # type: ignore[no-untyped-def]
    s = Store.open(url=store_url)
    for r in json.loads(RECORDS.read_text(encoding="utf-8")):
        s.save(Record.model_validate(r))
    yield s
    s.close()


def test_query_parsing_keeps_only_words_and_phrases() -> None:
    assert parse_terms('air strike "crowded market" nair* OR) NEAR(') == [
        ("air", False), ("strike", False), ("crowded market", False), ("nair", True), ("OR", False), ("NEAR", False)]
    assert fts5_query('"a b" c*') == '"a b" "c"*'
    assert pg_tsquery('"a b" c*') == "(a <-> b) & c:*"
    assert fts5_query("!!! ---") is None and pg_tsquery("") is None


def test_search_follows_deletes_and_updates(store: Store) -> None:
    assert {a["id"] for a in search_articles(store.engine, "market")} == {"a1000000000000001", "a2000000000000002"}
    store.delete_article("a1000000000000001")
    assert {a["id"] for a in search_articles(store.engine, "market")} == {"a2000000000000002"}
    assert search_articles(store.engine, "crowded") == []
    (ev,) = search_events(store.engine, "Khartoum")
    with store.engine.begin() as conn:
        conn.execute(update(events).where(events.c.id == ev["id"]).values(actor2="Janjaweed remnants"))
    assert [e["id"] for e in search_events(store.engine, "janjaweed")] == [ev["id"]]
    assert all(e["id"] != ev["id"] for e in search_events(store.engine, "Rapid Support"))


def test_hostile_queries_are_just_words(store: Store) -> None:
    for q in ["'; DROP TABLE articles; --", 'market" OR "x', "NEAR(market kharkiv)", "col:market", "^market", "a AND OR NOT"]:
        search_articles(store.engine, q)
        search_events(store.engine, q)
    assert store.stats()["articles"] == 4


def test_search_uses_the_index_structures(store: Store) -> None:
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table','trigger')"))}
            assert {"fts_articles", "fts_events", "fts_articles_ai", "fts_articles_ad", "fts_articles_au"} <= names
        else:
            idx = {r[0] for r in conn.execute(text("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))}
            assert {"fts_articles_gin", "fts_events_gin", "ixd_events_date_id", "ixd_events_lower_country"} <= idx
            n = conn.execute(text("SELECT count(*) FROM fts_articles")).scalar_one()
            assert n == conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
            conn.execute(text("SET enable_seqscan = off"))
            plan = "\n".join(r[0] for r in conn.execute(text(
                "EXPLAIN SELECT id FROM fts_articles WHERE tsv @@ to_tsquery('simple', 'market')")))
            assert "fts_articles_gin" in plan
