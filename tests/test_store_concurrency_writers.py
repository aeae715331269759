"""Two ingest processes writing at once lose nothing and create no duplicates (SQLite and PostgreSQL)."""

from __future__ import annotations

import multiprocessing as mp
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from sitrep.models import Article, Event, Location, Record, Source, Span
from sitrep.store import Store
from sitrep.store.schema import articles, events, mentions

N_EVENTS = 8  # real-world events
REPORTS_PER_EVENT = 5  # articles reporting each one


def make_record(k: int, r: int) -> Record:
    """Article r about event k: distinct outlet and wording, same place, type and date."""
    body = (f"Report {r} on incident {k}: an air strike hit the town of Place{k} on 2024-05-{10 + k % 15:02d}, "
            f"killing {k + r} people, officials told outlet {r}. " + "Further details were not available. " * 5)  # fmt: skip
    ev_text = f"an air strike hit the town of Place{k}"
    start = body.index(ev_text)
    loc = Location(name=f"Place{k}", admin1="Region", country="Testland", iso="TL", lat=10.0 + k, lon=20.0 + k,
                   geo_precision=1, geonameid=900000 + k)  # fmt: skip
    ev = Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", actor1="Air Force of Testland",
               location=loc, date=f"2024-05-{10 + k % 15:02d}", time_precision=1, fatalities=k + r, status="reported",
               evidence=[Span(text=ev_text, start=start, end=start + len(ev_text))])  # fmt: skip
    return Record(
        id=f"c{k:03d}{r:03d}".ljust(16, "0"),
        source=Source(uri=f"https://outlet{r}.test/{k}", content_type="text/html", fetched_at=datetime(2024, 5, 20, tzinfo=UTC)),
        article=Article(title=f"Strike on Place{k}", outlet=f"Outlet {r}", published=f"2024-05-{11 + k % 15:02d}"),
        body=body,
        events=[ev],
    )


def _writer(url: str, pairs: list[tuple[int, int]], start: mp.synchronize.Event, out: mp.Queue) -> None:  # type: ignore[name-defined]
    store = Store.open(url=url, migrate_schema=False)
    start.wait(30)
    errors = []
    for k, r in pairs:
        try:
            store.save(make_record(k, r))
        except Exception as e:  # report, don't hide: the test fails on any
            errors.append(f"{k},{r}: {e.__class__.__name__}: {e}")
    store.close()
    out.put(errors)


@pytest.mark.slow
def test_two_processes_saving_overlapping_records(store_url: str) -> None:
    # Migrate once and store one unrelated record first: the store is in use before the two
    # writers start (lazy set-up racing on an empty database is a different question).
    first = Store.open(url=store_url)
    first.save(make_record(99, 0))
    first.close()
    all_pairs = [(k, r) for k in range(N_EVENTS) for r in range(REPORTS_PER_EVENT)]
    # Both processes save most records; each in a different order, so they collide on
    # the same article ids and race to create the same events.
    a = all_pairs[: int(len(all_pairs) * 0.75)]
    b = list(reversed(all_pairs[int(len(all_pairs) * 0.25) :]))
    ctx = mp.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(store_url, pairs, start, out)) for pairs in (a, b)]
    for p in procs:
        p.start()
    start.set()
    errors = [out.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(60)
    assert errors == [[], []]

    store = Store.open(url=store_url, migrate_schema=False)
    with store.engine.connect() as conn:
        n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        n_mentions = conn.execute(select(func.count()).select_from(mentions)).scalar_one()
        orphan = conn.execute(select(func.count()).select_from(mentions).where(mentions.c.event_id.is_(None))).scalar_one()
        per_place = dict(conn.execute(select(events.c.location_name, func.count()).group_by(events.c.location_name)).all())
        reports = dict(conn.execute(select(events.c.location_name, events.c.n_reports)).all())
    store.close()
    assert n_articles == len(all_pairs) + 1 and n_mentions == len(all_pairs) + 1 and orphan == 0
    expected = {f"Place{k}": 1 for k in (*range(N_EVENTS), 99)}
    assert per_place == expected  # one event per real event, no duplicates
    assert reports == {f"Place{k}": REPORTS_PER_EVENT for k in range(N_EVENTS)} | {"Place99": 1}
