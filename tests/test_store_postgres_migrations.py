"""The same migrations give the same schema on SQLite and PostgreSQL; revision 0002 goes down and up."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from sitrep.store import Store
from sitrep.store.db import alembic_config
from sitrep.store.schema import metadata


def _schema_diff(store: Store) -> list:  # type: ignore[type-arg]
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # Objects that live outside `metadata` on purpose: FTS tables (fts_*), the API's
    # dialect-specific and expression indexes (ixd_*, fts_*_gin), tables other modules add.
    return [
        d for d in diff
        if not (d[0] == "remove_table" and d[1].name.startswith(("gaz_", "fts_", "alembic")))
        and not (d[0] == "remove_index" and (d[1].name.startswith(("ixd_", "fts_")) or d[1].table.name.startswith("gaz_")))
    ]  # fmt: skip


def test_migrated_schema_matches_metadata_on_both_databases(store_url: str) -> None:
    store = Store.open(url=store_url)
    assert _schema_diff(store) == []
    store.close()


def test_gazetteer_tables_match_their_migration_on_both_databases(store_url: str) -> None:
    """Revision 0004 builds exactly the tables sitrep.resolve.gazetteer declares."""
    from sitrep.resolve.gazetteer import GAZETTEER_METADATA

    store = Store.open(url=store_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), GAZETTEER_METADATA)
    store.close()
    # everything else in the store shows up as "remove": only gaz_ objects must match
    assert [d for d in diff if not (d[0] in ("remove_table", "remove_index") and not _is_gaz(d[1]))] == []


def _is_gaz(obj) -> bool:  # type: ignore[no-untyped-def]
    table = getattr(obj, "table", obj)
    return str(table.name).startswith("gaz_")


def test_revision_0002_downgrades_and_upgrades(store_url: str) -> None:
    store = Store.open(url=store_url)
    cfg = alembic_config(store.engine)
    command.downgrade(cfg, "0001")
    names = {i["name"] for i in inspect(store.engine).get_indexes("events")}
    assert not any(n.startswith("ixd_") for n in names)
    command.upgrade(cfg, "head")
    names = {i["name"] for i in inspect(store.engine).get_indexes("events")}
    assert {"ixd_events_date_id", "ixd_events_status"} <= names
    store.close()
