"""The REST API in process (httpx over ASGI), on SQLite and on a real PostgreSQL (marker postgres)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from sitrep.models import Record
from sitrep.settings import Settings
from sitrep.store import Store

RECORDS = Path(__file__).parent / "data" / "serve" / "records.json"


def load_records() -> list[Record]:
    return [Record.model_validate(r) for r in json.loads(RECORDS.read_text(encoding="utf-8"))]


@pytest.fixture()
def store(store_url: str):  # type: ignore[no-untyped-def]
    s = Store.open(url=store_url)
    for r in load_records():
        s.save(r)
    yield s
    s.close()


def make_client(store: Store, **settings: object) -> TestClient:
    from sitrep.serve.app import create_app

    app = create_app(Settings(database_url=store.url, **settings), store)  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def client(store: Store) -> TestClient:
    return make_client(store)


@pytest.fixture()
def token(store: Store) -> str:
    from sitrep.store.tokens import create_token

    return create_token(store.engine, "analyst")


def event_id_at(client: TestClient, place: str) -> str:
    evs = client.get("/api/events").json()["events"]
    return next(e["id"] for e in evs if e["location"]["name"] == place)


def test_event_list_filters_and_sorts(client: TestClient) -> None:
    all_evs = client.get("/api/events").json()["events"]
    assert len(all_evs) == 3  # the two Kharkiv reports fused into one event
    dates = [e["date"] for e in all_evs]
    assert dates == sorted(dates, reverse=True)
    assert [e["date"] for e in client.get("/api/events?sort=oldest").json()["events"]] == sorted(dates)
    assert {e["location"]["country"] for e in client.get("/api/events?country=UA").json()["events"]} == {"Ukraine"}
    assert client.get("/api/events?country=kenya").json()["events"][0]["location"]["name"] == "Nairobi"
    assert [e["status"] for e in client.get("/api/events?status=disputed").json()["events"]] == ["disputed"]
    assert len(client.get("/api/events?type=Protests").json()["events"]) == 1
    assert len(client.get("/api/events?sub_type=Armed clash").json()["events"]) == 1
    assert len(client.get("/api/events?since=2024-03-06&until=2024-03-11").json()["events"]) == 1
    assert len(client.get("/api/events?min_sources=2").json()["events"]) == 1
    assert len(client.get("/api/events?actor=rapid support").json()["events"]) == 1
    assert len(client.get("/api/events?bbox=30,40,40,55").json()["events"]) == 1  # Kharkiv only
    assert len(client.get("/api/events?admin1=Khartoum").json()["events"]) == 1
    body = client.get("/api/events?q=kharkiv&count=true").json()
    assert body["total"] == 1 and body["events"][0]["location"]["name"] == "Kharkiv"
    assert [e["fatalities"] for e in client.get("/api/events?sort=deadliest").json()["events"]] == [5, 0, None]


def test_cursor_pagination_visits_every_event_once(client: TestClient) -> None:
    for sort in ("newest", "oldest", "deadliest", "updated"):
        seen, cursor = [], None
        for _ in range(10):
            url = f"/api/events?limit=1&sort={sort}" + (f"&cursor={cursor}" if cursor else "")
            page = client.get(url).json()
            seen += [e["id"] for e in page["events"]]
            cursor = page["next"]
            if not cursor:
                break
        assert len(seen) == len(set(seen)) == 3, sort


def test_event_detail_has_sources_evidence_claims_contradictions(client: TestClient) -> None:
    ev = client.get(f"/api/events/{event_id_at(client, 'Kharkiv')}").json()
    assert ev["n_reports"] == 2 and ev["status"] == "confirmed"
    assert {m["outlet"] for m in ev["mentions"]} == {"Example Wire", "Daily Observer"}
    assert len(ev["claims"]) == 2
    (contra,) = [c for c in ev["contradictions"] if c["field"] == "fatalities"]
    assert sorted(v["value"] for v in contra["values"]) == [5, 7]
    evidence = client.get(f"/api/events/{ev['id']}/evidence").json()["evidence"]
    assert len(evidence) == 2
    for e in evidence:
        assert e["text"] in (e["before"] + e["text"] + e["after"]) and "Kharkiv" in e["text"] and e["after"]


def test_article_has_body_record_and_spans(client: TestClient) -> None:
    art = client.get("/api/articles/a3000000000000003").json()
    assert art["record"]["id"] == "a3000000000000003"
    body = art["body"]
    for kind in ("entities", "claims", "events"):
        assert art["spans"][kind], kind
        for s in art["spans"][kind]:
            assert 0 <= s["start"] < s["end"] <= len(body)
    assert client.get("/api/articles?outlet=daily observer").json()["articles"][0]["id"] == "a2000000000000002"
    claims = client.get("/api/claims?verification=disputed").json()["claims"]
    assert [c["article_id"] for c in claims] == ["a4000000000000004"]


def test_places_actors_search_and_aggregates(client: TestClient) -> None:
    places = {p["location_name"]: p["events"] for p in client.get("/api/places").json()["places"]}
    assert places == {"Kharkiv": 1, "Nairobi": 1, "Khartoum": 1}
    actors = {a["actor"] for a in client.get("/api/actors").json()["actors"]}
    assert {"Rapid Support Forces", "Protesters (Kenya)"} <= actors
    hits = client.get("/api/search", params={"q": "market Kharkiv"}).json()
    assert {a["id"] for a in hits["articles"]} == {"a1000000000000001", "a2000000000000002"}
    assert "\ue000" in hits["articles"][0]["snippet"]
    assert client.get("/api/search", params={"q": '"crowded market"'}).json()["articles"][0]["id"] == "a1000000000000001"
    assert client.get("/api/search", params={"q": "nairob*", "kind": "articles"}).json()["articles"]
    assert client.get("/api/search", params={"q": "???"}).status_code == 422
    days = client.get("/api/stats/timeline").json()["buckets"]
    assert sum(b["events"] for b in days) == 3 and [b["period"] for b in days] == sorted(b["period"] for b in days)
    weeks = client.get("/api/stats/timeline?interval=week").json()["buckets"]
    assert [b["period"] for b in weeks] == ["2024-03-04", "2024-03-11"]  # Mondays
    regions = client.get("/api/stats/regions?level=country").json()["regions"]
    assert {r["iso"] for r in regions} == {"UA", "KE", "SD"}
    m = client.get("/api/map?type=Battles").json()
    assert m["mode"] == "points" and [p[3] for p in m["points"]] == ["Battles"]
    facets = client.get("/api/stats/facets").json()
    assert facets["total"] == 3 and facets["statuses"] == {"confirmed": 1, "disputed": 1, "reported": 1}


def test_map_switches_to_regions_when_dense(store: Store) -> None:
    from sitrep.store.aggregates import map_layer
    from sitrep.store.listing import EventQuery

    layer = map_layer(store.engine, EventQuery(), point_limit=2)
    assert layer["mode"] == "regions" and layer["count"] == 3


def test_exports_stream_all_three_formats(client: TestClient) -> None:
    r = client.get("/api/export/acled-csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3 and {row["country"] for row in rows} == {"Ukraine", "Kenya", "Sudan"}
    gj = client.get("/api/export/geojson?country=UA").json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 1
    lines = client.get("/api/export/jsonl").text.strip().splitlines()
    assert len(lines) == 3 and all(orjson.loads(line)["mentions"] for line in lines)


def test_errors_have_one_shape(client: TestClient) -> None:
    cases = {
        "/api/events/ev_nope": 404,
        "/api/articles/nope": 404,
        "/api/nothing-here": 404,
        "/api/events?limit=0": 422,
        "/api/events?status=maybe": 422,
        "/api/events?cursor=not-a-cursor": 422,
        "/api/events?bbox=1,2,3": 422,
        "/api/events?since=yesterday": 422,
    }
    for url, status in cases.items():
        r = client.get(url)
        assert r.status_code == status, url
        body = r.json()
        assert body["ok"] is False and body["status"] == status and body["error"], url
    html = client.get("/events/ev_nope", headers={"Accept": "text/html"})
    assert html.status_code == 404 and html.headers["content-type"].startswith("text/html") and "ev_nope" in html.text


def test_internal_errors_are_500_in_the_same_shape(store: Store) -> None:
    client = make_client(store)

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("kaboom")

    client.app.state.store = type("Broken", (), {"event": boom, "engine": store.engine})()  # type: ignore[attr-defined]
    r = client.get("/api/events/ev_x")
    assert r.status_code == 500 and r.json() == {"ok": False, "error": r.json()["error"], "status": 500}
    assert "RuntimeError" in r.json()["error"]


def test_etag_and_304(client: TestClient) -> None:
    r = client.get("/api/events")
    tag = r.headers["etag"]
    again = client.get("/api/events", headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.content
    assert client.get("/api/events?limit=1", headers={"If-None-Match": tag}).status_code == 200


def test_writes_need_a_valid_token(client: TestClient, token: str, store: Store) -> None:
    ev_id = event_id_at(client, "Kharkiv")
    payload = {"field": "fatalities", "value": 9}
    r = client.post(f"/api/events/{ev_id}/corrections", json=payload)
    assert r.status_code == 401 and r.json()["ok"] is False and r.headers["www-authenticate"] == "Bearer"
    r = client.post(f"/api/events/{ev_id}/corrections", json=payload, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    r = client.delete("/api/articles/a3000000000000003", headers={"Authorization": f"Bearer {token}", "Origin": "https://evil.test"})
    assert r.status_code == 403
    assert store.article("a3000000000000003") is not None


def test_correction_is_applied_and_survives_refresh(client: TestClient, token: str, store: Store) -> None:
    from sitrep.store import fusion

    ev_id = event_id_at(client, "Kharkiv")
    auth = {"Authorization": f"Bearer {token}"}
    r = client.post(f"/api/events/{ev_id}/corrections", json={"field": "fatalities", "value": 9}, headers=auth)
    assert r.status_code == 201 and r.json()["event"]["fatalities"] == 9
    assert r.json()["correction"]["author"] == "analyst"
    bad = client.post(f"/api/events/{ev_id}/corrections", json={"field": "sub_event_type", "value": "Picnic"}, headers=auth)
    assert bad.status_code == 422 and "sub-event type" in bad.json()["error"]
    assert client.post(f"/api/events/{ev_id}/corrections", json={"field": "id", "value": "x"}, headers=auth).status_code == 422
    assert client.post("/api/events/ev_nope/corrections", json={"field": "fatalities", "value": 1}, headers=auth).status_code == 404
    with store.engine.begin() as conn:  # re-processing recomputes the event from its reports
        fusion.refresh_event(conn, ev_id)
    ev = client.get(f"/api/events/{ev_id}").json()
    assert ev["fatalities"] == 9 and ev["corrections"][0]["author"] == "analyst"


def test_delete_article_recomputes_its_event(client: TestClient, token: str) -> None:
    ev_id = event_id_at(client, "Kharkiv")
    auth = {"Authorization": f"Bearer {token}"}
    assert client.delete("/api/articles/a2000000000000002", headers=auth).json() == {"ok": True, "deleted": "a2000000000000002"}
    ev = client.get(f"/api/events/{ev_id}").json()
    assert ev["n_reports"] == 1 and ev["contradictions"] == [] and ev["status"] != "confirmed"
    assert client.delete("/api/articles/a2000000000000002", headers=auth).status_code == 404
    assert client.delete("/api/articles/a4000000000000004", headers=auth).status_code == 200
    assert client.get("/api/events?status=disputed").json()["events"] == []


def test_request_too_large_is_413(store: Store, token: str) -> None:
    client = make_client(store, api_max_request_bytes=1000)
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "text/html"}
    r = client.post("/api/articles", content=b"x" * 5000, headers=auth)
    assert r.status_code == 413 and r.json()["status"] == 413

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(10):
            yield b"y" * 500

    r = client.post("/api/articles", content=chunks(), headers=auth)
    assert r.status_code == 413 and r.json()["ok"] is False


def test_submit_rejects_bad_input_before_processing(client: TestClient, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    assert client.post("/api/articles", content=b"<p>x</p>", headers={**auth, "Content-Type": "image/png"}).status_code == 415
    assert client.post("/api/articles", content=b"   ", headers={**auth, "Content-Type": "text/html"}).status_code == 422
    r = client.post("/api/ingest", json={"urls": ["/etc/passwd"]}, headers=auth)
    assert r.status_code == 422 and "http" in r.json()["error"]
    assert client.post("/api/ingest", json={"urls": []}, headers=auth).status_code == 422


def test_read_token_required_closes_reads(store: Store, token: str) -> None:
    client = make_client(store, api_read_token_required=True)
    assert client.get("/api/events").status_code == 401
    assert client.get("/api/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert client.get("/", headers={"Accept": "text/html"}).status_code == 403


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_read_cache_sees_writes_from_other_processes_on_sqlite(tmp_path: Path) -> None:
    """The SQLite read cache is keyed on the database files' state: a write by anyone shows at once."""
    from sitrep.serve.app import create_app

    recs = load_records()
    writer = Store.open(url=f"sqlite:///{tmp_path / 'c.db'}")
    writer.save(recs[0])
    reader = Store.open(url=writer.url)
    client = TestClient(create_app(Settings(database_url=writer.url), reader, cache_seconds=3600))
    assert len(client.get("/api/events").json()["events"]) == 1
    assert len(client.get("/api/events").json()["events"]) == 1  # served from the cache
    writer.save(recs[3])  # another connection, as another process would
    assert len(client.get("/api/events").json()["events"]) == 2
