"""Document context in toponym resolution: coherence of a text's places, state abbreviations,
region demonyms, townships, gold-span context, the EU (hand-built gazetteers; one package test)."""

from __future__ import annotations

import itertools

import pytest

from sitrep.resolve import geo_rank, geocode
from sitrep.resolve.gazetteer import Gazetteer, Place
from sitrep.resolve.geo_names import admin_base_keys
from sitrep.settings import Settings

SETTINGS = Settings(database_url="sqlite:////nonexistent-dir/none.db")
_IDS = itertools.count(1)


def _gazetteer(places: list[tuple[Place, list[str]]]) -> Gazetteer:
    gaz = Gazetteer()
    gaz.version = f"context-test-{next(_IDS)}"  # a fresh version: no resolution cache hits across tests
    gaz.add(Place(6252001, "United States", 39.8, -98.5, "US", fclass="A", fcode="PCLI", population=327_000_000),
            ["United States"])
    for place, names in places:
        if place.fcode in ("ADM1", "ADM2"):
            keys: list[str] = []
            for n in names or [place.name]:
                keys.extend(admin_base_keys(n))
            names = keys
        gaz.add(place, names or [place.name])
    return gaz


def _states() -> list[tuple[Place, list[str]]]:
    return [
        (Place(5037779, "Minnesota", 46.25, -94.25, "US", "MN", fclass="A", fcode="ADM1", population=5_300_000), []),
        (Place(6254928, "Virginia", 37.5, -78.8, "US", "VA", fclass="A", fcode="ADM1", population=8_000_000), []),
        (Place(5090174, "New Hampshire", 43.7, -71.6, "US", "NH", fclass="A", fcode="ADM1", population=1_300_000), []),
        (Place(4197000, "Georgia", 32.75, -83.5, "US", "GA", fclass="A", fcode="ADM1", population=9_900_000), []),
        (Place(4896861, "Illinois", 40.0, -89.2, "US", "IL", fclass="A", fcode="ADM1", population=12_800_000), []),
        (Place(5165418, "Ohio", 40.25, -82.75, "US", "OH", fclass="A", fcode="ADM1", population=11_500_000), []),
    ]


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    out = []
    for name in names:
        start = text.index(name)
        out.append((start, start + len(name)))
    return out


# --------------------------------------------------------------------------- coherence


def _county_gazetteer() -> Gazetteer:
    """Small towns of one Minnesota county, each with a bigger namesake far away."""
    return _gazetteer([
        *_states(),
        (Place(5025000, "Douglas County", 45.93, -95.45, "US", "MN", "041", fclass="A", fcode="ADM2", population=36_000), []),
        (Place(5064000, "Douglas County", 41.30, -96.15, "US", "NE", "055", fclass="A", fcode="ADM2", population=570_000), []),
        (Place(5016000, "Alexandria", 45.885, -95.377, "US", "MN", "041", population=11_800), ["Alexandria"]),
        (Place(4744091, "Alexandria", 38.805, -77.047, "US", "VA", "510", population=159_000), ["Alexandria"]),
        (Place(5017000, "Brandon", 45.965, -95.599, "US", "MN", "041", population=490), ["Brandon"]),
        (Place(4148000, "Brandon", 27.938, -82.286, "US", "FL", "057", population=114_000), ["Brandon"]),
        (Place(5033000, "Kensington", 45.779, -95.697, "US", "MN", "041", population=290), ["Kensington"]),
        (Place(5124000, "Kensington", 40.79, -73.72, "US", "NY", "059", population=1_200), ["Kensington"]),
    ])


COUNTY_TEXT = ("Douglas County roads are in rough shape. County Road 35, north of Alexandria, is closed. "
               "Another road southwest of Brandon washed out, and a culvert northeast of Kensington failed.")
COUNTY_NAMES = ["Douglas County", "Alexandria", "Brandon", "Kensington"]


def test_small_towns_of_one_county_vouch_for_each_other_over_bigger_namesakes() -> None:
    gaz = _county_gazetteer()
    topos = geocode.geoparse(COUNTY_TEXT, SETTINGS, spans=_spans(COUNTY_TEXT, COUNTY_NAMES), gazetteer=gaz)
    assert [(t.text, t.admin1) for t in topos] == [(n, "Minnesota") for n in COUNTY_NAMES]


def test_without_coherence_the_bigger_namesakes_win(monkeypatch: pytest.MonkeyPatch) -> None:
    """The coherence term is what decides the test above (guards against it silently doing nothing)."""
    monkeypatch.setattr(geo_rank, "W_COHERE", 0.0)
    gaz = _county_gazetteer()
    topos = geocode.geoparse(COUNTY_TEXT, SETTINGS, spans=_spans(COUNTY_TEXT, COUNTY_NAMES), gazetteer=gaz)
    assert any(t.admin1 != "Minnesota" for t in topos)


def test_coherence_weighs_a_name_with_many_namesakes_less() -> None:
    ctx = geo_rank.DocContext()
    mentions = [geo_rank.Mention.from_name(n) for n in ("Alexandria", "Brandon")]
    gaz = _county_gazetteer()
    geo_rank.add_name_points(gaz, ctx, [m for m in mentions if m is not None])
    weight_alexandria = ctx.name_points["alexandria"][0]
    assert weight_alexandria == pytest.approx(2 ** -geo_rank.COHERE_SPREAD)
    alexandria_mn = gaz.get(5016000)
    alexandria_va = gaz.get(4744091)
    assert alexandria_mn is not None and alexandria_va is not None
    # Brandon MN lies ~18 km from Alexandria MN; no Brandon lies near Alexandria VA
    assert ctx.coherence(alexandria_mn, "alexandria") > 0.5
    assert ctx.coherence(alexandria_va, "alexandria") == 0.0


# --------------------------------------------------------------------------- state abbreviations, gold context


def test_a_state_abbreviation_in_the_text_decides_between_namesakes() -> None:
    gaz = _gazetteer([
        *_states(),
        (Place(4188985, "Columbus", 32.46, -84.99, "US", "GA", population=190_000), ["Columbus"]),
        (Place(4509177, "Columbus", 39.96, -82.99, "US", "OH", population=900_000), ["Columbus"]),
    ])
    text = "Columbus police and the Ga. Bureau of Investigation arrested a suspect on Friday."
    columbus, state = geocode.geoparse(text, SETTINGS, spans=_spans(text, ["Columbus", "Ga."]), gazetteer=gaz)
    assert (state.name, state.feature_code) == ("Georgia", "ADM1")
    assert columbus.admin1 == "Georgia"


def test_given_spans_take_no_town_context_from_other_capitalised_words() -> None:
    """"Hill" is a victim's surname here; as a town beside Alexandria NH it must not pull Alexandria there."""
    gaz = _gazetteer([
        *_states(),
        (Place(4744091, "Alexandria", 38.805, -77.047, "US", "VA", "510", population=159_000), ["Alexandria"]),
        (Place(5083000, "Alexandria", 43.61, -71.79, "US", "NH", "009", population=1_400), ["Alexandria"]),
        (Place(5085000, "Hill", 43.52, -71.70, "US", "NH", "013", population=12_000), ["Hill"]),
    ])
    text = ("Alexandria police found the body of Juantissa Hill in her apartment. As in most such cases, Smith and "
            "Hill knew each other. Smith awaits a transfer to Virginia, where he will stand trial.")
    first, virginia = geocode.geoparse(text, SETTINGS, spans=_spans(text, ["Alexandria", "Virginia"]), gazetteer=gaz)
    assert first.admin1 == "Virginia"
    assert virginia.feature_code == "ADM1"


# --------------------------------------------------------------------------- derived candidates


def test_region_demonyms_resolve_to_the_region() -> None:
    gaz = _gazetteer(_states())
    for word, region in (("Minnesotans", "Minnesota"), ("Ohioans", "Ohio"), ("Virginians", "Virginia")):
        text = f"Many {word} voted early."
        topo = geocode.geoparse(text, SETTINGS, spans=_spans(text, [word]), gazetteer=gaz)[0]
        assert (topo.name, topo.feature_code) == (region, "ADM1"), word


def test_a_word_that_only_looks_like_a_demonym_stays_unresolved() -> None:
    gaz = _gazetteer(_states())
    text = "The Martians landed."
    assert geocode.geoparse(text, SETTINGS, spans=_spans(text, ["Martians"]), gazetteer=gaz)[0].geonameid is None


def test_a_township_resolves_to_the_town_it_is_named_after_in_context() -> None:
    gaz = _gazetteer([
        *_states(),
        (Place(4513583, "Hamilton", 39.40, -84.56, "US", "OH", population=62_000), ["Hamilton"]),
        (Place(5969782, "Hamilton", 43.25, -79.87, "CA", "08", population=520_000), ["Hamilton"]),
    ])
    text = "Hamilton Township trustees in Ohio approved the budget."
    topo = geocode.geoparse(text, SETTINGS, spans=_spans(text, ["Hamilton Township"]), gazetteer=gaz)[0]
    assert (topo.name, topo.iso, topo.admin1) == ("Hamilton", "US", "Ohio")
    assert geo_rank.candidates(gaz, "Hamilton Township") and not geo_rank.candidates(gaz, "Oakport Township")


# --------------------------------------------------------------------------- package data


@pytest.mark.slow
def test_the_eu_resolves_to_europes_point_in_the_package_gazetteer() -> None:
    gaz = Gazetteer.from_package()
    text = "EU foreign ministers met in Brussels; the European Union agreed new sanctions."
    eu, union = geocode.geoparse(text, SETTINGS, spans=_spans(text, ["EU", "European Union"]), gazetteer=gaz)
    for topo in (eu, union):
        assert topo.feature_code == "CONT"
        assert topo.lat is not None and topo.lon is not None
        assert abs(topo.lat - 48.69) < 0.1 and abs(topo.lon - 9.14) < 0.1
