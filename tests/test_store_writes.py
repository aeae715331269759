from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sitrep.errors import StoreError
from sitrep.store import EventFilter, Store
from sitrep.store.schema import articles, mentions
from tests.records import make_record


def test_store_save_is_idempotent(db_url: str) -> None:
    store = Store.open(url=db_url)
    rec = make_record()
    assert store.save(rec).status == "stored"
    assert store.save(rec).status == "duplicate"
    assert store.stats() == {"articles": 1, "events": 1, "mentions": 1, "claims": 1}


def test_store_reopen_keeps_data_and_migrations_are_idempotent(db_url: str) -> None:
    Store.open(url=db_url).save(make_record())
    again = Store.open(url=db_url)
    assert again.stats()["articles"] == 1


def test_store_failure_rolls_back_the_whole_document(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(url=db_url)
    store.save(make_record(salt="first"))
    from sitrep.store import fusion

    def boom(conn, ids):  # type: ignore[no-untyped-def]
        from sqlalchemy.exc import OperationalError

        raise OperationalError("attach", {}, Exception("disk full"))

    monkeypatch.setattr(fusion, "attach_mentions", boom)
    with pytest.raises(StoreError, match="rolled back"):
        store.save(make_record(salt="second"))
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(mentions)).scalar_one() == 1


def test_store_copy_points_to_its_original(db_url: str) -> None:
    store = Store.open(url=db_url)
    store.save(make_record(outlet="Kharkiv Daily"))
    copy = make_record(outlet="Kharkiv Daily", uri="test://aggregator-copy", salt="copy")
    res = store.save(copy)
    assert res.status == "stored"
    assert res.canonical_id == make_record().id


def test_store_event_filters(db_url: str) -> None:
    store = Store.open(url=db_url)
    store.save(make_record())
    store.save(make_record(body="An air strike hit a market in El Fasher on Tuesday, killing 12, witnesses said.",
                           outlet="Darfur Wire", place="El Fasher", published="2024-06-11", fatalities=12))
    assert len(store.events()) == 2
    assert len(store.events(EventFilter(country="ua"))) == 2  # make_record always says Ukraine
    assert len(store.events(EventFilter(since="2024-10-01"))) == 1
    assert len(store.events(EventFilter(actor="russia"))) == 2
    assert len(store.events(EventFilter(event_type="Battles"))) == 0
    assert len(store.events(EventFilter(event_type="shelling/artillery/missile attack"))) == 2


def test_store_delete_article_removes_its_events(db_url: str) -> None:
    store = Store.open(url=db_url)
    rec = make_record()
    store.save(rec)
    assert store.delete_article(rec.id)
    assert store.stats() == {"articles": 0, "events": 0, "mentions": 0, "claims": 0}
    assert not store.delete_article(rec.id)


def test_store_bad_directory_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(url=f"sqlite:///{tmp_path}/missing/dir/x.db")
