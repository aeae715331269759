"""Tables that event fusion adds to the store (to be folded into an Alembic revision).

    fusion_links    an analyst's split/merge decisions, keyed by mention id, so they survive the
                    mention being deleted and re-created (article re-processed) and re-fusion
    claim_links     relations between claims: "denies" (a party's denial → the claim it denies)
    article_bands   MinHash LSH band keys of each article body: an indexed near-duplicate lookup

Until the lead adds these to a migration, :func:`ensure_tables` creates them on first use
(``CREATE TABLE IF NOT EXISTS``), once per engine.
"""

from __future__ import annotations

import weakref

from sqlalchemy import Column, Connection, DateTime, Engine, Index, MetaData, String, Table, Text

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
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

_ensured: weakref.WeakSet[Engine] = weakref.WeakSet()


def ensure_tables(conn: Connection) -> None:
    """Create the fusion tables if this database lacks them (no-op after the first call per engine)."""
    if conn.engine in _ensured:
        return
    metadata.create_all(conn, checkfirst=True)
    _ensured.add(conn.engine)
