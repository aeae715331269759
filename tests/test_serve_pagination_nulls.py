"""Keyset pagination over events whose sort key is missing (no date, no toll), on both databases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sitrep.models import Article, Event, Location, Record, Source, Span
from sitrep.store import Store
from sitrep.store.listing import EventQuery, list_events_page


def record(i: int, date: str | None, fatalities: int | None) -> Record:
    body = f"Item {i}: clashes were reported in Town{i}. " + "More text follows here. " * 10
    ev_text = f"clashes were reported in Town{i}"
    start = body.index(ev_text)
    return Record(
        id=f"p{i:015d}",
        source=Source(uri=f"https://t.test/{i}", content_type="text/plain", fetched_at=datetime(2024, 1, 1, tzinfo=UTC)),
        article=Article(title=f"Item {i}", outlet=f"Outlet {i}", published="2024-02-01"),
        body=body,
        events=[Event(id="e1", event_type="Battles", sub_event_type="Armed clash", location=Location(name=f"Town{i}", geonameid=800000 + i),
                      date=date, fatalities=fatalities, evidence=[Span(text=ev_text, start=start, end=start + len(ev_text))])],
    )  # fmt: skip


@pytest.fixture()
def store(store_url: str):  # type: ignore[no-untyped-def]
    s = Store.open(url=store_url)
    dates = ["2024-01-03", None, "2024-01-01", "2024-01-03", None, "2024-01-02", "2024-01-03", None]
    tolls = [3, None, 0, 3, 5, None, 1, 3]
    for i, (d, f) in enumerate(zip(dates, tolls, strict=True)):
        s.save(record(i, d, f))
    yield s
    s.close()


@pytest.mark.parametrize("sort", ["newest", "oldest", "deadliest", "updated"])
def test_pages_cover_every_event_once_in_order(store: Store, sort: str) -> None:
    full = list_events_page(store.engine, EventQuery(sort=sort, limit=100))["events"]
    assert len(full) == 8
    key = {"newest": "date", "oldest": "date", "deadliest": "fatalities", "updated": "updated_at"}[sort]
    values = [e[key] for e in full]
    present = [v for v in values if v is not None]
    assert values == present + [None] * (len(values) - len(present))  # missing values last
    assert present == sorted(present, reverse=sort != "oldest")
    for size in (1, 2, 3):
        seen, cursor = [], None
        while True:
            page = list_events_page(store.engine, EventQuery(sort=sort, limit=size, cursor=cursor))
            seen += [e["id"] for e in page["events"]]
            cursor = page["next"]
            if not cursor:
                break
        assert seen == [e["id"] for e in full], (sort, size)
