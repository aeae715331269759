"""full-text search and the REST API's read indexes

SQLite: FTS5 external-content tables ``fts_articles`` (title, body) and ``fts_events``
(types, actors, places, notes) kept in step by triggers (the FTS5 documentation's
external-content recipe). PostgreSQL: side tables ``fts_articles`` / ``fts_events``
(id, tsvector) with GIN indexes, kept in step by triggers, so ranking reads stored vectors.
Both: indexes for keyset pagination (date, id) and the API's sorts.

Written by hand: autogenerate cannot express FTS5 tables, triggers or expression indexes.
NOTE for later migrations: a SQLite batch (copy-and-move) migration of ``articles`` or
``events`` drops these triggers and changes rowids; re-run the trigger DDL below and
``INSERT INTO fts_<t>(fts_<t>) VALUES('rebuild')`` afterwards.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

EVENT_TEXT_COLS = ("event_type", "sub_event_type", "actor1", "assoc_actor1", "actor2", "assoc_actor2",
                   "location_name", "admin1", "admin2", "country", "notes")  # fmt: skip

# PostgreSQL expressions: copied verbatim into sitrep/store/search.py (PG_ARTICLE_TSV, PG_EVENT_TSV).
PG_ARTICLE_TSV = "to_tsvector('simple', coalesce(title, '') || ' ' || body)"
PG_EVENT_TSV = (
    "to_tsvector('simple', "
    + " || ' ' || ".join(f"coalesce({c}, '')" for c in EVENT_TEXT_COLS)
    + ")"
)


def _sqlite_fts(table: str, cols: tuple[str, ...], watch: tuple[str, ...]) -> list[str]:
    fts = f"fts_{table}"
    col_list = ", ".join(cols)
    new_vals = ", ".join(f"new.{c}" for c in cols)
    old_vals = ", ".join(f"old.{c}" for c in cols)
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in watch)
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({col_list}, content='{table}', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.rowid, {old_vals}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} WHEN {changed} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.rowid, {old_vals}); "
        f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


# Indexes for the API's filters and keyset pagination. Named ixd_* ("dialect-specific or
# derived"): they are declared here, not in schema.py, because some are expression or
# DESC NULLS LAST indexes that SQLAlchemy metadata cannot state portably.
EXPRESSION_INDEXES = {
    "ixd_events_lower_country": "lower(country)",
    "ixd_events_upper_iso": "upper(iso)",
    "ixd_events_lower_admin1": "lower(admin1)",
    "ixd_events_lower_type": "lower(event_type)",
    "ixd_events_lower_subtype": "lower(sub_event_type)",
}
PLAIN_INDEXES = {
    "ixd_events_status": "status",
    "ixd_events_updated_at": "updated_at",
    "ixd_events_lon_lat": "lon, lat",
}


def _pg_fts(table: str, id_len: int, tsv: str, watch: tuple[str, ...]) -> list[str]:
    """A side table fts_<table>(id, tsv) with a GIN index, kept in step by a trigger: ranking
    reads the stored tsvector instead of re-parsing every matching body."""
    fts = f"fts_{table}"
    new_tsv = tsv.replace("coalesce(", "coalesce(NEW.").replace("|| ' ' || body", "|| ' ' || NEW.body")
    return [
        f"CREATE TABLE {fts} (id VARCHAR({id_len}) PRIMARY KEY REFERENCES {table}(id) ON DELETE CASCADE, tsv TSVECTOR NOT NULL)",
        f"CREATE INDEX {fts}_gin ON {fts} USING GIN (tsv)",
        f"CREATE FUNCTION {fts}_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO {fts} (id, tsv) VALUES (NEW.id, {new_tsv}) ON CONFLICT (id) DO UPDATE SET tsv = EXCLUDED.tsv; "
        "RETURN NULL; END $$",
        f"CREATE TRIGGER {fts}_sync AFTER INSERT OR UPDATE OF {', '.join(watch)} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {fts}_sync()",
        f"INSERT INTO {fts} (id, tsv) SELECT id, {tsv} FROM {table}",
    ]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("CREATE INDEX ixd_events_date_id ON events (date DESC NULLS LAST, id DESC)")
        op.execute("CREATE INDEX ixd_events_fatalities_id ON events (fatalities DESC NULLS LAST, id DESC)")
        for stmt in _pg_fts("articles", 32, PG_ARTICLE_TSV, ("title", "body")):
            op.execute(stmt)
        for stmt in _pg_fts("events", 40, PG_EVENT_TSV, EVENT_TEXT_COLS):
            op.execute(stmt)
    else:
        op.execute("CREATE INDEX ixd_events_date_id ON events (date, id)")
        op.execute("CREATE INDEX ixd_events_fatalities_id ON events (fatalities, id)")
        if dialect == "sqlite":
            for stmt in _sqlite_fts("articles", ("title", "body"), ("title", "body")):
                op.execute(stmt)
            for stmt in _sqlite_fts("events", EVENT_TEXT_COLS, EVENT_TEXT_COLS):
                op.execute(stmt)
    for name, expr in {**EXPRESSION_INDEXES, **PLAIN_INDEXES}.items():
        op.execute(f"CREATE INDEX {name} ON events ({expr})")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in (*EXPRESSION_INDEXES, *PLAIN_INDEXES, "ixd_events_fatalities_id", "ixd_events_date_id"):
        op.execute(f"DROP INDEX IF EXISTS {name}")
    if dialect == "sqlite":
        for t in ("articles", "events"):
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS fts_{t}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS fts_{t}")
    if dialect == "postgresql":
        for t in ("articles", "events"):
            op.execute(f"DROP TRIGGER IF EXISTS fts_{t}_sync ON {t}")
            op.execute(f"DROP FUNCTION IF EXISTS fts_{t}_sync()")
            op.execute(f"DROP TABLE IF EXISTS fts_{t}")
