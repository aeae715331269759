"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

    articles ──< entities
             ──< claims
             ──< mentions >── events ──< corrections
                                      (an event is the fusion of one or more mentions:
                                       each mention is one article's report of it)
    api_tokens
    fusion_links    an analyst's split/merge decisions, keyed by mention id (survive re-processing)
    claim_links     relations between claims ("denies": a party's denial → the claim it denies)
    article_bands   MinHash LSH band keys of each article body: an indexed near-duplicate lookup

Schema changes go through Alembic revisions in ``sitrep/store/migrations/versions``; a test
checks that the migrated schema equals this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),  # content hash of the raw input
    Column("uri", Text, nullable=False),
    Column("content_type", String(64), nullable=False),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("outlet", Text),
    Column("aggregator", Text),
    Column("language", String(16)),
    Column("dateline", Text),
    Column("published", String(10), index=True),
    Column("page_date", String(10)),
    Column("date_confidence", String(8)),
    Column("body", Text, nullable=False),
    Column("removed", JSON, nullable=False),
    Column("body_hash", String(32), nullable=False, index=True),  # exact-copy detection
    Column("minhash", LargeBinary),  # near-duplicate signature
    Column("canonical_id", String(32), index=True),  # the original this article copies, if any
    Column("record", JSON, nullable=False),  # the full record as `sitrep extract` printed it
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("label", String(32), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("canonical", Text),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(64), primary_key=True),  # "<article_id>:<claim id>"
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("source", Text, index=True),
    Column("source_text", Text),
    Column("source_type", String(16)),
    Column("cue", Text),
    Column("hedged", Boolean, nullable=False),
    Column("verification", String(16), nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("cluster_id", String(64), index=True),  # the same claim repeated across articles
)

def _event_columns() -> list[Column]:
    """Fresh copies of the columns that mentions and events share."""
    return [
        Column("event_type", String(64), nullable=False),
        Column("sub_event_type", String(64), nullable=False),
        Column("actor1", Text),
        Column("assoc_actor1", Text),
        Column("actor2", Text),
        Column("assoc_actor2", Text),
        Column("inter1", Integer),
        Column("inter2", Integer),
        Column("location_name", Text),
        Column("admin1", Text),
        Column("admin2", Text),
        Column("country", Text),
        Column("iso", String(2)),
        Column("lat", Float),
        Column("lon", Float),
        Column("geo_precision", Integer),
        Column("geonameid", Integer),
        Column("date", String(10)),
        Column("time_precision", Integer),
        Column("fatalities", Integer),
        Column("injured", Integer),
        Column("status", String(16), nullable=False),
    ]

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    *_event_columns(),
    Column("status_reason", Text),
    Column("n_reports", Integer, nullable=False, default=1),
    Column("n_independent_sources", Integer, nullable=False, default=1),
    Column("sources", JSON, nullable=False),  # original sources: [{name, type, via: [outlets]}]
    Column("contradictions", JSON, nullable=False),  # [{field, values: [{value, sources}]}]
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("notes", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_events_date_type", "date", "event_type"),
    Index("ix_events_country", "country", "admin1"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(64), primary_key=True),  # "<article_id>:<event id>"
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("event_id", String(40), ForeignKey("events.id"), index=True),
    *_event_columns(),
    Column("date_text", Text),
    Column("source", Text),
    Column("claim_ids", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),  # [{text, start, end}]
    Column("pinned", Boolean, nullable=False, default=False),  # analyst split/merge: fusion leaves it alone
)

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), nullable=False, index=True),
    Column("field", String(64), nullable=False),
    Column("value", JSON),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("token_hash", String(128), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

fusion_links = Table(
    "fusion_links",
    metadata,
    Column("mention_id", String(64), primary_key=True),
    Column("event_id", String(40), nullable=False, index=True),
    Column("action", String(16), nullable=False),  # split | merge | keep
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

claim_links = Table(
    "claim_links",
    metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("other_id", String(64), primary_key=True, index=True),
    Column("relation", String(16), primary_key=True),  # denies
    Column("event_id", String(40), index=True),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("band", String(40), primary_key=True),  # "<band no>:<hash of the band's rows>"
    Index("ix_article_bands_band", "band"),
)

#: Event fields that mentions and events share (the record's flattened event columns).
EVENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in _event_columns())
