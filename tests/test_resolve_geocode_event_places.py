"""Event locations on a small hand-built gazetteer: seas, one sense per discourse, the most
specific place of the event's sentence, and garbage toponyms (QA-7, QA-9, QA-10, QA-12)."""

from __future__ import annotations

import itertools

import pytest

from sitrep.models import Article, Entity, Event, Location, Record, Source, Span, utcnow
from sitrep.resolve import geocode
from sitrep.resolve.gazetteer import Gazetteer, Place
from sitrep.resolve.geo_names import admin_base_keys
from sitrep.resolve.geo_recognize import is_plausible_toponym
from sitrep.settings import Settings

SETTINGS = Settings(database_url="sqlite:////nonexistent-dir/none.db")
_IDS = itertools.count(1)


@pytest.fixture()
def gaz() -> Gazetteer:
    gaz = Gazetteer()
    gaz.version = f"test-event-places-{next(_IDS)}"
    for c in [
        Place(2017370, "Russia", 60.0, 100.0, "RU", fclass="A", fcode="PCLI", population=144_000_000),
        Place(690791, "Ukraine", 49.0, 32.0, "UA", fclass="A", fcode="PCLI", population=40_000_000),
        Place(290557, "United Arab Emirates", 24.0, 54.0, "AE", fclass="A", fcode="PCLI", population=9_600_000),
        Place(69543, "Yemen", 15.5, 47.5, "YE", fclass="A", fcode="PCLI", population=28_000_000),
        Place(366755, "Sudan", 15.5, 30.0, "SD", fclass="A", fcode="PCLI", population=43_000_000),
        Place(2361809, "Burkina Faso", 12.5, -1.7, "BF", fclass="A", fcode="PCLI", population=20_000_000),
        Place(6252001, "United States", 39.8, -98.5, "US", fclass="A", fcode="PCLI", population=327_000_000),
    ]:
        gaz.add(c, [c.name])
    for place, aliases in [
        (Place(709716, "Donetska oblast", 48.0, 37.8, "UA", "05", fclass="A", fcode="ADM1", population=4_100_000),
         ["Donetsk Oblast"]),
        (Place(292224, "Dubayy", 25.1, 55.3, "AE", "03", fclass="A", fcode="ADM1", population=3_000_000), ["Dubai"]),
        (Place(408646, "Red Sea", 19.5, 36.0, "SD", "26", fclass="A", fcode="ADM1", population=1_400_000), []),
        (Place(5815135, "Washington", 47.5, -120.5, "US", "WA", fclass="A", fcode="ADM1", population=7_700_000), []),
    ]:
        names: list[str] = []
        for n in (place.name, *aliases):
            names.extend(admin_base_keys(n))
        gaz.add(place, names)
    for place in [
        Place(704422, "Pokrovsk", 48.282, 37.176, "UA", "05", population=60_000),
        Place(2017824, "Pokrovsk", 61.48, 129.15, "RU", "63", population=9_500),
        Place(2361177, "Djibo", 14.099, -1.627, "BF", "12", population=61_462),
        Place(79415, "Al Hudaydah", 14.798, 42.954, "YE", "08", population=400_000),
    ]:
        gaz.add(place, [place.name, "Hodeidah"] if place.country == "YE" else [place.name])
    return gaz


def _all_entities(body: str, names: list[str], label: str = "GPE") -> list[Entity]:
    out = []
    for name in names:
        pos = body.find(name)
        while pos >= 0:
            out.append(Entity(text=name, label=label, start=pos, end=pos + len(name)))
            pos = body.find(name, pos + 1)
    return out


def _event(body: str, evidence: str, name: str | None = None) -> Event:
    start = body.index(evidence)
    return Event(id="e", event_type="Battles", sub_event_type="Armed clash", location=Location(name=name),
                 evidence=[Span(text=evidence, start=start, end=start + len(evidence))])


def _locate(gaz: Gazetteer, body: str, events: list[Event], entities: list[Entity],
            dateline: str | None = None) -> Record:
    rec = Record(id="t", source=Source(uri="test", content_type="text/plain", fetched_at=utcnow()), body=body,
                 entities=entities, events=events, article=Article(dateline=dateline))
    geocode.locate_record(rec, SETTINGS, gazetteer=gaz)
    return rec


# --------------------------------------------------------------------------- QA-9: seas


@pytest.mark.parametrize("water", ["Gulf of Aden", "Red Sea", "Mediterranean", "Strait of Hormuz"])
def test_sea_event_does_not_inherit_the_dateline_country(gaz: Gazetteer, water: str) -> None:
    body = (f"DUBAI, United Arab Emirates -- A missile attack on a commercial ship in the {water} on Wednesday "
            "killed three of its crew members, officials said.")
    ev = _event(body, body, water)
    rec = _locate(gaz, body, [ev], _all_entities(body, ["DUBAI", "United Arab Emirates", water]),
                  dateline="Dubai, United Arab Emirates")
    loc = rec.events[0].location
    assert loc.name == water
    assert (loc.country, loc.iso, loc.admin1) == (None, None, None)
    assert (loc.lat, loc.lon, loc.geonameid) == (None, None, None)


def test_sea_name_is_not_resolved_to_the_land_region_named_after_it(gaz: Gazetteer) -> None:
    body = "A drone boat struck a tanker in the Red Sea on Monday, the navy said."
    rec = _locate(gaz, body, [], _all_entities(body, ["Red Sea"], "LOC"))
    assert [t.geonameid for t in rec.toponyms] == [None]  # not Sudan's Red Sea state


def test_sea_event_takes_the_coast_country_the_sentence_names(gaz: Gazetteer) -> None:
    body = "A drone boat struck a tanker in the Red Sea off Yemen's coast on Monday, the navy said."
    ev = _event(body, body, "Red Sea")
    rec = _locate(gaz, body, [ev], _all_entities(body, ["Red Sea", "Yemen"]))
    loc = rec.events[0].location
    assert (loc.name, loc.iso, loc.country) == ("Red Sea", "YE", "Yemen")
    assert loc.lat is None and loc.geonameid is None


def test_sea_event_takes_the_country_written_right_after_the_sea(gaz: Gazetteer) -> None:
    body = "KYIV -- A drone boat struck a tanker in the Black Sea off Ukraine on Monday, the navy said."
    ev = _event(body, body, "Black Sea")
    loc = _locate(gaz, body, [ev], _all_entities(body, ["KYIV", "Black Sea", "Ukraine"]), "Kyiv").events[0].location
    assert (loc.name, loc.iso, loc.lat) == ("Black Sea", "UA", None)


def test_town_named_with_a_water_word_is_still_a_town(gaz: Gazetteer) -> None:
    gaz.add(Place(5254962, "Green Bay", 44.519, -88.020, "US", "WI", population=104_000), ["Green Bay"])
    body = "Police said a man opened fire in Green Bay on Sunday."
    ev = _event(body, body, "Green Bay")
    loc = _locate(gaz, body, [ev], _all_entities(body, ["Green Bay"])).events[0].location
    assert (loc.geonameid, loc.iso, loc.geo_precision) == (5254962, "US", 1)


def test_dateline_with_double_hyphen_is_not_a_place_of_the_event(gaz: Gazetteer) -> None:
    body = "DUBAI, United Arab Emirates -- Gunmen attacked the Zzyx camp on Wednesday, officials said."
    ev = _event(body, body, "Zzyx camp")
    rec = _locate(gaz, body, [ev], _all_entities(body, ["DUBAI", "United Arab Emirates", "Zzyx camp"]),
                  dateline="Dubai, United Arab Emirates")
    loc = rec.events[0].location
    assert loc.name == "Zzyx camp"
    assert loc.iso is None and loc.lat is None


# --------------------------------------------------------------------------- QA-10: one sense per discourse

_POKROVSK = (
    "Russian troops captured a village west of Pokrovsk in Ukraine's Donetsk Oblast, officials said. "
    "Pokrovsk, a logistics hub, has been a target since Russia launched its offensive. "
)


def test_a_name_keeps_its_first_resolution_in_every_sentence(gaz: Gazetteer) -> None:
    body = _POKROVSK
    ev = _event(body, "Pokrovsk, a logistics hub, has been a target since Russia launched its offensive.", "Pokrovsk")
    rec = _locate(gaz, body, [ev], _all_entities(body, ["Pokrovsk", "Ukraine", "Donetsk Oblast", "Russia"]))
    assert [t.geonameid for t in rec.toponyms if t.text == "Pokrovsk"] == [704422, 704422]
    assert (rec.events[0].location.iso, rec.events[0].location.geonameid) == ("UA", 704422)


def test_an_explicit_qualifier_overrides_the_first_resolution(gaz: Gazetteer) -> None:
    body = _POKROVSK + "A namesake, Pokrovsk, Russia, lies in Yakutia."
    rec = _locate(gaz, body, [], _all_entities(body, ["Pokrovsk", "Ukraine", "Donetsk Oblast", "Russia"]))
    assert [t.geonameid for t in rec.toponyms if t.text == "Pokrovsk"] == [704422, 704422, 2017824]


# --------------------------------------------------------------------------- QA-12: the most specific place


def test_event_named_by_its_country_takes_the_town_its_sentence_names(gaz: Gazetteer) -> None:
    body = "Burkina Faso's army said its forces had repelled an attack on Djibo on Sunday."
    ev = _event(body, body, "Burkina Faso")
    rec = _locate(gaz, body, [ev], _all_entities(body, ["Burkina Faso", "Djibo"]))
    loc = rec.events[0].location
    assert (loc.name, loc.geonameid, loc.geo_precision, loc.iso) == ("Djibo", 2361177, 1, "BF")


def test_attacked_town_that_ner_called_an_organisation_is_still_a_place(gaz: Gazetteer) -> None:
    body = ("OUAGADOUGOU — Burkina Faso's army said its forces had repelled a large-scale terrorist attack on "
            "Djibo on Sunday.")
    ev = _event(body, body, "Burkina Faso")
    ents = _all_entities(body, ["Burkina Faso"]) + _all_entities(body, ["Djibo"], "ORG")
    rec = _locate(gaz, body, [ev], ents, dateline="Ouagadougou")
    assert [t.geonameid for t in rec.toponyms if t.text == "Djibo"] == [2361177]
    loc = rec.events[0].location
    assert (loc.name, loc.geonameid, loc.geo_precision) == ("Djibo", 2361177, 1)


def test_town_in_another_country_does_not_refine_the_event_place(gaz: Gazetteer) -> None:
    body = "Ukraine said Russian forces shelled the border as far as Pokrovsk in Russia's north."
    ev = _event(body, body, "Ukraine")
    gaz_topos = _all_entities(body, ["Ukraine", "Pokrovsk", "Russia"])
    loc = _locate(gaz, body, [ev], gaz_topos).events[0].location
    assert (loc.name, loc.iso, loc.geo_precision) == ("Ukraine", "UA", 3)


# --------------------------------------------------------------------------- QA-7: garbage toponyms


@pytest.mark.parametrize(("text", "ok"), [("n’t", False), ("n't", False), ("’s", False), ("downtown", False),
                                          ("Kharkiv", True), ("al-Ahli", True), ("Харків", True), ("القدس", True)])
def test_plausible_toponym(text: str, ok: bool) -> None:
    assert is_plausible_toponym(text) is ok


def test_clitic_tagged_as_place_gives_no_toponym_and_no_event_place(gaz: Gazetteer) -> None:
    body = ("The team wasn’t sure what the cells did, the researchers said. "
            "The lab in Washington sent samples to colleagues.")
    start = body.index("n’t")
    ents = [Entity(text="n’t", label="GPE", start=start, end=start + 3)] + _all_entities(body, ["Washington"])
    ev = _event(body, "The team wasn’t sure what the cells did, the researchers said.", "n’t")
    rec = _locate(gaz, body, [ev], ents)
    assert [t.text for t in rec.toponyms] == ["Washington"]
    loc = rec.events[0].location
    assert loc == Location()  # no name, no coordinates borrowed from Washington


def test_clitic_event_name_gives_way_to_the_place_its_sentence_names(gaz: Gazetteer) -> None:
    body = "Gunmen didn’t spare anyone in Djibo, residents said."
    ev = _event(body, body, "n’t")
    loc = _locate(gaz, body, [ev], _all_entities(body, ["Djibo"])).events[0].location
    assert (loc.name, loc.geonameid) == ("Djibo", 2361177)


def test_organisation_named_again_and_again_after_attack_on_stays_an_actor(gaz: Gazetteer) -> None:
    # A group NER calls an organisation more than once ("attack on Hamas ... Hamas said") is an
    # actor even when a town bears its name.
    body = "The army said it repelled an attack on Djibo on Sunday. Djibo said its fighters withdrew."
    rec = _locate(gaz, body, [], _all_entities(body, ["Djibo"], "ORG"))
    assert rec.toponyms == []


def test_town_of_x_in_a_region_is_never_a_namesake_abroad(gaz: Gazetteer) -> None:
    # a town the gazetteer lacks, with a namesake abroad: "the town of X in <region>" falls back to the region
    gaz.add(Place(408666, "North Darfur", 13.95, 25.35, "SD", "55", fclass="A", fcode="ADM1", population=390_823),
            admin_base_keys("North Darfur"))
    gaz.add(Place(3650721, "Tena", -0.996, -77.813, "EC", "23", population=17_172), ["Tena", "Tina"])
    body = "A drone strike on a market in the town of Tina in North Darfur killed five civilians on Sunday."
    ev = _event(body, body, "Tina")
    rec = _locate(gaz, body, [ev], _all_entities(body, ["Tina", "North Darfur"]))
    loc = rec.events[0].location
    assert loc.iso == "SD" and loc.geonameid != 3650721, loc


def test_town_of_x_in_a_country_is_never_a_namesake_abroad(gaz: Gazetteer) -> None:
    gaz.add(Place(3650721, "Tena", -0.996, -77.813, "EC", "23", population=17_172), ["Tena", "Tina"])
    body = "A drone strike on a market in the town of Tina in western Sudan killed five civilians on Sunday."
    ev = _event(body, body, "Tina")
    rec = _locate(gaz, body, [ev], _all_entities(body, ["Tina", "Sudan"]))
    loc = rec.events[0].location
    assert loc.iso == "SD" and loc.geonameid != 3650721, loc
