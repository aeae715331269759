"""Pure corroboration rules: same event or not, independent sources, status, contradictions, claims."""

from __future__ import annotations

from typing import Any

from sitrep.resolve import corroborate as C


def mention(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": kw.pop("id", "a1:e1"),
        "article_id": kw.pop("article_id", "a1"),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia",
        "actor2": "Civilians (Ukraine)",
        "location_name": "Kostiantynivka",
        "admin1": "Donetsk",
        "country": "Ukraine",
        "iso": "UA",
        "lat": 48.527,
        "lon": 37.707,
        "geo_precision": 1,
        "date": "2025-03-11",
        "time_precision": 1,
        "fatalities": None,
        "injured": None,
        "status": "reported",
        "source": None,
        "outlet": "Northbridge Herald",
        "published": "2025-03-11",
        "claims": [],
    }
    base.update(kw)
    return base


def claim(cid: str, source: str, text: str = "the strike killed seven people", **kw: Any) -> dict[str, Any]:
    return {"id": cid, "source": source, "source_type": kw.pop("source_type", "government"), "cue": kw.pop("cue", "said"),
            "hedged": kw.pop("hedged", False), "verification": kw.pop("verification", "none stated"), "text": text, **kw}


# --------------------------------------------------------------------------- same event


def test_nearby_same_day_reports_are_one_event() -> None:
    a = mention()
    b = mention(id="a2:e1", article_id="a2", lat=48.55, lon=37.72, location_name="Kostiantynivka", date="2025-03-12")
    assert C.same_event(a, b)


def test_precise_reports_far_apart_are_different_events() -> None:
    a = mention()
    b = mention(id="a2:e1", lat=48.74, lon=37.58, location_name="Kramatorsk")  # ~27 km away
    assert not C.same_event(a, b)


def test_district_precision_widens_the_radius() -> None:
    a = mention(geo_precision=2)
    b = mention(id="a2:e1", lat=48.74, lon=37.58, location_name="Kramatorsk district", geo_precision=2)
    assert C.same_event(a, b)


def test_region_precision_compares_admin1() -> None:
    a = mention(geo_precision=3, location_name="Donetsk Oblast", lat=None, lon=None)
    assert C.same_event(a, mention(id="x"))
    assert not C.same_event(a, mention(id="y", admin1="Kharkiv", lat=49.99, lon=36.23, location_name="Kharkiv"))


def test_dates_beyond_the_precision_slack_are_different_events() -> None:
    assert not C.same_event(mention(), mention(id="b", date="2025-03-16"))
    assert C.same_event(mention(time_precision=2), mention(id="b", date="2025-03-16"))


def test_type_family_country_and_actors_gate_the_match() -> None:
    assert C.same_event(mention(), mention(id="b", event_type="Violence against civilians", sub_event_type="Attack"))
    assert not C.same_event(mention(), mention(id="b", event_type="Protests", sub_event_type="Peaceful protest"))
    assert not C.same_event(mention(), mention(id="b", iso="RU", country="Russia"))
    assert not C.same_event(mention(), mention(id="b", actor1="Hamas", actor2="Military Forces of Israel"))


def test_best_match_picks_the_closest_candidate() -> None:
    near = {**mention(), "id": "ev_near"}
    far = {**mention(lat=48.60, lon=37.75), "id": "ev_far"}  # ~9 km: still possible, scores lower
    other = {**mention(event_type="Protests", sub_event_type="Peaceful protest"), "id": "ev_protest"}
    assert C.best_match(mention(id="new"), [far, other, near]) == "ev_near"
    assert C.best_match(mention(id="new", date="2025-04-30"), [near, far]) is None


# --------------------------------------------------------------------------- sources and status


def test_copy_is_not_an_independent_source() -> None:
    gov = claim("a1:c1", "Donetsk regional military administration")
    original = mention(claims=[gov])
    copy = mention(id="a2:e1", article_id="a2", canonical_id="a1", outlet="Northbridge Herald", aggregator="World Affairs Digest",
                   claims=[claim("a2:c1", "Donetsk regional military administration")])
    s = C.summarise([original, copy])
    assert s["n_reports"] == 2
    assert s["n_independent_sources"] == 1
    assert s["status"] == "reported"
    assert s["sources"][0]["via"] == ["Northbridge Herald", "World Affairs Digest"]


def test_citing_another_outlet_counts_toward_its_source() -> None:
    first = mention(outlet="Sahel Observer", claims=[claim("a1:c1", "security sources", source_type="anonymous")])
    rewrite = mention(id="a2:e1", article_id="a2", outlet="Northbridge Herald",
                      claims=[claim("a2:c1", "Sahel Observer", source_type="media", cue="according to")])
    s = C.summarise([first, rewrite])
    assert s["n_independent_sources"] == 1
    assert set(s["sources"][0]["via"]) == {"Sahel Observer", "Northbridge Herald"}


def test_two_independent_sources_confirm() -> None:
    a = mention(claims=[claim("a1:c1", "Donetsk regional military administration")])
    b = mention(id="a2:e1", article_id="a2", outlet="Meridian Wire", claims=[claim("a2:c1", "Prosecutor General's Office")])
    s = C.summarise([a, b])
    assert s["n_independent_sources"] == 2
    assert s["status"] == "confirmed"
    assert "2 independent sources" in s["status_reason"]


def test_denial_by_a_party_makes_it_disputed_and_is_not_support() -> None:
    a = mention(claims=[claim("a1:c1", "Donetsk regional military administration")])
    b = mention(id="a2:e1", article_id="a2", outlet="Meridian Wire",
                claims=[claim("a2:c1", "Prosecutor General's Office"),
                        claim("a2:c2", "Russian Ministry of Defence", "that its forces had struck the market", cue="denied",
                              source_type="military", verification="disputed")])
    s = C.summarise([a, b])
    assert s["status"] == "disputed"
    assert "Russian Ministry of Defence" in s["status_reason"]
    assert s["n_independent_sources"] == 2
    assert [x["name"] for x in s["sources"] if x["stance"] == "denies"] == ["Russian Ministry of Defence"]


def test_single_source_status_depends_on_hedges_and_verification() -> None:
    plain = mention(claims=[claim("a1:c1", "General Staff of the Armed Forces of Ukraine", source_type="military")])
    assert C.summarise([plain])["status"] == "reported"
    hedged = mention(claims=[claim("a1:c1", "Ukrainian media", hedged=True, source_type="media")])
    assert C.summarise([hedged])["status"] == "unconfirmed"
    unverified = mention(status="unconfirmed", claims=[claim("a1:c1", "a Telegram channel")])
    assert C.summarise([unverified])["status"] == "unconfirmed"
    verified = mention(claims=[claim("a1:c1", "Meridian Wire", verification="confirmed", source_type="media")])
    assert C.summarise([verified])["status"] == "confirmed"


# --------------------------------------------------------------------------- contradictions


def test_different_tolls_give_best_low_high_and_a_contradiction() -> None:
    a = mention(fatalities=7, injured=19, claims=[claim("a1:c1", "Donetsk regional military administration")])
    b = mention(id="a2:e1", article_id="a2", outlet="Meridian Wire", published="2025-03-12", fatalities=9, injured=23,
                claims=[claim("a2:c1", "Prosecutor General's Office")])
    s = C.summarise([a, b])
    assert (s["fatalities"], s["fatalities_low"], s["fatalities_high"]) == (7, 7, 9)
    fields = {c["field"]: c for c in s["contradictions"]}
    assert set(fields) == {"fatalities", "injured"}
    vals = {v["value"]: v["sources"] for v in fields["fatalities"]["values"]}
    assert vals[9] == ["Prosecutor General's Office via Meridian Wire"]


def test_same_figures_are_not_a_contradiction_but_far_places_and_dates_are() -> None:
    a, b = mention(fatalities=3), mention(id="b", article_id="b", fatalities=3)
    assert C.summarise([a, b])["contradictions"] == []
    c = mention(id="c", article_id="c", date="2025-03-14", lat=48.70, lon=37.50, location_name="Druzhkivka")
    fields = {x["field"] for x in C.find_contradictions([a, c])}
    assert {"date", "location"} <= fields


def test_a_source_updating_its_own_toll_keeps_the_latest_as_best() -> None:
    early = mention(fatalities=5, published="2025-03-11", claims=[claim("a1:c1", "Gaza health ministry")])
    later = mention(id="b", article_id="b", outlet="Levant Dispatch", fatalities=8, published="2025-03-12",
                    claims=[claim("b:c1", "Gaza health ministry")])
    assert C.toll_range([early, later]) == (8, 5, 8)
    other = mention(id="c", article_id="c", outlet="Meridian Wire", fatalities=6, published="2025-03-13",
                    claims=[claim("c:c1", "Gaza civil defence")])
    assert C.toll_range([early, later, other]) == (6, 5, 8)


# --------------------------------------------------------------------------- claims


def test_same_claim_across_articles_is_one_cluster_and_denial_is_linked() -> None:
    c1 = claim("a1:c1", "Russia's defence ministry", "its forces had taken full control of Kotlyne", source_type="military")
    c2 = claim("a2:c1", "Russian defence ministry", "its forces had captured the village of Kotlyne", source_type="military")
    c3 = claim("a3:c1", "Khortytsia group of forces", "Ukrainian units still held positions in Kotlyne", cue="denied",
               source_type="military")
    clusters = C.cluster_claims([c1, c2, c3])
    assert clusters["a1:c1"] == clusters["a2:c1"] != clusters["a3:c1"]
    assert ("a3:c1", "a1:c1") in C.denial_links([c1, c2, c3])
    assert all(d == "a3:c1" for d, _ in C.denial_links([c1, c2, c3]))


def test_dateline_city_is_never_the_original_source() -> None:
    m = mention(outlet="Meridian Wire", source="MOSCOW", dateline="Moscow",
                claims=[claim("a1:c1", "MOSCOW"), claim("a1:c2", "Russia's defence ministry", source_type="military")])
    other = mention(id="b", article_id="b", outlet="Northbridge Herald", claims=[claim("b:c1", "the ministry", source_type="military")])
    s = C.summarise([m, other])
    assert [x["name"] for x in s["sources"]] == ["Russia's defence ministry"]
    assert s["n_independent_sources"] == 1


def test_unattributed_report_is_the_outlets_own_reporting() -> None:
    a = mention(outlet="Meridian Wire", status="confirmed")
    b = mention(id="b", article_id="b", outlet="Levant Dispatch")
    s = C.summarise([a, b])
    assert {x["name"] for x in s["sources"]} == {"Meridian Wire", "Levant Dispatch"}
    assert s["status"] == "confirmed" and "Meridian Wire" in s["status_reason"]


def test_unresolved_place_names_match_only_by_name_unless_same_story() -> None:
    raw = mention(id="b", location_name="Kostiantynivka's", admin1=None, country=None, iso=None, lat=None, lon=None)
    assert C.same_event(raw, mention())  # "Kostiantynivka's" is the resolved "Kostiantynivka"
    hospital = mention(id="c", location_name="al-Ahli hospital", admin1=None, country=None, iso=None, lat=None, lon=None)
    assert not C.same_event(hospital, mention())
    assert C.match_score(hospital, {**mention(), "id": "ev"}, same_story=True) >= C.MATCH_THRESHOLD


def test_report_without_place_joins_only_its_own_story() -> None:
    nowhere = mention(id="d", location_name=None, admin1=None, country=None, iso=None, lat=None, lon=None)
    assert C.match_score(nowhere, mention()) == 0.0
    assert C.match_score(nowhere, mention(), same_story=True) >= C.MATCH_THRESHOLD
    assert C.best_match(nowhere, [{**mention(), "id": "ev1"}], frozenset({"ev1"})) == "ev1"
