"""The store: SQLite by default, PostgreSQL for teams, one schema through Alembic migrations.

    store = Store.open(settings)          # creates / migrates the database
    result = store.save(record)           # one transaction per document, idempotent
    events = store.events(EventFilter(country="UA"))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from sitrep.models import Record
from sitrep.settings import Settings
from sitrep.store import fusion, queries, writer
from sitrep.store.db import make_engine, migrate
from sitrep.store.queries import EventFilter
from sitrep.store.writer import SaveResult

__all__ = ["EventFilter", "SaveResult", "Store"]


@dataclass
class Store:
    engine: Engine
    url: str

    @classmethod
    def open(cls, settings: Settings | None = None, *, url: str | None = None, migrate_schema: bool = True) -> Store:
        url = url or (settings or Settings()).database_url
        engine = make_engine(url)
        if migrate_schema:
            migrate(engine)
        return cls(engine=engine, url=url)

    def close(self) -> None:
        self.engine.dispose()

    # writes
    def save(self, record: Record, *, minhash: bytes | None = None) -> SaveResult:
        return writer.save_record(self.engine, record, minhash=minhash)

    def delete_article(self, article_id: str) -> bool:
        return writer.delete_article(self.engine, article_id)

    def split(self, mention_id: str, *, author: str = "analyst") -> str:
        """Take one report out of its event into a new event (pinned: survives re-processing)."""
        return fusion.split_mention(self.engine, mention_id, author=author)

    def merge(self, keep_id: str, other_id: str, *, author: str = "analyst") -> None:
        """Fold event `other_id` into `keep_id` (pinned: survives re-processing)."""
        fusion.merge_events(self.engine, keep_id, other_id, author=author)

    def rebuild(self) -> int:
        """Re-fuse every unpinned report from scratch; returns the number of events."""
        return fusion.rebuild_events(self.engine)

    # reads
    def events(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        return queries.list_events(self.engine, f)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return queries.get_event(self.engine, event_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return queries.get_article(self.engine, article_id)

    def stats(self) -> dict[str, int]:
        return queries.store_stats(self.engine)
