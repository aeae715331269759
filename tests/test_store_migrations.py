from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sitrep.store import Store
from sitrep.store.schema import metadata


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection")
def test_store_migrations_match_the_schema(db_url: str) -> None:
    """The Alembic revisions build exactly the tables declared in schema.py."""
    store = Store.open(url=db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # full-text index tables and other dialect-specific objects live outside `metadata`
    # and so do hand-written indexes (prefix `ixd_`: expression and dialect-specific ones).
    diff = [
        d
        for d in diff
        if not (d[0] == "remove_table" and d[1].name.startswith(("gaz_", "fts_", "alembic")))
        and not (d[0] == "remove_index" and ((d[1].name or "").startswith("ixd_") or d[1].table.name.startswith("gaz_")))
    ]
    assert diff == []


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection")
def test_store_gazetteer_tables_match_their_migration(db_url: str) -> None:
    """Revision 0004 builds exactly the tables sitrep.resolve.gazetteer declares."""
    from sitrep.resolve.gazetteer import GAZETTEER_METADATA

    store = Store.open(url=db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), GAZETTEER_METADATA)
    assert [d for d in diff if d[0] != "remove_table" and not (d[0] == "remove_index" and d[1].table.name[:4] != "gaz_")] == []
