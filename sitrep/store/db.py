"""Opening the store: one engine per URL, migrations applied on open.

SQLite is the default (``sqlite:///sitrep.db``): WAL journal, foreign keys on, a busy
timeout so a second writer waits instead of failing. PostgreSQL (``postgresql://...``)
uses psycopg 3. Both get the same schema through the same Alembic revisions.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import SQLAlchemyError

from sitrep.errors import MissingExtra, StoreError

log = logging.getLogger("sitrep.store")

MIGRATIONS = Path(__file__).with_name("migrations")


def normalise_url(url: str) -> str:
    """Accept the URLs users type (postgresql://, postgres://) and pick psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("postgresql+psycopg"):
        try:
            import psycopg  # noqa: F401
        except ImportError as e:
            raise MissingExtra("postgres", "psycopg") from e
        return create_engine(url, pool_pre_ping=True, future=True)
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path and path != ":memory:" and not Path(path).parent.exists():
            raise StoreError(
                f"the directory for the database file does not exist: {Path(path).parent}. "
                "Create it or set SITREP_DATABASE_URL to another path."
            )
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, future=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # sitrep emits BEGIN itself (see _sqlite_begin)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # Deferred transactions let two writers deadlock when both upgrade to a write
            # lock; write transactions (see `transaction`) take it up front with BEGIN
            # IMMEDIATE so the second writer waits. Reads stay deferred and never block.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("sitrep_write") else "BEGIN")

        return engine
    raise StoreError(f"unsupported database URL '{url}'. Use sqlite:///PATH or postgresql://USER@HOST/DB")


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent)."""
    from alembic import command

    try:
        command.upgrade(alembic_config(engine), "head")
    except SQLAlchemyError as e:
        raise StoreError(f"could not migrate the database: {e.__class__.__name__}: {e}") from e


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction; any exception rolls everything back."""
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(sitrep_write=True)
            with conn.begin():
                yield conn
    except SQLAlchemyError as e:
        raise StoreError(f"database write failed and was rolled back: {e.__class__.__name__}: {e}") from e
