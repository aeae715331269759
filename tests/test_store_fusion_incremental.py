"""Fusion in the store: incremental attach, copies, deletes, analysts' split/merge and corrections."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from sitrep.models import Article, Claim, Event, Location, Record, Source, Span
from sitrep.store import Store, fusion
from sitrep.store.schema import articles, claim_links, claims, corrections, mentions

KOSTIANTYNIVKA = {"name": "Kostiantynivka", "admin1": "Donetsk", "country": "Ukraine", "iso": "UA",
                  "lat": 48.527, "lon": 37.707, "geo_precision": 1}
KHARKIV = {"name": "Kharkiv", "admin1": "Kharkiv", "country": "Ukraine", "iso": "UA", "lat": 49.99, "lon": 36.23, "geo_precision": 1}


def record(rid: str, outlet: str, body: str, *, published: str = "2025-03-11", fatalities: int | None = 7,
           source: str = "Donetsk regional military administration", cue: str = "said", place: dict[str, Any] | None = None,
           date: str = "2025-03-11", aggregator: str | None = None, verification: str = "none stated") -> Record:
    sentence = body.split(". ")[0]
    return Record(
        id=rid,
        source=Source(uri=f"mem://{rid}", content_type="text/plain", fetched_at=datetime(2025, 3, 12, tzinfo=UTC)),
        article=Article(title=sentence[:60], outlet=outlet, aggregator=aggregator, published=published),
        body=body,
        claims=[Claim(id="c1", text=sentence, source=source, source_type="government", cue=cue, verification=verification,  # type: ignore[arg-type]
                      evidence=Span(text=sentence, start=0, end=len(sentence)))],
        events=[Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                      actor1="Military Forces of Russia", actor2="Civilians (Ukraine)",
                      location=Location(**(place or KOSTIANTYNIVKA)), date=date, time_precision=1, fatalities=fatalities,
                      source=source, claims=["c1"], evidence=[Span(text=sentence, start=0, end=len(sentence))])],
    )


BODY_A = ("Russian forces struck a crowded market in Kostiantynivka on Tuesday morning, killing seven civilians. "
          "Two guided aerial bombs hit the covered market shortly after 10 a.m., the regional administration head wrote "
          "on Telegram. The dead included a woman who sold vegetables there and a teenage boy, he said, and 19 were wounded. "
          "Kostiantynivka lies roughly 15 miles from the front line and has come under near-daily shelling.")
BODY_B = ("The number of people killed in a Russian air strike on a market in Kostiantynivka rose to nine, Ukraine's "
          "Prosecutor General's Office said on Wednesday. Twenty-three people were injured in Tuesday's attack.")
BODY_C = "A Russian drone hit an apartment block in Kharkiv overnight, injuring four people, the mayor said."


@pytest.fixture()
def store(store_url: str) -> Store:  # SQLite, and PostgreSQL when its binaries are installed
    s = Store.open(url=store_url)
    yield s
    s.close()


def _one_event(store: Store) -> dict[str, Any]:
    evs = store.events()
    assert len(evs) == 1, evs
    return evs[0]


def test_reports_of_one_event_fuse_and_others_do_not(store: Store) -> None:
    store.save(record("a", "Northbridge Herald", BODY_A))
    store.save(record("b", "Meridian Wire", BODY_B, published="2025-03-12", fatalities=9, source="Prosecutor General's Office"))
    ev = _one_event(store)
    assert ev["n_reports"] == 2 and ev["n_independent_sources"] == 2
    assert (ev["fatalities"], ev["fatalities_low"], ev["fatalities_high"]) == (7, 7, 9)
    assert ev["status"] == "confirmed"
    assert [c["field"] for c in ev["contradictions"]] == ["fatalities"]
    store.save(record("c", "Kharkiv Today", BODY_C, place=KHARKIV, fatalities=None, source="the mayor"))
    assert len(store.events()) == 2


def test_exact_and_near_duplicate_copies_are_not_independent(store: Store) -> None:
    from sitrep.clean.duplicates import signature

    store.save(record("a", "Northbridge Herald", BODY_A), minhash=signature(BODY_A))
    copy_body = "WORLD AFFAIRS DIGEST. " + BODY_A + " Halyna Dorosh can be reached at hdorosh@northbridgeherald.com."
    res = store.save(record("b", "Northbridge Herald", copy_body, aggregator="World Affairs Digest"), minhash=signature(copy_body))
    assert res.canonical_id == "a"
    ev = _one_event(store)
    assert ev["n_reports"] == 2 and ev["n_independent_sources"] == 1
    assert ev["status"] == "reported"


def test_denial_makes_the_event_disputed_and_links_the_claims(store: Store) -> None:
    store.save(record("a", "Northbridge Herald", BODY_A))
    store.save(record("b", "Meridian Wire", BODY_B, published="2025-03-12", source="Russian Ministry of Defence", cue="denied",
                      fatalities=None))
    ev = _one_event(store)
    assert ev["status"] == "disputed"
    with store.engine.connect() as conn:
        links = conn.execute(select(claim_links)).all()
    assert [(link.claim_id, link.other_id, link.relation) for link in links] == [("b:c1", "a:c1", "denies")]


def test_deleting_an_article_recomputes_or_removes_its_event(store: Store) -> None:
    store.save(record("a", "Northbridge Herald", BODY_A))
    store.save(record("b", "Meridian Wire", BODY_B, published="2025-03-12", fatalities=9, source="Prosecutor General's Office"))
    assert store.delete_article("b")
    ev = _one_event(store)
    assert ev["n_reports"] == 1 and ev["fatalities_high"] == 7 and ev["contradictions"] == []
    assert store.delete_article("a")
    assert store.events() == []


def test_split_and_merge_survive_reprocessing_and_rebuild(store: Store) -> None:
    rec_b = record("b", "Meridian Wire", BODY_B, published="2025-03-12", fatalities=9, source="Prosecutor General's Office")
    store.save(record("a", "Northbridge Herald", BODY_A))
    store.save(rec_b)
    old = _one_event(store)["id"]
    new = fusion.split_mention(store.engine, "b:e1")
    assert {e["id"] for e in store.events()} == {old, new}
    # the article is re-processed (deleted and stored again): the analyst's split still holds
    store.delete_article("b")
    store.save(rec_b)
    with store.engine.connect() as conn:
        row = conn.execute(select(mentions.c.event_id, mentions.c.pinned).where(mentions.c.id == "b:e1")).one()
    assert row.event_id == new and row.pinned
    assert fusion.rebuild_events(store.engine) == 2
    fusion.merge_events(store.engine, old, new)
    ev = _one_event(store)
    assert ev["id"] == old and ev["n_reports"] == 2
    assert fusion.rebuild_events(store.engine) == 1


def test_corrections_survive_refresh(store: Store) -> None:
    store.save(record("a", "Northbridge Herald", BODY_A))
    eid = _one_event(store)["id"]
    with store.engine.begin() as conn:
        conn.execute(insert(corrections), [
            {"event_id": eid, "field": "fatalities", "value": 8, "author": "analyst", "created_at": datetime.now(UTC)},
            {"event_id": eid, "field": "notes", "value": "toll per hospital list", "author": "analyst", "created_at": datetime.now(UTC)},
        ])
    store.save(record("b", "Meridian Wire", BODY_B, published="2025-03-12", fatalities=9, source="Prosecutor General's Office"))
    ev = _one_event(store)
    assert ev["fatalities"] == 8 and ev["n_reports"] == 2
    assert ev["notes"] == "toll per hospital list"


def test_same_claim_in_two_articles_shares_a_cluster(store: Store) -> None:
    store.save(record("a", "Northbridge Herald", BODY_A))
    store.save(record("b", "World Affairs Digest", BODY_A.replace("Tuesday", "Tuesday,") + " More at our site."))
    with store.engine.connect() as conn:
        ids = {r.id: r.cluster_id for r in conn.execute(select(claims.c.id, claims.c.cluster_id))}
    assert ids["a:c1"] and ids["a:c1"] == ids["b:c1"]


def test_new_mention_only_reads_candidates_in_its_window(store: Store) -> None:
    store.save(record("a", "Northbridge Herald", BODY_A))
    with store.engine.begin() as conn:
        conn.execute(update(articles).values(published="2025-03-11"))
        m = fusion._mention_dicts(conn, mentions.c.id == "a:e1")[0]
        assert [c["id"] for c in fusion._candidates(conn, m)]
        far = {**m, "date": "2025-09-01", "published": "2025-09-02"}
        assert fusion._candidates(conn, far) == []


def test_repost_stored_before_its_original_becomes_the_copy(store: Store) -> None:
    from sitrep.clean.duplicates import signature

    # a re-post months later: the page date anchors "on Tuesday" to September
    repost_body = "WORLD NEWS HUB. " + BODY_A
    store.save(record("r", "Northbridge Herald", repost_body, published="2025-09-20", date="2025-09-16",
                      aggregator="World News Hub"), minhash=signature(repost_body))
    res = store.save(record("a", "Northbridge Herald", BODY_A), minhash=signature(BODY_A))
    assert res.canonical_id is None
    assert store.article("r")["canonical_id"] == "a"
    ev = _one_event(store)
    assert ev["n_reports"] == 2 and ev["n_independent_sources"] == 1
    assert ev["date"] == "2025-03-11"  # the original's date, not the re-post's
    assert not any(c["field"] == "date" for c in ev["contradictions"])
    assert ev["sources"][0]["via"] == ["Northbridge Herald", "World News Hub"]


def test_rebuild_refuses_the_same_events(store: Store) -> None:
    store.save(record("a", "Northbridge Herald", BODY_A))
    store.save(record("b", "Meridian Wire", BODY_B, published="2025-03-12", fatalities=9, source="Prosecutor General's Office"))
    store.save(record("c", "Kharkiv Today", BODY_C, place=KHARKIV, fatalities=None, source="the mayor"))
    before = sorted((e["n_reports"], e["location"]["name"]) for e in store.events())
    assert fusion.rebuild_events(store.engine) == 2
    assert sorted((e["n_reports"], e["location"]["name"]) for e in store.events()) == before


def test_claims_outside_events_are_clustered_by_source_and_content(store: Store) -> None:
    rec_a = record("a", "Northbridge Herald", BODY_A)
    rec_b = record("b", "Meridian Wire", BODY_B, published="2025-03-12", fatalities=9, source="Prosecutor General's Office")
    for rec, text in ((rec_a, "Russia had launched 88 attack drones overnight"), (rec_b, "Russia launched 88 attack drones overnight")):
        rec.claims.append(Claim(id="c9", text=text, source="Ukraine's air force", source_type="military", cue="said",
                                evidence=Span(text="x", start=0, end=1)))
    store.save(rec_a)
    store.save(rec_b)
    with store.engine.connect() as conn:
        ids = {r.id: r.cluster_id for r in conn.execute(select(claims.c.id, claims.c.cluster_id))}
    assert ids["a:c9"] == ids["b:c9"]
    assert ids["a:c1"] != ids["b:c1"]  # different sources, different claims
